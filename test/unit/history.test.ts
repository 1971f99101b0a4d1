import {
  HISTORY_CAP,
  historyGrid,
  historyHeader,
  matrixGrid,
  mergeHistory,
  previousRunDate,
  readHistory,
} from '../../src/core/history';
import { MOVEMENT_ORDER, movementMatrix } from '../../src/core/movement';
import type { SegmentId } from '../../src/core/rfm';

const row = (date: string, champions = 1) => ({
  date,
  counts: Object.fromEntries(MOVEMENT_ORDER.map((s) => [s, s === 'champions' ? champions : 0])) as Record<
    SegmentId,
    number
  >,
});

describe('segment history', () => {
  it('a rerun on the same date replaces its row; an older date is inserted in order, later rows kept', () => {
    let h = mergeHistory([], row('2024-06-30', 5));
    h = mergeHistory(h, row('2024-07-07', 6));
    h = mergeHistory(h, row('2024-07-07', 7)); // rerun
    expect(h.map((r) => [r.date, r.counts.champions])).toEqual([
      ['2024-06-30', 5],
      ['2024-07-07', 7],
    ]);
    h = mergeHistory(h, row('2024-05-31', 2)); // older date
    expect(h.map((r) => [r.date, r.counts.champions])).toEqual([
      ['2024-05-31', 2],
      ['2024-06-30', 5],
      ['2024-07-07', 7],
    ]);
    expect(previousRunDate(h, '2024-07-07')).toBe('2024-06-30');
    expect(previousRunDate(h, '2024-05-31')).toBeNull();
  });

  it('keeps at most HISTORY_CAP rows, dropping the oldest', () => {
    let h = [] as ReturnType<typeof mergeHistory>;
    for (let d = 0; d < HISTORY_CAP + 30; d++) {
      const date = new Date(Date.UTC(2020, 0, 1 + d)).toISOString().slice(0, 10);
      h = mergeHistory(h, row(date, d));
    }
    expect(h).toHaveLength(HISTORY_CAP);
    expect(h[0].counts.champions).toBe(30);
    expect(h.at(-1)!.counts.champions).toBe(HISTORY_CAP + 29);
  });

  it('reads back what it writes, in either language, skipping rows without a date', () => {
    const h = [row('2024-06-30', 5), row('2024-07-07', 6)];
    for (const lang of ['id', 'en'] as const) {
      const grid = [historyHeader(lang), ...historyGrid(h), ['catatan', 1]];
      expect(readHistory(grid)).toEqual(h);
    }
    expect(readHistory([])).toEqual([]);
  });

  it('shows the matrix with new and left, the alarming cells red', () => {
    const m = movementMatrix(
      new Map<string, SegmentId>([
        ['a', 'champions'],
        ['b', 'loyal-customers'],
      ]),
      new Map<string, SegmentId>([
        ['a', 'at-risk'],
        ['c', 'new-customers'],
      ]),
    );
    const g = matrixGrid(m, 'id');
    expect(g.values[0][0]).toBe('Dari \\ Ke');
    expect(g.values[0].at(-1)).toBe('Keluar (tanpa pesanan)');
    expect(g.values.at(-1)![0]).toBe('Baru');
    const r = (label: string) => g.values.findIndex((v) => v[0] === label);
    const c = (label: string) => g.values[0].indexOf(label);
    expect(g.values[r('Juara')][c('Berisiko')]).toBe(1);
    expect(g.backgrounds[r('Juara')][c('Berisiko')]).toBe('#FFCDD2');
    expect(g.values[r('Pelanggan Setia')][c('Keluar (tanpa pesanan)')]).toBe(1);
    expect(g.backgrounds[r('Pelanggan Setia')][c('Keluar (tanpa pesanan)')]).toBe('#FFCDD2');
    expect(g.values[r('Baru')][c('Pelanggan Baru')]).toBe(1);
    expect(g.backgrounds.flat().filter((b) => b !== '#ffffff')).toHaveLength(2);
  });
});
