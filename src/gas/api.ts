// The functions the sidebars call through google.script.run. Their signatures ARE the wire contract:
// sidebar/shared/client.ts derives its types from `typeof serverApi`, and src/main.ts exports each one
// so build.mjs gives it a top-level stub. Arguments and results are JSON-safe (no Date: ISO strings).
// Reads take no lock (they read again under it when an import ran meanwhile: store.ts); a save takes it.
import type { CustomerDetailView, LookupListView, NamingQueueView, SaveNameResult } from '../core/views';
import { currentEnv, recentDays } from './context';
import { appendFirstName, saveProfileName } from './profiles';
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
   * name cannot be saved; succeeds only when the name reads back. `shownUnnamed`: the page showed this
   * buyer without a profile and this is its first try at naming them: the name is appended to BuyerProfile
   * in one call (gas/profiles.ts appendFirstName; the readers take it from there, Customers' copy follows
   * at the next import or segmentation).
   */
  saveBuyerName(
    buyerKey: string,
    realName: string,
    addressFull?: string,
    shownUnnamed?: boolean,
  ): SaveNameResult {
    const env = currentEnv();
    const key = String(buyerKey);
    const name = String(realName ?? '');
    const now = Date.now();
    if (shownUnnamed === true && typeof addressFull === 'string') {
      const appended = appendFirstName(env, key, name, addressFull, now);
      if (appended) return appended;
    }
    const address = typeof addressFull === 'string' ? addressFull : (customerAddress(env, key) ?? '');
    return saveProfileName(env, key, name, address, now, (saved) => setCustomerName(env, key, saved));
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
