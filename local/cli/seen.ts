// "Was this order number seen before?", asked once per order of a million-line export, to find an order
// whose lines are not adjacent (stream.ts then parses the file whole). Only 64-bit fingerprints of the
// texts are kept, in typed arrays: no string stays alive for it (600k of them would be copied by every
// garbage collection, and sent across threads), and the table crosses threads as one buffer. A yes may
// be wrong when two texts share a fingerprint (about once in 10^8 million-order files): the caller then
// parses the file whole, which gives the same result, only slower. A no is always right.
/** Writes the two 32-bit halves of a text's fingerprint into `out`. */
export type Fingerprint = (s: string, out: Int32Array) => void;

export class SeenOrders {
  /** Two 32-bit halves per slot; [0, 0] marks an empty slot (no fingerprint is). */
  private slots: Int32Array;
  private count = 0;
  private readonly scratch = new Int32Array(2);

  /** `expected`: about how many texts will be added (the table then grows less often); `fingerprint` is
   *  for tests (a constant one makes every text look seen). */
  constructor(
    expected = 2048,
    private readonly fingerprint: Fingerprint = fingerprintOf,
  ) {
    let n = 1 << 12;
    while (n < 2 * expected) n *= 2;
    this.slots = new Int32Array(2 * n);
  }

  get size(): number {
    return this.count;
  }

  /** Whether `s` (or a text with its fingerprint) was added. */
  has(s: string): boolean {
    this.fingerprint(s, this.scratch);
    return this.find(this.scratch[0], this.scratch[1]) < 0;
  }

  /** Adds `s`; false when its fingerprint was there already. */
  add(s: string): boolean {
    this.fingerprint(s, this.scratch);
    return this.put(this.scratch[0], this.scratch[1]);
  }

  /** Every fingerprint, two numbers each: for another thread's `hasAny` and `addAll`. */
  fingerprints(): Int32Array {
    const out = new Int32Array(2 * this.count);
    let k = 0;
    const { slots } = this;
    for (let i = 0; i < slots.length; i += 2) {
      if (slots[i] === 0 && slots[i + 1] === 0) continue;
      out[k++] = slots[i];
      out[k++] = slots[i + 1];
    }
    return out;
  }

  hasAny(fingerprints: Int32Array): boolean {
    for (let i = 0; i < fingerprints.length; i += 2)
      if (this.find(fingerprints[i], fingerprints[i + 1]) < 0) return true;
    return false;
  }

  addAll(fingerprints: Int32Array): void {
    for (let i = 0; i < fingerprints.length; i += 2) this.put(fingerprints[i], fingerprints[i + 1]);
  }

  /** The free slot for (a, b), or -1 when it is there. */
  private find(a: number, b: number): number {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let i = a & mask; ; i = (i + 1) & mask) {
      const x = slots[2 * i];
      const y = slots[2 * i + 1];
      if (x === 0 && y === 0) return i;
      if (x === a && y === b) return -1;
    }
  }

  private put(a: number, b: number): boolean {
    if ((this.count + 1) * 4 > this.slots.length) this.grow();
    const i = this.find(a, b);
    if (i < 0) return false;
    this.slots[2 * i] = a;
    this.slots[2 * i + 1] = b;
    this.count++;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.count = 0;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0 || old[i + 1] !== 0) this.put(old[i], old[i + 1]);
    }
  }
}

/** Two independent 32-bit hashes of the UTF-16 code units (FNV-1a, and a multiply-rotate one), never both
 *  0. */
function fingerprintOf(s: string, out: Int32Array): void {
  let a = 0x811c9dc5;
  let b = s.length | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul((b << 5) | (b >>> 27), 0x9e3779b1) ^ c;
  }
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
  b ^= b >>> 13;
  out[0] = a === 0 && b === 0 ? 1 : a;
  out[1] = b;
}
