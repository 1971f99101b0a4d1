// The customer-identity rule: a customer is (buyer_username, address_full), the address hashed.
//   address_identifier = lower-case hex SHA-1 of the UTF-8 bytes of the trimmed address
//   universal identifier (buyerKey) = `buyer_username|address_identifier`
import { encodeUtf8Into, sha1HexUtf8 } from './sha1';

/** UTF-8 bytes of a string. Hand-written because Apps Script has no TextEncoder. Lone surrogates
 *  become U+FFFD, as TextEncoder does. */
export function utf8Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3); // UTF-16 unit → at most 3 bytes (a pair → 4 for 2 units)
  return out.subarray(0, encodeUtf8Into(s, out));
}

// Shops repeat the same few thousand addresses over many orders: hash each distinct address once.
const hashCache = new Map<string, string>();

/** Lower-case hex SHA-1 of a string's UTF-8 bytes (lone surrogates as U+FFFD). */
export type Sha1Hex = (s: string) => string;
let sha1Hex: Sha1Hex = sha1HexUtf8;

/**
 * Lets a platform with a native SHA-1 supply it (the CLI passes Node's crypto.hash: native, where
 * a million-line export hashes every address). It must give the same digest for every string: the CLI's tests check that
 * against sha1HexUtf8. Apps Script keeps the default (Utilities.computeDigest is a service call per hash).
 */
export function useSha1Hex(impl: Sha1Hex): void {
  sha1Hex = impl;
  hashCache.clear();
}

/** sha1_hex(trim(address_full)); trim is JavaScript's (all Unicode white space), nothing else is normalised. */
export function addressIdentifier(addressFull: string): string {
  const trimmed = addressFull.trim();
  let h = hashCache.get(trimmed);
  if (h === undefined) {
    h = sha1Hex(trimmed);
    if (hashCache.size > 500_000) hashCache.clear();
    hashCache.set(trimmed, h);
  }
  return h;
}

/** addressIdentifier without its cache, for a caller that keeps its own per address (buildCustomers): a
 *  million-order shop would otherwise fill a second map with every address. */
export function hashAddress(addressFull: string): string {
  return sha1Hex(addressFull.trim());
}

export function buyerKey(buyerUsername: string, addressIdentifierHex: string): string {
  // join makes one flat string where + makes a rope: keys are hashed, compared and written hundreds of
  // thousands of times, and a rope is flattened again each time.
  return [buyerUsername, addressIdentifierHex].join('|');
}

export function buyerKeyOf(buyerUsername: string, addressFull: string): string {
  return buyerKey(buyerUsername, addressIdentifier(addressFull));
}

/** Splits a universal identifier at its LAST '|' (a username may itself contain '|'; the hash cannot).
 *  Returns null when the key is not `username|40-hex`. */
export function parseBuyerKey(key: string): { buyerUsername: string; addressIdentifier: string } | null {
  const at = key.lastIndexOf('|');
  if (at < 0) return null;
  const hash = key.slice(at + 1);
  if (!/^[0-9a-f]{40}$/.test(hash)) return null;
  return { buyerUsername: key.slice(0, at), addressIdentifier: hash };
}
