// A declared sheet (core/table.ts) opened for reading and patching. Columns are found by header wherever
// they are; a write touches only Kenali's own cells of the rows it means (columns the seller added and
// their values are never written), and a sheet whose required header is missing is refused by name.
// Every function here makes a number of service calls that does not grow with the sheet's rows.
import {
  type Column,
  headerNote,
  type Layout,
  NUMBER_FORMATS,
  resolveLayout,
  type SheetDecl,
  TEXT_FORMAT,
} from '../core/table';
import { t } from '../core/text';
import type { CellValue, Grid } from '../core/types';
import type { Env } from './context';
import { resizeColumns } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Cell = CellValue;

/** A save or import that cannot go on because a header Kenali needs is missing (or the header row is gone). */
export class HeaderError extends Error {
  constructor(
    readonly sheet: string,
    readonly headers: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'HeaderError';
  }
}

export interface Table {
  readonly env: Env;
  readonly decl: SheetDecl;
  readonly sheet: Sheet;
  layout: Layout;
  /** The header row as read (trailing blank cells dropped). */
  header: CellValue[];
  /** The sheet's last row with content when opened (1: the header only). */
  lastRow: number;
  /** Whether the sheet was created by this open. */
  created: boolean;
}

/**
 * Opens a declared sheet: its header row (one read) and last row. A missing sheet is created with the
 * canonical header when `create` (else null). A sheet with nothing at all in it gets the header too.
 */
export function openTable(
  env: Env,
  decl: SheetDecl,
  opts: { create?: boolean; creating?: (name: string) => void } = {},
): Table | null {
  const ss = env.ss;
  let sheet = ss.getSheetByName(decl.sheet);
  if (!sheet) {
    if (!opts.create) return null;
    opts.creating?.(decl.sheet); // before the sheet exists: a failure halfway through creating it is known
    sheet = createSheet(env, decl);
    return table(
      env,
      decl,
      sheet,
      decl.columns.map((c) => c.header),
      1,
      true,
    );
  }
  const header = trimRow(sheet.getRange('1:1').getValues()[0] as CellValue[]);
  const lastRow = sheet.getLastRow();
  if (lastRow === 0) {
    writeHeader(env, decl, sheet, decl.columns, 1);
    return table(
      env,
      decl,
      sheet,
      decl.columns.map((c) => c.header),
      1,
      false,
    );
  }
  return table(env, decl, sheet, header, lastRow, false);
}

/** A table over a sheet whose header row the caller already read (with other rows, in one call). */
export function tableOf(
  env: Env,
  decl: SheetDecl,
  sheet: Sheet,
  headerRow: CellValue[],
  lastRow: number,
): Table {
  return table(env, decl, sheet, trimRow(headerRow), lastRow, false);
}

function table(
  env: Env,
  decl: SheetDecl,
  sheet: Sheet,
  header: CellValue[],
  lastRow: number,
  created: boolean,
): Table {
  return { env, decl, sheet, layout: resolveLayout(decl, header), header, lastRow, created };
}

function trimRow(row: CellValue[]): CellValue[] {
  let n = row.length;
  while (n > 0 && (row[n - 1] === '' || row[n - 1] === null)) n--;
  return row.slice(0, n);
}

/** A new sheet with the canonical header, bold and frozen, its grid cut to the declared columns. */
function createSheet(env: Env, decl: SheetDecl): Sheet {
  const sheet = env.ss.insertSheet(decl.sheet);
  resizeColumns(sheet, decl.columns.length);
  writeHeader(env, decl, sheet, decl.columns, 1);
  sheet.setFrozenRows(1);
  decl.columns.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  return sheet;
}

/** The header cells, bold and plain text, each with a note saying what the snake_case header holds. */
function writeHeader(env: Env, decl: SheetDecl, sheet: Sheet, columns: readonly Column[], at: number): void {
  const range = sheet.getRange(1, at, 1, columns.length);
  range.setNumberFormat(TEXT_FORMAT);
  range.setValues([columns.map((c) => c.header)]);
  range.setFontWeight('bold');
  range.setNotes([columns.map((c) => headerNote(decl, c.header, env.lang))]);
}

/**
 * Notes on the Kenali headers of a sheet made before headers had them (the upgrade in place): one write per
 * run of adjacent Kenali columns, so a column the seller added keeps whatever note it has.
 */
