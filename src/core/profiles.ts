// BuyerProfile, the sheet the seller types names into: which buyer a profile row stands for, which row
// wins when a key has several, and the plan for saving a name (an upsert on the universal identifier,
// never a duplicate row). Hand-typed rows are never lost: these rules choose between rows; none deletes one.
import { MAX_USERNAME_CHARS } from './fields';
import { addressIdentifier, buyerKey, parseBuyerKey } from './identity';
import { MAX_NAME_LENGTH, normaliseRealName } from './names';
import type { BuyerProfile, EpochMs } from './types';

const SHA1_HEX = /^[0-9a-f]{40}$/i;

/** The address a profile row stands for: its address_identifier (40 hex digits, lower-cased) or, when the
 *  seller left that blank (a row added by hand), the identifier of its address_full. */
export function profileAddressId(
  rawId: string,
  addressFull: string,
): { id: string } | { error: 'invalid' | 'missing' } {
  if (rawId !== '') return SHA1_HEX.test(rawId) ? { id: rawId.toLowerCase() } : { error: 'invalid' };
  if (addressFull.trim() !== '') return { id: addressIdentifier(addressFull) };
  return { error: 'missing' };
}

/** The universal identifier a profile row stands for. The hash is lower-cased and trimmed because the
 *  sheet is edited by hand; the username is taken exactly (it is part of the identity). */
export function profileKey(p: BuyerProfile): string {
  return buyerKey(p.buyerUsername, p.addressIdentifier.trim().toLowerCase());
}

const hasName = (p: BuyerProfile) => p.buyerRealName.trim() !== '';
const stamp = (p: BuyerProfile) => (Number.isFinite(p.updatedAt) ? p.updatedAt : Number.NEGATIVE_INFINITY);

/** Whether `b` should replace `a` as the profile of a key when a key has several rows (hand edits,
 *  an old duplicate): a named row beats a blank one, then the newer updated_at, then the later row. */
export function profilePreferred(a: BuyerProfile, b: BuyerProfile): boolean {
  if (hasName(a) !== hasName(b)) return hasName(b);
  return stamp(b) >= stamp(a);
}

/** One profile per key; keys whose best row has a blank name are left out (the seller cleared it). */
export function effectiveProfiles(profiles: readonly BuyerProfile[]): Map<string, BuyerProfile> {
  const best = new Map<string, BuyerProfile>();
  for (const p of profiles) {
    const k = profileKey(p);
    const cur = best.get(k);
    if (!cur || profilePreferred(cur, p)) best.set(k, p);
  }
  for (const [k, p] of best) if (!hasName(p)) best.delete(k);
  return best;
}

export type NameSaveInvalid = 'bad-key' | 'empty-name' | 'too-long';

export type NameSavePlan =
  | { kind: 'update'; row: number; profile: BuyerProfile }
  | { kind: 'append'; profile: BuyerProfile }
  | { kind: 'invalid'; reason: NameSaveInvalid };

/**
 * How to save `realName` for `key` given the BuyerProfile rows as read now (under the document lock):
 * update the key's row when one exists (with several, the one profilePreferred picks), else
 * append. `addressFull` is stored for the seller's eyes only when it really hashes to the key's address
 * identifier; otherwise the row keeps the address it had. Empty or white-space-only names save nothing.
 */
export function planNameSave(
  existing: readonly { profile: BuyerProfile; row: number }[],
  key: string,
  realName: string,
  addressFull: string,
  now: EpochMs,
): NameSavePlan {
  const parsed = parseBuyerKey(key);
  // No order has a username that long (the importer refuses it), and Sheets could not store it.
  if (!parsed || parsed.buyerUsername.length > MAX_USERNAME_CHARS)
    return { kind: 'invalid', reason: 'bad-key' };
  const name = normaliseRealName(realName);
  if (name === '') return { kind: 'invalid', reason: 'empty-name' };
  if ([...name].length > MAX_NAME_LENGTH) return { kind: 'invalid', reason: 'too-long' };

  let current: { profile: BuyerProfile; row: number } | null = null;
  for (const e of existing) {
    if (profileKey(e.profile) !== key) continue;
    if (!current || profilePreferred(current.profile, e.profile)) current = e;
  }
  const address = addressFull.trim();
  const addressFits = address !== '' && addressIdentifier(address) === parsed.addressIdentifier;
  const profile: BuyerProfile = {
    buyerUsername: parsed.buyerUsername,
    addressIdentifier: parsed.addressIdentifier,
    buyerRealName: name,
    updatedAt: now,
    addressFull: addressFits ? address : (current?.profile.addressFull ?? ''),
  };
  return current ? { kind: 'update', row: current.row, profile } : { kind: 'append', profile };
}
