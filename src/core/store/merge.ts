// Merging parsed exports into the store: upsert by order number, so an overlapping export pasted twice never
// double-counts and a later export updates an order — unless its status is at an earlier stage than the one
// kept (status.ts statusReplaces): exports arrive in any order, and an older one never undoes a newer one.
// Two shapes of one decision:
// - planMerge: the PATCH an import writes (orders to append, rows to update in place, lines to replace,
//   payments, status history), given only the stored records of the incoming order numbers (the importer
//   locates them without reading the whole store);
// - mergeImport: the same merge over a whole store in memory (the CLI's one-shot path, tests).
// What an order becomes is decided in ONE place, mergeOrder. Records are treated as immutable.

import { statusReplaces } from '../status';
import { sameRecord } from '../table';
import { importText } from '../text/import';
import type { EpochMs, Grid, Lang, Order, OrderItem, OrderPayment, ParsedExport, Problem } from '../types';
import { cellText } from '../values';
import { ITEMS_SHEET, ORDERS_SHEET, PAYMENTS_SHEET, type StatusChange } from './schema';

export interface StoreContent {
  orders: Order[];
  items: OrderItem[];
  payments: OrderPayment[];
}

export interface MergeStats {
  newOrders: number;
  /** Orders already stored whose fields changed. */
  updatedOrders: number;
  /** Orders already stored that the import repeated unchanged. */
  unchangedOrders: number;
  /** Orders whose status in the import was at an earlier stage than the one kept (stored, or from an
   *  earlier export of the same import): kept as they were, lines included. */
  olderOrders: number;
  newPayments: number;
  updatedPayments: number;
}

export interface MergeResult extends StoreContent {
  /** Status changes to append to OrderStatusHistory. */
  history: StatusChange[];
  stats: MergeStats;
}

/** Every declared Orders field equal (adding a column to the declaration adds it to the check). */
export const sameOrder = (a: Order, b: Order): boolean => sameRecord(ORDERS_SHEET, a, b);
export const samePayment = (a: OrderPayment, b: OrderPayment): boolean => sameRecord(PAYMENTS_SHEET, a, b);
export const sameItem = (a: OrderItem, b: OrderItem): boolean => sameRecord(ITEMS_SHEET, a, b);

/** Whether two lists of an order's lines are the same lines in the same order. */
export function sameLines(a: readonly OrderItem[], b: readonly OrderItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameItem(a[i], b[i])) return false;
  return true;
}

/**
 * What a stored order becomes when an export carries it again (or `stored` is undefined: a new order).
 * THE per-order upsert decision: every merge goes through here. The incoming version wins unless its status
 * is at an earlier stage than the stored one (the status order): then the order is OLDER and `stored` itself
 * is returned (so `result !== next` says so), and its lines in that export are not taken either.
 */
export function mergeOrder(stored: Order | undefined, next: Order): Order {
  return !stored || statusReplaces(stored, next) ? next : stored;
}

function* each<T>(lists: readonly (readonly T[])[]): Generator<T> {
  for (const list of lists) yield* list;
}

const NONE: readonly Stored<OrderItem>[] = Object.freeze([]);

function sameStoredLines(a: readonly Stored<OrderItem>[], b: readonly OrderItem[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameItem(a[i].record, b[i])) return false;
  return true;
}

/** The lines of each order from the last export that has lines for it and whose version of the order was
 *  kept (`older[e]`: the orders export e carried at an earlier stage than the one kept). One Map entry per
 *  order. */
export function incomingLines(
  incoming: readonly ParsedExport[],
  older?: readonly ReadonlySet<string>[],
): Map<string, OrderItem[]> {
  const out = new Map<string, OrderItem[]>();
  const from = new Map<string, number>();
  incoming.forEach((exp, e) => {
    const skip = older?.[e];
    for (const it of exp.items) {
      if (skip && skip.size > 0 && skip.has(it.orderSn)) continue;
      const lines = out.get(it.orderSn);
      if (lines && (incoming.length === 1 || from.get(it.orderSn) === e)) lines.push(it);
      else {
        out.set(it.orderSn, [it]);
        if (incoming.length > 1) from.set(it.orderSn, e);
      }
    }
  });
  return out;
}

// ---------------------------------------------------------------------------------------------- patch

/** A stored record and the sheet row it was read from. */
export interface Stored<T> {
  record: T;
  row: number;
}