export function annotateHeaders(tb: Table): void {
  for (const run of runsOf(tb, ownHeaders(tb))) {
    tb.sheet
      .getRange(1, run.col, 1, run.headers.length)
      .setNotes([run.headers.map((h) => headerNote(tb.decl, h, tb.env.lang))]);
  }
}

/** Throws a HeaderError naming the sheet and the required headers it lacks. */
export function requireHeaders(tb: Table): void {
  const missing = tb.layout.missing.map((c) => c.header);
  if (missing.length === 0) return;
  throw new HeaderError(
    tb.decl.sheet,
    missing,
    t('store', tb.env.lang).headerMissing(tb.decl.sheet, missing),
  );
}

/**
 * Makes the table writable: required headers present (else a HeaderError), and declared optional columns
 * that are absent added after the last header (a write must not drop a field it cannot place).
 */
export function prepareForWrite(tb: Table): void {
  requireHeaders(tb);
  if (tb.layout.absent.length === 0) return;
  const at = tb.header.length + 1;
  const add = tb.layout.absent;
  const max = tb.sheet.getMaxColumns();
  if (max < at + add.length - 1) tb.sheet.insertColumnsAfter(max, at + add.length - 1 - max);
  writeHeader(tb.env, tb.decl, tb.sheet, add, at);
  tb.header = [...tb.header, ...add.map((c) => c.header)];
  tb.layout = resolveLayout(tb.decl, tb.header);
}

/** 1-based column of a declared header (the table must hold it). */
export function columnNumber(tb: Table, header: string): number {
  const j = tb.layout.at.get(header);
  if (j === undefined) {
    // A required header deleted or renamed by hand: the seller's message (sheet and headers), not ours.
    requireHeaders(tb);
    throw new Error(`${tb.decl.sheet}: no column ${header}`);
  }
  return j + 1;
}

export interface Run {
  /** 1-based first column. */
  col: number;
  headers: string[];
}

/** The given headers' columns grouped into runs of adjacent columns (one range per run). */
export function runsOf(tb: Table, headers: readonly string[]): Run[] {
  const cols = headers
    .filter((h) => tb.layout.at.has(h))
    .map((h) => ({ h, c: columnNumber(tb, h) }))
    .sort((a, b) => a.c - b.c);
  const runs: Run[] = [];
  for (const { h, c } of cols) {
    const last = runs[runs.length - 1];
    if (last && last.col + last.headers.length === c) last.headers.push(h);
    else runs.push({ col: c, headers: [h] });
  }
  return runs;
}

/** Kenali's headers present in the sheet. */
export function ownHeaders(tb: Table): string[] {
  return tb.decl.columns.filter((c) => tb.layout.at.has(c.header)).map((c) => c.header);
}

/**
 * Reads rows [first, first + count) of the given headers, as rows indexed like the sheet (cells of other
 * columns are ''): one read per run of adjacent columns, so a column the seller put between Kenali's, or
 * one Kenali does not need, is never read.
 */
export function readBlock(
  tb: Table,
  first: number,
  count: number,
  headers: readonly string[] = ownHeaders(tb),
): Grid {
  if (count <= 0) return [];
  const runs = runsOf(tb, headers);
  const width = Math.max(tb.header.length, ...runs.map((r) => r.col + r.headers.length - 1));
  const rows: Grid = Array.from({ length: count }, () => new Array<CellValue>(width).fill(''));
  if (runs.length === 0) return rows;
  for (const s of runs.map((r) => ({ col: r.col, n: r.headers.length }))) {
    const values = tb.sheet.getSheetValues(first, s.col, count, s.n) as Grid;
    for (let i = 0; i < count; i++) {
      const src = values[i];
      const dst = rows[i];
      for (let j = 0; j < s.n; j++) dst[s.col - 1 + j] = src[j];
    }
  }
  return rows;
}

/**
 * Writes one record into row `row` of Kenali's columns (one range per run of them: a column the seller
 * put between is not written), declared formats first, in the same call chain as its values. The row
 * must exist.
 */
export function writeRecordAt(tb: Table, row: number, record: ReadonlyMap<string, Cell>): void {
  for (const run of runsOf(tb, ownHeaders(tb))) {
    const kinds = run.headers.map((h) => NUMBER_FORMATS[tb.decl.columns.find((c) => c.header === h)!.kind]);
    tb.sheet
      .getRange(row, run.col, 1, run.headers.length)
      .setNumberFormats([kinds])
      .setValues([run.headers.map((h) => record.get(h) ?? '')]);
  }
}

