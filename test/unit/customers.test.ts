import { buildCustomers, CustomerGrouping, customerDetail, topProducts } from '../../src/core/customers';
import { addressIdentifier, buyerKeyOf } from '../../src/core/identity';
import { profileKey } from '../../src/core/profiles';
import type { SegmentView } from '../../src/core/views';
import { at, clockAt, item, order, payment, profile, store } from './helpers/records';

const ADDR = 'Jl. Merdeka 1, Bandung';
const ADDR2 = 'Jl. Sudirman 5, Jakarta';

describe('buildCustomers: identity', () => {
  it('makes one customer per (username, address) pair, never per username alone', () => {
    const index = buildCustomers(
      store({
        orders: [
          order({ buyerUsername: 'budi', addressFull: ADDR }),
          order({ buyerUsername: 'budi', addressFull: ADDR2 }),
          order({ buyerUsername: 'sari', addressFull: ADDR }),
          order({ buyerUsername: 'budi', addressFull: `  ${ADDR}\n` }),
        ],
      }),
    );
    expect(index.list).toHaveLength(3);
    const budi = index.byKey.get(buyerKeyOf('budi', ADDR))!;
    expect(budi.orders).toHaveLength(2); // surrounding white space does not make a new customer
    expect(budi.addressFull).toBe(ADDR);
    expect(budi.addressIdentifier).toBe(addressIdentifier(ADDR));
    expect(index.byKey.has(buyerKeyOf('budi', ADDR2))).toBe(true);
    expect(index.byKey.has(buyerKeyOf('sari', ADDR))).toBe(true);
  });

  it('keeps usernames exactly: case and inner characters are part of the identity', () => {
    const index = buildCustomers(
      store({
        orders: [
          order({ buyerUsername: 'Budi' }),
          order({ buyerUsername: 'budi' }),
          order({ buyerUsername: 'a|b' }),
        ],
      }),
    );
    expect(index.list.map((c) => c.buyerUsername).sort()).toEqual(['Budi', 'a|b', 'budi']);
  });
});

describe('buildCustomers: uniqueOrders (the caller vouches that no order_sn repeats)', () => {
  const records = () => {
    const orders = Array.from({ length: 60 }, (_, i) =>
      order({
        orderSn: `SN${i}`,
        buyerUsername: `u${i % 7}`,
        addressFull: i % 3 === 0 ? ADDR : ` ${ADDR2}`,
        at: `2024-0${1 + (i % 6)}-1${i % 10} 10:00`,
        status: i % 5 === 0 ? 'Batal' : 'Selesai',
      }),
    );
    return { orders, items: [item('SN4', 'Kopi', 3)], payments: [payment('SN8', 90_000)] };
  };

  it('gives the same customers, with or without lines and payments to join', () => {
    const r = records();
    for (const s of [store({ orders: r.orders }), store(r), store({ ...r, items: [] })]) {
      expect(buildCustomers(s, { uniqueOrders: true })).toEqual(buildCustomers(s));
    }
  });

  it('CustomerGrouping fed in parts gives what one buildCustomers call gives', () => {
    const { orders } = records();
    const g = new CustomerGrouping();
    g.add(orders.slice(0, 17));
    g.add([]);
    g.add(orders.slice(17));
    expect(g.finish()).toEqual(buildCustomers(store({ orders })));
  });

  it('still joins lines and payments (and counts orphans) when there are some', () => {
    const r = records();
    const index = buildCustomers(store({ ...r, payments: [...r.payments, payment('NONE', 1)] }), {
      uniqueOrders: true,
    });
    expect(index.orphanPayments).toBe(1);
    const sn4 = index.list.flatMap((c) => c.orders).find((co) => co.order.orderSn === 'SN4')!;
    expect(sn4.lines.map((l) => l.quantity)).toEqual([3]);
  });
});

