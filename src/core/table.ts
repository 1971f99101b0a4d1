// A sheet Kenali owns, declared once: its name and its columns ({header, kind, required, width} and the
// record field each holds). Readers, writers, number formats, widths and the read model all derive from
// the declaration, and columns are found by header wherever the seller moved them: a column the seller
// added is never read or written, and a sheet whose required header is missing is refused by name.
import { readOrderSn, readUsername } from './fields';
import { type AliasTable, compileAliases, matchColumns, normaliseHeader } from './headers';
import { columns as columnNotes } from './text/columns';
import { importText } from './text/import';
import type { CellValue, Lang, Problem, ProblemCode } from './types';
import { cellText, isBlank, parseDateValue, parseMoney, parseQuantity, type ValueResult } from './values';

/** What a column holds: it decides the number format (text columns are plain text: never a formula). */
export type ColumnKind = 'text' | 'money' | 'date' | 'datetime' | 'integer' | 'number' | 'percent';

/** Plain text: Sheets stores what we write as a string, so '=IMPORTXML(…)' never becomes a formula. */
export const TEXT_FORMAT = '@';

export const NUMBER_FORMATS: Readonly<Record<ColumnKind, string>> = {
  text: TEXT_FORMAT,
  // "Rp 1.234.567": the sidebars' formatRupiah, the space and whole rupiah included.
  money: '"Rp "#,##0',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  integer: '0',
  number: '0.##',
  percent: '0.0%',
};

export interface CodecContext {
  timeZone: string;
  lang: Lang;
}

/** How a record field becomes a cell and back. `read` reports why a cell cannot be read. */
export interface Codec<T> {
  read(v: CellValue, c: CodecContext): ValueResult<T>;
  write(x: T): CellValue;
}

export interface Column {
  /** The canonical header Kenali writes (snake_case). */
  header: string;
  kind: ColumnKind;
  /** Readers refuse a sheet without it (writers too); an optional column missing is added by writers. */
  required: boolean;
  /** Width in pixels, for sheets Kenali creates. */
  width?: number;
  /** The record field this column holds and how; none for columns a sheet's own code fills. */
  field?: string;
  codec?: Codec<unknown>;
  /** Other headers accepted for this column when reading (a marketplace's own header). */
  aliases?: readonly string[];
}

export interface SheetDecl {
  sheet: string;
  columns: readonly Column[];
}

/** The note on a column's header cell in the seller's language: what the snake_case header holds ('' for a
 *  column without one). */
export function headerNote(decl: SheetDecl, header: string, lang: Lang): string {
  const notes: Record<string, string> = columnNotes[lang];
  return notes[`${decl.sheet}.${header}`] ?? notes[header] ?? '';
}

// ---------------------------------------------------------------------------------------------- codecs

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });

/** Free text, kept exactly (addresses, product names). */
export const TEXT: Codec<string> = { read: (v) => ok(cellText(v)), write: (s) => s };
/** Text whose surrounding white space means nothing (statuses, hashes). */
export const TRIMMED: Codec<string> = { read: (v) => ok(cellText(v).trim()), write: (s) => s };
export const ORDER_SN: Codec<string> = { read: (v, c) => readOrderSn(v, c.lang), write: (s) => s };
export const USERNAME: Codec<string> = { read: (v, c) => readUsername(v, c.lang), write: (s) => s };
export const MONEY: Codec<number> = { read: (v, c) => parseMoney(v, c.lang), write: (n) => n };
/** An amount that may be unknown: blank reads as null and null writes as blank. */
export const MONEY_OR_NULL: Codec<number | null> = {
  read: (v, c) => {
    const r = parseMoney(v, c.lang);
    return r.ok || !r.empty ? r : ok(null);
  },
  write: (n) => n ?? '',
};
/** An instant: a date cell or a local date text in the spreadsheet's zone; written as a Date. */
export const INSTANT: Codec<number> = {
  read: (v, c) => parseDateValue(v, c.timeZone, c.lang),
  write: (t) => new Date(t),
};
/** An instant that may be unknown (null: a blank cell). */
export const INSTANT_OR_NULL: Codec<number | null> = {
  read: (v, c) => {
    const r = parseDateValue(v, c.timeZone, c.lang);
    return r.ok || !r.empty ? r : ok(null);
  },
  write: (t) => (t === null ? '' : new Date(t)),
};
export const QUANTITY: Codec<number> = { read: (v, c) => parseQuantity(v, c.lang), write: (n) => n };
/** A count Kenali wrote (0 or more); blank reads as 0. */
export const COUNT: Codec<number> = {
  read: (v, c) => {
    if (isBlank(v)) return ok(0);
    const n = typeof v === 'number' ? v : Number(cellText(v).trim());
    return Number.isInteger(n) && n >= 0
      ? ok(n)
      : { ok: false, empty: false, reason: importText[c.lang].notANumber };
  },
  write: (n) => n,
};
/** A sum Kenali wrote; blank reads as 0. */
export const AMOUNT: Codec<number> = {
  read: (v, c) => (isBlank(v) ? ok(0) : parseMoney(v, c.lang)),
  write: (n) => n,
};

