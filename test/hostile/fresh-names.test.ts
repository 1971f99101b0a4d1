// A first name saved in one call (an appendRow to BuyerProfile) reaches Customers' copy only at the next
// segmentation; meanwhile the lookup list and search lay BuyerProfile's rows below the last repair's mark
// over the copy (gas/sidebar.ts freshNames). On the BUILT bundle: the name is shown and found at once,
// after a segmentation the same, without a mark (an upgraded workbook) too, and the calls stay flat.
import type { LookupListView, NamingQueueView } from '../../src/core/views';
import { HOSTILE_TEXTS } from './corpus';
import {
  appendRowCalls,
  builtCode,
  copiedName,
  type QueueEntry,
  records,
  type Shop,
  saveFirstName,
  shopWithQueue,
} from './harness';

beforeAll(() => {
  builtCode();
});

/** The demo shop these tests name buyers in, segmented unless asked not to. */
function queueShop(lines: number, segment = true): { shop: Shop; entries: QueueEntry[] } {
  const q = shopWithQueue(lines, 43, { segment });
  expect(q.entries.length).toBeGreaterThan(3);
  return q;
}

const lookup = (shop: Shop, q: string, days = 90) =>
  shop.bundle.call<LookupListView>('lookupCustomers', q, days);
const nameIn = (view: LookupListView, key: string) => view.items.find((i) => i.buyerKey === key)?.realName;

