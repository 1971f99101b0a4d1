// Core's encoding rule (src/core/encoding.ts): bytes → text, or the encoding refused by name.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, decodeWindows1252, sniffEncoding } from '../../src/core/encoding';

const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const bytes = (...parts: (number[] | Uint8Array | Buffer)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => Buffer.from(p))));

/** Windows-1252 as Excel writes it: the WHATWG table (the characters 0x80–0x9F this test names). */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '–': 0x96,
  Ÿ: 0x9f,
};
function cp1252(s: string): Uint8Array {
  return new Uint8Array([...s].map((c) => CP1252[c] ?? c.charCodeAt(0)));
}

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM', () => {
    const text = 'No. Pesanan,Alamat\n1,Jl. Café 1 😀\n';
    expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], utf8(text)))).toEqual({ ok: true, text, encoding: 'utf-8' });
    const le = Buffer.from(text, 'utf16le');
    expect(decodeText(bytes([0xff, 0xfe], le))).toEqual({ ok: true, text, encoding: 'utf-16le' });
    expect(decodeText(bytes([0xfe, 0xff], Buffer.from(le).swap16()))).toEqual({
      ok: true,
      text,
      encoding: 'utf-16be',
    });
  });

  it('reads bytes that are not UTF-8 as Windows-1252 (é and è stay apart, ’ and € are themselves)', () => {
    const text = 'Jl. Café 1,Jl. Cafè 1,’€’ – “Ÿ”';
    expect(decodeText(cp1252(text))).toEqual({ ok: true, text, encoding: 'windows-1252' });
    // Unassigned bytes keep their C1 code points, as browsers decode them.
    expect(decodeWindows1252(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d]))).toBe('\x81\x8d\x8f\x90\x9d');
  });

  it('refuses UTF-16 without a BOM, UTF-32, and a BOM the bytes break, naming the encoding', () => {
    const text = 'Order ID,Buyer\n576461234567890123,siti\n';
    const le = Buffer.from(text, 'utf16le');
    expect(decodeText(new Uint8Array(le))).toEqual({ ok: false, encoding: 'UTF-16 LE', bom: false });
    expect(decodeText(new Uint8Array(Buffer.from(le).swap16()))).toEqual({
      ok: false,
      encoding: 'UTF-16 BE',
      bom: false,
    });
    expect(decodeText(bytes([0xff, 0xfe, 0, 0], [0x41, 0, 0, 0]))).toEqual({
      ok: false,
      encoding: 'UTF-32 LE',
      bom: true,
    });
    expect(decodeText(bytes([0, 0, 0xfe, 0xff], [0, 0, 0, 0x41]))).toEqual({
      ok: false,
      encoding: 'UTF-32 BE',
      bom: true,
    });
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], cp1252('Café')))).toEqual({
      ok: false,
      encoding: 'UTF-8',
      bom: true,
    });
  });

  it('never refuses an ordinary text: any UTF-8 text round-trips, any other bytes are Windows-1252', () => {
    // No NULs: a NUL in every other byte is what marks UTF-16 without a BOM.
    const text = fc.string({ unit: 'grapheme', maxLength: 200 }).map((s) => s.replace(/\0/g, ''));
    fc.assert(
      fc.property(text, (s) => {
        const r = decodeText(utf8(s));
        // A text starting with U+FEFF is a BOM plus the rest.
        expect(r).toEqual({ ok: true, text: s.replace(/^\ufeff/, ''), encoding: 'utf-8' });
      }),
      { numRuns: 200 },
    );
    const notUtf8 = fc
      .uint8Array({ minLength: 1, maxLength: 200, min: 1 })
      .filter((b) => !isUtf8(b) && sniffEncoding(b).kind === 'unmarked');
    fc.assert(
      fc.property(notUtf8, (b) => {
        const r = decodeText(b);
        expect(r).toMatchObject({ ok: true, encoding: 'windows-1252' });
        if (r.ok) expect(r.text.length).toBe(b.length);
      }),
      { numRuns: 200 },
    );
  });
});

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}
