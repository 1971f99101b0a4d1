// Segmentasi RFM: the Segments sheet is built complete in a staging sheet, then swapped in, so a failure
// never leaves a half-written Segments sheet (the old one stays until the new one is whole).
import { buildCustomers, type CustomerIndex } from '../core/customers';
import { customerRows } from '../core/readmodel';
import { buildSegmentsSheet, SEGMENTS_DECL } from '../core/segments';
import { t } from '../core/text';
import type { CellValue, Clock } from '../core/types';
import type { Env } from './context';
import { withDocumentLock } from './context';
import { readMovement, writeMovementBlocks } from './movement';
import { writeProblems } from './problems';
import { syncCustomers } from './readmodel';
import { type ColumnKind, writeRows, writeTable } from './sheets';
import { GENERATION, loadStore, readConsistently, runningImport } from './store';

export interface SegmentationReport {
  customers: number;
  message: string;
  notice: string | null;
}

const SUMMARY_KINDS: ColumnKind[] = [
  'text',
  'integer',
  'integer',
  'money',
  'percent',
  'percent',
  'text',
  'text',
];

export function runSegmentation(env: Env, clock: Clock = env.clock, toast = true): SegmentationReport {
  const { ss, lang } = env;
  const tx = t('sheet', lang);
  if (toast) ss.toast(tx.segmentReading, tx.segmentTitle, 5);

  // The store as one import left it (never half of one); lines only for the Customers read model, and
  // only the three columns it needs of them.
  const generation = env.properties.getProperty(GENERATION);
  const store = readConsistently(env, () => loadStore(env, undefined, { itemHeaders: ITEM_HEADERS }));
  const index = buildCustomers(store);
  // What this run compares with, read before the Segments sheet is replaced.
  const movement = readMovement(replacedSheet(env, tx.segmentsSheet), index, clock);
  const content = buildSegmentsSheet(index, clock, lang, movement.previous, movement.history);
  // Customers checked against the store and repaired (a hand edit, an interrupted import): under the lock,
  // and only when no import changed the store since it was read.
  repairCustomers(env, index, generation);
  if (content.rows.length === 0) {
    return { customers: 0, message: content.empty ?? tx.segmentNoOrders, notice: null };
  }
  if (toast) ss.toast(tx.segmentWriting(content.rows.length), tx.segmentTitle, 5);

  const finalName = tx.segmentsSheet;
  // Named by the real time (not the run date): its age tells a leftover from a run still going.
  const now = env.clock.now;
  const run = trackRun(ss, env.properties, finalName, now);
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
 * The Segments sheet this run replaces: by its name, or, when a run stopped dead between setting the old
 * one aside and putting its own in place (Apps Script's time limit), the one it set aside: the last whole
 * Segments sheet, history included (trackRun removes it afterwards as a leftover). One call more only when
 * there is no Segments sheet.
 */
function replacedSheet(env: Env, finalName: string): Sheet | null {
  const sheet = env.ss.getSheetByName(finalName);
  if (sheet) return sheet;
  for (const key of env.properties.getKeys()) {
    if (!key.startsWith(RUN_PROPERTY)) continue;
    const names = sheetNames(
      env.properties.getProperty(key) ?? finalName,
      Number(key.slice(RUN_PROPERTY.length)),
    );
    const aside = env.ss.getSheetByName(names.aside);
    if (aside) return aside;
  }
  return null;
}

/**
 * Records this run until it ends (even by an exception), after removing what runs stopped dead (Apps
 * Script's time limit: no catch or finally of theirs ran) left behind: their staging or set-aside sheet.
 * A few calls whatever the number of sheets or rows.
 */
function trackRun(
  ss: Spreadsheet,
  props: GoogleAppsScript.Properties.Properties,
  finalName: string,
  now: number,
): { release(): void } {
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
  const kinds = SEGMENTS_DECL.map((c) => c.kind);
  const n = c.rows.length;
  const width = c.header.length;
  writeTable(sheet, c.header, c.rows, kinds);
  sheet.setFrozenRows(1);
  const label = sheet.getRange(2, c.labelColumn + 1, n, 1);
  label.setBackgrounds(c.backgrounds.map((b) => [b]));
  label.setFontColors(c.fontColors.map((f) => [f]));
  label.setFontWeight('bold');
  sheet.getRange(1, 1, n + 1, width).createFilter();
  SEGMENTS_DECL.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
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
  // Who they are and what to do: wide enough to read.
  sheet.setColumnWidth(col + s.header.length - 2, 260);
  sheet.setColumnWidth(col + s.header.length - 1, 420);

  writeMovementBlocks(sheet, c, col, s.header.length, lang);

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

/** OrderItems columns the read model needs (not variants, SKUs or prices). */
const ITEM_HEADERS = ['order_sn', 'product_name', 'quantity'];

/** Writes Customers exactly as the store (read at `generation`) gives it, unless an import ran since. */
function repairCustomers(env: Env, index: CustomerIndex, generation: string | null): void {
  withDocumentLock(env, () => {
    const props = env.properties.getProperties();
    if ((props[GENERATION] ?? null) !== generation || runningImport(props, Date.now())) return;
    syncCustomers(env, customerRows(index));
  });
}
