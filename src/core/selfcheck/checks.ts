// What the self-check ("Periksa Kenali") looks at, how it describes what it saw, and what it expects.
//
// Every expectation here is what the LOCAL runtime (local/gas) implements: the self-check passes there (our
// tests run it), so a check that fails in a real spreadsheet is an assumption of the runtime that Google
// does not share. Observations are short strings ("number:1", "text:+abc", "date:2024-05-01 13:45:00",
// "formula:=1+1") so a seller can copy them and a fixture can replay them (block.ts).
import type { LocaleConventions } from '../locale';
import { epochFromLocal, formatLocalDate, type LocalParts, localParts, tzOffsetMs } from '../time';
import { fingerprint, payloadText } from './payload';

/** One check's outcome. `seen` and `expected` use the same vocabulary, so ok is `seen === expected`. */
export interface CheckResult {
  id: string;
  ok: boolean;
  seen: string;
  expected: string;
}

export function result(id: string, expected: string, seen: string): CheckResult {
  return { id, ok: seen === expected, seen, expected };
}

// ---- strings written into a plain-text ('@') column and an automatic one ----------------------------

/** Strings a seller's exports and pastes contain, each a different question to Sheets' input parser. */
export const CELL_PROBES = [
  '=1+1',
  '+1',
  '+abc',
  '-x',
  '@x',
  "'x",
  '007',
  '0812345678',
  '1234567890123456',
  '576461234567890123',
  '1/2',
  '2024-05-01 13:45',
  '150.000',
  '1.5',
  '1,5',
  'Rp 150.000',
  // What the one-call save of a name appends as it is (core/typed.ts keptAsTyped): kept as typed, or that
  // save would store something else than the seller typed.
  'Budi 88',
  'maya14715',
  'Jl. Mawar 5 RT 01/RW 02, Bandung',
] as const;

export type CellProbe = (typeof CELL_PROBES)[number];
export type CellColumn = 'text' | 'auto';

export const cellCheckId = (column: CellColumn, probe: string) => `${column}:${probe}`;

/**
 * What the local runtime makes of each probe in an automatic cell (local/gas/cells.ts parseWritten): '='
 * starts a formula, a leading apostrophe forces text and is dropped, number-like strings become numbers
 * (leading zeros and digits past a double's precision lost), dates in ISO or the locale's short order become
 * dates (a year-less one in the current year), and the locale's separators group thousands and mark decimals.
 */
const AUTO: Record<CellProbe, (c: LocaleConventions) => string> = {
  '=1+1': () => 'formula:=1+1',
  '+1': () => 'number:1',
  '+abc': () => 'text:+abc',
  '-x': () => 'text:-x',
  '@x': () => 'text:@x',
  "'x": () => 'text:x',
  '007': () => 'number:7',
  '0812345678': () => 'number:812345678',
  '1234567890123456': () => 'number:1234567890123456',
  // The nearest double, as JavaScript prints it: the last digits of an 18-digit order number are gone.
  '576461234567890123': () => 'number:576461234567890200',
  '1/2': (c) => (c.dayFirst ? 'date:--02-01 00:00:00' : 'date:--01-02 00:00:00'),
  '2024-05-01 13:45': () => 'date:2024-05-01 13:45:00',
  '150.000': (c) => (c.group === '.' ? 'number:150000' : 'number:150'),
  '1.5': () => 'number:1.5',
  '1,5': (c) => (c.decimal === ',' ? 'number:1.5' : 'text:1,5'),
  'Rp 150.000': () => 'text:Rp 150.000',
  'Budi 88': () => 'text:Budi 88',
  maya14715: () => 'text:maya14715',
  'Jl. Mawar 5 RT 01/RW 02, Bandung': () => 'text:Jl. Mawar 5 RT 01/RW 02, Bandung',
};

/** In a plain-text cell every string stays exactly as written. */
export function expectedCell(probe: CellProbe, column: CellColumn, conventions: LocaleConventions): string {
  return column === 'text' ? `text:${probe}` : AUTO[probe](conventions);
}

