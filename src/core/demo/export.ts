// A synthetic Shopee order export, row by row, exactly as a seller downloads it: one row per order line,
// the order's fields repeated on each of its lines, newest order first. One pass, no per-order objects
// beyond the row arrays themselves, so a 1M-line shop can be streamed to a CSV file.
import { DAY_MS, tzOffsetMs } from '../time';
import type { CellValue, EpochMs, Grid } from '../types';
import { CATALOGUE, PRODUCT_COUNT } from './catalogue';
import { localTextFormatter } from './clock';
import {
  BUYER_NOTES,
  COL as COLUMN_INDEX,
  COURIERS,
  type DemoStatus,
  LANG_DATA,
  shopeeExportHeader,
  WIDTH,
} from './columns';
import { CustomerBook } from './customers';
import { mixSeed, Rng } from './rng';

export interface ShopeeExportOptions {
  /** Same seed (and options) → the same shop, cell for cell. */
  seed: number;
  /** Number of orders. Default 400, or derived from `lines`. */
  orders?: number;
  /** Target number of order lines (rows). Hit exactly; with `orders` too, needs orders ≤ lines ≤ 4 × orders. */
  lines?: number;
  /** No order is created after this instant. */
  now: EpochMs;
  /** The spreadsheet's IANA time zone: dates are written as local wall-clock text in it. */
  timeZone: string;
  /** Months of history before `now` (default 6). */
  months?: number;
  /** Header language (and status words): Indonesian Seller Centre by default, or English. */
  lang?: 'id' | 'en';
}

export const DEFAULT_DEMO_ORDERS = 400;
/** Average lines per order of the line-count mix below. */
const MEAN_LINES = 1.62;
const LINE_SHARES = [0.58, 0.27, 0.1, 0.05];
const HOUR_MS = 3_600_000;
const MONTH_MS = 30.4375 * DAY_MS;
/** "Recent" as the naming queue and the lookup list see it by default. */
const RECENT_MS = 2 * DAY_MS;
const MAX_ORDERS = 36 ** 5; // order numbers carry a 5-character bijection of the order index

// Orders per local hour of day: quiet at night, busy in the evening.
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 4, 5, 6, 6, 6, 7, 6, 5, 5, 5, 5, 6, 8, 10, 10, 8, 5];
const HOUR_CDF = (() => {
  const total = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);
  const cdf = [0];
  for (const w of HOUR_WEIGHTS) cdf.push(cdf[cdf.length - 1] + w / total);
  cdf[24] = 1;
  return cdf;
})();

/** Share of orders placed before the time-of-day fraction `frac`. */
function hourCdf(frac: number): number {
  const x = frac * 24;
  const h = Math.min(23, Math.floor(x));
  return HOUR_CDF[h] + (x - h) * (HOUR_CDF[h + 1] - HOUR_CDF[h]);
}

/** Inverse of hourCdf: a uniform number → a time-of-day fraction shaped by HOUR_WEIGHTS. */
function hourWarp(v: number): number {
  let h = 0;
  while (h < 23 && v >= HOUR_CDF[h + 1]) h++;
  const width = HOUR_CDF[h + 1] - HOUR_CDF[h];
  return (h + Math.min(1, (v - HOUR_CDF[h]) / width)) / 24;
}

/** A local copy: property reads on a plain object, not on a module binding, in the hot loop. */
const COL = { ...COLUMN_INDEX };

const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const SHIPPING_FEES = [9000, 10000, 11000, 12500, 15000, 18000, 22000, 27000];
const SUBSIDIES = [10000, 15000, 20000];
const DISCOUNTS = [0.1, 0.15, 0.2, 0.25, 0.3];

/** 150000 → "150.000", as Indonesian exports and sellers write Rupiah. */
export function dottedRupiah(n: number): string {
  const s = String(Math.abs(n));
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += '.';
    out += s[i];
  }
  return n < 0 ? '-' + out : out;
}

type MoneyStyle = 'number' | 'dotted' | 'rp';

function money(style: MoneyStyle, n: number): CellValue {
  return style === 'number' ? n : style === 'dotted' ? dottedRupiah(n) : 'Rp ' + dottedRupiah(n);
}

/** Everything fixed before the first row: who orders when, how many lines each order has. */
interface Plan {
  orders: number;
  lineCounts: Uint8Array;
  book: CustomerBook;
  /** Share of orders in the last RECENT_MS. */
  recentShare: number;
  spanMs: number;
  productCdf: Float64Array;
  snFactor: number;
  snOffset: number;
}

