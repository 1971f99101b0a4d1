import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDateId,
  formatNumber,
  formatRelativeDays,
  formatRupiah,
  formatText,
  MISSING,
} from '../../src/core/format';

describe('formatRupiah', () => {
  it('groups thousands with dots after "Rp "', () => {
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(999)).toBe('Rp 999');
    expect(formatRupiah(1000)).toBe('Rp 1.000');
    expect(formatRupiah(150000)).toBe('Rp 150.000');
    expect(formatRupiah(1234567)).toBe('Rp 1.234.567');
    expect(formatRupiah(1_000_000_000_000)).toBe('Rp 1.000.000.000.000');
  });

  it('writes negatives as -Rp and never "-Rp 0"', () => {
    expect(formatRupiah(-5000)).toBe('-Rp 5.000');
    expect(formatRupiah(-1234567)).toBe('-Rp 1.234.567');
    expect(formatRupiah(-0)).toBe('Rp 0');
    expect(formatRupiah(-0.001)).toBe('Rp 0');
  });

  it('shows whole rupiah: sen are rounded away (half away from zero), as the sheets show them', () => {
    expect(formatRupiah(150000.5)).toBe('Rp 150.001');
    expect(formatRupiah(1234.05)).toBe('Rp 1.234');
    expect(formatRupiah(131778.93)).toBe('Rp 131.779');
    expect(formatRupiah(99.999)).toBe('Rp 100');
    expect(formatRupiah(-0.5)).toBe('-Rp 1');
    expect(formatRupiah(-0.4)).toBe('Rp 0');
  });

  it('shows a missing mark, not a made-up amount, for NaN and Infinity', () => {
    expect(formatRupiah(Number.NaN)).toBe(MISSING);
    expect(formatRupiah(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });

  it('round-trips every whole amount (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const s = formatRupiah(n);
        expect(s).toMatch(/^-?Rp \d{1,3}(\.\d{3})*$/);
        const back = Number(s.replace('Rp ', '').replaceAll('.', ''));
        expect(back).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe('formatNumber', () => {
  it('groups by language', () => {
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(1234567, 'en')).toBe('1,234,567');
    expect(formatNumber(12, 'id')).toBe('12');
    expect(formatNumber(-1500, 'id')).toBe('-1.500');
    expect(formatNumber(2.5, 'id')).toBe('2,50');
    expect(formatNumber(Number.NaN)).toBe(MISSING);
  });
});

describe('formatDateId', () => {
  it('writes Indonesian dates with a dotted time, in the given zone', () => {
    // 06:45 UTC is 13:45 in Jakarta (UTC+7), whatever the machine's zone.
    expect(formatDateId('2024-05-01T06:45:00.000Z', 'Asia/Jakarta')).toBe('1 Mei 2024 13.45');
    expect(formatDateId('2024-05-01T06:45:00.000Z', 'Asia/Jakarta', 'en')).toBe('1 May 2024 13:45');
    expect(formatDateId('2024-05-01T06:45:00.000Z', 'UTC')).toBe('1 Mei 2024 06.45');
  });

  it('crosses the day boundary by the zone, not by UTC', () => {
    // 20:30 UTC on 31 Dec is already 1 Jan in Jakarta and Jayapura.
    expect(formatDateId('2023-12-31T20:30:00Z', 'Asia/Jakarta')).toBe('1 Januari 2024 03.30');
    expect(formatDateId('2023-12-31T20:30:00Z', 'Asia/Jayapura')).toBe('1 Januari 2024 05.30');
    expect(formatDateId('2023-12-31T20:30:00Z', 'America/New_York', 'en')).toBe('31 December 2023 15:30');
  });

  it('names every month in both languages', () => {
    const id = [];
    const en = [];
    for (let m = 0; m < 12; m++) {
      const iso = new Date(Date.UTC(2024, m, 15, 5)).toISOString();
      id.push(formatDateId(iso, 'Asia/Jakarta', 'id', { time: false }));
      en.push(formatDateId(iso, 'Asia/Jakarta', 'en', { time: false }));
    }
    expect(id).toEqual(formatText.id.months.map((name) => `15 ${name} 2024`));
    expect(en).toEqual(formatText.en.months.map((name) => `15 ${name} 2024`));
    expect(id[4]).toBe('15 Mei 2024');
    expect(id[7]).toBe('15 Agustus 2024');
  });

  it('shows "—" for nothing and the raw text for something unreadable', () => {
    expect(formatDateId(null, 'Asia/Jakarta')).toBe(MISSING);
    expect(formatDateId('', 'Asia/Jakarta')).toBe(MISSING);
    expect(formatDateId('kemarin sore', 'Asia/Jakarta')).toBe('kemarin sore');
  });

  it('refuses an unknown time zone loudly', () => {
    expect(() => formatDateId('2024-05-01T06:45:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatRelativeDays', () => {
  it('speaks Indonesian and English', () => {
    expect(formatRelativeDays(0)).toBe('hari ini');
    expect(formatRelativeDays(1)).toBe('kemarin');
    expect(formatRelativeDays(3)).toBe('3 hari lalu');
    expect(formatRelativeDays(1200)).toBe('1.200 hari lalu');
    expect(formatRelativeDays(-2)).toBe('dalam 2 hari');
    expect(formatRelativeDays(0, 'en')).toBe('today');
    expect(formatRelativeDays(1, 'en')).toBe('yesterday');
    expect(formatRelativeDays(3, 'en')).toBe('3 days ago');
    expect(formatRelativeDays(1200, 'en')).toBe('1,200 days ago');
  });

  it('shows "—" when there is no last order', () => {
    expect(formatRelativeDays(null)).toBe(MISSING);
    expect(formatRelativeDays(Number.NaN)).toBe(MISSING);
  });
});
