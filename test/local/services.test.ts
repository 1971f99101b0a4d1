// Utilities (digest, SimpleDateFormat with time zones, sleep), PropertiesService, Session, Logger,
// HtmlService and the recorded Ui.
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../local/gas/runtime';

function services(opts: ConstructorParameters<typeof Runtime>[0] = {}) {
  const rt = new Runtime(opts);
  return { rt, ...rt.services(rt.newExecution()) };
}

describe('Utilities', () => {
  it('computeDigest returns Java-style signed bytes of the UTF-8 (or ASCII) text', () => {
    const { Utilities } = services();
    const text = '  Jl. Merdeka No. 1, Jakarta — Gedung Ünïcode  ';
    const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_1, text, Utilities.Charset.UTF_8);
    expect(bytes.every((b) => Number.isInteger(b) && b >= -128 && b <= 127)).toBe(true);
    expect(bytes.some((b) => b < 0)).toBe(true);
    const hex = bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
    expect(hex).toBe(createHash('sha1').update(text, 'utf8').digest('hex'));
    const ascii = Utilities.computeDigest(Utilities.DigestAlgorithm.MD5, 'é', Utilities.Charset.US_ASCII);
    expect(Buffer.from(ascii.map((b) => b & 255)).toString('hex')).toBe(
      createHash('md5').update('?').digest('hex'),
    );
    expect(() => Utilities.computeDigest('SHA_3' as string, 'x')).toThrow(/algorithm/);
  });

  it('formatDate follows SimpleDateFormat patterns in the given time zone', () => {
    const { Utilities } = services();
    const d = new Date('2024-05-01T17:30:05.042Z'); // Thursday 2 May 00:30:05 in Jakarta
    expect(Utilities.formatDate(d, 'Asia/Jakarta', 'yyyy-MM-dd HH:mm:ss')).toBe('2024-05-02 00:30:05');
    expect(Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm:ss.SSS')).toBe('2024-05-01 17:30:05.042');
    expect(Utilities.formatDate(d, 'Asia/Jakarta', 'EEE, d MMM yyyy h:mm a Z')).toBe(
      'Thu, 2 May 2024 12:30 AM +0700',
    );
    expect(Utilities.formatDate(d, 'Asia/Jakarta', 'EEEE MMMM yy XXX')).toBe('Thursday May 24 +07:00');
    expect(Utilities.formatDate(d, 'GMT+7', 'HH:mm')).toBe('00:30');
    expect(Utilities.formatDate(d, 'America/New_York', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe(
      '2024-05-01T13:30:05-04:00',
    );
    expect(Utilities.formatDate(d, 'UTC', "'Jam' HH 'o''clock' X")).toBe("Jam 17 o'clock Z");
    expect(Utilities.formatDate(d, 'Asia/Jakarta', 'D w u k K')).toBe('123 18 4 24 0');
    expect(Utilities.formatDate(d, 'Not/AZone', 'HH:mm z')).toBe('17:30 GMT'); // Java falls back to GMT
    expect(() => Utilities.formatDate(d, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => Utilities.formatDate('2024-05-01' as unknown as Date, 'UTC', 'yyyy')).toThrow(/formatDate/);
  });

  it('sleep really waits; base64 and uuid work', () => {
    const { Utilities } = services();
    const t0 = Date.now();
    Utilities.sleep(30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    expect(() => Utilities.sleep(-1)).toThrow();
    expect(Utilities.base64Encode('Kenali')).toBe('S2VuYWxp');
    expect(Utilities.base64Decode('S2VuYWxp')).toEqual([...Buffer.from('Kenali')]);
    expect(Utilities.getUuid()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('PropertiesService', () => {
  it('stores strings per store; document properties live on the workbook', () => {
    const { rt, PropertiesService } = services();
    const doc = PropertiesService.getDocumentProperties();
    doc.setProperty('days', 2 as unknown as string).setProperties({ lang: 'id', n: 5 });
    expect(doc.getProperty('days')).toBe('2');
    expect(doc.getProperties()).toEqual({ days: '2', lang: 'id', n: '5' });
    expect(rt.workbook.documentProperties.get('lang')).toBe('id');
    expect(PropertiesService.getScriptProperties().getProperty('days')).toBeNull();
    doc.setProperties({ only: 'this' }, true);
    expect(doc.getKeys()).toEqual(['only']);
    doc.deleteProperty('only');
    expect(doc.getProperty('only')).toBeNull();
    PropertiesService.getUserProperties().setProperty('k', 'v');
    expect(
      services({ workbook: rt.workbook }).PropertiesService.getUserProperties().getProperty('k'),
    ).toBeNull();
  });

  it('enforces Apps Script’s size quotas', () => {
    const p = services().PropertiesService.getScriptProperties();
    expect(() => p.setProperty('big', 'x'.repeat(10_000))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i++) p.setProperty(`k${i}`, 'x'.repeat(9000)); // 504 KB of 500 KiB
    expect(() => p.setProperty('k56', 'x'.repeat(9000))).toThrow(/property storage quota/);
    expect(p.getProperty('k56')).toBeNull();
  });
});

describe('Session, Logger', () => {
  it('Session reports the configured user and script time zone', () => {
    const { Session } = services({ user: 'toko@example.com', scriptTimeZone: 'Asia/Jakarta' });
    expect(Session.getActiveUser().getEmail()).toBe('toko@example.com');
    expect(Session.getEffectiveUser().getEmail()).toBe('toko@example.com');
    expect(Session.getScriptTimeZone()).toBe('Asia/Jakarta');
  });

  it('Logger formats %s and records lines', () => {
    const { rt, Logger } = services();
    Logger.log('imported %s rows from %s', 3, 'Impor').log({ a: 1 });
    expect(rt.logs).toEqual(['imported 3 rows from Impor', '{"a":1}']);
    expect(Logger.getLog()).toBe('imported 3 rows from Impor\n{"a":1}\n');
  });
});

describe('HtmlService and the Ui', () => {
  it('serves <dir>/<name>.html; sidebars, dialogs, menus and alerts are recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenali-html-'));
    writeFileSync(join(dir, 'Naming.html'), '<p>Beri nama</p>');
    const { rt, HtmlService, SpreadsheetApp } = services({ htmlDir: dir });
    const page = HtmlService.createHtmlOutputFromFile('Naming').setTitle('Beri Nama Pembeli').setWidth(320);
    expect(page.getContent()).toBe('<p>Beri nama</p>');
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
    expect(() => HtmlService.createHtmlOutputFromFile('../secret')).toThrow(/No HTML file/);
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(page);
    ui.showModalDialog(HtmlService.createHtmlOutput('<b>x</b>').appendUntrusted('<i>'), 'Bantuan');
    expect(rt.workbook.ui.dialogs).toEqual([
      {
        kind: 'sidebar',
        title: 'Beri Nama Pembeli',
        content: '<p>Beri nama</p>',
        width: 320,
        height: null,
        fileName: 'Naming',
      },
      {
        kind: 'modal',
        title: 'Bantuan',
        content: '<b>x</b>&#60;i&#62;',
        width: null,
        height: null,
        fileName: null,
      },
    ]);
    ui.createMenu('Kenali')
      .addItem('Impor', 'kenaliImport')
      .addSeparator()
      .addSubMenu(ui.createMenu('Lain').addItem('Bantuan', 'kenaliHelp'))
      .addToUi();
    expect(rt.workbook.ui.menuFunctionNames()).toEqual(['kenaliImport', 'kenaliHelp']);
  });

  it('alerts and prompts answer from a queue (default: the first button)', () => {
    const { rt, SpreadsheetApp } = services();
    const ui = SpreadsheetApp.getUi();
    expect(ui.alert('Selesai')).toBe(ui.Button.OK);
    rt.workbook.ui.respond('NO', { button: 'OK', text: '2024-06-30' });
    expect(ui.alert('Yakin?', 'Data akan ditimpa', ui.ButtonSet.YES_NO)).toBe('NO');
    const r = ui.prompt('Tanggal', 'yyyy-mm-dd', ui.ButtonSet.OK_CANCEL);
    expect([r.getSelectedButton(), r.getResponseText()]).toEqual(['OK', '2024-06-30']);
    expect(rt.workbook.ui.alerts.map((a) => [a.kind, a.title, a.response])).toEqual([
      ['alert', '', 'OK'],
      ['alert', 'Yakin?', 'NO'],
      ['prompt', 'Tanggal', 'OK'],
    ]);
    rt.workbook.ui.respond('YES');
    expect(() => ui.alert('x', ui.ButtonSet.OK)).toThrow(/not one of/);
  });
});