function checkOptions(o: ShopeeExportOptions): { orders: number; lines: number | null } {
  const positiveInt = (v: number | undefined, name: string) => {
    if (v !== undefined && !(Number.isInteger(v) && v > 0))
      throw new RangeError(`${name} must be a positive integer`);
  };
  positiveInt(o.orders, 'orders');
  positiveInt(o.lines, 'lines');
  if (!Number.isFinite(o.seed)) throw new RangeError('seed must be a finite number');
  if (!Number.isFinite(o.now)) throw new RangeError('now must be an instant (epoch milliseconds)');
  if (o.months !== undefined && !(o.months > 0)) throw new RangeError('months must be positive');
  if (o.lang !== undefined && o.lang !== 'id' && o.lang !== 'en')
    throw new RangeError("lang must be 'id' or 'en'");
  tzOffsetMs(o.now, o.timeZone); // an unknown zone throws here rather than halfway through
  const lines = o.lines ?? null;
  const orders =
    o.orders ?? (lines !== null ? Math.max(1, Math.round(lines / MEAN_LINES)) : DEFAULT_DEMO_ORDERS);
  if (lines !== null && (lines < orders || lines > 4 * orders))
    throw new RangeError(`lines (${lines}) must be between orders (${orders}) and 4 × orders`);
  if (orders > MAX_ORDERS) throw new RangeError(`at most ${MAX_ORDERS} orders`);
  return { orders, lines };
}

/** Lines per order: drawn from LINE_SHARES, or, with a line target, exactly that many in total. */
function planLineCounts(orders: number, lines: number | null, rng: Rng): Uint8Array {
  const counts = new Uint8Array(orders);
  if (lines === null) {
    for (let i = 0; i < orders; i++) {
      const r = rng.next();
      counts[i] = r < LINE_SHARES[0] ? 1 : r < LINE_SHARES[0] + LINE_SHARES[1] ? 2 : r < 0.95 ? 3 : 4;
    }
    return counts;
  }
  // n[k] = number of orders with k+1 lines; start from the shares, then move orders one level up or
  // down until the total is exact (orders ≤ lines ≤ 4 × orders guarantees this ends).
  const n = LINE_SHARES.map((s) => Math.round(orders * s));
  n[0] = orders - n[1] - n[2] - n[3];
  for (let k = 0; n[0] < 0; k++) {
    const take = Math.min(n[k + 1], -n[0]);
    n[k + 1] -= take;
    n[0] += take;
  }
  let diff = lines - (n[0] + 2 * n[1] + 3 * n[2] + 4 * n[3]);
  while (diff !== 0) {
    const up = diff > 0;
    const k = up ? n.findIndex((c, i) => i < 3 && c > 0) : n.findIndex((c, i) => i > 0 && c > 0);
    const step = Math.min(Math.abs(diff), n[k]);
    n[k] -= step;
    n[up ? k + 1 : k - 1] += step;
    diff += up ? -step : step;
  }
  let at = 0;
  for (let k = 0; k < 4; k++) {
    counts.fill(k + 1, at, at + n[k]);
    at += n[k];
  }
  rng.shuffle(counts);
  return counts;
}

function makePlan(o: ShopeeExportOptions): Plan {
  const { orders, lines } = checkOptions(o);
  const setup = new Rng(mixSeed(o.seed, 1));
  const lineCounts = planLineCounts(orders, lines, setup);
  const book = new CustomerBook(o.seed, orders, setup);
  const spanMs = (o.months ?? 6) * MONTH_MS;

  // Activity grows towards `now` (3× at the end what it was at the start); the last two days get at
  // least their natural share and enough orders for a demo's naming queue (20, at most 30% of a tiny shop).
  const d = Math.min(RECENT_MS, spanMs);
  const natural = (3 * d - (d * d) / spanMs) / (2 * spanMs);
  const recentShare = spanMs <= RECENT_MS ? 1 : Math.max(natural, Math.min(0.3, 20 / orders));

  // The same username at two addresses, both with a recent order, so the naming queue shows the case.
  const recent = Math.floor(recentShare * orders);
  book.twins.slice(0, recent >= 8 ? 2 : 0).forEach(([owner, twin], k) => {
    book.bringForward(owner, 2 + 2 * k);
    book.bringForward(twin, 3 + 2 * k);
  });

  // Popularity: a few best-sellers and a long tail, shuffled per seed so each shop has its own hits.
  const rank = Array.from({ length: PRODUCT_COUNT }, (_, i) => i);
  setup.shuffle(rank);
  const productCdf = new Float64Array(PRODUCT_COUNT);
  let sum = 0;
  for (let p = 0; p < PRODUCT_COUNT; p++) {
    sum += 1 / (rank[p] + 2) ** 0.9;
    productCdf[p] = sum;
  }
  for (let p = 0; p < PRODUCT_COUNT; p++) productCdf[p] /= sum;

  let snFactor = 100_003 + setup.int(800_000);
  while (snFactor % 2 === 0 || snFactor % 3 === 0) snFactor++;
  return {
    orders,
    lineCounts,
    book,
    recentShare,
    spanMs,
    productCdf,
    snFactor,
    snOffset: setup.int(MAX_ORDERS),
  };
}

