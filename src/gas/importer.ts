// Impor: the seller pastes raw exports into the inbox sheet (or uploads files: #17); mergeIntoStore patches
// them into the store. The store is a database, not a file to rewrite: the import finds the stored rows of
// the incoming order numbers (TextFinder counts, windows read from the bottom), plans the patch in core
// (planMerge: the status order included, so an older export never undoes a newer one), appends what is
// new, updates what changed in place (a RangeList per value), and brings the Customers read model in step
// for the customers it touched. No store sheet is ever cleared.
//
// All or nothing (#17, undo.ts): every write is planned and read for first; the problems sheet is written
// before the store (a failure there leaves the store as it was); then the in-flight mark and the undo log
// (what each write replaces); then status history → order lines → payments → orders → the touched
// Customers rows (phase A); then the commit point (the mark says so, once the writes are flushed); then the
// tidying (phase B: the old lines of replaced orders cleared, Orders and Customers sorted back into their
// order, Customers rebuilt when it cannot be patched). A failure before the commit point is undone at once
// (or, when the execution is stopped dead, by the next action that takes the document lock), and the
// seller is told the store is as it was; one after it is finished the same ways. The same import run
// again changes nothing it already did (an uploaded file's "all or nothing" is this, see upload.ts).

import { buildCustomers } from '../core/customers';
import { parseExport } from '../core/exports';
import { CUSTOMERS_SHEET, customerRows, type OrderChange, orderChanges } from '../core/readmodel';
import { type UnnamedStatus, unnamedStatuses } from '../core/status';
import {
  HISTORY_SHEET,
  ITEMS_SHEET,
  importSummary,
  type MergePlan,
  type MergeStats,
  ORDERS_SHEET,
  PAYMENTS_SHEET,
  PROFILES_SHEET,
  planMerge,
  problemRowCount,
  type RowsInput,
  readItemRows,
  readOrderRows,
  readPaymentRows,
  readProfileRows,
  type Stored,
  type StoredLookup,
  unrecordedChanges,
} from '../core/store';
import { recordCells, type SheetDecl } from '../core/table';
import { t } from '../core/text';
import { importText } from '../core/text/import';
import type { CellValue, Grid, Order, OrderItem, OrderPayment, ParsedExport, Problem } from '../core/types';
import { cellText } from '../core/values';
import type { Env } from './context';
import { clearIfUnchanged, type InboxRead, readInbox } from './inbox';
import { countKeyCells, type Located, locateKeys, readFound } from './locate';
import { writeProblems } from './problems';
import {
  activityOrder,
  applyPatch,
  CUSTOMER_COUNT,
  lastColumnOf,
  openCustomers,
  type PreparedPatch,
  preparePatch,
  syncCustomers,
} from './readmodel';
import { shrinkToDefault } from './sheets';
import { IN_FLIGHT, inFlight, LAST_BATCH, loadStore } from './store';
import {
  a1,
  appendRecords,
  type CellUpdate,
  cellRuns,
  columnNumber,
  HeaderError,
  openTable,
  ownHeaders,
  prepareForWrite,
  readBlock,
  type Table,
  updateCells,
  writeBlock,
} from './table';
import {
  blockOf,
  CellLog,
  type CustomersBlock,
  closeLog,
  finish,
  logCustomersBlock,
  type OpenLog,
  openLog,
  rollback,
  type SheetUndo,
  type SortSpec,
  sortSheet,
  type UndoLog,
  withStoreLock,
} from './undo';

/** What an import did: the merge's counts (core MergeStats), and what the seller is told. */
export interface ImportReport extends MergeStats {
  ok: boolean;
  message: string;
  /** Status values of the import counted as sales that the rules do not name. */
  unnamedStatuses: UnnamedStatus[];
  problems: Problem[];
  inboxCleared: boolean;
}

const MAX_LISTED = 8;

