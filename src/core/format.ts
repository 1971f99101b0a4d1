// Display formatting shared by the sidebars and the sheet writers: Rupiah, counts, dates, relative days.
// Hand-written rather than Intl's 'id-ID' locale: Apps Script's and browsers' ICU data differ (and older
// engines ship only 'en'), and a seller must see the same "Rp 1.234.567" everywhere.
import { localParts } from './time';
import type { Lang } from './types';

// The formatter's locale data (like a CLDR table): kept here, next to the only code that reads it.
const id = {
  months: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  /** Indonesian writes times as 13.45 (PUEBI), English as 13:45. */
  timeSeparator: '.',
  today: 'hari ini',
  yesterday: 'kemarin',
  tomorrow: 'besok',
  daysAgo: (n: string) => `${n} hari lalu`,
  inDays: (n: string) => `dalam ${n} hari`,
  /** Thousands separator for plain counts. */
  group: '.',
  decimal: ',',
};

const en: typeof id = {
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  timeSeparator: ':',
  today: 'today',
  yesterday: 'yesterday',
  tomorrow: 'tomorrow',
  daysAgo: (n: string) => (n === '1' ? '1 day ago' : `${n} days ago`),
  inDays: (n: string) => (n === '1' ? 'in 1 day' : `in ${n} days`),
  group: ',',
  decimal: '.',
};

export const formatText = { id, en };

/** What a missing value (null, NaN, unreadable date) looks like: visible, never a fake 0. */
export const MISSING = '—';

/** Digits with `sep` between every three from the right ("1234567" → "1.234.567"). */
export function groupDigits(digits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}

/** Whole part grouped, plus up to two decimals when the value is not whole (trailing zeros kept: ",50"). */
function formatAmount(abs: number, group: string, decimal: string): string {
  const cents = Math.round(abs * 100);
  const whole = Math.floor(cents / 100);
  const frac = cents % 100;
  // toFixed(0) keeps large integers in plain digits (String(1e21) would give exponent notation).
  const digits = whole.toFixed(0);
  const grouped = groupDigits(digits, group);
  return frac === 0 ? grouped : `${grouped}${decimal}${String(frac).padStart(2, '0')}`;
}

/** "Rp 1.234.567", "-Rp 5.000": whole rupiah (sen are noise to a seller, and the sheets' number format
 *  '"Rp "#,##0' shows none either). Rupiah is written the Indonesian way in both languages.
 *  NaN/Infinity (a bug upstream) shows as "—" rather than a made-up amount. */
export function formatRupiah(n: number): string {
  if (!Number.isFinite(n)) return MISSING;
  const body = formatAmount(Math.round(Math.abs(n)), '.', ',');
  // A value that rounds to zero is "Rp 0", never "-Rp 0".
  const negative = n < 0 && body !== '0';
  return `${negative ? '-' : ''}Rp ${body}`;
}

/** A count or quantity with the language's grouping: "1.234" (id), "1,234" (en). */
export function formatNumber(n: number, lang: Lang = 'id'): string {
  if (!Number.isFinite(n)) return MISSING;
  const x = formatText[lang];
  const body = formatAmount(Math.abs(n), x.group, x.decimal);
  return `${n < 0 && body !== '0' ? '-' : ''}${body}`;
}

export interface DateFormatOptions {
  /** Include the time of day (default true). */
  time?: boolean;
}

/** "1 Mei 2024 13.45" (id) or "1 May 2024 13:45" (en), in the spreadsheet's time zone.
 *  null/empty gives "—"; text that is not a date is shown as it is, so the seller still sees it.
 *  An unknown time zone throws (RangeError): better loud than silently in the wrong zone. */
export function formatDateId(
  iso: string | null | undefined,
  timeZone: string,
  lang: Lang = 'id',
  options: DateFormatOptions = {},
): string {
  if (iso === null || iso === undefined || iso.trim() === '') return MISSING;
  const epoch = Date.parse(iso);
  if (Number.isNaN(epoch)) return iso;
  const x = formatText[lang];
  const p = localParts(epoch, timeZone);
  const date = `${p.day} ${x.months[p.month - 1]} ${p.year}`;
  if (options.time === false) return date;
  const hh = String(p.hour).padStart(2, '0');
  const mm = String(p.minute).padStart(2, '0');
  return `${date} ${hh}${x.timeSeparator}${mm}`;
}

/** "hari ini", "kemarin", "3 hari lalu" / "today", "yesterday", "3 days ago"; future days read "dalam 2 hari". */
export function formatRelativeDays(days: number | null | undefined, lang: Lang = 'id'): string {
  if (days === null || days === undefined || !Number.isFinite(days)) return MISSING;
  const x = formatText[lang];
  const d = Math.trunc(days);
  if (d === 0) return x.today;
  if (d === 1) return x.yesterday;
  if (d === -1) return x.tomorrow;
  return d > 0 ? x.daysAgo(formatNumber(d, lang)) : x.inDays(formatNumber(-d, lang));
}
