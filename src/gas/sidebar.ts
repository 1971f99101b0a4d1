// What the sidebars show, read from what they show: the naming queue and the recent list from the top of
// Customers (newest activity first) and the tail of Orders (kept in date order), a search from Customers'
// one search column, a customer's detail from their Customers row plus their last order. Only a workbook
// without a usable Customers sheet (before its first import under this version) falls back to reading
// the whole store, as before.
import { buildCustomers, type CustomerIndex, customerDetail, daysSince } from '../core/customers';
import { buyerKeyOf } from '../core/identity';
import { DEFAULT_LOOKUP_LIMIT, recentCustomers, searchCustomers } from '../core/lookup';
import { segmentOfLabel } from '../core/movement';
import { effectiveProfiles } from '../core/profiles';
import { namingQueue, recentWindow } from '../core/queue';
import { type CustomerRow, listItemOf, needsRecompute, topProductsOf } from '../core/readmodel';
import { segmentView, segmentViewOf } from '../core/rfm';
import { codeOfCell, SEGMENTS_HEADER_ROWS, segmentsColumns } from '../core/segments';
import { isCounted } from '../core/status';
import {
  ITEMS_SHEET,
  ORDERS_SHEET,
  PAYMENTS_SHEET,
  PROFILES_SHEET,
  readItemRows,
  readOrderRows,
  readPaymentRows,
  readProfileRows,
} from '../core/store';
import { t } from '../core/text';
import { DAY_MS, epochFromWallClock, toIso } from '../core/time';
import type { BuyerProfile, Grid, Order, OrderItem } from '../core/types';
import type {
  CustomerDetailView,
  LookupListView,
  NamingQueueView,
  OrderView,
  SegmentView,
} from '../core/views';
import type { Env } from './context';
import { locateKeys, readFound, rowsInput, rowsWithValue } from './locate';
import {
  customerRow,
  type FreshNames,
  freshNameOf,
  openCustomers,
  PROFILES_SYNCED,
  recentRows,
  searchRows,
} from './readmodel';
import { loadStore, profilesMark, readConsistently } from './store';
import { columnNumber, openTable, readBlock, type Table } from './table';

/** The first instant of the recent window and the last of today. */
function windowBounds(env: Env, days: number): { from: number; to: number } {
  const { fromDay, toDay } = recentWindow(env.clock, days);
  const tz = env.clock.timeZone;
  return {
    from: fromDay === Number.NEGATIVE_INFINITY ? fromDay : epochFromWallClock(fromDay * DAY_MS, tz),
    to: epochFromWallClock((toDay + 1) * DAY_MS, tz) - 1,
  };
}

/** Customers usable as the read model: there, with its headers. */
function readModel(env: Env): Table | null {
  const tb = openCustomers(env);
  return tb && tb.layout.missing.length === 0 ? tb : null;
}

/**
 * Orders created at or after `from`: the sheet is kept in date order, so they are its last rows, read in
 * growing windows from the bottom. null when the rows read are not in date order (sorted by hand since
 * the last import): the caller reads the store whole.
 */
function recentOrders(env: Env, from: number): Order[] | null {
  const tb = openTable(env, ORDERS_SHEET);
  if (!tb || tb.lastRow < 2) return [];
  const first = firstRowFrom(tb, 'created_at', from);
  if (first === null) return null;
  if (first > tb.lastRow) return [];
  const rows = readBlock(tb, first, tb.lastRow - first + 1);
  return readOrderRows(rowsInput(tb, rows, first)).records.filter((o) => o.createdAt >= from);
}

/**
 * In a sheet kept in ascending order of an instant column, the first row at or after `from`: that one
 * column read from the bottom in growing windows until an older row shows. null when the rows read are
 * not in order (sorted by hand since Kenali last sorted it).
 */
