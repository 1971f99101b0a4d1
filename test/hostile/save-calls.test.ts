// Saving a name is a click in the naming sidebar: its service calls must be few and must not grow with the
// store, the profiles or the customers (issue #16), on the BUILT bundle. And the read model's copy of the
// name must land in the customer's own row wherever a person put it.
import type { CustomerDetailView, NamingQueueView } from '../../src/core/views';
import { builtCode, customersInSheet, demoExport, importGrid, openShop, records, type Shop } from './harness';

beforeAll(() => {
  builtCode();
});

/** Calls of the first name of a buyer the sidebar showed unnamed (into an empty BuyerProfile, and with
 *  profiles already saved): one appendRow after the header row, no lock (the goal: at most 6); and
 *  of an update, the upsert under the lock (the document properties read once: an import stopped dead is
 *  undone first). */
const MAX_CALLS = { firstName: 6, newName: 6, update: 35 };
const LOCKS = { firstName: 0, newName: 0, update: 1 };

interface Entry {
  buyerKey: string;
  addressFull: string;
}

function shopOf(lines: number): { shop: Shop; entries: Entry[] } {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  importGrid(shop, demoExport(lines, 23));
  const entries = shop.bundle.call<NamingQueueView>('getNamingQueue', 90).entries;
  return { shop, entries };
}

function saveCalls(shop: Shop, e: Entry, name: string, shownUnnamed: boolean): Record<string, number> {
  return shop.wb.counter.measure(() =>
    shop.bundle.call('saveBuyerName', e.buyerKey, name, e.addressFull, shownUnnamed),
  ).calls;
}

const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
const nameIn = (shop: Shop, key: string) =>
  shop.bundle.call<CustomerDetailView | null>('getCustomerDetail', key)?.realName ?? null;

describe('the calls of a save', () => {
  function figures(lines: number, named: number) {
    const { shop, entries } = shopOf(lines);
    expect(entries.length).toBeGreaterThan(named + 2);
    const firstName = saveCalls(shop, entries[0], 'Nama Pertama', true);
    for (const e of entries.slice(1, named))
      shop.bundle.call('saveBuyerName', e.buyerKey, 'Nama', e.addressFull, true);
    const newName = saveCalls(shop, entries[named], 'Nama Baru', true);
    const update = saveCalls(shop, entries[0], 'Nama Diganti', false);
    expect(records(shop.wb, 'BuyerProfile')).toHaveLength(named + 1);
    expect(nameIn(shop, entries[0].buyerKey)).toBe('Nama Diganti');
    expect(nameIn(shop, entries[named].buyerKey)).toBe('Nama Baru');
    return { firstName, newName, update };
  }

  it('stay under the figures and do not grow with the store (1,000 → 6,000 lines) or the profiles (10 → 60)', () => {
    const small = figures(1_000, 10);
    const big = figures(6_000, 60);
    expect(big).toEqual(small);
    for (const k of Object.keys(MAX_CALLS) as (keyof typeof MAX_CALLS)[]) {
      expect(total(big[k]), k).toBeLessThanOrEqual(MAX_CALLS[k]);
      expect(big[k]['Lock.waitLock'] ?? 0, k).toBe(LOCKS[k]);
      // one search per sheet, never a column read
      expect(big[k]['Sheet.getSheetValues'] ?? 0, k).toBeLessThanOrEqual(1);
    }
  });
});

describe("the customer's row in Customers", () => {
  it('far down the sheet (sorted by hand): the name lands in that row only', () => {
    const { shop, entries } = shopOf(2_000);
    const sheet = shop.wb.sheet('Customers');
    const keyCol = (sheet.getRange('1:1').getValues()[0] as string[]).indexOf('buyer_key') + 1;
    // newest last: the recent buyer the queue offers now sits at the bottom
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: 2, ascending: true });
    const before = records(shop.wb, 'Customers');
    const at = before.findIndex((r) => r.buyer_key === entries[0].buyerKey);
    expect(at + 2).toBeGreaterThan(100);
    expect(sheet.getRange(at + 2, keyCol).getValue()).toBe(entries[0].buyerKey);
    shop.bundle.call('saveBuyerName', entries[0].buyerKey, 'Nama Jauh', entries[0].addressFull);
    const after = records(shop.wb, 'Customers');
    after.forEach((r, i) => {
      if (i === at) expect(r.buyer_real_name).toBe('Nama Jauh');
      else expect(r).toEqual(before[i]);
    });
  });

  it('the key typed by a person in a column of their own above: that cell is kept, the right row named', () => {
    const { shop, entries } = shopOf(1_000);
    const sheet = shop.wb.sheet('Customers');
    const width = sheet.getLastColumn();
    sheet.insertColumnsAfter(width, 1);
    sheet.getRange(1, width + 1).setValue('catatan');
    sheet.getRange(2, width + 1).setValue(entries[1].buyerKey); // row 2 is another customer's
    const before = records(shop.wb, 'Customers');
    shop.bundle.call('saveBuyerName', entries[1].buyerKey, 'Nama Benar', entries[1].addressFull);
    const after = records(shop.wb, 'Customers');
    expect(after.map((r) => r.catatan)).toEqual(before.map((r) => r.catatan));
    after.forEach((r, i) => {
      if (r.buyer_key === entries[1].buyerKey) expect(r.buyer_real_name).toBe('Nama Benar');
      else expect(r).toEqual(before[i]);
    });
    expect(customersInSheet(shop.wb).find((c) => c.key === entries[1].buyerKey)?.realName).toBe('Nama Benar');
  });
});
