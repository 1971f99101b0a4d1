// The Customers sheet (core/readmodel.ts) on the Apps Script side: read for the sidebars, patched by every
// import, repaired from the store. Its rows are kept newest activity first, so "recent" is the top of it.
//
// An import updates the rows of the customers it touched without reading the rest (the sheet may hold a
// hundred thousand customers, the touched ones anywhere in it): it reads the key column, stamps the touched
// rows in a column inserted after the last (one RangeList call), sorts by that stamp so they come to the
// top (one call, no cells moved), reads that block (the import's undo log keeps it), rewrites it, and
// appends rows for new customers; after its commit point the stamp column goes and the rows are sorted
// back by activity. Readers wait for the import (the document lock) and never see the steps between.
import { buyerKeyOf } from '../core/identity';
import { compareRanked, normaliseQuery, rankMatch } from '../core/lookup';
import {
  applyOrderChanges,
  CUSTOMERS_SHEET,
  type CustomerRow,
  fromRecord,
  LIST_HEADERS,
  listItemFromSearch,
  type OrderChange,
  parseSearchCell,
  rowRecord,
  sameCustomerRow,
  searchText,
} from '../core/readmodel';
import { readRows, recordCells } from '../core/table';
import { t } from '../core/text';
import type { CellValue, Grid } from '../core/types';
import type { CustomerListItemView } from '../core/views';
import type { Env } from './context';
import { escapeRegex } from './locate';
import {
  a1,
  cellRuns,
  columnNumber,
  openTable,
  ownHeaders,
  prepareForWrite,
  readBlock,
  type Table,
  tableOf,
  writeBlock,
  writeRecordAt,
} from './table';

/** How many customers Kenali last left in the sheet (a hand-deleted or hand-added row shows against it). */
export const CUSTOMER_COUNT = 'kenali.customers';
/** Where BuyerProfile ended (store.ts profilesMark) in the read that last made Customers exact (see
 *  sidebar.ts freshNames). */
export const PROFILES_SYNCED = 'kenali.profilesSynced';

export function openCustomers(env: Env, create = false, creating?: (name: string) => void): Table | null {
  let tb = openTable(env, CUSTOMERS_SHEET, { create, creating });
  if (tb && create && tb.layout.missing.length > 0) {
    // The sheet is derived, but its header row was deleted or renamed by hand: refusing would stop every
    // import and segmentation for good. It is kept aside as it is (a seller's column in it included) and a
    // new one is built from the store.
    const tx = t('sheet', env.lang);
    let n = 1;
    while (env.ss.getSheetByName(tx.customersAside(n))) n++;
    tb.sheet.setName(tx.customersAside(n));
    tb = openTable(env, CUSTOMERS_SHEET, { create, creating });
  }
  if (tb && create) prepareForWrite(tb);
  return tb;
}

/** Rows of the sheet as customers (rows that are not a customer's, e.g. a person's stray line, are left out). */
export function customersIn(tb: Table, first: number, rows: Grid): { row: number; customer: CustomerRow }[] {
  const read = readRows<Record<string, unknown>>(CUSTOMERS_SHEET, {
    sheetName: tb.decl.sheet,
    header: tb.header,
    rows,
    firstRow: first,
    ctx: { timeZone: tb.env.clock.timeZone, lang: tb.env.lang },
  });
  const out: { row: number; customer: CustomerRow }[] = [];
  read.records.forEach((rec, i) => {
    const customer = fromRecord(rec);
    if (customer) out.push({ row: read.rows[i], customer });
  });
  return out;
}

const cellsOf = (r: CustomerRow) => recordCells(CUSTOMERS_SHEET, rowRecord(r));

// ---------------------------------------------------------------------------------------------- reading

/**
 * The customers whose newest order is at or after `from`: the top rows, read in growing chunks until one
 * is older. (Never called while an import is writing: readers wait for it, undo.ts.) null when the rows
 * are not newest first (the sheet was sorted by hand since Kenali last sorted it): the caller reads the
 * store instead.
 */
export function recentRows(
  tb: Table,
  from: number,
  headers: readonly string[] = LIST_HEADERS,
): CustomerRow[] | null {
  // Where the recent rows end: one narrow column read in growing chunks; then those rows, once.
  const at = columnNumber(tb, 'last_activity_at') - 1;
  let end = 1;
  let first = 2;
  let chunk = 256;
  let prev = Number.POSITIVE_INFINITY;
  while (first <= tb.lastRow) {
    const n = Math.min(chunk, tb.lastRow - first + 1);
    const cells = readBlock(tb, first, n, ['last_activity_at']);
    let stop = false;
    for (let i = 0; i < n; i++) {
      const v = cells[i][at];
      const t = v instanceof Date ? v.getTime() : Number.NaN;
      if (Number.isNaN(t)) continue;
      // Newest first: a sheet sorted by hand shows it here.
      if (t > prev) return null;
      prev = t;
      if (t >= from) end = first + i;
      else stop = true;
    }
    if (stop) break;
    first += n;
    chunk *= 4;
  }
  if (end < 2) return [];
  return customersIn(tb, 2, readBlock(tb, 2, end - 1, headers))
    .map((c) => c.customer)
    .filter((c) => c.lastActivityAt >= from);
}

