// The demo shop's buyers: who places which order. Most buyers order once, some come back, a long tail
// orders 5–20 times, and several usernames appear at two addresses (two customers by the SPEC's identity
// rule). Buyer details are derived from the buyer's id with a reseeded generator, so only buyers who order
// more than once are kept in memory: a 1M-line shop does not hold 400k address strings at once.
import {
  FIRST_NAMES,
  HANDLE_SUFFIXES,
  HOUSING,
  KELURAHAN,
  LANDMARKS,
  LAST_NAMES,
  PLACES,
  type Place,
  STREETS,
} from './people';
import { mixSeed, Rng } from './rng';

export interface CustomerInfo {
  username: string;
  /** Masked as Shopee masks it in exports ("S**i R***a"). */
  recipient: string;
  phone: string;
  address: string;
  city: string;
  province: string;
}

const PLACE_CUMULATIVE = (() => {
  const out: number[] = [];
  let sum = 0;
  for (const p of PLACES) {
    sum += p.weight;
    out.push(sum);
  }
  return out.map((w) => w / sum);
})();

function pickPlace(rng: Rng): Place {
  const r = rng.next();
  let i = 0;
  while (i < PLACE_CUMULATIVE.length - 1 && r >= PLACE_CUMULATIVE[i]) i++;
  return PLACES[i];
}

/** Orders per customer: 68% once, a long tail up to 20. */
function drawOrderCount(rng: Rng): number {
  const r = rng.next();
  if (r < 0.68) return 1;
  if (r < 0.84) return 2;
  if (r < 0.91) return 3;
  if (r < 0.95) return 4;
  const u = rng.next();
  return 5 + Math.floor(16 * u * u);
}

function mask(name: string): string {
  return name
    .split(' ')
    .map((w) => (w.length <= 2 ? w[0] + '*' : w[0] + '*'.repeat(w.length - 2) + w[w.length - 1]))
    .join(' ');
}

const pad2 = (n: number) => (n < 10 ? '0' + n : String(n));

export class CustomerBook {
  /** Number of distinct customers (buyer keys). */
  readonly count: number;
  /** Order index → customer id; shuffled so a repeat buyer's orders spread over the whole period. */
  readonly slots: Int32Array;
  /** Pairs [owner, twin] of customers who share a username but not an address. */
  readonly twins: (readonly [number, number])[] = [];

  private readonly twinOwner: Int32Array;
  private readonly keep: Uint8Array;
  private readonly cache: (CustomerInfo | undefined)[];
  private readonly rng = new Rng(0);
  private readonly userSeed: number;
  private readonly addressSeed: number;
  private readonly numberModulus: number;
  private readonly numberFactor: number;
  private readonly numberOffset: number;

  constructor(seed: number, orders: number, setup: Rng) {
    this.userSeed = mixSeed(seed, 101);
    this.addressSeed = mixSeed(seed, 102);

    // Exactly `orders` slots: draw each buyer's order count until the slots are used up.
    const counts: number[] = [];
    let filled = 0;
    while (filled < orders) {
      const k = Math.min(drawOrderCount(setup), orders - filled);
      counts.push(k);
      filled += k;
    }
    this.count = counts.length;
    this.slots = new Int32Array(orders);
    let at = 0;
    for (let id = 0; id < counts.length; id++) for (let k = 0; k < counts[id]; k++) this.slots[at++] = id;
    setup.shuffle(this.slots);

    this.keep = new Uint8Array(this.count);
    for (let id = 0; id < counts.length; id++) if (counts[id] > 1) this.keep[id] = 1;
    this.twinOwner = new Int32Array(this.count).fill(-1);
    this.pickTwins(setup);
    this.cache = new Array(this.count);

    // Usernames end in a number unique per buyer (an affine bijection of the id), so two buyers never
    // share a handle by accident: only the deliberate twins do.
    let modulus = 1000;
    while (modulus < this.count * 10) modulus *= 10;
    this.numberModulus = modulus;
    let factor = 1000 + setup.int(900_000);
    while (factor % 2 === 0 || factor % 5 === 0) factor++;
    this.numberFactor = factor;
    this.numberOffset = setup.int(modulus);
  }

