// Finding rows by key without reading whole sheets. Sheets searches its own cells (TextFinder: one call,
// no cells moved), so:
// - many keys (an import's order numbers): one TextFinder counts the cells holding any of them; the sheet
//   is then read from the bottom in growing windows until that many are found. Kenali appends, so what a
//   day's export repeats sits near the end: usually one small window. The count makes it exact: a key
//   moved up by hand is still found (a bigger window), never missed and never appended twice.
// - one value (a username, a buyer key): TextFinder.findAll, then the few rows it names.
import type { RowsInput } from '../core/store';
import type { CellValue, Grid, Problem } from '../core/types';
import { columnNumber, readBlock, type Table } from './table';

/** Up to this many data rows a sheet is read whole without a count (0: always counted, so the calls are
 *  the same for a small shop and a big one). */
const SMALL_SHEET = 0;
/** Keys one regular expression may hold (longer: the whole key column is read instead). */
const MAX_PATTERN_KEYS = 2_000;
const MAX_PATTERN_CHARS = 40_000;

/** RE2 (Sheets' regular expressions) with every metacharacter escaped: the key matches as written. */
export function escapeRegex(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** Matches a cell holding exactly one of `keys`, surrounding white space allowed. */
function keysPattern(keys: Iterable<string>): string | null {
  const parts: string[] = [];
  let chars = 0;
  for (const k of keys) {
    const p = escapeRegex(k);
    chars += p.length + 1;
    if (parts.length >= MAX_PATTERN_KEYS || chars > MAX_PATTERN_CHARS) return null;
    parts.push(p);
  }
  return `\\s*(?:${parts.join('|')})\\s*`;
}

/** How many cells of a column (data rows) hold one of `keys` (case ignored: an upper bound, which is all a
 *  reader needs to know when to stop); null when the keys are too many to ask. */
export function countKeyCells(tb: Table, header: string, keys: ReadonlySet<string>): number | null {
  if (keys.size === 0 || tb.lastRow < 2) return 0;
  const pattern = keysPattern(keys);
  if (pattern === null) return null;
  return tb.sheet
    .getRange(2, columnNumber(tb, header), tb.lastRow - 1, 1)
    .createTextFinder(pattern)
    .useRegularExpression(true)
    .matchEntireCell(true)
    .findAll().length;
}

export interface FoundRow {
  row: number;
  cells: CellValue[];
}

export interface Located {
  /** Every row holding each key, in sheet order. */
  byKey: Map<string, FoundRow[]>;
  /** The contiguous block of rows read, bottom-most first (a writer may write back within it). */
  blocks: { first: number; rows: Grid }[];
}

/**
 * The rows of `tb` whose `header` cell (read as `keyOf`) is one of `keys`, with the cells of `headers`.
 * Reads windows from the bottom (first `minWindow` rows, then 4× more each time) until the TextFinder
 * count is reached; a small sheet, or too many keys to count, is read whole.
 */
export function locateKeys(
  tb: Table,
  header: string,
  keys: ReadonlySet<string>,
  keyOf: (v: CellValue) => string | null,
  opts: { headers?: readonly string[]; minWindow?: number } = {},
): Located {
  const byKey = new Map<string, FoundRow[]>();
  const blocks: Located['blocks'] = [];
  const dataRows = tb.lastRow - 1;
  if (dataRows <= 0 || keys.size === 0) return { byKey, blocks };
  const expected = dataRows > SMALL_SHEET ? countKeyCells(tb, header, keys) : null;
  if (expected === 0) return { byKey, blocks };
  const j = columnNumber(tb, header) - 1;
  // As many rows as there are cells to find: exactly the block when they end the sheet together.
  let window = expected === null ? dataRows : Math.max(opts.minWindow ?? 64, expected);
  let bottom = tb.lastRow;
  let found = 0;
  while (bottom >= 2) {
    const first = Math.max(2, bottom - window + 1);
    const rows = readBlock(tb, first, bottom - first + 1, opts.headers);
    blocks.push({ first, rows });
    for (let i = rows.length - 1; i >= 0; i--) {
      const k = keyOf(rows[i][j]);
      if (k === null || !keys.has(k)) continue;
      found++;
      const at = { row: first + i, cells: rows[i] };
      const list = byKey.get(k);
      if (list) list.unshift(at);
      else byKey.set(k, [at]);
    }
    bottom = first - 1;
    if (expected !== null && found >= expected) break;
    window *= 4;
  }
  return { byKey, blocks };
}

/** Most rows one value is looked up in by TextFinder; past that, its column is read. */
const MAX_FOUND_ROWS = 40;

/**
 * The rows whose `header` cell holds `value` (surrounding white space and case ignored: the caller checks
 * what it reads), with the cells of `headers`. A handful of calls whatever the sheet's size.
 */
export function rowsWithValue(
  tb: Table,
  header: string,
  value: string,
  headers?: readonly string[],
  opts: { exact?: boolean } = {},
): FoundRow[] {
  if (tb.lastRow < 2 || value === '') return [];
  const col = columnNumber(tb, header);
  const finder = tb.sheet.getRange(2, col, tb.lastRow - 1, 1);
  // A value Kenali wrote itself is found as written; one a person may have typed, with white space around.
  const hits = opts.exact
    ? finder.createTextFinder(value).matchEntireCell(true).findAll()
    : finder
        .createTextFinder(`\\s*${escapeRegex(value)}\\s*`)
        .useRegularExpression(true)
        .matchEntireCell(true)
        .findAll();
  if (hits.length === 0) return [];
  if (opts.exact && hits.length > 1) {
    // Rows Kenali appends together (an order's lines) sit together: one read of the block they span.
    const first = hits[0].getRow();
    const block = readBlock(tb, first, hits.length, headers);
    const want = value.toLowerCase();
    if (
      block.every(
        (cells) =>
          String(cells[col - 1])
            .trim()
            .toLowerCase() === want,
      )
    )
      return block.map((cells, i) => ({ row: first + i, cells }));
  }
  if (hits.length > MAX_FOUND_ROWS) {
    const all = readBlock(tb, 2, tb.lastRow - 1, headers);
    const want = value.toLowerCase();
    return all
      .map((cells, i) => ({ row: i + 2, cells }))
      .filter(
        (r) =>
          String(r.cells[col - 1])
            .trim()
            .toLowerCase() === want,
      );
  }
  return hits.map((h) => {
    const row = h.getRow();
    return { row, cells: readBlock(tb, row, 1, headers)[0] };
  });
}

/** Rows of `tb` as a reader's input (its header, zone and language); rows[0] is sheet row `firstRow`. */
export function rowsInput(tb: Table, rows: readonly (readonly CellValue[])[], firstRow: number): RowsInput {
  return {
    sheetName: tb.decl.sheet,
    header: tb.header,
    rows,
    firstRow,
    timeZone: tb.env.clock.timeZone,
    lang: tb.env.lang,
  };
}

/** Found rows (anywhere in the sheet) read by a store reader, each with its own row number. */
export function readFound<T>(
  tb: Table,
  found: readonly FoundRow[],
  read: (i: RowsInput) => { records: T[]; rows: number[]; problems: Problem[] },
): { records: T[]; rows: number[]; problems: Problem[] } {
  const out = { records: [] as T[], rows: [] as number[], problems: [] as Problem[] };
  for (const f of [...found].sort((a, b) => a.row - b.row)) {
    const r = read(rowsInput(tb, [f.cells], f.row));
    out.records.push(...r.records);
    out.rows.push(...r.rows);
    out.problems.push(...r.problems);
  }
  return out;
}