function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD HH:mm:ss' in `timeZone`. */
export function wallText(epoch: number, timeZone: string): string {
  const p = localParts(epoch, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/**
 * A cell as getValues and getFormulas return it. A date reads as its wall time in the spreadsheet's zone;
 * `noYear` drops the year (Sheets gives a year-less date the current year, which a fixture cannot fix).
 */
export function describeCell(value: unknown, formula: string, timeZone: string, noYear = false): string {
  if (formula) return `formula:${formula}`;
  if (value === '' || value === null || value === undefined) return 'blank';
  if (typeof value === 'string') return `text:${value}`;
  if (typeof value === 'number') return `number:${String(value)}`;
  if (typeof value === 'boolean') return `bool:${value}`;
  if (isDateValue(value)) {
    const t = value.getTime();
    if (Number.isNaN(t)) return 'date:invalid';
    const wall = wallText(t, timeZone);
    return `date:${noYear ? `--${wall.slice(5)}` : wall}`;
  }
  return `other:${String(value)}`;
}

/** A probe without a four-digit year: if Sheets reads it as a date, the year is today's. */
export function hasNoYear(probe: string): boolean {
  return !/\d{4}/.test(probe);
}

// ---- dates: an order late in the evening and one just after midnight, in the spreadsheet's zone ------

/** Kenali's date-time cells (src/gas/sheets.ts numberFormat('datetime')). */
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

export interface OrderTimeProbe {
  id: string;
  local: LocalParts;
}

/** 23:30 and 00:30 local: an instant read back in another zone (UTC, the script's) moves to another day. */
export const ORDER_TIMES: readonly OrderTimeProbe[] = [
  { id: 'date:23:30', local: { year: 2024, month: 5, day: 1, hour: 23, minute: 30, second: 0 } },
  { id: 'date:00:30', local: { year: 2024, month: 5, day: 2, hour: 0, minute: 30, second: 0 } },
];

export function orderTimeEpoch(p: OrderTimeProbe, timeZone: string): number {
  return epochFromLocal(p.local, timeZone);
}

export function expectedOrderTime(p: OrderTimeProbe): string {
  const { year, month, day, hour, minute } = p.local;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return `same-instant day=${date} shown=${date} ${pad(hour)}:${pad(minute)}`;
}

/** A Date written into an automatic cell and into a DATETIME_FORMAT cell, read back (value and display). */
export function describeOrderTime(
  written: number,
  auto: unknown,
  formatted: unknown,
  shown: string,
  timeZone: string,
): string {
  const same = (v: unknown) => isDateValue(v) && v.getTime() === written;
  if (!same(auto) || !same(formatted)) {
    return `moved auto=${describeCell(auto, '', timeZone)} formatted=${describeCell(formatted, '', timeZone)} shown=${shown}`;
  }
  return `same-instant day=${formatLocalDate(written, timeZone)} shown=${shown}`;
}

/** A number written into a date-time cell reads back as a Date (the runtime: the format decides). */
export const SERIAL_PROBE = 45413.5;
export const SERIAL_EXPECTED = 'date:2024-05-01 12:00:00';

/** A Date in a '0.00' cell reads back as its serial number in the spreadsheet's zone. */
export const NUMBER_FORMAT_FOR_DATE = '0.00';

export function describeSerial(v: unknown, timeZone: string): string {
  return typeof v === 'number' ? `serial:${v.toFixed(6)}` : describeCell(v, '', timeZone);
}

/** The serial of the 23:30 order in its own zone (wall time as days since 1899-12-30). */
export function expectedSerial(timeZone: string): string {
  const t = orderTimeEpoch(ORDER_TIMES[0], timeZone);
  return `serial:${((t + tzOffsetMs(t, timeZone)) / 86_400_000 + 25569).toFixed(6)}`;
}

// ---- display, long cells, lock, properties ----------------------------------------------------------

export const DISPLAY_FORMAT = '#,##0.00';
export const DISPLAY_NUMBER = 1234.5;

/** getDisplayValues of 1234.5 under '#,##0.00': the locale's separators (1.234,50 in id_ID). */
export function expectedDisplay(c: LocaleConventions): string {
  return `shown=1${c.group}234${c.decimal}50`;
}

/** Sheets' documented limit of one cell. */
export const CELL_CHARS = 50_000;
export const LONG_CELL_EXPECTED = `${CELL_CHARS}=same ${CELL_CHARS + 1}=refused`;

export const LOCK_EXPECTED = 'tryLock=true hasLock=true afterRelease=false';

/** The document property the check writes and deletes again (Kenali's own key prefix). */
export const PROPERTY_KEY = 'kenali.selfcheck';
/** Under the 9 KB per value that Apps Script allows. */
export const PROPERTY_CHARS = 8000;
export const PROPERTY_EXPECTED = `same ${PROPERTY_CHARS} chars, deleted=true`;

export const CLEANUP_EXPECTED = 'removed';

// ---- the sidebar's round trips through google.script.run, and the page's own script --------------------

/** Large enough to catch a size limit or a re-encoding, small enough for a sidebar. */
export const PAYLOAD_CHARS = 1_000_000;

/** Two slashes in a JavaScript string of the page (bundled and hand-written inline, sidebar/selfcheck):
 *  HtmlService must not take them for the start of a comment. */
export const SLASH_EXPECTED = 'kenali//periksa';

/** The client checks' expectations (computed when asked: the 1 MB text is not built at bundle load). */
export function clientExpected(id: ClientCheckId): string {
  switch (id) {
    case 'run:date-argument':
      return 'refused';
    case 'run:undefined-in-array':
      return '[1,null,"x"]';
    case 'run:undefined-in-object':
      return '{"b":1}';
    case 'run:date-result':
      return 'null';
    case 'run:upload-1mb':
    case 'run:download-1mb':
      return fingerprint(payloadText(PAYLOAD_CHARS));
    case 'page:slashes':
    case 'page:inline-script':
      return SLASH_EXPECTED;
  }
}

export const CLIENT_CHECKS = [
  'run:date-argument',
  'run:undefined-in-array',
  'run:undefined-in-object',
  'run:date-result',
  'run:upload-1mb',
  'run:download-1mb',
  'page:slashes',
  'page:inline-script',
] as const;

export type ClientCheckId = (typeof CLIENT_CHECKS)[number];
