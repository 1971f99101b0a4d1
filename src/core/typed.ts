// Which strings Sheets keeps exactly as written into a cell of automatic format (appendRow and setValues
// parse a string as if typed: '=…' is a formula, '007' a number, '5/3' or 'Mei 2024' a date, 'Rp5' money,
// 'TRUE' a boolean). A write that cannot set the cells' number format first (the one-call save of a name)
// is made only with strings these rules pass; anything else takes the path that formats the cells as text.
// The rules are deliberately narrower than Sheets' parser: a string they refuse merely costs a few calls.

/** Month names and abbreviations (English and Indonesian) and the words of money and time of day: beside a
 *  digit, Sheets may read a date, an amount or a time. */
const DATE_OR_MONEY_WORDS = new Set(
  [
    'jan feb mar apr may mei jun jul aug agu agt ags sep sept oct okt nov dec des',
    'january february march april june july august september october november december',
    'januari februari maret juni juli agustus oktober desember',
    'rp idr usd us eur sgd myr am pm e',
  ]
    .join(' ')
    .split(' '),
);

/** The most words a date, amount or time Sheets reads can have ('Senin 5 Mei 2024 10.00 WIB' is six). */
const MAX_DATE_WORDS = 6;

const BOOLEAN_WORDS = /^(true|false|benar|salah)$/i;

/**
 * Whether Sheets stores `s` as this very text when written into a cell of automatic number format: it
 * starts with a letter (no formula, sign, number, quote or error literal), is not a boolean word, and when
 * it holds a digit no word of it names a month or a currency or the time of day (checked only for a
 * short string: a date, an amount or a time is a few words, an address with a house number is many).
 */
export function keptAsTyped(s: string): boolean {
  if (s === '') return true;
  if (!/^\p{L}/u.test(s) || BOOLEAN_WORDS.test(s.trim())) return false;
  if (!/\p{N}/u.test(s) || s.trim().split(/\s+/).length > MAX_DATE_WORDS) return true;
  return s
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .every((w) => !DATE_OR_MONEY_WORDS.has(w));
}

/** Whether an address identifier (40 hex digits) is kept as typed: any but one made of digits alone, with
 *  at most one 'e' between them (which Sheets reads as a number). */
export function hexKeptAsTyped(id: string): boolean {
  return /^[0-9a-f]{40}$/.test(id) && !/^[0-9]+(e[0-9]+)?$/.test(id);
}
