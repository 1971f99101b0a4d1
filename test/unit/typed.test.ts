// Which strings the one-call save may append as they are (core/typed.ts): refused ones cost the full save,
// a wrongly accepted one would store a formula, a number or a date instead of the seller's text.
import fc from 'fast-check';
import { parseWritten } from '../../local/gas/cells';
import { addressIdentifier } from '../../src/core/identity';
import { localeConventions } from '../../src/core/locale';
import { CELL_PROBES, expectedCell } from '../../src/core/selfcheck/checks';
import { hexKeptAsTyped, keptAsTyped } from '../../src/core/typed';

const CONTEXTS = [
  { locale: 'id_ID', timeZone: 'Asia/Jakarta' },
  { locale: 'en_US', timeZone: 'America/New_York' },
];

/** What the local runtime (Sheets' documented parsing of typed input) stores for `s` in an automatic cell. */
const storedAs = (s: string) => CONTEXTS.map((ctx) => parseWritten(s, undefined, ctx).value);

describe('keptAsTyped', () => {
  it.each([
    'Budi Santoso',
    'Ibu Ratna',
    'Ña Ñu',
    'budi_88',
    'maya14715',
    'novihidayat89107',
    'agus_56810',
    'sari.dewi',
    'Jl. Kenanga 12, Surabaya',
    'Jl. Marlina Raya No. 5 RT 01/RW 02, Kel. Sukamaju, Kec. Cibinong, Bogor 16911',
    'Perum Griya Asri C3, Medan',
    '',
  ])('keeps %j', (s) => {
    expect(keptAsTyped(s)).toBe(true);
    for (const v of storedAs(s)) expect(v ?? '').toBe(s);
  });

  it.each([
    '=HYPERLINK("http://x","y")',
    '+62812',
    '-5',
    '@budi',
    "'quoted",
    '#N/A',
    '007',
    '12 Jalan Merdeka',
    ' Budi',
    'TRUE',
    'false',
    'Benar',
    'Mei 2024',
    'May 5',
    'Rp5000',
    'Rp 150.000',
    'Sept 3',
    'Desember 2024',
    'Senin, 5 Mei 2024',
    'may2024',
    '10 am',
    'pm 10',
    '1e5',
  ])('refuses %j (the full save formats the cells as text first)', (s) => {
    expect(keptAsTyped(s)).toBe(false);
  });

  it('what it keeps, the runtime stores unchanged in both locales (any string)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        if (keptAsTyped(s)) for (const v of storedAs(s)) expect(v ?? '').toBe(s);
      }),
      { numRuns: 2000 },
    );
  });
});

it('Periksa Kenali asks a real spreadsheet about this rule: each probe it keeps is expected back as text there', () => {
  const kept = CELL_PROBES.filter(keptAsTyped);
  expect(kept.length).toBeGreaterThanOrEqual(3);
  for (const locale of ['id_ID', 'en_US'])
    for (const p of kept) expect(expectedCell(p, 'auto', localeConventions(locale))).toBe(`text:${p}`);
});

describe('hexKeptAsTyped', () => {
  it('keeps address identifiers, refuses the ones Sheets reads as numbers and anything not an identifier', () => {
    const id = addressIdentifier('Jl. Kenanga 12, Surabaya');
    expect(hexKeptAsTyped(id)).toBe(true);
    expect(storedAs(id)).toEqual([id, id]);
    expect(hexKeptAsTyped('1'.repeat(40))).toBe(false);
    expect(hexKeptAsTyped(`${'1'.repeat(20)}e${'2'.repeat(19)}`)).toBe(false);
    expect(storedAs(`${'1'.repeat(20)}e${'2'.repeat(19)}`)[0]).not.toBe(
      `${'1'.repeat(20)}e${'2'.repeat(19)}`,
    );
    expect(hexKeptAsTyped(id.toUpperCase())).toBe(false);
    expect(hexKeptAsTyped(id.slice(1))).toBe(false);
  });

  it('every identifier it keeps is stored unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (address) => {
        const id = addressIdentifier(address);
        if (hexKeptAsTyped(id)) expect(storedAs(id)).toEqual([id, id]);
      }),
      { numRuns: 500 },
    );
  });
});
