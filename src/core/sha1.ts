// SHA-1 (FIPS 180-4) of a string's UTF-8 bytes, as lower-case hex: the address_identifier's hash. Written
// here rather than taken from a library because it runs once per distinct address (hundreds of thousands
// in a big shop) and a general-purpose hasher pays per call for what we do not need: a fresh byte array
// per string, a hasher object, and a hex string built by concatenation — 20 nested pieces that V8 walks
// again every time such a string is joined into a buyer key and looked up in a Map. Here one buffer is
// reused and the hex is made in one piece. Not for security: the identifier only has to be SHA-1.

/** Writes the UTF-8 bytes of `s` into `out` (room for 3 bytes per UTF-16 unit); returns the count.
 *  Lone surrogates become U+FFFD, as TextEncoder does (Apps Script has no TextEncoder). */
export function encodeUtf8Into(s: string, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    } else if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

// Reused between calls (single-threaded: a call never interleaves with another).
let block = new Uint8Array(1024);
const W = new Int32Array(80);
const HEX = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const hexCodes: number[] = new Array(40).fill(0);

function putHex(h: number, at: number): void {
  for (let j = 0; j < 8; j++) hexCodes[at + j] = HEX[(h >>> (28 - 4 * j)) & 15];
}

/** Lower-case hex SHA-1 of the UTF-8 bytes of `s`. */
export function sha1HexUtf8(s: string): string {
  // Message, 0x80, zero padding, 64-bit big-endian bit length: a whole number of 64-byte blocks.
  if (block.length < s.length * 3 + 72) block = new Uint8Array(s.length * 6 + 72);
  const b = block;
  const n = encodeUtf8Into(s, b);
  const total = Math.ceil((n + 9) / 64) * 64;
  b[n] = 0x80;
  b.fill(0, n + 1, total - 8);
  const hi = Math.floor(n / 0x20000000); // n * 8 needs more than 32 bits past 512 MB
  const lo = (n << 3) >>> 0;
  b[total - 8] = hi >>> 24;
  b[total - 7] = hi >>> 16;
  b[total - 6] = hi >>> 8;
  b[total - 5] = hi;
  b[total - 4] = lo >>> 24;
  b[total - 3] = lo >>> 16;
  b[total - 2] = lo >>> 8;
  b[total - 1] = lo;

  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let o = 0; o < total; o += 64) {
    for (let t = 0; t < 16; t++) {
      const p = o + 4 * t;
      W[t] = (b[p] << 24) | (b[p + 1] << 16) | (b[p + 2] << 8) | b[p + 3];
    }
    for (let t = 16; t < 80; t++) {
      const x = W[t - 3] ^ W[t - 8] ^ W[t - 14] ^ W[t - 16];
      W[t] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let bb = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    // Four rounds of 20 steps, each with its own function and constant (0x8f1bbcdc and 0xca62c1d6 as
    // signed 32-bit numbers, so every sum stays a small integer).
    let t = 0;
    for (; t < 20; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + ((bb & c) | (~bb & d)) + e + 0x5a827999 + W[t]) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = tmp;
    }
    for (; t < 40; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + e + 0x6ed9eba1 + W[t]) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = tmp;
    }
    for (; t < 60; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + ((bb & c) | (bb & d) | (c & d)) + e - 0x70e44324 + W[t]) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = tmp;
    }
    for (; t < 80; t++) {
      const tmp = (((a << 5) | (a >>> 27)) + (bb ^ c ^ d) + e - 0x359d3e2a + W[t]) | 0;
      e = d;
      d = c;
      c = (bb << 30) | (bb >>> 2);
      bb = a;
      a = tmp;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + bb) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  putHex(h0, 0);
  putHex(h1, 8);
  putHex(h2, 16);
  putHex(h3, 24);
  putHex(h4, 32);
  // One flat string (not 40 concatenated pieces).
  return String.fromCharCode.apply(null, hexCodes);
}
