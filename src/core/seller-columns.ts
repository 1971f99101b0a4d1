// The seller's own columns on the Segments sheet (a follow-up tick, a note or a WhatsApp-link formula per
// customer): Segments is rewritten whole at every run, in a new row order, so their cells are carried by
// buyer key into the new sheet, a formula moved with its row as a copy and paste would; a row whose
// customer is no longer segmented keeps its cells in a row of its own under the table. Nothing the seller
// typed there is dropped.
import { TEXT_FORMAT } from './table';
import type { CellValue } from './types';

/** The seller's columns as read from the old sheet: headers, and each data row's sheet row, key, values,
 *  formulas ('' where a cell holds none) and number formats. */
export interface SellerCells {
  headers: CellValue[];
  rows: {
    row: number;
    key: string;
    cells: CellValue[];
    formulas: string[];
    formats: string[];
    /** Data validation rules (a checkbox), opaque here; null where a cell has none. */
    rules: unknown[];
  }[];
}

export interface CarriedCells {
  headers: CellValue[];
  /** What to write, a row per new Segments row then a row per leftover (blank for nobody's). */
  cells: CellValue[][];
  /** Their number formats, cell by cell (a blank row's the column's first). */
  formats: string[][];
  /** Their validation rules the same way (a checkbox column stays one); null when no cell has a rule. */
  rules: unknown[][] | null;
  /** Keys of the rows the new table had no place for (customer gone, key blank or repeated), in order:
   *  they follow the table's rows. */
  leftovers: string[];
}

const blank = (v: CellValue) => v === '' || v === null || v === undefined;

/**
 * Carries `old` into a table whose data rows are `newKeys` from sheet row `firstRow`: columns with neither
 * header nor a value are dropped; a key's first row goes to that key's new row; every other row holding a
 * value becomes a leftover row under the table. Values are written as literal values, formulas shifted.
 */
export function carrySellerCells(old: SellerCells, newKeys: readonly string[], firstRow = 2): CarriedCells {
  const used = old.headers
    .map((_, j) => j)
    .filter((j) => !blank(old.headers[j]) || old.rows.some((r) => !blank(r.cells[j]) || r.formulas[j]));
  const byKey = new Map<string, SellerCells['rows'][number]>();
  const rest: SellerCells['rows'] = [];
  const wanted = new Set(newKeys);
  for (const row of old.rows) {
    if (used.every((j) => blank(row.cells[j]) && !row.formulas[j])) continue;
    if (row.key !== '' && wanted.has(row.key) && !byKey.has(row.key)) byKey.set(row.key, row);
    else rest.push(row);
  }
  const write = (r: SellerCells['rows'][number] | undefined, to: number): CellValue[] =>
    used.map((j) => {
      if (!r) return '';
      const f = r.formulas[j];
      if (f) return shiftRows(f, to - r.row);
      // A plain-text cell takes text as it comes; elsewhere an apostrophe keeps it text.
      return r.formats[j] === TEXT_FORMAT ? (r.cells[j] ?? '') : literalCell(r.cells[j] ?? '');
    });
  const columnFormat = used.map((j) => old.rows[0]?.formats[j] ?? '');
  const formatsOf = (r: SellerCells['rows'][number] | undefined) =>
    used.map((j, i) => (r ? r.formats[j] : columnFormat[i]) ?? '');
  const columnRule = used.map((j) => old.rows.find((r) => r.rules[j] != null)?.rules[j] ?? null);
  const rulesOf = (r: SellerCells['rows'][number] | undefined) =>
    used.map((j, i) => (r ? (r.rules[j] ?? null) : columnRule[i]));
  const targets = [...newKeys.map((k) => byKey.get(k)), ...rest];
  return {
    headers: used.map((j) => old.headers[j]),
    cells: targets.map((r, i) => write(r, firstRow + i)),
    formats: targets.map(formatsOf),
    rules: columnRule.some((v) => v !== null) ? targets.map(rulesOf) : null,
    leftovers: rest.map((r) => r.key),
  };
}

/** A value written back as it was: text with a leading apostrophe, which Sheets stores as literal text
 *  (never a formula, a number or a date); numbers, booleans and dates as they are. */
export function literalCell(v: CellValue): CellValue {
  return typeof v === 'string' && v !== '' ? `'${v}` : v;
}

// A cell reference (A1, $B$7, Sheet1!C3): not inside a name (LOG10, A1B), not a function call.
const CELL_REF = /(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]+)(?![A-Za-z0-9_(!])/g;

/**
 * An A1 formula moved `delta` rows, as Sheets shifts one copied and pasted: every relative row number moves,
 * `$`-anchored ones stay; text inside double quotes is left alone. (Whole-row references such as 3:5 are
 * not shifted.)
 */
export function shiftRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(CELL_REF, (all, c$, col, r$, row) =>
            r$ ? all : `${c$}${col}${r$}${Math.max(1, Number(row) + delta)}`,
          ),
    )
    .join('');
}
