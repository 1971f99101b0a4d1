// Store sheets: schemas, readers (canonical or marketplace headers), writers, and the import merge.

import { parseExport } from '../../src/core/exports';
import { addressIdentifier, buyerKeyOf } from '../../src/core/identity';
import { effectiveProfiles } from '../../src/core/profiles';
import {
  historyRowValues,
  importSummary,
  itemRowValues,
  mergeImport,
  orderRowValues,
  type ProfileRow,
  paymentRowValues,
  problemRowCount,
  profileRowValues,
  readItems,
  readOrders,
  readPayments,
  readProfiles,
  STORE_SCHEMAS,
  type StoreContent,
} from '../../src/core/store';
import type { Grid, Order, OrderItem, OrderPayment, ParsedExport } from '../../src/core/types';

const TZ = 'Asia/Jakarta';
const jkt = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h - 7, mi);
const NOW = Date.UTC(2024, 5, 1, 3);

const order = (orderSn: string, status = 'Selesai', totalPrice = 100_000, buyerUsername = 'ani'): Order => ({
  orderSn,
  buyerUsername,
  addressFull: `Jl. ${buyerUsername}`,
  totalPrice,
  createdAt: jkt(2024, 5, 1, 10),
  status,
  returnStatus: '',
});
const item = (
  orderSn: string,
  productName: string,
  quantity = 1,
  price: number | null = 10_000,
): OrderItem => ({
  orderSn,
  productName,
  variantName: '',
  variantSku: '',
  quantity,
  price,
});
const pay = (orderSn: string, totalIncome: number): OrderPayment => ({
  orderSn,
  totalIncome,
  adminFee: -1_000,
  serviceFee: -500,
});
const exp = (orders: Order[], items: OrderItem[] = [], payments: OrderPayment[] = []): ParsedExport => ({
  source: 'test',
  orders,
  items,
  payments,
  problems: [],
});
const empty: StoreContent = { orders: [], items: [], payments: [] };

describe('STORE_SCHEMAS', () => {
  it('names the sheets and canonical headers of the SPEC', () => {
    expect(STORE_SCHEMAS.orders).toMatchObject({
      sheet: 'Orders',
      headers: [
        'order_sn',
        'buyer_username',
        'address_full',
        'total_price',
        'created_at',
        'status',
        'return_status',
      ],
    });
    expect(STORE_SCHEMAS.items.headers).toEqual([
      'order_sn',
      'product_name',
      'variant_name',
      'variant_sku',
      'quantity',
      'price',
    ]);
    expect(STORE_SCHEMAS.payments.headers).toEqual(['order_sn', 'total_income', 'admin_fee', 'service_fee']);
    expect(STORE_SCHEMAS.profiles).toMatchObject({
      sheet: 'BuyerProfile',
      headers: ['buyer_username', 'address_identifier', 'buyer_real_name', 'updated_at', 'address_full'],
    });
    expect(STORE_SCHEMAS.history.headers).toEqual(['order_sn', 'old_status', 'new_status', 'changed_at']);
    for (const s of Object.values(STORE_SCHEMAS)) {
      for (const c of s.textColumns) expect(s.headers).toContain(c);
    }
  });
});

