// Utilities (sleep, getUuid), PropertiesService, HtmlService and the recorded Ui.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../local/gas/runtime';

function services(opts: ConstructorParameters<typeof Runtime>[0] = {}) {
  const rt = new Runtime(opts);
  return { rt, ...rt.services(rt.newExecution()) };
}

describe('Utilities', () => {
  it('sleep really waits; uuid works', () => {
    const { Utilities } = services();
    const t0 = Date.now();
    Utilities.sleep(30);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
    expect(() => Utilities.sleep(-1)).toThrow();
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

describe('HtmlService and the Ui', () => {
  it('serves <dir>/<name>.html; sidebars, dialogs, menus and alerts are recorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kenali-html-'));
    writeFileSync(join(dir, 'Naming.html'), '<p>Beri nama</p>');
    const { rt, HtmlService, SpreadsheetApp } = services({ htmlDir: dir });
    const page = HtmlService.createHtmlOutputFromFile('Naming').setTitle('Beri Nama Pembeli').setWidth(320);
    expect(() => HtmlService.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
    expect(() => HtmlService.createHtmlOutputFromFile('../secret')).toThrow(/No HTML file/);
    const ui = SpreadsheetApp.getUi();
    ui.showSidebar(page);
    expect(rt.workbook.ui.dialogs).toEqual([
      {
        kind: 'sidebar',
        title: 'Beri Nama Pembeli',
        content: '<p>Beri nama</p>',
        width: 320,
        fileName: 'Naming',
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
