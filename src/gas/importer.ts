// Impor: the seller pastes raw exports into the inbox sheet; we merge them into the store sheets.
// Everything is computed in memory first; the writes happen under the document lock, and a failure
// halfway puts every store sheet back as it was (the snapshot we already read).
import { parseExport } from '../core/exports';
import { type UnnamedStatus, unnamedStatuses } from '../core/status';
import {
  historyRowValues,
  importSummary,
  itemRowValues,
  type MergeStats,
  mergeImport,
  orderRowValues,
  paymentRowValues,
  problemRowCount,
  STORE_SCHEMAS,
  type StatusChange,
  type StoreKind,
  unrecordedChanges,
} from '../core/store';
import { t } from '../core/text';
import { importText } from '../core/text/import';
import type { CellValue, Grid, OrderItem, ParsedExport, Problem } from '../core/types';
import type { Env } from './context';
import {
  ensureSheet,
  isBlankGrid,
  SheetSnapshot,
  shrinkToDefault,
  withDocumentLock,
  writeRows,
  writeTable,
} from './sheets';
import { loadStore, storeKinds } from './store';

export interface ImportReport {
  ok: boolean;
  message: string;
  newOrders: number;
  updatedOrders: number;
  unchangedOrders: number;
  /** Orders the import had at an earlier stage than the store: kept as stored (the status order). */
  olderOrders: number;
  newPayments: number;
  updatedPayments: number;
  /** Status values of the import counted as sales that the rules do not name. */
  unnamedStatuses: UnnamedStatus[];
  problems: Problem[];
  inboxCleared: boolean;
}

const MAX_LISTED = 8;

const sameItem = (a: OrderItem, b: OrderItem) =>
  a.orderSn === b.orderSn &&
  a.productName === b.productName &&
  a.variantName === b.variantName &&
  a.variantSku === b.variantSku &&
  a.quantity === b.quantity &&
  a.price === b.price;

/** Whether re-imported lines differ from the stored ones (same lines re-imported: nothing to write). */
function itemsChanged(before: readonly OrderItem[], after: readonly OrderItem[]): boolean {
  if (before.length !== after.length) return true;
  for (let i = 0; i < before.length; i++) if (!sameItem(before[i], after[i])) return true;
  return false;
}

export function runImport(env: Env): ImportReport {
  const { ss, clock, lang } = env;
  const tx = t('sheet', lang);
  const inboxName = tx.inboxSheet;
  const empty = (message: string): ImportReport => ({
    ok: false,
    message,
    newOrders: 0,
    updatedOrders: 0,
    unchangedOrders: 0,
    olderOrders: 0,
    newPayments: 0,
    updatedPayments: 0,
    unnamedStatuses: [],
    problems: [],
    inboxCleared: false,
  });

  const inbox = ss.getSheetByName(inboxName);
  if (!inbox) {
    ss.insertSheet(inboxName);
    return empty(tx.inboxMissing(inboxName));
  }
  const grid = inbox.getDataRange().getValues() as CellValue[][];
  if (isBlankGrid(grid)) return empty(tx.inboxEmpty(inboxName));

  const parsed = parseExport(grid, inboxName, clock.timeZone, lang);

  return withDocumentLock(() => {
    const merged = mergeIntoStore(env, [parsed]);
    if (!merged.ok) return { ...empty(merged.message), problems: merged.problems };
    const errorRows = problemRowCount(parsed.problems.filter((p) => p.severity === 'error'));
    const everyRowRead = errorRows === 0;
    const cleared = everyRowRead && clearIfUnchanged(inbox, grid);
    const lines = [merged.message];
    lines.push(
      !everyRowRead
        ? tx.inboxKept(inboxName, tx.problemsSheet)
        : cleared
          ? tx.inboxCleared(inboxName)
          : tx.inboxChanged(inboxName),
    );
    return {
      ok: everyRowRead,
      message: lines.join('\n'),
      ...merged.stats,
      unnamedStatuses: merged.unnamedStatuses,
      problems: merged.problems,
      inboxCleared: cleared,
    };
  });
}

export interface MergeOutcome {
  /** false: nothing was written (a store row is unreadable); `message` says why. */
  ok: boolean;
  message: string;
  stats: MergeStats;
  unnamedStatuses: UnnamedStatus[];
  /** The exports' problems, then the store's (also written to the problems sheet). */
  problems: Problem[];
}

/**
 * Merges parsed exports into the store: the one write path of every import (the Impor sheet, uploaded
 * files). The caller holds the document lock. Nothing is written while a store row is unreadable; a
 * failure halfway puts every store sheet back as it was.
 */
