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
    return { customers: 0, message: tx.segmentNoOrders, notice: null };
  }
  if (toast) ss.toast(tx.segmentWriting(content.rows.length), tx.segmentTitle, 5);

  const finalName = tx.segmentsSheet;
  const staging = ss.insertSheet(`${finalName} (baru ${clock.now})`);
  try {
    writeSegments(staging, content, lang);
    const old = ss.getSheetByName(finalName);
    if (old) ss.deleteSheet(old);
    staging.setName(finalName);
  } catch (e) {
    ss.deleteSheet(staging);
    throw e;
  }

  const done = tx.segmentDone(content.rows.length, finalName);
  if (toast) ss.toast(done, tx.segmentTitle, 5);
  const lines = [done];
  if (content.notice) lines.push(content.notice);
  // Rows of the store we could not read were left out of the scores: say so, and where.
  if (store.problems.length > 0) {
    writeProblems(env, store.problems);
    lines.push(tx.storeProblems(store.problems.length, tx.problemsSheet));
  }
  return { customers: content.rows.length, message: lines.join('\n'), notice: content.notice };
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