export function runImport(env: Env): ImportReport {
  const { ss, clock, lang } = env;
  const tx = t('sheet', lang);
  const inboxName = tx.inboxSheet;
  const empty = (message: string): ImportReport => ({
    ok: false,
    message,
    ...NO_STATS,
    unnamedStatuses: [],
    problems: [],
    inboxCleared: false,
  });

  const inbox = ss.getSheetByName(inboxName);
  if (!inbox) {
    ss.insertSheet(inboxName);
    return empty(tx.inboxMissing(inboxName));
  }
  const read: InboxRead = readInbox(inbox);
  if (read.rows === 0 || read.grid.every((r) => r.every((v) => v === '' || v === null)))
    return empty(tx.inboxEmpty(inboxName));

  const parsed = parseExport(read.grid, inboxName, clock.timeZone, lang);

  return withStoreLock(env, () => {
    const merged = mergeIntoStore(env, [parsed]);
    if (!merged.ok) return { ...empty(merged.message), problems: merged.problems };
    const errorRows = problemRowCount(parsed.problems.filter((p) => p.severity === 'error'));
    const everyRowRead = errorRows === 0;
    // The file is merged: a failure clearing the inbox must not make the seller think otherwise.
    let clearFailed: string | null = null;
    let cleared = false;
    try {
      cleared = everyRowRead && clearIfUnchanged(inbox, read, shrinkToDefault);
    } catch (e) {
      clearFailed = e instanceof Error ? e.message : String(e);
    }
    const lines = [merged.message];
    lines.push(
      !everyRowRead
        ? tx.inboxKept(inboxName, tx.problemsSheet)
        : clearFailed !== null
          ? tx.inboxNotCleared(inboxName, clearFailed)
          : cleared
            ? tx.inboxCleared(inboxName)
            : tx.inboxChanged(inboxName),
    );
    return {
      ok: everyRowRead,
      message: lines.join('\n'),
      ...merged.stats,
      unnamedStatuses: merged.unnamedStatuses,
      problems: merged.problems,
      inboxCleared: cleared,
    };
  });
}

export interface MergeOutcome {
  /** false: nothing was written (a store header is missing, or a stored row of these orders is unreadable);
   *  `message` says why. */
  ok: boolean;
  message: string;
  stats: MergeStats;
  unnamedStatuses: UnnamedStatus[];
  /** The exports' problems, then the store's (also written to the problems sheet). */
  problems: Problem[];
  /** Customers whose read-model row the import wrote, and whether it rebuilt that sheet whole. */
  customers?: { touched: number; added: number; rebuilt: boolean };
}

export const NO_STATS: MergeStats = {
  newOrders: 0,
  updatedOrders: 0,
  unchangedOrders: 0,
  olderOrders: 0,
  newPayments: 0,
  updatedPayments: 0,
};

/**
 * Merges parsed exports into the store: the one write path of every import (the Impor sheet, uploaded
 * files). The caller holds the document lock. Nothing is written while a header the store needs is
 * missing or a stored row of the incoming orders cannot be read.
 */
export function mergeIntoStore(env: Env, parsed: readonly ParsedExport[]): MergeOutcome {
  const tx = t('sheet', env.lang);
  const incomingProblems = parsed.flatMap((p) => p.problems);
  const state: MergeState = { created: [], log: null, open: null, block: null, committed: false };
  let tables: Tables;
  try {
    tables = openStore(env, state.created);
  } catch (e) {
    undoCreated(env, state);
    if (!(e instanceof HeaderError)) throw e;
    return {
      ok: false,
      message: e.message,
      stats: NO_STATS,
      unnamedStatuses: [],
      problems: incomingProblems,
    };
  }
  let found: Found;
  let plan: MergePlan;
  const problems: Problem[] = [];
  try {
    found = locateStored(tables, parsed);
    const unreadable = found.problems.filter((p) => p.severity === 'error');
    if (unreadable.length > 0) {
      writeProblems(env, found.problems);
      undoCreated(env, state);
      const listed = unreadable.slice(0, MAX_LISTED).map((p) => tx.problemLine(p));
      if (unreadable.length > MAX_LISTED) listed.push(tx.moreProblems(unreadable.length - MAX_LISTED));
      return {
        ok: false,
        message: [tx.storeUnreadable(unreadable.length, tx.problemsSheet), ...listed].join('\n'),
        stats: NO_STATS,
        unnamedStatuses: [],
        problems: found.problems,
      };
    }
    plan = planMerge(found.lookup, parsed, env.clock.now);
    // Before the store: a merge whose problems cannot be listed fails with the store as it was.
    problems.push(...incomingProblems, ...found.problems);
    writeProblems(env, problems);
  } catch (e) {
    undoCreated(env, state);
    throw e;
  }
  let customers: MergeOutcome['customers'];
  try {
    customers = writePlan(env, tables, found, plan, state);
  } catch (e) {
    throw afterFailure(env, state, e);
  }

  const lines = [tx.importDone(importSummary(plan.stats, incomingProblems, env.lang))];
  const unnamed = unnamedStatuses(parsed.flatMap((p) => p.orders));
  if (plan.stats.olderOrders > 0) lines.push(importText[env.lang].olderInFile(plan.stats.olderOrders));
  if (unnamed.length > 0) lines.push(importText[env.lang].unnamedStatuses(unnamed));
  if (problems.length > 0) {
    lines.push(tx.problemsListed(problems.length, tx.problemsSheet));
    lines.push(...problems.slice(0, MAX_LISTED).map((p) => tx.problemLine(p)));
    if (problems.length > MAX_LISTED) lines.push(tx.moreProblems(problems.length - MAX_LISTED));
  }
  if (found.problems.length > 0) lines.push(tx.storeProblems(found.problems.length, tx.problemsSheet));
  return {
    ok: true,
    message: lines.join('\n'),
    stats: plan.stats,
    unnamedStatuses: unnamed,
    problems,
    customers,
  };
}

