// Calendar arithmetic in the spreadsheet's time zone, independent of the machine's own TZ
// (Apps Script's servers do not run in Jakarta time, and neither do ours).
import type { Clock, EpochMs } from './types';

export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone: better loud than silently UTC.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function computeOffset(epoch: EpochMs, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epoch))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** Milliseconds to add to an instant to get the wall-clock time in `timeZone`. Cached per hour: zones
 *  only change offset on (half-)hour boundaries, and formatToParts is far too slow for a million rows. */
export function tzOffsetMs(epoch: EpochMs, timeZone: string): number {
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = new Map();
    offsets.set(timeZone, zone);
  }
  const bucket = Math.floor(epoch / HOUR_MS);
  let off = zone.get(bucket);
  if (off === undefined) {
    off = computeOffset(bucket * HOUR_MS, timeZone);
    zone.set(bucket, off);
  }
  return off;
}

export interface LocalParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A Date's UTC fields: the wall-clock parts of a time value that holds a local time as if it were UTC. */
function utcParts(d: Date): LocalParts {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function localParts(epoch: EpochMs, timeZone: string): LocalParts {
  return utcParts(new Date(wallClockOf(epoch, timeZone)));
}

/** Whole local calendar days since 1970-01-01 in `timeZone`: equal for two instants on the same local day. */
export function localDayNumber(epoch: EpochMs, timeZone: string): number {
  return Math.floor((epoch + tzOffsetMs(epoch, timeZone)) / DAY_MS);
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
export function epochFromLocal(p: LocalParts, timeZone: string): EpochMs {
  return epochFromWallClock(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second), timeZone);
}

/**
 * The instant at which the wall clock in `timeZone` shows `wall`: a local time written as if it were UTC
 * (a spreadsheet serial, an .xlsx date as exceljs reads it), milliseconds kept.
 */
export function epochFromWallClock(wall: number, timeZone: string): EpochMs {
  const guess = wall - tzOffsetMs(wall, timeZone);
  return wall - tzOffsetMs(guess, timeZone); // second pass settles DST edges
}

/** The wall clock `timeZone` shows at `epoch`, written as if it were UTC (epochFromWallClock's inverse). */
export function wallClockOf(epoch: EpochMs, timeZone: string): number {
  return epoch + tzOffsetMs(epoch, timeZone);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' in `timeZone`. */
export function formatLocalDate(epoch: EpochMs, timeZone: string): string {
  const p = localParts(epoch, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

// The CLI formats two instants per customer (600k for a big shop) on a few hundred distinct days: the
// date part is made once per local day, the time from a table of the day's 1,440 minutes.
const dayTexts = new Map<number, string>();
let minuteTexts: string[] | null = null;

/** 'YYYY-MM-DD HH:mm' in `timeZone`. */
export function formatLocalDateTime(epoch: EpochMs, timeZone: string): string {
  const local = epoch + tzOffsetMs(epoch, timeZone);
  if (!Number.isFinite(local)) return 'NaN-NaN-NaN NaN:NaN'; // as the parts would print: never a date
  const day = Math.floor(local / DAY_MS);
  let date = dayTexts.get(day);
  if (date === undefined) {
    const d = new Date(day * DAY_MS);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} `;
    if (dayTexts.size >= 100_000) dayTexts.clear();
    dayTexts.set(day, date);
  }
  minuteTexts ??= Array.from({ length: 1440 }, (_, m) => `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
  return date + minuteTexts[Math.floor((local - day * DAY_MS) / 60_000)];
}

/**
 * The run date of a segmentation ("as of" a day, written 'YYYY-MM-DD'): the last instant of that local day
 * in `timeZone`, so every order of the day counts. Null when the text is not a real calendar date.
 */
export function runDateEnd(text: string, timeZone: string): EpochMs | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day)
    return null;
  return epochFromLocal({ year, month, day, hour: 23, minute: 59, second: 59 }, timeZone);
}

/** The clock of a run "as of" the date the seller typed (runDateEnd; blank: `clock` itself), or null when
 *  the text is not a date. The menu's dated run and the CLI's bundle call read the date this one way. */
export function runClock(text: string, clock: Clock): Clock | null {
  const typed = text.trim();
  if (typed === '') return clock;
  const now = runDateEnd(typed, clock.timeZone);
  return now === null ? null : { ...clock, now };
}

export function toIso(epoch: EpochMs): string {
  return new Date(epoch).toISOString();
}
