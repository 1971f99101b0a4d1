// How a customer's segment changed since the previous segmentation, and the from → to counts between two
// runs. Pure: the previous segments come from the Segments sheet being replaced (no per-run copy is kept).
import { SEGMENTS, type SegmentId } from './rfm';

export type Movement = 'naik' | 'turun' | 'tetap' | 'baru';

/**
 * Segments from best to worst, what "naik" (up) and "turun" (down) are measured by: buying recently and
 * often first; then the new and the promising (recent, few orders); then those slipping (need attention,
 * about to sleep); then the valuable ones gone quiet (at risk, can't lose them), then the dormant and the
 * lost. It is the SPEC table's order, kept here on its own so a change of the table's display order does
 * not silently change what counts as moving up.
 */
export const MOVEMENT_ORDER: readonly SegmentId[] = [
  'champions',
  'loyal-customers',
  'potential-loyalist',
  'new-customers',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose-them',
  'hibernating',
  'lost',
];

const RANK = new Map(MOVEMENT_ORDER.map((s, i) => [s, i]));
if (RANK.size !== SEGMENTS.length || SEGMENTS.some((s) => !RANK.has(s.id)))
  throw new Error('MOVEMENT_ORDER must list every segment once');

/** 0 for the best segment. */
export function movementRank(id: SegmentId): number {
  return RANK.get(id)!;
}

/** 'baru' when the customer was not in the previous run; else up, down or the same by MOVEMENT_ORDER. */
export function movementOf(previous: SegmentId | undefined, current: SegmentId): Movement {
  if (previous === undefined) return 'baru';
  const d = movementRank(current) - movementRank(previous);
  return d === 0 ? 'tetap' : d < 0 ? 'naik' : 'turun';
}

/** A row or column of the matrix: a segment, or outside the run (new customer / vanished customer). */
export type MatrixEnd = SegmentId | 'none';

export interface MovementMatrix {
  /** Rows: the previous run's segments in MOVEMENT_ORDER, then 'none' (customers new in this run). */
  from: readonly MatrixEnd[];
  /** Columns: this run's segments in MOVEMENT_ORDER, then 'none' (customers who left: no counted orders
   *  as of this run, so they are not in the new Segments sheet). */
  to: readonly MatrixEnd[];
  /** counts[i][j]: customers from from[i] to to[j]. */
  counts: number[][];
  /** Cells that matter most, [row, column]: a good customer slipping to a risky segment, or leaving. */
  alarms: [number, number][];
}

const ENDS: readonly MatrixEnd[] = [...MOVEMENT_ORDER, 'none'];
const GOOD = new Set<SegmentId>(['champions', 'loyal-customers', 'potential-loyalist']);
const SLIPPING = new Set<MatrixEnd>([
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose-them',
  'hibernating',
  'lost',
  'none',
]);

/** From → to counts between the previous run (key → segment) and this one. */
export function movementMatrix(
  previous: ReadonlyMap<string, SegmentId>,
  current: ReadonlyMap<string, SegmentId>,
): MovementMatrix {
  const idx = new Map(ENDS.map((e, i) => [e, i]));
  const none = ENDS.length - 1;
  const counts = ENDS.map(() => ENDS.map(() => 0));
  for (const [key, seg] of current) {
    const before = previous.get(key);
    counts[before === undefined ? none : idx.get(before)!][idx.get(seg)!]++;
  }
  for (const [key, seg] of previous) if (!current.has(key)) counts[idx.get(seg)!][none]++;
  const alarms: [number, number][] = [];
  ENDS.forEach((f, i) => {
    if (f === 'none' || !GOOD.has(f)) return;
    ENDS.forEach((to, j) => {
      if (SLIPPING.has(to) && counts[i][j] > 0) alarms.push([i, j]);
    });
  });
  return { from: ENDS, to: ENDS, counts, alarms };
}
