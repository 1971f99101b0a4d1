// Customers: one per universal identifier (buyer_username|sha1(trim(address_full))), built from the store
// records in one linear pass with Maps, so a shop with a million order lines stays comfortable.
// Statistics cover COUNTED orders only (status.ts); the customer still carries every order it placed.
import { buyerKey, hashAddress } from './identity';
import { effectiveProfiles } from './profiles';
import { isCounted } from './status';
import { localDayNumber, toIso } from './time';
import type { BuyerProfile, Clock, EpochMs, Order, OrderItem, OrderPayment } from './types';
import type { CustomerDetailView, OrderView, SegmentView, TopProductView } from './views';

/** The store sheets' records. Each list is keyed by order_sn in the store, but nothing here relies on it. */
export interface StoreRecords {
  orders: readonly Order[];
  items: readonly OrderItem[];
  payments: readonly OrderPayment[];
  profiles: readonly BuyerProfile[];
}

export interface CustomerOrder {
  order: Order;
  /** The order's lines in store order (empty when the store has none). */
  lines: readonly OrderItem[];
  payment: OrderPayment | null;
  counted: boolean;
}

export interface CustomerMetrics {
  /** Sum of total_price over counted orders, each order once. */
  totalSpend: number;
  /** Distinct counted order numbers. */
  orderCount: number;
  /** totalSpend / orderCount; 0 when there is no counted order (orderCount says so). */
  averageOrderValue: number;
  firstOrderAt: EpochMs | null;
  lastOrderAt: EpochMs | null;
  /** Sum of line quantities over counted orders. */
  totalItems: number;
  /** Sums over counted orders that have a payment row; null when none has one. */
  netIncome: number | null;
  adminFees: number | null;
  serviceFees: number | null;
  ordersWithPayment: number;
  /** Every order, cancelled/unpaid/returned included. */
  allOrderCount: number;
}

export interface Customer {
  key: string;
  buyerUsername: string;
  addressIdentifier: string;
  /** Trimmed address of the newest order (the identifier ignores surrounding white space anyway). */
  addressFull: string;
  /** The BuyerProfile with a non-blank name for this key, or null (a "temporary profile"). */
  profile: BuyerProfile | null;
  /** Every order, newest first (created_at descending; same instant → greater order_sn first). */
  orders: CustomerOrder[];
  /** created_at of orders[0], the newest order of any status (kept apart for fast sorting). */
  lastActivityAt: EpochMs;
  metrics: CustomerMetrics;
}

export interface CustomerIndex {
  byKey: Map<string, Customer>;
  /** All customers, newest order (any status) first; same instant → key ascending. */
  list: Customer[];
  /** The effective BuyerProfile per key, including profiles whose buyer has no order in the store. */
  profiles: Map<string, BuyerProfile>;
  /** Store rows that could not join an order: worth a warning by the caller, never silently fatal. */
  orphanLines: number;
  orphanPayments: number;
  /** Order rows that repeated an order_sn (the later row wins, as a re-import would). */
  duplicateOrders: number;
}

/** Newest first: later created_at, then the greater order_sn (marketplace numbers grow with time). */
export function compareNewestFirst(a: Order, b: Order): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.orderSn < b.orderSn ? 1 : a.orderSn > b.orderSn ? -1 : 0;
}

function emptyMetrics(): CustomerMetrics {
  return {
    totalSpend: 0,
    orderCount: 0,
    averageOrderValue: Number.NaN, // set by finish; a double from the start, so 300k objects never change shape
    firstOrderAt: null,
    lastOrderAt: null,
    totalItems: 0,
    netIncome: null,
    adminFees: null,
    serviceFees: null,
    ordersWithPayment: 0,
    allOrderCount: 0,
  };
}

function addToMetrics(m: CustomerMetrics, co: CustomerOrder): void {
  m.allOrderCount++;
  if (!co.counted) return;
  const o = co.order;
  m.orderCount++;
  m.totalSpend += o.totalPrice;
  if (m.firstOrderAt === null || o.createdAt < m.firstOrderAt) m.firstOrderAt = o.createdAt;
  if (m.lastOrderAt === null || o.createdAt > m.lastOrderAt) m.lastOrderAt = o.createdAt;
  for (const line of co.lines) m.totalItems += line.quantity;
  if (co.payment) {
    m.ordersWithPayment++;
    m.netIncome = (m.netIncome ?? 0) + co.payment.totalIncome;
    m.adminFees = (m.adminFees ?? 0) + co.payment.adminFee;
    m.serviceFees = (m.serviceFees ?? 0) + co.payment.serviceFee;
  }
}

/** Shared by every order without lines (the CLI's segmentation keeps none): one array, not 600k. */
const NO_LINES: readonly OrderItem[] = Object.freeze([]);

/** Keeps a status rule's verdict for its key, and gives it. */
function rememberVerdict<K>(map: Map<K, boolean>, key: K, verdict: boolean): boolean {
  map.set(key, verdict);
  return verdict;
}

