// RFM segmentation exactly as the SPEC's "Segmentation" section defines it:
//   recency   = whole local calendar days from the last counted order's day to the run date's day
//   frequency = distinct counted order numbers; monetary = sum of total_price over those orders
//   score     = 1 + floor(5 * below / N), below = customers with a strictly worse value (ties never split)
// and the 125-code segment table, checked at module load so a typo cannot ship.
import type { Customer, CustomerIndex } from './customers';
import { t } from './text';
import { localDayNumber } from './time';
import type { Clock, EpochMs, Lang } from './types';
import type { SegmentView } from './views';

export type SegmentId =
  | 'champions'
  | 'loyal-customers'
  | 'potential-loyalist'
  | 'new-customers'
  | 'promising'
  | 'need-attention'
  | 'about-to-sleep'
  | 'at-risk'
  | 'cant-lose-them'
  | 'hibernating'
  | 'lost';

export interface SegmentDef {
  id: SegmentId;
  /** RFM codes exactly as listed in the SPEC. */
  codes: readonly string[];
  /** Label cell colours: every pair has a WCAG contrast ratio of at least 4.5 (tested). */
  background: string;
  color: string;
}

const codes = (list: string) => list.split(' ');

/** The SPEC's table, in its order (which is also the order of the Segments sheet and its summary). */
export const SEGMENTS: readonly SegmentDef[] = [
  {
    id: 'champions',
    codes: codes('555 554 544 545 454 455 445'),
    background: '#1B5E20',
    color: '#FFFFFF',
  },
  {
    id: 'loyal-customers',
    codes: codes('543 444 435 355 354 345 344 335'),
    background: '#81C784',
    color: '#0B3D0F',
  },
  {
    id: 'potential-loyalist',
    codes: codes(
      '553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323',
    ),
    background: '#4DB6AC',
    color: '#00251E',
  },
  {
    id: 'new-customers',
    codes: codes('512 511 422 421 412 411 311'),
    background: '#BBDEFB',
    color: '#0D47A1',
  },
  {
    id: 'promising',
    codes: codes('525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313'),
    background: '#B39DDB',
    color: '#1F0A4D',
  },
  {
    id: 'need-attention',
    codes: codes('535 534 443 434 343 334 325 324'),
    background: '#FFF59D',
    color: '#5D4037',
  },
  {
    id: 'about-to-sleep',
    codes: codes('331 321 312 221 213'),
    background: '#FFB74D',
    color: '#4E2200',
  },
  {
    id: 'at-risk',
    codes: codes('255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124'),
    background: '#FFCDD2',
    color: '#8B0000',
  },
  {
    id: 'cant-lose-them',
    codes: codes('155 154 144 214 215 115 114 113'),
    background: '#B71C1C',
    color: '#FFFFFF',
  },
  {
    id: 'hibernating',
    codes: codes('332 322 231 241 251 233 232 223 222 132 123 122 212 211'),
    background: '#90A4AE',
    color: '#102027',
  },
  {
    id: 'lost',
    codes: codes('111 112 121 131 141 151'),
    background: '#616161',
    color: '#FFFFFF',
  },
];

/** Every code 111..555 (digits 1-5) → its segment; throws when a code is missing or listed twice. */
export function buildCodeMap(segments: readonly SegmentDef[]): Map<string, SegmentDef> {
  const map = new Map<string, SegmentDef>();
  for (const s of segments) {
    for (const code of s.codes) {
      if (!/^[1-5]{3}$/.test(code)) throw new Error(`segment ${s.id}: ${code} is not an RFM code`);
      const other = map.get(code);
      if (other) throw new Error(`RFM code ${code} is in both ${other.id} and ${s.id}`);
      map.set(code, s);
    }
  }
  if (map.size !== 125) throw new Error(`the segment table covers ${map.size} of the 125 RFM codes`);
  return map;
}

const CODE_MAP = buildCodeMap(SEGMENTS);
const SEGMENT_ORDER = new Map(SEGMENTS.map((s, i) => [s.id, i]));

/** The segment of an RFM code such as '545', or null when it is not a code. */
export function segmentForCode(code: string): SegmentDef | null {
  return CODE_MAP.get(code) ?? null;
}

export function segmentById(id: SegmentId): SegmentDef {
  return SEGMENTS[SEGMENT_ORDER.get(id)!];
}

