// Naming and lookup on the BUILT bundle in the local runtime: the server functions against core's figures,
// and both shipped pages in jsdom talking to the bundle through the google.script.run bridge.
import { type Bundle, LocalSpreadsheet, loadBundle } from '../../local';
import { buildCustomers, customerDetail } from '../../src/core/customers';
import { generateShopeeExport } from '../../src/core/demo';
import { addressIdentifier } from '../../src/core/identity';
import { readSegmentsSheet } from '../../src/core/segments';
import { readItems, readOrders, readProfiles } from '../../src/core/store';
import { texts } from '../../src/core/text';
import { epochFromLocal } from '../../src/core/time';
import type {
  CustomerDetailView,
  LookupListView,
  NamingQueueView,
  SaveNameResult,
} from '../../src/core/views';
import { openPage } from '../hostile/pages';
import { click, pressKey, typeInto } from '../sidebar/page';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);

function shop(): { wb: LocalSpreadsheet; bundle: Bundle } {
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  const bundle = loadBundle({ workbook: wb, now: NOW });
  bundle.call('kenaliSetup');
  wb.putValues('Impor', generateShopeeExport({ seed: 5, lines: 500, now: NOW, timeZone: TZ }).grid, {
    asText: true,
  });
  bundle.call('kenaliImport');
  return { wb, bundle };
}

/** The customers as core sees the sheets right now. */
function coreIndex(wb: LocalSpreadsheet) {
  const orders = readOrders(wb.readValues('Orders'), 'Orders', TZ).records;
  const profiles = readProfiles(wb.readValues('BuyerProfile'), 'BuyerProfile', TZ).records;
  return buildCustomers({ orders, items: [], payments: [], profiles });
}

describe('naming on the bundle', () => {
  it('the queue lists recent unnamed buyers; a save upserts one BuyerProfile row and leaves the queue', () => {
    const { wb, bundle } = shop();
    const queue = bundle.call<NamingQueueView>('getNamingQueue');
    expect(queue.entries.length).toBeGreaterThan(5);
    expect(queue.days).toBe(2);
    const [first, second] = queue.entries;
    const saved = bundle.call<SaveNameResult>(
      'saveBuyerName',
      first.buyerKey,
      '  Budi  Santoso ',
      first.addressFull,
    );
    expect(saved).toMatchObject({ buyerKey: first.buyerKey, buyerRealName: 'Budi Santoso', updated: false });
    // same key again: an update, never a second row
    const again = bundle.call<SaveNameResult>('saveBuyerName', first.buyerKey, 'Budi S.', first.addressFull);
    expect(again.updated).toBe(true);
    const rows = wb.readValues('BuyerProfile').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0].slice(0, 3)).toEqual([
      first.buyerUsername,
      addressIdentifier(first.addressFull),
      'Budi S.',
    ]);
    expect(rows[0][3]).toBeInstanceOf(Date);
    expect(rows[0][4]).toBe(first.addressFull.trim());
    // without the address the server finds it in Orders
    bundle.call('saveBuyerName', second.buyerKey, 'Sari');
    expect(wb.readValues('BuyerProfile')[2][4]).toBe(second.addressFull.trim());
    const after = bundle.call<NamingQueueView>('getNamingQueue');
    expect(after.entries.map((e) => e.buyerKey)).not.toContain(first.buyerKey);
    expect(after.entries).toHaveLength(queue.entries.length - 2);
  });

  it('the recent window is configurable and remembered per spreadsheet (default 2 days)', () => {
    const { wb, bundle } = shop();
    const two = bundle.call<NamingQueueView>('getNamingQueue');
    const week = bundle.call<NamingQueueView>('getNamingQueue', 7);
    expect(week.days).toBe(7);
    expect(week.entries.length).toBeGreaterThan(two.entries.length);
    expect(bundle.call<NamingQueueView>('getNamingQueue').days).toBe(7);
    expect(wb.documentProperties.get('kenali.recentDays')).toBe('7');
    expect(bundle.call<LookupListView>('lookupCustomers', '').days).toBe(7);
    expect(() => bundle.call('getNamingQueue', -1)).toThrow(/1 sampai 90 hari, atau semua/);
    expect(() => bundle.call('getNamingQueue', 2.5)).toThrow(/1 sampai 90 hari, atau semua/);
    expect(() => bundle.call('getNamingQueue', 91)).toThrow(/1 sampai 90 hari, atau semua/);
  });

  it('"semua" (0) lists every unnamed buyer; every queue says how many orders its window has, and one with nobody left to name how many wait overall', () => {
    const { wb, bundle } = shop();
    const all = bundle.call<NamingQueueView>('getNamingQueue', 0);
    expect(all.days).toBe(0);
    expect(wb.documentProperties.get('kenali.recentDays')).toBe('0');
    const index = coreIndex(wb);
    const unnamed = index.list.filter((c) => c.profile === null).length;
    expect(all.entries).toHaveLength(unnamed);
    // Entries shown: the overall count (a column of Customers) is not read.
    expect(all.unnamedOverall).toBeNull();
    const orders = index.list.reduce((n, c) => n + c.orders.length, 0);
    expect(all.ordersInWindow).toBe(orders);
    const two = bundle.call<NamingQueueView>('getNamingQueue', 2);
    expect(two.unnamedOverall).toBeNull();
    expect(two.ordersInWindow).toBeGreaterThanOrEqual(two.entries.length);
    for (const e of two.entries) bundle.call('saveBuyerName', e.buyerKey, 'Nama', e.addressFull);
    const done = bundle.call<NamingQueueView>('getNamingQueue', 2);
    expect(done.entries).toHaveLength(0);
    expect(done.unnamedOverall).toBe(unnamed - two.entries.length);
    expect(bundle.call<LookupListView>('lookupCustomers', '', 0).total).toBe(index.list.length);
  });

  it('an empty name or a malformed key saves nothing and says why', () => {
    const { wb, bundle } = shop();
    const [first] = bundle.call<NamingQueueView>('getNamingQueue').entries;
    expect(() => bundle.call('saveBuyerName', first.buyerKey, '   ')).toThrow(/nama kosong/);
    // Invisible characters only (a zero-width space, a direction mark, pasted from a chat): empty too.
    expect(() => bundle.call('saveBuyerName', first.buyerKey, '\u200B')).toThrow(/nama kosong/);
    expect(() => bundle.call('saveBuyerName', first.buyerKey, ' \u200E\u2060\uFEFF ')).toThrow(/nama kosong/);
    expect(() => bundle.call('saveBuyerName', 'not-a-key', 'Budi')).toThrow(/ID pelanggan tidak valid/);
    expect(wb.readValues('BuyerProfile')).toHaveLength(1);
    // Around a real name they are trimmed; inside one (an emoji's joiner) kept.
    expect(
      bundle.call<SaveNameResult>('saveBuyerName', first.buyerKey, '\u200BBudi 👨\u200D👩\u200E')
        .buyerRealName,
    ).toBe('Budi 👨\u200D👩');
  });
});