/** Names saved since Customers' copy was last made exact, by username, then buyer key. */
export type FreshNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The fresh name of the buyer `username` at `address`, if any. */
export function freshNameOf(fresh: FreshNames, username: string, address: string): string | undefined {
  return fresh.get(username)?.get(buyerKeyOf(username, address));
}

/** One customer's row, found by TextFinder on the key column; null when the sheet has no such row. */
export function customerRow(tb: Table, key: string): { row: number; customer: CustomerRow } | null {
  if (tb.lastRow < 2) return null;
  const hit = tb.sheet
    .getRange(2, columnNumber(tb, 'buyer_key'), tb.lastRow - 1, 1)
    .createTextFinder(key)
    .matchEntireCell(true)
    .matchCase(true)
    .findNext();
  if (!hit) return null;
  const row = hit.getRow();
  return customersIn(tb, row, readBlock(tb, row, 1)).find((c) => c.customer.key === key) ?? null;
}

/**
 * Customers whose real name, username, address or any order number contains the query (case ignored),
 * best match first (core rankMatch; the same rank: newest activity first, whatever the sheet's order), at
 * most `limit` of them, and how many match in all. Reads the search column only.
 */
export function searchRows(
  tb: Table,
  query: string,
  limit: number,
  /** Names newer than the sheet's copy (freshNames): searched, and shown, instead of it. */
  fresh: FreshNames = new Map(),
): { items: CustomerListItemView[]; total: number } {
  if (tb.lastRow < 2) return { items: [], total: 0 };
  const q = normaliseQuery(query);
  const j = columnNumber(tb, 'search') - 1;
  const cells = readBlock(tb, 2, tb.lastRow - 1, ['search']);
  const found: { rank: number; item: CustomerListItemView }[] = [];
  for (const row of cells) {
    const parts = parseSearchCell(String(row[j] ?? ''));
    // (the key hashes the address: computed only for a username with a fresh name)
    const name = parts.length >= 6 ? freshNameOf(fresh, parts[4], parts[5]) : undefined;
    if (name !== undefined) parts[3] = name;
    if (!searchText(parts).includes(q)) continue;
    const item = listItemFromSearch(parts);
    if (!item) continue;
    const ranked = rankMatch(
      { name: parts[3], username: parts[4], address: parts[5], orderSns: parts.slice(6) },
      q,
    );
    if (ranked) found.push({ rank: ranked.rank, item: { ...item, match: ranked.match } });
  }
  found.sort(compareRanked);
  return { items: found.slice(0, limit).map((f) => f.item), total: found.length };
}

// ---------------------------------------------------------------------------------------------- writing

/** Up to this row, a customer's row is read together with the header (one call instead of two). Buyers
 *  named from the queue are recent ones: Customers keeps them at the top. */
const NEAR_TOP = 64;

/**
 * A customer's name changed (a save): that row's name and search cells, found by key. Sheets searches the
 * whole sheet for the key (no header needed first); the header and the row are then read, in one call when
 * the row is near the top, and the key checked under its header before the row is written back (Kenali's
 * columns only, plain text formats first). A hit outside the key column falls back to a search in it.
 */
export function setCustomerName(env: Env, key: string, realName: string): void {
  const sheet = env.ss.getSheetByName(CUSTOMERS_SHEET.sheet);
  if (!sheet) return; // no read model yet: the next rebuild takes the name
  // Case is checked on the row read (a key differing only in case sends the save to the column search).
  const hit = sheet.createTextFinder(key).matchEntireCell(true).findNext();
  if (!hit) return;
  const row = hit.getRow();
  let found: { row: number; customer: CustomerRow } | null = null;
  let tb: Table;
  if (row >= 2 && row <= NEAR_TOP) {
    const grid = sheet.getRange(`1:${row}`).getValues() as CellValue[][];
    tb = tableOf(env, CUSTOMERS_SHEET, sheet, grid[0], row);
    if (tb.layout.missing.length > 0) return;
    found = customersIn(tb, row, [grid[row - 1]]).find((c) => c.customer.key === key) ?? null;
  } else {
    const opened = openCustomers(env);
    if (!opened || opened.layout.missing.length > 0) return;
    tb = opened;
    found = customerRow(tb, key);
  }
  if (!found && row <= NEAR_TOP) {
    // Not in the key column (a person typed the key elsewhere) or far down: look in the key column.
    tb.lastRow = sheet.getLastRow();
    found = customerRow(tb, key);
  }
  if (!found) return;
  writeRecordAt(tb, found.row, cellsOf({ ...found.customer, realName }));
}

