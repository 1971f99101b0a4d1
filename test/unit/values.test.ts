// Cell readers: every money and date rule of the SPEC, table-driven.

import type { CellValue } from '../../src/core/types';
import { implausiblySmallAmounts, parseDateValue, parseMoney, parseQuantity } from '../../src/core/values';

const TZ = 'Asia/Jakarta';
/** Jakarta is UTC+7 all year: an oracle for local times that does not go through time.ts. */
const jkt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) =>
  Date.UTC(y, mo - 1, d, h - 7, mi, s, ms);

describe('parseMoney', () => {
  it.each<[CellValue, number]>([
    [150000, 150000],
    [-2500.5, -2500.5],
    [0, 0],
    ['150000', 150000],
    ['Rp 150.000', 150000],
    ['Rp150.000', 150000],
    ['Rp150.000,50', 150000.5],
    ['Rp 150.000,5', 150000.5],
    ['150,000.5', 150000.5],
    ['150,000.50', 150000.5],
    ['1.234.567', 1234567],
    ['1,234,567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['-Rp 5.000', -5000],
    ['Rp -5.000', -5000],
    ['Rp-5.000', -5000],
    ['\u22125.000', -5000],
    ['+2.000', 2000],
    ['(5.000)', -5000],
    ['(Rp 5.000)', -5000],
    ['Rp. 25.000', 25000],
    ['rp 25.000', 25000],
    ['IDR 1,250,000', 1250000],
    ['150.000 IDR', 150000],
    ['Rp 150.000,-', 150000],
    ['\u00a0Rp\u00a0150.000\u00a0', 150000],
    ['  Rp 150 000 ', 150000],
    ['1,5', 1.5],
    ['12.50', 12.5],
    ['999', 999],
    ['0', 0],
    ['-0', 0],
    ['007', 7],
  ])('%j → %d', (v, expected) => {
    expect(parseMoney(v)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>([
    '12.34.5',
    'abc',
    '1,2345',
    '1.234,567',
    '1,000.000',
    '1234.567',
    '0.500',
    '12,34,5',
    '1 5',
    '1.2.3',
    'Rp',
    '--5',
    '(-5.000)',
    '-Rp -5.000',
    '5-',
    '1e5',
    '150.000.',
    '.50',
    '11%',
    'Rp 150.000 + ongkir',
    '1.000.000.000.000.000.000',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    new Date(0),
  ])('%j is a reason, never 0', (v) => {
    const r = parseMoney(v);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.empty).toBe(false);
      expect(r.reason).not.toBe('');
    }
  });

  it('quotes the unreadable text in the reason, in either language', () => {
    expect(parseMoney('12.34.5')).toMatchObject({ ok: false, reason: expect.stringContaining('12.34.5') });
    expect(parseMoney('abc', 'en')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unreadable'),
    });
  });

  it.each<CellValue>(['', '   ', '\u00a0\t'])('%j is empty (distinct, so callers decide)', (v) => {
    expect(parseMoney(v)).toEqual({ ok: false, empty: true, reason: 'kosong' });
  });
});

describe('parseDateValue', () => {
  it.each<[CellValue, number]>([
    ['2024-05-01 13:45', jkt(2024, 5, 1, 13, 45)],
    ['2024-05-01 13:45:10', jkt(2024, 5, 1, 13, 45, 10)],
    ['2024-05-01', jkt(2024, 5, 1)],
    ['  2024-05-01  ', jkt(2024, 5, 1)],
    ['2024-5-1 9:05', jkt(2024, 5, 1, 9, 5)],
    ['01/05/2024 13:45', jkt(2024, 5, 1, 13, 45)],
    ['1/5/2024', jkt(2024, 5, 1)],
    ['13/05/2024 08:00:00', jkt(2024, 5, 13, 8)],
    ['01-05-2024 13.45.10', jkt(2024, 5, 1, 13, 45, 10)],
    ['01.05.2024 13:45', jkt(2024, 5, 1, 13, 45)],
    ['2024/05/01 13:45', jkt(2024, 5, 1, 13, 45)],
    ['2024-05-01 01:45 PM', jkt(2024, 5, 1, 13, 45)],
    ['2024-05-01 12:10 am', jkt(2024, 5, 1, 0, 10)],
    ['2024-05-01T13:45:10', jkt(2024, 5, 1, 13, 45, 10)],
    ['2024-05-01T13:45:00Z', Date.UTC(2024, 4, 1, 13, 45)],
    ['2024-05-01T13:45:00.123Z', Date.UTC(2024, 4, 1, 13, 45, 0, 123)],
    ['2024-05-01T13:45:00+07:00', Date.UTC(2024, 4, 1, 6, 45)],
    ['2024-05-01T13:45:00-0300', Date.UTC(2024, 4, 1, 16, 45)],
    ['2024-05-01 13:45:10 +08:00', Date.UTC(2024, 4, 1, 5, 45, 10)],
    ['1 Mei 2024 13:45', jkt(2024, 5, 1, 13, 45)],
    ['01 May 2024 13:45', jkt(2024, 5, 1, 13, 45)],
    ['17 Agustus 2024', jkt(2024, 8, 17)],
    ['5 Des 2024, 07:30', jkt(2024, 12, 5, 7, 30)],
    ['2024-02-29', jkt(2024, 2, 29)],
    [new Date(Date.UTC(2024, 4, 1, 6, 45)), Date.UTC(2024, 4, 1, 6, 45)],
    [45413, jkt(2024, 5, 1)],
    [45413.5729166667, jkt(2024, 5, 1, 13, 45)],
    [45413.75, jkt(2024, 5, 1, 18)],
  ])('%j → its instant', (v, expected) => {
    expect(parseDateValue(v, TZ)).toEqual({ ok: true, value: expected });
  });

  it.each<[string, RegExp]>([
    ['2024-13-01', /tanggal tidak valid/],
    ['2024-00-10', /tanggal tidak valid/],
    ['2024-05-32', /tanggal tidak valid/],
    ['2024-02-30', /tanggal tidak valid/],
    ['2023-02-29', /tanggal tidak valid/],
    ['2024-04-31 10:00', /tanggal tidak valid/],
    ['31/04/2024', /tanggal tidak valid/],
    ['05/13/2024', /tanggal tidak valid/], // month-first is not guessed
    ['2024-05-01 24:00', /jam tidak valid/],
    ['2024-05-01 13:60', /jam tidak valid/],
    ['2024-05-01 13:45:61', /jam tidak valid/],
    ['2024-05-01 13:45 PM', /jam tidak valid/],
    ['2024-05-01T10:00+15:00', /jam tidak valid/],
    ['1850-01-01', /rentang/],
    ['2999-01-01', /rentang/],
    ['kemarin', /format tanggal/],
    ['2024-05', /format tanggal/],
    ['01/05/24', /format tanggal/],
    ['2024-05-01 13', /format tanggal/],
    ['1 Maybe 2024', /format tanggal/],
    ['2024-05/01', /format tanggal/],
  ])('%j → reason %s', (v, reason) => {
    const r = parseDateValue(v, TZ);
    expect(r).toMatchObject({ ok: false, empty: false, reason: expect.stringMatching(reason) });
  });

  it.each<CellValue>([150, 0, -1, 99999, Number.NaN, true, new Date(Number.NaN)])('%j is not a date', (v) => {
    expect(parseDateValue(v, TZ)).toMatchObject({ ok: false, empty: false });
  });

  it.each<CellValue>(['', '  '])('%j is empty', (v) => {
    expect(parseDateValue(v, TZ)).toEqual({ ok: false, empty: true, reason: 'kosong' });
  });

  it('reads local wall times in the zone it is given', () => {
    expect(parseDateValue('2024-05-01 13:45', 'Asia/Tokyo')).toEqual({
      ok: true,
      value: Date.UTC(2024, 4, 1, 4, 45),
    });
    expect(parseDateValue('2024-05-01 13:45', 'UTC')).toEqual({
      ok: true,
      value: Date.UTC(2024, 4, 1, 13, 45),
    });
    // New York in summer time is UTC-4, in winter UTC-5.
    expect(parseDateValue('2024-07-01 12:00', 'America/New_York')).toEqual({
      ok: true,
      value: Date.UTC(2024, 6, 1, 16),
    });
    expect(parseDateValue('2024-01-15 12:00', 'America/New_York')).toEqual({
      ok: true,
      value: Date.UTC(2024, 0, 15, 17),
    });
    // An explicit offset ignores the zone.
    expect(parseDateValue('2024-05-01T13:45:00Z', 'Asia/Tokyo')).toEqual({
      ok: true,
      value: Date.UTC(2024, 4, 1, 13, 45),
    });
  });
});

describe('parseQuantity', () => {
  it.each<[CellValue, number]>([
    [1, 1],
    [12, 12],
    ['2', 2],
    [' 3 ', 3],
  ])('%j → %d', (v, n) => {
    expect(parseQuantity(v)).toEqual({ ok: true, value: n });
  });

  it.each<CellValue>([0, -1, 1.5, '0', '1.5', '2.0', 'dua', '-2', true, new Date(0)])(
    '%j is refused',
    (v) => {
      expect(parseQuantity(v)).toMatchObject({ ok: false, empty: false });
    },
  );

  it('tells empty apart', () => {
    expect(parseQuantity('')).toMatchObject({ ok: false, empty: true });
  });
});

describe('implausiblySmallAmounts (locale warning)', () => {
  it.each<[number[], boolean]>([
    [[150, 200, 300], true],
    [[150, 80.5, 1_250_000], true],
    [[-150, -200, 5_000], true],
    [[150_000, 200_000], false],
    [[150, 150_000, 200_000], false],
    [[150, 150_000], false], // a tie is not "most"
    [[0, 0, 0], false],
    [[0, 0, 150], true],
    [[999, 1000], false],
    [[], false],
  ])('%j → %s', (amounts, expected) => {
    expect(implausiblySmallAmounts(amounts)).toBe(expected);
  });
});
