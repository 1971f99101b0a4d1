import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { scoreRfm } from '../../src/core/rfm';
import { canonicalSegments } from '../../src/core/segments';
import {
  epochFromLocal,
  epochFromWallClock,
  formatLocalDateTime,
  localParts,
  runClock,
  runDateEnd,
  wallClockOf,
} from '../../src/core/time';
import { at, clockAt, order, store } from './helpers/records';

describe('formatLocalDateTime', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  it.each(['Asia/Jakarta', 'America/New_York', 'Australia/Lord_Howe', 'UTC'])(
    'writes the local parts of any instant in %s (days cached, minutes from a table)',
    (tz) => {
      fc.assert(
        fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (epoch) => {
          const p = localParts(epoch, tz);
          expect(formatLocalDateTime(epoch, tz)).toBe(
            `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`,
          );
        }),
        { numRuns: 2000 },
      );
    },
  );
});

describe('runDateEnd: a segmentation "as of" a day', () => {
  it.each(['Asia/Jakarta', 'America/New_York', 'UTC'])('is the last second of that local day in %s', (tz) => {
    const end = runDateEnd('2024-06-30', tz)!;
    expect(formatLocalDateTime(end, tz)).toBe('2024-06-30 23:59');
    expect(end).toBe(
      epochFromLocal({ year: 2024, month: 7, day: 1, hour: 0, minute: 0, second: 0 }, tz) - 1000,
    );
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-6-30', '30/06/2024', '', '2024-06-30 10:00'])(
    'refuses %j',
    (text) => {
      expect(runDateEnd(text, 'Asia/Jakarta')).toBeNull();
    },
  );

  it('accepts a leap day', () => {
    expect(runDateEnd('2024-02-29', 'Asia/Jakarta')).not.toBeNull();
  });
});

describe('wall clock and instant (one pair for core, the local runtime and the xlsx reader)', () => {
  it.each(['Asia/Jakarta', 'Asia/Kolkata', 'UTC'])(
    'wallClockOf and epochFromWallClock invert each other in %s',
    (tz) => {
      fc.assert(
        fc.property(fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }), (epoch) => {
          expect(epochFromWallClock(wallClockOf(epoch, tz), tz)).toBe(epoch);
        }),
        { numRuns: 2000 },
      );
    },
  );

  it('keeps milliseconds', () => {
    const wall = Date.UTC(2024, 5, 30, 10, 0, 0, 123);
    expect(epochFromWallClock(wall, 'Asia/Jakarta')).toBe(wall - 7 * 3_600_000);
    expect(wallClockOf(wall - 7 * 3_600_000, 'Asia/Jakarta')).toBe(wall);
  });
});

describe('runClock: the one reading of a typed run date (menu, CLI bundle call)', () => {
  const clock = { timeZone: 'Asia/Jakarta', now: 1_700_000_000_000 };
  it('blank keeps the clock; a date moves now to the end of that day; anything else is refused', () => {
    expect(runClock('  ', clock)).toBe(clock);
    expect(runClock(' 2024-06-30 ', clock)).toEqual({
      ...clock,
      now: runDateEnd('2024-06-30', clock.timeZone),
    });
    expect(runClock('30/06/2024', clock)).toBeNull();
  });
});

describe('orders after the run date (SPEC: Segmentation)', () => {
  const orders = [
    order({ buyerUsername: 'ani', at: '2024-06-01 10:00' }),
    order({ buyerUsername: 'ani', at: '2024-07-02 09:00' }),
    order({ buyerUsername: 'budi', at: '2042-01-01 08:00' }), // a typo for 2024
    order({ buyerUsername: 'citra', at: '2024-07-05 10:00', status: 'Batal' }), // not counted: not named
  ];
  const index = buildCustomers(store({ orders }));

  it('are counted out of the scores and reported: how many, the first and the last', () => {
    const r = scoreRfm(index, clockAt('2024-06-30 23:59'));
    expect(r.afterRunDate).toEqual({ count: 2, first: at('2024-07-02 09:00'), last: at('2042-01-01 08:00') });
    expect(canonicalSegments(index, clockAt('2024-06-30 23:59'), 'id').report).toEqual([
      '2 pesanan bertanggal setelah tanggal acuan 2024-06-30 tidak ikut dihitung (pertama 2024-07-02 09:00, terakhir 2042-01-01 08:00).',
    ]);
  });

  it('when every counted order is after it, the table says so instead of “no counted orders”', () => {
    const t = canonicalSegments(index, clockAt('2024-05-01 23:59'), 'en');
    expect(t.count).toBe(0);
    expect(t.empty).toBe(
      'All 3 counted orders are dated after the run date 2024-05-01 (first 2024-06-01 10:00, last 2042-01-01 08:00): choose a later run date, or check the order dates.',
    );
    expect(scoreRfm(index, clockAt('2042-01-01 23:59')).afterRunDate).toBeNull();
  });
});
