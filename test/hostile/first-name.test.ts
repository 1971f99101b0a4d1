// The first name of a buyer the sidebar showed unnamed goes in as one appendRow (gas/profiles.ts
// appendFirstName), on the BUILT bundle: into Kenali's columns wherever the seller moved them, never over a
// cell of theirs, as plain text, and seen by every reader at once; whatever it cannot do safely (a sheet
// gone or renamed, text Sheets would read as something else) takes the full upsert, with the same result.
import type { CustomerDetailView, NamingQueueView, SaveNameResult } from '../../src/core/views';
import { HOSTILE_TEXTS } from './corpus';
import {
  appendRowCalls,
  builtCode,
  copiedName,
  formulaCells,
  type QueueEntry,
  records,
  type Shop,
  saveFirstName,
  shopWithQueue,
} from './harness';

beforeAll(() => {
  builtCode();
});

/** The demo shop these tests name buyers in: its naming queue has several entries. */
function queueShop(): { shop: Shop; entries: QueueEntry[] } {
  const q = shopWithQueue(600, 41);
  expect(q.entries.length).toBeGreaterThan(5);
  return q;
}

const queueKeys = (shop: Shop) =>
  shop.bundle.call<NamingQueueView>('getNamingQueue', 90).entries.map((e) => e.buyerKey);
const detail = (shop: Shop, key: string) => shop.bundle.call<CustomerDetailView>('getCustomerDetail', key);
const profileOf = (shop: Shop, key: string) =>
  records(shop.wb, 'BuyerProfile').filter((p) => `${p.buyer_username}|${p.address_identifier}` === key);