export interface BuildOptions {
  /** The caller guarantees that no order_sn repeats in `records.orders` (mergeImport's output never
   *  does): then, with no lines or payments to join, no map of every order is built to find repeats. */
  uniqueOrders?: boolean;
}

/** Groups the store into customers. Linear in orders + lines + payments + profiles (plus sorting). */
export function buildCustomers(records: StoreRecords, opts: BuildOptions = {}): CustomerIndex {
  // The store keys orders by order_sn; should a list repeat one anyway, the later row wins.
  const orders = new Map<string, Order>();
  let duplicateOrders = 0;
  const joins = records.items.length > 0 || records.payments.length > 0;
  if (!opts.uniqueOrders || joins) {
    for (const o of records.orders) {
      if (orders.has(o.orderSn)) duplicateOrders++;
      orders.set(o.orderSn, o);
    }
  }

  const lines = new Map<string, OrderItem[]>();
  let orphanLines = 0;
  for (const item of records.items) {
    if (!orders.has(item.orderSn)) {
      orphanLines++;
      continue;
    }
    const list = lines.get(item.orderSn);
    if (list) list.push(item);
    else lines.set(item.orderSn, [item]);
  }

  const payments = new Map<string, OrderPayment>();
  let orphanPayments = 0;
  for (const p of records.payments) {
    if (!orders.has(p.orderSn)) orphanPayments++;
    else payments.set(p.orderSn, p);
  }

  const grouping = new CustomerGrouping({ profiles: effectiveProfiles(records.profiles), lines, payments });
  grouping.add(orders.size > 0 ? orders.values() : records.orders);
  return grouping.finish({ orphanLines, orphanPayments, duplicateOrders });
}

/**
 * buildCustomers' grouping, fed orders as they come: the CLI groups the first part of a big export while
 * the rest is still being read. The orders must not repeat an order_sn (buildCustomers removes repeats
 * first); adding them in several calls gives exactly what one call with them all gives.
 */
export class CustomerGrouping {
  private readonly byKey = new Map<string, Customer>();
  // The first customer seen at each address (as written: one shared string per distinct address, so its
  // hash is cached): most orders find their customer there, with no trim or hash lookup, and the buyer key
  // is built and hashed once per customer rather than once per order. Same identity: equal addresses have
  // equal hashes, and the hash is 40 hex digits, so a key is exactly its (username, hash) pair.
  private readonly firstAt = new Map<string, Customer>();
  // A shop has a handful of distinct statuses: classify each once, not once per order (most orders have no
  // return/refund value; those that do are classified by the pair).
  private readonly countedByStatus = new Map<string, boolean>();
  private readonly countedByPair = new Map<string, boolean>();
  private readonly profiles: Map<string, BuyerProfile>;
  private readonly lines: Map<string, OrderItem[]>;
  private readonly payments: Map<string, OrderPayment>;

  constructor(
    joins: {
      /** effectiveProfiles of the store's profile rows. */
      profiles?: Map<string, BuyerProfile>;
      lines?: Map<string, OrderItem[]>;
      payments?: Map<string, OrderPayment>;
    } = {},
  ) {
    this.profiles = joins.profiles ?? new Map();
    this.lines = joins.lines ?? new Map();
    this.payments = joins.payments ?? new Map();
  }

  add(orders: Iterable<Order>): void {
    const { byKey, firstAt, profiles, lines, payments } = this;
    for (const order of orders) {
      const first = firstAt.get(order.addressFull);
      let c = first !== undefined && first.buyerUsername === order.buyerUsername ? first : undefined;
      if (!c) {
        const hash = hashAddress(order.addressFull); // firstAt caches it per address
        const key = buyerKey(order.buyerUsername, hash);
        c = byKey.get(key);
        if (!c) {
          c = {
            key,
            buyerUsername: order.buyerUsername,
            addressIdentifier: hash,
            addressFull: '',
            profile: profiles.get(key) ?? null,
            orders: [],
            lastActivityAt: order.createdAt,
            metrics: emptyMetrics(),
          };
          byKey.set(key, c);
        }
        if (first === undefined) firstAt.set(order.addressFull, c);
      }
      const co: CustomerOrder = {
        order,
        lines: (lines.size > 0 && lines.get(order.orderSn)) || NO_LINES,
        payment: (payments.size > 0 && payments.get(order.orderSn)) || null,
        counted: this.counted(order),
      };
      c.orders.push(co);
      addToMetrics(c.metrics, co);
    }
  }

  private counted(order: Order): boolean {
    const { status, returnStatus } = order;
    if (returnStatus === '') {
      return (
        this.countedByStatus.get(status) ?? rememberVerdict(this.countedByStatus, status, isCounted(status))
      );
    }
    const pair = `${status}\u0000${returnStatus}`;
    return (
      this.countedByPair.get(pair) ??
      rememberVerdict(this.countedByPair, pair, isCounted(status, returnStatus))
    );
  }