describe('buildCustomers: profiles join by universal identifier, never by row', () => {
  it('attaches a profile wherever its row is, and only to its own address', () => {
    const profiles = [profile('sari', ADDR, 'Sari Dewi'), profile('budi', ADDR2, 'Budi di Jakarta')];
    const index = buildCustomers(
      store({
        orders: [
          order({ buyerUsername: 'budi', addressFull: ADDR }),
          order({ buyerUsername: 'budi', addressFull: ADDR2 }),
        ],
        profiles,
      }),
    );
    expect(index.byKey.get(buyerKeyOf('budi', ADDR))!.profile).toBeNull();
    expect(index.byKey.get(buyerKeyOf('budi', ADDR2))!.profile!.buyerRealName).toBe('Budi di Jakarta');
    // A profile without orders is still known (the queue and name saves need it) but is no customer.
    expect(index.profiles.get(buyerKeyOf('sari', ADDR))!.buyerRealName).toBe('Sari Dewi');
    expect(index.byKey.has(buyerKeyOf('sari', ADDR))).toBe(false);
  });

  it.each([
    {
      name: 'newest updated_at wins among duplicates',
      rows: [profile('budi', ADDR, 'Baru', 200), profile('budi', ADDR, 'Lama', 100)],
      expected: 'Baru',
    },
    {
      name: 'same updated_at: the later row wins',
      rows: [profile('budi', ADDR, 'Satu', 100), profile('budi', ADDR, 'Dua', 100)],
      expected: 'Dua',
    },
    {
      name: 'a named row beats a newer blank one',
      rows: [profile('budi', ADDR, 'Budi', 100), profile('budi', ADDR, '   ', 999)],
      expected: 'Budi',
    },
    { name: 'a blank name is no profile', rows: [profile('budi', ADDR, ' \t ', 100)], expected: null },
    {
      name: 'an upper-case hash typed by hand still joins',
      rows: [
        { ...profile('budi', ADDR, 'Budi'), addressIdentifier: ` ${addressIdentifier(ADDR).toUpperCase()} ` },
      ],
      expected: 'Budi',
    },
  ])('$name', ({ rows, expected }) => {
    const index = buildCustomers(
      store({ orders: [order({ buyerUsername: 'budi', addressFull: ADDR })], profiles: rows }),
    );
    const c = index.list[0];
    expect(c.profile?.buyerRealName ?? null).toBe(expected);
  });

  it('profileKey is the universal identifier', () => {
    expect(profileKey(profile('budi', ADDR, 'Budi'))).toBe(buyerKeyOf('budi', ADDR));
  });
});

describe('buildCustomers: metrics over counted orders', () => {
  const a = order({ orderSn: 'A', totalPrice: 100_000, at: '2024-03-01 09:00' });
  const b = order({ orderSn: 'B', totalPrice: 50_000, at: '2024-02-01 09:00', status: 'Batal' });
  const c = order({ orderSn: 'C', totalPrice: 70_000, at: '2024-04-01 09:00', status: 'Belum Bayar' });
  const d = order({
    orderSn: 'D',
    totalPrice: 80_000,
    at: '2024-04-02 09:00',
    status: 'Pengembalian Dana/Barang',
  });
  const e = order({ orderSn: 'E', totalPrice: 200_000, at: '2024-03-15 09:00', status: 'COMPLETED' });
  const items = [
    item('A', 'Kaos', 2, 'Hitam'),
    item('A', 'Kaos', 3, 'Putih'),
    item('B', 'Topi', 9),
    item('C', 'Topi', 9),
    item('D', 'Topi', 9),
    item('E', 'Celana', 1),
  ];

  it('sums each counted order once however many lines it has', () => {
    const m = buildCustomers(store({ orders: [a, b, c, d, e], items })).list[0].metrics;
    expect(m).toMatchObject({
      totalSpend: 300_000,
      orderCount: 2,
      averageOrderValue: 150_000,
      firstOrderAt: at('2024-03-01 09:00'),
      lastOrderAt: at('2024-03-15 09:00'),
      totalItems: 6,
      allOrderCount: 5,
      netIncome: null,
      adminFees: null,
      serviceFees: null,
      ordersWithPayment: 0,
    });
  });

  it('sums payments of counted orders only and says null when none exists', () => {
    const payments = [
      payment('A', 90_000, 5_000, 2_000),
      payment('B', 45_000, 3_000, 1_000),
      payment('E', 180_000, 15_000, 4_000),
    ];
    const m = buildCustomers(store({ orders: [a, b, c, d, e], items, payments })).list[0].metrics;
    expect(m.netIncome).toBe(270_000);
    expect(m.adminFees).toBe(20_000);
    expect(m.serviceFees).toBe(6_000);
    expect(m.ordersWithPayment).toBe(2);
    const onlyCancelledPaid = buildCustomers(store({ orders: [a, b], payments: [payment('B', 1, 1, 1)] }))
      .list[0].metrics;
    expect(onlyCancelledPaid.netIncome).toBeNull();
  });

  it('a customer with only cancelled orders exists, with zero counted figures', () => {
    const m = buildCustomers(store({ orders: [b], items })).list[0].metrics;
    expect(m).toMatchObject({
      totalSpend: 0,
      orderCount: 0,
      averageOrderValue: 0,
      allOrderCount: 1,
      totalItems: 0,
    });
    expect(m.firstOrderAt).toBeNull();
    expect(m.lastOrderAt).toBeNull();
  });

  it('a repeated order_sn counts once (the later row wins) and orphans are counted, not lost', () => {
    const first = order({ orderSn: 'X', totalPrice: 10, status: 'Belum Bayar' });
    const later = { ...first, totalPrice: 20, status: 'Selesai' };
    const index = buildCustomers(
      store({
        orders: [first, later],
        items: [item('X', 'P'), item('NOPE', 'Q')],
        payments: [payment('NOPE2', 1)],
      }),
    );
    expect(index.duplicateOrders).toBe(1);
    expect(index.orphanLines).toBe(1);
    expect(index.orphanPayments).toBe(1);
    expect(index.list[0].metrics).toMatchObject({ totalSpend: 20, orderCount: 1, allOrderCount: 1 });
  });
});

