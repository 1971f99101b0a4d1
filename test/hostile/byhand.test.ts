// A seller edits or sorts Kenali's sheets by hand (issue #16): what the sidebars show stays right, the next
// import (or segmentation) repairs the Customers read model, and nothing is lost. Customers is derived:
// it is rebuilt from the store, so an edit there is undone; the store sheets are only ever sorted back.
import { CUSTOMERS_SHEET } from '../../src/core/readmodel';
import type { LookupListView, NamingQueueView } from '../../src/core/views';
import {
  builtCode,
  customersInSheet,
  demoExport,
  exactCustomers,
  importGrid,
  openShop,
  paste,
  type Shop,
} from './harness';

beforeAll(() => {
  builtCode();
});

function shop(): Shop {
  const s = openShop();
  s.bundle.call('kenaliSetup');
  importGrid(s, demoExport(200, 91));
  for (const e of s.bundle.call<NamingQueueView>('getNamingQueue', 30).entries.slice(0, 3))
    s.bundle.call('saveBuyerName', e.buyerKey, `Nama ${e.buyerUsername}`, e.addressFull);
  return s;
}

const exact = (s: Shop) => exactCustomers(s.wb);
const stored = (s: Shop) => customersInSheet(s.wb);

const views = (s: Shop) => ({
  queue: s.bundle.call<NamingQueueView>('getNamingQueue', 30),
  list: s.bundle.call<LookupListView>('lookupCustomers', '', 30),
  search: s.bundle.call<LookupListView>('lookupCustomers', 'an'),
});

const rowsOf = (s: Shop, name: string) =>
  s.wb
    .readValues(name)
    .map((r) => JSON.stringify(r.map((v) => (v instanceof Date ? v.getTime() : v))))
    .sort();

describe('Customers sorted, edited or cut by hand', () => {
  it.each(['the next import', 'segmentation'])(
    'sorted by name: the sidebars still answer right; %s sorts it back',
    (by) => {
      const s = shop();
      const right = views(s);
      const c = s.wb.sheet('Customers');
      c.getRange(2, 1, c.getLastRow() - 1, c.getLastColumn()).sort({ column: 4, ascending: false });
      expect(views(s)).toEqual(right);
      if (by === 'segmentation') s.bundle.call('kenaliSegment');
      else {
        paste(s, demoExport(40, 94)); // the next day's export: something to write
        s.bundle.call('kenaliImport');
      }
      expect(stored(s)).toEqual(exact(s));
    },
  );

  it('a row deleted and a figure typed over: the next import rebuilds the rows, nothing of the store lost', () => {
    const s = shop();
    const store = ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile'].map((n) => rowsOf(s, n));
    s.wb.sheet('Customers').deleteRow(5);
    paste(s, demoExport(40, 92)); // a new day: new orders, some customers known
    s.bundle.call('kenaliImport');
    expect(stored(s)).toEqual(exact(s));
    const spend = CUSTOMERS_SHEET.columns.findIndex((x) => x.header === 'spend') + 1;
    s.wb.sheet('Customers').getRange(3, spend).setValue(1);
    s.bundle.call('kenaliSegment');
    expect(stored(s)).toEqual(exact(s));
    // every row the store held before is still there (the import only added)
    ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile'].forEach((n, i) => {
      const now = new Set(rowsOf(s, n));
      for (const r of store[i]) expect(now.has(r), `${n} lost ${r}`).toBe(true);
    });
  });
});

describe('Customers header row deleted by hand', () => {
  it.each(['the next import', 'segmentation'])(
    '%s completes and rebuilds Customers; the broken sheet is kept aside, nothing lost',
    (by) => {
      const s = shop();
      const before = s.wb.readValues('Customers');
      s.wb.sheet('Customers').deleteRow(1);
      if (by === 'segmentation') s.bundle.call('kenaliSegment');
      else {
        paste(s, demoExport(40, 93));
        s.bundle.call('kenaliImport');
        expect(s.bundle.ui.alerts.at(-1)?.prompt ?? '').toMatch(/^Impor selesai/);
        expect(s.wb.getSheetByName('Impor')?.getLastRow() ?? 0).toBe(0); // the inbox was imported whole
      }
      expect(stored(s)).toEqual(exact(s));
      const aside = s.wb.getSheets().filter((x) => x.getName().startsWith('Customers ('));
      expect(aside.map((x) => x.getName())).toHaveLength(1);
      expect(s.wb.readValues(aside[0].getName())).toEqual(before.slice(1));
    },
  );
});

describe('a store sheet’s header row deleted by hand', () => {
  it('segmentation says so and where (problems sheet), and leaves Customers as it was', () => {
    const s = shop();
    const customers = s.wb.readValues('Customers');
    s.wb.sheet('Orders').deleteRow(1);
    s.bundle.call('kenaliSegment');
    const alert = s.bundle.ui.alerts.at(-1)?.prompt ?? '';
    expect(alert).not.toMatch(/Belum ada pesanan/);
    expect(alert).toMatch(/Orders/);
    expect(s.wb.readValues('Impor - Masalah').flat().join(' ')).toMatch(/order_sn/);
    expect(s.wb.readValues('Customers')).toEqual(customers);
  });

  it('the naming queue and the customer detail say which sheet lacks which header (in Indonesian)', () => {
    const s = shop();
    const { entries } = s.bundle.call<NamingQueueView>('getNamingQueue', 30);
    s.wb.sheet('OrderItems').deleteRow(1);
    const clear = /Sheet “OrderItems” tidak punya kolom “order_sn”.*baris judul/;
    expect(() => s.bundle.call('getNamingQueue', 30)).toThrow(clear);
    expect(() => s.bundle.call('getCustomerDetail', entries[0].buyerKey)).toThrow(clear);
  });
});

describe('Orders sorted by hand', () => {
  it('the queue still lists the recent orders; the next import puts Orders back in date order', () => {
    const s = shop();
    const right = views(s).queue;
    const o = s.wb.sheet('Orders');
    o.getRange(2, 1, o.getLastRow() - 1, o.getLastColumn()).sort(2);
    expect(views(s).queue).toEqual(right);
    paste(s, demoExport(40, 93));
    s.bundle.call('kenaliImport');
    const at = s.wb
      .readValues('Orders')
      .slice(1)
      .map((r) => (r[4] as Date).getTime());
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(stored(s)).toEqual(exact(s));
  });
});