describe('the one-call first name', () => {
  it('is one appendRow; the queue, the detail and (after segmentation) Customers have the name', () => {
    const { shop, entries } = queueShop();
    const [e] = entries;
    let result: SaveNameResult | undefined;
    expect(
      appendRowCalls(shop, () => (result = saveFirstName<SaveNameResult>(shop, e, 'Budi Santoso'))),
    ).toBe(1);
    expect(result).toMatchObject({ buyerKey: e.buyerKey, buyerRealName: 'Budi Santoso', updated: false });
    const [row] = profileOf(shop, e.buyerKey);
    expect(row).toMatchObject({ buyer_username: e.buyerUsername, buyer_real_name: 'Budi Santoso' });
    expect(row.address_full).toBe(e.addressFull);
    expect(row.updated_at).toBeInstanceOf(Date);
    expect(queueKeys(shop)).not.toContain(e.buyerKey);
    expect(detail(shop, e.buyerKey)).toMatchObject({ realName: 'Budi Santoso', hasProfile: true });
    // Customers' copy is behind until segmentation repairs it (the sidebars read BuyerProfile meanwhile)
    expect(copiedName(shop, e.buyerKey)).toBe('');
    shop.bundle.call('kenaliSegment');
    expect(copiedName(shop, e.buyerKey)).toBe('Budi Santoso');
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it("lands in Kenali's columns wherever the seller moved them, leaving the seller's column alone", () => {
    const { shop, entries } = queueShop();
    saveFirstName(shop, entries[0], 'Sari Dewi');
    const sheet = shop.wb.sheet('BuyerProfile');
    // the seller puts a column of their own first and swaps two of Kenali's
    sheet.insertColumnsBefore(1, 1);
    sheet.getRange(1, 1).setValue('catatan');
    sheet.getRange(2, 1).setValue('pelanggan lama');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const [a, b] = [header.indexOf('buyer_real_name') + 1, header.indexOf('buyer_username') + 1];
    const colA = sheet.getRange(1, a, sheet.getLastRow(), 1).getValues();
    const colB = sheet.getRange(1, b, sheet.getLastRow(), 1).getValues();
    sheet.getRange(1, a, colB.length, 1).setValues(colB);
    sheet.getRange(1, b, colA.length, 1).setValues(colA);
    const before = records(shop.wb, 'BuyerProfile');
    expect(appendRowCalls(shop, () => saveFirstName(shop, entries[1], 'Andi Wijaya'))).toBe(1);
    const after = records(shop.wb, 'BuyerProfile');
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      catatan: '',
      buyer_username: entries[1].buyerUsername,
      buyer_real_name: 'Andi Wijaya',
      address_full: entries[1].addressFull,
    });
    expect(detail(shop, entries[1].buyerKey).realName).toBe('Andi Wijaya');
  });

  it('text Sheets would read as a formula, number, date or money takes the full save: stored as typed', () => {
    const { shop, entries } = queueShop();
    const names = ['=HYPERLINK("http://x","klik")', '+62 812', '0812 Ani', 'Mei 2024', 'Rp5000', 'TRUE'];
    names.forEach((name, i) => {
      expect(appendRowCalls(shop, () => saveFirstName(shop, entries[i], name))).toBe(0);
      expect(profileOf(shop, entries[i].buyerKey).map((p) => p.buyer_real_name)).toEqual([name]);
      expect(detail(shop, entries[i].buyerKey).realName).toBe(name);
    });
    for (const [i, name] of HOSTILE_TEXTS.slice(0, 4).entries())
      saveFirstName(shop, entries[names.length + i], name);
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('BuyerProfile deleted or a header renamed by hand: the full save recreates it or says which header', () => {
    const { shop, entries } = queueShop();
    shop.wb.deleteSheet(shop.wb.sheet('BuyerProfile'));
    expect(appendRowCalls(shop, () => saveFirstName(shop, entries[0], 'Dewi'))).toBe(0);
    expect(profileOf(shop, entries[0].buyerKey).map((p) => p.buyer_real_name)).toEqual(['Dewi']);
    const sheet = shop.wb.sheet('BuyerProfile');
    const col = (sheet.getRange('1:1').getValues()[0] as string[]).indexOf('buyer_real_name') + 1;
    sheet.getRange(1, col).setValue('nama asli');
    const before = shop.wb.readValues('BuyerProfile');
    expect(() => saveFirstName(shop, entries[1], 'Eka')).toThrow(/BuyerProfile[\s\S]*buyer_real_name/);
    expect(shop.wb.readValues('BuyerProfile')).toEqual(before);
  });

  it('an append that fails writes nothing; the retry (no hint) saves one row', () => {
    const { shop, entries } = queueShop();
    const [e] = entries;
    shop.wb.counter.failOn('Sheet.appendRow');
    expect(() => saveFirstName(shop, e, 'Gagal Dulu')).toThrow();
    expect(profileOf(shop, e.buyerKey)).toEqual([]);
    shop.bundle.call('saveBuyerName', e.buyerKey, 'Gagal Dulu', e.addressFull, false);
    expect(profileOf(shop, e.buyerKey).map((p) => p.buyer_real_name)).toEqual(['Gagal Dulu']);
  });

  it('named elsewhere since the queue was read: a second row, the newer name wins, a rename updates it', () => {
    const { shop, entries } = queueShop();
    const [e] = entries;
    shop.bundle.call('saveBuyerName', e.buyerKey, 'Nama Lain', e.addressFull); // another editor, meanwhile
    shop.clock.now += 60_000;
    saveFirstName(shop, e, 'Nama Dari Antrean'); // this sidebar still showed the buyer unnamed
    expect(profileOf(shop, e.buyerKey).map((p) => p.buyer_real_name)).toEqual([
      'Nama Lain',
      'Nama Dari Antrean',
    ]);
    expect(detail(shop, e.buyerKey).realName).toBe('Nama Dari Antrean');
    expect(queueKeys(shop)).not.toContain(e.buyerKey);
    shop.clock.now += 60_000;
    const renamed = shop.bundle.call<SaveNameResult>(
      'saveBuyerName',
      e.buyerKey,
      'Nama Akhir',
      e.addressFull,
    );
    expect(renamed.updated).toBe(true);
    expect(profileOf(shop, e.buyerKey).map((p) => p.buyer_real_name)).toEqual(['Nama Lain', 'Nama Akhir']);
    expect(detail(shop, e.buyerKey).realName).toBe('Nama Akhir');
    shop.bundle.call('kenaliSegment');
    expect(copiedName(shop, e.buyerKey)).toBe('Nama Akhir');
  });
});
