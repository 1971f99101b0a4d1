// Reading the store: whole sheets for segmentation and rebuilds (one read per sheet, only Kenali's
// columns), and the bookkeeping that lets readers see the store before or after an import, never half:
// an import marks itself in flight (a document property, undo.ts) and bumps a generation when it ends; a
// reader that saw a mark, or either move while it read, reads again under the document lock, where a
// merge stopped dead is undone (or finished) before it reads.
import {
  ITEMS_SHEET,
  ORDERS_SHEET,
  PAYMENTS_SHEET,
  PROFILES_SHEET,
  type ProfileRow,
  readItemRows,
  readOrderRows,
  readPaymentRows,
  readProfileRows,
  STORE_SCHEMAS,
  type StoreKind,
} from '../core/store';
import type { SheetDecl } from '../core/table';
import type { CellValue, Grid, Order, OrderItem, OrderPayment, Problem } from '../core/types';
import { type Env, withDocumentLock } from './context';
import { columnNumber, openTable, ownHeaders, readBlock, type Table } from './table';
import { GENERATION, inFlight, recoverStore } from './undo';

export { GENERATION, IN_FLIGHT, type InFlight, inFlight, LAST_BATCH } from './undo';

export interface ReadState {
  /** A mark of an earlier version, or one that left Customers to rebuild: Customers may lag the store
   *  until the next import. */
  unfinished: boolean;
}

/**
 * Runs a read that must see the store before or after an import, never half of it: without the lock when
 * no import ran meanwhile (the usual case), again under the document lock when one did or is running
 * (the lock's holder recovers a merge stopped dead first).
 */
export function readConsistently<T>(env: Env, read: (state: ReadState) => T): T {
  const props = env.properties;
  const before = props.getProperties();
  if (!inFlight(before)) {
    const result = read({ unfinished: false });
    const after = props.getProperties();
    if (after[GENERATION] === before[GENERATION] && !inFlight(after)) return result;
  }
  // Under the lock no import runs: a mark left now is one an import stopped dead left behind. Its merge is
  // undone (or finished) first; only a mark that leaves Customers to rebuild stays.
  return withDocumentLock(env, () => {
    const recovered = recoverStore(env);
    return read({ unfinished: recovered === 'pending' });
  });
}

// ---------------------------------------------------------------------------------------------- whole sheets

export interface LoadedStore {
  orders: Order[];
  items: OrderItem[];
  payments: OrderPayment[];
  profiles: ProfileRow[];
  /** Where BuyerProfile ended when it was read (profilesMark). Rows below it were appended since (a name
   *  saved in one call): the sidebars lay them over Customers' copy until it is repaired from a newer read. */
  profilesThrough: string;
  problems: Problem[];
}

type Parts = Partial<Record<'orders' | 'items' | 'payments' | 'profiles', boolean>>;

const EMPTY: never[] = [];

function readWhole<T>(
  env: Env,
  decl: SheetDecl,
  read: (i: Parameters<typeof readOrderRows>[0]) => { records: T[]; problems: Problem[] },
  headers?: readonly string[],
  seen?: (tb: Table | null, rows: Grid) => void,
): { records: T[]; problems: Problem[] } {
  const tb: Table | null = openTable(env, decl);
  if (!tb || tb.lastRow < 2) {
    seen?.(tb, []);
    return { records: EMPTY, problems: [] };
  }
  const rows = readBlock(tb, 2, tb.lastRow - 1, headers ?? ownHeaders(tb));
  seen?.(tb, rows);
  return read({
    sheetName: decl.sheet,
    header: tb.header,
    rows,
    firstRow: 2,
    timeZone: env.clock.timeZone,
    lang: env.lang,
  });
}

/**
 * BuyerProfile's last row and the key it holds ("row<TAB>username|identifier"): a reader checks the row
 * still holds that key before taking the rows below it as new (rows deleted or sorted by hand since: not).
 */
export function profilesMark(tb: Table | null, row: number, cells: readonly CellValue[] | undefined): string {
  return `${row}\t${tb && cells ? profileKeyCells(tb, cells) : ''}`;
}

/** A BuyerProfile row's key cells as written, trimmed. */
function profileKeyCells(tb: Table, cells: readonly CellValue[]): string {
  const at = (h: string) => String(cells[columnNumber(tb, h) - 1] ?? '').trim();
  return `${at('buyer_username')}|${at('address_identifier')}`;
}

/** Reads the requested store sheets whole (a missing sheet is an empty one): one read per sheet. */
export function loadStore(
  env: Env,
  parts: Parts = { orders: true, items: true, payments: true, profiles: true },
  opts: { itemHeaders?: readonly string[] } = {},
): LoadedStore {
  const problems: Problem[] = [];
  const take = <T>(want: boolean | undefined, r: () => { records: T[]; problems: Problem[] }): T[] => {
    if (!want) return EMPTY;
    const out = r();
    for (const p of out.problems) problems.push(p);
    return out.records;
  };
  const orders = take(parts.orders, () => readWhole(env, ORDERS_SHEET, readOrderRows));
  const items = take(parts.items, () => readWhole(env, ITEMS_SHEET, readItemRows, opts.itemHeaders));
  const payments = take(parts.payments, () => readWhole(env, PAYMENTS_SHEET, readPaymentRows));
  let profilesThrough = profilesMark(null, 1, undefined);
  const seen = (tb: Table | null, rows: Grid) => {
    profilesThrough = profilesMark(tb, rows.length + 1, rows.at(-1));
  };
  const profiles = take(parts.profiles, () =>
    readWhole(env, PROFILES_SHEET, readProfileRows, undefined, seen),
  );
  return {
    orders,
    items,
    payments,
    profiles,
    profilesThrough,
    problems,
  };
}

export function storeSheetName(kind: StoreKind): string {
  return STORE_SCHEMAS[kind].sheet;
}
