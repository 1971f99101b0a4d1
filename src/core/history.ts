// The segment history: one row per run date (customers per segment), kept small, and the from → to
// matrix of the last run as grids for the history sheet. Pure: the gas side reads and writes the sheet.
import { MOVEMENT_ORDER, type MovementMatrix } from './movement';
import type { SegmentId } from './rfm';
import { segmentLabel } from './rfm';
import { t, texts } from './text';
import type { CellValue, Grid, Lang } from './types';

/** Most run dates kept (the oldest go first): 200 × 12 cells, far below a sheet's limits. */
export const HISTORY_CAP = 200;
/** Date column + one per segment. */
export const HISTORY_WIDTH = 1 + MOVEMENT_ORDER.length;

export interface HistoryRow {
  /** Local run date 'YYYY-MM-DD'. */
  date: string;
  counts: Readonly<Record<SegmentId, number>>;
}

export function historyHeader(lang: Lang): string[] {
  return [t('history', lang).date, ...MOVEMENT_ORDER.map((s) => segmentLabel(s, lang))];
}

const norm = (v: CellValue) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The history rows of the sheet's values (header found by its labels in either language; a segment
 *  column the header lacks counts 0); rows without a 'YYYY-MM-DD' date are left out. */
export function readHistory(grid: Grid): HistoryRow[] {
  if (grid.length === 0) return [];
  const header = grid[0].map(norm);
  const colOf = (s: SegmentId) =>
    header.findIndex(
      (h) => h === norm(texts.segments.id.labels[s]) || h === norm(texts.segments.en.labels[s]),
    );
  const cols = MOVEMENT_ORDER.map(colOf);
  const out: HistoryRow[] = [];
  for (const row of grid.slice(1)) {
    const raw = row[0];
    const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw ?? '').trim();
    if (!DATE.test(date)) continue;
    const counts = Object.fromEntries(
      MOVEMENT_ORDER.map((s, i) => {
        const v = cols[i] >= 0 ? row[cols[i]] : 0;
        return [s, typeof v === 'number' && Number.isFinite(v) ? v : 0];
      }),
    ) as Record<SegmentId, number>;
    out.push({ date, counts });
  }
  return out;
}

/** The history with this run's row: replacing a row of the same date, else inserted in date order (an
 *  older date never overwrites later rows); the oldest dropped beyond `cap`. */
export function mergeHistory(
  rows: readonly HistoryRow[],
  entry: HistoryRow,
  cap = HISTORY_CAP,
): HistoryRow[] {
  const out = rows.filter((r) => r.date !== entry.date);
  out.push(entry);
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out.slice(Math.max(0, out.length - cap));
}

export function historyGrid(rows: readonly HistoryRow[]): CellValue[][] {
  return rows.map((r) => [r.date, ...MOVEMENT_ORDER.map((s) => r.counts[s])]);
}

/** The run date before `date` in the history, or null. */
export function previousRunDate(rows: readonly HistoryRow[], date: string): string | null {
  let best: string | null = null;
  for (const r of rows) if (r.date < date && (best === null || r.date > best)) best = r.date;
  return best;
}

export interface MatrixGrid {
  /** Header row and one row per "from", each starting with its label. */
  values: CellValue[][];
  /** Backgrounds of the same shape: the alarm cells red, the rest white. */
  backgrounds: string[][];
}

/** The matrix as the sheet shows it: rows from, columns to; 'none' named "new" as a from, "left" as a to. */
export function matrixGrid(m: MovementMatrix, lang: Lang): MatrixGrid {
  const tx = t('history', lang);
  const name = (e: SegmentId | 'none', asTo: boolean) =>
    e === 'none' ? (asTo ? tx.left : tx.arrived) : segmentLabel(e, lang);
  const alarm = new Set(m.alarms.map(([i, j]) => `${i},${j}`));
  const values: CellValue[][] = [[tx.fromTo, ...m.to.map((e) => name(e, true))]];
  const backgrounds: string[][] = [values[0].map(() => '#ffffff')];
  m.from.forEach((f, i) => {
    values.push([name(f, false), ...m.counts[i]]);
    backgrounds.push(['#ffffff', ...m.counts[i].map((_, j) => (alarm.has(`${i},${j}`) ? ALARM : '#ffffff'))]);
  });
  return { values, backgrounds };
}

/** An alarm cell: a good customer slipping or leaving. */
export const ALARM = '#FFCDD2';
