// Segment movement across a segmentation's two sheets. Read before they are replaced: what this run compares
// with (core movement.ts says which run that is), from the Segments sheet (its run-date note, its segment
// columns) and the summary sheet's history, a Segments run missing from that history put back first. Written
// into the staging sheets before they are swapped in: on Segments only what adds no column (the change
// column's colour rules, the run-date note on a header cell); the rest on the summary sheet, a small grid
// whatever the number of customers: title, notice, run date, summary (who / action) and its bar chart, the
// from → to matrix, the history and its stacked-area chart.
// A few calls whatever the number of customers: two columns of the old Segments sheet, small blocks.
import type { CustomerIndex } from '../core/customers';
import {
  findHistory,
  HISTORY_WIDTH,
  type HistoryRow,
  historyRowOf,
  MAX_HISTORY,
  parseHistory,
  previousRunDate,
  previousSource,
  recordRun,
  runDateCells,
  segmentOfLabel,
  sheetRunDate,
  sheetRunMissing,
} from '../core/movement';
import { SEGMENTS, type SegmentId, scoreRfm } from '../core/rfm';
import {
  type PreviousRun,
  SEGMENTS_HEADER_ROWS,
  type SegmentsSheet,
  segmentOfCode,
  segmentsColumns,
} from '../core/segments';
import { NUMBER_FORMATS } from '../core/table';
import { t } from '../core/text';
import { formatLocalDate, runDateEnd } from '../core/time';
import type { CellValue, Clock, Grid, Lang } from '../core/types';
import { type ColumnKind, resizeGrid, TEXT_FORMAT, writeRows } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface MovementContext {
  previous: PreviousRun;
  history: HistoryRow[];
}

/** The sheets a segmentation replaces (either may be missing). */
export interface ReplacedSheets {
  segments: Sheet | null;
  summary: Sheet | null;
}

/** What this run compares with, and the history so far (the Segments sheet's run put back when a run
 *  stopped before the summary's swap left it out), read before the sheets are replaced. */
export function readMovement(sheets: ReplacedSheets, index: CustomerIndex, clock: Clock): MovementContext {
  const tz = clock.timeZone;
  const runDate = formatLocalDate(clock.now, tz);
  let history = sheets.summary ? readHistory(sheets.summary, tz) : [];
  const sheet = sheets.segments;
  const lastRow = sheet ? sheet.getLastRow() : 0;
  const lastColumn = sheet ? sheet.getLastColumn() : 0;
  let head: Grid = [];
  let sheetDate: string | null = null;
  if (sheet && lastRow >= 1 && lastColumn >= 1) {
    const range = sheet.getRange(1, 1, Math.min(lastRow, SEGMENTS_HEADER_ROWS), lastColumn);
    head = range.getValues() as Grid;
    sheetDate = sheetRunDate(range.getNotes());
  }
  const exists = sheet !== null && head.length > 0;
  let current: Map<string, SegmentId> | null = null;
  if (exists && sheetRunMissing(history, sheetDate, runDate)) {
    current = readSheetSegments(sheet, head, lastRow, 'current');
    if (current.size > 0)
      history = recordRun(
        history,
        historyRowOf(
          sheetDate,
          [...current.values()].map((segmentId) => ({ segmentId })),
        ),
      );
  }
  const previousDate = previousRunDate(history, runDate);
  const source = previousSource(runDate, previousDate, exists, sheetDate);
  let segments: ReadonlyMap<string, SegmentId> = new Map();
  let counts: readonly number[] | undefined;
  if (exists && source.kind === 'sheet')
    segments = current ?? readSheetSegments(sheet, head, lastRow, 'current');
  else if (exists && source.kind === 'sheet-previous') {
    segments = readSheetSegments(sheet, head, lastRow, 'previous');
    // the sheet gives a previous segment only to customers still here: those gone come from the history
    counts = history.find((r) => r.date === previousDate)?.counts;
  } else if (source.kind === 'rescore') {
    const now = runDateEnd(source.date, tz);
    if (now !== null)
      segments = new Map(scoreRfm(index, { timeZone: tz, now }).rows.map((r) => [r.key, r.segmentId]));
  }
  return { previous: { segments, date: previousDate, counts }, history };
}

/** The history from the summary sheet (found by its header wherever the seller moved it): one read. */
function readHistory(sheet: Sheet, timeZone: string): HistoryRow[] {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return [];
  const grid = sheet.getRange(1, 1, lastRow, lastColumn).getValues() as Grid;
  const at = findHistory(grid);
  if (!at) return [];
  return parseHistory(
    grid.slice(at.row).map((r) => r.slice(at.col)),
    timeZone,
  );
}

/** Buyer key → segment from the Segments sheet: its RFM codes ('current') or its previous-segment labels;
 *  two columns read, whatever else the sheet holds. */
function readSheetSegments(
  sheet: Sheet,
  head: Grid,
  lastRow: number,
  which: 'current' | 'previous',
): Map<string, SegmentId> {
  const out = new Map<string, SegmentId>();
  const found = segmentsColumns(head);
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
    const v = cells[i][0] as CellValue;
    const seg = which === 'current' ? segmentOfCode(v) : segmentOfLabel(v);
    if (seg) out.set(key, seg);
  }
  return out;
}

/**
 * The Segments staging sheet's movement parts, none of them a column: the change column's colour rules (a
 * constant number: no colour cell per customer, and they follow the seller's sorting and filtering) and
 * the run date as a note on the first header cell (what the next run reads back).
 */
