// The functions the sidebars call through google.script.run. Their signatures ARE the wire contract:
// sidebar/shared/client.ts derives its types from `typeof serverApi`, and src/main.ts exports each one
// so build.mjs gives it a top-level stub. Arguments and results are JSON-safe (no Date: ISO strings).
// Reads take no lock (they read again under it when an import ran meanwhile: store.ts); a save takes it.
import type { CustomerDetailView, LookupListView, NamingQueueView, SaveNameResult } from '../core/views';
import { currentEnv, recentDays } from './context';
import { saveProfileName } from './profiles';
import { customerRow, openCustomers, setCustomerName } from './readmodel';
import { detailView, lookupView, namingQueueView } from './sidebar';

export const serverApi = {
  /** The naming queue: recent orders whose buyer has no BuyerProfile. `days` changes the recent window
   *  (remembered for the spreadsheet; default 2). */
  getNamingQueue(days?: number): NamingQueueView {
    const env = currentEnv();
    return namingQueueView(env, recentDays(env, days));
  },

  /**
   * Upserts a BuyerProfile by universal identifier, under the document lock (gas/profiles.ts), and the
   * customer's name in Customers. Throws a readable message (shown on the entry by the sidebar) when the
   * name cannot be saved; succeeds only when the name reads back.
   */
  saveBuyerName(buyerKey: string, realName: string, addressFull?: string): SaveNameResult {
    const env = currentEnv();
    const key = String(buyerKey);
    const address = typeof addressFull === 'string' ? addressFull : (customerAddress(env, key) ?? '');
    return saveProfileName(env, key, String(realName ?? ''), address, Date.now(), (saved) =>
      setCustomerName(env, key, saved),
    );
  },

  /** Empty query: buyers with orders in the last days. Otherwise a case-insensitive substring search. */
  lookupCustomers(query: string, days?: number): LookupListView {
    const env = currentEnv();
    return lookupView(env, String(query ?? ''), recentDays(env, days));
  },

  /** The 360° view of one customer, or null when the key matches no order. */
  getCustomerDetail(buyerKey: string): CustomerDetailView | null {
    return detailView(currentEnv(), String(buyerKey));
  },
};

/** The address of a buyer key, from Customers (when the page did not send it). */
function customerAddress(env: ReturnType<typeof currentEnv>, key: string): string | null {
  const tb = openCustomers(env);
  if (!tb || tb.layout.missing.length > 0) return null;
  return customerRow(tb, key)?.customer.address ?? null;
}

export type ServerApi = typeof serverApi;
