// Impor: the seller pastes raw exports into the inbox sheet (or uploads files: #17); mergeIntoStore patches
// them into the store. The store is a database, not a file to rewrite: the import finds the stored rows of
// the incoming order numbers (TextFinder counts, windows read from the bottom), plans the patch in core
// (planMerge: the status order included, so an older export never undoes a newer one), appends what is
// new, updates what changed in place (a RangeList per value), and brings the Customers read model in step
// for the customers it touched. No store sheet is ever cleared.
//
// Write order, so that an execution stopped dead at any call leaves a store the next import completes:
// status history → order lines → payments → orders (the commit: an order exists once its row does) →
// old lines of replaced orders cleared → Customers. The in-flight mark (a document property) is set before
// the first write and removed after the last: a later import that finds it rebuilds Customers exactly.
// The problems sheet is written before all of them: a failure writing it leaves the store as it was. Each
// write is preceded by its undo (undo.ts, taken from what the patch read): a caught failure among the
// store's writes is rolled back in the same execution, so the store and Customers stand as they were, and
// the message says so (all or nothing per import and per uploaded file, #17). An execution stopped dead
// (no catch runs) or a rollback that fails leaves every order whole (old or new); the same import run
// again completes it (#16's consistency).

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
import { type Env, withDocumentLock } from './context';
import { clearIfUnchanged, type InboxRead, readInbox } from './inbox';
import { countKeyCells, type Located, locateKeys, readFound } from './locate';
import { writeProblems } from './problems';
import { CUSTOMER_COUNT, patchCustomers, sortByActivity, syncCustomers } from './readmodel';
import { shrinkToDefault } from './sheets';
import { GENERATION, IN_FLIGHT, inFlight, LAST_BATCH, loadStore } from './store';
import {
  a1,
  appendRecords,
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
  newUndoLog,
  noteAppend,
  noteCells,
  noteCreated,
  noteRows,
  noteSort,
  type UndoLog,
  undoStore,
} from './undo';

export interface ImportReport {
  ok: boolean;
  message: string;
  newOrders: number;
  updatedOrders: number;
  unchangedOrders: number;
  /** Orders the import had at an earlier stage than the store: kept as stored (the status order). */
  olderOrders: number;
  newPayments: number;
  updatedPayments: number;
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