describe('buildCustomers: ordering', () => {
  it('orders newest first (same instant → greater order_sn first) and customers by newest order', () => {
    const t = '2024-05-01 10:00';
    const index = buildCustomers(
      store({
        orders: [
          order({ orderSn: '240501A', at: t }),
          order({ orderSn: '240501C', at: t }),
          order({ orderSn: '240430Z', at: '2024-04-30 10:00' }),
          order({ orderSn: '240501B', at: t }),
          order({ orderSn: 'S1', buyerUsername: 'zed', at: '2024-05-02 08:00' }),
          order({ orderSn: 'S2', buyerUsername: 'amy', at: '2024-05-02 08:00' }),
        ],
      }),
    );
    expect(index.list[0].orders.map((o) => o.order.orderSn)).toEqual(['S2']);
    expect(index.list.map((c) => c.buyerUsername)).toEqual(['amy', 'zed', 'budi']);
    expect(index.list[2].orders.map((o) => o.order.orderSn)).toEqual([
      '240501C',
      '240501B',
      '240501A',
      '240430Z',
    ]);
    expect(index.list[2].lastActivityAt).toBe(at(t));
  });
});

describe('customerDetail', () => {
  const segment: SegmentView = {
    rfm: '545',
    segmentId: 'champions',
    label: 'Juara',
    background: '#000',
    color: '#fff',
  };

  it('returns null for a key no order carries', () => {
    const index = buildCustomers(store({ orders: [order()], profiles: [profile('sari', ADDR, 'Sari')] }));
    expect(customerDetail(index, buyerKeyOf('nobody', ADDR), clockAt('2024-05-02 10:00'), null)).toBeNull();
    expect(customerDetail(index, buyerKeyOf('sari', ADDR), clockAt('2024-05-02 10:00'), null)).toBeNull();
  });

  it('shows stats, the last order of any status with its lines, and ISO instants', () => {
    const orders = [
      order({ orderSn: 'A', totalPrice: 100_000, at: '2024-04-28 10:00' }),
      order({ orderSn: 'B', totalPrice: 40_000, at: '2024-05-01 23:30', status: 'Dibatalkan oleh Pembeli' }),
    ];
    const items = [item('A', 'Kaos', 2, 'Hitam', 50_000), item('B', 'Topi', 1, 'Merah', 40_000)];
    const index = buildCustomers(
      store({
        orders,
        items,
        payments: [payment('A', 90_000, 7_000, 3_000)],
        profiles: [profile('budi', ADDR, ' Budi S ')],
      }),
    );
    const d = customerDetail(index, buyerKeyOf('budi', ADDR), clockAt('2024-05-02 00:30'), segment)!;
    expect(d.realName).toBe('Budi S');
    expect(d.displayName).toBe('Budi S');
    expect(d.hasProfile).toBe(true);
    expect(d.segment).toEqual(segment);
    expect(d.stats).toEqual({
      totalSpend: 100_000,
      orderCount: 1,
      averageOrderValue: 100_000,
      firstOrderAt: '2024-04-28T03:00:00.000Z',
      lastOrderAt: '2024-04-28T03:00:00.000Z',
      daysSinceLastOrder: 4,
      totalItems: 2,
      netIncome: 90_000,
      adminFees: 7_000,
      serviceFees: 3_000,
      ordersWithPayment: 1,
      allOrderCount: 2,
    });
    expect(d.lastOrder).toEqual({
      orderSn: 'B',
      createdAt: '2024-05-01T16:30:00.000Z',
      status: 'Dibatalkan oleh Pembeli',
      counted: false,
      totalPrice: 40_000,
      lines: [{ productName: 'Topi', variantName: 'Merah', variantSku: '', quantity: 1, price: 40_000 }],
    });
  });

  it('an unnamed buyer shows the username and a temporary profile', () => {
    const index = buildCustomers(store({ orders: [order({ buyerUsername: 'tono88' })] }));
    const d = customerDetail(index, index.list[0].key, clockAt('2024-05-02 10:00'), null)!;
    expect(d).toMatchObject({ realName: null, displayName: 'tono88', hasProfile: false, segment: null });
  });

  it.each([
    // [last counted order, now, time zone, expected whole local days]
    ['2024-05-01 23:30', '2024-05-02 00:30', 'Asia/Jakarta', 1], // one hour, but yesterday
    ['2024-05-02 00:30', '2024-05-02 23:30', 'Asia/Jakarta', 0], // 23 hours, same day
    ['2024-05-01 10:00', '2024-05-11 09:00', 'Asia/Jakarta', 10],
    ['2024-03-09 23:30', '2024-03-10 23:30', 'America/New_York', 1], // over a DST change (23 h day)
  ] as const)('days since last order %s → %s (%s) = %i', (last, now, tz, days) => {
    const index = buildCustomers(store({ orders: [order({ createdAt: at(last, tz) })] }));
    const d = customerDetail(index, index.list[0].key, clockAt(now, tz), null)!;
    expect(d.stats.daysSinceLastOrder).toBe(days);
  });

  it('days are counted in the clock’s zone, not UTC: 23:30 and 00:30 Jakarta are the same UTC day', () => {
    const index = buildCustomers(store({ orders: [order({ at: '2024-05-01 23:30' })] }));
    const now = at('2024-05-02 00:30');
    expect(
      customerDetail(index, index.list[0].key, { timeZone: 'Asia/Jakarta', now }, null)!.stats
        .daysSinceLastOrder,
    ).toBe(1);
    expect(
      customerDetail(index, index.list[0].key, { timeZone: 'UTC', now }, null)!.stats.daysSinceLastOrder,
    ).toBe(0);
  });
});