/** A merge that failed: `undone` (the store as it was), `pending` (undone by the next locked action), or
 *  `merged` (every cell in; the tidying finished by the next locked action). */
export class MergeFailed extends Error {
  constructor(
    message: string,
    readonly outcome: 'undone' | 'pending' | 'merged',
  ) {
    super(message);
    this.name = 'MergeFailed';
  }
}

/** Sheets a merge created before it wrote anything (it failed or found nothing to write): deleted. */
function undoCreated(env: Env, state: MergeState): void {
  for (const name of state.created.splice(0)) {
    try {
      const sheet = env.ss.getSheetByName(name);
      if (sheet) env.ss.deleteSheet(sheet);
    } catch {
      // an empty store sheet with its header only: harmless, and the next import uses it
    }
  }
}

/**
 * A merge failed at `e`: before its commit point, its writes are undone now (the store as it was); past it,
 * its tidying is finished now. What to tell the seller. When even that fails, the mark stays and the next
 * action that takes the lock does it (undo.ts).
 */
function afterFailure(env: Env, state: MergeState, e: unknown): MergeFailed {
  const ts = t('store', env.lang);
  const reason = e instanceof Error ? e.message : String(e);
  const log = state.log;
  try {
    if (!log) {
      // Nothing of the store written yet (the mark or the log itself failed): only sheets made for it go.
      undoCreated(env, state);
      const mark = inFlight(env.properties.getProperties());
      if (mark?.undo && !mark.committed) closeLog(env, mark.batch, null, false);
      return new MergeFailed(ts.importUndone(reason), 'undone');
    }
    // Past the commit point the tidying was tried twice already: the next locked action finishes it.
    if (state.committed) return new MergeFailed(ts.importMergedTidiedLater(reason), 'merged');
    const mark = inFlight(env.properties.getProperties()) ?? { batch: log.batch, started: 0, undo: true };
    rollback(env, log, state.block, mark);
    closeLog(env, log.batch, null, false);
    return new MergeFailed(ts.importUndone(reason), 'undone');
  } catch {
    return state.committed
      ? new MergeFailed(ts.importMergedTidiedLater(reason), 'merged')
      : new MergeFailed(ts.importUndoPending(reason), 'pending');
  }
}

interface Tables {
  orders: Table;
  items: Table;
  payments: Table;
  /** Created with the first status change to record. */
  history: Table | null;
  /** Whether the store held orders before this import (a store without Customers is upgraded). */
  hadOrders: boolean;
}

/** OrderStatusHistory, checked for its headers when it exists; created (`create`) when a change is recorded. */
function openHistory(env: Env, create: boolean, creating?: (name: string) => void): Table | null {
  const tb = openTable(env, HISTORY_SHEET, { create, creating });
  if (tb) prepareForWrite(tb);
  return tb;
}

