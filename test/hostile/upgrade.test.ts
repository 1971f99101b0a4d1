// Upgrade in place: a workbook of the layout before the read model (store sheets only, Orders in the order
// the imports appended them, no Customers sheet), with the seller's own column and names in it, opens
// with this bundle, keeps working at once (the sidebars read the store whole until Customers exists), is
// upgraded by Siapkan sheet or the next import without losing a cell, and then serves the sidebars from
// Customers with the same answers. Also from the layout before Orders had return_status: the next import
// adds that column (after the seller's), every other cell kept.
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

/** The store as the earlier layout held it: whole sheets in canonical column order, rows in paste order
 *  (`withReturn` false: also without Orders.return_status, as before that column existed). */
function oldLayoutShop(withReturn = true): { shop: Shop; named: string } {
  const shop = openShop();
  const parsed = parseExport(demoExport(300, 81), 'Impor', TZ, 'id');
  const store = mergeImport({ orders: [], items: [], payments: [] }, [parsed], NOW);
  const put = (name: string, header: readonly string[], rows: CellValue[][]) => {
    const sheet = shop.wb.putValues(name, [[...header]], { asText: true });
    if (rows.length > 0) shop.wb.putValues(name, rows, { startRow: 2 });
    return sheet;
  };
  const orderHeaders = STORE_SCHEMAS.orders.headers.filter((h) => withReturn || h !== 'return_status');
  put(
    STORE_SCHEMAS.orders.sheet,
    orderHeaders,
    store.orders.map((o) => orderRowValues(o).slice(0, orderHeaders.length)),
  );
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
  const mine = orderHeaders.length + 1;
  orders.getRange(1, mine).setValue('catatan');
  orders.getRange(3, mine).setValue('pelanggan lama');
  orders.getRange(9, mine).setValue('=bukan rumus');
  shop.wb.putValues('Impor', [['']]);
  return { shop, named };
}

/** Every row of a sheet as text (the seller's cells included), sorted: rows may move, none may change.
 *  A column headed `added` (one the upgrade added) is left out. */
const rowsOf = (shop: Shop, name: string, added?: string) => {
  const grid = shop.wb.readValues(name);
  const j = added === undefined ? -1 : grid[0].indexOf(added);
  return grid
    .map((r) => r.filter((_, k) => k !== j))
    .map((r) => JSON.stringify(r.map((v) => (v instanceof Date ? v.getTime() : v))))
    .sort();
};

const viewsOf = (shop: Shop, key: string) => ({
  queue: shop.bundle.call<NamingQueueView>('getNamingQueue', 30),
  list: shop.bundle.call<LookupListView>('lookupCustomers', '', 30),
  search: shop.bundle.call<LookupListView>('lookupCustomers', 'a'),
  detail: shop.bundle.call<CustomerDetailView>('getCustomerDetail', key),
});

describe('a workbook of the earlier layout', () => {
  it.each([
    ['Siapkan sheet', true],
    ['the next import', true],
    ['the next import', false],
  ])(
    'works at once, is upgraded by %s without losing a cell, and answers the same (return_status: %s)',
    (how, withReturn) => {
      const { shop, named } = oldLayoutShop(withReturn);
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
      const added = withReturn ? undefined : 'return_status';
      for (const [name, rows] of Object.entries(before))
        expect(rowsOf(shop, name, added), name).toEqual(rows);
      const header = shop.wb.readValues('Orders')[0];
      expect(header.indexOf('catatan')).toBe(withReturn ? 7 : 6);
      // An import writes every field: the column it lacked is added after the seller's.
      if (!withReturn && how === 'the next import') expect(header.indexOf('return_status')).toBe(7);

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

describe('header notes (the snake_case headers explained in the seller’s language)', () => {
  const KENALI = ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile', 'Customers'];

  /** Each header cell's note, by header. */
  const notesOf = (shop: Shop, name: string) => {
    const sheet = shop.wb.sheet(name);
    const width = sheet.getLastColumn();
    const header = sheet.getRange(1, 1, 1, width).getValues()[0];
    const notes = sheet.getRange(1, 1, 1, width).getNotes()[0];
    return Object.fromEntries(header.map((h, j) => [String(h), notes[j]]));
  };

  it('Siapkan sheet gives an earlier layout’s Kenali headers their notes, and leaves the seller’s column and every value alone', () => {
    const { shop } = oldLayoutShop();
    const orders = shop.wb.sheet('Orders');
    const mine = orders.getRange(1, 1, 1, orders.getLastColumn()).getValues()[0].indexOf('catatan') + 1;
    orders.getRange(1, mine).setNote('kolom saya');
    const before = Object.fromEntries(KENALI.slice(0, 4).map((n) => [n, rowsOf(shop, n)]));
    expect(notesOf(shop, 'Orders').order_sn).toBe('');

    shop.bundle.call('kenaliSetup');
    for (const name of KENALI) {
      const notes = notesOf(shop, name);
      for (const [header, note] of Object.entries(notes)) {
        if (header === 'catatan') continue;
        expect(note, `${name}.${header}`).not.toBe('');
      }
    }
    expect(notesOf(shop, 'Orders').order_sn).toMatch(/Nomor pesanan/);
    expect(notesOf(shop, 'BuyerProfile').address_full).toMatch(/baris yang Anda tambah sendiri/);
    expect(notesOf(shop, 'Orders').catatan).toBe('kolom saya');
    for (const [name, rows] of Object.entries(before)) expect(rowsOf(shop, name), name).toEqual(rows);
  });

  it('a sheet Kenali creates has them from the start, in the spreadsheet’s language', () => {
    for (const [locale, pattern] of [
      ['id_ID', /Nomor pesanan/],
      ['en_US', /order number/],
    ] as const) {
      const shop = openShop({ locale });
      paste(shop, demoExport(40, 5));
      shop.bundle.call('kenaliImport');
      for (const name of KENALI) {
        if (!shop.wb.hasSheet(name)) continue;
        for (const [header, note] of Object.entries(notesOf(shop, name)))
          expect(note, `${locale} ${name}.${header}`).not.toBe('');
      }
      expect(notesOf(shop, 'Orders').order_sn).toMatch(pattern);
    }
  });
});
