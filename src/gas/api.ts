// The functions the sidebars call through google.script.run. Their signatures ARE the wire contract:
// sidebar/shared/client.ts derives its types from `typeof serverApi`, and src/main.ts exports each one
// so build.mjs gives it a top-level stub. Arguments and results are JSON-safe (no Date: ISO strings).
import { buildCustomers, customerDetail } from '../core/customers';
import { recentCustomers, searchCustomers } from '../core/lookup';
import { namingQueue } from '../core/queue';
import { readSegmentsSheet, SEGMENTS_HEADER_ROWS, segmentsColumns } from '../core/segments';
import { t } from '../core/text';
import type {
  CustomerDetailView,
  LookupListView,
  NamingQueueView,
  SaveNameResult,
  SegmentView,
} from '../core/views';
import { currentEnv, type Env, recentDays } from './context';
import { saveProfileName } from './profiles';
import { loadStore, storeKinds } from './store';

export const serverApi = {
  /** The naming queue: recent orders whose buyer has no BuyerProfile. One read per store sheet.
   *  `days` changes the recent window (remembered for the spreadsheet; default 2). */
  getNamingQueue(days?: number): NamingQueueView {
    const env = currentEnv();
    const window = recentDays(env, days);
    const store = loadStore(env, { orders: true, items: true, profiles: true });
    return namingQueue(store, env.clock, window, env.lang);
  },

  /**
   * Upserts a BuyerProfile by universal identifier, under the document lock: one read of BuyerProfile
   * (plus Orders when the page did not send the address), one write of one row. Throws a readable
   * message (shown on the entry by the sidebar) when the name cannot be saved.
   */
  saveBuyerName(buyerKey: string, realName: string, addressFull?: string): SaveNameResult {
    const env = currentEnv();
    const key = String(buyerKey);
    const address = typeof addressFull === 'string' ? addressFull : addressOf(env, key);
    return saveProfileName(env, key, String(realName ?? ''), address, Date.now());
  },

  /** Empty query: buyers with orders in the last days. Otherwise a case-insensitive substring search. */
  lookupCustomers(query: string, days?: number): LookupListView {
    const env = currentEnv();
    const store = loadStore(env, { orders: true, profiles: true });
    const index = buildCustomers({ ...store, items: [], payments: [] });
    const q = String(query ?? '').trim();
    const view =
      q === ''
        ? recentCustomers(index, env.clock, recentDays(env, days), env.lang)
        : searchCustomers(index, q, env.lang);
    return { ...view, timeZone: env.clock.timeZone };
  },

  /** The 360° view of one customer, or null when the key matches no order. */
  getCustomerDetail(buyerKey: string): CustomerDetailView | null {
    const env = currentEnv();
    const store = loadStore(env);
    const index = buildCustomers(store);
    return customerDetail(index, String(buyerKey), env.clock, segmentOf(env, String(buyerKey)));
  },
};

/**
 * A customer's segment from the Segments sheet: its first rows, to find the header, then only the key and
 * RFM code columns (2 of its 21 columns: at 100,000 order lines, ~60,000 cells instead of ~660,000).
 */
function segmentOf(env: Env, buyerKey: string): SegmentView | null {
  const sheet = env.ss.getSheetByName(t('sheet', env.lang).segmentsSheet);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 1 || lastColumn < 1) return null;
  const head = sheet.getRange(1, 1, Math.min(lastRow, SEGMENTS_HEADER_ROWS), lastColumn).getValues();
  const found = segmentsColumns(head);
  if (!found) return null;
  const { headerRow, keyCol, codeCol } = found;
  const rows = lastRow - headerRow - 1;
  if (rows < 1) return null;
  const column = (c: number) => sheet.getRange(headerRow + 2, c + 1, rows, 1).getValues();
  const keys = column(keyCol);
  const codes = column(codeCol);
  // The two columns as a sheet of their own: the same reader, so the same segment as the whole sheet gives.
  const grid = [
    [head[headerRow][keyCol], head[headerRow][codeCol]],
    ...keys.map((k, i) => [k[0], codes[i][0]]),
  ];
  return readSegmentsSheet(grid, env.lang).get(buyerKey) ?? null;
}

/** The address of a buyer key, from its orders (when the page did not send it). */
function addressOf(env: Env, buyerKey: string): string {
  const { orders } = loadStore(env, { orders: true });
  const index = buildCustomers({ orders, items: [], payments: [], profiles: [] });
  return index.byKey.get(buyerKey)?.addressFull ?? '';
}

export type ServerApi = typeof serverApi;
