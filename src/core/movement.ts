// Segment movement between runs: what changed for each customer (naik / turun / tetap / baru), the from → to
// matrix between two runs, and the small history of segment sizes per run date.
//
// The order of segments is the SPEC's table order (SEGMENTS), which runs from the most engaged (Juara) to the
// least (Hilang): moving to a segment earlier in the table is "naik" (up), later is "turun" (down).
//
// What "the previous segment" means: the customer's segment at the latest run date in the history BEFORE
// this run's date. It is read from the Segments sheet being replaced when that sheet is of that date (what
// the seller saw), from that sheet's own "Segmen sebelumnya" column when the sheet is of this same date (a
// rerun compares with the same earlier run again), and otherwise (a run as of an older date, or the run
// after one) recomputed from the store as of that earlier date. No earlier date: everyone is "baru".
// So a run as of an older date compares with the run before IT, and never changes the history of later dates.
//
// The history lives on the summary sheet, the run date of the Segments sheet in a note on its header (no
// column beside the table: every column there costs a cell per customer). The two sheets are swapped in one
// after the other, so a run stopped between the two leaves a Segments sheet whose date has no history row:
// the next run puts that row back first (sheetRunMissing), from the sheet's own segments.
import { SEGMENTS, type SegmentId, segmentOrder } from './rfm';
import { texts } from './text';
import { formatLocalDate } from './time';
import type { CellValue, Grid, Lang } from './types';

export type Change = 'up' | 'down' | 'same' | 'new';

export function changeOf(previous: SegmentId | null, now: SegmentId): Change {
  if (previous === null) return 'new';
  const d = segmentOrder(now) - segmentOrder(previous);
  return d < 0 ? 'up' : d > 0 ? 'down' : 'same';
}

/** Cell colours of the Perubahan words (each pair at least 4.5:1, tested). */
export const CHANGE_COLOURS: Readonly<Record<Change, { background: string; color: string }>> = {
  up: { background: '#C8E6C9', color: '#1B5E20' },
  down: { background: '#FFCDD2', color: '#8B0000' },
  same: { background: '#ECEFF1', color: '#37474F' },
  new: { background: '#BBDEFB', color: '#0D47A1' },
};

// ------------------------------------------------------------------------------------------- matrix

/** The matrix's extra row (customers the previous run did not score) and column (customers this run no
 *  longer scores: no counted order up to the run date). */
export const NEW_ROW = SEGMENTS.length;
export const GONE_COLUMN = SEGMENTS.length;

export interface Movement {
  /** counts[from][to]: from a segment (SEGMENTS order) or NEW_ROW, to a segment or GONE_COLUMN. */
  counts: number[][];
  up: number;
  down: number;
  same: number;
  added: number;
  gone: number;
}

/**
 * Linear in customers: one map lookup each, and one pass over the previous run for those gone. With
 * `previousCounts` (the previous run's customers per segment, SEGMENTS order: its history row), `previous`
 * holds only this run's customers (a rerun reads them from its own sheet's "Segmen sebelumnya"): those gone
 * are then what the previous run counted beyond the ones still here.
 */
export function movementOf(
  previous: ReadonlyMap<string, SegmentId>,
  current: readonly { key: string; segmentId: SegmentId }[],
  previousCounts?: readonly number[],
): Movement {
  const size = SEGMENTS.length + 1;
  const counts = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const m: Movement = { counts, up: 0, down: 0, same: 0, added: 0, gone: 0 };
  let matched = 0;
  for (const c of current) {
    const before = previous.get(c.key) ?? null;
    const to = segmentOrder(c.segmentId);
    if (before === null) {
      counts[NEW_ROW][to]++;
      m.added++;
      continue;
    }
    matched++;
    counts[segmentOrder(before)][to]++;
    const ch = changeOf(before, c.segmentId);
    if (ch === 'up') m.up++;
    else if (ch === 'down') m.down++;
    else m.same++;
  }
  if (previousCounts) {
    for (let from = 0; from < SEGMENTS.length; from++) {
      let still = 0;
      for (let to = 0; to < SEGMENTS.length; to++) still += counts[from][to];
      const gone = Math.max(0, (previousCounts[from] ?? 0) - still);
      counts[from][GONE_COLUMN] = gone;
      m.gone += gone;
    }
  } else if (matched < previous.size) {
    const now = new Set<string>();
    for (const c of current) now.add(c.key);
    for (const [key, seg] of previous) {
      if (now.has(key)) continue;
      counts[segmentOrder(seg)][GONE_COLUMN]++;
      m.gone++;
    }
  }
  return m;
}

