// getDisplayValues: a cell's text as Sheets shows it, for the number-format subset the product uses:
// date/time patterns (yyyy mm dd hh mm ss, mmm, dddd, am/pm), digit patterns ('0', '0.00', '#,##0',
// '0.##', '0%'), quoted literals ("Rp"#,##0), [$Rp-421] currency tags and ';' sections. Separators follow
// the spreadsheet locale (id_ID shows 150.000,5). Anything fancier falls back to the plain number.
import { groupDigits } from '../../src/core/format';
import { bcp47, type LocaleConventions, localeConventions } from '../../src/core/locale';
import { wallClockOf } from '../../src/core/time';
import type { CellValue } from '../../src/core/types';
import { AUTOMATIC_FORMAT, dateToSerial, isDate, isDateFormat, TEXT_FORMAT } from './cells';

type Separators = Pick<LocaleConventions, 'group' | 'decimal'>;

/** Splits a format into ';' sections, respecting quotes and escapes. */
function sections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      const stop = end < 0 ? fmt.length : end;
      cur += fmt.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function general(n: number, sep: Separators): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return sep.decimal === '.' ? s : s.replace('.', sep.decimal);
}

interface NumberPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  group: boolean;
  minFrac: number;
  maxFrac: number;
  percent: boolean;
}

const patternCache = new Map<string, NumberPattern | null>();

function numberPattern(section: string): NumberPattern | null {
  if (patternCache.has(section)) return patternCache.get(section)!;
  const p: NumberPattern = {
    prefix: '',
    suffix: '',
    minInt: 0,
    group: false,
    minFrac: 0,
    maxFrac: 0,
    percent: false,
  };
  let seenDigit = false;
  let inFrac = false;
  let ok = true;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    let lit = '';
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      lit = section.slice(i + 1, stop);
      i = stop;
    } else if (ch === '\\') {
      lit = section[i + 1] ?? '';
      i++;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const tag = section.slice(i + 1, end < 0 ? section.length : end);
      i = end < 0 ? section.length : end;
      if (tag.startsWith('$')) lit = tag.slice(1).split('-')[0];
    } else if (ch === '_' || ch === '*') {
      lit = ch === '_' ? ' ' : '';
      i++;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      seenDigit = true;
      if (inFrac) {
        p.maxFrac++;
        if (ch === '0') p.minFrac++;
      } else if (ch === '0') p.minInt++;
    } else if (ch === '.' && !inFrac) {
      inFrac = true;
    } else if (ch === ',') {
      if (seenDigit && !inFrac) p.group = true;
    } else if (ch === '%') {
      p.percent = true;
      lit = '%';
    } else if (ch === 'E' || ch === 'e') {
      ok = false; // scientific: not modelled
    } else lit = ch;
    if (lit) {
      if (seenDigit) p.suffix += lit;
      else p.prefix += lit;
    }
  }
  const result = ok && seenDigit ? p : null;
  patternCache.set(section, result);
  return result;
}

