// `npm start`: the local preview. Opens (or creates, with demo data) a workbook, runs dist/Code.js against
// it in the local Apps Script runtime, and serves on 127.0.0.1 only:
//   GET  /                the workbook's sheets as read-only tables (Segments in its colours)
//   POST /action/<name>   a menu action (import, segment, demo, setup); shows the alert it raised
//   GET  /naming, /lookup, /upload, /selfcheck  the sidebars in a 300 px frame, as Sheets shows them
//   GET  /sidebar/<page>  dist/<Page>.html with a google.script.run shim that POSTs to /api/run
//   POST /api/run         {name, args} → the bundle's function (createJsonBridge), as google.script.run
// The workbook file is saved after every call that may change it. Before each request the file is checked
// (size, time, inode, then content): when another program changed it, it is reloaded first, so a row added
// meanwhile is never saved over; if it cannot be read, the action is refused. Requests must name this server
// in their Host (and Origin, when sent): a web page elsewhere cannot drive it through DNS rebinding.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { t } from '../../src/core/text';
import type { Lang } from '../../src/core/types';
import { createJsonBridge } from '../bridge';
import { clientShimScript } from '../bridge-client';
import type { Bundle } from '../bundle';
import { CliError, langFromArgv, parseCommandArgs, stringOption, UsageError } from '../cli/args';
import {
  bundleFor,
  checkWorkbookPath,
  ensureBuilt,
  fileChanged,
  openWorkbook,
  saveWorkbook,
  workbookLang,
} from '../cli/workbook';
import { DIST_DIR } from '../gas/runtime';
import type { LocalSpreadsheet } from '../gas/spreadsheet';
import { type MenuRecord, menuItems } from '../gas/ui';
import { ACTIONS, type PendingPrompt, SIDEBAR_PAGES, sidebarFrame, workbookPage } from './render';

export interface PreviewOptions {
  workbookPath: string;
  /** 0 picks a free port. */
  port: number;
  /** Language of the preview's own pages (default: the workbook's). */
  lang?: Lang;
  /** Where lines for the console go. */
  log?: (line: string) => void;
  /** Open (and save) a workbook holding what Kenali cannot write back (images, charts…): it is lost. */
  force?: boolean;
}

export interface Preview {
  url: string;
  port: number;
  /** The workbook and bundle in use (new ones after the file was reloaded). */
  readonly workbook: LocalSpreadsheet;
  readonly bundle: Bundle;
  /** Resolves when every pending save is on disk. */
  saved(): Promise<void>;
  close(): Promise<void>;
}

/** Sidebar functions that only read (or, like the self-check, leave nothing behind): no save after them. */
const READ_ONLY = new Set([
  'getNamingQueue',
  'lookupCustomers',
  'getCustomerDetail',
  'runSelfCheck',
  'selfCheckEcho',
  'selfCheckPayload',
  'selfCheckDateResult',
]);
/** Calls that write only an upload's staging sheet: saved with the commit (or end) that follows, not each
 *  time (a big upload is dozens of chunks, and a save writes the whole workbook). */
const STAGING_ONLY = new Set(['uploadChunk']);
const PAGES: Record<string, string> = {
  naming: 'Naming',
  lookup: 'Lookup',
  upload: 'Upload',
  selfcheck: 'SelfCheck',
};
/** An upload chunk is 1,000,000 characters of JSON (core/upload.ts), more in UTF-8 and escaped; the
 *  self-check sends 1,000,000 characters (1.3 MB of UTF-8). */
const MAX_BODY = 8 << 20;
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

/** The sidebar page with the google.script.run shim in front of its own script. */
export function sidebarHtml(page: string, names: string[]): string {
  const html = readFileSync(join(DIST_DIR, `${page}.html`), 'utf8');
  const shim = `<script>${clientShimScript({ endpoint: '/api/run', names })}</script>`;
  const at = html.search(/<head[^>]*>/i);
  if (at < 0) return shim + html;
  const end = html.indexOf('>', at) + 1;
  return html.slice(0, end) + shim + html.slice(end);
}

