// All or nothing per import (#17): the undo log of a merge's commit. Before the first store write, the
// merge records what each of its writes will replace: for rows it appends, only where each sheet ended
// (and how big its grid was); for cells it writes in place, their old values; for the Customers rows it
// rewrites, those rows as they were (written just before it rewrites them). So the log costs what the
// import changes, never the store's size. It waits in a hidden sheet of its own (JSON text cut into cells
// of 49,000 characters, as an upload's chunks), and the in-flight mark (a document property) says whether
// the merge has passed its commit point:
//   - before it: a failure the merge catches undoes the writes at once, in the same execution; a merge
//     stopped dead (Apps Script's 6 minutes, where no catch runs) is undone by the next action that takes
//     the document lock (recoverStore: import, upload, segmentation, a reader that finds the mark), before
//     anything else;
//   - after it (every cell of the file is in): what is left is tidying that can only be done forwards
//     (the replaced lines cleared, the sheets sorted back into their order), finished the same ways.
// Readers never read while a mark stands: they wait for the lock, and the lock's holder recovers first.
import type { CellValue } from '../core/types';
import { splitPieces } from '../core/upload';
import { type Env, withDocumentLock } from './context';
import { a1, cellRuns } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The import in flight: {"batch": n, "started": ms, "undo"?: true, "committed"?: true}. */
export const IN_FLIGHT = 'kenali.import';
/** The number of the last import that ended (merged or undone): readers compare it before and after. */
export const GENERATION = 'kenali.generation';
/** The last batch number handed out (every import writes with a greater one). */
export const LAST_BATCH = 'kenali.batch';
/** The hidden sheet holding the undo log of the merge in flight. */
export const UNDO_SHEET = '~kenali-undo';

export interface InFlight {
  batch: number;
  started: number;
  /** The merge keeps an undo log (without: a mark of an earlier version, or Customers left to rebuild). */
  undo?: boolean;
  /** Past the commit point: every cell of the import is in. */
  committed?: boolean;
  /** Past the commit point, with Customers to be rebuilt from the store. */
  rebuild?: boolean;
  /** Undoing: the Customers rows are back (only its sort and the other sheets are left). */
  restored?: boolean;
}

