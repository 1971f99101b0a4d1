// RFM from orders without keeping them: per customer only what scoring and the Segments table need (its
// counted orders up to the run date's day, summed, and those after it counted), per shop how many orders
// carry each status pair. Orders are folded in as they are parsed, and summaries made apart (each thread of
// the CLI's one-shot segment sums up its own part of a big export) are merged.
//
// The same result as scoreRfm(buildCustomers(...)) and canonicalSegments (test/unit/summaries.test.ts holds
// them together) when `exact`: every counted total a whole, non-negative amount whose sums stay safe
// integers, so that the order in which orders are added (here: as they come, part by part; in scoreRfm: in
// the index's order) cannot change a sum. Otherwise the caller groups the orders into customers as usual.
// Two facts make per-customer sums enough: a customer's orders all have the same trimmed address (it is in
// the key, as its hash), and scoreRfm sums all counted orders when the last one is on or before the run
// date's day, which is when none is after it (a local day never goes back as time goes on).
// No profiles: the one-shot segment has none (a name typed by the seller lives in a workbook).
import { buyerKey, hashAddress } from './identity';
import type { RfmInput, RfmResult } from './rfm';
import { isCounted, type StatusPair, type UnnamedStatus, unnamedStatusesOf } from './status';
import { TextPairIds } from './text-ids';
import { localDayNumber } from './time';
import type { Clock, EpochMs, Order } from './types';

/** Per status pair: whether it counts (asked once) and how many orders carry it. */
interface PairCount {
  pair: StatusPair;
  counted: boolean;
  orders: number;
}

/** A summary as plain data (strings and typed arrays): what crosses from a worker thread. */
export interface SummariesData {
  size: number;
  keys: string[];
  usernames: string[];
  /** Trimmed. */
  addresses: string[];
  /** Per customer, its counted orders on or before the run date's day ("in") and after it ("out"): how
   *  many, their totals (in only), first and last created_at; 4 values per customer each. */
  inside: Float64Array;
  outside: Float64Array;
  pairs: [StatusPair, number][];
  orders: number;
  exact: boolean;
}

const START = 1024;
/** Offsets in a customer's 4 values of `inside` and `outside`. */
const N = 0;
const SUM = 1;
const FIRST = 2;
const LAST = 3;