describe('lookup on the bundle', () => {
  it('finds customers each of the four ways, named and unnamed, as core does', () => {
    const { wb, bundle } = shop();
    const index = coreIndex(wb);
    const target = index.list.find((c) => c.orders.length >= 2)!;
    bundle.call('saveBuyerName', target.key, 'Ratna Wijayakusumaningrat', target.addressFull);

    const keysFor = (q: string) =>
      bundle.call<LookupListView>('lookupCustomers', q).items.map((i) => i.buyerKey);
    // by real name (case-insensitive substring)
    expect(keysFor('WIJAYAKUSUMANINGRAT')).toEqual([target.key]);
    // by username
    expect(keysFor(target.buyerUsername.toUpperCase())).toContain(target.key);
    // by order number
    const sn = target.orders[1].order.orderSn;
    expect(keysFor(sn)).toEqual([target.key]);
    // by address (a piece of it)
    const piece = target.addressFull.slice(0, 18);
    const byAddress = keysFor(piece.toLowerCase());
    expect(byAddress).toContain(target.key);
    const expected = index.list.filter((c) =>
      c.addressFull.toLowerCase().includes(piece.toLowerCase().trim()),
    );
    expect(new Set(byAddress)).toEqual(new Set(expected.map((c) => c.key)));

    const found = bundle.call<LookupListView>('lookupCustomers', 'wijayakusumaningrat').items[0];
    expect(found.realName).toBe('Ratna Wijayakusumaningrat');
    expect(JSON.parse(JSON.stringify(found))).toEqual(found); // JSON-safe
  });

  it('list mode shows every buyer of the last 2 days, named or not', () => {
    const { wb, bundle } = shop();
    const list = bundle.call<LookupListView>('lookupCustomers', '');
    expect(list.mode).toBe('recent');
    expect(list.timeZone).toBe(TZ);
    const queue = bundle.call<NamingQueueView>('getNamingQueue');
    // nobody is named yet: the recent list and the naming queue hold the same buyers
    expect(new Set(list.items.map((i) => i.buyerKey))).toEqual(new Set(queue.entries.map((e) => e.buyerKey)));
    const named = queue.entries[0];
    bundle.call('saveBuyerName', named.buyerKey, 'Dewi', named.addressFull);
    const again = bundle.call<LookupListView>('lookupCustomers', '');
    expect(again.items.find((i) => i.buyerKey === named.buyerKey)?.realName).toBe('Dewi');
    expect(wb.readValues('BuyerProfile')).toHaveLength(2);
  });

  it('the detail equals core’s figures and carries the segment once Segments exists', () => {
    const { wb, bundle } = shop();
    const index = coreIndex(wb);
    const target = index.list.reduce((a, b) => (b.orders.length > a.orders.length ? b : a));
    const before = bundle.call<CustomerDetailView>('getCustomerDetail', target.key);
    expect(before.segment).toBeNull();
    expect(before.hasProfile).toBe(false);
    bundle.call('kenaliSegment');
    const detail = bundle.call<CustomerDetailView>('getCustomerDetail', target.key);
    expect(detail.segment?.rfm).toMatch(/^[1-5]{3}$/);
    expect(detail.segment?.background).toMatch(/^#[0-9a-f]{6}$/i);
    // read from two of the sheet's columns, as the whole sheet gives it (the summary beside it included)
    expect(detail.segment).toEqual(
      readSegmentsSheet(wb.readValues(texts.sheet.id.segmentsSheet)).get(target.key),
    );

    // core on the same sheets, items and payments included
    const full = buildCustomers({
      orders: readOrders(wb.readValues('Orders'), 'Orders', TZ).records,
      items: readItems(wb.readValues('OrderItems'), 'OrderItems', TZ).records,
      payments: [],
      profiles: [],
    });
    const expected = customerDetail(full, target.key, { timeZone: TZ, now: NOW }, detail.segment);
    expect(detail).toEqual(expected);
    expect(detail.stats.orderCount).toBeGreaterThan(1);
    expect(detail.topProducts.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(detail))).toEqual(detail);
    expect(bundle.call('getCustomerDetail', 'nobody|' + 'a'.repeat(40))).toBeNull();
  });
});

