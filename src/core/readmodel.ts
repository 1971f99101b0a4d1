// The read model: the Customers sheet, one row per buyer key, so the sidebars read what they show instead
// of the whole store. Derived, never the only copy of anything: every cell can be rebuilt from the store
// (Orders, OrderItems, OrderPayments, BuyerProfile), and is, exactly, by `customerRows`.
//
// An import keeps it in step incrementally: `applyOrderChanges` turns each order's old and new version into
// the customer's new row. Sums and counts move exactly. Two things cannot always move by a delta: the
// first/last counted order date when the order holding it stops counting, and the product tally of a
// customer with more products than the row keeps. Those become unknown (blank) and the detail view
// recomputes them from the store; segmentation and a rebuild write them exactly again.
import { type CustomerIndex, TOP_PRODUCTS } from './customers';
import { buyerKeyOf, parseBuyerKey } from './identity';
import { isCounted } from './status';
import { AMOUNT, COUNT, type Codec, INSTANT, INSTANT_OR_NULL, type SheetDecl, TEXT, TRIMMED } from './table';
import { toIso } from './time';
import type { EpochMs, Order, OrderItem, OrderPayment } from './types';
import { cellText } from './values';
import type { CustomerListItemView, TopProductView } from './views';

/** One product of a customer's counted orders: units bought and in how many orders. */
export interface ProductTally {
  name: string;
  quantity: number;
  orders: number;
}

export interface CustomerRow {
  key: string;
  /** The BuyerProfile name ('' while the buyer has no profile). */
  realName: string;
  username: string;
  /** Trimmed address of the newest order. */
  address: string;
  /** created_at of the newest order of any status, and its number. */
  lastActivityAt: EpochMs;
  lastOrderSn: string;
  /** Counted orders (not cancelled, unpaid or returned) and every order. */
  orders: number;
  allOrders: number;
  spend: number;
  /** First and last counted order; null: none, or (orders > 0) unknown until recomputed. */
  firstOrderAt: EpochMs | null;
  lastOrderAt: EpochMs | null;
  items: number;
  /** Counted orders with a payment row, and the sums over them. */
  paidOrders: number;
  netIncome: number;
  adminFee: number;
  serviceFee: number;
  /** The product tally, best first; null: unknown until recomputed. */
  products: Tally | null;
  /** Every order number, greatest first (what a search by order number looks through). */
  orderSns: string[];
  /** The import that last wrote this row (0: a rebuild). */
  batch: number;
}

/** At most this many products per customer are kept; a customer with more has `complete: false`. */
export const MAX_TALLY = 30;

export interface Tally {
  top: ProductTally[];
  /** Whether `top` holds every product (then deltas are exact). */
  complete: boolean;
}

// ---------------------------------------------------------------------------------------------- sheet

/** The tally as its cell holds it. */
function tallyJson(t: Tally): string {
  return JSON.stringify({ t: t.top.map((p) => [p.name, p.quantity, p.orders]), c: t.complete });
}

/** Past this a tally does not fit its cell (hostile product names): it is then left unknown, and the detail
 *  recomputes it from the store. */
const MAX_TALLY_CHARS = 40_000;

function fitTally(t: Tally | null): Tally | null {
  return t !== null && tallyJson(t).length > MAX_TALLY_CHARS ? null : t;
}

const JSON_TALLY: Codec<Tally | null> = {
  read: (v) => {
    const s = cellText(v).trim();
    if (s === '') return { ok: true, value: null };
    try {
      const o = JSON.parse(s) as { t: [string, number, number][]; c: boolean };
      return {
        ok: true,
        value: {
          top: o.t.map(([name, quantity, orders]) => ({ name, quantity, orders })),
          complete: o.c === true,
        },
      };
    } catch {
      return { ok: true, value: null };
    }
  },
  write: (t) => (t === null ? '' : tallyJson(t)),
};

