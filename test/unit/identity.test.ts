import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { addressIdentifier, buyerKey, buyerKeyOf, parseBuyerKey, utf8Bytes } from '../../src/core/identity';

const nodeSha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

describe('customer identity (SPEC: Customer identity)', () => {
  it.each([
    ['Jl. Merdeka No. 1, Jakarta', 'Jl. Merdeka No. 1, Jakarta'],
    ['  Jl. Merdeka No. 1, Jakarta \n', 'Jl. Merdeka No. 1, Jakarta'],
    ['\tJl. Sudirman  RT 01/RW 02\t', 'Jl. Sudirman  RT 01/RW 02'],
    ['Jalan Café 😀 東京', 'Jalan Café 😀 東京'],
    ['', ''],
  ])('address_identifier(%j) = sha1_hex of the trimmed UTF-8 bytes', (address, trimmed) => {
    expect(addressIdentifier(address)).toBe(nodeSha1(trimmed));
    expect(addressIdentifier(address)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('normalises nothing but the surrounding white space (case and inner spaces matter)', () => {
    expect(addressIdentifier('Jl. A  1')).not.toBe(addressIdentifier('Jl. A 1'));
    expect(addressIdentifier('jl. a 1')).not.toBe(addressIdentifier('Jl. A 1'));
  });

  it('utf8Bytes equals Node TextEncoder for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(new TextEncoder().encode(s)))).toBe(true);
      }),
    );
  });

  it('the universal identifier is username|address_identifier and parses back at the last |', () => {
    const key = buyerKeyOf('budi|99', ' Jl. X ');
    expect(key).toBe(`budi|99|${nodeSha1('Jl. X')}`);
    expect(buyerKey('a', 'b')).toBe('a|b');
    expect(parseBuyerKey(key)).toEqual({ buyerUsername: 'budi|99', addressIdentifier: nodeSha1('Jl. X') });
  });

  it.each(['', 'budi', 'budi|xyz', `budi|${'A'.repeat(40)}`, `budi|${'a'.repeat(39)}`])(
    'rejects a malformed key %j',
    (k) => {
      expect(parseBuyerKey(k)).toBeNull();
    },
  );
});