  private pickTwins(setup: Rng): void {
    if (this.count < 4) return;
    const wanted = Math.min(Math.floor(this.count / 4), Math.max(3, Math.round(this.count * 0.01)));
    const used = new Uint8Array(this.count);
    for (let tries = 0; this.twins.length < wanted && tries < wanted * 50; tries++) {
      const owner = setup.int(this.count);
      const twin = setup.int(this.count);
      if (owner === twin || used[owner] || used[twin]) continue;
      used[owner] = used[twin] = 1;
      this.keep[owner] = this.keep[twin] = 1;
      this.twinOwner[twin] = owner;
      this.twins.push([owner, twin]);
    }
  }

  /** Moves one order of `customer` to order index `position` (swapping with whoever was there). */
  bringForward(customer: number, position: number): void {
    const at = this.slots.indexOf(customer);
    if (at < 0 || position >= this.slots.length) return;
    this.slots[at] = this.slots[position];
    this.slots[position] = customer;
  }

  info(id: number): CustomerInfo {
    const cached = this.cache[id];
    if (cached) return cached;
    const info = this.build(id);
    if (this.keep[id]) this.cache[id] = info;
    return info;
  }

  private build(id: number): CustomerInfo {
    const owner = this.twinOwner[id];
    const rng = this.rng;

    // The handle and the person come from the username's owner: a twin is the same person elsewhere.
    rng.reset(mixSeed(this.userSeed, owner >= 0 ? owner : id));
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const number = (
      ((owner >= 0 ? owner : id) * this.numberFactor + this.numberOffset) %
      this.numberModulus
    ).toString();
    const f = first.toLowerCase();
    const l = last.toLowerCase();
    const style = rng.next();
    const username =
      style < 0.3
        ? f + l + number
        : style < 0.5
          ? f + '_' + l + number
          : style < 0.7
            ? f + number
            : style < 0.82
              ? f[0] + l + number
              : style < 0.92
                ? f + '_' + number
                : f + rng.pick(HANDLE_SUFFIXES) + number;
    const self = rng.chance(0.85);

    rng.reset(mixSeed(this.addressSeed, id));
    const recipient = mask(self ? first + ' ' + last : rng.pick(FIRST_NAMES) + ' ' + last);
    const phone = '628' + rng.range(11, 99) + '******' + rng.range(10, 99);
    const place = pickPlace(rng);
    let address = this.address(rng, place);
    if (owner >= 0 && address === this.info(owner).address) address = 'Kantor, ' + address;
    return { username, recipient, phone, address, city: place.city, province: place.province };
  }

  private address(rng: Rng, place: Place): string {
    const style = rng.next();
    const no = rng.range(1, 250);
    const rt = rng.range(1, 15);
    const rw = rng.range(1, 12);
    const rtRw =
      rng.next() < 0.5
        ? ', RT.' + rt + '/RW.' + rw
        : rng.next() < 0.7
          ? ' RT ' + pad2(rt) + ' RW ' + pad2(rw)
          : '';
    let street: string;
    if (style < 0.55) street = 'Jl. ' + rng.pick(STREETS) + ' No. ' + no + rtRw;
    else if (style < 0.8)
      street =
        'Perumahan ' +
        rng.pick(HOUSING) +
        ' Blok ' +
        String.fromCharCode(65 + rng.int(8)) +
        rng.range(1, 12) +
        ' No. ' +
        rng.range(1, 40);
    else street = 'Gg. ' + rng.pick(STREETS) + ' No. ' + no + rtRw;
    if (rng.chance(0.2)) street += ' (' + rng.pick(LANDMARKS) + ')';
    const postal = place.postal * 1000 + rng.range(110, 999);
    return (
      street +
      ', ' +
      rng.pick(KELURAHAN) +
      ', ' +
      rng.pick(place.districts) +
      ', ' +
      place.city +
      ', ' +
      place.province +
      ', ID, ' +
      postal
    );
  }
}