/** The store sheets, created where missing, each with the headers a write needs (else a HeaderError). */
function openStore(env: Env, created: string[]): Tables {
  const creating = (name: string) => created.push(name);
  const open = (decl: SheetDecl) => {
    const tb = openTable(env, decl, { create: true, creating })!;
    prepareForWrite(tb);
    return tb;
  };
  const orders = open(ORDERS_SHEET);
  return {
    orders,
    items: open(ITEMS_SHEET),
    payments: open(PAYMENTS_SHEET),
    history: openHistory(env, false, creating),
    hadOrders: orders.lastRow > 1,
  };
}

// ---------------------------------------------------------------------------------------------- locating

interface Found {
  lookup: StoredLookup;
  /** Every stored row holding an incoming order number (a repeated one too), for the re-check. */
  orderRows: Located;
  lineRows: Map<string, Stored<OrderItem>[]>;
  /** The stored orders of payment-only changes (income reports), by number. */
  stored: {
    orders: Map<string, Order>;
    lines: Map<string, OrderItem[]>;
    payments: Map<string, OrderPayment>;
  };
  problems: Problem[];
  /** The located rows' cells as read (Kenali's columns), by sheet and row: what an update replaces. */
  cells: {
    orders: Map<number, CellValue[]>;
    items: Map<number, CellValue[]>;
    payments: Map<number, CellValue[]>;
  };
  /** created_at of the Orders sheet's last row before this import (null: unknown or empty). */
  lastCreatedAt: number | null;
  ordersSorted: boolean;
}

const snOf = (v: CellValue) => {
  const s = cellText(v).trim();
  return s === '' ? null : s;
};

/** Records of located rows, read by the sheet's declaration (unreadable ones are problems). */
function recordsOf<T>(
  tb: Table,
  located: Located,
  read: (i: RowsInput) => { records: T[]; rows: number[]; problems: Problem[] },
): { byRow: Map<number, T>; problems: Problem[] } {
  const out = readFound(tb, [...located.byKey.values()].flat(), read);
  const byRow = new Map<number, T>();
  for (let i = 0; i < out.records.length; i++) byRow.set(out.rows[i], out.records[i]);
  return { byRow, problems: out.problems.filter((p) => p.row !== 1 || p.severity === 'error') };
}

function locateStored(tb: Tables, parsed: readonly ParsedExport[]): Found {
  const orderSns = new Set<string>();
  for (const e of parsed) for (const o of e.orders) orderSns.add(o.orderSn);
  const paymentSns = new Set<string>();
  for (const e of parsed) for (const p of e.payments) paymentSns.add(p.orderSn);
  const all = new Set([...orderSns, ...paymentSns]);

  // Lines only of the orders the exports carry (a payment alone changes no line); payments of both (an
  // order whose counting changes takes its payment with it).
  const orderRows = locateKeys(tb.orders, 'order_sn', all, snOf);
  const lineRowsLocated = locateKeys(tb.items, 'order_sn', orderSns, snOf);
  const paymentRows = locateKeys(tb.payments, 'order_sn', all, snOf);

  const o = recordsOf(tb.orders, orderRows, readOrderRows);
  const l = recordsOf(tb.items, lineRowsLocated, readItemRows);
  const p = recordsOf(tb.payments, paymentRows, readPaymentRows);
  const problems = [...o.problems, ...l.problems, ...p.problems];

  const firstOf = <T extends { orderSn: string }>(byRow: Map<number, T>) => {
    const m = new Map<string, Stored<T>>();
    for (const [row, record] of [...byRow].sort((a, b) => a[0] - b[0]))
      if (!m.has(record.orderSn)) m.set(record.orderSn, { record, row });
    return m;
  };
  const orders = firstOf(o.byRow);
  const payments = firstOf(p.byRow);
  const lineRows = new Map<string, Stored<OrderItem>[]>();
  for (const [row, record] of [...l.byRow].sort((a, b) => a[0] - b[0])) {
    const list = lineRows.get(record.orderSn);
    if (list) list.push({ record, row });
    else lineRows.set(record.orderSn, [{ record, row }]);
  }

  // The tail of Orders as read: is it in created_at order, and where does it end?
  const tail = orderRows.blocks[0];
  let lastCreatedAt: number | null = null;
  let ordersSorted = true;
  if (tail) {
    const j = columnNumber(tb.orders, 'created_at') - 1;
    let prev = -Infinity;
    for (const row of tail.rows) {
      const v = row[j];
      const at = v instanceof Date ? v.getTime() : null;
      if (at === null) continue;
      if (at < prev) ordersSorted = false;
      prev = at;
      lastCreatedAt = at;
    }
  } else if (tb.orders.lastRow > 1) {
    const v = readBlock(tb.orders, tb.orders.lastRow, 1, ['created_at'])[0][
      columnNumber(tb.orders, 'created_at') - 1
    ];
    lastCreatedAt = v instanceof Date ? v.getTime() : null;
  }

  return {
    lookup: { orders, lines: lineRows, payments },
    orderRows,
    lineRows,
    stored: {
      orders: new Map([...orders].map(([k, v]) => [k, v.record])),
      lines: new Map([...lineRows].map(([k, v]) => [k, v.map((x) => x.record)])),
      payments: new Map([...payments].map(([k, v]) => [k, v.record])),
    },
    problems,
    cells: {
      orders: cellsByRow(orderRows),
      items: cellsByRow(lineRowsLocated),
      payments: cellsByRow(paymentRows),
    },
    lastCreatedAt,
    ordersSorted,
  };
}

