// The undo log of one import's commit (#17: all or nothing per file). Taken as the patch goes, just
// before each write, from what the patch already read: for an append, the rows it will fill (undone by
// clearing Kenali's cells of them: those rows were empty); for cells or rows written in place, their old
// values (undone with the same grouped writes the patch uses); for a sort, the sorted block (undone by
// writing it back). A caught exception during the commit plays the log backwards in the same execution,
// then makes Customers exact from the restored store (the read model is derived; its rows are sorted and
// stamped as they are patched, so it is put back from the store, its old batch stamps restored by key).
// Every step makes a number of calls that does not grow with the rows.
import type { CellValue, Grid } from '../core/types';
import type { Env } from './context';
import {
  a1,
  type CellUpdate,
  cellRuns,
  columnNumber,
  ownHeaders,
  type Table,
  updateCells,
  writeBlock,
} from './table';

export interface UndoLog {
  /** Undo steps in the order they were taken (played backwards). */
  steps: (() => void)[];
  /** Customers as it stood when the commit reached it: null until then. */
  customers: {
    existed: boolean;
    /** Old batch stamps by buyer key (from the patch's own read of the key column). */
    batches: Map<string, CellValue>;
  } | null;
}

export function newUndoLog(): UndoLog {
  return { steps: [], customers: null };
}

/** `count` records are about to be appended after the table's last row. */
export function noteAppend(log: UndoLog, tb: Table, count: number): void {
  if (count <= 0) return;
  const first = tb.lastRow + 1;
  log.steps.push(() => {
    const lists = ownHeaders(tb).map((h) => a1(first, columnNumber(tb, h), count));
    tb.sheet.getRangeList(lists).clearContent();
    tb.lastRow = Math.min(tb.lastRow, first - 1);
  });
}

/** Cells about to be updated in place; `cellsAt` gives the row's cells as the patch read them. */
export function noteCells(
  log: UndoLog,
  tb: Table,
  updates: readonly CellUpdate[],
  cellsAt: (row: number) => readonly CellValue[] | undefined,
): void {
  const old: CellUpdate[] = [];
  for (const u of updates) {
    const cells = cellsAt(u.row);
    if (!cells) throw new Error(`${tb.decl.sheet}: row ${u.row} was not read before its update`);
    old.push({ row: u.row, header: u.header, value: cells[columnNumber(tb, u.header) - 1] ?? '' });
  }
  if (old.length > 0) log.steps.push(() => updateCells(tb, old));
}

/** Whole rows (Kenali's cells) about to be written over or cleared, with their cells as read. */
export function noteRows(
  log: UndoLog,
  tb: Table,
  rows: readonly { row: number; cells: readonly CellValue[] }[],
): void {
  if (rows.length === 0) return;
  const own = ownHeaders(tb);
  const byRow = new Map<number, Map<string, CellValue>>();
  for (const r of rows)
    byRow.set(r.row, new Map(own.map((h) => [h, r.cells[columnNumber(tb, h) - 1] ?? ''])));
  log.steps.push(() => {
    for (const [first, n] of cellRuns([...byRow.keys()]))
      writeBlock(
        tb,
        first,
        Array.from({ length: n }, (_, i) => byRow.get(first + i)!),
        { formats: false },
      );
  });
}

/** The block rows 2..lastRow × 1..lastCol is about to be sorted: its values and formats, read now. */
export function noteSort(log: UndoLog, tb: Table, lastCol: number): void {
  if (tb.lastRow < 3) return;
  const range = tb.sheet.getRange(2, 1, tb.lastRow - 1, lastCol);
  const values = range.getValues() as Grid;
  const formats = range.getNumberFormats();
  log.steps.push(() => {
    const r = tb.sheet.getRange(2, 1, values.length, lastCol);
    r.setNumberFormats(formats);
    r.setValues(values);
  });
}

/** A sheet this import created: the undo removes it (when it is not the last sheet). */
export function noteCreated(log: UndoLog, env: Env, tb: Table): void {
  if (!tb.created) return;
  log.steps.push(() => {
    if (env.ss.getSheets().length > 1) env.ss.deleteSheet(tb.sheet);
  });
}

/** Plays the store's steps backwards (the caller then puts Customers back: see rollbackCustomers). */
export function undoStore(log: UndoLog): void {
  for (let i = log.steps.length - 1; i >= 0; i--) log.steps[i]();
  log.steps = [];
}