/** A shipped page in jsdom whose google.script.run reaches the bundle through the bridge. */
const pageOnBundle = (name: 'Naming' | 'Lookup', bundle: Bundle) => openPage(name, { bundle });

describe('the shipped pages on the bundle', () => {
  it('naming: type, Enter → the profile is in the sheet and the entry leaves the list', async () => {
    const { wb, bundle } = shop();
    const { doc, until } = await pageOnBundle('Naming', bundle);
    await until(() => doc.querySelectorAll('li.entry').length > 0, 'the queue');
    const count = doc.querySelectorAll('li.entry').length;
    const li = doc.querySelector('li.entry')!;
    const username = li.querySelector('.username')!.textContent;
    const input = li.querySelector<HTMLInputElement>('input.name-input')!;
    input.focus();
    typeInto(input, 'Putri Ayu');
    pressKey(input, 'Enter');
    await until(() => doc.querySelectorAll('li.entry').length === count - 1, 'the entry to leave');
    const rows = wb.readValues('BuyerProfile').slice(1);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([[username, 'Putri Ayu']]);
  });

  it('lookup: search by username, open the detail, see the real figures', async () => {
    const { wb, bundle } = shop();
    const index = coreIndex(wb);
    const target = index.list.reduce((a, b) => (b.orders.length > a.orders.length ? b : a));
    const { doc, until } = await pageOnBundle('Lookup', bundle);
    await until(() => doc.querySelector('.list-heading')?.textContent !== '', 'the recent list');
    const search = doc.querySelector<HTMLInputElement>('input.search-input')!;
    typeInto(search, target.buyerUsername);
    pressKey(search, 'Enter');
    await until(() => doc.querySelector('.list-heading')?.textContent?.includes('Hasil') ?? false, 'results');
    const row = [...doc.querySelectorAll('button.item')].find((b) =>
      b.querySelector('.item-address')?.textContent?.includes(target.addressFull.slice(0, 20)),
    );
    expect(row).toBeDefined();
    click(row!);
    await until(
      () => doc.querySelector('.customer-name')?.textContent === target.buyerUsername,
      'the detail',
    );
    expect(doc.querySelector('.temporary-profile')).not.toBeNull();
    expect(doc.body.textContent).toContain(target.orders[0].order.orderSn);
  });
});
