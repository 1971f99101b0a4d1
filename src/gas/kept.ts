// What a segmentation keeps of the seller's when it replaces its two sheets: their own columns on Segments
// (carried by buyer key into the new sheet, core seller-columns.ts), and a sheet of theirs that bears one
// of Kenali's sheet names (set aside under another name, never deleted). A few calls whatever the rows, and
// for a Segments sheet with columns of the seller's, four reads per run of them.
import type { CustomerIndex } from '../core/customers';
import { isSegmentsHeader, SEGMENTS_HEADER_ROWS, segmentsColumns } from '../core/segments';
import { type CarriedCells, carrySellerCells, literalCell, type SellerCells } from '../core/seller-columns';
import { texts } from '../core/text';
import type { CellValue, Grid, Lang } from '../core/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const norm = (v: CellValue) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
const SUMMARY_TITLES = new Set([texts.sheet.id.summaryTitle, texts.sheet.en.summaryTitle].map(norm));

export interface OldSegments {
  /** The sheet has content but no Segments header of Kenali's: a sheet of the seller's under that name. */
  foreign: boolean;
  seller: SellerCells | null;
}

/** The seller's columns of the Segments sheet being replaced (null when it has none). */
export function readOldSegments(sheet: Sheet | null): OldSegments {
  const none = { foreign: false, seller: null };
  if (!sheet) return none;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return none;
  const head = sheet.getRange(1, 1, Math.min(lastRow, SEGMENTS_HEADER_ROWS), lastColumn).getValues() as Grid;
  const found = segmentsColumns(head);
  if (!found) return { foreign: true, seller: null };
  const header = head[found.headerRow];
  // An earlier layout kept the summary beside the table, from its title's column on: Kenali's, not theirs.
  const summaryAt = head[0].findIndex((v) => SUMMARY_TITLES.has(norm(v)));
  const end = summaryAt > found.keyCol ? summaryAt : header.length;
  const cols = header.map((_, j) => j).filter((j) => j < end && !isSegmentsHeader(header[j]));
  const first = found.headerRow + 2;
  if (cols.length === 0 || first > lastRow) return none;
  const n = lastRow - first + 1;
  const keys = sheet.getRange(first, found.keyCol + 1, n, 1).getValues();
  const rows: SellerCells['rows'] = keys.map((k, i) => ({
    row: first + i,
    key: typeof k[0] === 'string' ? k[0].trim() : String(k[0] ?? '').trim(),
    cells: Array<CellValue>(cols.length).fill(''),
    formulas: Array<string>(cols.length).fill(''),
    formats: Array<string>(cols.length).fill(''),
    rules: Array<unknown>(cols.length).fill(null),
  }));
  for (const [from, to] of runsOf(cols)) {
    const range = sheet.getRange(first, cols[from] + 1, n, to - from + 1);
    const values = range.getValues() as Grid;
    const formulas = range.getFormulas();
    const formats = range.getNumberFormats();
    const rules = range.getDataValidations();
    for (let i = 0; i < n; i++)
      for (let j = from; j <= to; j++) {
        rows[i].cells[j] = values[i][j - from];
        rows[i].formulas[j] = formulas[i][j - from] ?? '';
        rows[i].formats[j] = formats[i][j - from] ?? '';
        rows[i].rules[j] = rules[i][j - from];
      }
  }
  return { foreign: false, seller: { headers: cols.map((j) => header[j]), rows } };
}

/** Index runs [from, to] of adjacent column numbers. */
function runsOf(cols: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < cols.length; i++) {
    if (i > 0 && cols[i] === cols[i - 1] + 1) out[out.length - 1][1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** The seller's cells for the new table (`keys`: its rows' buyer keys), or null when there are none. */
export function carryOver(old: OldSegments, keys: readonly string[]): CarriedCells | null {
  if (!old.seller) return null;
  const carried = carrySellerCells(old.seller, keys);
  return carried.headers.length > 0 ? carried : null;
}

/**
 * Writes the carried columns right of the new table (`width` columns, `n` data rows) and the leftover rows
 * under it: their key, name, username and address (from the store when the customer is in it) and
 * `goneLabel` in the segment column. Returns the table's new size, for the filter.
 */
export function writeCarried(
  sheet: Sheet,
  carried: CarriedCells,
  at: { width: number; n: number; segmentColumn: number },
  index: CustomerIndex,
  goneLabel: string,
): { rows: number; columns: number } {
  const k = carried.headers.length;
  const rows = 1 + at.n + carried.leftovers.length;
  const columns = at.width + k;
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  if (carried.leftovers.length > 0) {
    const kenali = carried.leftovers.map((key) => {
      const row = Array<CellValue>(at.width).fill('');
      const c = index.byKey.get(key);
      row[0] = key;
      if (c)
        [row[1], row[2], row[3]] = [
          c.profile?.buyerRealName || c.buyerUsername,
          c.buyerUsername,
          c.addressFull,
        ];
      row[at.segmentColumn] = goneLabel;
      return row.map(literalCell);
    });
    sheet.getRange(2 + at.n, 1, kenali.length, at.width).setValues(kenali);
  }
  const head = sheet.getRange(1, at.width + 1, 1, k);
  head.setValues([carried.headers.map(literalCell)]);
  head.setFontWeight('bold');
  const block = sheet.getRange(2, at.width + 1, rows - 1, k);
  // Formats first: a plain-text cell then takes its text as it is.
  block.setNumberFormats(carried.formats);
  if (carried.rules)
    block.setDataValidations(carried.rules as (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]);
  block.setValues(carried.cells);
  return { rows, columns };
}

/**
 * Sets a sheet of the seller's that bears `name` aside under a free name ("Segments (milik Anda)"), so the
 * swap never deletes it; returns the name it now has.
 */
export function setAside(ss: Spreadsheet, sheet: Sheet, name: string, lang: Lang): string {
  const base = texts.sheet[lang].yoursSheet(name);
  let candidate = base;
  for (let i = 2; ss.getSheetByName(candidate); i++) candidate = `${base} ${i}`;
  sheet.setName(candidate);
  return candidate;
}

/** Whether the sheet under the summary's name is Kenali's: its title on A1 or its history table. */
export function isOurSummary(sheet: Sheet, findHistory: (g: Grid) => unknown): boolean {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return true; // empty: nothing to lose
  // Its first rows: the title's and the history's header rows (a big sheet of the seller's is not read).
  const grid = sheet.getRange(1, 1, Math.min(lastRow, 4), Math.min(lastColumn, 80)).getValues() as Grid;
  return SUMMARY_TITLES.has(norm(grid[0][0])) || findHistory(grid) !== null;
}
