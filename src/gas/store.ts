// Reading the store sheets: one getValues per sheet, then core turns values into records.
import {
  readItems,
  readOrders,
  readPayments,
  readProfiles,
  STORE_SCHEMAS,
  type StoreKind,
} from '../core/store';
import type { Grid, Problem } from '../core/types';
import type { Env } from './context';
import { type ColumnKind, isBlankGrid, readSheet } from './sheets';

/** Number formats of the store sheets' columns (text columns are plain text: no formula, ever). */
const KINDS: Record<StoreKind, ColumnKind[]> = {
  orders: ['text', 'text', 'text', 'money', 'datetime', 'text', 'text'],
  items: ['text', 'text', 'text', 'text', 'integer', 'money'],
  payments: ['text', 'money', 'money', 'money'],
  profiles: ['text', 'text', 'text', 'datetime', 'text'],
  history: ['text', 'text', 'text', 'datetime'],
};

export function storeKinds(kind: StoreKind): ColumnKind[] {
  const kinds = KINDS[kind];
  const schema = STORE_SCHEMAS[kind];
  // Keep the formats in step with the schema: a text column must never lose its plain-text format.
  schema.headers.forEach((h, i) => {
    const isText = (schema.textColumns as readonly string[]).includes(h);
    if (isText !== (kinds[i] === 'text')) throw new Error(`store format mismatch: ${schema.sheet}.${h}`);
  });
  return kinds;
}

const EMPTY: never[] = [];

type Parts = { orders?: boolean; items?: boolean; payments?: boolean; profiles?: boolean };

/** Reads the requested store sheets (a missing sheet is an empty one). */
export function loadStore(
  env: Env,
  parts: Parts = { orders: true, items: true, payments: true, profiles: true },
) {
  const { ss, clock, lang } = env;
  const tz = clock.timeZone;
  const problems: Problem[] = [];
  /** The values as read, so a later snapshot of the same sheet (under the same lock) need not read again. */
  const grids: Partial<Record<StoreKind, Grid>> = {};
  const read = <T>(
    want: boolean | undefined,
    kind: StoreKind,
    reader: (
      grid: ReturnType<typeof readSheet> & object,
      sheet: string,
      tz: string,
      lang: Env['lang'],
    ) => {
      records: T[];
      problems: Problem[];
    },
  ): T[] => {
    if (!want) return EMPTY;
    const name = STORE_SCHEMAS[kind].sheet;
    const grid = readSheet(ss, name);
    if (grid) grids[kind] = grid;
    if (!grid || isBlankGrid(grid)) return EMPTY;
    const parsed = reader(grid, name, tz, lang);
    problems.push(...parsed.problems);
    return parsed.records;
  };
  return {
    orders: read(parts.orders, 'orders', readOrders),
    items: read(parts.items, 'items', readItems),
    payments: read(parts.payments, 'payments', readPayments),
    profiles: read(parts.profiles, 'profiles', readProfiles),
    problems,
    grids,
  };
}