describe('writers and readers round-trip', () => {
  it('orders: Date objects and numbers out, the same records back', () => {
    const orders = [order('A'), order('=B', '', 1_500.5, '@evil')];
    const rows = orders.map(orderRowValues);
    expect(rows[0][4]).toBeInstanceOf(Date);
    expect(rows[0][3]).toBe(100_000);
    const back = readOrders([STORE_SCHEMAS.orders.headers.slice(), ...rows], 'Orders', TZ);
    expect(back).toEqual({ records: orders, problems: [] });
  });

  it("items: '' for an unknown price, read back as null", () => {
    const items = [item('A', 'Kaos', 2, 55_000), item('A', 'Topi', 1, null)];
    const rows = items.map(itemRowValues);
    expect(rows[1][5]).toBe('');
    expect(readItems([STORE_SCHEMAS.items.headers.slice(), ...rows], 'OrderItems', TZ)).toEqual({
      records: items,
      problems: [],
    });
  });

  it('payments and profiles', () => {
    const payments = [pay('A', 98_500)];
    expect(
      readPayments([STORE_SCHEMAS.payments.headers.slice(), ...payments.map(paymentRowValues)], 'P', TZ),
    ).toEqual({ records: payments, problems: [] });
    const p = {
      buyerUsername: 'ani',
      addressIdentifier: addressIdentifier('Jl. Ani'),
      buyerRealName: 'Ani Wijaya',
      updatedAt: Date.UTC(2024, 4, 2),
      addressFull: 'Jl. Ani',
    };
    const grid: Grid = [STORE_SCHEMAS.profiles.headers.slice(), ['', '', '', '', ''], profileRowValues(p)];
    expect(readProfiles(grid, 'BuyerProfile', TZ)).toEqual({ records: [{ ...p, row: 3 }], problems: [] });
  });

  it('history rows', () => {
    expect(historyRowValues({ orderSn: 'A', oldStatus: 'X', newStatus: 'Y', changedAt: NOW })).toEqual([
      'A',
      'X',
      'Y',
      new Date(NOW),
    ]);
  });
});

describe('readers', () => {
  it('accept marketplace headers in any order and ignore extra columns', () => {
    const grid: Grid = [
      [
        'Catatan',
        'Status Pesanan',
        'Total Pembayaran',
        'No. Pesanan',
        'Username (Pembeli)',
        'Waktu Pesanan Dibuat',
        'Alamat Pengiriman',
      ],
      ['x', 'Selesai', 'Rp 125.000', 240501, ' budi ', '2024-05-01 13:45', 'Jl. B'],
    ];
    expect(readOrders(grid, 'Orders', TZ)).toEqual({
      records: [
        {
          orderSn: '240501',
          buyerUsername: 'budi',
          addressFull: 'Jl. B',
          totalPrice: 125_000,
          createdAt: jkt(2024, 5, 1, 13, 45),
          status: 'Selesai',
          returnStatus: '',
        },
      ],
      problems: [],
    });
    const items: Grid = [
      ['Quantity', 'Product Name', 'Order ID', 'SKU Induk'],
      [2, 'Kaos', 'A', 'K-1'],
    ];
    expect(readItems(items, 'OrderItems', TZ).records).toEqual([
      { orderSn: 'A', productName: 'Kaos', variantName: '', variantSku: 'K-1', quantity: 2, price: null },
    ]);
    const payments: Grid = [
      ['No. Pesanan', 'Total Penghasilan', 'Biaya Layanan (termasuk PPN 11%)', 'Biaya Administrasi'],
    ];
    payments.push(['A', 'Rp 90.000', -2_000, -3_000]);
    expect(readPayments(payments, 'P', TZ).records).toEqual([
      { orderSn: 'A', totalIncome: 90_000, adminFee: -3_000, serviceFee: -2_000 },
    ]);
  });

  it('treat a blank sheet as an empty store', () => {
    expect(readOrders([], 'Orders', TZ)).toEqual({ records: [], problems: [] });
    expect(readItems([['', ''], ['']], 'OrderItems', TZ)).toEqual({ records: [], problems: [] });
  });

  it('report a missing required column at row 1 and read nothing', () => {
    const r = readOrders(
      [
        ['order_sn', 'buyer_username', 'address_full', 'total_price', 'status'],
        ['A', 'ani', '', 1, ''],
      ],
      'Orders',
      TZ,
    );
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ sheet: 'Orders', row: 1, column: 'created_at', severity: 'error' }),
    ]);
  });

  it('report an unreadable value with its row and header, leaving the row out', () => {
    const grid: Grid = [
      STORE_SCHEMAS.orders.headers.slice(),
      orderRowValues(order('A')),
      ['B', 'budi', 'Jl', 'seratus', new Date(0), 'Selesai'],
      orderRowValues(order('C')),
    ];
    const r = readOrders(grid, 'Orders', TZ);
    expect(r.records.map((o) => o.orderSn)).toEqual(['A', 'C']);
    expect(r.problems).toEqual([
      {
        sheet: 'Orders',
        row: 3,
        column: 'total_price',
        code: 'bad-value',
        reason: expect.stringContaining('seratus'),
        severity: 'error',
      },
    ]);
  });

  it('warn about a repeated order number and keep both rows', () => {
    const grid: Grid = [
      STORE_SCHEMAS.orders.headers.slice(),
      orderRowValues(order('A')),
      orderRowValues(order('A', 'Batal')),
    ];
    const r = readOrders(grid, 'Orders', TZ);
    expect(r.records).toHaveLength(2);
    expect(r.problems).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'order_sn',
        severity: 'warning',
        reason: expect.stringContaining('2'),
      }),
    ]);
  });

  it('items: quantity must be a positive whole number', () => {
    const grid: Grid = [STORE_SCHEMAS.items.headers.slice(), ['A', 'Kaos', '', '', 0, '']];
    const r = readItems(grid, 'OrderItems', TZ);
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, column: 'quantity', severity: 'error' })]);
  });
});