function cellsByRow(located: Located): Map<number, CellValue[]> {
  const m = new Map<number, CellValue[]>();
  for (const list of located.byKey.values()) for (const f of list) m.set(f.row, f.cells);
  return m;
}

// ---------------------------------------------------------------------------------------------- writing

function cells(decl: SheetDecl, rec: object): Map<string, CellValue> {
  return recordCells(decl, rec);
}

/** Cells of one column that differ between two records of a sheet. */
function changedCells(decl: SheetDecl, row: number, before: object, after: object) {
  const b = cells(decl, before);
  const a = cells(decl, after);
  const out: { row: number; header: string; value: CellValue }[] = [];
  for (const [h, v] of a) {
    const old = b.get(h);
    const same = v instanceof Date && old instanceof Date ? v.getTime() === old.getTime() : v === old;
    if (!same) out.push({ row, header: h, value: v });
  }
  return out;
}

/**
 * Re-reads the key column over the rows about to be updated (one read) and drops the updates of rows
 * that no longer hold their key (a person moved them): those orders are located again and updated there.
 */
function recheckRows<T extends { orderSn: string }>(
  tb: Table,
  updates: readonly { row: number; before: T; after: T }[],
  cells: Map<number, CellValue[]>,
): { row: number; before: T; after: T }[] {
  if (updates.length === 0) return [];
  const rows = updates.map((u) => u.row);
  // (a loop, not Math.min(...rows): a big re-import updates more rows than a call takes arguments)
  let first = rows[0];
  let last = rows[0];
  for (const r of rows) {
    if (r < first) first = r;
    if (r > last) last = r;
  }
  const j = columnNumber(tb, 'order_sn') - 1;
  const keys = readBlock(tb, first, last - first + 1, ['order_sn']).map((r) => snOf(r[j]));
  const ok = updates.filter((u) => keys[u.row - first] === u.before.orderSn);
  const moved = updates.filter((u) => keys[u.row - first] !== u.before.orderSn);
  if (moved.length === 0) return ok;
  const again = locateKeys(tb, 'order_sn', new Set(moved.map((u) => u.before.orderSn)), snOf);
  for (const u of moved) {
    const at = again.byKey.get(u.before.orderSn)?.[0];
    if (at) {
      ok.push({ ...u, row: at.row });
      cells.set(at.row, at.cells);
    }
  }
  return ok;
}

const ownColumns = (t: Table) => ownHeaders(t).map((h) => columnNumber(t, h));

/** What the merge is about to write in place, logged with the old values of those cells. */
function logUpdates(tb: Table, updates: readonly CellUpdate[], cells: Map<number, CellValue[]>): CellLog {
  const log = new CellLog();
  for (const u of updates) {
    const col = columnNumber(tb, u.header);
    log.add(u.row, col, cells.get(u.row)?.[col - 1] ?? '');
  }
  return log;
}

