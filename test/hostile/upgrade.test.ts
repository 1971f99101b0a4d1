// Upgrade in place: a workbook of the layout before the read model (store sheets only, Orders in the order
// the imports appended them, no Customers sheet), with the seller's own column and names in it, opens
// with this bundle, keeps working at once (the sidebars read the store whole until Customers exists), is
// upgraded by Siapkan sheet or the next import without losing a cell, and then serves the sidebars from
// Customers with the same answers.
import { customerDetail } from '../../src/core/customers';
import { parseExport } from '../../src/core/exports';
import { buyerKeyOf } from '../../src/core/identity';
import { customerRows } from '../../src/core/readmodel';
import {
  itemRowValues,
  mergeImport,
  orderRowValues,
  paymentRowValues,
  profileRowValues,
  STORE_SCHEMAS,
} from '../../src/core/store';
import type { CellValue } from '../../src/core/types';
import type { CustomerDetailView, LookupListView, NamingQueueView } from '../../src/core/views';
import {
  builtCode,
  customersInSheet,
  demoExport,
  NOW,
  openShop,
  paste,
  type Shop,
  storeIndex,
  TZ,
} from './harness';

beforeAll(() => {
  builtCode();
});

/** The store as the earlier layout held it: whole sheets in canonical column order, rows in paste order. */
function oldLayoutShop(): { shop: Shop; named: string } {
  const shop = openShop();
  const parsed = parseExport(demoExport(300, 81), 'Impor', TZ, 'id');
  const store = mergeImport({ orders: [], items: [], payments: [] }, [parsed], NOW);
  const put = (name: string, header: readonly string[], rows: CellValue[][]) => {
    const sheet = shop.wb.putValues(name, [[...header]], { asText: true });
    if (rows.length > 0) shop.wb.putValues(name, rows, { startRow: 2 });
    return sheet;
  };
  put(STORE_SCHEMAS.orders.sheet, STORE_SCHEMAS.orders.headers, store.orders.map(orderRowValues));
  put(STORE_SCHEMAS.items.sheet, STORE_SCHEMAS.items.headers, store.items.map(itemRowValues));
  put(STORE_SCHEMAS.payments.sheet, STORE_SCHEMAS.payments.headers, store.payments.map(paymentRowValues));
  const o = store.orders[3];
  const named = buyerKeyOf(o.buyerUsername, o.addressFull);
  const [user, hash] = [named.slice(0, named.lastIndexOf('|')), named.slice(named.lastIndexOf('|') + 1)];
  put(STORE_SCHEMAS.profiles.sheet, STORE_SCHEMAS.profiles.headers, [
    profileRowValues({
      buyerUsername: user,
      addressIdentifier: hash,
      buyerRealName: 'Rina',
      updatedAt: NOW,
      addressFull: o.addressFull,
    }),
  ]);
  // The seller's own column in Orders, with a note on some rows.
  const orders = shop.wb.sheet('Orders');
  orders.getRange(1, 7).setValue('catatan');
  orders.getRange(3, 7).setValue('pelanggan lama');
  orders.getRange(9, 7).setValue('=bukan rumus');
  shop.wb.putValues('Impor', [['']]);
  return { shop, named };
}

/** Every row of a sheet as text (the seller's cells included), sorted: rows may move, none may change. */
const rowsOf = (shop: Shop, name: string) =>
  shop.wb
    .readValues(name)
    .map((r) => JSON.stringify(r.map((v) => (v instanceof Date ? v.getTime() : v))))
    .sort();

const viewsOf = (shop: Shop, key: string) => ({
  queue: shop.bundle.call<NamingQueueView>('getNamingQueue', 30),
  list: shop.bundle.call<LookupListView>('lookupCustomers', '', 30),
  search: shop.bundle.call<LookupListView>('lookupCustomers', 'a'),
  detail: shop.bundle.call<CustomerDetailView>('getCustomerDetail', key),
});

describe('a workbook of the earlier layout', () => {
  it.each(['Siapkan sheet', 'the next import'])(
    'works at once, is upgraded by %s without losing a cell, and answers the same',
    (how) => {
      const { shop, named } = oldLayoutShop();
      const before = Object.fromEntries(
        ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile'].map((n) => [n, rowsOf(shop, n)]),
      );
      // Before the upgrade: the sidebars read the store whole, and answer.
      const old = viewsOf(shop, named);
      expect(old.queue.entries.length).toBeGreaterThan(3);
      expect(old.detail.realName).toBe('Rina');
      expect(shop.wb.hasSheet('Customers')).toBe(false);

      if (how === 'Siapkan sheet') shop.bundle.call('kenaliSetup');
      else {
        paste(shop, demoExport(300, 81)); // the same export again: nothing new, but the store is upgraded
        shop.bundle.call('kenaliImport');
      }
      expect(shop.wb.hasSheet('Customers')).toBe(true);
      for (const [name, rows] of Object.entries(before)) expect(rowsOf(shop, name), name).toEqual(rows);
      expect(shop.wb.sheet('Orders').getRange(1, 7).getValue()).toBe('catatan');

      // Customers is exactly what the store gives.
      const index = storeIndex(shop.wb);
      expect(customersInSheet(shop.wb)).toEqual(customerRows(index));

      // And the sidebars, now served by Customers, answer as before.
      const now = viewsOf(shop, named);
      expect(now).toEqual(old);
      expect(now.detail).toEqual(customerDetail(index, named, { timeZone: TZ, now: NOW }, null));
    },
  );
});