export async function startPreview(opts: PreviewOptions): Promise<Preview> {
  const log = opts.log ?? (() => {});
  await ensureBuilt(log);
  const path = resolve(opts.workbookPath);
  const first = opts.lang ?? 'id';
  const force = opts.force === true;
  let { workbook, created, stamp } = await openWorkbook(path, {
    lang: first,
    create: { timeZone: 'Asia/Jakarta' },
    force,
  });
  let bundle = bundleFor(workbook);
  if (created) {
    bundle.call('kenaliLoadDemo');
    dropEmptyDefaultSheet(workbook);
    await saveWorkbook(workbook, path, first);
    log(t('cli', first).preview.demoCreated(path));
    // Reopen what was saved: the preview shows the file, not an in-memory state that was never written.
    ({ workbook, stamp } = await openWorkbook(path, { lang: first }));
    bundle = bundleFor(workbook);
    created = false;
  }
  const lang = opts.lang ?? workbookLang(workbook);
  const tx = t('cli', lang).preview;
  let bridge = createJsonBridge(bundle, { warn: log });
  const names = bundle.functionNames().filter((n) => !n.endsWith('_'));
  let message: { title: string; text: string } | null = null;
  let pending: PendingPrompt | null = null;
  // The menu as Sheets builds it when the file opens (and again after a reload).
  let menu = buildMenu(bundle, workbook);
  let toastsShown = workbook.toasts.length;
  const because = (e: unknown) => (e instanceof Error ? e.message : String(e));

  // Saves run one after another; a request answers after its save, so the file is current when it does.
  // Each save writes over the file only if it is still what was read or last written (`stamp`).
  let saving: Promise<string | null> = Promise.resolve(null);
  const save = () => {
    saving = saving.then(async () => {
      try {
        stamp = await saveWorkbook(workbook, path, lang, { force, expected: stamp });
        return null;
      } catch (e) {
        log(because(e));
        return because(e);
      }
    });
    return saving;
  };

  /** The file as another program left it: reloaded when it changed. Null when current, else why not. */
  const current = async (): Promise<string | null> => {
    await saving;
    if (stamp === null || !fileChanged(path, stamp)) return null;
    try {
      const opened = await openWorkbook(path, { lang, force });
      workbook = opened.workbook;
      stamp = opened.stamp;
      bundle = bundleFor(workbook);
      bridge = createJsonBridge(bundle, { warn: log });
      menu = buildMenu(bundle, workbook);
      toastsShown = workbook.toasts.length;
      log(tx.reloaded(path));
      return null;
    } catch (e) {
      return tx.changedUnreadable(path, because(e));
    }
  };

  let port = opts.port;
  const hostOk = (req: IncomingMessage) => {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(String(req.headers.host ?? ''))) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowed.some((h) => origin === `http://${h}`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!hostOk(req)) return send(res, 403, 'text/plain', 'forbidden');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const route = url.pathname;
    const touches = route === '/' || route === '/api/run' || route.startsWith('/action/');
    const refused = touches ? await current() : null;
    if (req.method === 'GET' && route === '/') {
      if (refused) message = { title: tx.title, text: refused };
      const html = workbookPage({
        workbook,
        workbookPath: path,
        lang,
        sheet: url.searchParams.get('sheet'),
        message,
        menu,
        toasts: workbook.toasts.slice(toastsShown),
        pending,
      });
      // An action's message and toasts are shown once, on the page that follows it.
      message = null;
      toastsShown = workbook.toasts.length;
      return send(res, 200, 'text/html', html, { 'content-security-policy': CSP });
    }
    if (req.method === 'GET' && /^\/(naming|lookup|upload|selfcheck)$/.test(route)) {
      const key = route.slice(1) as 'naming' | 'lookup' | 'upload' | 'selfcheck';
      const wbLang = workbookLang(workbook);
      const title =
        key === 'upload'
          ? t('upload', wbLang).title
          : key === 'selfcheck'
            ? t('menu', wbLang).selfCheck
            : t('sheet', wbLang)[key === 'naming' ? 'namingTitle' : 'lookupTitle'];
      return send(res, 200, 'text/html', sidebarFrame(title, `/sidebar/${key}`, lang), {
        'content-security-policy': CSP,
      });
    }
    const sidebar = /^\/sidebar\/(naming|lookup|upload|selfcheck)$/.exec(route);
    if (req.method === 'GET' && sidebar) {
      // No CSP here: the page must prove on its own that it renders untrusted text as text.
      return send(res, 200, 'text/html', sidebarHtml(PAGES[sidebar[1]], names));
    }
    const action = /^\/action\/([A-Za-z_]+)$/.exec(route);
    if (req.method === 'POST' && action) {
      const fn = ACTIONS.find((x) => x.path === action[1])?.fn ?? action[1];
      const item = (menu ? menuItems(menu) : []).find((x) => x.functionName === fn);
      if (!item && !ACTIONS.some((x) => x.fn === fn)) return send(res, 404, 'text/plain', 'not found');
      const caption = item?.caption ?? fn;
      if (SIDEBAR_PAGES[fn]) return send(res, 303, 'text/plain', '', { location: `/${SIDEBAR_PAGES[fn]}` });
      const form = new URLSearchParams(await readBody(req).catch(() => ''));
      const answered = pending?.functionName === fn && form.has('button');
      pending = null;
      if (refused) {
        message = { title: caption, text: refused };
        return send(res, 303, 'text/plain', '', { location: '/' });
      }
      const before = workbook.ui.alerts.length;
      const ui = workbook.ui;
      if (answered)
        ui.respond({ button: form.get('button') === 'OK' ? 'OK' : 'CANCEL', text: form.get('answer') ?? '' });
      // A prompt with no answer yet stops the action before it does anything: the page asks it.
      let asked: PendingPrompt | null = null;
      ui.onUnansweredPrompt = (title, prompt) => {
        asked = { functionName: fn, caption, title, prompt };
        throw new Error(prompt);
      };
      try {
        bundle.call(fn);
        const alerts = ui.alerts.slice(before).filter((x) => x.kind === 'alert');
        message = alerts.length
          ? { title: alerts.map((x) => x.title).join(' · '), text: alerts.map((x) => x.prompt).join('\n\n') }
          : null;
      } catch (e) {
        if (asked) {
          pending = asked;
          return send(res, 303, 'text/plain', '', { location: '/' });
        }
        message = { title: caption, text: tx.actionFailed(e instanceof Error ? e.message : String(e)) };
      } finally {
        ui.onUnansweredPrompt = null;
      }
      const failed = await save();
      if (failed) message = { title: message?.title ?? caption, text: failed };
      return send(res, 303, 'text/plain', '', { location: '/' });
    }
    if (req.method === 'POST' && route === '/api/run') {
      let body: string;
      try {
        body = await readBody(req);
      } catch {
        return send(res, 413, 'text/plain', 'too large');
      }
      if (refused) {
        return send(
          res,
          200,
          'application/json',
          JSON.stringify({ ok: false, error: { name: 'Error', message: refused } }),
        );
      }
      const answer = await bridge(body);
      let name = '';
      try {
        name = String((JSON.parse(body) as { name?: unknown }).name ?? '');
      } catch {
        // bridge already answered "Bad request"
      }
      const saves = name && !READ_ONLY.has(name) && !STAGING_ONLY.has(name);
      const changed = saves && (JSON.parse(answer) as { ok: boolean }).ok;
      if (changed) await save();
      return send(res, 200, 'application/json', answer, changed ? { 'x-kenali-saved': '1' } : {});
    }
    return send(res, 404, 'text/plain', 'not found');
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(e instanceof Error ? (e.stack ?? e.message) : String(e));
      if (!res.headersSent) send(res, 500, 'text/plain', 'error');
      else res.end();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://localhost:${port}`;
  return {
    url,
    port,
    get workbook() {
      return workbook;
    },
    get bundle() {
      return bundle;
    },
    saved: () => saving.then(() => undefined),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          saving.then(() => ok());
        });
      }),
  };
}