/**
 * The merge's writes, all or nothing (undo.ts): every write planned and read for first, the undo log
 * written, then the store patched (phase A), the commit point passed, then the tidying (phase B). The caller
 * undoes phase A when it fails (`undo`).
 */
function writePlan(
  env: Env,
  tb: Tables,
  found: Found,
  plan: MergePlan,
  state: MergeState,
): MergeOutcome['customers'] {
  const props = env.properties;
  const before = props.getProperties();
  // A mark of an earlier version, or one that left Customers to rebuild (recoverStore ran first).
  const dead = inFlight(before);
  const hadCustomers = env.ss.getSheetByName(CUSTOMERS_SHEET.sheet) !== null;
  const nothing =
    plan.appendOrders.length +
      plan.updateOrders.length +
      plan.lines.length +
      plan.appendPayments.length +
      plan.updatePayments.length ===
    0;
  if (nothing && !dead && (hadCustomers || !tb.hadOrders)) return { touched: 0, added: 0, rebuilt: false };
  const batch = Number(before[LAST_BATCH] ?? 0) + 1;

  // ---- the plan: what each write replaces (reads only; the sheets the writes need are created here)
  const creating = (name: string) => state.created.push(name);
  const history = plan.history.length > 0 ? (tb.history ?? openHistory(env, true, creating)!) : null;
  let freshHistory: Record<string, unknown>[] = [];
  if (history) {
    const changed = new Set(plan.history.map((h) => h.orderSn));
    const seen = locateKeys(history, 'order_sn', changed, snOf);
    const at = (h: string) => columnNumber(history, h) - 1;
    const recorded: Grid = [['order_sn', 'old_status', 'new_status']];
    for (const r of [...seen.byKey.values()].flat().sort((a, b) => a.row - b.row))
      recorded.push([r.cells[at('order_sn')], r.cells[at('old_status')], r.cells[at('new_status')]]);
    freshHistory = unrecordedChanges(recorded, plan.history) as unknown as Record<string, unknown>[];
  }
  // Lines: the same number as stored → written over them; otherwise appended (the old rows are cleared
  // after the commit point, so an order never lacks its lines).
  const inPlace = plan.lines.filter((l) => l.before.length > 0 && l.before.length === l.after.length);
  const appended = plan.lines.filter((l) => !(l.before.length > 0 && l.before.length === l.after.length));
  const itemLog = new CellLog();
  const itemCols = ownHeaders(tb.items).map((h) => columnNumber(tb.items, h));
  for (const l of inPlace)
    for (const b of l.before)
      for (const c of itemCols) itemLog.add(b.row, c, found.cells.items.get(b.row)?.[c - 1] ?? '');
  // In the orders' date order, as Orders is kept: the newest lines end the sheet (where a day's reads look).
  const createdAt = new Map<string, number>();
  for (const o of plan.appendOrders) createdAt.set(o.orderSn, o.createdAt);
  for (const [sn, o] of found.stored.orders) if (!createdAt.has(sn)) createdAt.set(sn, o.createdAt);
  const byDate = (a: { orderSn: string }, b: { orderSn: string }) =>
    (createdAt.get(a.orderSn) ?? 0) - (createdAt.get(b.orderSn) ?? 0) ||
    (a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0);
  const newLines = [...appended].sort(byDate).flatMap((l) => l.after.map((x) => cells(ITEMS_SHEET, x)));
  const payUpdates = recheckRows(tb.payments, plan.updatePayments, found.cells.payments).flatMap((u) =>
    changedCells(PAYMENTS_SHEET, u.row, u.before, u.after),
  );
  const orderUpdates = recheckRows(tb.orders, plan.updateOrders, found.cells.orders).flatMap((u) =>
    changedCells(ORDERS_SHEET, u.row, u.before, u.after),
  );
  const freshOrders = [...plan.appendOrders].sort(
    (a, b) => a.createdAt - b.createdAt || (a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0),
  );
  const inOrder =
    freshOrders.length === 0
      ? found.ordersSorted
      : found.ordersSorted &&
        (found.lastCreatedAt === null || freshOrders[0].createdAt >= found.lastCreatedAt);
  const stale = appended.flatMap((l) => l.before.map((b) => b.row));
  const staleA1s =
    stale.length > 0
      ? cellRuns(stale).flatMap(([r, n]) =>
          ownHeaders(tb.items).map((h) => a1(r, columnNumber(tb.items, h), n)),
        )
      : [];

  // Customers: a patch of the touched customers (checked against the sheet now), or a rebuild after the
  // commit point (an upgrade, a mark left by an earlier version, a sheet the patch cannot trust).
  let rebuild = dead !== null || (!hadCustomers && tb.hadOrders);
  let prepared: PreparedPatch | null = null;
  let customersTb: Table | null = null;
  const changes = rebuild ? null : orderChanges(found.stored, mergedRecords(plan));
  if (!changes) rebuild = true;
  else {
    const newKeys = new Set<string>();
    for (const [key, list] of changes) if (list.every((c: OrderChange) => !c.before)) newKeys.add(key);
    customersTb = openCustomers(env, true, creating)!;
    const p = preparePatch(customersTb, { changes, names: namesOf(env, newKeys), batch });
    if (p.ok) prepared = p.prepared;
    else rebuild = true;
  }
  const customersLastCol = prepared ? lastColumnOf(prepared.tb) : 0;
  const grows = (t: Table, n: number) => (n > 0 && !t.created ? t.sheet.getMaxRows() : 0);
  const sheetLog = (t: Table, appends: number, log: CellLog | null): SheetUndo => ({
    sheet: t.decl.sheet,
    own: ownColumns(t),
    lastRow: t.lastRow,
    maxRows: grows(t, appends),
    cells: log ? log.entries() : [],
  });
  const log: UndoLog = {
    batch,
    created: [...state.created],
    sheets: [
      ...(history ? [sheetLog(history, freshHistory.length, null)] : []),
      sheetLog(tb.items, newLines.length, itemLog),
      sheetLog(
        tb.payments,
        plan.appendPayments.length,
        logUpdates(tb.payments, payUpdates, found.cells.payments),
      ),
      sheetLog(tb.orders, freshOrders.length, logUpdates(tb.orders, orderUpdates, found.cells.orders)),
    ],
    customers:
      prepared && customersTb
        ? {
            sheet: customersTb.decl.sheet,
            own: ownColumns(customersTb),
            lastRow: customersTb.lastRow,
            maxRows: grows(customersTb, prepared.added.length),
            maxColumns:
              prepared.touched.length > 0 ? customersTb.sheet.getMaxColumns() : Number.MAX_SAFE_INTEGER,
            lastCol: customersLastCol,
            sort: activityOrder(customersTb, customersLastCol),
          }
        : null,
    after: {
      clear: staleA1s.length > 0 ? { sheet: tb.items.decl.sheet, a1s: staleA1s } : null,
      sorts: inOrder ? [] : [{ sheet: tb.orders.decl.sheet, spec: ordersOrder(tb.orders) }],
      customers: rebuild ? 'rebuild' : prepared ? 'patch' : 'none',
    },
  };

  // ---- the mark, then the log: from here on, a stop is undone by the next locked action
  const mark = { batch, started: Date.now(), undo: true };
  props.setProperties({ [IN_FLIGHT]: JSON.stringify(mark), [LAST_BATCH]: String(batch) });
  state.log = log;
  state.open = openLog(env, log);
  env.flush(); // the log is in before the first store write

  // ---- phase A: status history, lines, payments, orders, Customers
  if (history)
    appendRecords(
      history,
      freshHistory.map((h) => cells(HISTORY_SHEET, h)),
    );
  for (const l of inPlace) {
    const rows = l.before.map((b) => b.row);
    for (const [first, n] of cellRuns(rows)) {
      const at = rows.indexOf(first);
      writeBlock(
        tb.items,
        first,
        l.after.slice(at, at + n).map((x) => cells(ITEMS_SHEET, x)),
        { formats: true },
      );
    }
  }
  appendRecords(tb.items, newLines);
  appendRecords(
    tb.payments,
    plan.appendPayments.map((p) => cells(PAYMENTS_SHEET, p)),
  );
  updateCells(tb.payments, payUpdates);
  updateCells(tb.orders, orderUpdates);
  appendRecords(
    tb.orders,
    freshOrders.map((o) => cells(ORDERS_SHEET, o)),
  );
  let result: MergeOutcome['customers'] = { touched: 0, added: 0, rebuilt: false };
  let count: number | null = null;
  if (prepared) {
    const open = state.open;
    const patched = applyPatch(prepared, customersLastCol, (cols, grid) => {
      state.block = blockOf(cols, grid);
      logCustomersBlock(open, state.block);
    });
    if (patched.ok) {
      result = { touched: patched.touched, added: patched.added, rebuilt: false };
      count = patched.count;
    } else log.after.customers = 'rebuild';
  }

  // ---- the commit point: every cell of the import is in
  env.flush();
  props.setProperties({
    [IN_FLIGHT]: JSON.stringify({ ...mark, committed: true, rebuild: log.after.customers === 'rebuild' }),
    ...(count !== null ? { [CUSTOMER_COUNT]: String(count) } : {}),
  });
  state.committed = true;

  // ---- phase B: the tidying, tried twice (then left to the next locked action, the file being in)
  const tidy = (sheet: OpenLog['sheet'] | null) => {
    if (finish(env, log)) {
      rebuildCustomers(env);
      result = { touched: 0, added: 0, rebuilt: true };
    }
    closeLog(env, batch, sheet, false);
  };
  try {
    tidy(state.open.sheet);
  } catch {
    tidy(null); // (the log sheet looked up again: the first try may have deleted it)
  }
  return result;
}