export function segmentOrder(id: SegmentId): number {
  return SEGMENT_ORDER.get(id)!;
}

export function segmentLabel(id: SegmentId, lang: Lang): string {
  return t('segments', lang).labels[id];
}

export function segmentView(code: string, lang: Lang): SegmentView | null {
  const s = segmentForCode(code);
  return s ? segmentViewOf(s.id, lang, code) : null;
}

/** A segment as the sidebars show it; `rfm` '' when only the segment is known (a previous run's label). */
export function segmentViewOf(id: SegmentId, lang: Lang, rfm = ''): SegmentView {
  const s = segmentById(id);
  return { rfm, segmentId: id, label: segmentLabel(id, lang), background: s.background, color: s.color };
}

/**
 * Quintile scores 1-5: score = 1 + floor(5 * below / N), below = how many values are strictly worse.
 * Equal values always score equally and input order never matters. O(N log N): one sort, then each
 * value's `below` is its lower bound in the sorted (oriented) copy.
 */
export function quintileScores(values: readonly number[], largerIsBetter: boolean): number[] {
  const n = values.length;
  const oriented = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (Number.isNaN(v)) throw new RangeError(`quintileScores: value ${i} is not a number`);
    oriented[i] = largerIsBetter ? v : -v;
  }
  const sorted = oriented.slice().sort(); // typed-array sort is numeric
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const below = lowerBound(sorted, oriented[i]);
    // Integer arithmetic: (5*below - (5*below mod N)) / N is exactly floor(5*below/N).
    const p = 5 * below;
    scores[i] = 1 + (p - (p % n)) / n;
  }
  return scores;
}

/** Number of entries of ascending `sorted` strictly below `v`. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** What the Segments table shows of a customer besides its scores. */
export type RfmCustomer = Pick<Customer, 'key' | 'buyerUsername' | 'addressFull' | 'profile'>;

export interface RfmRow {
  key: string;
  customer: RfmCustomer;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  /** R, F, M digits as text, e.g. '545'. */
  code: string;
  segmentId: SegmentId;
  firstOrderAt: EpochMs;
  lastOrderAt: EpochMs;
}

export type RfmMetric = 'recency' | 'frequency' | 'monetary';

export interface RfmResult {
  /** In index.list order (newest first); segments.ts sorts for the sheet. */
  rows: RfmRow[];
  /**
   * Too thin for meaningful scores: fewer than MIN_CUSTOMERS customers, or all three metrics constant
   * (every customer has the same R, F and M values, so the scores say nothing). One constant metric
   * alone is not thin: a shop where every buyer ordered once is normal and simply gets F = 1 throughout.
   */
  thin: boolean;
  thinReason: 'few' | 'equal' | null;
  /** Metrics on which every customer has the same value (all scored 1). */
  constantMetrics: RfmMetric[];
  /** The run date's local day (days since 1970-01-01 in clock.timeZone). */
  runDay: number;
  /** Counted orders dated on a later local day than the run date (left out of the scores): how many, the
   *  first and the last; null when there are none. */
  afterRunDate: { count: number; first: EpochMs; last: EpochMs } | null;
}

export const MIN_CUSTOMERS = 5;

/** What scoring needs of one customer: its counted orders on or before the run date's day (at least one). */
export interface RfmInput {
  customer: RfmCustomer;
  /** Local day of `last`. */
  lastDay: number;
  frequency: number;
  monetary: number;
  first: EpochMs;
  last: EpochMs;
}

type Raw = RfmInput & { customer: Customer };

/**
 * Scores every customer with at least one counted order on or before the run date (clock.now's local
 * day). Orders on a later local day are left out: the run date means "as of", which is what setting
 * it for old data asks for (and keeps recency from going negative). Linear plus three sorts.
 */
