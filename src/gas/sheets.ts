// Sheets Kenali writes whole (Segments, the problems sheet, the demo inbox): batched writes in a constant
// number of SpreadsheetApp calls, whatever the number of rows. Store sheets are never written this way:
// they are patched (table.ts).
import { type ColumnKind, NUMBER_FORMATS, TEXT_FORMAT } from '../core/table';
import type { CellValue } from '../core/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export { type ColumnKind, TEXT_FORMAT };

/** Grows the sheet's grid to hold `rows` × `columns` (a new sheet has 1000 × 26 cells and Sheets refuses
 *  a range outside the grid). Four calls at most, whatever the number of rows. */
export function ensureSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Cuts the grid to `columns` columns. Blank cells count toward Sheets' 10-million-cell limit: a new sheet's
 * 26 columns under a 6-column table would waste 20 cells per order line. Two calls at most.
 */
export function fitColumns(sheet: Sheet, columns: number): void {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** Sets the grid to exactly `rows` × `columns` (rows at least 1), growing or cutting it: two reads and at
 *  most two changes, where ensureSize, fitRows and fitColumns one after another make six reads. */
export function resizeGrid(sheet: Sheet, rows: number, columns: number): void {
  const keep = Math.max(1, rows);
  const maxRows = sheet.getMaxRows();
  if (maxRows < keep) sheet.insertRowsAfter(maxRows, keep - maxRows);
  else if (maxRows > keep) sheet.deleteRows(keep + 1, maxRows - keep);
  resizeColumns(sheet, columns);
}

/** Sets the grid to exactly `columns` columns: one read, at most one change. */
export function resizeColumns(sheet: Sheet, columns: number): void {
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  else if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}

/** Shrinks a grid that once held a big paste back to a new sheet's 1000 × 26 (the inbox after import). */
export function shrinkToDefault(sheet: Sheet): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows > DEFAULT_ROWS) sheet.deleteRows(DEFAULT_ROWS + 1, maxRows - DEFAULT_ROWS);
  fitColumns(sheet, DEFAULT_COLUMNS);
}

const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;

/**
 * Writes header + rows over a sheet that is Kenali's alone (a new staging sheet, the problems sheet), formats
 * included, in a constant number of calls: the old rows past the new end cleared AFTER the new content is in
 * place, one range-wide number format per distinct kind (a RangeList of its columns: one request each, no
 * per-cell formats sent), one setValues, one bold header. Text columns (and the header) get the plain-text
 * format BEFORE the values are written.
 */
export function writeTable(
  sheet: Sheet,
  header: string[],
  rows: CellValue[][],
  kinds: ColumnKind[],
  /** Cut the grid's rows to the table too (a sheet that holds the table alone: Segments). */
  opts: { fitRows?: boolean } = {},
): void {
  const width = header.length;
  if (kinds.length !== width) throw new Error(`writeTable: ${kinds.length} kinds for ${width} columns`);
  const values: CellValue[][] = [header, ...rows];
  for (let i = 1; i < values.length; i++) {
    if (values[i].length !== width) throw new Error(`writeTable: row ${i + 1} has ${values[i].length} cells`);
  }
  const before = sheet.getLastRow();
  const maxRows = sheet.getMaxRows();
  if (maxRows < values.length) sheet.insertRowsAfter(maxRows, values.length - maxRows);
  resizeColumns(sheet, width);
  formatColumns(sheet, rows.length, kinds, { header: true });
  sheet.getRange(1, 1, values.length, width).setValues(values);
  if (before > values.length)
    sheet.getRange(values.length + 1, 1, before - values.length, width).clearContent();
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
  // After the new content is in place, as the clearing above.
  if (opts.fitRows && maxRows > values.length) sheet.deleteRows(values.length + 1, maxRows - values.length);
}

/**
 * Number formats of rows 2..n+1 by column kind: one RangeList per distinct format (runs of adjacent
 * columns of that kind), plain text first; with `header`, row 1 joins the plain-text list. Two calls per
 * distinct format, whatever the number of rows.
 */
export function formatColumns(
  sheet: Sheet,
  rows: number,
  kinds: readonly ColumnKind[],
  opts: { header?: boolean; column?: number } = {},
): void {
  const first = opts.column ?? 1;
  const byFormat = new Map<string, string[]>();
  const add = (format: string, a1: string) => {
    const list = byFormat.get(format);
    if (list) list.push(a1);
    else byFormat.set(format, [a1]);
  };
  if (opts.header) add(TEXT_FORMAT, rect(1, first, 1, kinds.length));
  if (rows > 0) {
    for (let j = 0; j < kinds.length; ) {
      let k = j;
      while (k + 1 < kinds.length && NUMBER_FORMATS[kinds[k + 1]] === NUMBER_FORMATS[kinds[j]]) k++;
      add(NUMBER_FORMATS[kinds[j]], rect(2, first + j, rows, k - j + 1));
      j = k + 1;
    }
  }
  const order = [...byFormat.keys()].sort((a, b) => Number(b === TEXT_FORMAT) - Number(a === TEXT_FORMAT));
  for (const format of order) sheet.getRangeList(byFormat.get(format)!).setNumberFormat(format);
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 notation of a rectangle. */
function rect(row: number, col: number, numRows: number, numCols: number): string {
  return `${letters(col)}${row}:${letters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Writes rows at (`rowNumber`, `column`) with their formats (plain text first): three calls, and two to
 *  grow the grid unless the caller `sized` it for every block it writes. */
export function writeRows(
  sheet: Sheet,
  rowNumber: number,
  rows: CellValue[][],
  kinds: ColumnKind[],
  column = 1,
  sized = false,
): GoogleAppsScript.Spreadsheet.Range | null {
  if (rows.length === 0) return null;
  if (!sized) ensureSize(sheet, rowNumber + rows.length - 1, column + kinds.length - 1);
  const range = sheet.getRange(rowNumber, column, rows.length, kinds.length);
  const formats = kinds.map((k) => NUMBER_FORMATS[k]);
  range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows);
  return range;
}