describe('topProducts', () => {
  it('groups by product name over counted orders: quantity, then orders, then name', () => {
    const orders = [
      order({ orderSn: 'A' }),
      order({ orderSn: 'B' }),
      order({ orderSn: 'C' }),
      order({ orderSn: 'X', status: 'Cancelled' }),
    ];
    const items = [
      item('A', 'Kaos', 2, 'Hitam'),
      item('A', 'Kaos', 1, 'Putih'), // same order, other variant: still one order for Kaos
      item('B', ' Kaos ', 1),
      item('A', 'Topi', 2),
      item('B', 'Topi', 1),
      item('C', 'Celana', 3),
      item('C', 'Bandana', 3),
      item('X', 'Jaket', 50), // cancelled: not bought
    ];
    const c = buildCustomers(store({ orders, items })).list[0];
    expect(topProducts(c)).toEqual([
      { productName: 'Kaos', quantity: 4, orders: 2 },
      { productName: 'Topi', quantity: 3, orders: 2 },
      { productName: 'Bandana', quantity: 3, orders: 1 },
      { productName: 'Celana', quantity: 3, orders: 1 },
    ]);
  });

  it('keeps the ten most bought', () => {
    const orders = [order({ orderSn: 'A' })];
    const items = Array.from({ length: 14 }, (_, i) => item('A', `P${String(i).padStart(2, '0')}`, i + 1));
    const top = topProducts(buildCustomers(store({ orders, items })).list[0]);
    expect(top).toHaveLength(10);
    expect(top[0]).toEqual({ productName: 'P13', quantity: 14, orders: 1 });
    expect(top[9].productName).toBe('P04');
  });
});