function firstRowFrom(tb: Table, header: string, from: number): number | null {
  const j = columnNumber(tb, header) - 1;
  let bottom = tb.lastRow;
  let window = 512;
  let next = Number.POSITIVE_INFINITY;
  while (bottom >= 2) {
    const top = Math.max(2, bottom - window + 1);
    const cells = readBlock(tb, top, bottom - top + 1, [header]);
    // The whole window must be in order (not just the rows up to the answer): a sheet sorted some other way
    // shows it here, and is then read whole by the caller.
    let answer: number | null = null;
    for (let i = cells.length - 1; i >= 0; i--) {
      const v = cells[i][j];
      const at = v instanceof Date ? v.getTime() : Number.NaN;
      if (Number.isNaN(at)) continue;
      if (at > next) return null;
      next = at;
      if (at < from && answer === null) answer = top + i + 1;
    }
    if (answer !== null) return answer;
    bottom = top - 1;
    window *= 4;
  }
  return 2;
}

/** What the queue shows of a line (variant_sku rides along: it sits between them). */
const QUEUE_LINE_HEADERS = ['order_sn', 'product_name', 'variant_name', 'variant_sku', 'quantity'];

/** The stored lines of the given orders: one order's by TextFinder, many by a count and windows from the
 *  bottom (lines are appended in date order, so recent ones end the sheet). */
function linesOf(env: Env, sns: ReadonlySet<string>, headers?: readonly string[]): OrderItem[] {
  const tb = openTable(env, ITEMS_SHEET);
  if (!tb || sns.size === 0) return [];
  const rows =
    sns.size === 1
      ? rowsWithValue(tb, 'order_sn', [...sns][0], headers, { exact: true }).filter(
          (r) => String(r.cells[columnNumber(tb, 'order_sn') - 1]).trim() === [...sns][0],
        )
      : [
          ...locateKeys(tb, 'order_sn', sns, (v) => String(v).trim() || null, { headers }).byKey.values(),
        ].flat();
  rows.sort((a, b) => a.row - b.row);
  return readFound(tb, rows, readItemRows).records;
}

/** BuyerProfile's rows for these orders' usernames: the sheet searched, only the rows found read. */
function profilesOfUsers(env: Env, orders: readonly Order[]): BuyerProfile[] {
  const users = new Set(orders.map((o) => o.buyerUsername.trim()).filter((u) => u !== ''));
  const tb = users.size > 0 ? openTable(env, PROFILES_SHEET) : null;
  if (!tb || tb.layout.missing.length > 0) return [];
  const found = locateKeys(tb, 'buyer_username', users, (v) => String(v ?? '').trim(), { minWindow: 16 });
  return readFound(tb, [...found.byKey.values()].flat(), readProfileRows).records;
}

const profileOf = (c: CustomerRow): BuyerProfile => {
  const at = c.key.lastIndexOf('|');
  return {
    buyerUsername: c.key.slice(0, at),
    addressIdentifier: c.key.slice(at + 1),
    buyerRealName: c.realName,
    updatedAt: 0,
    addressFull: c.address,
  };
};

export function namingQueueView(env: Env, days: number): NamingQueueView {
  return readConsistently(env, ({ unfinished }) => {
    const rm = unfinished ? null : readModel(env);
    const { from } = windowBounds(env, days);
    const orders = rm ? recentOrders(env, from) : null;
    const recent =
      rm && orders
        ? recentRows(rm, from, ['batch', 'last_activity_at', 'buyer_key', 'buyer_real_name'])
        : null;
    if (!orders || !recent) {
      const store = loadStore(env, { orders: true, items: true, profiles: true });
      const view = namingQueue(store, env.clock, days, env.lang);
      // As from the read model below: the overall count only with a window of nobody to name.
      return view.entries.length === 0 ? view : { ...view, unnamedOverall: null };
    }
    // Named in Customers' copy, or in BuyerProfile itself: a name the seller typed there by hand is in that
    // sheet only until the next import, and a buyer offered again would get it overwritten. BuyerProfile is
    // asked only about the buyers the copy leaves unnamed (one TextFinder count, then the rows it names).
    const copy = recent.filter((c) => c.realName.trim() !== '').map(profileOf);
    const namedInCopy = new Set(effectiveProfiles(copy).keys());
    const candidates = orders.filter((o) => !namedInCopy.has(buyerKeyOf(o.buyerUsername, o.addressFull)));
    const profiles = [...copy, ...profilesOfUsers(env, candidates)];
    const namedKeys = new Set(effectiveProfiles(profiles).keys());
    const unnamed = candidates.filter((o) => !namedKeys.has(buyerKeyOf(o.buyerUsername, o.addressFull)));
    const items = linesOf(env, new Set(unnamed.map((o) => o.orderSn)), QUEUE_LINE_HEADERS);
    const view = namingQueue({ orders: unnamed, items, profiles }, env.clock, days, env.lang);
    // The overall count is for an empty window only (the sidebar says how many wait elsewhere): it reads a
    // column of Customers, a cell per customer, which a queue with entries must not pay for.
    const overall = rm && view.entries.length === 0 ? unnamedCustomers(rm, freshNames(env)) : null;
    return { ...view, ordersInWindow: orders.length, unnamedOverall: overall };
  });
}

