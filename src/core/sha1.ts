// SHA-1 of a string's UTF-8 bytes as lower-case hex: the address_identifier's hash. The digest comes from
// @noble/hashes (audited, pure JS: runs the same in Node, browsers and Apps Script). Around it, two things
// the shop's size makes worth doing: the UTF-8 bytes go into one reused buffer (Apps Script has no
// TextEncoder), and the hex is made in one piece — a hex string built by 20 concatenations is a rope that
// V8 walks again whenever it is joined into a buyer key and looked up in a Map.
import { sha1 } from '@noble/hashes/legacy.js';

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
let buffer = new Uint8Array(1024);
const HEX = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const hexCodes: number[] = new Array(40).fill(0);

/** Lower-case hex SHA-1 of the UTF-8 bytes of `s`, as one flat string. */
export function sha1HexUtf8(s: string): string {
  if (buffer.length < s.length * 3) buffer = new Uint8Array(s.length * 3);
  const digest = sha1(buffer.subarray(0, encodeUtf8Into(s, buffer)));
  for (let i = 0; i < 20; i++) {
    hexCodes[2 * i] = HEX[digest[i] >>> 4];
    hexCodes[2 * i + 1] = HEX[digest[i] & 15];
  }
  return String.fromCharCode.apply(null, hexCodes);
}
