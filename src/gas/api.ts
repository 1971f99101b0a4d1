// The functions the sidebars call through google.script.run. Their signatures ARE the wire contract:
// sidebar/shared/client.ts derives its types from `typeof serverApi`, and src/main.ts exports each one
// so build.mjs gives it a top-level stub. Arguments and results are JSON-safe (no Date: ISO strings).
import type { CustomerDetailView, LookupListView, NamingQueueView, SaveNameResult } from '../core/views';

export const serverApi = {
  /** The naming queue: recent orders whose buyer has no BuyerProfile. One read of the store sheets. */
  getNamingQueue(): NamingQueueView {
    throw new Error('not implemented yet');
  },
  /** Upsert a BuyerProfile by universal identifier, under the document lock. */
  saveBuyerName(buyerKey: string, realName: string): SaveNameResult {
    void buyerKey;
    void realName;
    throw new Error('not implemented yet');
  },
  /** Empty query: buyers with orders in the last days. Otherwise a case-insensitive substring search. */
  lookupCustomers(query: string): LookupListView {
    void query;
    throw new Error('not implemented yet');
  },
  /** The 360° view of one customer, or null when the key matches no order. */
  getCustomerDetail(buyerKey: string): CustomerDetailView | null {
    void buyerKey;
    throw new Error('not implemented yet');
  },
};

export type ServerApi = typeof serverApi;
export type ServerFunctionName = keyof ServerApi;