function formatNumber(n: number, fmt: string, sep: Separators): string {
  const secs = sections(fmt);
  let section = secs[0];
  let value = n;
  if (n < 0 && secs.length > 1) {
    section = secs[1];
    value = -n; // the negative section carries its own sign, e.g. (#,##0)
  } else if (n === 0 && secs.length > 2) section = secs[2];
  const p = numberPattern(section);
  if (!p) return general(n, sep);
  const x = p.percent ? value * 100 : value;
  const neg = x < 0;
  const fixed = Math.abs(x).toFixed(p.maxFrac);
  let [int, frac = ''] = fixed.split('.');
  while (frac.length > p.minFrac && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (int === '0' && p.minInt === 0) int = '';
  while (int.length < p.minInt) int = '0' + int;
  if (p.group) int = groupDigits(int, sep.group);
  const body = int + (frac ? sep.decimal + frac : '');
  const isZero = !/[1-9]/.test(body);
  return (neg && !isZero ? '-' : '') + p.prefix + (body === '' ? '0' : body) + p.suffix;
}

// ---- dates ---------------------------------------------------------------------------------------

const nameCache = new Map<string, string[]>();

function names(locale: string, kind: 'month' | 'weekday', width: 'long' | 'short'): string[] {
  const key = `${locale}|${kind}|${width}`;
  let list = nameCache.get(key);
  if (!list) {
    let f: Intl.DateTimeFormat;
    try {
      f = new Intl.DateTimeFormat(bcp47(locale), { timeZone: 'UTC', [kind]: width });
    } catch {
      f = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', [kind]: width });
    }
    list =
      kind === 'month'
        ? Array.from({ length: 12 }, (_, m) => f.format(Date.UTC(2021, m, 1)))
        : Array.from({ length: 7 }, (_, d) => f.format(Date.UTC(2021, 0, 3 + d))); // 2021-01-03 is a Sunday
    nameCache.set(key, list);
  }
  return list;
}

type DateToken = { t: string; n: number } | { lit: string };

const dateTokenCache = new Map<string, DateToken[]>();

/** Tokenises a Sheets/Excel date pattern; 'm' means minutes after an hour or before seconds. */
function dateTokens(fmt: string): DateToken[] {
  let toks = dateTokenCache.get(fmt);
  if (toks) return toks;
  toks = [];
  const section = sections(fmt)[0];
  for (let i = 0; i < section.length; ) {
    const ch = section[i];
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      toks.push({ lit: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      toks.push({ lit: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end + 1;
    } else if (/^(am\/pm|a\/p)/i.test(section.slice(i))) {
      const m = /^(am\/pm|a\/p)/i.exec(section.slice(i))!;
      toks.push({ t: 'ampm', n: m[0].length });
      i += m[0].length;
    } else if ('ydhms'.includes(lower)) {
      let j = i;
      while (j < section.length && section[j].toLowerCase() === lower) j++;
      toks.push({ t: lower, n: j - i });
      i = j;
    } else if (ch === '.' && section[i + 1] === '0') {
      let j = i + 1;
      while (section[j] === '0') j++;
      toks.push({ t: 'frac', n: j - i - 1 });
      i = j;
    } else {
      toks.push({ lit: ch });
      i++;
    }
  }
  // Resolve m → minutes by context: right after an hour field, or right before a seconds field.
  const fields = toks.filter((x): x is { t: string; n: number } => 't' in x);
  for (let k = 0; k < fields.length; k++) {
    const tk = fields[k];
    if (tk.t !== 'm' || tk.n > 2) continue;
    if (fields[k - 1]?.t === 'h' || fields[k + 1]?.t === 's') tk.t = 'min';
  }
  dateTokenCache.set(fmt, toks);
  return toks;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function formatDateWithPattern(d: Date, fmt: string, timeZone: string, locale: string): string {
  const wall = new Date(wallClockOf(d.getTime(), timeZone));
  const toks = dateTokens(fmt);
  const hasAmPm = toks.some((t) => 't' in t && t.t === 'ampm');
  const h24 = wall.getUTCHours();
  let out = '';
  for (const tk of toks) {
    if ('lit' in tk) {
      out += tk.lit;
      continue;
    }
    switch (tk.t) {
      case 'y':
        out += tk.n <= 2 ? pad(wall.getUTCFullYear() % 100, 2) : pad(wall.getUTCFullYear(), 4);
        break;
      case 'm':
        if (tk.n === 1) out += wall.getUTCMonth() + 1;
        else if (tk.n === 2) out += pad(wall.getUTCMonth() + 1, 2);
        else if (tk.n === 3) out += names(locale, 'month', 'short')[wall.getUTCMonth()];
        else out += names(locale, 'month', 'long')[wall.getUTCMonth()];
        break;
      case 'd':
        if (tk.n === 1) out += wall.getUTCDate();
        else if (tk.n === 2) out += pad(wall.getUTCDate(), 2);
        else if (tk.n === 3) out += names(locale, 'weekday', 'short')[wall.getUTCDay()];
        else out += names(locale, 'weekday', 'long')[wall.getUTCDay()];
        break;
      case 'h': {
        const h = hasAmPm ? ((h24 + 11) % 12) + 1 : h24;
        out += tk.n >= 2 ? pad(h, 2) : h;
        break;
      }
      case 'min':
        out += tk.n >= 2 ? pad(wall.getUTCMinutes(), 2) : wall.getUTCMinutes();
        break;
      case 's':
        out += tk.n >= 2 ? pad(wall.getUTCSeconds(), 2) : wall.getUTCSeconds();
        break;
      case 'frac':
        out += '.' + pad(wall.getUTCMilliseconds(), 3).slice(0, tk.n);
        break;
      case 'ampm':
        out += tk.n === 3 ? (h24 < 12 ? 'A' : 'P') : h24 < 12 ? 'AM' : 'PM';
        break;
    }
  }
  return out;
}

/** The text Sheets shows for a stored value under a number format (undefined format = automatic). */
export function displayValue(
  v: CellValue | undefined,
  fmt: string | undefined,
  timeZone: string,
  locale: string,
  defaultDateFormat: string,
): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const sep = localeConventions(locale);
  const f = fmt === undefined || fmt === AUTOMATIC_FORMAT ? undefined : fmt;
  if (isDate(v)) {
    if (f === undefined || f === TEXT_FORMAT)
      return formatDateWithPattern(v, defaultDateFormat, timeZone, locale);
    if (isDateFormat(f)) return formatDateWithPattern(v, f, timeZone, locale);
    return formatNumber(dateToSerial(v, timeZone), f, sep);
  }
  if (f === undefined || f === TEXT_FORMAT) return general(v, sep);
  if (isDateFormat(f)) {
    const wall = Math.round((v - 25569) * 86_400_000);
    return formatDateWithPattern(new Date(wall), f, 'UTC', locale);
  }
  return formatNumber(v, f, sep);
}