export interface CustomersPatch {
  /** Touched customers whose rows exist, by key. */
  changes: ReadonlyMap<string, readonly OrderChange[]>;
  /** Real names (BuyerProfile) of customers new to the sheet. */
  names: ReadonlyMap<string, string>;
  batch: number;
}

/** Why a patch could not be applied in place: the caller rebuilds the sheet from the store instead. */
export type PatchOutcome =
  | { ok: true; touched: number; added: number; count: number }
  | { ok: false; reason: string };

/** A patch checked against the sheet (its key column read), not yet written. */
export interface PreparedPatch {
  tb: Table;
  patch: CustomersPatch;
  rowOf: Map<string, number>;
  touched: string[];
  added: string[];
}

/**
 * Checks a patch against the sheet: reads the key column (one read) and refuses (ok: false) when the sheet
 * does not look like the read model it should be (the caller then rebuilds it). Writes nothing.
 */
export function preparePatch(
  tb: Table,
  patch: CustomersPatch,
): { ok: true; prepared: PreparedPatch } | { ok: false; reason: string } {
  const keyCol = columnNumber(tb, 'buyer_key');
  const data = tb.lastRow - 1;
  const keys = data > 0 ? readBlock(tb, 2, data, ['buyer_key']).map((r) => String(r[keyCol - 1]).trim()) : [];
  const rowOf = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] === '') continue;
    if (rowOf.has(keys[i])) return { ok: false, reason: `duplicate ${keys[i]}` };
    rowOf.set(keys[i], i + 2);
  }
  // A row deleted or added by hand since Kenali last wrote the sheet: a delta would build on a wrong base.
  const expected = tb.env.properties.getProperty(CUSTOMER_COUNT);
  if (expected !== null && Number(expected) !== rowOf.size)
    return { ok: false, reason: 'rows added or removed by hand' };
  const touched = [...patch.changes.keys()].filter((k) => rowOf.has(k));
  const added = [...patch.changes.keys()].filter((k) => !rowOf.has(k));
  // A customer missing from the sheet whose orders the store already held: their row was lost.
  if (added.some((k) => patch.changes.get(k)!.some((c) => c.before)))
    return { ok: false, reason: 'a row is missing' };
  return { ok: true, prepared: { tb, patch, rowOf, touched, added } };
}

/**
 * Applies a prepared patch (see the file comment): the touched rows are stamped in a column inserted after
 * `lastCol` and sorted to the top by it (one call, no cells moved), read, handed to `beforeRewrite` (the
 * merge's undo log) and rewritten; new customers are appended. The stamp column and the sort back by
 * activity are left to the caller (after its commit point). Refuses, having written only the stamps and
 * the order, when the stamped rows did not come to the top.
 */
export function applyPatch(
  p: PreparedPatch,
  lastCol: number,
  beforeRewrite: (cols: number[], rows: Grid) => void,
): PatchOutcome {
  const { tb, patch, rowOf, touched, added } = p;
  if (touched.length + added.length === 0) return { ok: true, touched: 0, added: 0, count: rowOf.size };
  let before = new Map<string, CustomerRow>();
  if (touched.length > 0) {
    const stamp = lastCol + 1;
    tb.sheet.insertColumnsAfter(lastCol, 1);
    const stamps = cellRuns(touched.map((k) => rowOf.get(k)!)).map(([r, n]) => a1(r, stamp, n));
    tb.sheet.getRangeList(stamps).setValue(1);
    tb.sheet.getRange(2, 1, tb.lastRow - 1, stamp).sort({ column: stamp, ascending: false });
    const own = ownHeaders(tb);
    const grid = readBlock(tb, 2, touched.length, own);
    const block = customersIn(tb, 2, grid);
    before = new Map(block.map((b) => [b.customer.key, b.customer]));
    if (block.length !== touched.length || touched.some((k) => !before.has(k)))
      return { ok: false, reason: 'the stamped rows did not come to the top' };
    beforeRewrite(
      own.map((h) => columnNumber(tb, h)).sort((a, b) => a - b),
      grid,
    );
  }
  const rowsOut = touched.map((k) => applyOrderChanges(k, before.get(k), patch.changes.get(k)!, patch.batch));
  const newRows = added.map((k) => {
    const r = applyOrderChanges(k, undefined, patch.changes.get(k)!, patch.batch);
    return { ...r, realName: patch.names.get(k) ?? '' };
  });
  if (touched.length > 0) writeBlock(tb, 2, rowsOut.map(cellsOf), { formats: false });
  if (newRows.length > 0) {
    writeBlock(tb, tb.lastRow + 1, newRows.map(cellsOf), { formats: true });
    tb.lastRow += newRows.length;
  }
  return { ok: true, touched: touched.length, added: newRows.length, count: rowOf.size + newRows.length };
}

