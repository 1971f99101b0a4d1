// Segment movement on the sheets: the previous run's segments (core movement.ts says which run that is)
// read before the Segments sheet is replaced, and the history sheet with its chart written after. A few
// calls whatever the number of customers: the old sheet is read by whole columns, the history is small.

import type { CustomerIndex } from '../core/customers';
import {
  type HistoryRow,
  historyTable,
  MAX_HISTORY,
  parseHistory,
  previousRunDate,
  previousSource,
  recordRun,
  segmentOfLabel,
} from '../core/movement';
import { SEGMENTS, type SegmentId, scoreRfm } from '../core/rfm';
import { type PreviousRun, SEGMENTS_HEADER_ROWS, segmentOfCode, segmentsColumns } from '../core/segments';
import { t, texts } from '../core/text';
import { formatLocalDate, runDateEnd } from '../core/time';
import type { CellValue, Clock } from '../core/types';
import type { Env } from './context';
import { type ColumnKind, writeRows } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property: the run date ('YYYY-MM-DD') of the run the Segments sheet shows. */
export const SEGMENTS_RUN_DATE = 'kenali.segmentsRunDate';

export interface MovementContext {
  runDate: string;
  previous: PreviousRun;
  history: HistoryRow[];
  historySheet: Sheet | null;
}

/** The history sheet in either language's name (the spreadsheet's locale may have changed). */
function findHistorySheet(env: Env): Sheet | null {
  const own = t('segments', env.lang).historySheet;
  const other = texts.segments[env.lang === 'id' ? 'en' : 'id'].historySheet;
  return env.ss.getSheetByName(own) ?? env.ss.getSheetByName(other);
}

/** What this run compares with, read before the Segments sheet is replaced. */
export function readMovement(env: Env, index: CustomerIndex, clock: Clock): MovementContext {
  const tz = clock.timeZone;
  const runDate = formatLocalDate(clock.now, tz);
  const historySheet = findHistorySheet(env);
  const history = historySheet ? parseHistory(wholeSheet(historySheet), tz) : [];
  const previousDate = previousRunDate(history, runDate);
  const segmentsSheet = env.ss.getSheetByName(t('sheet', env.lang).segmentsSheet);
  const sheetDate = env.properties.getProperty(SEGMENTS_RUN_DATE);
  const source = previousSource(runDate, previousDate, segmentsSheet !== null, sheetDate);
  let segments: ReadonlyMap<string, SegmentId> = new Map();
  if (source.kind === 'sheet' || source.kind === 'sheet-previous')
    segments = readSheetSegments(segmentsSheet!, source.kind === 'sheet' ? 'current' : 'previous');
  else if (source.kind === 'rescore') {
    const now = runDateEnd(source.date, tz);
    if (now !== null)
      segments = new Map(scoreRfm(index, { timeZone: tz, now }).rows.map((r) => [r.key, r.segmentId]));
  }
  return { runDate, previous: { segments, date: previousDate }, history, historySheet };
}

function wholeSheet(sheet: Sheet): CellValue[][] {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  return rows > 0 && cols > 0 ? (sheet.getRange(1, 1, rows, cols).getValues() as CellValue[][]) : [];
}

/** Buyer key → segment from the Segments sheet: its RFM codes ('current') or its previous-segment labels;
 *  two columns read, whatever else the sheet holds. */
function readSheetSegments(sheet: Sheet, which: 'current' | 'previous'): Map<string, SegmentId> {
  const out = new Map<string, SegmentId>();
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return out;
  const head = sheet.getRange(1, 1, Math.min(lastRow, SEGMENTS_HEADER_ROWS), lastColumn).getValues();
  const found = segmentsColumns(head as CellValue[][]);
  if (!found) return out;
  const col = which === 'current' ? found.codeCol : found.prevCol;
  const first = found.headerRow + 2;
  if (col < 0 || first > lastRow) return out;
  const n = lastRow - first + 1;
  const keys = sheet.getRange(first, found.keyCol + 1, n, 1).getValues();
  const cells = sheet.getRange(first, col + 1, n, 1).getValues();
  for (let i = 0; i < n; i++) {
    const key = typeof keys[i][0] === 'string' ? (keys[i][0] as string).trim() : '';
    if (key === '') continue;
    const seg =
      which === 'current'
        ? segmentOfCode(cells[i][0] as CellValue)
        : segmentOfLabel(cells[i][0] as CellValue);
    if (seg) out.set(key, seg);
  }
  return out;
}

const HISTORY_WIDTH = 1 + SEGMENTS.length;
const HISTORY_KINDS: ColumnKind[] = ['text', ...Array<ColumnKind>(HISTORY_WIDTH - 1).fill('integer')];

/**
 * The history with this run's row, in columns A:L of the history sheet (Kenali's: rewritten whole, at most
 * MAX_HISTORY rows; a column the seller adds right of them is never touched), and its stacked-area chart.
 * Then the Segments sheet's run date, for the next run.
 */
export function writeMovement(env: Env, m: MovementContext, row: HistoryRow): void {
  const tx = t('segments', env.lang);
  const rows = recordRun(m.history, row);
  const table = historyTable(rows, env.lang);
  const sheet = m.historySheet ?? env.ss.insertSheet(tx.historySheet);
  const before = sheet.getLastRow();
  const values: CellValue[][] = [table.header, ...table.rows];
  writeRows(
    sheet,
    1,
    [table.header],
    HISTORY_KINDS.map(() => 'text'),
  )!.setFontWeight('bold');
  writeRows(sheet, 2, table.rows, HISTORY_KINDS);
  if (before > values.length)
    sheet.getRange(values.length + 1, 1, before - values.length, HISTORY_WIDTH).clearContent();
  sheet.setFrozenRows(1);
  sheet.getRange(values.length + 2, 1).setValue(tx.historyKept(MAX_HISTORY));

  const data = sheet.getRange(1, 1, values.length, HISTORY_WIDTH);
  const titles = new Set([texts.segments.id.historyChartTitle, texts.segments.en.historyChartTitle]);
  const own = sheet.getCharts().find((c) => titles.has(String(c.getOptions().get('title'))));
  const builder = (own ? own.modify().clearRanges() : sheet.newChart())
    .setChartType(Charts.ChartType.AREA)
    .addRange(data)
    .setOption('title', tx.historyChartTitle)
    .setOption('isStacked', true)
    .setOption('legend', { position: 'right' })
    .setOption('colors', SEGMENT_COLOURS)
    .setPosition(1, HISTORY_WIDTH + 2, 0, 0);
  if (own) sheet.updateChart(builder.build());
  else sheet.insertChart(builder.build());
  env.properties.setProperty(SEGMENTS_RUN_DATE, row.date);
}

const SEGMENT_COLOURS = SEGMENTS.map((s) => s.background);