export function mergeIntoStore(env: Env, parsed: readonly ParsedExport[]): MergeOutcome {
  const { ss, clock, lang } = env;
  const tx = t('sheet', lang);
  const store = loadStore(env, { orders: true, items: true, payments: true });
  // A store row we cannot read would vanish when the sheet is rewritten: write nothing until it is fixed.
  const unreadable = store.problems.filter((p) => p.severity === 'error');
  if (unreadable.length > 0) {
    writeProblems(env, store.problems);
    const listed = unreadable.slice(0, MAX_LISTED).map((p) => tx.problemLine(p));
    if (unreadable.length > MAX_LISTED) listed.push(tx.moreProblems(unreadable.length - MAX_LISTED));
    return {
      ok: false,
      message: [tx.storeUnreadable(unreadable.length, tx.problemsSheet), ...listed].join('\n'),
      stats: mergeImport(store, [], clock.now).stats,
      unnamedStatuses: [],
      problems: store.problems,
    };
  }
  const merged = mergeImport(store, parsed, clock.now);
  const { stats } = merged;
  const incomingProblems = parsed.flatMap((p) => p.problems);
  const problems = [...incomingProblems, ...store.problems];
  const changed =
    stats.newOrders + stats.updatedOrders + stats.newPayments + stats.updatedPayments > 0 ||
    itemsChanged(store.items, merged.items);

  // Store sheets: rewritten whole (one setValues each) only when something changed.
  const snapshot = new SheetSnapshot();
  const plan: { kind: StoreKind; rows: CellValue[][] }[] = [];
  if (changed) {
    plan.push({ kind: 'orders', rows: merged.orders.map(orderRowValues) });
    plan.push({ kind: 'items', rows: merged.items.map(itemRowValues) });
    if (stats.newPayments + stats.updatedPayments > 0) {
      plan.push({ kind: 'payments', rows: merged.payments.map(paymentRowValues) });
    }
  }
  try {
    // History before Orders: an import stopped between the two finds the change again when run again
    // (and records it once); the other way round, the change would be lost.
    if (merged.history.length > 0) appendHistory(env, merged.history, snapshot);
    for (const { kind, rows } of plan) {
      const schema = STORE_SCHEMAS[kind];
      const { sheet } = ensureSheet(ss, schema.sheet, [...schema.headers]);
      snapshot.keep(sheet, store.grids[kind]);
      writeTable(sheet, [...schema.headers], rows, storeKinds(kind));
    }
    // Inside the snapshot's reach: a merge whose problems cannot be listed is not done either, so the
    // caller's "failed, nothing changed" is true (the upload's all-or-nothing per file relies on it).
    const listed = env.ss.getSheetByName(tx.problemsSheet);
    if (listed) snapshot.keep(listed);
    writeProblems(env, problems);
  } catch (e) {
    snapshot.restore();
    throw e;
  }

  const lines = [tx.importDone(importSummary(stats, incomingProblems, lang))];
  const unnamed = unnamedStatuses(parsed.flatMap((p) => p.orders));
  if (stats.olderOrders > 0) lines.push(importText[lang].olderInFile(stats.olderOrders));
  if (unnamed.length > 0) lines.push(importText[lang].unnamedStatuses(unnamed));
  if (problems.length > 0) {
    lines.push(tx.problemsListed(problems.length, tx.problemsSheet));
    lines.push(...problems.slice(0, MAX_LISTED).map((p) => tx.problemLine(p)));
    if (problems.length > MAX_LISTED) lines.push(tx.moreProblems(problems.length - MAX_LISTED));
  }
  if (store.problems.length > 0) lines.push(tx.storeProblems(store.problems.length, tx.problemsSheet));
  return { ok: true, message: lines.join('\n'), stats, unnamedStatuses: unnamed, problems };
}

/**
 * Clears the inbox only if it still holds the rows imported: the seller may paste the next export while an
 * import runs, and those rows must not vanish unimported. A fingerprint, not a second read of the whole
 * inbox (4.7 million cells for a 100,000-line Shopee export): the size, the first rows and the last row —
 * a paste below changes the size, a paste over the data changes the first rows. True when the inbox is
 * empty after.
 */
function clearIfUnchanged(inbox: GoogleAppsScript.Spreadsheet.Sheet, imported: Grid): boolean {
  const rows = inbox.getLastRow();
  if (rows === 0) return true;
  const columns = inbox.getLastColumn();
  if (rows !== imported.length || columns !== (imported[0]?.length ?? 0)) return false;
  const head = Math.min(FINGERPRINT_ROWS, rows);
  if (!sameGrid(inbox.getRange(1, 1, head, columns).getValues() as Grid, imported.slice(0, head)))
    return false;
  if (!sameGrid(inbox.getRange(rows, 1, 1, columns).getValues() as Grid, imported.slice(rows - 1)))
    return false;
  inbox.clearContents();
  shrinkToDefault(inbox); // a 100k-line paste must not keep its millions of blank cells
  return true;
}

/** Rows at the top of the inbox compared before clearing it: the header and the first order lines. */
const FINGERPRINT_ROWS = 5;

function sameGrid(a: Grid, b: Grid): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) {
      const u = x[j];
      const v = y[j];
      if (u === v) continue;
      if (!(u instanceof Date && v instanceof Date && u.getTime() === v.getTime())) return false;
    }
  }
  return true;
}

/** Status changes not recorded yet are appended under the existing history (one read, one write). */
function appendHistory(env: Env, changes: StatusChange[], snapshot: SheetSnapshot): void {
  const schema = STORE_SCHEMAS.history;
  const { sheet } = ensureSheet(env.ss, schema.sheet, [...schema.headers]);
  const recorded = snapshot.keep(sheet);
  const rows = unrecordedChanges(recorded, changes).map(historyRowValues);
  writeRows(sheet, Math.max(sheet.getLastRow(), 1) + 1, rows, storeKinds('history'));
}

/** The problems sheet always reflects the last run that read rows (cleared when there were none). */
export function writeProblems(env: Env, problems: Problem[]): void {
  const tx = t('sheet', env.lang);
  const existing = env.ss.getSheetByName(tx.problemsSheet);
  if (problems.length === 0) {
    if (existing) existing.clearContents();
    return;
  }
  const sheet = existing ?? env.ss.insertSheet(tx.problemsSheet);
  const rows = problems.map((p) => [p.sheet, p.row, p.column, p.reason, tx.severity[p.severity]]);
  writeTable(sheet, [...tx.problemsHeader], rows, ['text', 'integer', 'text', 'text', 'text']);
  sheet.setFrozenRows(1);
}