export function scoreRfm(index: CustomerIndex, clock: Clock): RfmResult {
  const tz = clock.timeZone;
  const runDay = localDayNumber(clock.now, tz);
  const raws: Raw[] = [];
  let afterRunDate: RfmResult['afterRunDate'] = null;
  for (const c of index.list) {
    const m = c.metrics;
    if (m.lastOrderAt === null) continue;
    if (localDayNumber(m.lastOrderAt, tz) <= runDay) {
      // Fast path: every counted order is on or before the run date; the metrics are already summed.
      raws.push({
        customer: c,
        lastDay: localDayNumber(m.lastOrderAt, tz),
        frequency: m.orderCount,
        monetary: m.totalSpend,
        first: m.firstOrderAt!,
        last: m.lastOrderAt,
      });
      continue;
    }
    const r = asOf(c, runDay, tz);
    if (r) raws.push(r);
    for (const co of c.orders) {
      const at = co.order.createdAt;
      if (!co.counted || localDayNumber(at, tz) <= runDay) continue;
      if (!afterRunDate) afterRunDate = { count: 0, first: at, last: at };
      afterRunDate.count++;
      if (at < afterRunDate.first) afterRunDate.first = at;
      if (at > afterRunDate.last) afterRunDate.last = at;
    }
  }

  return scoreInputs(raws, runDay, afterRunDate);
}

/** The scores of customers summed up as RfmInputs (scoreRfm's, or CustomerSummaries'); `afterRunDate` as
 *  RfmResult's. The inputs' order does not matter (the rows keep it). */
export function scoreInputs(
  raws: readonly RfmInput[],
  runDay: number,
  afterRunDate: RfmResult['afterRunDate'],
): RfmResult {
  const recency = raws.map((x) => runDay - x.lastDay);
  const frequency = raws.map((x) => x.frequency);
  const monetary = raws.map((x) => x.monetary);
  const rs = quintileScores(recency, false);
  const fs = quintileScores(frequency, true);
  const ms = quintileScores(monetary, true);

  const rows: RfmRow[] = raws.map((x, i) => {
    const code = `${rs[i]}${fs[i]}${ms[i]}`;
    return {
      key: x.customer.key,
      customer: x.customer,
      recencyDays: recency[i],
      frequency: frequency[i],
      monetary: monetary[i],
      r: rs[i],
      f: fs[i],
      m: ms[i],
      code,
      segmentId: CODE_MAP.get(code)!.id,
      firstOrderAt: x.first,
      lastOrderAt: x.last,
    };
  });

  const constantMetrics: RfmMetric[] = [];
  if (isConstant(recency)) constantMetrics.push('recency');
  if (isConstant(frequency)) constantMetrics.push('frequency');
  if (isConstant(monetary)) constantMetrics.push('monetary');
  const thinReason = rows.length < MIN_CUSTOMERS ? 'few' : constantMetrics.length === 3 ? 'equal' : null;
  return { rows, thin: thinReason !== null, thinReason, constantMetrics, runDay, afterRunDate };
}

function asOf(c: Customer, runDay: number, tz: string): Raw | null {
  let r: Raw | null = null;
  for (const co of c.orders) {
    if (!co.counted) continue;
    const at = co.order.createdAt;
    const day = localDayNumber(at, tz);
    if (day > runDay) continue;
    if (!r) r = { customer: c, lastDay: day, frequency: 0, monetary: 0, first: at, last: at };
    r.frequency++;
    r.monetary += co.order.totalPrice;
    if (at < r.first) r.first = at;
    if (at > r.last) {
      r.last = at;
      r.lastDay = day;
    }
  }
  return r;
}

function isConstant(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}

export interface SegmentSummary {
  segmentId: SegmentId;
  customers: number;
  /** Counted orders of these customers (sum of frequency). */
  orders: number;
  revenue: number;
  /** Fractions 0..1 (0 when there is nothing to share). */
  customerShare: number;
  revenueShare: number;
}

/** One entry per segment in the table's order, empty segments included (a chart wants them all). */
export function summariseSegments(rows: readonly RfmRow[]): SegmentSummary[] {
  const out: SegmentSummary[] = SEGMENTS.map((s) => ({
    segmentId: s.id,
    customers: 0,
    orders: 0,
    revenue: 0,
    customerShare: 0,
    revenueShare: 0,
  }));
  let revenue = 0;
  for (const r of rows) {
    const s = out[SEGMENT_ORDER.get(r.segmentId)!];
    s.customers++;
    s.orders += r.frequency;
    s.revenue += r.monetary;
    revenue += r.monetary;
  }
  for (const s of out) {
    s.customerShare = rows.length > 0 ? s.customers / rows.length : 0;
    s.revenueShare = revenue > 0 ? s.revenue / revenue : 0;
  }
  return out;
}