// ---------------------------------------------------------------------------------------------- layout

/** Where each declared column is in a sheet, by header (0-based), and which required ones are missing. */
export interface Layout {
  decl: SheetDecl;
  /** 0-based column index per canonical header. */
  at: ReadonlyMap<string, number>;
  missing: readonly Column[];
  /** Declared but absent optional columns. */
  absent: readonly Column[];
}

const aliasTables = new WeakMap<SheetDecl, AliasTable<string>>();

function aliasTable(decl: SheetDecl): AliasTable<string> {
  let t = aliasTables.get(decl);
  if (!t) {
    const columns: Record<string, string[]> = {};
    for (const c of decl.columns) columns[c.header] = [c.header, ...(c.aliases ?? [])];
    t = compileAliases(columns);
    aliasTables.set(decl, t);
  }
  return t;
}

/** Finds the declared columns in a header row (case and white space ignored, aliases accepted). */
export function resolveLayout(decl: SheetDecl, header: readonly CellValue[]): Layout {
  const found = matchColumns(header, aliasTable(decl));
  const at = new Map<string, number>();
  const missing: Column[] = [];
  const absent: Column[] = [];
  for (const c of decl.columns) {
    const j = found[c.header];
    if (j !== undefined) at.set(c.header, j);
    else if (c.required) missing.push(c);
    else absent.push(c);
  }
  return { decl, at, missing, absent };
}

/** Whether a header row holds nothing at all (a new or emptied sheet). */
export function blankHeader(header: readonly CellValue[]): boolean {
  return header.every((v) => normaliseHeader(v) === '');
}

export function columnOf(decl: SheetDecl, header: string): Column {
  const c = decl.columns.find((x) => x.header === header);
  if (!c) throw new Error(`${decl.sheet} declares no column ${header}`);
  return c;
}

/** The columns holding a record field, with the field and codec (computed once per declaration). */
interface FieldColumn {
  header: string;
  field: string;
  codec: Codec<unknown>;
}

const fieldColumns = new WeakMap<SheetDecl, FieldColumn[]>();

function fieldsOf(decl: SheetDecl): FieldColumn[] {
  let f = fieldColumns.get(decl);
  if (!f) {
    f = decl.columns
      .filter((c) => c.field && c.codec)
      .map((c) => ({ header: c.header, field: c.field!, codec: c.codec! }));
    fieldColumns.set(decl, f);
  }
  return f;
}

/** A record's cells by canonical header (the columns with a field). */
export function recordCells(decl: SheetDecl, rec: object): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const r = rec as Record<string, unknown>;
  for (const c of fieldsOf(decl)) out.set(c.header, c.codec.write(r[c.field]));
  return out;
}

/** A record as a row in declaration order (what Kenali writes to a sheet it creates). */
export function recordRow(decl: SheetDecl, rec: object): CellValue[] {
  const r = rec as Record<string, unknown>;
  const cols = fieldsOf(decl);
  // The common case (every column holds a field, in order): no map per row.
  if (cols.length === decl.columns.length) return cols.map((c) => c.codec.write(r[c.field]));
  const cells = recordCells(decl, rec);
  return decl.columns.map((c) => cells.get(c.header) ?? '');
}

export function headersOf(decl: SheetDecl): string[] {
  return decl.columns.map((c) => c.header);
}

