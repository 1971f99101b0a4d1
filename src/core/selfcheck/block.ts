// The self-check's report as one compact JSON block the seller copies to us. Saved as a fixture
// (test/fixtures/selfcheck/*.json), a block from a real spreadsheet is replayed against the local runtime:
// the runtime runs the same self-check with the block's locale and time zone, and every observation that
// differs is a failing test (test/integration/selfcheck.test.ts).
import type { LocaleConventions } from '../locale';
import { tzOffsetMs } from '../time';
import { type CheckResult, ORDER_TIMES, orderTimeEpoch } from './checks';

export const BLOCK_VERSION = 1;

export interface SelfCheckBlock {
  kenaliSelfCheck: typeof BLOCK_VERSION;
  ranAt: string;
  locale: string;
  timeZone: string;
  /** What the script's own Intl derives from the locale and zone: compared on replay like a check. */
  derived: Record<string, string>;
  /** Check id → what it saw. */
  checks: Record<string, string>;
  /** The ids of the checks that failed where it ran (for the reader; replay compares `checks`). */
  failed: string[];
}

export interface BlockContext {
  ranAt: string;
  locale: string;
  timeZone: string;
  derived: Record<string, string>;
}

function offsetText(ms: number): string {
  const m = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** The locale's separators and date order, and the zone's offset at the two order times. */
export function derivedContext(conventions: LocaleConventions, timeZone: string): Record<string, string> {
  return {
    conventions: `decimal=${JSON.stringify(conventions.decimal)} group=${JSON.stringify(conventions.group)} dayFirst=${conventions.dayFirst}`,
    offsets: ORDER_TIMES.map((p) => {
      const t = orderTimeEpoch(p, timeZone);
      return offsetText(tzOffsetMs(t, timeZone));
    }).join(' '),
  };
}

export function makeBlock(context: BlockContext, results: readonly CheckResult[]): SelfCheckBlock {
  return {
    kenaliSelfCheck: BLOCK_VERSION,
    ranAt: context.ranAt,
    locale: context.locale,
    timeZone: context.timeZone,
    derived: { ...context.derived },
    checks: Object.fromEntries(results.map((r) => [r.id, r.seen])),
    failed: results.filter((r) => !r.ok).map((r) => r.id),
  };
}

export function blockText(block: SelfCheckBlock): string {
  return JSON.stringify(block);
}

const isStringRecord = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v as object).every((x) => typeof x === 'string');

/**
 * A block from its text: the JSON as the sidebar shows it, or a message around it (an e-mail, a chat) —
 * the outermost {…} holding "kenaliSelfCheck". Throws a readable error naming what is wrong.
 */
export function parseBlock(text: string): SelfCheckBlock {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no JSON object found (a self-check block starts with {)');
  let data: unknown;
  try {
    data = JSON.parse(text.slice(start, end + 1));
  } catch (e) {
    throw new Error(`not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const b = data as Partial<SelfCheckBlock>;
  if (b?.kenaliSelfCheck !== BLOCK_VERSION)
    throw new Error(`not a Kenali self-check block of version ${BLOCK_VERSION} (kenaliSelfCheck missing)`);
  for (const key of ['ranAt', 'locale', 'timeZone'] as const) {
    if (typeof b[key] !== 'string' || b[key] === '') throw new Error(`"${key}" must be a non-empty string`);
  }
  if (!isStringRecord(b.derived)) throw new Error('"derived" must map names to strings');
  if (!isStringRecord(b.checks) || Object.keys(b.checks).length === 0)
    throw new Error('"checks" must map check ids to what they saw');
  if (!Array.isArray(b.failed) || !b.failed.every((x) => typeof x === 'string'))
    throw new Error('"failed" must list check ids');
  return b as SelfCheckBlock;
}

export interface Difference {
  /** 'derived:conventions' or a check id. */
  id: string;
  /** What the block (the real spreadsheet) saw. */
  field: string;
  /** What the local runtime sees; null when it has no such check. */
  local: string | null;
}

/**
 * Every observation of the field block that the local block does not share. Checks the local runtime has
 * and the field block lacks (added after the block was made) are not differences.
 */
export function compareBlocks(field: SelfCheckBlock, local: SelfCheckBlock): Difference[] {
  const out: Difference[] = [];
  const compare = (prefix: string, a: Record<string, string>, b: Record<string, string>) => {
    for (const [id, seen] of Object.entries(a)) {
      const mine = Object.hasOwn(b, id) ? b[id] : null;
      if (mine !== seen) out.push({ id: prefix + id, field: seen, local: mine });
    }
  };
  compare('derived:', field.derived, local.derived);
  compare('', field.checks, local.checks);
  return out;
}

/** One line per difference, for a failing test's message. */
export function differenceLines(diffs: readonly Difference[]): string[] {
  return diffs.map(
    (d) =>
      `${d.id}: the spreadsheet saw ${JSON.stringify(d.field)}, the local runtime ${d.local === null ? 'has no such check' : `sees ${JSON.stringify(d.local)}`}`,
  );
}