/** Grows the grid to at least `rows` rows (one call when it must grow). */
export function ensureRows(tb: Table, rows: number): void {
  const max = tb.sheet.getMaxRows();
  if (max < rows) tb.sheet.insertRowsAfter(max, rows - max);
}

/**
 * Writes records (cells by canonical header) into rows first.. of Kenali's columns only, formats first
 * when `formats` (new rows: plain text before any untrusted text lands). One range per run of columns.
 */
export function writeBlock(
  tb: Table,
  first: number,
  records: readonly ReadonlyMap<string, Cell>[],
  opts: { formats: boolean },
): void {
  if (records.length === 0) return;
  ensureRows(tb, first + records.length - 1);
  for (const run of runsOf(tb, ownHeaders(tb))) {
    const range = tb.sheet.getRange(first, run.col, records.length, run.headers.length);
    if (opts.formats) {
      const kinds = run.headers.map((h) => NUMBER_FORMATS[tb.decl.columns.find((c) => c.header === h)!.kind]);
      range.setNumberFormats(records.map(() => kinds));
    }
    range.setValues(records.map((r) => run.headers.map((h) => r.get(h) ?? '')));
  }
}

/** Appends records after the last row (formats first). Returns the first row written. */
export function appendRecords(tb: Table, records: readonly ReadonlyMap<string, Cell>[]): number {
  const first = tb.lastRow + 1;
  writeBlock(tb, first, records, { formats: true });
  tb.lastRow += records.length;
  return first;
}

export interface CellUpdate {
  row: number;
  header: string;
  value: Cell;
}

/** Most distinct (column, value) groups written as one RangeList each; past that, one range per cell run. */
const MAX_VALUE_GROUPS = 12;

/**
 * Writes single cells of rows already in the sheet: the cells that share a column and a value go in one
 * RangeList call (a day's status changes are a handful of values), text columns formatted as plain text
 * first. Many distinct values: one write per run of adjacent rows of a column.
 */
export function updateCells(tb: Table, updates: readonly CellUpdate[]): void {
  if (updates.length === 0) return;
  const groups = new Map<string, CellUpdate[]>();
  for (const u of updates) {
    const k = `${u.header}\u0000${valueKey(u.value)}`;
    const g = groups.get(k);
    if (g) g.push(u);
    else groups.set(k, [u]);
  }
  const kindOf = (h: string) => tb.decl.columns.find((c) => c.header === h)!.kind;
  if (groups.size <= MAX_VALUE_GROUPS) {
    for (const g of groups.values()) {
      const col = columnNumber(tb, g[0].header);
      const a1s = cellRuns(g.map((u) => u.row)).map(([r, n]) => a1(r, col, n));
      const list = tb.sheet.getRangeList(a1s);
      if (kindOf(g[0].header) === 'text') list.setNumberFormat(TEXT_FORMAT);
      list.setValue(g[0].value);
    }
    return;
  }
  const byColumn = new Map<string, CellUpdate[]>();
  for (const u of updates) {
    const list = byColumn.get(u.header);
    if (list) list.push(u);
    else byColumn.set(u.header, [u]);
  }
  for (const [header, list] of byColumn) {
    const col = columnNumber(tb, header);
    const at = new Map(list.map((u) => [u.row, u.value]));
    for (const [r, n] of cellRuns(list.map((u) => u.row))) {
      const range = tb.sheet.getRange(r, col, n, 1);
      if (kindOf(header) === 'text') range.setNumberFormat(TEXT_FORMAT);
      range.setValues(Array.from({ length: n }, (_, i) => [at.get(r + i)!]));
    }
  }
}

function valueKey(v: Cell): string {
  if (v instanceof Date) return `d${v.getTime()}`;
  return `${typeof v}:${String(v)}`;
}

/** Sorted distinct rows as runs [first, count]. */
export function cellRuns(rows: readonly number[]): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  return runs;
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(row: number, col: number, numRows = 1): string {
  const c = letters(col);
  return numRows === 1 ? `${c}${row}` : `${c}${row}:${c}${row + numRows - 1}`;
}
