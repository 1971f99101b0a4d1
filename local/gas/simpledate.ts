// Utilities.formatDate: Java SimpleDateFormat patterns (Apps Script's), English names.
//   G y Y M L w D d F E u a H k K h m s S z Z X, quoted text 'like this', '' for a quote.
// Time zones: IANA names, 'GMT'/'UTC', 'GMT+7', 'GMT+07:00'. Like Java, an unknown zone means GMT.
import { tzOffsetMs } from '../../src/core/time';

const MONTHS = [
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
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIELDS = 'GyYMLwWDdFEuaHkKhmsSzZX';

type Token = { lit: string } | { f: string; n: number };

const patternCache = new Map<string, Token[]>();

function tokens(pattern: string): Token[] {
  let toks = patternCache.get(pattern);
  if (toks) return toks;
  toks = [];
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        toks.push({ lit: "'" });
        i += 2;
        continue;
      }
      let text = '';
      let j = i + 1;
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j++;
          } else break;
        } else text += pattern[j];
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      toks.push({ lit: text });
      i = j + 1;
    } else if (/[a-zA-Z]/.test(ch)) {
      if (!FIELDS.includes(ch)) throw new Error(`Illegal pattern character '${ch}'`);
      let j = i;
      while (pattern[j] === ch) j++;
      toks.push({ f: ch, n: j - i });
      i = j;
    } else {
      toks.push({ lit: ch });
      i++;
    }
  }
  patternCache.set(pattern, toks);
  return toks;
}

interface Zone {
  id: string;
  offset(t: number): number;
}

const zoneCache = new Map<string, Zone>();

export function resolveZone(timeZone: string): Zone {
  let z = zoneCache.get(timeZone);
  if (z) return z;
  const fixed = /^(?:GMT|UTC)(?:([+-])(\d{1,2})(?::?(\d{2}))?)?$/i.exec(timeZone.trim());
  if (fixed) {
    const ms = fixed[1]
      ? (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0)) * 60_000
      : 0;
    z = { id: timeZone, offset: () => ms };
  } else {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      z = { id: timeZone, offset: (t) => tzOffsetMs(t, timeZone) };
    } catch {
      z = { id: 'GMT', offset: () => 0 };
    }
  }
  zoneCache.set(timeZone, z);
  return z;
}

const pad = (n: number, w: number) =>
  n < 0 ? '-' + String(-n).padStart(w, '0') : String(n).padStart(w, '0');

function offsetString(ms: number, style: 'Z' | 'X1' | 'X2' | 'X3'): string {
  if (ms === 0 && style !== 'Z') return 'Z';
  const sign = ms < 0 ? '-' : '+';
  const mins = Math.abs(ms) / 60_000;
  const hh = pad(Math.floor(mins / 60), 2);
  const mm = pad(Math.round(mins % 60), 2);
  if (style === 'X1') return sign + hh + (mm === '00' ? '' : mm);
  if (style === 'X3') return `${sign}${hh}:${mm}`;
  return sign + hh + mm;
}

function zoneName(t: number, zone: Zone, long: boolean): string {
  if (zone.id === 'GMT' || /^(GMT|UTC)$/i.test(zone.id))
    return long ? 'Greenwich Mean Time' : zone.id.toUpperCase();
  if (/^(GMT|UTC)[+-]/i.test(zone.id)) return 'GMT' + offsetString(zone.offset(t), 'X3');
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone.id, timeZoneName: long ? 'long' : 'short' })
    .formatToParts(t)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone.id;
}

export function simpleDateFormat(date: Date, timeZone: string, pattern: string): string {
  const t = date.getTime();
  const zone = resolveZone(timeZone);
  const off = zone.offset(t);
  const w = new Date(t + off); // wall clock, read with getUTC*
  const year = w.getUTCFullYear();
  const startOfYear = Date.UTC(year, 0, 1);
  const dayOfYear =
    Math.floor((Date.UTC(year, w.getUTCMonth(), w.getUTCDate()) - startOfYear) / 86_400_000) + 1;
  const h = w.getUTCHours();
  let out = '';
  for (const tk of tokens(pattern)) {
    if ('lit' in tk) {
      out += tk.lit;
      continue;
    }
    const n = tk.n;
    switch (tk.f) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? MONTHS[w.getUTCMonth()]
            : n === 3
              ? MONTHS[w.getUTCMonth()].slice(0, 3)
              : pad(w.getUTCMonth() + 1, n);
        break;
      case 'w': {
        // US weeks: Sunday first, week 1 contains January 1st.
        const jan1 = new Date(startOfYear).getUTCDay();
        out += pad(Math.floor((dayOfYear - 1 + jan1) / 7) + 1, n);
        break;
      }
      case 'W': {
        const first = new Date(Date.UTC(year, w.getUTCMonth(), 1)).getUTCDay();
        out += pad(Math.floor((w.getUTCDate() - 1 + first) / 7) + 1, n);
        break;
      }
      case 'D':
        out += pad(dayOfYear, n);
        break;
      case 'd':
        out += pad(w.getUTCDate(), n);
        break;
      case 'F':
        out += pad(Math.floor((w.getUTCDate() - 1) / 7) + 1, n);
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.getUTCDay()] : DAYS[w.getUTCDay()].slice(0, 3);
        break;
      case 'u':
        out += pad(w.getUTCDay() === 0 ? 7 : w.getUTCDay(), n);
        break;
      case 'a':
        out += h < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(h, n);
        break;
      case 'k':
        out += pad(h === 0 ? 24 : h, n);
        break;
      case 'K':
        out += pad(h % 12, n);
        break;
      case 'h':
        out += pad(h % 12 === 0 ? 12 : h % 12, n);
        break;
      case 'm':
        out += pad(w.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(w.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(w.getUTCMilliseconds(), n);
        break;
      case 'z':
        out += zoneName(t, zone, n >= 4);
        break;
      case 'Z':
        out += offsetString(off, 'Z');
        break;
      case 'X':
        out += offsetString(off, n === 1 ? 'X1' : n === 2 ? 'X2' : 'X3');
        break;
    }
  }
  return out;
}