/** The merge's writes so far, for undoing them when it fails. */
interface MergeState {
  /** Names of the sheets the merge created (or began to create). */
  created: string[];
  log: UndoLog | null;
  open: OpenLog | null;
  block: CustomersBlock | null;
  committed: boolean;
}

/** The merged records the import writes (for the read model's delta). */
function mergedRecords(plan: MergePlan) {
  return {
    orders: new Map<string, Order>(
      [...plan.appendOrders, ...plan.updateOrders.map((u) => u.after)].map((o) => [o.orderSn, o]),
    ),
    lines: new Map(plan.lines.map((l) => [l.orderSn, l.after])),
    payments: new Map<string, OrderPayment>(
      [...plan.appendPayments, ...plan.updatePayments.map((u) => u.after)].map((p) => [p.orderSn, p]),
    ),
  };
}

/** Orders' order: by creation time, then order number. */
function ordersOrder(tb: Table): SortSpec {
  return {
    lastCol: lastColumnOf(tb),
    by: [
      { column: columnNumber(tb, 'created_at'), ascending: true },
      { column: columnNumber(tb, 'order_sn'), ascending: true },
    ],
  };
}

function sortOrders(tb: Table): void {
  sortSheet(tb.sheet, ordersOrder(tb));
}

/**
 * BuyerProfile names of buyers new to Customers: usually none (a name is typed for a buyer who has ordered),
 * so one TextFinder count answers; a hand-added profile is found and read.
 */
