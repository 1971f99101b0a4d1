// Batched sheet I/O: every function here makes a constant number of SpreadsheetApp calls, whatever the
// number of rows (read with one getValues, write with one setValues).
import type { CellValue, Grid } from '../core/types';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Plain text: Sheets stores what we write as a string, so '=IMPORTXML(…)' never becomes a formula. */
export const TEXT_FORMAT = '@';

/** All values of a sheet (one getDataRange + one getValues), or null when the sheet does not exist. */
export function readSheet(ss: Spreadsheet, name: string): Grid | null {
  const sheet = ss.getSheetByName(name);
  if (!sheet) return null;
  return sheet.getDataRange().getValues() as Grid;
}

/** An empty sheet reads as [['']]: no header, nothing to parse. */
export function isBlankGrid(grid: Grid): boolean {
  return grid.every((row) => row.every((v) => v === '' || v === null));
}

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

/** Column kinds drive number formats: untrusted text is always written as plain text. */
export type ColumnKind = 'text' | 'money' | 'date' | 'datetime' | 'integer' | 'number' | 'percent';

const FORMATS: Record<ColumnKind, string> = {
  text: TEXT_FORMAT,
  money: '"Rp"#,##0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
  number: '0.##',
  percent: '0.0%',
};

export function numberFormat(kind: ColumnKind): string {
  return FORMATS[kind];
}

/**
 * Replaces the content of `sheet` with header + rows, formats included, in a constant number of calls:
 * clearContents, one setNumberFormats over the whole table, one setValues, one bold header.
 * Text columns get the plain-text format BEFORE the values are written.
 */
export function writeTable(sheet: Sheet, header: string[], rows: CellValue[][], kinds: ColumnKind[]): void {
  const width = header.length;
  if (kinds.length !== width) throw new Error(`writeTable: ${kinds.length} kinds for ${width} columns`);
  const values: CellValue[][] = [header, ...rows];
  for (let i = 1; i < values.length; i++) {
    if (values[i].length !== width) throw new Error(`writeTable: row ${i + 1} has ${values[i].length} cells`);
  }
  sheet.clearContents();
  ensureSize(sheet, values.length, width);
  fitColumns(sheet, width);
  const rowFormats = kinds.map(numberFormat);
  const formats: string[][] = [header.map(() => TEXT_FORMAT)];
  for (let i = 0; i < rows.length; i++) formats.push(rowFormats);
  const range = sheet.getRange(1, 1, values.length, width);
  range.setNumberFormats(formats);
  range.setValues(values);
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
  const formats = kinds.map(numberFormat);
  range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows);
  return range;
}

/** The sheet called `name`, created (with a bold, frozen header) when missing. Never touches existing data. */
export function ensureSheet(
  ss: Spreadsheet,
  name: string,
  header: string[],
): { sheet: Sheet; created: boolean } {
  const existing = ss.getSheetByName(name);
  if (existing) return { sheet: existing, created: false };
  const sheet = ss.insertSheet(name);
  ensureSize(sheet, 1, header.length);
  fitColumns(sheet, header.length);
  const range = sheet.getRange(1, 1, 1, header.length);
  range.setNumberFormats([header.map(() => TEXT_FORMAT)]);
  range.setValues([header]);
  range.setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { sheet, created: true };
}

/** A snapshot of sheets about to be rewritten, so a failure halfway can put every one of them back. */
export class SheetSnapshot {
  private readonly saved: { sheet: Sheet; values: Grid; formats: string[][] }[] = [];

  /** Remember `sheet` as it is now: its number formats, and its values unless `values` (read from this
   *  sheet under the same lock, e.g. by loadStore) are given. Returns the values. */
  keep(sheet: Sheet, values?: Grid): Grid {
    const range = sheet.getDataRange();
    const kept = values ?? (range.getValues() as Grid);
    this.saved.push({ sheet, values: kept, formats: range.getNumberFormats() });
    return kept;
  }

  /** Put every kept sheet back exactly as it was (constant calls per sheet). */
  restore(): void {
    for (const { sheet, values, formats } of this.saved) {
      sheet.clearContents();
      if (values.length === 0 || values[0].length === 0) continue;
      ensureSize(sheet, values.length, values[0].length);
      const range = sheet.getRange(1, 1, values.length, values[0].length);
      range.setNumberFormats(formats);
      range.setValues(values);
    }
  }
}

/** Runs `fn` under the document lock: concurrent editors queue instead of overwriting each other.
 *  Pending writes are flushed before the lock is released, so the next editor reads them. */
export function withDocumentLock<T>(fn: () => T, timeoutMs = 30_000): T {
  const lock = LockService.getDocumentLock();
  lock.waitLock(timeoutMs);
  try {
    return fn();
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
