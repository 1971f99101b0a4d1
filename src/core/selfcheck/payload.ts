// Big, checkable strings for the self-check: a 1 MB google.script.run payload and a 50,000-character cell.
// Both ends build the same text from its length and compare a checksum, so a payload that arrives cut,
// re-encoded or with characters replaced is seen without sending it back.

// ASCII and characters that take 2 and 3 bytes in UTF-8 (no surrogate pairs: a cut between the two halves
// would be a different failure than the one we look for).
const ALPHABET = 'Kenali periksa 0123456789 éñüß ✓€ “” ';

/** A deterministic text of exactly `length` UTF-16 code units. */
export function payloadText(length: number): string {
  const unit = ALPHABET.repeat(Math.ceil(4096 / ALPHABET.length));
  const parts: string[] = [];
  let left = length;
  while (left > 0) {
    const n = Math.min(left, unit.length);
    parts.push(n === unit.length ? unit : unit.slice(0, n));
    left -= n;
  }
  return parts.join('');
}

/** FNV-1a (32 bit) over the UTF-16 code units, as 8 hex digits. */
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** What one end reports about a text it received: its length and checksum. */
export function fingerprint(text: unknown): string {
  if (typeof text !== 'string') return `not text: ${text === null ? 'null' : typeof text}`;
  return `length=${text.length} checksum=${checksum(text)}`;
}
