// Customer lookup lists: recent buyers (no search yet) and a case-insensitive substring search over
// real name, username, order numbers and address. index.list is already newest-first, so both are one
// linear pass that stops collecting at `limit` but keeps counting for `total`.
import type { Customer, CustomerIndex } from './customers';
import { DEFAULT_RECENT_DAYS, isRecent, recentWindow } from './queue';
import { localDayNumber, toIso } from './time';
import type { Clock, Lang } from './types';
import type { CustomerListItemView, LookupListView } from './views';

export const DEFAULT_LOOKUP_LIMIT = 100;

/** List item: the newest order of any status; orderCount counts counted orders, as the stats do. */
export function listItem(c: Customer): CustomerListItemView {
  const last = c.orders[0].order;
  return {
    buyerKey: c.key,
    buyerUsername: c.buyerUsername,
    realName: c.profile ? c.profile.buyerRealName.trim() : null,
    addressFull: c.addressFull,
    lastOrderAt: toIso(last.createdAt),
    lastOrderSn: last.orderSn,
    orderCount: c.metrics.orderCount,
  };
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number >= 0, got ${limit}`);
}

/** Every customer (named or not) with an order of any status in the recent window (see queue.ts). */
export function recentCustomers(
  index: CustomerIndex,
  clock: Clock,
  days = DEFAULT_RECENT_DAYS,
  lang: Lang = 'id',
  limit = DEFAULT_LOOKUP_LIMIT,
): LookupListView {
  checkLimit(limit);
  const window = recentWindow(clock, days);
  const items: CustomerListItemView[] = [];
  let total = 0;
  for (const c of index.list) {
    // index.list is newest-first: once a newest order is older than the window, so are all the rest.
    if (localDayNumber(c.lastActivityAt, clock.timeZone) < window.fromDay) break;
    // A customer is recent when any order is; orders[0] is the newest but may lie after today.
    if (!c.orders.some((co) => isRecent(co.order.createdAt, clock, window))) continue;
    total++;
    if (items.length < limit) items.push(listItem(c));
  }
  return { lang, mode: 'recent', query: '', days, items, total };
}

// One lowercase blob per customer, built on the first search of an index and reused by later ones.
// Fields are joined by U+0000, which a typed query cannot contain, so a match never spans two fields.
const blobs = new WeakMap<CustomerIndex, string[]>();
const SEP = '\u0000';

function searchBlobs(index: CustomerIndex): string[] {
  let b = blobs.get(index);
  if (!b) {
    b = index.list.map((c) => {
      const parts = [c.profile ? c.profile.buyerRealName : '', c.buyerUsername, c.addressFull];
      for (const co of c.orders) parts.push(co.order.orderSn);
      return parts.join(SEP).toLowerCase();
    });
    blobs.set(index, b);
  }
  return b;
}

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

/** Customers whose real name, username, any order number or address contains the query (case-
 *  insensitive, surrounding space ignored); newest order first. An empty query matches everyone. */
export function searchCustomers(
  index: CustomerIndex,
  query: string,
  lang: Lang = 'id',
  limit = DEFAULT_LOOKUP_LIMIT,
): LookupListView {
  checkLimit(limit);
  const q = normaliseQuery(query);
  const b = searchBlobs(index);
  const items: CustomerListItemView[] = [];
  let total = 0;
  if (!q.includes(SEP)) {
    for (let i = 0; i < b.length; i++) {
      if (!b[i].includes(q)) continue;
      total++;
      if (items.length < limit) items.push(listItem(index.list[i]));
    }
  }
  // days is 0: a search is not limited in time.
  return { lang, mode: 'search', query: query.trim(), days: 0, items, total };
}