  /** The index of every order added; the grouping is spent. */
  finish(
    counts: Pick<CustomerIndex, 'orphanLines' | 'orphanPayments' | 'duplicateOrders'> = {
      orphanLines: 0,
      orphanPayments: 0,
      duplicateOrders: 0,
    },
  ): CustomerIndex {
    const { byKey, profiles } = this;
    const list: Customer[] = [];
    for (const c of byKey.values()) {
      if (c.orders.length > 1 && !newestFirst(c.orders)) c.orders.sort(byNewestOrder);
      c.lastActivityAt = c.orders[0].order.createdAt;
      c.addressFull = c.orders[0].order.addressFull.trim();
      const m = c.metrics;
      m.averageOrderValue = m.orderCount > 0 ? m.totalSpend / m.orderCount : 0;
      list.push(c);
    }
    list.sort(compareCustomersNewestFirst);
    return { byKey, list, profiles, ...counts };
  }
}

const byNewestOrder = (a: CustomerOrder, b: CustomerOrder) => compareNewestFirst(a.order, b.order);

/** Whether the orders are already newest first: exports list the newest orders first, so a customer's
 *  orders usually arrive in order, and one linear check then replaces a sort per customer. */
function newestFirst(orders: readonly CustomerOrder[]): boolean {
  for (let i = 1; i < orders.length; i++)
    if (compareNewestFirst(orders[i - 1].order, orders[i].order) > 0) return false;
  return true;
}

/** By newest order of any status, newest first; same instant → key ascending (deterministic). */
export function compareCustomersNewestFirst(a: Customer, b: Customer): number {
  const d = b.lastActivityAt - a.lastActivityAt;
  if (d !== 0) return d;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function orderView(co: CustomerOrder): OrderView {
  const o = co.order;
  return {
    orderSn: o.orderSn,
    createdAt: toIso(o.createdAt),
    status: o.status,
    counted: co.counted,
    totalPrice: o.totalPrice,
    lines: co.lines.map((l) => ({
      productName: l.productName,
      variantName: l.variantName,
      variantSku: l.variantSku,
      quantity: l.quantity,
      price: l.price,
    })),
  };
}

export const TOP_PRODUCTS = 10;

/** Products of counted orders grouped by (trimmed) product name — variants of one product are one
 *  product to a seller — by quantity, then by number of orders, then by name (code-unit order). */
export function topProducts(c: Customer, limit = TOP_PRODUCTS): TopProductView[] {
  const byName = new Map<string, { productName: string; quantity: number; orders: number; seenIn: number }>();
  c.orders.forEach((co, i) => {
    if (!co.counted) return;
    for (const line of co.lines) {
      const name = line.productName.trim();
      let p = byName.get(name);
      if (!p) {
        p = { productName: name, quantity: 0, orders: 0, seenIn: -1 };
        byName.set(name, p);
      }
      p.quantity += line.quantity;
      // Several lines of one order (two variants) are still one order for this product.
      if (p.seenIn !== i) {
        p.orders++;
        p.seenIn = i;
      }
    }
  });
  return [...byName.values()]
    .sort(
      (a, b) =>
        b.quantity - a.quantity ||
        b.orders - a.orders ||
        (a.productName < b.productName ? -1 : a.productName > b.productName ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ productName, quantity, orders }) => ({ productName, quantity, orders }));
}

/** Whole local calendar days from the last counted order's day to today's (clock) day. */
export function daysSince(at: EpochMs, clock: Clock): number {
  return localDayNumber(clock.now, clock.timeZone) - localDayNumber(at, clock.timeZone);
}

/** The 360° view of one customer, or null when no order carries this key. */
export function customerDetail(
  index: CustomerIndex,
  key: string,
  clock: Clock,
  segment: SegmentView | null,
  previousSegment: SegmentView | null = null,
): CustomerDetailView | null {
  const c = index.byKey.get(key);
  if (!c) return null;
  const m = c.metrics;
  const realName = c.profile ? c.profile.buyerRealName.trim() : null;
  return {
    buyerKey: c.key,
    buyerUsername: c.buyerUsername,
    realName,
    displayName: realName ?? c.buyerUsername,
    hasProfile: c.profile !== null,
    addressFull: c.addressFull,
    stats: {
      totalSpend: m.totalSpend,
      orderCount: m.orderCount,
      averageOrderValue: m.averageOrderValue,
      firstOrderAt: m.firstOrderAt === null ? null : toIso(m.firstOrderAt),
      lastOrderAt: m.lastOrderAt === null ? null : toIso(m.lastOrderAt),
      daysSinceLastOrder: m.lastOrderAt === null ? null : daysSince(m.lastOrderAt, clock),
      totalItems: m.totalItems,
      netIncome: m.netIncome,
      adminFees: m.adminFees,
      serviceFees: m.serviceFees,
      ordersWithPayment: m.ordersWithPayment,
      allOrderCount: m.allOrderCount,
    },
    lastOrder: orderView(c.orders[0]),
    topProducts: topProducts(c),
    segment,
    previousSegment,
  };
}