/** Customers without a real name, in the copy or saved since: two columns read in one call. */
function unnamedCustomers(tb: Table, fresh: FreshNames): number {
  if (tb.lastRow < 2) return 0;
  const keyCol = columnNumber(tb, 'buyer_key') - 1;
  const nameCol = columnNumber(tb, 'buyer_real_name') - 1;
  let n = 0;
  for (const row of readBlock(tb, 2, tb.lastRow - 1, ['buyer_key', 'buyer_real_name'])) {
    const key = String(row[keyCol] ?? '').trim();
    if (key === '' || String(row[nameCol] ?? '').trim() !== '') continue;
    if (!fresh.get(key.slice(0, key.lastIndexOf('|')))?.has(key)) n++;
  }
  return n;
}

/** The lookup list and search from the whole store (no usable Customers sheet, or one sorted by hand). */
function lookupFromStore(env: Env, q: string, days: number): LookupListView {
  const store = loadStore(env, { orders: true, profiles: true });
  const index = buildCustomers({ ...store, items: [], payments: [] });
  const view =
    q === '' ? recentCustomers(index, env.clock, days, env.lang) : searchCustomers(index, q, env.lang);
  return { ...view, timeZone: env.clock.timeZone };
}

/** BuyerProfile rows read when it is not known which are new (no mark yet, or rows deleted under it). */
const UNKNOWN_TAIL = 256;
/** Most new BuyerProfile rows laid over the copy (the newest; a segmentation takes in the rest). */
const MAX_FRESH = 4_000;

/**
 * Names saved since Customers' copy was last made exact: a first name is one appendRow to BuyerProfile
 * (profiles.ts), which reaches the copy at the next segmentation. Those rows end BuyerProfile, below the
 * row the last repair read (PROFILES_SYNCED): they are read, and win over the copy. A name typed by hand
 * into an older row reaches the copy at the next segmentation, as before.
 */
function freshNames(env: Env): FreshNames {
  const fresh = new Map<string, Map<string, string>>();
  const tb = openTable(env, PROFILES_SHEET);
  if (!tb || tb.layout.missing.length > 0 || tb.lastRow < 2) return fresh;
  const floor = Math.max(2, tb.lastRow - MAX_FRESH + 1);
  const mark = env.properties.getProperty(PROFILES_SYNCED) ?? '';
  const markRow = Number(mark.slice(0, mark.indexOf('\t')));
  let first = Math.max(floor, tb.lastRow - UNKNOWN_TAIL + 1);
  let rows: Grid | null = null;
  if (Number.isInteger(markRow) && markRow >= 1 && markRow <= tb.lastRow) {
    // Nothing was there, or more new rows than are laid over (the newest then): no row to check.
    if (markRow === 1 || markRow < floor - 1) first = floor;
    else {
      // The mark's row and the rows below it, in one read: new rows only if it still holds the same key.
      const block = readBlock(tb, markRow, tb.lastRow - markRow + 1);
      if (mark === profilesMark(tb, markRow, block[0])) {
        first = markRow + 1;
        rows = block.slice(1);
      }
    }
  }
  if (first > tb.lastRow) return fresh;
  rows ??= readBlock(tb, first, tb.lastRow - first + 1);
  const { records } = readProfileRows(rowsInput(tb, rows, first));
  for (const [key, p] of effectiveProfiles(records)) {
    const name = p.buyerRealName.trim();
    if (name === '') continue;
    const byKey = fresh.get(p.buyerUsername) ?? new Map<string, string>();
    byKey.set(key, name);
    fresh.set(p.buyerUsername, byKey);
  }
  return fresh;
}

