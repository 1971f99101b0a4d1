// Cell storage and the rules Sheets applies when a value is written or read.
// Storage is one sparse layer per attribute (value, formula, format, background, …); a layer is an array
// of row arrays, so a million cells are a few thousand arrays, not a million objects.
import { type LocaleConventions, localeConventions } from '../../src/core/locale';
import { DAY_MS, epochFromWallClock, wallClockOf } from '../../src/core/time';
import type { CellValue } from '../../src/core/types';

export type { CellValue };

/** Works for Dates from any realm (a bundle's vm context has its own Date). */
export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/**
 * A sparse 2-D layer, 0-based. Invariants: a row array has no trailing `undefined`, and `rows` has no
 * trailing empty rows, so the last used row is `rows.length` and a row is used iff its length > 0.
 */
export class Layer<T> {
  rows: (T | undefined)[][] = [];
  private lastColCache = -1;

  get(r: number, c: number): T | undefined {
    const row = this.rows[r];
    return row === undefined ? undefined : row[c];
  }

  row(r: number): readonly (T | undefined)[] | undefined {
    return this.rows[r];
  }

  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (v === undefined) {
      if (!row || c >= row.length) return;
      row[c] = undefined;
      this.trimRow(r);
      return;
    }
    if (!row) {
      while (this.rows.length < r) this.rows.push([]);
      row = this.rows[r] = [];
    }
    while (row.length < c) row.push(undefined);
    row[c] = v;
    this.lastColCache = -1;
  }

  /** Writes a rectangle: `value(i, j)` for i < numRows, j < numCols at (r0 + i, c0 + j). */
  fill(
    r0: number,
    c0: number,
    numRows: number,
    numCols: number,
    value: (i: number, j: number) => T | undefined,
  ) {
    for (let i = 0; i < numRows; i++) {
      const r = r0 + i;
      let row = this.rows[r];
      for (let j = 0; j < numCols; j++) {
        const v = value(i, j);
        if (v === undefined) {
          if (row && c0 + j < row.length) row[c0 + j] = undefined;
          continue;
        }
        if (!row) {
          while (this.rows.length < r) this.rows.push([]);
          row = this.rows[r] = [];
        }
        while (row.length < c0 + j) row.push(undefined);
        row[c0 + j] = v;
      }
      if (row) this.trimRow(r, false);
    }
    this.trimTail();
    this.lastColCache = -1;
  }

  clearRect(r0: number, c0: number, numRows: number, numCols: number): void {
    const end = Math.min(this.rows.length, r0 + numRows);
    for (let r = r0; r < end; r++) {
      const row = this.rows[r];
      if (!row || row.length <= c0) continue;
      const stop = Math.min(row.length, c0 + numCols);
      for (let c = c0; c < stop; c++) row[c] = undefined;
      this.trimRow(r, false);
    }
    this.trimTail();
    this.lastColCache = -1;
  }

  private trimRow(r: number, tail = true): void {
    const row = this.rows[r];
    let n = row.length;
    while (n > 0 && row[n - 1] === undefined) n--;
    row.length = n;
    if (tail) this.trimTail();
    this.lastColCache = -1;
  }

  private trimTail(): void {
    let n = this.rows.length;
    while (n > 0 && (this.rows[n - 1] === undefined || this.rows[n - 1].length === 0)) n--;
    this.rows.length = n;
  }

  /** Number of used rows (the last used row, 1-based), 0 when empty. */
  usedRows(): number {
    return this.rows.length;
  }

  /** The last used column, 1-based, 0 when empty. Cached: computing it scans every row. */
  usedCols(): number {
    if (this.lastColCache < 0) {
      let m = 0;
      for (const row of this.rows) if (row && row.length > m) m = row.length;
      this.lastColCache = m;
    }
    return this.lastColCache;
  }

  insertRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...Array.from({ length: n }, () => []));
  }

  deleteRows(at: number, n: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, n);
    this.trimTail();
    this.lastColCache = -1;
  }

  insertCols(at: number, n: number): void {
    for (const row of this.rows) if (row && row.length > at) row.splice(at, 0, ...new Array<undefined>(n));
    this.lastColCache = -1;
  }

  deleteCols(at: number, n: number): void {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row && row.length > at) {
        row.splice(at, n);
        this.trimRow(r, false);
      }
    }
    this.trimTail();
    this.lastColCache = -1;
  }

  clear(): void {
    this.rows = [];
    this.lastColCache = -1;
  }
}