export function writeSegmentsMovement(sheet: Sheet, c: SegmentsSheet): void {
  const n = c.rows.length;
  const columns = new Map<number, GoogleAppsScript.Spreadsheet.Range>();
  const column = (j: number) => {
    if (!columns.has(j)) columns.set(j, sheet.getRange(2, j + 1, n, 1));
    return columns.get(j)!;
  };
  sheet.setConditionalFormatRules(
    c.movementRules.map((r) =>
      SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo(r.text)
        .setBackground(r.background)
        .setFontColor(r.color)
        .setRanges([column(r.column)])
        .build(),
    ),
  );
  sheet.getRange(1, 1).setNote(c.runDateNote);
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
const HEADER_FORMATS = Array<string>(HISTORY_WIDTH).fill(TEXT_FORMAT);
const ROW_FORMATS = [TEXT_FORMAT, ...Array<string>(HISTORY_WIDTH - 1).fill(NUMBER_FORMATS.integer)];
const SEGMENT_COLOURS = SEGMENTS.map((s) => s.background);
/** Rows a chart of Sheets' default size covers (371 px over rows of 21 px), kept in the grid under it. */
const CHART_ROWS = 19;

/**
 * The whole summary sheet into its staging sheet: the title (and the too-thin notice) with the run date
 * beside it, the summary table and its bar chart under it; after a blank column the matrix with the
 * history's stacked-area chart under it; after another the history (at most MAX_HISTORY rows) and the note
 * of its cap. The grid is cut to what they take.
 */
export function writeSummarySheet(sheet: Sheet, c: SegmentsSheet, lang: Lang): void {
  const tx = t('sheet', lang);
  const sx = t('segments', lang);
  const s = c.summary;
  const mv = c.movement;
  const width = s.header.length;
  const titles: CellValue[][] = [[tx.summaryTitle], ...(c.notice ? [[c.notice]] : [])];
  const headerRow = 1 + titles.length;
  const barChartRow = headerRow + s.rows.length + 2;
  const matrixCol = width + 2;
  const span = mv.grid[0].length;
  const areaChartRow = mv.grid.length + 3;
  const historyCol = matrixCol + span + 1;
  const history: CellValue[][] = [c.history.header, ...c.history.rows];
  const rows = Math.max(history.length + 2, barChartRow + CHART_ROWS, areaChartRow + CHART_ROWS);
  const columns = historyCol + HISTORY_WIDTH - 1;
  // The grid made exactly what every block and chart below needs, once: the blocks do not grow it.
  resizeGrid(sheet, rows, columns);
  const sized = true;

  writeRows(sheet, 1, titles, ['text'], 1, sized)!.setFontWeight('bold');
  writeRows(sheet, 1, [runDateCells(c.runDate, lang)], ['text', 'text'], 3, sized);
  writeRows(
    sheet,
    headerRow,
    [s.header],
    s.header.map(() => 'text'),
    1,
    sized,
  )!.setFontWeight('bold');
  writeRows(sheet, headerRow + 1, s.rows, SUMMARY_KINDS, 1, sized);
  const labels = sheet.getRange(headerRow + 1, 1, s.rows.length, 1);
  labels.setBackgrounds(s.backgrounds.map((b) => [b]));
  labels.setFontColors(s.fontColors.map((f) => [f]));
  sheet.setColumnWidth(1, 170);
  // Who they are and what to do: wide enough to read.
  sheet.setColumnWidth(width - 1, 260);
  sheet.setColumnWidth(width, 420);
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.BAR)
      .addRange(sheet.getRange(headerRow, 1, s.rows.length + 1, 2))
      .setOption('title', tx.chartTitle)
      .setOption('legend', { position: 'none' })
      .setOption('colors', ['#1a73e8'])
      .setPosition(barChartRow, 1, 0, 0)
      .build(),
  );

  // The matrix: its title, then the previous run's segments down and this run's across.
  const title: CellValue[] = [mv.title, ...Array<CellValue>(span - 1).fill('')];
  const matrix = writeRows(
    sheet,
    1,
    [title, ...mv.grid],
    mv.grid[0].map((_, j) => (j === 0 ? 'text' : 'integer')),
    matrixCol,
    sized,
  )!;
  const plain = (colour: string) => Array<string>(span).fill(colour);
  matrix.setBackgrounds([plain('#ffffff'), ...mv.backgrounds]);
  matrix.setFontColors([plain('#202124'), ...mv.fontColors]);
  sheet.getRange(1, matrixCol, mv.grid.length + 1, 1).setFontWeight('bold');
  sheet.setColumnWidth(matrixCol, 170);

  // The history: one row per run date; the note of its cap under it.
  const data = sheet.getRange(1, historyCol, history.length, HISTORY_WIDTH);
  data.setNumberFormats(history.map((_, i) => (i === 0 ? HEADER_FORMATS : ROW_FORMATS)));
  data.setValues(history);
  sheet.getRange(1, historyCol, 1, HISTORY_WIDTH).setFontWeight('bold');
  sheet.getRange(history.length + 2, historyCol).setValue(sx.historyKept(MAX_HISTORY));
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.AREA)
      .addRange(data)
      .setOption('title', sx.historyChartTitle)
      .setOption('isStacked', true)
      .setOption('legend', { position: 'right' })
      .setOption('colors', SEGMENT_COLOURS)
      .setPosition(areaChartRow, matrixCol, 0, 0)
      .build(),
  );
}
