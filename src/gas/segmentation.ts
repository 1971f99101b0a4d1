// Segmentasi RFM: the Segments sheet is built complete in a staging sheet, then swapped in, so a failure
// never leaves a half-written Segments sheet (the old one stays until the new one is whole).
import { buildCustomers } from '../core/customers';
import { buildSegmentsSheet, SEGMENT_COLUMNS } from '../core/segments';
import { t } from '../core/text';
import type { CellValue, Clock } from '../core/types';
import type { Env } from './context';
import { writeProblems } from './importer';
import { type ColumnKind, writeRows, writeTable } from './sheets';
import { loadStore } from './store';

export interface SegmentationReport {
  customers: number;
  message: string;
  notice: string | null;
}

/** Formats of the Segments columns, by column id (see core/segments.ts). */
const COLUMN_KINDS: Record<(typeof SEGMENT_COLUMNS)[number], ColumnKind> = {
  buyerKey: 'text',
  name: 'text',
  username: 'text',
  address: 'text',
  firstOrder: 'datetime',
  lastOrder: 'datetime',
  recencyDays: 'integer',
  frequency: 'integer',
  monetary: 'money',
  r: 'integer',
  f: 'integer',
  m: 'integer',
  rfm: 'text',
  segment: 'text',
};

const WIDTHS: Partial<Record<(typeof SEGMENT_COLUMNS)[number], number>> = {
  buyerKey: 120,
  name: 160,
  username: 130,
  address: 260,
  firstOrder: 120,
  lastOrder: 120,
  monetary: 120,
  segment: 150,
};

const SUMMARY_KINDS: ColumnKind[] = ['text', 'integer', 'integer', 'money', 'percent', 'percent'];

