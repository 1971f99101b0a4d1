// core/sha1.ts against Node's own SHA-1: every padding case (message lengths around the 55/56/64-byte
// block edges), multi-byte and lone-surrogate text, a buffer that has to grow, and reuse after a long input.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { nodeSha1Hex } from '../../local/cli/native';
import { addressIdentifier, useSha1Hex } from '../../src/core/identity';
import { encodeUtf8Into, sha1HexUtf8 } from '../../src/core/sha1';

const nodeSha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

describe('sha1HexUtf8', () => {
  it('matches node:crypto for every length from 0 to 300 code units, in 1- to 4-byte characters', () => {
    for (const ch of ['a', 'é', '東', '😀', '\ud800']) {
      for (let len = 0; len <= 300; len++) {
        const s = ch.repeat(len).slice(0, len);
        expect(sha1HexUtf8(s)).toBe(nodeSha1(s));
      }
    }
  });

  it('matches node:crypto on the standard test vectors', () => {
    expect(sha1HexUtf8('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(sha1HexUtf8('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(sha1HexUtf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    );
  });

  it('matches node:crypto for any string, and a short input after a long one is not polluted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ maxLength: 20 }), (s, t) => {
        expect(sha1HexUtf8(s)).toBe(nodeSha1(s));
        expect(sha1HexUtf8(t)).toBe(nodeSha1(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('grows its buffer for a long input (a 60,000-character cell)', () => {
    const long = 'Jl. Panjang 東京 😀 '.repeat(4000);
    expect(sha1HexUtf8(long)).toBe(nodeSha1(long));
    expect(sha1HexUtf8('x')).toBe(nodeSha1('x'));
  });

  it('encodeUtf8Into writes what TextEncoder writes and returns the count', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = new Uint8Array(s.length * 3);
        const n = encodeUtf8Into(s, out);
        expect(Buffer.from(out.subarray(0, n)).equals(Buffer.from(new TextEncoder().encode(s)))).toBe(true);
      }),
    );
  });
});

describe("the CLI's native SHA-1 (local/cli/native.ts)", () => {
  it('gives the same digest as core for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        expect(nodeSha1Hex(s)).toBe(sha1HexUtf8(s));
      }),
      { numRuns: 2000 },
    );
    expect(nodeSha1Hex('\ud800x\udc00')).toBe(sha1HexUtf8('\ud800x\udc00'));
  });

  it('is what addressIdentifier uses once installed (the hash cache starts afresh), on the trimmed address', () => {
    expect(addressIdentifier('  Jl. Mawar 1 ')).toBe(sha1HexUtf8('Jl. Mawar 1'));
    useSha1Hex((s) => `fake:${s}`);
    try {
      expect(addressIdentifier('  Jl. Mawar 1 ')).toBe('fake:Jl. Mawar 1');
    } finally {
      useSha1Hex(nodeSha1Hex);
    }
    expect(addressIdentifier('  Jl. Mawar 1 ')).toBe(sha1HexUtf8('Jl. Mawar 1'));
  });
});
