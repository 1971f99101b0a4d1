// Reading single cell values: Rupiah amounts, dates and quantities as marketplaces and sheets deliver them.
// Every reader returns a result instead of throwing or guessing: a value that cannot be read carries a
// reason for the seller (src/core/text/import.ts), and an empty cell is told apart so callers decide
// whether the field is required. Local wall times are read in the spreadsheet's time zone via time.ts,
// never through the machine's (no `new Date(string)`).
import { importText } from './text/import';
import { DAY_MS, epochFromLocal, epochFromWallClock } from './time';
import type { CellValue, EpochMs, Lang } from './types';

export type ValueResult<T> = { ok: true; value: T } | { ok: false; empty: boolean; reason: string };

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const fail = (reason: string): ValueResult<never> => ({ ok: false, empty: false, reason });
const emptyResult = (lang: Lang): ValueResult<never> => ({
  ok: false,
  empty: true,
  reason: importText[lang].empty,
});

export const isDate = (v: unknown): v is Date => v instanceof Date;

/** Plain text of a cell for free-text fields (names, addresses, SKUs). Kept as-is: no trimming or escaping. */
export function cellText(v: CellValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return Number.isFinite(v.getTime()) ? v.toISOString() : '';
  return v == null ? '' : String(v);
}

export function isBlank(v: CellValue): boolean {
  return v === '' || v == null || (typeof v === 'string' && v.trim() === '');
}

// ---------------------------------------------------------------------------------------------- money

/** Amounts beyond this are typos or digits glued together, not Rupiah (and would lose precision). */
const MAX_MONEY = 1e15;
const PREFIX = /^([-+\u2212]?)\s*(rp\.?|idr)?\s*([-+\u2212]?)\s*/i;
const DIGITS = /^\d+$/;
const CURRENCY_SUFFIX = /\s*(?:rp|idr)$/i;
/** "Rp 150.000,-": the Indonesian way of writing "no cents". */
const NO_CENTS_SUFFIX = /[.,]-{1,2}$/;
const BODY = /^\d+(?:[.,\s]\d+)*$/;
const SEPARATOR = /([.,\s])/;

/**
 * A Rupiah amount. Numbers pass through (finite only). Text: optional sign or parentheses, optional "Rp"/"IDR",
 * white space (NBSP too), '.', ',' or a space grouping thousands and ',' or '.' as the decimal point: a
 * separator followed by exactly three digits groups thousands, by one or two digits (last group only) it is
 * the decimal point. Mixed or ambiguous grouping ("1.234,567", "1234.567", "0.500") is a reason, never a guess.
 */
export function parseMoney(v: CellValue, lang: Lang = 'id'): ValueResult<number> {
  const tx = importText[lang];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return fail(tx.notANumber);
    // Same bound as for text: a number cell of 1e20 is a typo, not Rupiah.
    if (Math.abs(v) > MAX_MONEY) return fail(tx.moneyTooLarge(String(v)));
    return ok(v === 0 ? 0 : v);
  }
  if (typeof v === 'boolean') return fail(tx.moneyIsBoolean);
  if (isDate(v)) return fail(tx.moneyIsDate);
  if (typeof v !== 'string') return emptyResult(lang);
  const raw = v.trim();
  if (raw === '') return emptyResult(lang);
  if (DIGITS.test(raw) && raw.length < 16) return ok(Number(raw)); // the common case, fast

  let s = raw;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // One sign at most, before or after the currency: "-Rp 5.000", "Rp -5.000".
  const pre = PREFIX.exec(s)!; // always matches (every part optional)
  const sign = pre[1] || pre[3];
  if ((pre[1] && pre[3]) || (negative && sign)) return fail(tx.moneyUnreadable(raw));
  if (sign && sign !== '+') negative = true;
  if (pre[0].length > 0) s = s.slice(pre[0].length);
  s = s.replace(CURRENCY_SUFFIX, '').replace(NO_CENTS_SUFFIX, '');
  if (!BODY.test(s)) return fail(tx.moneyUnreadable(raw));

  const parts = s.split(SEPARATOR); // digits, sep, digits, sep, ...
  let thousandsSep = '';
  let decimals = '';
  let intDigits = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const sep = /\s/.test(parts[i]) ? ' ' : parts[i];
    const group = parts[i + 1];
    const last = i + 2 >= parts.length;
    if (group.length === 3) {
      if (thousandsSep !== '' && thousandsSep !== sep) return fail(tx.moneyAmbiguous(raw));
      thousandsSep = sep;
      intDigits += group;
    } else if (last && group.length <= 2 && sep !== ' ' && sep !== thousandsSep) {
      decimals = group;
    } else {
      return fail(tx.moneyAmbiguous(raw));
    }
  }
  // "1234.567" or "0.500": thousands grouping must start with 1-3 digits and no leading zero.
  if (thousandsSep !== '' && (parts[0].length > 3 || parts[0].startsWith('0'))) {
    return fail(tx.moneyAmbiguous(raw));
  }
  const value = Number(decimals ? `${intDigits}.${decimals}` : intDigits);
  if (!Number.isFinite(value) || value > MAX_MONEY) return fail(tx.moneyTooLarge(raw));
  if (value === 0) return ok(0);
  return ok(negative ? -value : value);
}

