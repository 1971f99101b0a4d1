// "Periksa Kenali" in the local runtime: the self-check a seller runs in a real spreadsheet must pass here
// (every expectation is what this runtime implements), leave the workbook as it was, survive a check that
// throws, and replay a block from a real spreadsheet as a fixture (test/fixtures/selfcheck/README.md).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '../../local';
import {
  compareBlocks,
  differenceLines,
  parseBlock,
  type SelfCheckBlock,
} from '../../src/core/selfcheck/block';
import { CELL_PROBES, CLIENT_CHECKS } from '../../src/core/selfcheck/checks';
import { builtCode, NOW, ROOT, workbookState } from '../hostile/harness';
import { runPage, runSelfCheck } from './selfcheck-run';

const FIXTURES = join(ROOT, 'test/fixtures/selfcheck');

beforeAll(() => {
  builtCode();
});

/** The local runtime's block for the spreadsheet settings of `field` (run at the block's own time). */
async function localBlockFor(field: SelfCheckBlock): Promise<SelfCheckBlock> {
  const run = await runSelfCheck({
    locale: field.locale,
    timeZone: field.timeZone,
    now: Date.parse(field.ranAt),
  });
  return run.block;
}

describe('Periksa Kenali in the local runtime', () => {
  it.each([
    ['id_ID', 'Asia/Jakarta'],
    ['en_US', 'America/New_York'],
    ['en_GB', 'Europe/London'],
  ])('every check passes (%s, %s) and the page shows each as lulus', async (locale, timeZone) => {
    const run = await runSelfCheck({ locale, timeZone, now: NOW });
    const failed = run.items.filter((i) => !i.ok).map((i) => i.text);
    expect(failed).toEqual([]);
    expect(run.block.failed).toEqual([]);
    expect(run.errors).toEqual([]);
    // Every probe in both columns, the client round trips, and the rest: nothing silently skipped.
    expect(run.items.length).toBe(CELL_PROBES.length * 2 + 5 + 1 + 1 + 2 + CLIENT_CHECKS.length);
    expect(Object.keys(run.block.checks).sort()).toEqual(run.items.map((i) => i.id).sort());
    expect(run.block).toMatchObject({ locale, timeZone, kenaliSelfCheck: 1 });
    expect(run.summary).toMatch(/^Semua \d+ pemeriksaan lulus\.$|^All \d+ checks passed\.$/);
  });

  it('changes nothing: same sheets, values, formats, active sheet and document properties', async () => {
    const { workbook } = await runSelfCheck({ locale: 'id_ID', timeZone: 'Asia/Jakarta', now: NOW });
    // A workbook with the seller's own sheets and a property before the run.
    workbook.putValues('Catatan', [
      ['catatan', '=SUM(1)'],
      ['x', 2],
    ]);
    workbook.documentProperties.set('kenali.recentDays', '3');
    workbook.setActiveSheet(workbook.sheet('Catatan'));
    const before = workbookState(workbook);
    const bundle = loadBundle({ workbook, code: builtCode(), now: NOW });
    const run = await runPage(bundle);
    expect(run.block.failed).toEqual([]);
    expect(workbookState(workbook)).toEqual(before);
    expect(workbook.getActiveSheet().getName()).toBe('Catatan');
  });

  it('the copy button copies the block, or says how to copy it by hand (no clipboard in a sandboxed frame)', async () => {
    const bundle = loadBundle({ code: builtCode(), now: NOW });
    const run = await runPage(bundle);
    const button = run.document.querySelector<HTMLButtonElement>('button.copy')!;
    button.click();
    const note = run.document.querySelector('.copy-note')!;
    for (let i = 0; i < 100 && note.textContent === ''; i++) await new Promise((r) => setTimeout(r, 10));
    expect(['Tersalin', 'Pilih teks blok lalu salin (Ctrl+C).']).toContain(note.textContent);
    expect(run.errors).toEqual([]);
  });

  it('the menu item "Periksa Kenali" opens the SelfCheck sidebar', () => {
    const bundle = loadBundle({ code: builtCode(), now: NOW });
    bundle.call('onOpen');
    const item = bundle.ui.menus[0].items.find((i) => i.kind === 'item' && i.caption === 'Periksa Kenali');
    expect(item).toMatchObject({ functionName: 'kenaliSelfCheck' });
    bundle.call('kenaliSelfCheck');
    expect(bundle.ui.dialogs.at(-1)).toMatchObject({
      kind: 'sidebar',
      title: 'Periksa Kenali',
      fileName: 'SelfCheck',
    });
  });

  it.each([
    ['Range.getFormulas', /^auto:|^text:/],
    ['Range.getDisplayValues', /^date:|^display:/],
    ['Range.setValue', /^cell:/],
  ])(
    'a check that throws (%s) is reported as gagal, and the temporary sheet is still removed',
    async (call, ids) => {
      const { workbook } = await runSelfCheck({ locale: 'id_ID', timeZone: 'Asia/Jakarta', now: NOW });
      const sheets = workbook.getSheets().map((s) => s.getName());
      const bundle = loadBundle({ workbook, code: builtCode(), now: NOW });
      workbook.counter.failOn(call, 1);
      const run = await runPage(bundle);
      workbook.counter.clearFaults();
      const failed = run.block.failed;
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((id) => ids.test(id))).toBe(true);
      expect(run.block.checks[failed[0]]).toMatch(/^error: /);
      expect(run.block.checks.cleanup).toBe('removed');
      expect(workbook.getSheets().map((s) => s.getName())).toEqual(sheets);
    },
  );
});

describe('replaying a block from a real spreadsheet', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));

  it('has fixtures to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s: the local runtime sees what the spreadsheet saw', async (file) => {
    const field = parseBlock(readFileSync(join(FIXTURES, file), 'utf8'));
    const diffs = compareBlocks(field, await localBlockFor(field));
    expect(differenceLines(diffs)).toEqual([]);
  });

  it('a block that disagrees with the runtime fails, naming each difference', async () => {
    const field = parseBlock(readFileSync(join(FIXTURES, 'disagree/plus-formula.json'), 'utf8'));
    const lines = differenceLines(compareBlocks(field, await localBlockFor(field)));
    expect(lines).toEqual([
      'auto:+abc: the spreadsheet saw "formula:=+abc", the local runtime sees "text:+abc"',
      'auto:1/2: the spreadsheet saw "text:1/2", the local runtime sees "date:--02-01 00:00:00"',
    ]);
  });
});