/** The best customers, whose fall matters most. */
const TOP: ReadonlySet<number> = new Set(
  ['champions', 'loyal-customers'].map((id) => segmentOrder(id as SegmentId)),
);
/** Where a customer is slipping away. */
const SLIPPING: ReadonlySet<number> = new Set(
  (['about-to-sleep', 'at-risk', 'cant-lose-them', 'hibernating', 'lost'] as SegmentId[]).map(segmentOrder),
);

export type Highlight = 'alarm' | 'recovery' | 'same';

/** The cells that matter most: a top customer slipping away (or gone), one coming back to the top, and the
 *  diagonal (no change) as a quiet guide. */
export function highlightOf(from: number, to: number): Highlight | null {
  if (TOP.has(from) && (SLIPPING.has(to) || to === GONE_COLUMN)) return 'alarm';
  if (SLIPPING.has(from) && TOP.has(to)) return 'recovery';
  if (from === to && from < SEGMENTS.length) return 'same';
  return null;
}

export const HIGHLIGHT_COLOURS: Readonly<Record<Highlight, { background: string; color: string }>> = {
  alarm: { background: '#B71C1C', color: '#FFFFFF' },
  recovery: { background: '#1B5E20', color: '#FFFFFF' },
  same: { background: '#ECEFF1', color: '#37474F' },
};

// ------------------------------------------------------------------------------------------ history

/** One run date and its customers per segment (SEGMENTS order). */
export interface HistoryRow {
  /** Local run date, 'YYYY-MM-DD'. */
  date: string;
  counts: number[];
}

/** At most this many run dates (a weekly run for two years): 105 rows × 12 columns, about 1,300 cells. */
export const MAX_HISTORY = 104;

/** This run's row put in date order: a row of the same date is replaced (a rerun), others are kept as
 *  they are (an older date never changes later ones); then compacted to `max` rows. */
export function recordRun(history: readonly HistoryRow[], row: HistoryRow, max = MAX_HISTORY): HistoryRow[] {
  const rows = history.filter((r) => r.date !== row.date);
  rows.push(row);
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return compactHistory(rows, max);
}

/**
 * Keeps at most `max` rows (ascending dates): the older half is thinned to the last run of each month,
 * and if that is not enough the oldest rows go. The newest half is never touched.
 */
export function compactHistory(rows: readonly HistoryRow[], max = MAX_HISTORY): HistoryRow[] {
  if (rows.length <= max) return [...rows];
  const keepNewest = Math.floor(max / 2);
  const older = rows.slice(0, rows.length - keepNewest);
  const newer = rows.slice(rows.length - keepNewest);
  const thinned = older.filter(
    (r, i) => i === older.length - 1 || older[i + 1].date.slice(0, 7) !== r.date.slice(0, 7),
  );
  const all = [...thinned, ...newer];
  return all.slice(Math.max(0, all.length - max));
}

/** Whether the history lacks the run a Segments sheet of `sheetDate` shows (a run stopped between the
 *  Segments swap and the summary's, or a summary sheet deleted by hand): its row must be put back before
 *  this run's previous run is chosen. Not for this run's own date (its row is about to be replaced). */
export function sheetRunMissing(
  history: readonly HistoryRow[],
  sheetDate: string | null,
  runDate: string,
): sheetDate is string {
  return sheetDate !== null && sheetDate !== runDate && !history.some((r) => r.date === sheetDate);
}

/** The latest run date strictly before `date`, or null. */
export function previousRunDate(history: readonly HistoryRow[], date: string): string | null {
  let best: string | null = null;
  for (const r of history) if (r.date < date && (best === null || r.date > best)) best = r.date;
  return best;
}

export function historyRowOf(date: string, current: Iterable<{ segmentId: SegmentId }>): HistoryRow {
  const counts = new Array<number>(SEGMENTS.length).fill(0);
  for (const c of current) counts[segmentOrder(c.segmentId)]++;
  return { date, counts };
}