  return withDocumentLock(env, () => {
    const merged = mergeIntoStore(env, [parsed]);
    if (!merged.ok) return { ...empty(merged.message), problems: merged.problems };
    const errorRows = problemRowCount(parsed.problems.filter((p) => p.severity === 'error'));
    const everyRowRead = errorRows === 0;
    const cleared = everyRowRead && clearIfUnchanged(inbox, read, shrinkToDefault);
    const lines = [merged.message];
    lines.push(
      !everyRowRead
        ? tx.inboxKept(inboxName, tx.problemsSheet)
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

const NO_STATS: MergeStats = {
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
  let tables: Tables;
  try {
    tables = openStore(env);
  } catch (e) {
    if (!(e instanceof HeaderError)) throw e;
    return {
      ok: false,
      message: e.message,
      stats: NO_STATS,
      unnamedStatuses: [],
      problems: incomingProblems,
    };
  }
  const found = locateStored(tables, parsed);
  const unreadable = found.problems.filter((p) => p.severity === 'error');
  if (unreadable.length > 0) {
    writeProblems(env, found.problems);
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
  const plan = planMerge(found.lookup, parsed, env.clock.now);

  // Before the store: a merge whose problems cannot be listed fails with the store as it was.
  const problems = [...incomingProblems, ...found.problems];
  writeProblems(env, problems);
  let customers: MergeOutcome['customers'];
  const log = newUndoLog();
  for (const tb of [tables.orders, tables.items, tables.payments]) noteCreated(log, env, tb);
  const before = env.properties.getProperties();
  try {
    customers = writePlan(env, tables, found, plan, log);
  } catch (e) {
    // All or nothing: the undo log puts the store back as it was, and the message says so. Should the
    // rollback fail too, every order still stands whole (old or new) and the same import completes it.
    const reason = e instanceof Error ? e.message : String(e);
    const ts = t('store', env.lang);
    try {
      rollBack(env, log, { before });
    } catch {
      throw new Error(ts.importInterrupted(reason));
    }
    throw new Error(ts.importRolledBack(reason));
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
function openHistory(env: Env, create: boolean): Table | null {
  const tb = openTable(env, HISTORY_SHEET, { create });
  if (tb) prepareForWrite(tb);
  return tb;
}

/** The store sheets, created where missing, each with the headers a write needs (else a HeaderError). */
function openStore(env: Env): Tables {
  const open = (decl: SheetDecl) => {
    const tb = openTable(env, decl, { create: true })!;
    prepareForWrite(tb);
    return tb;
  };
  const orders = open(ORDERS_SHEET);
  return {
    orders,
    items: open(ITEMS_SHEET),
    payments: open(PAYMENTS_SHEET),
    history: openHistory(env, false),
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
  /** The cells of every located row of Orders, OrderItems and OrderPayments, as read (the undo log's old
   *  values: nothing is read again to take it). */
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
    if (!at) continue;
    cells.set(at.row, at.cells);
    ok.push({ ...u, row: at.row });
  }
  return ok;
}

function writePlan(
  env: Env,
  tb: Tables,
  found: Found,
  plan: MergePlan,
  log: UndoLog,
): MergeOutcome['customers'] {
  const props = env.properties;
  const before = props.getProperties();
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
  props.setProperties({
    [IN_FLIGHT]: JSON.stringify({ batch, started: Date.now() }),
    [LAST_BATCH]: String(batch),
  });

  // 1. Status history, each change once (a re-run after a stop finds it recorded).
  if (plan.history.length > 0) {
    const history = tb.history ?? openHistory(env, true)!;
    noteCreated(log, env, history);
    const changed = new Set(plan.history.map((h) => h.orderSn));
    const seen = locateKeys(history, 'order_sn', changed, snOf);
    const at = (h: string) => columnNumber(history, h) - 1;
    const recorded: Grid = [['order_sn', 'old_status', 'new_status']];
    for (const r of [...seen.byKey.values()].flat().sort((a, b) => a.row - b.row))
      recorded.push([r.cells[at('order_sn')], r.cells[at('old_status')], r.cells[at('new_status')]]);
    const fresh = unrecordedChanges(recorded, plan.history);
    noteAppend(log, history, fresh.length);
    appendRecords(
      history,
      fresh.map((h) => cells(HISTORY_SHEET, h)),
    );
  }

  // 2. Lines: the same number as stored → written over them; otherwise appended (the old rows are cleared
  //    once the order row is written, so an order never lacks its lines).
  const inPlace = plan.lines.filter((l) => l.before.length > 0 && l.before.length === l.after.length);
  const appended = plan.lines.filter((l) => !(l.before.length > 0 && l.before.length === l.after.length));
  const oldRows = (rows: readonly number[]) => rows.map((row) => ({ row, cells: lineCells(found, row) }));
  noteRows(log, tb.items, oldRows(inPlace.flatMap((l) => l.before.map((b) => b.row))));
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
  // In the orders' date order, as Orders is kept: the newest lines end the sheet (where a day's reads look).
  const createdAt = new Map<string, number>();
  for (const o of plan.appendOrders) createdAt.set(o.orderSn, o.createdAt);
  for (const [sn, o] of found.stored.orders) if (!createdAt.has(sn)) createdAt.set(sn, o.createdAt);
  const byDate = (a: { orderSn: string }, b: { orderSn: string }) =>
    (createdAt.get(a.orderSn) ?? 0) - (createdAt.get(b.orderSn) ?? 0) ||
    (a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0);
  const newLines = [...appended].sort(byDate).flatMap((l) => l.after.map((x) => cells(ITEMS_SHEET, x)));
  noteAppend(log, tb.items, newLines.length);
  appendRecords(tb.items, newLines);

  // 3. Payments.
  noteAppend(log, tb.payments, plan.appendPayments.length);
  appendRecords(
    tb.payments,
    plan.appendPayments.map((p) => cells(PAYMENTS_SHEET, p)),
  );
  const payUpdates = recheckRows(tb.payments, plan.updatePayments, found.cells.payments);
  const payCells = payUpdates.flatMap((u) => changedCells(PAYMENTS_SHEET, u.row, u.before, u.after));
  noteCells(log, tb.payments, payCells, (r) => found.cells.payments.get(r));
  updateCells(tb.payments, payCells);

  // 4. Orders: changed cells in place (after a re-check of their rows), then the new ones, kept in date
  //    order (a backfill of older orders is sorted in: one call).
  const orderUpdates = recheckRows(tb.orders, plan.updateOrders, found.cells.orders);
  const orderCells = orderUpdates.flatMap((u) => changedCells(ORDERS_SHEET, u.row, u.before, u.after));
  noteCells(log, tb.orders, orderCells, (r) => found.cells.orders.get(r));
  updateCells(tb.orders, orderCells);
  if (plan.appendOrders.length > 0) {
    const fresh = [...plan.appendOrders].sort(
      (a, b) => a.createdAt - b.createdAt || (a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0),
    );
    noteAppend(log, tb.orders, fresh.length);
    appendRecords(
      tb.orders,
      fresh.map((o) => cells(ORDERS_SHEET, o)),
    );
    const inOrder =
      found.ordersSorted && (found.lastCreatedAt === null || fresh[0].createdAt >= found.lastCreatedAt);
    if (!inOrder) sortOrders(tb.orders, log);
  } else if (!found.ordersSorted) sortOrders(tb.orders, log);

  // 5. The old lines of orders whose line count changed (Kenali's cells only).
  const stale = appended.flatMap((l) => l.before.map((b) => b.row));
  if (stale.length > 0) {
    noteRows(log, tb.items, oldRows(stale));
    const own = ownHeaders(tb.items);
    const a1s = cellRuns(stale).flatMap(([r, n]) => own.map((h) => a1(r, columnNumber(tb.items, h), n)));
    tb.items.sheet.getRangeList(a1s).clearContent();
  }

  // 6. Customers.
  log.customers = { existed: hadCustomers, batches: new Map() };
  const result = updateCustomers(
    env,
    found,
    plan,
    batch,
    dead !== null || (!hadCustomers && tb.hadOrders),
    log,
  );

  env.flush();
  props.setProperties({ [IN_FLIGHT]: '', [GENERATION]: String(batch) });
  return result;
}

function sortOrders(tb: Table, log?: UndoLog): void {
  if (tb.lastRow < 3) return;
  const lastCol = Math.max(tb.sheet.getLastColumn(), ...ownHeaders(tb).map((h) => columnNumber(tb, h)));
  if (log) noteSort(log, tb, lastCol);
  tb.sheet.getRange(2, 1, tb.lastRow - 1, lastCol).sort([
    { column: columnNumber(tb, 'created_at'), ascending: true },
    { column: columnNumber(tb, 'order_sn'), ascending: true },
  ]);
}

/** Brings Customers in step: a patch of the touched customers, or (when told, or when the patch cannot
 *  be exact) the whole sheet checked against the store and repaired. */
function updateCustomers(
  env: Env,
  found: Found,
  plan: MergePlan,
  batch: number,
  rebuild: boolean,
  log: UndoLog,
): MergeOutcome['customers'] {
  const merged = {
    orders: new Map<string, Order>(
      [...plan.appendOrders, ...plan.updateOrders.map((u) => u.after)].map((o) => [o.orderSn, o]),
    ),
    lines: new Map(plan.lines.map((l) => [l.orderSn, l.after])),
    payments: new Map<string, OrderPayment>(
      [...plan.appendPayments, ...plan.updatePayments.map((u) => u.after)].map((p) => [p.orderSn, p]),
    ),
  };
  const changes = rebuild ? null : orderChanges(found.stored, merged);
  if (changes) {
    const newKeys = new Set<string>();
    for (const [key, list] of changes) if (list.every((c: OrderChange) => !c.before)) newKeys.add(key);
    const patch = patchCustomers(
      env,
      { changes, names: namesOf(env, newKeys), batch },
      log.customers?.batches,
    );
    if (patch.ok) return { touched: patch.touched, added: patch.added, rebuilt: false };
  }
  rebuildCustomers(env, log);
  return { touched: 0, added: 0, rebuilt: true };
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
export function rebuildCustomers(env: Env, log?: UndoLog): number {
  const store = loadStore(env);
  const index = buildCustomers(store);
  // A store of an earlier layout kept Orders in paste order: put it in date order too (one call).
  const orders = openTable(env, ORDERS_SHEET);
  if (orders) sortOrders(orders, log);
  return syncCustomers(env, customerRows(index), log?.customers?.batches);
}

/**
 * Puts the store back as it was before a commit that failed (the undo log backwards), then Customers:
 * removed when this import created it, else made exact from the restored store with its old batch stamps.
 */
function rollBack(env: Env, log: UndoLog, props: { before: Record<string, string> }): void {
  undoStore(log);
  const c = log.customers;
  if (c) {
    const sheet = env.ss.getSheetByName(CUSTOMERS_SHEET.sheet);
    if (!c.existed) {
      if (sheet && env.ss.getSheets().length > 1) env.ss.deleteSheet(sheet);
    } else {
      syncCustomers(env, customerRows(buildCustomers(loadStore(env))));
      restoreBatches(env, c.batches);
    }
  }
  // The in-flight mark as it was ('' is no mark); the customer count too, absent when it was.
  const count = props.before[CUSTOMER_COUNT];
  env.properties.setProperties({
    [IN_FLIGHT]: props.before[IN_FLIGHT] ?? '',
    ...(count !== undefined ? { [CUSTOMER_COUNT]: count } : {}),
  });
  if (c && count === undefined) env.properties.deleteProperty(CUSTOMER_COUNT);
}

/** Customers sorted by activity (rows the patch inserted and left blank go to the end) and its batch
 *  column set back by key: one sort, one read of the two columns, one write. */
function restoreBatches(env: Env, batches: ReadonlyMap<string, CellValue>): void {
  const tb = openTable(env, CUSTOMERS_SHEET);
  if (!tb || tb.lastRow < 2) return;
  sortByActivity(tb, Math.max(tb.sheet.getLastColumn(), ...ownHeaders(tb).map((h) => columnNumber(tb, h))));
  tb.lastRow = tb.sheet.getLastRow();
  if (tb.lastRow < 2 || batches.size === 0) return;
  const b = columnNumber(tb, 'batch');
  const k = columnNumber(tb, 'buyer_key') - 1;
  const rows = readBlock(tb, 2, tb.lastRow - 1, ['batch', 'buyer_key']);
  const out = rows.map((r) => {
    const key = String(r[k] ?? '').trim();
    return [batches.has(key) ? batches.get(key)! : r[b - 1]];
  });
  tb.sheet.getRange(2, b, out.length, 1).setValues(out);
}

function lineCells(found: Found, row: number): CellValue[] {
  const cells = found.cells.items.get(row);
  if (!cells) throw new Error(`${ITEMS_SHEET.sheet}: row ${row} was not read before its update`);
  return cells;
}