function grown(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

export class CustomerSummaries {
  readonly runDay: number;
  private readonly timeZone: string;
  /** Customer ids by key, and by (address as written, username): most orders find their customer by the
   *  latter, with no trim, hash or key (CustomerGrouping's shortcut). */
  private readonly ids: TextPairIds;
  private readonly byAddress: TextPairIds;
  private readonly byStatus = new Map<string, PairCount>();
  private readonly byPair = new Map<string, PairCount>();
  private size = 0;
  private keys: string[] = [];
  private usernames: string[] = [];
  private addresses: string[] = [];
  private inside: Float64Array;
  private outside: Float64Array;
  /** Distinct orders added (any status). */
  orders = 0;
  private exactSums = true;

  /** `expected`: about how many customers there will be (tables then grow less often). */
  constructor(clock: Clock, expected = START) {
    const n = Math.max(START, Math.ceil(expected));
    this.ids = new TextPairIds(n);
    this.byAddress = new TextPairIds(n);
    this.inside = new Float64Array(4 * n);
    this.outside = new Float64Array(4 * n);
    this.timeZone = clock.timeZone;
    this.runDay = localDayNumber(clock.now, clock.timeZone);
  }

  /** Orders of one parse: no order_sn may repeat across everything added and merged (as buildCustomers'
   *  uniqueOrders). */
  add(orders: Iterable<Order>): void {
    const { byAddress, runDay, timeZone } = this;
    for (const o of orders) {
      this.orders++;
      let id = byAddress.get(o.addressFull, o.buyerUsername);
      if (id < 0) {
        const hash = hashAddress(o.addressFull);
        id = this.idOf(buyerKey(o.buyerUsername, hash), o.buyerUsername, o.addressFull);
        byAddress.add(o.addressFull, o.buyerUsername, id);
      }
      if (!this.counts(o)) continue;
      const total = o.totalPrice;
      if (!(total >= 0 && Number.isSafeInteger(total))) this.exactSums = false;
      const t = o.createdAt;
      if (localDayNumber(t, timeZone) <= runDay) this.sum(this.inside, id, 1, total, t, t);
      else this.sum(this.outside, id, 1, 0, t, t);
    }
  }

  /** Adds a summary made apart (another part of the same export: no order in both). */
  merge(d: SummariesData): void {
    for (let i = 0; i < d.size; i++) {
      const id = this.idOf(d.keys[i], d.usernames[i], d.addresses[i]);
      const k = 4 * i;
      const { inside, outside } = d;
      if (inside[k + N] > 0)
        this.sum(this.inside, id, inside[k + N], inside[k + SUM], inside[k + FIRST], inside[k + LAST]);
      if (outside[k + N] > 0)
        this.sum(this.outside, id, outside[k + N], 0, outside[k + FIRST], outside[k + LAST]);
    }
    for (const [pair, n] of d.pairs) this.pairCount(pair).orders += n;
    this.orders += d.orders;
    this.exactSums &&= d.exact;
  }

  data(): SummariesData {
    const n = this.size;
    return {
      size: n,
      keys: this.keys,
      usernames: this.usernames,
      addresses: this.addresses,
      inside: this.inside.slice(0, 4 * n),
      outside: this.outside.slice(0, 4 * n),
      pairs: this.pairs().map((p) => [p.pair, p.orders]),
      orders: this.orders,
      exact: this.exactSums,
    };
  }

  /** Whether every sum is exact, so that scores equal scoreRfm's (see the top of this file). */
  get exact(): boolean {
    return this.exactSums;
  }

  /**
   * Scoring's input, as scoreRfm makes it: a customer's counted orders on or before the run date's day, and
   * those after it reported as such.
   */
  scoring(): { inputs: RfmInput[]; afterRunDate: RfmResult['afterRunDate'] } {
    const { inside, outside, timeZone } = this;
    const inputs: RfmInput[] = [];
    let after: RfmResult['afterRunDate'] = null;
    for (let id = 0; id < this.size; id++) {
      const k = 4 * id;
      if (outside[k + N] > 0) {
        if (!after) after = { count: 0, first: outside[k + FIRST], last: outside[k + LAST] };
        after.count += outside[k + N];
        if (outside[k + FIRST] < after.first) after.first = outside[k + FIRST];
        if (outside[k + LAST] > after.last) after.last = outside[k + LAST];
      }
      if (inside[k + N] === 0) continue;
      const last = inside[k + LAST];
      inputs.push({
        customer: {
          key: this.keys[id],
          buyerUsername: this.usernames[id],
          addressFull: this.addresses[id],
          profile: null,
        },
        lastDay: localDayNumber(last, timeZone),
        frequency: inside[k + N],
        monetary: inside[k + SUM],
        first: inside[k + FIRST],
        last,
      });
    }
    return { inputs, afterRunDate: after };
  }

  /** unnamedStatuses of every order added. */
  unnamed(): UnnamedStatus[] {
    return unnamedStatusesOf(this.pairs().map((p) => [p.pair, p.orders] as const));
  }

  private pairs(): PairCount[] {
    return [...this.byStatus.values(), ...this.byPair.values()];
  }

  private idOf(key: string, username: string, address: string): number {
    let id = this.ids.get(key, '');
    if (id >= 0) return id;
    id = this.size++;
    if (4 * id === this.inside.length) {
      this.inside = grown(this.inside, 8 * id);
      this.outside = grown(this.outside, 8 * id);
    }
    this.ids.add(key, '', id);
    this.keys.push(key);
    this.usernames.push(username);
    this.addresses.push(address.trim());
    const k = 4 * id;
    this.inside[k + FIRST] = this.outside[k + FIRST] = Number.POSITIVE_INFINITY;
    this.inside[k + LAST] = this.outside[k + LAST] = Number.NEGATIVE_INFINITY;
    return id;
  }

  private counts(o: Order): boolean {
    const p = this.pairCount(o);
    p.orders++;
    return p.counted;
  }

  private pairCount(o: StatusPair): PairCount {
    const { status, returnStatus } = o;
    const map = returnStatus === '' ? this.byStatus : this.byPair;
    const key = returnStatus === '' ? status : `${status}\u0000${returnStatus}`;
    let p = map.get(key);
    if (!p) {
      p = { pair: { status, returnStatus }, counted: isCounted(status, returnStatus), orders: 0 };
      map.set(key, p);
    }
    return p;
  }

  private sum(a: Float64Array, id: number, n: number, total: number, first: EpochMs, last: EpochMs): void {
    const k = 4 * id;
    a[k + N] += n;
    const m = a[k + SUM] + total;
    a[k + SUM] = m;
    if (!Number.isSafeInteger(m)) this.exactSums = false;
    if (first < a[k + FIRST]) a[k + FIRST] = first;
    if (last > a[k + LAST]) a[k + LAST] = last;
  }
}