/** What the importer found in the store for the incoming order numbers (and nothing else). */
export interface StoredLookup {
  /** The first stored row of each incoming order number that exists. */
  orders: ReadonlyMap<string, Stored<Order>>;
  /** Stored lines of incoming orders that carry lines (rows in sheet order; none: absent). */
  lines: ReadonlyMap<string, readonly Stored<OrderItem>[]>;
  payments: ReadonlyMap<string, Stored<OrderPayment>>;
}

export interface RowUpdate<T> {
  row: number;
  before: T;
  after: T;
}

export interface LinesReplacement {
  orderSn: string;
  /** The stored lines being replaced (their rows), possibly none. */
  before: readonly Stored<OrderItem>[];
  after: readonly OrderItem[];
}

export interface MergePlan {
  /** New orders, in the order they first appear in the exports. */
  appendOrders: Order[];
  updateOrders: RowUpdate<Order>[];
  /** Orders whose lines change (new orders with lines included: `before` is then empty). */
  lines: LinesReplacement[];
  appendPayments: OrderPayment[];
  updatePayments: RowUpdate<OrderPayment>[];
  history: StatusChange[];
  stats: MergeStats;
}

/** The patch that merges `incoming` (in order: a later export wins) into the store found in `stored`. */
export function planMerge(stored: StoredLookup, incoming: readonly ParsedExport[], now: EpochMs): MergePlan {
  const history: StatusChange[] = [];
  // Insertion order is first appearance: new orders come out in the order the exports first show them.
  const current = new Map<string, Order>();
  // Per export, the orders whose version in it was older than the one kept: their lines are not taken.
  const older = incoming.map(() => new Set<string>());
  const olderOrders = new Set<string>();
  for (let e = 0; e < incoming.length; e++) {
    for (const next of incoming[e].orders) {
      const had = current.get(next.orderSn) ?? stored.orders.get(next.orderSn)?.record;
      const result = mergeOrder(had, next);
      if (result !== next) {
        older[e].add(next.orderSn);
        olderOrders.add(next.orderSn);
        continue;
      }
      // Only a real move is history: an older version changes nothing.
      if (had && had.status !== result.status) {
        history.push({
          orderSn: next.orderSn,
          oldStatus: had.status,
          newStatus: result.status,
          changedAt: now,
        });
      }
      current.set(next.orderSn, had && sameOrder(had, result) ? had : result);
    }
  }
  const appendOrders: Order[] = [];
  const updateOrders: RowUpdate<Order>[] = [];
  let unchangedOrders = 0;
  for (const [sn, after] of current) {
    const s = stored.orders.get(sn);
    if (!s) appendOrders.push(after);
    else if (sameOrder(s.record, after)) unchangedOrders++;
    else updateOrders.push({ row: s.row, before: s.record, after });
  }
  // A stored order that every export of the import carried older is left as it was: unchanged.
  for (const sn of olderOrders) if (!current.has(sn) && stored.orders.has(sn)) unchangedOrders++;

  const lines: LinesReplacement[] = [];
  for (const [orderSn, after] of incomingLines(incoming, older)) {
    const before = stored.lines.get(orderSn);
    if (!before) lines.push({ orderSn, before: NONE, after });
    else if (!sameStoredLines(before, after)) lines.push({ orderSn, before, after });
  }

  const payments = new Map<string, OrderPayment>();
  for (const p of each(incoming.map((e) => e.payments))) payments.set(p.orderSn, p);
  const appendPayments: OrderPayment[] = [];
  const updatePayments: RowUpdate<OrderPayment>[] = [];
  for (const [sn, after] of payments) {
    const s = stored.payments.get(sn);
    if (!s) appendPayments.push(after);
    else if (!samePayment(s.record, after)) updatePayments.push({ row: s.row, before: s.record, after });
  }
  return {
    appendOrders,
    updateOrders,
    lines,
    appendPayments,
    updatePayments,
    history,
    stats: {
      newOrders: appendOrders.length,
      updatedOrders: updateOrders.length,
      unchangedOrders,
      olderOrders: olderOrders.size,
      newPayments: appendPayments.length,
      updatedPayments: updatePayments.length,
    },
  };
}

// ---------------------------------------------------------------------------------------------- in memory

