// Readers of one cell of an export: what an order number and a buyer username may be, the TikTok
// description row, and the remembering wrappers the parser puts around core's value readers.
import { importText } from './text/import';
import type { CellValue, Lang } from './types';
import { cellText, isDate, type ValueResult } from './values';

const SCIENTIFIC = /^\d(?:[.,]\d+)?e\+?\d+$/i;

/** An order number: trimmed text, or a whole number written out in full. Digits already lost (a number
 *  above 2^53, or text like "5.76461E+17" from a spreadsheet that showed it in scientific notation)
 *  cannot be recovered, so they are reported instead of imported under a wrong number. */
export function readOrderSn(v: CellValue, lang: Lang = 'id'): ValueResult<string> {
  const tx = importText[lang];
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || !Number.isInteger(v) || v < 0) return fail(tx.orderSnNotInteger(String(v)));
    if (!Number.isSafeInteger(v)) return fail(tx.orderSnTooBig(String(v)));
    return { ok: true, value: String(v) };
  }
  if (typeof v === 'boolean' || isDate(v)) return fail(tx.orderSnUnreadable(cellText(v)));
  const s = typeof v === 'string' ? v.trim() : '';
  if (s === '') return { ok: false, empty: true, reason: tx.orderSnEmpty };
  if (SCIENTIFIC.test(s)) return fail(tx.orderSnTooBig(s));
  return { ok: true, value: s };
}

/** Sheets holds at most this many characters in one cell: a longer stored value would fail the write. */
export const MAX_CELL_CHARS = 50_000;
/** Marketplace usernames are a few dozen characters; a longer value is not a username (and the buyer key
 *  `username|40-hex` written to the Segments sheet must still fit in one cell). */
export const MAX_USERNAME_CHARS = 1_000;

/** A buyer username: trimmed text, required, of a plausible length. */
export function readUsername(v: CellValue, lang: Lang = 'id'): ValueResult<string> {
  const tx = importText[lang];
  const s = cellText(v).trim();
  if (s === '') return { ok: false, empty: true, reason: tx.usernameEmpty };
  if (s.length > MAX_USERNAME_CHARS) return fail(tx.usernameTooLong(MAX_USERNAME_CHARS));
  return { ok: true, value: s };
}

function fail(reason: string): ValueResult<never> {
  return { ok: false, empty: false, reason };
}

/** TikTok puts a row of column descriptions under its header ("Platform unique order ID."): an order
 *  number never contains white space between words, a description does. The first data row of a block is
 *  skipped when its order cell is one. */
export function isDescription(v: CellValue): boolean {
  return typeof v === 'string' && /\S\s+\S/.test(v.trim()) && /[a-z]{2}/i.test(v);
}

/** Remembers the last input and result of a pure reader. */
export function rememberLast<T>(read: (v: CellValue) => T): (v: CellValue) => T {
  let last: CellValue | undefined;
  let result: T | undefined;
  return (v) => {
    if (v !== last || result === undefined) {
      last = v;
      result = read(v);
    }
    return result;
  };
}

/** A pure reader's results for text cells, remembered per text (at most REMEMBERED of them: a hostile file
 *  with a distinct value on every row cannot grow it without end). */
const REMEMBERED = 4096;
export function remembered<T>(read: (v: CellValue) => T): (v: CellValue) => T {
  const known = new Map<string, T>();
  return (v) => {
    if (typeof v !== 'string') return read(v);
    let r = known.get(v);
    if (r === undefined) {
      if (known.size >= REMEMBERED) known.clear();
      r = read(v);
      known.set(v, r);
    }
    return r;
  };
}
