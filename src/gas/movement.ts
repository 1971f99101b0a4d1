// Segment movement on the Segments sheet: what this run compares with (core movement.ts says which run that
// is), read from the sheet being replaced; and the blocks written into the new sheet before it is swapped
// in: the movement columns' colour rules, the run date, the from → to matrix, the history and its chart.
// All of it lives in the Segments sheet, so a run that fails leaves the old sheet whole, history included.
// A few calls whatever the number of customers: two columns of the old sheet, small blocks.
import type { CustomerIndex } from '../core/customers';
import {
  findHistory,
  HISTORY_WIDTH,
  type HistoryRow,
  MAX_HISTORY,
  parseHistory,
  previousRunDate,
  previousSource,
  runDateCells,
  segmentOfLabel,
  sheetRunDate,
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
import { ensureSize, TEXT_FORMAT, writeRows } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface MovementContext {
  previous: PreviousRun;
  history: HistoryRow[];
}

const NONE: MovementContext = { previous: { segments: new Map(), date: null }, history: [] };

/** What this run compares with, and the history so far, from `sheet` (the Segments sheet this run
 *  replaces): read before it is replaced. */
export function readMovement(sheet: Sheet | null, index: CustomerIndex, clock: Clock): MovementContext {
  const tz = clock.timeZone;
  const runDate = formatLocalDate(clock.now, tz);
  const lastRow = sheet ? sheet.getLastRow() : 0;
  const lastColumn = sheet ? sheet.getLastColumn() : 0;
  if (!sheet || lastRow < 1 || lastColumn < 1) return NONE;
  const head = sheet.getRange(1, 1, Math.min(lastRow, SEGMENTS_HEADER_ROWS), lastColumn).getValues() as Grid;
  const at = findHistory(head);
  const history = at
    ? parseHistory(
        sheet.getRange(at.row + 1, at.col + 1, lastRow - at.row, HISTORY_WIDTH).getValues() as Grid,
        tz,
      )
    : [];
  const previousDate = previousRunDate(history, runDate);
  const source = previousSource(runDate, previousDate, true, sheetRunDate(head));
  let segments: ReadonlyMap<string, SegmentId> = new Map();
  if (source.kind === 'sheet' || source.kind === 'sheet-previous')
    segments = readSheetSegments(sheet, head, lastRow, source.kind === 'sheet' ? 'current' : 'previous');
  else if (source.kind === 'rescore') {
    const now = runDateEnd(source.date, tz);
    if (now !== null)
      segments = new Map(scoreRfm(index, { timeZone: tz, now }).rows.map((r) => [r.key, r.segmentId]));
  }
  return { previous: { segments, date: previousDate }, history };
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

const HEADER_FORMATS = Array<string>(HISTORY_WIDTH).fill(TEXT_FORMAT);
const ROW_FORMATS = [TEXT_FORMAT, ...Array<string>(HISTORY_WIDTH - 1).fill(NUMBER_FORMATS.integer)];
const SEGMENT_COLOURS = SEGMENTS.map((s) => s.background);

/**
 * Into the staging Segments sheet (the summary at `summaryCol`, `summaryWidth` wide): the change column's
 * colour rules (a constant number: no colour cell per customer, and they follow the seller's sorting and
 * filtering), the run date beside the summary's title, then after a blank column the
 * matrix, after another the history (at most MAX_HISTORY rows), and the history's stacked-area chart under
 * the matrix.
 */
export function writeMovementBlocks(
  sheet: Sheet,
  c: SegmentsSheet,
  summaryCol: number,
  summaryWidth: number,
  lang: Lang,
): void {
  const tx = t('segments', lang);
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

  writeRows(sheet, 1, [runDateCells(c.runDate, lang)], ['text', 'text'], summaryCol + 2);

  // The matrix: its title, then the previous run's segments down and this run's across.
  const mv = c.movement;
  const matrixCol = summaryCol + summaryWidth + 1;
  const span = mv.grid[0].length;
  const title: CellValue[] = [mv.title, ...Array<CellValue>(span - 1).fill('')];
  const matrix = writeRows(
    sheet,
    1,
    [title, ...mv.grid],
    mv.grid[0].map((_, j) => (j === 0 ? 'text' : 'integer')),
    matrixCol,
  )!;
  const plain = (colour: string) => Array<string>(span).fill(colour);
  matrix.setBackgrounds([plain('#ffffff'), ...mv.backgrounds]);
  matrix.setFontColors([plain('#202124'), ...mv.fontColors]);
  sheet.getRange(1, matrixCol, mv.grid.length + 1, 1).setFontWeight('bold');
  sheet.setColumnWidth(matrixCol, 170);

  // The history: one row per run date; the note of its cap under it.
  const historyCol = matrixCol + span + 1;
  const values: CellValue[][] = [c.history.header, ...c.history.rows];
  ensureSize(sheet, values.length + 2, historyCol + HISTORY_WIDTH - 1);
  const data = sheet.getRange(1, historyCol, values.length, HISTORY_WIDTH);
  data.setNumberFormats(values.map((_, i) => (i === 0 ? HEADER_FORMATS : ROW_FORMATS)));
  data.setValues(values);
  sheet.getRange(1, historyCol, 1, HISTORY_WIDTH).setFontWeight('bold');
  sheet.getRange(values.length + 2, historyCol).setValue(tx.historyKept(MAX_HISTORY));

  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.AREA)
      .addRange(data)
      .setOption('title', tx.historyChartTitle)
      .setOption('isStacked', true)
      .setOption('legend', { position: 'right' })
      .setOption('colors', SEGMENT_COLOURS)
      .setPosition(mv.grid.length + 3, matrixCol, 0, 0)
      .build(),
  );
}