/** Runs onOpen as Sheets does when the file opens; the add-on menu it built (or null). */
function buildMenu(bundle: Bundle, workbook: LocalSpreadsheet): MenuRecord | null {
  try {
    bundle.call('onOpen', { authMode: 'FULL' });
  } catch {
    return null;
  }
  return workbook.ui.menus.find((m) => m.addon) ?? workbook.ui.menus[0] ?? null;
}

/** A new spreadsheet's empty first sheet, once the demo filled others: Sheets users delete it too. */
function dropEmptyDefaultSheet(workbook: LocalSpreadsheet): void {
  const sheets = workbook.getSheets();
  const blank = sheets.find(
    (sh) => sh.getName() === 'Sheet1' && sh.getLastRow() === 0 && sh.getLastColumn() === 0,
  );
  if (blank && sheets.length > 1) workbook.deleteSheet(blank);
}

const SERVER_OPTIONS = {
  workbook: { type: 'string', short: 'w' },
  port: { type: 'string', short: 'p' },
  force: { type: 'boolean' },
} as const;

async function main(argv: string[]): Promise<number> {
  const { lang: argLang, invalid } = langFromArgv(argv);
  const tx = t('cli', argLang);
  if (invalid !== null) {
    console.error(tx.errors.badLang(invalid));
    return 2;
  }
  const hasLang = argv.some((a) => a === '--lang' || a.startsWith('--lang='));
  try {
    const args = parseCommandArgs('start', argv, SERVER_OPTIONS, argLang);
    if (args.values.help === true) {
      console.log(tx.preview.help);
      return 0;
    }
    if (args.positionals.length > 0) throw new UsageError(tx.errors.tooManyArgs(args.positionals[0]));
    const workbookPath = stringOption(args, 'workbook') ?? 'kenali-demo.xlsx';
    checkWorkbookPath(workbookPath, argLang, 'start');
    const portText = stringOption(args, 'port') ?? '8080';
    const port = Number(portText);
    if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(tx.preview.badPort(portText));
    let preview: Preview;
    try {
      preview = await startPreview({
        workbookPath,
        port,
        lang: hasLang ? argLang : undefined,
        log: (l) => console.log(l),
        force: args.values.force === true,
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new CliError(tx.preview.portInUse(port));
      throw e;
    }
    console.log(tx.preview.workbook(resolve(workbookPath)));
    console.log(tx.preview.listening(preview.url));
    await new Promise<void>((done) => {
      const stop = () => {
        preview.close().then(() => {
          console.log(tx.preview.stopped);
          done();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      console.error(tx.preview.help);
      return 2;
    }
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