describe('readProfiles', () => {
  const H = STORE_SCHEMAS.profiles.headers.slice();

  it('returns 1-based sheet rows and never drops a hand-typed row that can be linked', () => {
    const grid: Grid = [
      H,
      ['ani', addressIdentifier('Jl. Ani').toUpperCase(), 'Ani', new Date(NOW), 'Jl. Ani'],
      ['budi', '', 'Budi', '', '  Jl. Budi  '], // typed by hand: identifier computed, no date
      ['citra', 'not-a-hash', 'Citra', new Date(NOW), 'Jl. Citra'],
      ['dodi', '', 'Dodi', new Date(NOW), ''],
    ];
    const r = readProfiles(grid, 'BuyerProfile', TZ);
    expect(r.records.map((p) => [p.buyerUsername, p.row, p.addressIdentifier, p.updatedAt])).toEqual([
      ['ani', 2, addressIdentifier('Jl. Ani'), NOW],
      ['budi', 3, addressIdentifier('Jl. Budi'), 0],
    ]);
    expect(r.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [3, 'updated_at', 'warning'],
      [4, 'address_identifier', 'error'],
      [5, 'address_identifier', 'error'],
    ]);
  });

  it('warns about a duplicate profile; the profile used is the one customers.ts prefers', () => {
    const id = addressIdentifier('Jl. Ani');
    const grid: Grid = [
      H,
      ['ani', id, 'Ani', new Date(NOW), 'Jl. Ani'],
      ['x', id, 'X', new Date(NOW), 'Jl. Ani'],
      ['ani', id, 'Ani W', new Date(NOW), 'Jl. Ani'],
    ];
    const r = readProfiles(grid, 'BuyerProfile', TZ);
    expect(r.problems).toEqual([expect.objectContaining({ row: 4, severity: 'warning' })]);
    expect(r.problems[0].reason).toContain('updated_at terbaru');
    const used = effectiveProfiles(r.records);
    // same updated_at, both named: the lower row (4) is used, as the warning says
    expect((used.get(buyerKeyOf('ani', 'Jl. Ani')) as ProfileRow).row).toBe(4);
    expect(used.get(buyerKeyOf('x', 'Jl. Ani'))?.buyerRealName).toBe('X');
    expect(used.get(buyerKeyOf('ani', 'Jl. Lain'))).toBeUndefined();
    expect(used.get('ani')).toBeUndefined();
  });

  it('finds a username containing "|" by splitting the key at the last bar', () => {
    const id = addressIdentifier('Jl. P');
    const r = readProfiles([H, ['a|b', id, 'AB', new Date(NOW), 'Jl. P']], 'BuyerProfile', TZ);
    expect((effectiveProfiles(r.records).get(`a|b|${id}`) as ProfileRow).row).toBe(2);
  });
});

