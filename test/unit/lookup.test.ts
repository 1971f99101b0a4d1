import { buildCustomers } from '../../src/core/customers';
import { buyerKeyOf } from '../../src/core/identity';
import { rankMatch, recentCustomers, searchCustomers } from '../../src/core/lookup';
import { clockAt, order, profile, store } from './helpers/records';

const NOW = clockAt('2024-05-03 08:00');

function shop() {
  const orders = [
    order({
      orderSn: '240503AAA',
      buyerUsername: 'budi_s',
      addressFull: 'Jl. Merdeka 1, Bandung',
      at: '2024-05-03 07:00',
    }),
    order({
      orderSn: '240420BBB',
      buyerUsername: 'budi_s',
      addressFull: 'Jl. Merdeka 1, Bandung',
      at: '2024-04-20 07:00',
    }),
    order({
      orderSn: '240502CCC',
      buyerUsername: 'sari.dewi',
      addressFull: 'Perum Griya Asri B-2, Depok',
      at: '2024-05-02 00:10',
    }),
    order({
      orderSn: '240501DDD',
      buyerUsername: 'tono',
      addressFull: 'Jl. Budi Utomo 3, Solo',
      at: '2024-05-01 23:50',
    }),
    order({
      orderSn: '240410EEE',
      buyerUsername: 'wati',
      addressFull: 'Jl. Melati 7, Malang',
      at: '2024-04-10 10:00',
      status: 'Batal',
    }),
    order({
      orderSn: '240503FFF',
      buyerUsername: 'uni',
      addressFull: 'Jl. Kenanga 2, Padang',
      at: '2024-05-03 07:30',
      status: 'Batal',
    }),
  ];
  const profiles = [
    profile('sari.dewi', 'Perum Griya Asri B-2, Depok', 'Sari Dewi Lestari'),
    profile('wati', 'Jl. Melati 7, Malang', 'Ibu Wati BUDIMAN'),
  ];
  return buildCustomers(store({ orders, profiles }));
}

describe('recentCustomers', () => {
  it('lists every buyer, named or not, with an order of any status in the window, newest first', () => {
    const v = recentCustomers(shop(), NOW, 2, 'en');
    expect(v).toMatchObject({ lang: 'en', mode: 'recent', query: '', days: 2, total: 3 });
    expect(v.items.map((i) => i.buyerUsername)).toEqual(['uni', 'budi_s', 'sari.dewi']);
    expect(v.items[1]).toEqual({
      buyerKey: buyerKeyOf('budi_s', 'Jl. Merdeka 1, Bandung'),
      buyerUsername: 'budi_s',
      realName: null,
      addressFull: 'Jl. Merdeka 1, Bandung',
      lastActivityAt: '2024-05-03T00:00:00.000Z',
      lastActivitySn: '240503AAA',
      orderCount: 2,
    });
    expect(v.items[2].realName).toBe('Sari Dewi Lestari');
    expect(v.items[0].orderCount).toBe(0); // only a cancelled order: nothing counted
  });

  it('widens with days and caps items at limit while total counts all', () => {
    const v = recentCustomers(shop(), NOW, 3, 'id', 2);
    expect(v.total).toBe(4);
    expect(v.items.map((i) => i.buyerUsername)).toEqual(['uni', 'budi_s']);
    expect(recentCustomers(shop(), NOW, 3, 'id', 0).items).toEqual([]);
  });

  it('refuses a negative or fractional limit', () => {
    expect(() => recentCustomers(shop(), NOW, 2, 'id', -1)).toThrow(RangeError);
    expect(() => searchCustomers(shop(), 'x', 'id', 2.5)).toThrow(RangeError);
  });
});

describe('searchCustomers', () => {
  const index = shop();
  const users = (q: string) => searchCustomers(index, q).items.map((i) => i.buyerUsername);

  it.each([
    ['real name, any case', 'lestari', ['sari.dewi']],
    ['username', 'TONO', ['tono']],
    ['an older order number', '240420bbb', ['budi_s']],
    ['address', 'griya asri', ['sari.dewi']],
    ['surrounding space ignored', '   melati 7  ', ['wati']],
    [
      'username and name starts before an address, newest first in a rank',
      'budi',
      ['budi_s', 'wati', 'tono'],
    ],
    ['no match', 'zzz', []],
    ['a match may not span two fields', 'lestarisari', []],
  ])('finds by %s', (_label, q, expected) => {
    expect(users(q)).toEqual(expected);
  });

  it('reports the query, counts all matches and caps the items', () => {
    const v = searchCustomers(index, '  jl. ', 'en', 2);
    expect(v).toMatchObject({ lang: 'en', mode: 'search', query: 'jl.', total: 4 });
    expect(v.items).toHaveLength(2);
  });

  it('an empty query matches everyone', () => {
    expect(searchCustomers(index, '   ').total).toBe(index.list.length);
  });

  it('says what matched: the field, its text and the span', () => {
    const [hit] = searchCustomers(index, 'GRIYA').items;
    expect(hit.match).toEqual({ field: 'address', text: 'Perum Griya Asri B-2, Depok', start: 6, length: 5 });
    const [byOrder] = searchCustomers(index, '240420bbb').items;
    expect(byOrder.match).toEqual({ field: 'orderSn', text: '240420BBB', start: 0, length: 9 });
    expect(byOrder.lastActivitySn).toBe('240503AAA');
  });

  it('ranks a whole username, name or order number first, then starts, then inside, then the address', () => {
    const shop2 = buildCustomers(
      store({
        orders: [
          order({
            orderSn: 'A1',
            buyerUsername: 'ani',
            addressFull: 'Jl. Setiabudi 9, Medan',
            at: '2024-05-03 07:00',
          }),
          order({
            orderSn: 'A2',
            buyerUsername: 'kangbudi',
            addressFull: 'Jl. Mawar 1',
            at: '2024-05-02 07:00',
          }),
          order({
            orderSn: 'A3',
            buyerUsername: 'budiman',
            addressFull: 'Jl. Mawar 2',
            at: '2024-05-01 07:00',
          }),
          order({ orderSn: 'A4', buyerUsername: 'budi', addressFull: 'Jl. Mawar 3', at: '2024-04-01 07:00' }),
          order({
            orderSn: 'BUDI',
            buyerUsername: 'zed',
            addressFull: 'Jl. Mawar 4',
            at: '2024-03-01 07:00',
          }),
        ],
      }),
    );
    const ranked = searchCustomers(shop2, 'Budi').items.map((i) => i.buyerUsername);
    expect(ranked).toEqual(['budi', 'zed', 'budiman', 'kangbudi', 'ani']);
  });

  it('marks nothing when case folding changes the text length, and matches nothing on an empty query', () => {
    const r = rankMatch({ name: 'İstanbul Budi', username: 'x', address: '', orderSns: [] }, 'budi');
    expect(r).toMatchObject({ rank: 1, match: { field: 'name', start: 0, length: 0 } });
    expect(rankMatch({ name: 'a', username: 'b', address: 'c', orderSns: [] }, '')).toBeNull();
  });

  it('repeated searches on one index give the same answers (cached blobs)', () => {
    expect(users('budi')).toEqual(users('budi'));
    const other = buildCustomers(store({ orders: [order({ buyerUsername: 'budi_lain' })] }));
    expect(searchCustomers(other, 'budi').items.map((i) => i.buyerUsername)).toEqual(['budi_lain']);
  });
});