export function lookupView(env: Env, query: string, days: number): LookupListView {
  return readConsistently(env, ({ unfinished }) => {
    const rm = unfinished ? null : readModel(env);
    const q = query.trim();
    if (!rm) return lookupFromStore(env, q, days);
    if (q === '') {
      const { from, to } = windowBounds(env, days);
      const recent = recentRows(rm, from);
      if (!recent) return lookupFromStore(env, q, days);
      const rows = recent.filter((c) => c.lastActivityAt <= to);
      const fresh = freshNames(env);
      const items = rows.slice(0, DEFAULT_LOOKUP_LIMIT).map((c) => {
        const item = listItemOf(c);
        const name = freshNameOf(fresh, c.username, c.address);
        return name === undefined ? item : { ...item, realName: name };
      });
      return {
        lang: env.lang,
        mode: 'recent',
        query: '',
        days,
        items,
        total: rows.length,
        timeZone: env.clock.timeZone,
      };
    }
    const { items, total } = searchRows(rm, q, DEFAULT_LOOKUP_LIMIT, freshNames(env));
    return { lang: env.lang, mode: 'search', query: q, days: 0, items, total, timeZone: env.clock.timeZone };
  });
}

/** A buyer's real name in BuyerProfile ('' when none): TextFinder finds the username's rows. */
function profileName(env: Env, username: string, key: string): string {
  const tb = openTable(env, PROFILES_SHEET);
  if (!tb || tb.layout.missing.length > 0) return '';
  const rows = readFound(tb, rowsWithValue(tb, 'buyer_username', username), readProfileRows).records;
  return effectiveProfiles(rows).get(key)?.buyerRealName.trim() ?? '';
}

/** One order by number, with its lines: TextFinder finds its row and its first line (lines sit together). */
function orderWithLines(env: Env, sn: string): { order: Order; lines: OrderItem[] } | null {
  const ordersTb = openTable(env, ORDERS_SHEET);
  if (!ordersTb) return null;
  const hit = readFound(
    ordersTb,
    rowsWithValue(ordersTb, 'order_sn', sn, undefined, { exact: true }),
    readOrderRows,
  ).records.find((o) => o.orderSn === sn);
  if (!hit) return null;
  return { order: hit, lines: linesOf(env, new Set([sn])) };
}

/** A customer's whole history from the store (what a delta could not keep exact): their orders by
 *  TextFinder on the username, their lines and payments by order number. */
function customerFromStore(env: Env, c: CustomerRow): CustomerIndex | null {
  const tb = openTable(env, ORDERS_SHEET);
  if (!tb) return null;
  const orders = readFound(tb, rowsWithValue(tb, 'buyer_username', c.username), readOrderRows).records.filter(
    (o) => buyerKeyOf(o.buyerUsername, o.addressFull) === c.key,
  );
  const sns = new Set(orders.map((o) => o.orderSn));
  const items = linesOf(env, sns);
  const payTb = openTable(env, PAYMENTS_SHEET);
  const payments = payTb
    ? readFound(
        payTb,
        [...locateKeys(payTb, 'order_sn', sns, (v) => String(v).trim() || null).byKey.values()].flat(),
        readPaymentRows,
      ).records
    : [];
  return buildCustomers({ orders, items, payments, profiles: [profileOf(c)] });
}

function orderView(order: Order, lines: readonly OrderItem[]): OrderView {
  return {
    orderSn: order.orderSn,
    createdAt: toIso(order.createdAt),
    status: order.status,
    counted: isCounted(order.status, order.returnStatus),
    totalPrice: order.totalPrice,
    lines: lines.map((l) => ({
      productName: l.productName,
      variantName: l.variantName,
      variantSku: l.variantSku,
      quantity: l.quantity,
      price: l.price,
    })),
  };
}

