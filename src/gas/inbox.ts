// The inbox (Impor): a pasted export is read for the columns its format needs, not all 47 of a Shopee
// export. The first rows are read whole (titles, the header, a TikTok description row); one TextFinder call
// checks that no other export's header row stands further down (several exports may be pasted one below
// another: then the inbox is read whole, as before); then only the needed columns of the data rows.
import { findBlocks, HEADER_SCAN_ROWS } from '../core/exports';
import { EXPORT_FORMATS } from '../core/headers';
import type { CellValue, Grid } from '../core/types';
import { escapeRegex } from './locate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface InboxRead {
  /** Rows as parseExport expects them; cells of columns no format needs are ''. */
  grid: Grid;
  /** The inbox's size when read (to tell whether it changed before clearing it). */
  rows: number;
  columns: number;
}

/** Every order-number header a format knows: what starts a header row. */
const HEADER_PATTERN = (() => {
  const names = new Set<string>();
  for (const f of EXPORT_FORMATS) for (const a of f.columns.order_sn ?? []) names.add(a.replace(/\*$/, ''));
  const alts = [...names].map((n) => escapeRegex(n.trim()).replace(/ +/g, '\\s+'));
  return `[\\s\\ufeff]*(?:${alts.join('|')})[\\s\\ufeff]*`;
})();

export function readInbox(inbox: Sheet): InboxRead {
  const rows = inbox.getLastRow();
  const columns = inbox.getLastColumn();
  if (rows === 0 || columns === 0) return { grid: [['']], rows, columns };
  const headRows = Math.min(rows, HEADER_SCAN_ROWS);
  const head = inbox.getSheetValues(1, 1, headRows, columns) as Grid;
  const blocks = findBlocks(head);
  const rest = rows - headRows;
  if (rest === 0 || blocks.length === 0) return { grid: head, rows, columns };
  const moreHeaders = inbox
    .getRange(headRows + 1, 1, rest, columns)
    .createTextFinder(HEADER_PATTERN)
    .useRegularExpression(true)
    .matchEntireCell(true)
    .findNext();
  if (moreHeaders) return { grid: inbox.getSheetValues(1, 1, rows, columns) as Grid, rows, columns };
  const needed = new Set<number>();
  for (const b of blocks) for (const j of Object.values(b.match.columns)) if (j !== undefined) needed.add(j);
  const grid: Grid = head.slice();
  const body: CellValue[][] = Array.from({ length: rest }, () => new Array<CellValue>(columns).fill(''));
  for (const [from, n] of runs([...needed])) {
    const values = inbox.getSheetValues(headRows + 1, from + 1, rest, n) as Grid;
    for (let i = 0; i < rest; i++) for (let j = 0; j < n; j++) body[i][from + j] = values[i][j];
  }
  for (const r of body) grid.push(r);
  return { grid, rows, columns };
}

/** Sorted 0-based columns as runs [first, count] of adjacent columns: one read each, whatever the rows. */
function runs(cols: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of [...new Set(cols)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === c) last[1]++;
    else out.push([c, 1]);
  }
  return out;
}

/** Rows at the top of the inbox compared before clearing it: the header and the first order lines. */
const FINGERPRINT_ROWS = 5;

/**
 * Clears the inbox only if it still holds the rows imported: the seller may paste the next export while an
 * import runs, and those rows must not vanish unimported. A fingerprint, not a second read of the whole
 * inbox: the size, the first rows and the last row — a paste below changes the size, a paste over the data
 * changes the first rows. True when the inbox is empty after.
 */
export function clearIfUnchanged(inbox: Sheet, imported: InboxRead, shrink: (s: Sheet) => void): boolean {
  const rows = inbox.getLastRow();
  if (rows === 0) return true;
  const columns = inbox.getLastColumn();
  if (rows !== imported.rows || columns !== imported.columns) return false;
  const head = Math.min(FINGERPRINT_ROWS, rows);
  if (!sameGrid(inbox.getSheetValues(1, 1, head, columns) as Grid, imported.grid.slice(0, head)))
    return false;
  const last = inbox.getSheetValues(rows, 1, 1, columns) as Grid;
  const lastImported = imported.grid[rows - 1];
  // Only the columns that were read can be compared (the others were never imported).
  if (!sameCells(last[0], lastImported)) return false;
  inbox.clearContents();
  shrink(inbox); // a 100k-line paste must not keep its millions of blank cells
  return true;
}

function same(u: CellValue, v: CellValue): boolean {
  return u === v || (u instanceof Date && v instanceof Date && u.getTime() === v.getTime());
}

/** Cells equal wherever the imported row holds a value (the columns read). */
function sameCells(actual: readonly CellValue[], imported: readonly CellValue[] | undefined): boolean {
  if (!imported) return false;
  for (let j = 0; j < imported.length; j++) {
    if (imported[j] === '') continue;
    if (!same(actual[j], imported[j])) return false;
  }
  return true;
}

function sameGrid(a: Grid, b: Grid): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (!same(x[j], y[j])) return false;
  }
  return true;
}