function namesOf(env: Env, keys: ReadonlySet<string>): Map<string, string> {
  const names = new Map<string, string>();
  if (keys.size === 0) return names;
  const tb = openTable(env, PROFILES_SHEET);
  if (!tb || tb.lastRow < 2 || tb.layout.missing.length > 0) return names;
  const usernames = new Set([...keys].map((k) => k.slice(0, k.lastIndexOf('|'))));
  if (countKeyCells(tb, 'buyer_username', usernames) === 0) return names;
  const located = locateKeys(tb, 'buyer_username', usernames, (v) => snOf(v));
  const read = readFound(tb, [...located.byKey.values()].flat(), readProfileRows);
  for (const p of read.records) {
    const key = `${p.buyerUsername}|${p.addressIdentifier}`;
    if (keys.has(key) && p.buyerRealName.trim() !== '') names.set(key, p.buyerRealName.trim());
  }
  return names;
}

/** Customers made exact from the whole store (an upgrade, or after an import stopped halfway). */
export function rebuildCustomers(env: Env): number {
  const store = loadStore(env);
  const index = buildCustomers(store);
  // A store of an earlier layout kept Orders in paste order: put it in date order too (one call).
  const orders = openTable(env, ORDERS_SHEET);
  if (orders) sortOrders(orders);
  return syncCustomers(env, customerRows(index), store.profilesThrough);
}
