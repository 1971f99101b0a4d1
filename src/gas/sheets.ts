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
 * place, one setNumberFormats, one setValues, one bold header. Text columns get the plain-text format
 * BEFORE the values are written. Trailing null kinds get no number format (Kenali's own fixed words: no
 * format cell per row).
 */
export function writeTable(
  sheet: Sheet,
  header: string[],
  rows: CellValue[][],
  kinds: (ColumnKind | null)[],
): void {
  const width = header.length;
  if (kinds.length !== width) throw new Error(`writeTable: ${kinds.length} kinds for ${width} columns`);
  const formatted = kinds.indexOf(null) < 0 ? width : kinds.indexOf(null);
  if (kinds.slice(formatted).some((k) => k !== null))
    throw new Error('writeTable: null kinds must come last');
  const values: CellValue[][] = [header, ...rows];
  for (let i = 1; i < values.length; i++) {
    if (values[i].length !== width) throw new Error(`writeTable: row ${i + 1} has ${values[i].length} cells`);
  }
  const before = sheet.getLastRow();
  ensureSize(sheet, values.length, width);
  fitColumns(sheet, width);
  const rowFormats = kinds.slice(0, formatted).map((k) => NUMBER_FORMATS[k as ColumnKind]);
  const formats: string[][] = [rowFormats.map(() => TEXT_FORMAT)];
  for (let i = 0; i < rows.length; i++) formats.push(rowFormats);
  if (formatted > 0) sheet.getRange(1, 1, values.length, formatted).setNumberFormats(formats);
  // The unformatted columns' header is ours too: plain text like every header.
  if (formatted < width) sheet.getRange(1, formatted + 1, 1, width - formatted).setNumberFormat(TEXT_FORMAT);
  const range = sheet.getRange(1, 1, values.length, width);
  range.setValues(values);
  if (before > values.length)
    sheet.getRange(values.length + 1, 1, before - values.length, width).clearContent();
  sheet.getRange(1, 1, 1, width).setFontWeight('bold');
}

/** Writes rows at (`rowNumber`, `column`) with their formats (plain text first): three calls. */
export function writeRows(
  sheet: Sheet,
  rowNumber: number,
  rows: CellValue[][],
  kinds: ColumnKind[],
  column = 1,
): GoogleAppsScript.Spreadsheet.Range | null {
  if (rows.length === 0) return null;
  ensureSize(sheet, rowNumber + rows.length - 1, column + kinds.length - 1);
  const range = sheet.getRange(rowNumber, column, rows.length, kinds.length);
  const formats = kinds.map((k) => NUMBER_FORMATS[k]);
  range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows);
  return range;
}