export function runSegmentation(env: Env, clock: Clock = env.clock, toast = true): SegmentationReport {
  const { ss, lang } = env;
  const tx = t('sheet', lang);
  if (toast) ss.toast(tx.segmentReading, tx.segmentTitle, 5);

  // Lines are not needed for RFM: skip the biggest sheet.
  const store = loadStore(env, { orders: true, payments: true, profiles: true });
  const index = buildCustomers({ ...store, items: [] });
  const content = buildSegmentsSheet(index, clock, lang);
  if (content.rows.length === 0) {
    return { customers: 0, message: content.empty ?? tx.segmentNoOrders, notice: null };
  }
  if (toast) ss.toast(tx.segmentWriting(content.rows.length), tx.segmentTitle, 5);

  const finalName = tx.segmentsSheet;
  // Named by the real time (not the run date): its age tells a leftover from a run still going.
  const now = env.clock.now;
  const run = trackRun(ss, finalName, now);
  try {
    const names = sheetNames(finalName, now);
    const staging = ss.insertSheet(names.staging);
    let old: Sheet | null;
    try {
      writeSegments(staging, content, lang);
      old = ss.getSheetByName(finalName);
    } catch (e) {
      ss.deleteSheet(staging);
      throw e;
    }
    swapIn(ss, staging, old, names);
  } finally {
    run.release();
  }

  const done = tx.segmentDone(content.rows.length, finalName);
  if (toast) ss.toast(done, tx.segmentTitle, 5);
  const lines = [done];
  if (content.notice) lines.push(content.notice);
  lines.push(...content.report);
  // Rows of the store we could not read were left out of the scores: say so, and where.
  if (store.problems.length > 0) {
    writeProblems(env, store.problems);
    lines.push(tx.storeProblems(store.problems.length, tx.problemsSheet));
  }
  return { customers: content.rows.length, message: lines.join('\n'), notice: content.notice };
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Older than any execution can run (Apps Script stops one at 6 minutes): a leftover, not work in progress. */
const LEFTOVER_AFTER_MS = 30 * 60_000;
/** One document property per run in progress, `<prefix><start ms>` → the Segments sheet's name. */
const RUN_PROPERTY = 'kenali.segmentsRun.';

/** The sheets of the run started at `started`: the new table while it is written, the old one set aside. */
function sheetNames(finalName: string, started: number) {
  return {
    final: finalName,
    staging: `${finalName} (baru ${started})`,
    aside: `${finalName} (lama ${started})`,
  };
}

/**
 * Records this run until it ends (even by an exception), after removing what runs stopped dead (Apps
 * Script's time limit: no catch or finally of theirs ran) left behind: their staging or set-aside sheet.
 * A few calls whatever the number of sheets or rows.
 */
function trackRun(ss: Spreadsheet, finalName: string, now: number): { release(): void } {
  const props = PropertiesService.getDocumentProperties();
  for (const key of props.getKeys()) {
    if (!key.startsWith(RUN_PROPERTY)) continue;
    const started = Number(key.slice(RUN_PROPERTY.length));
    if (now - started <= LEFTOVER_AFTER_MS) continue; // still running, perhaps
    const names = sheetNames(props.getProperty(key) ?? finalName, started);
    for (const name of [names.staging, names.aside]) {
      const sheet = ss.getSheetByName(name);
      if (sheet) ss.deleteSheet(sheet);
    }
    props.deleteProperty(key);
  }
  const own = `${RUN_PROPERTY}${now}`;
  props.setProperty(own, finalName);
  return { release: () => props.deleteProperty(own) };
}

/**
 * Puts the complete staging sheet in place of the old Segments sheet: old set aside, new renamed, old
 * deleted. A failing step puts the old one back and removes the new one, so the seller always sees one
 * whole Segments sheet, old or new.
 */
function swapIn(
  ss: Spreadsheet,
  staging: Sheet,
  old: Sheet | null,
  names: ReturnType<typeof sheetNames>,
): void {
  // Each undo step on its own: with another editor segmenting at the same moment one may fail (their
  // sheet took the name), and the others must still run.
  const undo = (steps: (() => void)[], e: unknown): never => {
    for (const step of steps) {
      try {
        step();
      } catch {
        // the sheet is gone or the name taken: nothing more to put back with this step
      }
    }
    throw e;
  };
  const dropNew = () => ss.deleteSheet(staging);
  if (!old) {
    try {
      staging.setName(names.final);
    } catch (e) {
      undo([dropNew], e);
    }
    return;
  }
  try {
    old.setName(names.aside);
  } catch (e) {
    undo([dropNew], e);
  }
  const oldBack = () => old.setName(names.final);
  try {
    staging.setName(names.final);
  } catch (e) {
    undo([oldBack, dropNew], e);
  }
  try {
    ss.deleteSheet(old);
  } catch (e) {
    undo([() => staging.setName(names.staging), oldBack, dropNew], e);
  }
}

type SegmentsContent = ReturnType<typeof buildSegmentsSheet>;

/** One setValues for the table, one setBackgrounds and one setFontColors for the label column,
 *  frozen header, filter, widths; the summary and its chart beside the table. */
function writeSegments(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  c: SegmentsContent,
  lang: Env['lang'],
): void {
  const tx = t('sheet', lang);
  const kinds = SEGMENT_COLUMNS.map((id) => COLUMN_KINDS[id]);
  const n = c.rows.length;
  const width = c.header.length;
  writeTable(sheet, c.header, c.rows, kinds);
  sheet.setFrozenRows(1);
  const label = sheet.getRange(2, c.labelColumn + 1, n, 1);
  label.setBackgrounds(c.backgrounds.map((b) => [b]));
  label.setFontColors(c.fontColors.map((f) => [f]));
  label.setFontWeight('bold');
  sheet.getRange(1, 1, n + 1, width).createFilter();
  SEGMENT_COLUMNS.forEach((id, i) => {
    const w = WIDTHS[id];
    if (w) sheet.setColumnWidth(i + 1, w);
  });

  // Summary: one blank column to the right of the table; the too-thin notice above it.
  const col = width + 2;
  const s = c.summary;
  const titles: CellValue[][] = [[tx.summaryTitle], ...(c.notice ? [[c.notice]] : [])];
  writeRows(sheet, 1, titles, ['text'], col)!.setFontWeight('bold');
  const headerRow = 1 + titles.length;
  writeRows(
    sheet,
    headerRow,
    [s.header],
    s.header.map(() => 'text'),
    col,
  )!.setFontWeight('bold');
  writeRows(sheet, headerRow + 1, s.rows, SUMMARY_KINDS, col);
  const labels = sheet.getRange(headerRow + 1, col, s.rows.length, 1);
  labels.setBackgrounds(s.backgrounds.map((b) => [b]));
  labels.setFontColors(s.fontColors.map((f) => [f]));
  sheet.setColumnWidth(col, 170);

  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.BAR)
    .addRange(sheet.getRange(headerRow, col, s.rows.length + 1, 2))
    .setOption('title', tx.chartTitle)
    .setOption('legend', { position: 'none' })
    .setOption('colors', ['#1a73e8'])
    .setPosition(headerRow + s.rows.length + 2, col, 0, 0)
    .build();
  sheet.insertChart(chart);
}