/**
 * The SPEC's locale warning: when most non-zero amounts are below Rp 1.000, the spreadsheet's locale has
 * probably read "150.000" as 150 (no real Rupiah order or income is that small).
 */
export function implausiblySmallAmounts(amounts: number[]): boolean {
  let nonZero = 0;
  let small = 0;
  for (const a of amounts) {
    if (!Number.isFinite(a) || a === 0) continue;
    nonZero++;
    if (Math.abs(a) < 1000) small++;
  }
  return nonZero > 0 && small * 2 > nonZero;
}

// ---------------------------------------------------------------------------------------------- dates

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
/** Sheet serial dates count days from 1899-12-30 (Lotus/Excel/Sheets convention). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const MIN_SERIAL = (Date.UTC(MIN_YEAR, 0, 1) - SERIAL_EPOCH) / DAY_MS;
const MAX_SERIAL = (Date.UTC(MAX_YEAR + 1, 0, 1) - SERIAL_EPOCH) / DAY_MS;

// Time: 13:45, 13:45:10, 13.45.10 (Indonesian), fractions, AM/PM, then an optional Z or UTC offset.
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap]\.?m\.?))?(?:\s*(z|[+-]\d{2}(?::?\d{2})?))?`;
const YMD = new RegExp(String.raw`^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:t|\s+)${TIME})?$`, 'i');
const DMY = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:,?\s+${TIME})?$`, 'i');
const D_MON_Y = new RegExp(String.raw`^(\d{1,2})[\s-]+([a-z]+)\.?[\s-]+(\d{4})(?:,?\s+${TIME})?$`, 'i');

const MONTHS = new Map<string, number>();
(
  [
    ['jan', 'januari', 'january'],
    ['feb', 'februari', 'february', 'pebruari'],
    ['mar', 'maret', 'march'],
    ['apr', 'april'],
    ['mei', 'may'],
    ['jun', 'juni', 'june'],
    ['jul', 'juli', 'july'],
    ['agu', 'agt', 'agus', 'agustus', 'aug', 'august'],
    ['sep', 'sept', 'september'],
    ['okt', 'oktober', 'oct', 'october'],
    ['nov', 'nopember', 'november'],
    ['des', 'desember', 'dec', 'december'],
  ] as const
).forEach((names, i) => {
  for (const n of names) MONTHS.set(n, i + 1);
});

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Groups captured by TIME, starting at `at` in a match array. */
function timeOf(
  m: RegExpExecArray,
  at: number,
): { hour: number; minute: number; second: number; ms: number; offsetMin: number | null } | null {
  if (m[at] === undefined) return { hour: 0, minute: 0, second: 0, ms: 0, offsetMin: null };
  let hour = Number(m[at]);
  const minute = Number(m[at + 1]);
  const second = m[at + 2] === undefined ? 0 : Number(m[at + 2]);
  const ms = m[at + 3] === undefined ? 0 : Number(m[at + 3].slice(0, 3).padEnd(3, '0'));
  const ampm = m[at + 4]?.[0].toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMin: number | null = null;
  const zone = m[at + 5];
  if (zone !== undefined) {
    if (zone.toLowerCase() === 'z') offsetMin = 0;
    else {
      const digits = zone.slice(1).replace(':', '');
      const oh = Number(digits.slice(0, 2));
      const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
      if (oh > 14 || om > 59) return null;
      offsetMin = (zone[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
  }
  return { hour, minute, second, ms, offsetMin };
}

/** Year, month and day of a date text, and where its time groups start; null when no pattern fits. */
function dateParts(
  raw: string,
): { year: number; month: number; day: number; m: RegExpExecArray; timeAt: number } | null {
  const ymd = YMD.exec(raw);
  if (ymd) return { year: Number(ymd[1]), month: Number(ymd[3]), day: Number(ymd[4]), m: ymd, timeAt: 5 };
  const dmy = DMY.exec(raw);
  if (dmy) return { year: Number(dmy[4]), month: Number(dmy[3]), day: Number(dmy[1]), m: dmy, timeAt: 5 };
  const named = D_MON_Y.exec(raw);
  const month = named ? MONTHS.get(named[2].toLowerCase()) : undefined;
  if (named && month !== undefined) {
    return { year: Number(named[3]), month, day: Number(named[1]), m: named, timeAt: 4 };
  }
  return null;
}

/**
 * An instant from a date cell. A Date (a sheet date cell) is already an instant. Text: "2024-05-01 13:45[:10]",
 * "2024-05-01", "2024/05/01 13:45", "01/05/2024 13:45" (day first, the Indonesian order), "1 Mei 2024 13:45",
 * ISO with 'T' and Z/offset (then it is an instant). Local wall times are read in `timeZone`. A number is a
 * sheet serial date (days since 1899-12-30, local) when it falls between 1990 and 2100.
 */
export function parseDateValue(v: CellValue, timeZone: string, lang: Lang = 'id'): ValueResult<EpochMs> {
  const tx = importText[lang];
  if (isDate(v)) {
    const ms = v.getTime();
    return Number.isFinite(ms) ? ok(ms) : fail(tx.dateInvalid(String(v)));
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < MIN_SERIAL || v >= MAX_SERIAL)
      return fail(tx.dateSerialImplausible(String(v)));
    return ok(epochFromWallClock(SERIAL_EPOCH + Math.round(v * DAY_MS), timeZone));
  }
  if (typeof v === 'boolean') return fail(tx.dateIsBoolean);
  if (typeof v !== 'string') return emptyResult(lang);
  const raw = v.trim();
  if (raw === '') return emptyResult(lang);

  const parsed = dateParts(raw);
  if (!parsed) return fail(tx.dateUnreadable(raw));
  const { year, month, day, m, timeAt } = parsed;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail(tx.dateInvalid(raw));
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(tx.dateOutOfRange(raw));
  const time = timeOf(m, timeAt);
  if (!time) return fail(tx.timeInvalid(raw));
  const { hour, minute, second, ms, offsetMin } = time;
  if (offsetMin !== null) {
    // An explicit zone makes it an instant: the spreadsheet's zone does not apply.
    return ok(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offsetMin * 60_000);
  }
  return ok(epochFromLocal({ year, month, day, hour, minute, second }, timeZone) + ms);
}

// ---------------------------------------------------------------------------------------------- quantity

const WHOLE = /^\d+$/;

/** A line's quantity: a positive whole number, as a number cell or as digits in text. */
export function parseQuantity(v: CellValue, lang: Lang = 'id'): ValueResult<number> {
  const tx = importText[lang];
  if (isBlank(v)) return emptyResult(lang);
  if (typeof v === 'number') {
    return Number.isSafeInteger(v) && v > 0 ? ok(v) : fail(tx.quantityInvalid(String(v)));
  }
  const s = cellText(v).trim();
  if (WHOLE.test(s)) {
    const n = Number(s);
    if (Number.isSafeInteger(n) && n > 0) return ok(n);
  }
  return fail(tx.quantityInvalid(s));
}