// ---- Values as Sheets parses them -------------------------------------------------------------------

/** The number format Sheets reports for a cell nobody formatted ("automatic"). */
export const AUTOMATIC_FORMAT = '0.###############';
export const TEXT_FORMAT = '@';

const NUMBER_LIKE = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

export interface Written {
  value: CellValue | undefined; // undefined = blank
  formula?: string;
  /** Set when Sheets would pick a format by itself (a date written or typed into an automatic cell). */
  autoFormat?: 'datetime' | 'date';
}

/** The spreadsheet's settings that decide how Sheets reads a typed string. */
export interface InputContext {
  locale: string;
  timeZone: string;
}

/**
 * What a cell holds after `setValue(v)`, given its number format. Sheets parses strings written by
 * setValue(s) as if typed ("the same rules that are applied when entering text into a cell via the Google
 * Sheets UI", Sheets API ValueInputOption USER_ENTERED) — unless the cell is plain text ('@'):
 *   - '=…' becomes a formula; a leading apostrophe forces text and is not stored;
 *   - with `ctx` (the spreadsheet's locale and zone): dates (inputDate) and the locale's number separators
 *     (inputNumber: '150.000' is 150000 in id_ID, 150 in en_US);
 *   - number-like strings ('123', '+1', '-5', '1.5', '007', '1e3') become numbers.
 * Not modelled: times alone, percentages, currency ('Rp 150.000' stays text), month names.
 */
export function parseWritten(v: unknown, format: string | undefined, ctx?: InputContext): Written {
  if (v === null || v === undefined || v === '') return { value: undefined };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : '#NUM!' };
  if (typeof v === 'boolean') return { value: v };
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return { value: 'Invalid Date' };
    return { value: new Date(t), autoFormat: format === undefined ? 'datetime' : undefined };
  }
  const s = typeof v === 'string' ? v : String(v);
  if (format === TEXT_FORMAT) return { value: s };
  if (s.length > 1 && s.charCodeAt(0) === 61 /* = */) return { value: FORMULA_VALUE, formula: s };
  if (s.charCodeAt(0) === 39 /* ' */) return { value: s.length > 1 ? s.slice(1) : undefined };
  if (ctx) {
    const date = inputDate(s, ctx);
    if (date) {
      const kind = date.time ? 'datetime' : 'date';
      return { value: date.value, autoFormat: format === undefined ? kind : undefined };
    }
    const n = inputNumber(s, ctx.locale);
    if (n !== null) return { value: n };
  }
  if (NUMBER_LIKE.test(s)) return { value: Number(s) };
  return { value: s };
}

// ISO order (DATEVALUE's documented "1969-7-20", in every language of its help page), optionally with a time.
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// The locale's short order ("7/20/1969" in en_US; day first in id_ID), the year optional.
const SHORT_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A typed date as Sheets reads it, in the spreadsheet's zone: ISO 'yyyy-mm-dd[ hh:mm[:ss]]' (also with '/')
 * in any locale, and 'd/m[/y]' or 'm/d[/y]' by the locale's date order. A missing year is the current one
 * (DATEVALUE's rule); a two-digit year is 2000–2029 below 30, else 1900s (an assumption: Excel's rule).
 */
export function inputDate(text: string, ctx: InputContext): { value: Date; time: boolean } | null {
  const s = text.trim();
  let y: number;
  let mo: number;
  let d: number;
  let m = ISO_DATE.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = SHORT_DATE.exec(s);
    if (!m) return null;
    const [a, b] = [Number(m[1]), Number(m[2])];
    [d, mo] = localeConventions(ctx.locale).dayFirst ? [a, b] : [b, a];
    if (m[3] === undefined) y = new Date(wallClockOf(Date.now(), ctx.timeZone)).getUTCFullYear();
    else y = m[3].length === 4 ? Number(m[3]) : Number(m[3]) + (Number(m[3]) < 30 ? 2000 : 1900);
  }
  const time = m[4] !== undefined;
  const [h, min, sec] = time ? [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)] : [0, 0, 0];
  if (h > 23 || min > 59 || sec > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, min, sec);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return { value: new Date(epochFromWallClock(wall, ctx.timeZone)), time };
}