/** What a search looks through and shows: one cell per customer (see searchLine). */
const SEARCH: Codec<string[]> = {
  read: (v) => ({ ok: true, value: parseSearchCell(cellText(v)) }),
  write: (parts) => parts.map(escapeField).join(SEP),
};

// One field per line: a line break survives every place the sheet goes (Sheets, .xlsx), where control
// characters may not. A field's own backslashes and line breaks are escaped.
const SEP = '\n';

function escapeField(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

function unescapeField(s: string): string {
  return s.replace(/\\(\\|n|r)/g, (_, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : '\\'));
}

/** A search cell's fields. */
export function parseSearchCell(text: string): string[] {
  return text === '' ? [] : text.split(SEP).map(unescapeField);
}

export const CUSTOMERS_SHEET: SheetDecl = {
  sheet: 'Customers',
  columns: [
    { header: 'batch', kind: 'integer', required: true, field: 'batch', codec: COUNT, width: 60 },
    {
      header: 'last_activity_at',
      kind: 'datetime',
      required: true,
      field: 'lastActivityAt',
      codec: INSTANT,
      width: 130,
    },
    { header: 'buyer_key', kind: 'text', required: true, field: 'key', codec: TRIMMED, width: 120 },
    { header: 'buyer_real_name', kind: 'text', required: true, field: 'realName', codec: TEXT, width: 160 },
    { header: 'buyer_username', kind: 'text', required: true, field: 'username', codec: TEXT, width: 130 },
    { header: 'address_full', kind: 'text', required: true, field: 'address', codec: TEXT, width: 260 },
    { header: 'last_order_sn', kind: 'text', required: true, field: 'lastOrderSn', codec: TEXT, width: 150 },
    { header: 'orders', kind: 'integer', required: true, field: 'orders', codec: COUNT },
    { header: 'all_orders', kind: 'integer', required: true, field: 'allOrders', codec: COUNT },
    { header: 'spend', kind: 'money', required: true, field: 'spend', codec: AMOUNT, width: 110 },
    {
      header: 'first_order_at',
      kind: 'datetime',
      required: true,
      field: 'firstOrderAt',
      codec: INSTANT_OR_NULL,
      width: 130,
    },
    {
      header: 'last_order_at',
      kind: 'datetime',
      required: true,
      field: 'lastOrderAt',
      codec: INSTANT_OR_NULL,
      width: 130,
    },
    { header: 'items', kind: 'integer', required: true, field: 'items', codec: COUNT },
    { header: 'paid_orders', kind: 'integer', required: true, field: 'paidOrders', codec: COUNT },
    { header: 'net_income', kind: 'money', required: true, field: 'netIncome', codec: AMOUNT, width: 110 },
    { header: 'admin_fee', kind: 'money', required: true, field: 'adminFee', codec: AMOUNT },
    { header: 'service_fee', kind: 'money', required: true, field: 'serviceFee', codec: AMOUNT },
    {
      header: 'top_products',
      kind: 'text',
      required: true,
      field: 'products',
      codec: JSON_TALLY as Codec<unknown>,
      width: 200,
    },
    {
      header: 'search',
      kind: 'text',
      required: true,
      field: 'search',
      codec: SEARCH as Codec<unknown>,
      width: 200,
    },
  ],
};

/** The columns the recent list and the queue read (kept first, so one range holds them). */
export const LIST_HEADERS = [
  'batch',
  'last_activity_at',
  'buyer_key',
  'buyer_real_name',
  'buyer_username',
  'address_full',
  'last_order_sn',
  'orders',
] as const;

/** Sheets holds 50,000 characters per cell: a search line stops adding order numbers well before. */
const MAX_SEARCH_CHARS = 40_000;

/**
 * The search cell: the list item's fields, then every order number (greatest first), one per line. A
 * search reads this one column and nothing else.
 */
export function searchLine(r: CustomerRow): string[] {
  // A field is searched (and a result shows it) by its first 10,000 characters: four of them still fit.
  const clean = (s: string) => s.slice(0, 10_000);
  const head = [
    String(r.lastActivityAt),
    String(r.orders),
    clean(r.lastOrderSn),
    clean(r.realName),
    clean(r.username),
    clean(r.address),
  ];
  let chars = head.map(escapeField).join(SEP).length;
  const parts = head;
  for (const sn of r.orderSns) {
    chars += escapeField(sn).length + 1;
    if (chars > MAX_SEARCH_CHARS) break;
    parts.push(clean(sn));
  }
  return parts;
}

/** The row as the sheet's record (the codecs' fields). */
export function rowRecord(r: CustomerRow): Record<string, unknown> {
  return { ...r, search: searchLine(r) };
}

/** A record read from the sheet back into a row; null when its key is not a buyer key. */
export function fromRecord(f: Record<string, unknown>): CustomerRow | null {
  const key = String(f.key ?? '');
  const parsed = parseBuyerKey(key);
  if (!parsed) return null;
  const search = (f.search as string[] | undefined) ?? [];
  return {
    key,
    realName: String(f.realName ?? ''),
    username: String(f.username ?? parsed.buyerUsername),
    address: String(f.address ?? ''),
    lastActivityAt: Number(f.lastActivityAt),
    lastOrderSn: String(f.lastOrderSn ?? ''),
    orders: Number(f.orders ?? 0),
    allOrders: Number(f.allOrders ?? 0),
    spend: Number(f.spend ?? 0),
    firstOrderAt: (f.firstOrderAt as number | null) ?? null,
    lastOrderAt: (f.lastOrderAt as number | null) ?? null,
    items: Number(f.items ?? 0),
    paidOrders: Number(f.paidOrders ?? 0),
    netIncome: Number(f.netIncome ?? 0),
    adminFee: Number(f.adminFee ?? 0),
    serviceFee: Number(f.serviceFee ?? 0),
    products: (f.products as Tally | null) ?? null,
    orderSns: search.slice(6),
    batch: Number(f.batch ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------- exact

/** Sums move by deltas as well as by a full pass: both round to cents, so they agree to the cell. */
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A customer's order numbers, greatest first (marketplace numbers grow with time), each once. */
function sortedSns(sns: Iterable<string>): string[] {
  return [...new Set(sns)].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/** Products of counted orders by trimmed name, best first (the detail's order: quantity, then orders,
 *  then name in code-unit order). */
function sortTally(list: ProductTally[]): ProductTally[] {
  return list.sort(
    (a, b) =>
      b.quantity - a.quantity || b.orders - a.orders || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

function tallyOf(lines: Iterable<{ orderSn: string; productName: string; quantity: number }>): Tally {
  const by = new Map<string, ProductTally & { last: string }>();
  for (const l of lines) {
    const name = l.productName.trim();
    let p = by.get(name);
    if (!p) {
      p = { name, quantity: 0, orders: 0, last: '' };
      by.set(name, p);
    }
    p.quantity += l.quantity;
    if (p.last !== l.orderSn) {
      p.orders++;
      p.last = l.orderSn;
    }
  }
  const all = sortTally([...by.values()].map(({ name, quantity, orders }) => ({ name, quantity, orders })));
  return { top: all.slice(0, MAX_TALLY), complete: all.length <= MAX_TALLY };
}

/** Every customer's row, exactly, from the store grouped by buyersCustomers (lines and payments joined). */
export function customerRows(index: CustomerIndex, batch = 0): CustomerRow[] {
  return index.list.map((c) => {
    const m = c.metrics;
    const counted = c.orders.filter((co) => co.counted);
    const lines = counted.flatMap((co) => co.lines);
    const newest = c.orders[0].order;
    return {
      key: c.key,
      realName: c.profile ? c.profile.buyerRealName.trim() : '',
      username: c.buyerUsername,
      address: c.addressFull,
      lastActivityAt: newest.createdAt,
      lastOrderSn: newest.orderSn,
      orders: m.orderCount,
      allOrders: m.allOrderCount,
      spend: round2(m.totalSpend),
      firstOrderAt: m.firstOrderAt,
      lastOrderAt: m.lastOrderAt,
      items: m.totalItems,
      paidOrders: m.ordersWithPayment,
      netIncome: round2(m.netIncome ?? 0),
      adminFee: round2(m.adminFees ?? 0),
      serviceFee: round2(m.serviceFees ?? 0),
      products: fitTally(tallyOf(lines)),
      orderSns: sortedSns(c.orders.map((co) => co.order.orderSn)),
      batch,
    };
  });
}

/** The fields a repair compares one by one (with products and order numbers: every field but the batch). */
const SCALARS = [
  'key',
  'realName',
  'username',
  'address',
  'lastActivityAt',
  'lastOrderSn',
  'orders',
  'allOrders',
  'spend',
  'firstOrderAt',
  'lastOrderAt',
  'items',
  'paidOrders',
  'netIncome',
  'adminFee',
  'serviceFee',
] as const satisfies readonly (keyof CustomerRow)[];

/** Whether two rows hold the same figures (what a repair compares; the batch stamp is not a figure). */
export function sameCustomerRow(a: CustomerRow, b: CustomerRow): boolean {
  // The usual answer (nothing changed) without serialising whole rows: every field equal as it stands
  // (the search cell is a function of them). Anything else is settled by the full comparison below.
  if (
    SCALARS.every((k) => a[k] === b[k]) &&
    a.orderSns.length === b.orderSns.length &&
    a.orderSns.every((sn, i) => sn === b.orderSns[i]) &&
    JSON.stringify(a.products) === JSON.stringify(b.products)
  )
    return true;
  const x = { ...rowRecord(a), batch: 0 };
  const y = { ...rowRecord(b), batch: 0 };
  return JSON.stringify(x) === JSON.stringify(y);
}

// ---------------------------------------------------------------------------------------------- deltas

/** One order as the read model sees it: its fields, its lines and its payment (null: none). */
export interface OrderFacts {
  order: Order;
  lines: readonly OrderItem[];
  payment: OrderPayment | null;
}

/** What an import did to one order: `before` undefined for a new order. */
export interface OrderChange {
  before?: OrderFacts;
  after: OrderFacts;
}

function emptyRow(key: string, o: Order): CustomerRow {
  const parsed = parseBuyerKey(key);
  return {
    key,
    realName: '',
    username: parsed?.buyerUsername ?? o.buyerUsername,
    address: o.addressFull.trim(),
    lastActivityAt: o.createdAt,
    lastOrderSn: o.orderSn,
    orders: 0,
    allOrders: 0,
    spend: 0,
    firstOrderAt: null,
    lastOrderAt: null,
    items: 0,
    paidOrders: 0,
    netIncome: 0,
    adminFee: 0,
    serviceFee: 0,
    products: { top: [], complete: true },
    orderSns: [],
    batch: 0,
  };
}

function addTally(t: Tally | null, lines: readonly OrderItem[], sign: 1 | -1): Tally | null {
  if (t === null) return null;
  if (lines.length === 0) return t;
  const by = new Map(t.top.map((p) => [p.name, { ...p }]));
  const inOrder = new Set<string>();
  for (const l of lines) {
    const name = l.productName.trim();
    let p = by.get(name);
    if (!p) {
      // A product the truncated tally does not hold: adding it may be exact, removing it cannot be.
      if (!t.complete) return null;
      p = { name, quantity: 0, orders: 0 };
      by.set(name, p);
    }
    p.quantity += sign * l.quantity;
    if (!inOrder.has(name)) {
      inOrder.add(name);
      p.orders += sign;
    }
  }
  const all = sortTally([...by.values()].filter((p) => p.orders > 0));
  if (!t.complete) return sign === 1 ? { top: all.slice(0, MAX_TALLY), complete: false } : null;
  return { top: all.slice(0, MAX_TALLY), complete: all.length <= MAX_TALLY };
}

/** Adds (+1) or removes (-1) one counted order's sums, counts and products. */
function adjust(r: CustomerRow, f: OrderFacts, sign: 1 | -1): void {
  r.orders += sign;
  r.spend += sign * f.order.totalPrice;
  for (const l of f.lines) r.items += sign * l.quantity;
  if (f.payment) {
    r.paidOrders += sign;
    r.netIncome += sign * f.payment.totalIncome;
    r.adminFee += sign * f.payment.adminFee;
    r.serviceFee += sign * f.payment.serviceFee;
  }
  r.products = addTally(r.products, f.lines, sign);
}

/** Adds (+1) or removes (-1) one counted order's share of the figures, its date included. */
function shift(r: CustomerRow, f: OrderFacts, sign: 1 | -1): void {
  const o = f.order;
  adjust(r, f, sign);
  if (sign === 1) {
    if (r.orders === 1) {
      r.firstOrderAt = o.createdAt;
      r.lastOrderAt = o.createdAt;
    } else {
      if (r.firstOrderAt !== null && o.createdAt < r.firstOrderAt) r.firstOrderAt = o.createdAt;
      if (r.lastOrderAt !== null && o.createdAt > r.lastOrderAt) r.lastOrderAt = o.createdAt;
    }
  } else if (r.orders === 0) {
    r.firstOrderAt = null;
    r.lastOrderAt = null;
  } else {
    // The date this order held may be the first or last: then which one comes next is in the store only.
    if (r.firstOrderAt === o.createdAt) r.firstOrderAt = null;
    if (r.lastOrderAt === o.createdAt) r.lastOrderAt = null;
  }
}

/** Whether a row's first/last dates or product tally must be recomputed from the store. */
export function needsRecompute(r: CustomerRow): boolean {
  return r.products === null || (r.orders > 0 && (r.firstOrderAt === null || r.lastOrderAt === null));
}

/**
 * A customer's row after an import changed some of their orders. `row` is the row as stored (undefined:
 * a new customer). Exact for sums and counts; see needsRecompute for what may become unknown.
 */
export function applyOrderChanges(
  key: string,
  row: CustomerRow | undefined,
  changes: readonly OrderChange[],
  batch: number,
): CustomerRow {
  const r: CustomerRow = row
    ? { ...row, products: row.products && { ...row.products }, orderSns: row.orderSns.slice() }
    : emptyRow(key, changes[0].after.order);
  for (const ch of changes) {
    const { before, after } = ch;
    const was = before !== undefined && isCounted(before.order.status, before.order.returnStatus);
    const is = isCounted(after.order.status, after.order.returnStatus);
    if (was && is && before.order.createdAt === after.order.createdAt) {
      // Still counted on the same day (a status step, a payment, corrected lines): the dates stand.
      adjust(r, before, -1);
      adjust(r, after, 1);
    } else {
      if (was) shift(r, before, -1);
      if (is) shift(r, after, 1);
    }
    if (!before) {
      r.allOrders++;
      r.orderSns.push(after.order.orderSn);
      // Newest first as compareNewestFirst orders them: later created_at, then the greater number.
      const o = after.order;
      const newer =
        r.allOrders === 1 ||
        o.createdAt > r.lastActivityAt ||
        (o.createdAt === r.lastActivityAt && o.orderSn > r.lastOrderSn);
      if (newer) {
        r.lastActivityAt = o.createdAt;
        r.lastOrderSn = o.orderSn;
        r.address = o.addressFull.trim();
      }
    }
  }
  r.orderSns = sortedSns(r.orderSns);
  r.products = fitTally(r.products);
  r.spend = round2(r.spend);
  r.netIncome = round2(r.netIncome);
  r.adminFee = round2(r.adminFee);
  r.serviceFee = round2(r.serviceFee);
  r.batch = batch;
  return r;
}

// ---------------------------------------------------------------------------------------------- views

/** A list item (recent list, search) from a row. */
export function listItemOf(r: CustomerRow): CustomerListItemView {
  return {
    buyerKey: r.key,
    buyerUsername: r.username,
    realName: r.realName.trim() === '' ? null : r.realName.trim(),
    addressFull: r.address,
    lastActivityAt: toIso(r.lastActivityAt),
    lastActivitySn: r.lastOrderSn,
    orderCount: r.orders,
  };
}

/** The top products the detail shows. */
export function topProductsOf(t: Tally): TopProductView[] {
  return t.top
    .slice(0, TOP_PRODUCTS)
    .map((p) => ({ productName: p.name, quantity: p.quantity, orders: p.orders }));
}

/** A list item straight from a search cell (what the search reads); null when the cell is not one. */
export function listItemFromSearch(parts: readonly string[]): CustomerListItemView | null {
  if (parts.length < 6) return null;
  const [at, orders, lastOrderSn, realName, username, address] = parts;
  const lastActivityAt = Number(at);
  if (!Number.isFinite(lastActivityAt) || username === '') return null;
  return {
    buyerKey: buyerKeyFor(username, address),
    buyerUsername: username,
    realName: realName.trim() === '' ? null : realName.trim(),
    addressFull: address,
    lastActivityAt: toIso(lastActivityAt),
    lastActivitySn: lastOrderSn,
    orderCount: Number(orders) || 0,
  };
}

/** What a search query is matched against in a search cell: name, username, address, order numbers. */
export function searchText(parts: readonly string[]): string {
  // U+0000 between fields: no typed query holds it, so a match never spans two fields.
  return parts.slice(3).join('\u0000').toLowerCase();
}

function buyerKeyFor(username: string, address: string): string {
  return buyerKeyOf(username, address);
}

// ---------------------------------------------------------------------------------------------- from a merge

export interface StoredFacts {
  orders: ReadonlyMap<string, Order>;
  lines: ReadonlyMap<string, readonly OrderItem[]>;
  payments: ReadonlyMap<string, OrderPayment>;
}

export interface MergedFacts {
  /** Orders appended or changed by the merge. */
  orders: ReadonlyMap<string, Order>;
  /** Orders whose lines the merge replaced. */
  lines: ReadonlyMap<string, readonly OrderItem[]>;
  /** Payments appended or changed. */
  payments: ReadonlyMap<string, OrderPayment>;
}

/**
 * Each touched customer's order changes, from what the store held and what the merge writes. null when an
 * order moved to another buyer (its buyer or address changed): no delta says what the old customer's
 * newest order is then, so the caller rebuilds the sheet instead.
 */
export function orderChanges(stored: StoredFacts, merged: MergedFacts): Map<string, OrderChange[]> | null {
  const touched = new Set([...merged.orders.keys(), ...merged.lines.keys(), ...merged.payments.keys()]);
  const out = new Map<string, OrderChange[]>();
  for (const sn of touched) {
    const old = stored.orders.get(sn);
    const order = merged.orders.get(sn) ?? old;
    if (!order) continue; // a payment or lines of an order the store does not have
    const after: OrderFacts = {
      order,
      lines: merged.lines.get(sn) ?? stored.lines.get(sn) ?? [],
      payment: merged.payments.get(sn) ?? stored.payments.get(sn) ?? null,
    };
    const before: OrderFacts | undefined = old && {
      order: old,
      lines: stored.lines.get(sn) ?? [],
      payment: stored.payments.get(sn) ?? null,
    };
    const key = buyerKeyOf(order.buyerUsername, order.addressFull);
    if (old && buyerKeyOf(old.buyerUsername, old.addressFull) !== key) return null;
    const list = out.get(key);
    if (list) list.push({ before, after });
    else out.set(key, [{ before, after }]);
  }
  return out;
}