/** Kenali's order of the sheet (see sortByActivity), as the undo log keeps it. */
export function activityOrder(
  tb: Table,
  lastCol: number,
): { lastCol: number; by: { column: number; ascending: boolean }[] } {
  return {
    lastCol,
    by: [
      { column: columnNumber(tb, 'last_activity_at'), ascending: false },
      { column: columnNumber(tb, 'buyer_key'), ascending: true },
    ],
  };
}

/** The last column a rewrite of the sheet's rows must span (the seller's own columns included). */
export function lastColumnOf(tb: Table): number {
  return Math.max(tb.sheet.getLastColumn(), ...ownHeaders(tb).map((h) => columnNumber(tb, h)));
}

/** Whether `a` belongs above `b` (newer activity; the same instant: the lesser key). */
function activityBefore(a: CustomerRow, b: CustomerRow): boolean {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt > b.lastActivityAt;
  return a.key.toLowerCase() < b.key.toLowerCase();
}

/** Newest activity first; the same instant: key order (one call, no cells read or written). */
export function sortByActivity(tb: Table, lastCol: number): void {
  if (tb.lastRow < 3) return;
  tb.sheet.getRange(2, 1, tb.lastRow - 1, lastCol).sort([
    { column: columnNumber(tb, 'last_activity_at'), ascending: false },
    { column: columnNumber(tb, 'buyer_key'), ascending: true },
  ]);
}

/**
 * Makes the sheet hold exactly `exact` (every customer of the store): rows whose figures differ are
 * rewritten in place (runs of adjacent rows), missing customers appended, rows of customers the store no
 * longer has cleared (Kenali's cells only), then sorted by activity. Reads the sheet's Kenali columns once;
 * writes only what differs. Returns the number of rows written.
 */
export function syncCustomers(env: Env, exact: readonly CustomerRow[], profilesThrough?: string): number {
  const tb = openCustomers(env, true)!;
  const want = new Map(exact.map((r) => [r.key, r]));
  const data = Math.max(0, tb.lastRow - 1);
  const own = ownHeaders(tb);
  const keyCol = columnNumber(tb, 'buyer_key') - 1;
  const grid = data > 0 ? readBlock(tb, 2, data, own) : [];
  const present = new Map(customersIn(tb, 2, grid).map((c) => [c.row, c.customer]));
  const seen = new Set<string>();
  const rewrite: { row: number; customer: CustomerRow }[] = [];
  const clear: number[] = [];
  grid.forEach((cells, i) => {
    const row = i + 2;
    const key = String(cells[keyCol] ?? '').trim();
    const target = want.get(key);
    if (!target || seen.has(key)) {
      if (own.some((h) => String(cells[columnNumber(tb, h) - 1] ?? '') !== '')) clear.push(row);
      return;
    }
    seen.add(key);
    const have = present.get(row);
    if (!have || !sameCustomerRow(have, target)) rewrite.push({ row, customer: target });
  });
  for (const [first, n] of cellRuns(rewrite.map((r) => r.row))) {
    const block = rewrite.filter((r) => r.row >= first && r.row < first + n).map((r) => cellsOf(r.customer));
    writeBlock(tb, first, block, { formats: true });
  }
  if (clear.length > 0) {
    const lists = cellRuns(clear).flatMap(([r, n]) => own.map((h) => a1(r, columnNumber(tb, h), n)));
    tb.sheet.getRangeList(lists).clearContent();
  }
  const missing = exact.filter((r) => !seen.has(r.key));
  if (missing.length > 0) {
    const first = tb.lastRow + 1;
    writeBlock(tb, first, missing.map(cellsOf), { formats: true });
    tb.lastRow += missing.length;
  }
  const lastCol = Math.max(tb.sheet.getLastColumn(), ...own.map((h) => columnNumber(tb, h)));
  const rows = [...present.values()];
  const sorted = rows.every((c, i) => i === 0 || !activityBefore(c, rows[i - 1]));
  if (rewrite.length + missing.length + clear.length > 0 || !sorted) sortByActivity(tb, lastCol);
  env.properties.setProperties({
    [CUSTOMER_COUNT]: String(exact.length),
    ...(profilesThrough !== undefined ? { [PROFILES_SYNCED]: profilesThrough } : {}),
  });
  return rewrite.length + missing.length + clear.length;
}

export type { CellValue };
export { escapeRegex };
