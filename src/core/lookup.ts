// Customer lookup lists: recent buyers (no search yet) and a case-insensitive search over real name,
// username, order numbers and address, best match first (see rankMatch). index.list is already
// newest-first, so the recent list is one linear pass that stops collecting at `limit` but keeps counting.
import type { Customer, CustomerIndex } from './customers';
import { DEFAULT_RECENT_DAYS, isRecent, recentWindow } from './queue';
import { localDayNumber, toIso } from './time';
import type { Clock, Lang } from './types';
import type { CustomerListItemView, LookupListView, SearchMatchView } from './views';

export const DEFAULT_LOOKUP_LIMIT = 100;

/** List item: the last activity (newest order of any status); orderCount counts counted orders, as the
 *  stats do. */
export function listItem(c: Customer): CustomerListItemView {
  const last = c.orders[0].order;
  return {
    buyerKey: c.key,
    buyerUsername: c.buyerUsername,
    realName: c.profile ? c.profile.buyerRealName.trim() : null,
    addressFull: c.addressFull,
    lastActivityAt: toIso(last.createdAt),
    lastActivitySn: last.orderSn,
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

/** What a search looks at in one customer. */
export interface SearchFields {
  name: string;
  username: string;
  address: string;
  orderSns: readonly string[];
}

/** A match's rank (lower is better) and where it is. */
export interface RankedMatch {
  rank: number;
  match: SearchMatchView;
}

function span(field: SearchMatchView['field'], text: string, lower: string, at: number, q: string) {
  // Case folding may change a text's length ("İ"): then the offsets are not the text's, and nothing is marked.
  const placed = lower.length === text.length && at >= 0;
  return { field, text, start: placed ? at : 0, length: placed ? q.length : 0 };
}

/** Whether a word of `lower` (after a space or punctuation) starts with q. */
function wordStart(lower: string, q: string): number {
  let at = lower.indexOf(q);
  while (at > 0 && /[\p{L}\p{N}]/u.test(lower[at - 1])) at = lower.indexOf(q, at + 1);
  return at;
}

/**
 * How well `q` (already normalised: trimmed, lower case) matches a customer: 0 the whole username, name
 * or an order number; 1 the start of one of them (or of a word of the name); 2 elsewhere in the name or
 * username (or inside an order number); 3 the address only. null: no match. A seller typing "budi" finds
 * the buyer named Budi before the ones who live in Setiabudi.
 */
export function rankMatch(f: SearchFields, q: string): RankedMatch | null {
  if (q === '') return null;
  const name = f.name.trim();
  const people: [SearchMatchView['field'], string][] = [
    ['username', f.username],
    ['name', name],
  ];
  const lowers = people.map(([, text]) => text.toLowerCase());
  const sns = f.orderSns.map((sn) => [sn, sn.toLowerCase()] as const);
  for (let i = 0; i < people.length; i++)
    if (people[i][1] !== '' && lowers[i] === q)
      return { rank: 0, match: span(people[i][0], people[i][1], lowers[i], 0, q) };
  for (const [sn, lower] of sns) if (lower === q) return { rank: 0, match: span('orderSn', sn, lower, 0, q) };
  for (let i = 0; i < people.length; i++) {
    const at = people[i][0] === 'name' ? wordStart(lowers[i], q) : lowers[i].startsWith(q) ? 0 : -1;
    if (at >= 0) return { rank: 1, match: span(people[i][0], people[i][1], lowers[i], at, q) };
  }
  for (const [sn, lower] of sns)
    if (lower.startsWith(q)) return { rank: 1, match: span('orderSn', sn, lower, 0, q) };
  for (let i = 0; i < people.length; i++) {
    const at = lowers[i].indexOf(q);
    if (at >= 0) return { rank: 2, match: span(people[i][0], people[i][1], lowers[i], at, q) };
  }
  for (const [sn, lower] of sns) {
    const at = lower.indexOf(q);
    if (at >= 0) return { rank: 2, match: span('orderSn', sn, lower, at, q) };
  }
  const address = f.address.toLowerCase();
  const at = address.indexOf(q);
  return at >= 0 ? { rank: 3, match: span('address', f.address, address, at, q) } : null;
}

/** Best rank first; the same rank: newest activity first, then key (deterministic). */
export function compareRanked(
  a: { rank: number; item: CustomerListItemView },
  b: { rank: number; item: CustomerListItemView },
): number {
  return (
    a.rank - b.rank ||
    Date.parse(b.item.lastActivityAt) - Date.parse(a.item.lastActivityAt) ||
    (a.item.buyerKey < b.item.buyerKey ? -1 : a.item.buyerKey > b.item.buyerKey ? 1 : 0)
  );
}

/** Customers whose real name, username, any order number or address contains the query (case-
 *  insensitive, surrounding space ignored), best match first (rankMatch), each with what matched. An
 *  empty query matches everyone. */
export function searchCustomers(
  index: CustomerIndex,
  query: string,
  lang: Lang = 'id',
  limit = DEFAULT_LOOKUP_LIMIT,
): LookupListView {
  checkLimit(limit);
  const q = normaliseQuery(query);
  const b = searchBlobs(index);
  const hits: { rank: number; item: CustomerListItemView }[] = [];
  if (q === '') {
    // An empty query matches everyone, newest activity first (index.list's order).
    for (const c of index.list) hits.push({ rank: 0, item: listItem(c) });
  } else if (!q.includes(SEP)) {
    for (let i = 0; i < b.length; i++) {
      if (!b[i].includes(q)) continue;
      const c = index.list[i];
      const ranked = rankMatch(
        {
          name: c.profile ? c.profile.buyerRealName : '',
          username: c.buyerUsername,
          address: c.addressFull,
          orderSns: c.orders.map((co) => co.order.orderSn),
        },
        q,
      );
      if (ranked) hits.push({ rank: ranked.rank, item: { ...listItem(c), match: ranked.match } });
    }
  }
  hits.sort(compareRanked);
  const items = hits.slice(0, limit).map((h) => h.item);
  // days is 0: a search is not limited in time.
  return { lang, mode: 'search', query: query.trim(), days: 0, items, total: hits.length };
}