export function detailView(env: Env, key: string): CustomerDetailView | null {
  return readConsistently(env, ({ unfinished }) => {
    const rm = unfinished ? null : readModel(env);
    if (!rm) {
      const index = buildCustomers(loadStore(env));
      const s = segmentOf(env, key);
      return customerDetail(index, key, env.clock, s.segment, s.previous);
    }
    const found = customerRow(rm, key);
    if (!found) return null;
    // The name as BuyerProfile holds it (typed or corrected there by hand, Customers' copy is behind).
    const c = { ...found.customer, realName: profileName(env, found.customer.username, key) };
    if (needsRecompute(c)) {
      const index = customerFromStore(env, c);
      if (index) {
        const s = segmentOf(env, key);
        return customerDetail(index, key, env.clock, s.segment, s.previous);
      }
    }
    const last = orderWithLines(env, c.lastOrderSn);
    const realName = c.realName.trim() === '' ? null : c.realName.trim();
    return {
      buyerKey: c.key,
      buyerUsername: c.username,
      realName,
      displayName: realName ?? c.username,
      hasProfile: realName !== null,
      addressFull: c.address,
      stats: {
        totalSpend: c.spend,
        orderCount: c.orders,
        averageOrderValue: c.orders > 0 ? c.spend / c.orders : 0,
        firstOrderAt: c.firstOrderAt === null ? null : toIso(c.firstOrderAt),
        lastOrderAt: c.lastOrderAt === null ? null : toIso(c.lastOrderAt),
        daysSinceLastOrder: c.lastOrderAt === null ? null : daysSince(c.lastOrderAt, env.clock),
        totalItems: c.items,
        netIncome: c.paidOrders > 0 ? c.netIncome : null,
        adminFees: c.paidOrders > 0 ? c.adminFee : null,
        serviceFees: c.paidOrders > 0 ? c.serviceFee : null,
        ordersWithPayment: c.paidOrders,
        allOrderCount: c.allOrders,
      },
      lastOrder: last ? orderView(last.order, last.lines) : null,
      topProducts: c.products ? topProductsOf(c.products) : [],
      ...segmentsOf(segmentOf(env, key)),
    };
  });
}

const segmentsOf = (s: SegmentPair) => ({ segment: s.segment, previousSegment: s.previous });

interface SegmentPair {
  segment: SegmentView | null;
  previous: SegmentView | null;
}

const NO_SEGMENT: SegmentPair = { segment: null, previous: null };

/**
 * A customer's segment and previous segment from the Segments sheet: its first rows (to find the header),
 * then TextFinder for the key and that row's RFM code and "Segmen sebelumnya": a few cells whatever the
 * number of customers.
 */
export function segmentOf(env: Env, buyerKey: string): SegmentPair {
  const sheet = env.ss.getSheetByName(t('sheet', env.lang).segmentsSheet);
  if (!sheet) return NO_SEGMENT;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn < 1) return NO_SEGMENT;
  const head = sheet.getRange(1, 1, Math.min(lastRow, SEGMENTS_HEADER_ROWS), lastColumn).getValues();
  const found = segmentsColumns(head);
  if (!found) return NO_SEGMENT;
  const { headerRow, keyCol, codeCol, prevCol } = found;
  const first = headerRow + 2;
  if (first > lastRow) return NO_SEGMENT;
  const hits = sheet
    .getRange(first, keyCol + 1, lastRow - first + 1, 1)
    .createTextFinder(buyerKey)
    .matchEntireCell(true)
    .findAll();
  // Case ignored by the search: the key is checked here (a username differing only in case is another).
  const cols = prevCol >= 0 ? [keyCol, codeCol, prevCol] : [keyCol, codeCol];
  const from = Math.min(...cols);
  const span = Math.max(...cols) - from + 1;
  for (const hit of hits.slice(0, 3)) {
    const cells = sheet.getSheetValues(hit.getRow(), from + 1, 1, span)[0];
    if (String(cells[keyCol - from]).trim() !== buyerKey) continue;
    const code = codeOfCell(cells[codeCol - from]);
    const before = prevCol >= 0 ? segmentOfLabel(cells[prevCol - from]) : null;
    return {
      segment: segmentView(code, env.lang),
      previous: before ? segmentViewOf(before, env.lang) : null,
    };
  }
  return NO_SEGMENT;
}