describe('mergeImport', () => {
  const first = exp(
    [order('A', 'Perlu Dikirim'), order('B')],
    [item('A', 'Kaos', 2), item('A', 'Topi'), item('B', 'Tas')],
    [pay('A', 90_000)],
  );

  it('adds new orders, lines and payments', () => {
    const m = mergeImport(empty, [first], NOW);
    expect(m.orders.map((o) => o.orderSn)).toEqual(['A', 'B']);
    expect(m.items).toHaveLength(3);
    expect(m.payments).toEqual([pay('A', 90_000)]);
    expect(m.history).toEqual([]);
    expect(m.stats).toEqual({
      newOrders: 2,
      updatedOrders: 0,
      unchangedOrders: 0,
      olderOrders: 0,
      newPayments: 1,
      updatedPayments: 0,
    });
  });

  it('is idempotent: the same export twice gives identical content and nothing new or updated', () => {
    const once = mergeImport(empty, [first], NOW);
    const twice = mergeImport(once, [first], NOW + 1000);
    expect({ orders: twice.orders, items: twice.items, payments: twice.payments }).toEqual({
      orders: once.orders,
      items: once.items,
      payments: once.payments,
    });
    expect(twice.history).toEqual([]);
    expect(twice.stats).toEqual({
      newOrders: 0,
      updatedOrders: 0,
      unchangedOrders: 2,
      olderOrders: 0,
      newPayments: 0,
      updatedPayments: 0,
    });
  });

  it('records a status change in history and updates the row in place', () => {
    const store = mergeImport(empty, [first], NOW);
    const later = exp(
      [order('C'), order('A', 'Selesai')],
      [item('A', 'Kaos', 2), item('A', 'Topi'), item('C', 'Sepatu')],
    );
    const m = mergeImport(store, [later], NOW + 5);
    expect(m.orders.map((o) => [o.orderSn, o.status])).toEqual([
      ['A', 'Selesai'],
      ['B', 'Selesai'],
      ['C', 'Selesai'],
    ]);
    expect(m.history).toEqual([
      { orderSn: 'A', oldStatus: 'Perlu Dikirim', newStatus: 'Selesai', changedAt: NOW + 5 },
    ]);
    expect(m.stats).toEqual({
      newOrders: 1,
      updatedOrders: 1,
      unchangedOrders: 0,
      olderOrders: 0,
      newPayments: 0,
      updatedPayments: 0,
    });
  });

  it('updates other field differences without history', () => {
    const store = mergeImport(empty, [first], NOW);
    const m = mergeImport(store, [exp([order('B', 'Selesai', 120_000)])], NOW);
    expect(m.orders[1].totalPrice).toBe(120_000);
    expect(m.history).toEqual([]);
    expect(m.stats.updatedOrders).toBe(1);
  });

  it("replaces an incoming order's lines in place and keeps other orders' lines", () => {
    const store = mergeImport(empty, [first], NOW);
    const m = mergeImport(store, [exp([order('A', 'Selesai')], [item('A', 'Kaos', 3)])], NOW);
    expect(m.items.map((i) => `${i.orderSn}:${i.productName}x${i.quantity}`)).toEqual([
      'A:Kaosx3',
      'B:Tasx1',
    ]);
  });

  it('keeps the lines of orders an export carries no lines for (an orders-only sheet)', () => {
    const store = mergeImport(empty, [first], NOW);
    const m = mergeImport(store, [exp([order('A', 'Selesai'), order('B')])], NOW);
    expect(m.items).toEqual(store.items);
  });

  it('upserts payments by order number', () => {
    const store = mergeImport(empty, [first], NOW);
    const m = mergeImport(store, [exp([], [], [pay('A', 91_000), pay('B', 50_000), pay('A', 91_000)])], NOW);
    expect(m.payments).toEqual([pay('A', 91_000), pay('B', 50_000)]);
    expect(m.stats).toMatchObject({ newPayments: 1, updatedPayments: 1 });
  });

  it('applies several exports in order: the later one wins', () => {
    const m = mergeImport(
      empty,
      [exp([order('A', 'Belum Bayar')], [item('A', 'X')]), exp([order('A', 'Dikirim')], [item('A', 'Y')])],
      NOW,
    );
    expect(m.orders).toEqual([order('A', 'Dikirim')]);
    expect(m.items.map((i) => i.productName)).toEqual(['Y']);
    expect(m.history).toEqual([
      { orderSn: 'A', oldStatus: 'Belum Bayar', newStatus: 'Dikirim', changedAt: NOW },
    ]);
  });

  it('does not mutate its inputs', () => {
    const store = mergeImport(empty, [first], NOW);
    const snapshot = structuredClone(store);
    mergeImport(store, [exp([order('A', 'Batal')], [item('A', 'Z')])], NOW);
    expect(store).toEqual(snapshot);
  });

  it('end to end: the same pasted export imported twice changes nothing', () => {
    const grid: Grid = [
      [
        'No. Pesanan',
        'Status Pesanan',
        'Username (Pembeli)',
        'Alamat Pengiriman',
        'Waktu Pesanan Dibuat',
        'Total Pembayaran',
        'Nama Produk',
        'Jumlah',
      ],
      ['S1', 'Dikirim', 'ani', 'Jl. A', '2024-05-01 10:00', 'Rp 100.000', 'Kaos', 1],
      ['S1', 'Dikirim', 'ani', 'Jl. A', '2024-05-01 10:00', 'Rp 100.000', 'Topi', 2],
      ['S2', 'Selesai', 'budi', 'Jl. B', '2024-05-02 10:00', 'Rp 50.000', 'Tas', 1],
    ];
    const parsed = parseExport(grid, 'Tempel', TZ);
    const once = mergeImport(empty, [parsed], NOW);
    // Written to the sheets and read back, as the import does.
    const stored: StoreContent = {
      orders: readOrders(
        [STORE_SCHEMAS.orders.headers.slice(), ...once.orders.map(orderRowValues)],
        'Orders',
        TZ,
      ).records,
      items: readItems(
        [STORE_SCHEMAS.items.headers.slice(), ...once.items.map(itemRowValues)],
        'OrderItems',
        TZ,
      ).records,
      payments: [],
    };
    const twice = mergeImport(stored, [parseExport(grid, 'Tempel', TZ)], NOW);
    expect(twice.orders).toEqual(stored.orders);
    expect(twice.items).toEqual(stored.items);
    expect(twice.stats).toMatchObject({ newOrders: 0, updatedOrders: 0, unchangedOrders: 2 });
  });
});

