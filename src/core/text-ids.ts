// A number per pair of texts, for a caller that looks up hundreds of thousands of freshly read strings (the
// CLI's one-shot segment of a big export): a Map<string, …> lookup of a string just read is slow (V8
// hashes it, then misses the cache in its buckets and in the stored key; bench/RESULTS.md). Here
// the hash is a plain loop over the text, the slots are typed arrays, and texts are compared only when
// their hashes agree. Exact: a pair is found only when both texts are equal.
export class TextPairIds {
  /** Per slot: the hash, and the entry's index + 1 (0: an empty slot). */
  private hashes: Int32Array;
  private entries: Int32Array;
  private readonly firsts: string[] = [];
  private readonly seconds: string[] = [];
  private readonly values: number[] = [];

  /** `expected`: about how many pairs will be added (the table then grows less often). */
  constructor(expected = 2048) {
    let n = 1 << 12;
    while (n < 2 * expected) n *= 2;
    this.hashes = new Int32Array(n);
    this.entries = new Int32Array(n);
  }

  get size(): number {
    return this.values.length;
  }

  /** The value of (a, b), or -1. */
  get(a: string, b: string): number {
    const h = hashPair(a, b);
    const { hashes, entries } = this;
    const mask = hashes.length - 1;
    for (let i = h & mask; entries[i] !== 0; i = (i + 1) & mask) {
      if (hashes[i] !== h) continue;
      const e = entries[i] - 1;
      if (this.firsts[e] === a && this.seconds[e] === b) return this.values[e];
    }
    return -1;
  }

  /** Sets (a, b), which must not be there yet, to `value` (≥ 0). */
  add(a: string, b: string, value: number): void {
    if ((this.values.length + 1) * 2 > this.hashes.length) this.grow();
    this.firsts.push(a);
    this.seconds.push(b);
    this.values.push(value);
    this.place(hashPair(a, b), this.values.length);
  }

  private place(h: number, entry: number): void {
    const { hashes, entries } = this;
    const mask = hashes.length - 1;
    let i = h & mask;
    while (entries[i] !== 0) i = (i + 1) & mask;
    hashes[i] = h;
    entries[i] = entry;
  }

  private grow(): void {
    const { hashes, entries } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.entries = new Int32Array(hashes.length * 2);
    for (let i = 0; i < hashes.length; i++) if (entries[i] !== 0) this.place(hashes[i], entries[i]);
  }
}

/** FNV-1a over the UTF-16 code units of a, a separator and b, then mixed (the low bits pick the slot). */
function hashPair(a: string, b: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x10000, 0x01000193);
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
