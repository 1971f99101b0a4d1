import fc from 'fast-check';
import { epochFromLocal, formatLocalDateTime, localParts, runDateEnd } from '../../src/core/time';

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