describe('import summary', () => {
  it('counts the distinct rows with errors and words the result', () => {
    const problems = [
      {
        sheet: 'S',
        row: 3,
        column: 'a',
        code: 'bad-value' as const,
        reason: 'x',
        severity: 'error' as const,
      },
      {
        sheet: 'S',
        row: 3,
        column: 'b',
        code: 'bad-value' as const,
        reason: 'y',
        severity: 'error' as const,
      },
      {
        sheet: 'S',
        row: 4,
        column: 'a',
        code: 'duplicate' as const,
        reason: 'z',
        severity: 'warning' as const,
      },
      {
        sheet: 'T',
        row: 3,
        column: 'a',
        code: 'bad-value' as const,
        reason: 'x',
        severity: 'error' as const,
      },
    ];
    expect(problemRowCount(problems)).toBe(2);
    const stats = {
      newOrders: 5,
      updatedOrders: 2,
      unchangedOrders: 7,
      olderOrders: 0,
      newPayments: 0,
      updatedPayments: 0,
    };
    expect(importSummary(stats, problems)).toBe(
      '5 pesanan baru, 2 diperbarui, 7 tidak berubah, 2 baris bermasalah',
    );
    expect(importSummary(stats, problems, 'en')).toBe(
      '5 new orders, 2 updated, 7 unchanged, 2 rows with problems',
    );
  });
});