/**
 * Merges exports (in the order given: a later one wins) into a whole store in memory: the same decisions
 * as planMerge, applied. Existing rows keep their places (new ones are appended); an order's lines in an
 * export REPLACE its stored lines, in the place of its first stored line; orders an export carries no
 * lines for keep theirs. Importing the same export twice changes nothing.
 */
export function mergeImport(
  existing: StoreContent,
  incoming: readonly ParsedExport[],
  now: EpochMs,
): MergeResult {
  const index = <T extends { orderSn: string }>(list: readonly T[]) => {
    const m = new Map<string, Stored<T>>();
    list.forEach((record, row) => {
      if (!m.has(record.orderSn)) m.set(record.orderSn, { record, row });
    });
    return m;
  };
  const wanted = incomingLines(incoming);
  const storedLines = new Map<string, Stored<OrderItem>[]>();
  existing.items.forEach((record, row) => {
    if (!wanted.has(record.orderSn)) return;
    const list = storedLines.get(record.orderSn);
    if (list) list.push({ record, row });
    else storedLines.set(record.orderSn, [{ record, row }]);
  });
  const plan = planMerge(
    { orders: index(existing.orders), lines: storedLines, payments: index(existing.payments) },
    incoming,
    now,
  );

  const orders = existing.orders.slice();
  for (const u of plan.updateOrders) orders[u.row] = u.after;
  for (const o of plan.appendOrders) orders.push(o); // a spread of 600k arguments overflows the stack

  const payments = existing.payments.slice();
  for (const u of plan.updatePayments) payments[u.row] = u.after;
  for (const p of plan.appendPayments) payments.push(p);

  // Replaced lines take the place of the order's first stored line; new orders' lines go at the end.
  const items: OrderItem[] = [];
  if (existing.items.length === 0) {
    for (const r of plan.lines) for (const l of r.after) items.push(l);
    return { orders, items, payments, history: plan.history, stats: plan.stats };
  }
  const replaced = new Map(plan.lines.map((l) => [l.orderSn, l]));
  const placed = new Set<string>();
  for (const it of existing.items) {
    const r = replaced.get(it.orderSn);
    if (!r) items.push(it);
    else if (!placed.has(it.orderSn)) {
      placed.add(it.orderSn);
      for (const l of r.after) items.push(l);
    }
  }
  for (const r of plan.lines) if (!placed.has(r.orderSn)) for (const l of r.after) items.push(l);

  return { orders, items, payments, history: plan.history, stats: plan.stats };
}

/**
 * The status changes not recorded yet, given the OrderStatusHistory sheet's grid: a change equal to the
 * latest one recorded for its order (same old and new status) is left out. An import stopped after writing
 * the history but before the Orders sheet finds the same change again when run again: it is recorded once.
 */
export function unrecordedChanges(recorded: Grid, changes: readonly StatusChange[]): StatusChange[] {
  if (changes.length === 0) return [];
  const header = (recorded[0] ?? []).map((h) => cellText(h).trim());
  const [sn, from, to] = ['order_sn', 'old_status', 'new_status'].map((h) => header.indexOf(h));
  if (sn < 0 || from < 0 || to < 0) return [...changes];
  const latest = new Map<string, string>();
  for (let i = 1; i < recorded.length; i++) {
    const r = recorded[i];
    latest.set(cellText(r[sn]).trim(), `${cellText(r[from]).trim()}\n${cellText(r[to]).trim()}`);
  }
  return changes.filter((c) => latest.get(c.orderSn) !== `${c.oldStatus}\n${c.newStatus}`);
}

/** Distinct (sheet, row) pairs with an error: the rows that were not imported. */
export function problemRowCount(problems: readonly Problem[]): number {
  const rows = new Set<string>();
  for (const p of problems) if (p.severity === 'error') rows.add(`${p.row}\u0000${p.sheet}`);
  return rows.size;
}

/** "X pesanan baru, Y diperbarui, Z tidak berubah, N baris bermasalah", and the payments when an income
 *  report stored some (imported alone, the orders' figures would all be 0: "nothing happened"). */
export function importSummary(stats: MergeStats, problems: readonly Problem[], lang: Lang = 'id'): string {
  const tx = importText[lang];
  const orders = tx.summary(
    stats.newOrders,
    stats.updatedOrders,
    stats.unchangedOrders,
    problemRowCount(problems),
  );
  if (stats.newPayments + stats.updatedPayments === 0) return orders;
  return `${orders}; ${tx.paymentsSummary(stats.newPayments, stats.updatedPayments)}`;
}