const norm = (v: CellValue) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The history sheet as its header and rows (dates as plain text: a chart's axis of run dates). */
export function historyTable(
  rows: readonly HistoryRow[],
  lang: Lang,
): { header: string[]; rows: CellValue[][] } {
  const tx = texts.segments[lang];
  return {
    header: [tx.historyDate, ...SEGMENTS.map((s) => tx.labels[s.id])],
    rows: rows.map((r) => [r.date, ...r.counts]),
  };
}

/**
 * The history back from its sheet: columns found by header in either language (the seller may have moved
 * them or added their own), a date as 'YYYY-MM-DD' text or a Date (local day in `timeZone`); rows without a
 * date are skipped, a missing count is 0; the last row of a date wins.
 */
export function parseHistory(grid: Grid, timeZone: string): HistoryRow[] {
  if (grid.length === 0) return [];
  const header = grid[0].map(norm);
  const find = (names: string[]) => header.findIndex((h) => names.some((n) => n.toLowerCase() === h));
  const dateCol = find([texts.segments.id.historyDate, texts.segments.en.historyDate]);
  if (dateCol < 0) return [];
  const cols = SEGMENTS.map((s) => find([texts.segments.id.labels[s.id], texts.segments.en.labels[s.id]]));
  const byDate = new Map<string, HistoryRow>();
  for (let i = 1; i < grid.length; i++) {
    const raw = grid[i][dateCol];
    const date =
      raw instanceof Date
        ? formatLocalDate(raw.getTime(), timeZone)
        : typeof raw === 'string'
          ? raw.trim()
          : '';
    if (!DATE.test(date)) continue;
    const counts = cols.map((c) => {
      const v = c < 0 ? 0 : grid[i][c];
      const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : 0;
      return Number.isFinite(n) && n >= 0 ? Math.round(n) : 0;
    });
    byDate.set(date, { date, counts });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The cells of the summary sheet that say what date it is of: this label, then the date as text. */
export function runDateCells(date: string, lang: Lang): [string, string] {
  return [texts.segments[lang].historyDate, date];
}

const isLabel = (v: CellValue, names: readonly string[]) => names.includes(norm(v));
const DATE_LABELS = [texts.segments.id.historyDate, texts.segments.en.historyDate].map((s) =>
  s.toLowerCase(),
);
const FIRST_SEGMENT = [
  texts.segments.id.labels[SEGMENTS[0].id],
  texts.segments.en.labels[SEGMENTS[0].id],
].map((s) => s.toLowerCase());

/** The note that says what date a Segments sheet is of (on a header cell: no column, no cell per customer). */
export function runDateNote(date: string, lang: Lang): string {
  return texts.segments[lang].runDateNote(date, texts.sheet[lang].summarySheet);
}

const NOTE_DATE = new RegExp(`^\\s*(?:${DATE_LABELS.join('|')})\\s*:\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$`, 'im');

/** The run date a Segments sheet's header notes carry (runDateNote, in either language), or null (a sheet
 *  from before movement was kept, or its note removed by hand). */
export function sheetRunDate(notes: readonly (readonly string[])[]): string | null {
  for (const row of notes)
    for (const note of row) {
      const m = typeof note === 'string' ? NOTE_DATE.exec(note) : null;
      if (m) return m[1];
    }
  return null;
}

/** Where the history's header is in the summary sheet's cells (0-based), or null. */
export function findHistory(head: Grid): { row: number; col: number } | null {
  for (let i = 0; i < head.length; i++)
    for (let j = 0; j + 1 < head[i].length; j++)
      if (isLabel(head[i][j], DATE_LABELS) && isLabel(head[i][j + 1], FIRST_SEGMENT))
        return { row: i, col: j };
  return null;
}

/** Columns of the history table: the date, then one per segment. */
export const HISTORY_WIDTH = 1 + SEGMENTS.length;

// ------------------------------------------------------------------------- where the previous comes from

export type PreviousSource =
  | { kind: 'none' }
  /** The Segments sheet being replaced holds the previous run: its segments. */
  | { kind: 'sheet' }
  /** The sheet is of this same run date (a rerun): its "Segmen sebelumnya" column. */
  | { kind: 'sheet-previous' }
  /** Recomputed from the store as of that date. */
  | { kind: 'rescore'; date: string };

/**
 * Where this run's previous segments come from (see the top of this file). `sheetDate` is the run date of
 * the Segments sheet being replaced (null when unknown: a sheet written before movement was kept, taken to
 * be an earlier run).
 */
export function previousSource(
  runDate: string,
  previousDate: string | null,
  sheetExists: boolean,
  sheetDate: string | null,
): PreviousSource {
  if (sheetExists && sheetDate === runDate) return { kind: 'sheet-previous' };
  if (previousDate === null) return sheetExists && sheetDate === null ? { kind: 'sheet' } : { kind: 'none' };
  if (sheetExists && sheetDate === previousDate) return { kind: 'sheet' };
  return { kind: 'rescore', date: previousDate };
}

/** A segment label in either language (or its id) → the segment; null for anything else ('' included). */
export function segmentOfLabel(v: CellValue): SegmentId | null {
  const key = norm(v);
  if (key === '') return null;
  return LABELS.get(key) ?? null;
}

const LABELS = new Map<string, SegmentId>();
for (const s of SEGMENTS) {
  LABELS.set(s.id, s.id);
  LABELS.set(texts.segments.id.labels[s.id].toLowerCase(), s.id);
  LABELS.set(texts.segments.en.labels[s.id].toLowerCase(), s.id);
}