describe('names saved in one call, before the next segmentation', () => {
  it('show in the recent list and are found by search, by the new name and by username', () => {
    const { shop, entries } = queueShop(600);
    const [e] = entries;
    expect(nameIn(lookup(shop, ''), e.buyerKey)).toBeNull();
    expect(appendRowCalls(shop, () => saveFirstName(shop, e, 'Kenanga Puspitasari'))).toBe(1);
    expect(copiedName(shop, e.buyerKey)).toBe('');
    expect(nameIn(lookup(shop, ''), e.buyerKey)).toBe('Kenanga Puspitasari');
    const byName = lookup(shop, 'kenanga puspita');
    expect(byName.items.map((i) => i.buyerKey)).toEqual([e.buyerKey]);
    expect(byName.items[0]).toMatchObject({
      realName: 'Kenanga Puspitasari',
      match: { field: 'name', start: 0 },
    });
    expect(nameIn(lookup(shop, e.buyerUsername), e.buyerKey)).toBe('Kenanga Puspitasari');
    // the same once segmentation has put the name into Customers (and moved the mark past the row)
    shop.bundle.call('kenaliSegment');
    expect(copiedName(shop, e.buyerKey)).toBe('Kenanga Puspitasari');
    expect(nameIn(lookup(shop, ''), e.buyerKey)).toBe('Kenanga Puspitasari');
    expect(lookup(shop, 'kenanga puspita').items.map((i) => i.buyerKey)).toEqual([e.buyerKey]);
  });

  it('win over an older name in the copy (a second editor named the buyer meanwhile)', () => {
    const { shop, entries } = queueShop(600);
    const [e] = entries;
    shop.bundle.call('saveBuyerName', e.buyerKey, 'Nama Lama', e.addressFull);
    expect(copiedName(shop, e.buyerKey)).toBe('Nama Lama');
    // this editor's sidebar still showed the buyer unnamed: the one-call path, a newer row
    saveFirstName(shop, e, 'Nama Baru');
    expect(nameIn(lookup(shop, ''), e.buyerKey)).toBe('Nama Baru');
    expect(lookup(shop, 'nama baru').items.map((i) => i.buyerKey)).toEqual([e.buyerKey]);
    expect(lookup(shop, 'nama lama').items).toEqual([]);
    shop.bundle.call('kenaliSegment');
    expect(copiedName(shop, e.buyerKey)).toBe('Nama Baru');
  });

  it('show in a workbook without a mark (never segmented, or upgraded) and after rows were deleted', () => {
    const { shop, entries } = queueShop(600, false);
    shop.wb.documentProperties.delete('kenali.profilesSynced');
    saveFirstName(shop, entries[0], 'Melati Ayu');
    expect(nameIn(lookup(shop, ''), entries[0].buyerKey)).toBe('Melati Ayu');
    shop.bundle.call('kenaliSegment');
    // the seller deletes BuyerProfile rows above the mark: it now lies past the sheet's end
    const sheet = shop.wb.sheet('BuyerProfile');
    saveFirstName(shop, entries[1], 'Zinnia Qurratu');
    sheet.deleteRows(2, sheet.getLastRow() - 2);
    expect(records(shop.wb, 'BuyerProfile')).toHaveLength(1);
    expect(nameIn(lookup(shop, ''), entries[1].buyerKey)).toBe('Zinnia Qurratu');
    expect(lookup(shop, 'zinnia qurr').items.map((i) => i.buyerKey)).toEqual([entries[1].buyerKey]);
  });

  it("leave the queue's count of buyers waiting elsewhere right", () => {
    const { shop } = queueShop(600);
    const unnamed = () =>
      records(shop.wb, 'Customers').filter((c) => c.buyer_key !== '' && c.buyer_real_name === '').length;
    const before = unnamed();
    const two = shop.bundle.call<NamingQueueView>('getNamingQueue', 2).entries;
    expect(two.length).toBeGreaterThan(0);
    for (const e of two) expect(appendRowCalls(shop, () => saveFirstName(shop, e, 'Nama Cepat'))).toBe(1);
    const done = shop.bundle.call<NamingQueueView>('getNamingQueue', 2);
    expect(done.entries).toHaveLength(0);
    // Customers' copy still has them unnamed; the count does not
    expect(unnamed()).toBe(before);
    expect(done.unnamedOverall).toBe(before - two.length);
  });

  it('come back as the text typed, whatever it is (hostile text stays data)', () => {
    const { shop, entries } = queueShop(600);
    const sheet = shop.wb.sheet('BuyerProfile');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const texts = HOSTILE_TEXTS.filter((s) => s.trim() !== '' && !/^[=+\-@]/.test(s)).slice(
      0,
      entries.length,
    );
    texts.forEach((text, i) => {
      // typed by hand into new rows at the bottom, as plain text
      const e = entries[i];
      const [user, id] = [e.buyerKey.slice(0, e.buyerKey.lastIndexOf('|')), e.buyerKey.split('|').at(-1)];
      const row = header.map((h) =>
        h === 'buyer_username' ? user : h === 'address_identifier' ? id : h === 'buyer_real_name' ? text : '',
      );
      const at = sheet.getLastRow() + 1;
      sheet.getRange(at, 1, 1, row.length).setNumberFormat('@').setValues([row]);
    });
    const view = lookup(shop, '');
    expect(texts.map((_, i) => nameIn(view, entries[i].buyerKey))).toEqual(texts.map((s) => s.trim()));
  });
});

describe('the calls of the list and search with fresh names', () => {
  const measure = (lines: number) => {
    const { shop, entries } = queueShop(lines);
    const calls = (q: string) => shop.wb.counter.measure(() => lookup(shop, q)).total;
    const before = { list: calls(''), search: calls('pembeli baru') };
    for (const [i, e] of entries.slice(0, 3).entries()) saveFirstName(shop, e, `Pembeli Baru ${i}`);
    return {
      // what laying the new names over the copy costs (the list itself reads more rows of a bigger shop)
      list: calls('') - before.list,
      search: calls('pembeli baru') - before.search,
      named: lookup(shop, 'pembeli baru').total,
    };
  };

  it('cost the same few calls whatever the shop (1k and 6k lines)', () => {
    const small = measure(1_000);
    const big = measure(6_000);
    expect(small.named).toBe(3);
    expect(big.named).toBe(3);
    expect(small.list).toBeLessThanOrEqual(3);
    expect(big.list).toBe(small.list);
    expect(big.search).toBe(small.search);
  });
});
