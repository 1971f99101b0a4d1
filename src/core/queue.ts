// The naming queue: recent orders whose buyer has no BuyerProfile, one entry per universal identifier
// (saving a name: profiles.ts planNameSave).
import { compareNewestFirst } from './customers';
import { addressIdentifier, buyerKey } from './identity';
import { effectiveProfiles } from './profiles';
import { localDayNumber, toIso } from './time';
import type { BuyerProfile, Clock, EpochMs, Lang, Order, OrderItem } from './types';
import type { NamingQueueView, QueueEntryView } from './views';

/** What the queue reads: a StoreRecords (with payments) fits too. */
export interface QueueInput {
  orders: readonly Order[];
  items: readonly OrderItem[];
  profiles: readonly BuyerProfile[];
}

export const DEFAULT_RECENT_DAYS = 2;
/** The window "semua": every order up to today. */
export const ALL_DAYS = 0;

/**
 * "The last `days` days" as local calendar days in the spreadsheet's zone: today and the `days - 1`
 * days before it, i.e. today - days < localDay(order) <= today. With days = 2 at 08:00 on 3 May that is
 * every order from 2 May 00:00 to 3 May 23:59:59 local time. Orders dated on a later day than today
 * (a skewed clock) are not "recent" and are left out. ALL_DAYS (0) is every day up to today.
 */
export function recentWindow(clock: Clock, days: number): { fromDay: number; toDay: number } {
  if (!Number.isInteger(days) || days < 0)
    throw new RangeError(`days must be a whole number >= 0, got ${days}`);
  const today = localDayNumber(clock.now, clock.timeZone);
  return { fromDay: days === ALL_DAYS ? Number.NEGATIVE_INFINITY : today - days + 1, toDay: today };
}

export function isRecent(at: EpochMs, clock: Clock, window: { fromDay: number; toDay: number }): boolean {
  const day = localDayNumber(at, clock.timeZone);
  return day >= window.fromDay && day <= window.toDay;
}

/** "Kaos Polos (Hitam, XL) ×2"; the variant only when there is one. */
export function productLine(productName: string, variantName: string, quantity: number): string {
  const name = productName.trim();
  const variant = variantName.trim();
  return `${variant ? `${name} (${variant})` : name} \u00d7${quantity}`;
}

/**
 * Every order (any status: a seller may still want to name a buyer who cancelled) created within
 * `recentWindow`, whose buyer key has no named BuyerProfile. One entry per key with all its recent
 * order numbers newest first; entries newest first (same instant → key ascending). Products merge equal
 * (name, variant) lines across the buyer's recent orders, summing quantities, newest order first.
 */
export function namingQueue(
  input: QueueInput,
  clock: Clock,
  days = DEFAULT_RECENT_DAYS,
  lang: Lang = 'id',
): NamingQueueView {
  const window = recentWindow(clock, days);
  const named = effectiveProfiles(input.profiles);
  // One hash per distinct address, not per order: the whole store is read here.
  const hashes = new Map<string, string>();
  const keyOf = (o: Order) => {
    let h = hashes.get(o.addressFull);
    if (h === undefined) {
      h = addressIdentifier(o.addressFull);
      hashes.set(o.addressFull, h);
    }
    return buyerKey(o.buyerUsername, h);
  };

  // The store keys orders by order_sn; a repeated one keeps its later row, as everywhere else.
  const recent = new Map<string, Order>();
  for (const o of input.orders) {
    if (isRecent(o.createdAt, clock, window)) recent.set(o.orderSn, o);
    else recent.delete(o.orderSn);
  }

  const byKey = new Map<string, { key: string; orders: Order[] }>();
  for (const o of recent.values()) {
    const key = keyOf(o);
    if (named.has(key)) continue;
    const e = byKey.get(key);
    if (e) e.orders.push(o);
    else byKey.set(key, { key, orders: [o] });
  }

  const lines = new Map<string, OrderItem[]>();
  for (const item of input.items) {
    if (!recent.has(item.orderSn)) continue;
    const list = lines.get(item.orderSn);
    if (list) list.push(item);
    else lines.set(item.orderSn, [item]);
  }

  const entries: { at: EpochMs; view: QueueEntryView }[] = [];
  for (const { key, orders } of byKey.values()) {
    orders.sort(compareNewestFirst);
    const newest = orders[0];
    entries.push({
      at: newest.createdAt,
      view: {
        buyerKey: key,
        buyerUsername: newest.buyerUsername,
        addressFull: newest.addressFull.trim(),
        orderSns: orders.map((o) => o.orderSn),
        lastActivityAt: toIso(newest.createdAt),
        products: productLines(orders, lines),
      },
    });
  }
  entries.sort((a, b) => b.at - a.at || (a.view.buyerKey < b.view.buyerKey ? -1 : 1));
  // Buyers without a name over every order, so an empty window can say how many wait elsewhere.
  const unnamed = new Set<string>();
  for (const o of input.orders) {
    const key = keyOf(o);
    if (!named.has(key)) unnamed.add(key);
  }
  return {
    lang,
    days,
    entries: entries.map((e) => e.view),
    timeZone: clock.timeZone,
    ordersInWindow: recent.size,
    unnamedOverall: unnamed.size,
  };
}

/** Every distinct (name, variant) of the buyer's recent orders, quantities summed, newest order first.
 *  Not capped: the sidebar collapses long lists itself, and hiding lines here would hide them for good. */
function productLines(orders: Order[], lines: Map<string, OrderItem[]>): string[] {
  const merged = new Map<string, { name: string; variant: string; quantity: number }>();
  for (const o of orders) {
    for (const l of lines.get(o.orderSn) ?? []) {
      const name = l.productName.trim();
      const variant = l.variantName.trim();
      const k = `${name}\u0000${variant}`;
      const m = merged.get(k);
      if (m) m.quantity += l.quantity;
      else merged.set(k, { name, variant, quantity: l.quantity });
    }
  }
  return [...merged.values()].map((m) => productLine(m.name, m.variant, m.quantity));
}
