// What we ship asks for the least and talks to no one: exactly the two narrow OAuth scopes, no network or
// other Google service in the server bundle, and sidebar pages that load nothing from anywhere.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtCode, DIST, ROOT } from './harness';

const SCOPES = [
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
];

/** Services and APIs the server bundle must never touch (each needs a broader scope or reaches out). */
const SERVER_FORBIDDEN: [string, RegExp][] = [
  ['UrlFetchApp', /\bUrlFetchApp\b/],
  ['DriveApp', /\bDriveApp\b/],
  ['GmailApp', /\bGmailApp\b/],
  ['MailApp', /\bMailApp\b/],
  ['CalendarApp', /\bCalendarApp\b/],
  ['DocumentApp', /\bDocumentApp\b/],
  ['FormApp', /\bFormApp\b/],
  ['SlidesApp', /\bSlidesApp\b/],
  ['ContactsApp', /\bContactsApp\b/],
  ['ScriptApp', /\bScriptApp\b/],
  ['getOAuthToken', /\bgetOAuthToken\b/],
  ['fetch(', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['advanced Sheets service', /\bSheets\.[A-Z]/],
  ['advanced Drive service', /\bDrive\.[A-Z]/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];
/** The Apps Script services the bundle may name (all within spreadsheets.currentonly + container.ui). */
const SERVER_SERVICES = new Set(['SpreadsheetApp', 'LockService', 'PropertiesService', 'HtmlService']);

/** Anything in a page that would load or send something: remote URLs, resource elements, network APIs. */
const PAGE_FORBIDDEN: [string, RegExp][] = [
  [
    'src/href/action to a URL',
    /\b(?:src|href|action|formaction|poster|data|srcset)\s*=\s*["']?\s*(?:https?:)?\/\//i,
  ],
  ['<script src>', /<script\b[^>]*\bsrc\s*=/i],
  ['<link>', /<link\b/i],
  ['<iframe>', /<iframe\b/i],
  ['<img>', /<img\b/i],
  ['@import', /@import\b/i],
  ['url()', /\burl\s*\(/i],
  ['web fonts', /fonts\.(?:googleapis|gstatic)\.com|@font-face/i],
  ['http(s) URL', /https?:\/\/(?!www\.w3\.org\/)/i],
  ['fetch(', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['sendBeacon', /\bsendBeacon\b/],
  ['new Image', /\bnew\s+Image\b/],
  ['window.open', /\bwindow\.open\s*\(/],
];

const found = (text: string, rules: [string, RegExp][]) =>
  rules.filter(([, re]) => re.test(text)).map(([n]) => n);

beforeAll(() => {
  builtCode();
});

describe('the manifest', () => {
  const source = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8'));
  const shipped = JSON.parse(readFileSync(join(DIST, 'appsscript.json'), 'utf8'));

  it('asks for exactly the two least-privilege scopes, and dist/ ships that manifest', () => {
    expect(shipped).toEqual(source);
    expect([...shipped.oauthScopes].sort()).toEqual(SCOPES);
  });

  it('enables no advanced service, URL fetching, web app or API executable', () => {
    expect(shipped.dependencies?.enabledAdvancedServices ?? []).toEqual([]);
    for (const key of ['urlFetchWhitelist', 'webapp', 'executionApi'])
      expect(shipped).not.toHaveProperty(key);
  });
});

describe('the server bundle (dist/Code.js)', () => {
  it('the scanner finds each forbidden use (so a clean result means something)', () => {
    const sample = [
      'UrlFetchApp.fetch("http://x")',
      'DriveApp.getFiles()',
      'GmailApp.sendEmail()',
      'MailApp.sendEmail()',
      'CalendarApp.x',
      'DocumentApp.x',
      'FormApp.x',
      'SlidesApp.x',
      'ContactsApp.x',
      'ScriptApp.newTrigger()',
      'ScriptApp.getOAuthToken()',
      'fetch (url)',
      'new XMLHttpRequest()',
      'new WebSocket(u)',
      'Sheets.Spreadsheets.get(id)',
      'Drive.Files.list()',
      'eval (s)',
      'new Function("x")',
    ].join('\n');
    expect(found(sample, SERVER_FORBIDDEN)).toEqual(SERVER_FORBIDDEN.map(([n]) => n));
    expect(found('SpreadsheetApp.getActive(); "Google Sheets"; prefetch(x)', SERVER_FORBIDDEN)).toEqual([]);
  });

  it('uses no network, mail, Drive or other Google service: only the spreadsheet, its UI, locks, properties', () => {
    const code = builtCode();
    expect(found(code, SERVER_FORBIDDEN)).toEqual([]);
    const services = new Set(code.match(/\b[A-Z][A-Za-z]*(?:App|Service)\b/g));
    expect([...services].filter((s) => !SERVER_SERVICES.has(s))).toEqual([]);
    expect(services.has('SpreadsheetApp')).toBe(true);
  });
});

describe('the sidebar pages', () => {
  it('the scanner finds each way of loading or sending something', () => {
    const sample = [
      '<img src="https://x/y.png">',
      '<script src="/a.js"></script>',
      '<link rel="stylesheet" href="x.css">',
      '<iframe></iframe>',
      '@import "x.css";',
      'background: url(x.png)',
      '@font-face { }',
      'see http://evil.example/',
      'fetch(u)',
      'new XMLHttpRequest',
      'new WebSocket(u)',
      'new EventSource(u)',
      'navigator.sendBeacon(u)',
      'new Image()',
      'window.open(u)',
    ].join('\n');
    expect(found(sample, PAGE_FORBIDDEN)).toEqual(PAGE_FORBIDDEN.map(([n]) => n));
    expect(found('<a href="//evil.example/">', PAGE_FORBIDDEN)).toContain('src/href/action to a URL');
    expect(found('<svg xmlns="http://www.w3.org/2000/svg"></svg>', PAGE_FORBIDDEN)).toEqual([]);
  });

  it.each(['Naming', 'Lookup', 'SelfCheck'])(
    '%s.html loads nothing remote and opens no connection of its own',
    (name) => {
      const html = readFileSync(join(DIST, `${name}.html`), 'utf8');
      expect(html).toContain('<script>');
      expect(found(html, PAGE_FORBIDDEN)).toEqual([]);
    },
  );
});

describe('inline scripts HtmlService could cut (build.mjs assertNoDoubleSlash)', () => {
  it('refuses a page whose inline script holds "//", anywhere in it', async () => {
    const { assertNoDoubleSlash } = await import('../../build.mjs');
    const page = (js: string) => `<p>http://fine.example</p><script>${js}</script>`;
    expect(() => assertNoDoubleSlash('P', page('var a="x"+"/"+"/y";'))).not.toThrow();
    expect(() => assertNoDoubleSlash('P', page('var u="https://x";'))).toThrow(
      /P: an inline script contains "\/\/"/,
    );
    expect(() => assertNoDoubleSlash('P', page('var r=/a\\/\\//;'))).toThrow(/\/\//); // no regex is exempt
    expect(() => assertNoDoubleSlash('P', page('f() // note'))).toThrow(/\/\//);
    // The self-check's probe string is allowed on the self-check page only.
    expect(() => assertNoDoubleSlash('SelfCheck', page("p='kenali//periksa';"))).not.toThrow();
    expect(() => assertNoDoubleSlash('Naming', page("p='kenali//periksa';"))).toThrow(/\/\//);
  });

  it.each(['Naming', 'Lookup', 'Upload', 'SelfCheck'])('%s.html as shipped passes it', async (name) => {
    const { assertNoDoubleSlash } = await import('../../build.mjs');
    expect(() => assertNoDoubleSlash(name, readFileSync(join(DIST, `${name}.html`), 'utf8'))).not.toThrow();
  });
});