const numberPatterns = new Map<
  string,
  { grouped: RegExp; decimal: RegExp | null; conv: LocaleConventions }
>();

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number written with the locale's separators: thousands grouped by threes ('150.000' and '1.234,5' in
 * id_ID, '1,234.5' in en_US) and, where the decimal separator is a comma, '1,5'. Null for anything else
 * (plain '1.5' is left to the number-like rule, so it stays 1.5 in every locale).
 */
export function inputNumber(text: string, locale: string): number | null {
  let p = numberPatterns.get(locale);
  if (!p) {
    const conv = localeConventions(locale);
    // A no-break space groups in some locales (fr_FR): a typed plain space does too.
    const group = /\s/.test(conv.group) ? `[${escapeRe(conv.group)} ]` : escapeRe(conv.group);
    const dec = escapeRe(conv.decimal);
    p = {
      conv,
      grouped: new RegExp(`^[+-]?\\d{1,3}(?:${group}\\d{3})+(?:${dec}\\d+)?$`),
      decimal: conv.decimal === '.' ? null : new RegExp(`^[+-]?\\d+${dec}\\d+$`),
    };
    numberPatterns.set(locale, p);
  }
  const s = text.trim();
  if (!p.grouped.test(s) && !p.decimal?.test(s)) return null;
  let plain = '';
  for (const ch of s) {
    if (ch === p.conv.decimal) plain += '.';
    else if (ch === '+' || ch === '-' || (ch >= '0' && ch <= '9')) plain += ch;
  }
  return Number(plain);
}

/** What getValues returns for a formula: the runtime has no formula engine (Sheets: an error value). */
export const FORMULA_VALUE = '#NAME?';

// ---- Dates as serial numbers in the spreadsheet's time zone -----------------------------------------

const EPOCH_SERIAL = 25569; // 1970-01-01 as a Sheets/Excel serial (day 0 = 1899-12-30)

export function dateToSerial(d: Date, timeZone: string): number {
  return wallClockOf(d.getTime(), timeZone) / DAY_MS + EPOCH_SERIAL;
}

export function serialToDate(serial: number, timeZone: string): Date {
  const wall = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  return new Date(epochFromWallClock(wall, timeZone));
}

// ---- Number formats: which ones make a cell a date --------------------------------------------------

const dateFormatCache = new Map<string, boolean>();

/** True for formats with date/time tokens outside quotes ('yyyy-mm-dd', 'M/d/yyyy H:mm:ss', 'hh:mm'). */
export function isDateFormat(fmt: string): boolean {
  let r = dateFormatCache.get(fmt);
  if (r === undefined) {
    const bare = fmt
      .replace(/"[^"]*"/g, '')
      .replace(/\\./g, '')
      .replace(/\[[^\]]*\]/g, '');
    r = fmt !== TEXT_FORMAT && /[ydhsm]/i.test(bare) && !/^general$/i.test(bare.trim());
    dateFormatCache.set(fmt, r);
  }
  return r;
}

/** Explicit numeric formats ('0', '#,##0', '"Rp"#,##0.00'): a Date written there reads back as a number. */
export function isNumericFormat(fmt: string | undefined): boolean {
  return fmt !== undefined && fmt !== TEXT_FORMAT && !isDateFormat(fmt);
}

/** The format Sheets picks when a Date lands in an automatic cell (depends on the locale); a typed date
 *  without a time gets the date part only. */
export function defaultDateTimeFormat(locale: string, kind: 'date' | 'datetime' = 'datetime'): string {
  const us = /^en_US$/i.test(locale);
  if (kind === 'date') return us ? 'M/d/yyyy' : 'dd/MM/yyyy';
  return us ? 'M/d/yyyy H:mm:ss' : 'dd/MM/yyyy HH:mm:ss';
}