/** Age (ms before now) for u = (i + jitter) / orders: stratified sampling keeps ages increasing with i. */
function ageOf(plan: Plan, u: number): number {
  const q = plan.recentShare;
  if (q >= 1) return u * Math.min(plan.spanMs, RECENT_MS);
  if (u < q) return RECENT_MS * (u / q);
  // Density falling linearly from 3 to 1 over [RECENT_MS, span]: invert its CDF.
  const v = (u - q) / (1 - q);
  const rest = plan.spanMs - RECENT_MS;
  return RECENT_MS + (rest * (3 - Math.sqrt(9 - 8 * v))) / 2;
}

/** Keeps the local day of `t` but moves it to a plausible hour; never past `now`; whole minutes. */
function shapeTime(t: EpochMs, now: EpochMs, nowWall: number, timeZone: string): EpochMs {
  const wall = t + tzOffsetMs(t, timeZone);
  const day = Math.floor(wall / DAY_MS);
  let frac = (wall - day * DAY_MS) / DAY_MS;
  const nowDay = Math.floor(nowWall / DAY_MS);
  if (day === nowDay) {
    const limit = (nowWall - nowDay * DAY_MS) / DAY_MS;
    frac = limit > 0 ? hourWarp((Math.min(frac, limit) / limit) * hourCdf(limit)) : 0;
  } else frac = hourWarp(frac);
  const shapedWall = day * DAY_MS + frac * DAY_MS;
  const guess = shapedWall - tzOffsetMs(shapedWall, timeZone);
  const shaped = Math.min(now, shapedWall - tzOffsetMs(guess, timeZone));
  return Math.floor(shaped / 60_000) * 60_000;
}

function statusFor(ageMs: number, rng: Rng): DemoStatus {
  const r = rng.next();
  if (ageMs < DAY_MS) return r < 0.1 ? 'unpaid' : r < 0.14 ? 'cancelled' : r < 0.22 ? 'shipping' : 'toShip';
  if (ageMs < RECENT_MS)
    return r < 0.03 ? 'unpaid' : r < 0.08 ? 'cancelled' : r < 0.45 ? 'toShip' : 'shipping';
  if (ageMs < 6 * DAY_MS) return r < 0.05 ? 'cancelled' : r < 0.6 ? 'shipping' : 'completed';
  return r < 0.055 ? 'cancelled' : r < 0.075 ? 'returned' : 'completed';
}

/** True when one of the first n entries is v (an order never lists the same variation twice). */
function takenBefore(taken: Int32Array, n: number, v: number): boolean {
  for (let k = 0; k < n; k++) if (taken[k] === v) return true;
  return false;
}

function pickVariant(plan: Plan, rng: Rng): number {
  const r = rng.next();
  const cdf = plan.productCdf;
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r < cdf[mid]) hi = mid;
    else lo = mid + 1;
  }
  return CATALOGUE.firstVariant[lo] + rng.int(CATALOGUE.variantCount[lo]);
}

/**
 * Calls `emit` once per order line (data rows only; the header is `shopeeExportHeader(lang)`), newest
 * order first. Each call gets a fresh array the caller may keep.
 */
