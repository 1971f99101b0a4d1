// Merging parsed exports into the store: upsert by order number, so an overlapping export pasted twice never
// double-counts and a later export updates an order — unless its status is at an earlier stage than the one
// kept (status.ts statusReplaces): exports arrive in any order, and an older one never undoes a newer one. Existing rows keep their places (new ones are appended)
// so the sheets do not reshuffle. Maps throughout: linear in the number of rows. Records are treated as
// immutable: the result shares record objects with the inputs and never modifies them.
import { statusReplaces } from '../status';
import { importText } from '../text/import';
import type { EpochMs, Grid, Lang, Order, OrderItem, OrderPayment, ParsedExport, Problem } from '../types';
import { cellText } from '../values';
import type { StatusChange } from './schema';

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

const sameOrder = (a: Order, b: Order) =>
  a.buyerUsername === b.buyerUsername &&
  a.addressFull === b.addressFull &&
  a.totalPrice === b.totalPrice &&
  a.createdAt === b.createdAt &&
  a.status === b.status &&
  a.returnStatus === b.returnStatus;

const samePayment = (a: OrderPayment, b: OrderPayment) =>
  a.totalIncome === b.totalIncome && a.adminFee === b.adminFee && a.serviceFee === b.serviceFee;

/** Upserts records by order number into a copy of `existing`; the first stored row of a number is the one
 *  updated, unless `replaces` says the incoming record is older (then `onKept` hears of it). Returns the
 *  positions of stored rows the incoming records touched. */
function upsert<T extends { orderSn: string }>(
  existing: readonly T[],
  incoming: Iterable<T>,
  onChange?: (old: T, next: T) => void,
  same: (a: T, b: T) => boolean = () => false,
  replaces: (old: T, next: T) => boolean = () => true,
  onKept?: (old: T, next: T) => void,
): { rows: T[]; touched: Set<number> } {
  const rows = existing.slice();
  const index = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!index.has(r.orderSn)) index.set(r.orderSn, i);
  });
  const touched = new Set<number>();
  for (const rec of incoming) {
    const at = index.get(rec.orderSn);
    if (at === undefined) {
      index.set(rec.orderSn, rows.length);
      rows.push(rec);
      continue;
    }
    if (at < existing.length) touched.add(at);
    if (same(rows[at], rec)) continue;
    if (!replaces(rows[at], rec)) {
      onKept?.(rows[at], rec);
      continue;
    }
    onChange?.(rows[at], rec);
    rows[at] = rec;
  }
  return { rows, touched };
}

function* each<T>(lists: readonly (readonly T[])[]): Generator<T> {
  for (const list of lists) yield* list;
}

/** Every export's orders in turn, saying which export they come from before its first order. */
function* tagged(exports: readonly ParsedExport[], enter: (e: number) => void): Generator<Order> {
  for (let e = 0; e < exports.length; e++) {
    enter(e);
    yield* exports[e].orders;
  }
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

/**
 * Merges exports (in the order given: a later one wins) into the store. Orders and payments upsert by order
 * number; an order whose status is at an earlier stage than the one kept is older and changes nothing, its
 * lines included (the status order: importing the same exports in any order gives the same store). A
 * status change is recorded in `history` with `now`. An order's lines in an export REPLACE its stored lines
 * (a re-import never duplicates them), in the place of its first stored line; orders an export carries no
 * lines for (an orders-only sheet) keep theirs. Importing the same export twice changes nothing.
 */
export function mergeImport(
  existing: StoreContent,
  incoming: readonly ParsedExport[],
  now: EpochMs,
): MergeResult {
  const history: StatusChange[] = [];
  // Per export, the orders whose version in it was older than the one kept: their lines are not taken.
  const older = incoming.map(() => new Set<string>());
  const olderOrders = new Set<string>();
  let from = 0;
  const o = upsert(
    existing.orders,
    tagged(incoming, (e) => {
      from = e;
    }),
    (old, next) => {
      if (old.status !== next.status) {
        history.push({
          orderSn: next.orderSn,
          oldStatus: old.status,
          newStatus: next.status,
          changedAt: now,
        });
      }
    },
    sameOrder,
    statusReplaces,
    (old) => {
      older[from].add(old.orderSn);
      olderOrders.add(old.orderSn);
    },
  );
  let updatedOrders = 0;
  for (const at of o.touched) if (!sameOrder(existing.orders[at], o.rows[at])) updatedOrders++;

  const p = upsert(existing.payments, each(incoming.map((e) => e.payments)), undefined, samePayment);
  let updatedPayments = 0;
  for (const at of p.touched) if (!samePayment(existing.payments[at], p.rows[at])) updatedPayments++;

  return {
    orders: o.rows,
    items: mergeItems(existing.items, incoming, older),
    payments: p.rows,
    history,
    stats: {
      newOrders: o.rows.length - existing.orders.length,
      updatedOrders,
      unchangedOrders: o.touched.size - updatedOrders,
      olderOrders: olderOrders.size,
      newPayments: p.rows.length - existing.payments.length,
      updatedPayments,
    },
  };
}

function mergeItems(
  existing: readonly OrderItem[],
  incoming: readonly ParsedExport[],
  older: readonly Set<string>[],
): OrderItem[] {
  // The lines of an order come from the last export that has lines for it and whose version of the order
  // was kept. One Map entry per order.
  const replacement = new Map<string, { lines: OrderItem[]; from: number; placed: boolean }>();
  incoming.forEach((exp, e) => {
    const skip = older[e];
    for (const it of exp.items) {
      if (skip.size > 0 && skip.has(it.orderSn)) continue;
      const r = replacement.get(it.orderSn);
      if (!r) replacement.set(it.orderSn, { lines: [it], from: e, placed: false });
      else if (r.from !== e) {
        r.lines = [it];
        r.from = e;
      } else r.lines.push(it);
    }
  });
  const out: OrderItem[] = [];
  const place = (r: { lines: OrderItem[]; placed: boolean }) => {
    r.placed = true;
    for (const l of r.lines) out.push(l);
  };
  for (const it of existing) {
    const r = replacement.get(it.orderSn);
    if (!r) out.push(it);
    else if (!r.placed) place(r);
  }
  for (const r of replacement.values()) if (!r.placed) place(r);
  return out;
}

/** Distinct (sheet, row) pairs with an error: the rows that were not imported. */
export function problemRowCount(problems: readonly Problem[]): number {
  const rows = new Set<string>();
  for (const p of problems) if (p.severity === 'error') rows.add(`${p.row}\u0000${p.sheet}`);
  return rows.size;
}

/** "X pesanan baru, Y diperbarui, Z tidak berubah, N baris bermasalah" */
export function importSummary(stats: MergeStats, problems: readonly Problem[], lang: Lang = 'id'): string {
  return importText[lang].summary(
    stats.newOrders,
    stats.updatedOrders,
    stats.unchangedOrders,
    problemRowCount(problems),
  );
}
