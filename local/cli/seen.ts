// "Was this order number seen before?", asked once per order of a million-line export. A Set<string> of
// 600k freshly read strings spends ~0.7 s per million lines, mostly on cache misses (its buckets, then each
// string's own hash); here a slot holds a 32-bit hash of the text in a typed array, and the string beside
// it is compared only when the hashes agree. The answer is exact: equal hashes never stand for equal text.
export class SeenStrings {
  private hashes = new Int32Array(1 << 12);
  private strings: (string | undefined)[] = new Array(1 << 12);
  private count = 0;

  /** `hash` is for tests (a constant one makes every text collide). */
  constructor(private readonly hash: (s: string) => number = hashText) {}

  get size(): number {
    return this.count;
  }

  has(s: string): boolean {
    const h = this.hash(s) | 0 || 1;
    const mask = this.hashes.length - 1;
    for (let i = h & mask; this.hashes[i] !== 0; i = (i + 1) & mask) {
      if (this.hashes[i] === h && this.strings[i] === s) return true;
    }
    return false;
  }

  /** Adds `s`; false when it was there already. */
  add(s: string): boolean {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    const h = this.hash(s) | 0 || 1;
    const mask = this.hashes.length - 1;
    let i = h & mask;
    for (; this.hashes[i] !== 0; i = (i + 1) & mask) {
      if (this.hashes[i] === h && this.strings[i] === s) return false;
    }
    this.hashes[i] = h;
    this.strings[i] = s;
    this.count++;
    return true;
  }

  *[Symbol.iterator](): Generator<string> {
    for (const s of this.strings) if (s !== undefined) yield s;
  }

  private grow(): void {
    const { hashes, strings } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.strings = new Array(hashes.length * 2);
    const mask = this.hashes.length - 1;
    for (let j = 0; j < hashes.length; j++) {
      if (hashes[j] === 0) continue;
      let i = hashes[j] & mask;
      while (this.hashes[i] !== 0) i = (i + 1) & mask;
      this.hashes[i] = hashes[j];
      this.strings[i] = strings[j];
    }
  }
}

/** FNV-1a over UTF-16 code units, never 0 (0 marks an empty slot). */
function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0 || 1;
}