export function forEachShopeeExportRow(options: ShopeeExportOptions, emit: (row: CellValue[]) => void): void {
  const plan = makePlan(options);
  const { now, timeZone } = options;
  const words = LANG_DATA[options.lang ?? 'id'];
  const rng = new Rng(mixSeed(options.seed, 2));
  const nowWall = now + tzOffsetMs(now, timeZone);
  const text = localTextFormatter(timeZone);
  const allVariants = CATALOGUE.variants;

  // Per-order scratch space, reused.
  const lineVariant = new Int32Array(4);
  const lineQty = new Int32Array(4);
  const lineDeal = new Float64Array(4);
  let seenUnpaid = false;
  let seenCancelled = false;
  let seenReturned = false;

  for (let i = 0; i < plan.orders; i++) {
    const created = shapeTime(now - ageOf(plan, (i + rng.next()) / plan.orders), now, nowWall, timeZone);
    const age = now - created;
    let status = statusFor(age, rng);
    // Every demo must show each kind of non-counted order at least once: the first eligible order
    // takes the missing status (the second-newest for unpaid, the first week-old ones for the others).
    if (!seenUnpaid && i >= 1 && age < RECENT_MS) status = 'unpaid';
    else if (!seenReturned && age >= 6 * DAY_MS) status = 'returned';
    else if (!seenCancelled && age >= 6 * DAY_MS) status = 'cancelled';
    seenUnpaid ||= status === 'unpaid';
    seenReturned ||= status === 'returned';
    seenCancelled ||= status === 'cancelled';

    const customer = plan.book.info(plan.book.slots[i]);
    const lines = plan.lineCounts[i];

    // Lines: distinct variations, mostly one piece each, a quarter of them on a seller discount.
    let subtotal = 0;
    let grams = 0;
    let items = 0;
    for (let j = 0; j < lines; j++) {
      let v = pickVariant(plan, rng);
      while (takenBefore(lineVariant, j, v)) v = (v + 1) % allVariants.length;
      const variant = allVariants[v];
      const r = rng.next();
      const qty = r < 0.8 ? 1 : r < 0.94 ? 2 : 3;
      const deal = rng.chance(0.25)
        ? Math.max(500, Math.round((variant.price * (1 - rng.pick(DISCOUNTS))) / 500) * 500)
        : variant.price;
      lineVariant[j] = v;
      lineQty[j] = qty;
      lineDeal[j] = deal;
      subtotal += deal * qty;
      grams += variant.grams * qty;
      items += qty;
    }

    // Order money: Total Pembayaran = Σ deal × qty + shipping paid by the buyer − vouchers − coins.
    const estShipping = rng.pick(SHIPPING_FEES) + Math.floor(grams / 1000) * 6000;
    const subsidy = rng.chance(0.45) ? Math.min(estShipping, rng.pick(SUBSIDIES)) : 0;
    const buyerShipping = estShipping - subsidy;
    const sellerVoucher =
      subtotal >= 50000 && rng.chance(0.18)
        ? Math.min(25000, Math.round((subtotal * (rng.chance(0.5) ? 0.05 : 0.1)) / 500) * 500)
        : 0;
    const shopeeVoucher = rng.chance(0.1)
      ? Math.min(rng.pick([5000, 10000, 15000]), Math.floor(subtotal / 1000) * 500)
      : 0;
    const coins = rng.chance(0.12) ? Math.min(rng.range(100, 5000), Math.floor(subtotal / 10)) : 0;
    const total = subtotal + buyerShipping - sellerVoucher - shopeeVoucher - coins;
    // Mostly numbers; some orders carry Rupiah as text, as older exports and pasted sheets do.
    const f = rng.next();
    const style: MoneyStyle = f < 0.8 ? 'number' : f < 0.95 ? 'dotted' : 'rp';

    // Payment and logistics, consistent with the status; no instant after `now`.
    const cod = status !== 'unpaid' && rng.chance(0.25);
    const payment = cod ? words.cod : rng.pick(status === 'unpaid' ? words.prepaid : words.payments);
    const autoCancelled = status === 'cancelled' && !cod && rng.chance(0.5);
    const shipped = status === 'shipping' || status === 'completed' || status === 'returned';
    const paidAt =
      status === 'unpaid' || autoCancelled || cod ? 0 : Math.min(now, created + rng.range(1, 40) * 60_000);
    const shipAt = shipped ? Math.min(now, created + Math.min(age, rng.range(3, 30) * HOUR_MS)) : 0;
    const completedAt = status === 'completed' ? Math.min(now, shipAt + rng.range(48, 140) * HOUR_MS) : 0;
    const courier = rng.pick(COURIERS);
    let tracking = '';
    if (shipped) {
      tracking = courier[1];
      for (let k = 0; k < courier[2]; k++) tracking += BASE36[rng.int(10)];
    }

    const createdText = text(created);
    // Shopee's order numbers: yymmdd of creation + 8 characters; the last 5 encode i, so they are unique.
    let sn = createdText.slice(2, 4) + createdText.slice(5, 7) + createdText.slice(8, 10);
    for (let k = 0; k < 3; k++) sn += BASE36[rng.int(36)];
    let code = (i * plan.snFactor + plan.snOffset) % MAX_ORDERS;
    let tail = '';
    for (let k = 0; k < 5; k++) {
      tail = BASE36[code % 36] + tail;
      code = Math.floor(code / 36);
    }
    sn += tail;

    // The order's cells; its last line takes this array itself, earlier lines a copy.
    const row: CellValue[] = new Array(WIDTH).fill('');
    row[COL.orderSn] = sn;
    row[COL.status] = words.status[status];
    row[COL.cancelReason] =
      status === 'cancelled' ? (autoCancelled ? words.autoCancel : rng.pick(words.buyerCancels)) : '';
    row[COL.returnStatus] =
      status === 'cancelled' ? words.cancelDone : status === 'returned' ? words.refundDone : '';
    row[COL.trackingNo] = tracking;
    row[COL.shippingOption] = courier[0];
    row[COL.shipmentMethod] =
      status === 'unpaid' || status === 'cancelled' ? '' : rng.chance(0.4) ? words.pickUp : words.dropOff;
    row[COL.shipBy] = text(created + 2 * DAY_MS);
    row[COL.shipTime] = shipAt ? text(shipAt) : '';
    row[COL.createdAt] = createdText;
    row[COL.paidAt] = paidAt ? text(paidAt) : completedAt && cod ? text(completedAt) : '';
    row[COL.paymentMethod] = payment;
    row[COL.itemsInOrder] = items;
    row[COL.orderWeight] = grams + ' gr';
    row[COL.sellerVoucher] = money(style, sellerVoucher);
    row[COL.coinCashback] = money(style, 0);
    row[COL.shopeeVoucher] = money(style, shopeeVoucher);
    row[COL.bundle] = 'N';
    row[COL.coins] = money(style, coins);
    row[COL.cardDiscount] = money(style, 0);
    row[COL.buyerShipping] = money(style, buyerShipping);
    row[COL.shippingRebate] = money(style, subsidy);
    row[COL.returnShipping] = money(style, 0);
    row[COL.total] = money(style, total);
    row[COL.estShipping] = money(style, estShipping);
    row[COL.buyerNote] = rng.chance(0.06) ? rng.pick(BUYER_NOTES) : '';
    row[COL.sellerNote] = '';
    row[COL.username] = customer.username;
    row[COL.recipient] = customer.recipient;
    row[COL.phone] = customer.phone;
    row[COL.address] = customer.address;
    row[COL.city] = customer.city;
    row[COL.province] = customer.province;
    row[COL.completedAt] = completedAt ? text(completedAt) : '';

    for (let j = 0; j < lines; j++) {
      const variant = allVariants[lineVariant[j]];
      const qty = lineQty[j];
      const deal = lineDeal[j];
      const line = j === lines - 1 ? row : row.slice();
      line[COL.parentSku] = variant.parentSku;
      line[COL.productName] = variant.productName;
      line[COL.skuRef] = variant.skuRef;
      line[COL.variationName] = variant.variationName;
      line[COL.originalPrice] = money(style, variant.price);
      line[COL.dealPrice] = money(style, deal);
      line[COL.quantity] = qty;
      line[COL.returnedQty] = status === 'returned' ? qty : 0;
      line[COL.lineSubtotal] = money(style, deal * qty);
      line[COL.lineDiscount] = money(style, (variant.price - deal) * qty);
      line[COL.sellerDiscount] = money(style, (variant.price - deal) * qty);
      line[COL.shopeeDiscount] = money(style, 0);
      line[COL.lineWeight] = variant.grams * qty + ' gr';
      emit(line);
    }
  }
}

/** The whole export as a grid: header row, then one row per order line. */
export function generateShopeeExport(options: ShopeeExportOptions): { grid: Grid } {
  const grid: Grid = [shopeeExportHeader(options.lang ?? 'id')];
  forEachShopeeExportRow(options, (row) => {
    grid.push(row);
  });
  return { grid };
}