/** Whether two records hold the same value in every declared field (an unchanged record). */
export function sameRecord(decl: SheetDecl, a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const c of fieldsOf(decl)) if (x[c.field] !== y[c.field]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------- reading

export interface RowReader {
  /** The cell of column `header` ('' when the sheet has no such column). */
  cell(header: string): CellValue;
  has(header: string): boolean;
  /** The header as the sheet spells it (for problems). */
  columnName(header: string): string;
  rowNo: number;
  /** The row is left out. */
  error(header: string, reason: string, code?: ProblemCode): void;
  warn(header: string, reason: string, code: ProblemCode): void;
}

export interface ReadRowsOptions<T> {
  sheetName: string;
  header: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
  /** The sheet row (1-based) of rows[0]. */
  firstRow: number;
  ctx: CodecContext;
  /** Turns the decoded fields into a record (null after reporting when the row cannot be used). */
  build?: (fields: Record<string, unknown>, r: RowReader) => T | null;
}

/**
 * Reads data rows of a declared sheet: every column with a field is decoded by its codec; a cell that
 * cannot be read is reported (sheet, row, header, reason) and its row left out. Blank rows are skipped.
 * A missing required header is reported at row 1 and nothing is read.
 */
export function readRows<T>(
  decl: SheetDecl,
  o: ReadRowsOptions<T>,
): { records: T[]; rows: number[]; problems: Problem[] } {
  const tx = importText[o.ctx.lang];
  const layout = resolveLayout(decl, o.header);
  const problems: Problem[] = [];
  const records: T[] = [];
  const rowNumbers: number[] = [];
  const columnName = (h: string) => {
    const j = layout.at.get(h);
    return j === undefined ? h : cellText(o.header[j]).trim();
  };
  for (const c of layout.missing) {
    problems.push({
      sheet: o.sheetName,
      row: 1,
      column: c.header,
      code: 'missing-column',
      reason: tx.missingColumn(c.header, 'Kenali'),
      severity: 'error',
    });
  }
  if (layout.missing.length > 0) return { records, rows: rowNumbers, problems };
  const fielded = decl.columns
    .filter((c) => c.field && c.codec)
    .map((c) => ({ c, field: c.field!, codec: c.codec!, j: layout.at.get(c.header) }));
  // One reader for every row (its state below): a few hundred thousand rows must not make closures each.
  let row: readonly CellValue[] = [];
  let rowNo = 0;
  let bad = false;
  const push = (h: string, reason: string, code: ProblemCode, severity: Problem['severity']) =>
    problems.push({ sheet: o.sheetName, row: rowNo, column: columnName(h), code, reason, severity });
  const r: RowReader = {
    get rowNo() {
      return rowNo;
    },
    has: (h) => layout.at.has(h),
    cell: (h) => {
      const j = layout.at.get(h);
      return j === undefined ? '' : (row[j] ?? '');
    },
    columnName,
    error: (h, reason, code = 'bad-value') => {
      bad = true;
      push(h, reason, code, 'error');
    },
    warn: (h, reason, code) => push(h, reason, code, 'warning'),
  };
  for (let i = 0; i < o.rows.length; i++) {
    row = o.rows[i];
    if (!row || row.every(isBlank)) continue;
    rowNo = o.firstRow + i;
    bad = false;
    const fields: Record<string, unknown> = {};
    for (let k = 0; k < fielded.length; k++) {
      const { c, field, codec, j } = fielded[k];
      const v = j === undefined ? '' : (row[j] ?? '');
      const res = codec.read(v, o.ctx);
      if (res.ok) fields[field] = res.value;
      else if (j === undefined && !c.required) fields[field] = emptyValue(c);
      else r.error(c.header, res.reason);
    }
    const rec = bad ? null : o.build ? o.build(fields, r) : (fields as T);
    if (!bad && rec !== null) {
      records.push(rec);
      rowNumbers.push(rowNo);
    }
  }
  return { records, rows: rowNumbers, problems };
}

/** What a field holds when its optional column is absent. */
function emptyValue(c: Column): unknown {
  const r = c.codec!.read('', { timeZone: 'UTC', lang: 'id' });
  return r.ok ? r.value : c.kind === 'text' ? '' : null;
}

/** The cells of `rows` for one header ('' where the sheet has no such column). */
export function columnValues(
  layout: Layout,
  rows: readonly (readonly CellValue[])[],
  header: string,
): CellValue[] {
  const j = layout.at.get(header);
  return rows.map((r) => (j === undefined ? '' : (r[j] ?? '')));
}