export function inFlight(props: Record<string, string>): InFlight | null {
  const raw = props[IN_FLIGHT];
  if (!raw) return null;
  try {
    const v = JSON.parse(raw) as InFlight;
    return Number.isFinite(v.batch) && Number.isFinite(v.started) ? v : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------- the log

/** A cell value in the log's JSON (a Date as its instant). */
type Enc = string | number | boolean | { t: number };
const enc = (v: CellValue): Enc => (v instanceof Date ? { t: v.getTime() } : v === null ? '' : v);
const dec = (v: Enc): CellValue => (typeof v === 'object' && v !== null ? new Date(v.t) : v);

export interface SortSpec {
  lastCol: number;
  by: { column: number; ascending: boolean }[];
}

/** One store sheet: where it ended, and the cells written in place as [column, rows, old values]. */
export interface SheetUndo {
  sheet: string;
  /** Kenali's columns: only their cells of appended rows are cleared (the seller's are never touched). */
  own: number[];
  lastRow: number;
  maxRows: number;
  cells: [number, number[], Enc[]][];
}

/** The Customers read model: where it ended and its size; its order is Kenali's (`sort`). */
export interface CustomersUndo {
  sheet: string;
  own: number[];
  lastRow: number;
  maxRows: number;
  maxColumns: number;
  /** The last column before the merge: a column inserted after it (the patch's sort stamp) goes. */
  lastCol: number;
  sort: SortSpec;
}

export interface UndoLog {
  batch: number;
  /** Sheets the merge created (deleted when it is undone). */
  created: string[];
  sheets: SheetUndo[];
  customers: CustomersUndo | null;
  /** The tidying after the commit point. */
  after: {
    /** The lines of orders whose line count changed (Kenali's cells only), cleared once the new are in. */
    clear: { sheet: string; a1s: string[] } | null;
    sorts: { sheet: string; spec: SortSpec }[];
    /** 'rebuild': Customers is made from the store after the commit (an upgrade, a hand-edited sheet). */
    customers: 'patch' | 'rebuild' | 'none';
  };
}

/** The touched Customers rows as they were (rows 2.. once the patch brought them to the top). */
export interface CustomersBlock {
  cols: number[];
  rows: Enc[][];
}

/** The merge's changes of one sheet, for its log entry: cells about to be written in place. */
export class CellLog {
  private byCol = new Map<number, [number[], Enc[]]>();
  add(row: number, col: number, old: CellValue): void {
    let c = this.byCol.get(col);
    if (!c) {
      c = [[], []];
      this.byCol.set(col, c);
    }
    c[0].push(row);
    c[1].push(enc(old));
  }
  entries(): [number, number[], Enc[]][] {
    return [...this.byCol].map(([col, [rows, vals]]) => [col, rows, vals]);
  }
}

export function blockOf(cols: number[], grid: readonly (readonly CellValue[])[]): CustomersBlock {
  return { cols, rows: grid.map((r) => cols.map((c) => enc(r[c - 1] ?? ''))) };
}

/** A log being written: part 1 (the plan) at the start, part 2 (the Customers block) later. */
export interface OpenLog {
  sheet: Sheet;
  rows: number;
  maxRows: number;
}

const PART1 = 1;
const PART2 = 2;
/** Rows of a new sheet's grid (Sheets gives 1000 × 26). */
const NEW_SHEET_ROWS = 1000;

function writePart(log: OpenLog, part: number, value: unknown): void {
  const pieces = splitPieces(JSON.stringify(value));
  const rows = pieces.map((p, i) => [`u:${part}:${i}:${pieces.length}`, p]);
  const end = log.rows + rows.length;
  if (end > log.maxRows) {
    log.sheet.insertRowsAfter(log.maxRows, end - log.maxRows);
    log.maxRows = end;
  }
  const range = log.sheet.getRange(log.rows + 1, 1, rows.length, 2);
  range.setNumberFormat('@');
  range.setValues(rows);
  log.rows = end;
}

/** Creates the hidden log sheet and writes the plan in it (before any store write). */
export function openLog(env: Env, log: UndoLog): OpenLog {
  const ss = env.ss;
  const active = ss.getActiveSheet();
  let sheet: Sheet;
  try {
    sheet = ss.insertSheet(UNDO_SHEET);
  } catch (e) {
    // A log sheet left by a run that had ended (its mark gone): nothing refers to it any more.
    const stray = ss.getSheetByName(UNDO_SHEET);
    if (!stray) throw e;
    ss.deleteSheet(stray);
    sheet = ss.insertSheet(UNDO_SHEET);
  }
  sheet.hideSheet();
  active?.activate(); // inserting a sheet shows it: give the seller back the sheet they were on
  const open = { sheet, rows: 0, maxRows: NEW_SHEET_ROWS };
  writePart(open, PART1, log);
  return open;
}

/** Adds the Customers rows about to be rewritten to the log (before they are). */
export function logCustomersBlock(open: OpenLog, block: CustomersBlock): void {
  writePart(open, PART2, block);
}

function readLog(env: Env): { log: UndoLog | null; block: CustomersBlock | null; sheet: Sheet | null } {
  const sheet = env.ss.getSheetByName(UNDO_SHEET);
  if (!sheet || sheet.getLastRow() === 0) return { log: null, block: null, sheet };
  const values = sheet.getDataRange().getValues();
  const parts = new Map<number, string[]>();
  for (const [tag, text] of values) {
    const m = /^u:(\d+):(\d+):(\d+)$/.exec(String(tag));
    if (!m) continue;
    const list = parts.get(Number(m[1])) ?? new Array<string>(Number(m[3])).fill('\u0000');
    list[Number(m[2])] = String(text);
    parts.set(Number(m[1]), list);
  }
  const whole = (n: number) => {
    const list = parts.get(n);
    if (!list || list.includes('\u0000')) return null;
    try {
      return JSON.parse(list.join('')) as unknown;
    } catch {
      return null;
    }
  };
  return { log: whole(PART1) as UndoLog | null, block: whole(PART2) as CustomersBlock | null, sheet };
}

// ---------------------------------------------------------------------------------------------- undoing

/** Most distinct (column, value) groups written as one RangeList each; past that, one range per run. */
const MAX_VALUE_GROUPS = 12;

const keyOf = (v: Enc) => (typeof v === 'object' ? `d${v.t}` : `${typeof v}:${String(v)}`);

/** Writes logged old values back: one RangeList per (column, value) when they are few, else per run. */
function restoreCells(sheet: Sheet, cells: SheetUndo['cells']): void {
  const groups = new Map<string, { col: number; value: Enc; rows: number[] }>();
  for (const [col, rows, vals] of cells) {
    rows.forEach((r, i) => {
      const k = `${col}\u0000${keyOf(vals[i])}`;
      const g = groups.get(k);
      if (g) g.rows.push(r);
      else groups.set(k, { col, value: vals[i], rows: [r] });
    });
  }
  if (groups.size === 0) return;
  if (groups.size <= MAX_VALUE_GROUPS) {
    for (const g of groups.values())
      sheet.getRangeList(cellRuns(g.rows).map(([r, n]) => a1(r, g.col, n))).setValue(dec(g.value));
    return;
  }
  for (const [col, rows, vals] of cells) {
    const at = new Map(rows.map((r, i) => [r, dec(vals[i])]));
    for (const [r, n] of cellRuns(rows))
      sheet.getRange(r, col, n, 1).setValues(Array.from({ length: n }, (_, i) => [at.get(r + i)!]));
  }
}

/** Kenali's cells of the rows past `lastRow` emptied (they were empty before: the last row with content
 *  was `lastRow`; one RangeList), and the grid cut back to `maxRows` when the merge grew it. */
function dropAppended(sheet: Sheet, own: readonly number[], lastRow: number, maxRows: number): void {
  const last = sheet.getLastRow();
  if (last > lastRow && own.length > 0)
    sheet.getRangeList(own.map((c) => a1(lastRow + 1, c, last - lastRow))).clearContent();
  const max = sheet.getMaxRows();
  if (maxRows > 0 && max > maxRows) sheet.deleteRows(maxRows + 1, max - maxRows);
}

export function sortSheet(sheet: Sheet, spec: SortSpec): void {
  const last = sheet.getLastRow();
  if (last >= 3) sheet.getRange(2, 1, last - 1, spec.lastCol).sort(spec.by);
}

/** The column the Customers patch inserted for its sort stamp, if it is there. */
function dropStampColumn(sheet: Sheet, c: CustomersUndo): void {
  if (sheet.getMaxColumns() > c.maxColumns) sheet.deleteColumns(c.lastCol + 1, 1);
}

/**
 * Puts every sheet the merge wrote back as it was (each step also right when its write never ran, and when
 * an earlier recovery, itself stopped dead, did it already). The Customers block goes back by position
 * (rows 2.., in the patch's order): once it is back and the sheet is about to be sorted, the mark says so,
 * so that a recovery stopped after the sort does not write the block over other customers' rows.
 */
export function rollback(env: Env, log: UndoLog, block: CustomersBlock | null, mark: InFlight): void {
  const ss = env.ss;
  const created = new Set(log.created);
  const c = log.customers;
  const customers = c && !created.has(c.sheet) ? ss.getSheetByName(c.sheet) : null;
  if (c && customers) {
    if (!mark.restored) {
      dropStampColumn(customers, c);
      if (block && block.rows.length > 0) {
        // the rows the patch brought to the top (2..), in the order it read them
        let i = 0;
        while (i < block.cols.length) {
          let n = 1;
          while (i + n < block.cols.length && block.cols[i + n] === block.cols[i] + n) n++;
          const part = block.rows.map((r) => r.slice(i, i + n).map(dec));
          customers.getRange(2, block.cols[i], part.length, n).setValues(part);
          i += n;
        }
      }
      dropAppended(customers, c.own, c.lastRow, c.maxRows);
      env.flush();
      env.properties.setProperty(IN_FLIGHT, JSON.stringify({ ...mark, restored: true }));
    }
    sortSheet(customers, c.sort);
  }
  for (const s of [...log.sheets].reverse()) {
    if (created.has(s.sheet)) continue;
    const sheet = ss.getSheetByName(s.sheet);
    if (!sheet) continue;
    restoreCells(sheet, s.cells);
    dropAppended(sheet, s.own, s.lastRow, s.maxRows);
  }
  for (const name of log.created) {
    const sheet = ss.getSheetByName(name);
    if (sheet) ss.deleteSheet(sheet);
  }
}

/** The tidying past the commit point (each step safe to run again). True: Customers is to be rebuilt. */
export function finish(env: Env, log: UndoLog): boolean {
  const ss = env.ss;
  const { clear, sorts } = log.after;
  if (clear && clear.a1s.length > 0) ss.getSheetByName(clear.sheet)?.getRangeList(clear.a1s).clearContent();
  for (const s of sorts) {
    const sheet = ss.getSheetByName(s.sheet);
    if (sheet) sortSheet(sheet, s.spec);
  }
  const c = log.customers;
  const customers = c ? ss.getSheetByName(c.sheet) : null;
  if (c && customers) {
    dropStampColumn(customers, c);
    if (log.after.customers === 'patch') sortSheet(customers, c.sort);
  }
  return log.after.customers === 'rebuild';
}

/** Ends a merge: its log sheet deleted, its mark removed (or left without a log: Customers to rebuild, as
 *  the next import does for a mark of an earlier version), the generation moved. */
export function closeLog(env: Env, batch: number, sheet: Sheet | null, rebuildPending: boolean): void {
  const ss = env.ss;
  const log = sheet ?? ss.getSheetByName(UNDO_SHEET);
  if (log) ss.deleteSheet(log);
  env.flush();
  env.properties.setProperties({
    [IN_FLIGHT]: rebuildPending ? JSON.stringify({ batch, started: 0 }) : '',
    [GENERATION]: String(batch),
  });
}

export type Recovery = 'none' | 'undone' | 'finished' | 'pending';

/**
 * Under the document lock, before anything else: a merge that was stopped dead (its mark still there, and
 * the lock is free, so it is not running) is undone, or finished when it had passed its commit point. A
 * mark without a log (an earlier version's, or Customers left to rebuild) stays for the next import.
 */
export function recoverStore(
  env: Env,
  props: Record<string, string> = env.properties.getProperties(),
): Recovery {
  const mark = inFlight(props);
  if (!mark) return 'none';
  if (!mark.undo) return 'pending';
  const { log, block, sheet } = readLog(env);
  let rebuild = false;
  if (log && mark.committed) rebuild = finish(env, log) || mark.rebuild === true;
  else if (log) rollback(env, log, block, mark);
  closeLog(env, mark.batch, sheet, rebuild);
  return mark.committed ? 'finished' : 'undone';
}

/** The document lock for an action that writes the store or reads it whole: a stopped merge recovered first. */
export function withStoreLock<T>(env: Env, fn: () => T): T {
  return withDocumentLock(env, () => {
    recoverStore(env);
    return fn();
  });
}
