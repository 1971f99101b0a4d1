// Real export layouts (test/fixtures/layouts.ts) through parseExport and the counting rule: returns in the
// return/refund column (Shopee id/en, TikTok id/en), Lazada's older Title Case export one row per item,
// Tokopedia's Laporan Penjualan, and Shopee's income workbook sheet by sheet.
import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { exportSheets, parseExport } from '../../src/core/exports';
import { unnamedStatuses } from '../../src/core/status';
import type { Grid, Order, ParsedExport } from '../../src/core/types';
import {
  type LazadaItem,
  lazadaTitleExport,
  shopeeExport,
  shopeeIncomeWorkbook,
  TOKOPEDIA_SAMPLE,
  tiktokExport,
  tokopediaExport,
  tokopediaTotal,
} from '../fixtures/layouts';

const TZ = 'Asia/Jakarta';
const jkt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 7, mi, s);
const errors = (r: ParsedExport) => r.problems.filter((p) => p.severity === 'error');
const warnings = (r: ParsedExport) => r.problems.filter((p) => p.severity === 'warning');

/** What counts: each customer's counted orders and spend. */
function counted(orders: readonly Order[]) {
  const index = buildCustomers({ orders, items: [], payments: [], profiles: [] });
  return index.list
    .map((c) => [c.buyerUsername, c.metrics.orderCount, c.metrics.totalSpend] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
}

describe('returns recorded in the return/refund column', () => {
  it.each(['id', 'en'] as const)(
    'Shopee (%s): an accepted return does not count, a refused one does',
    (lang) => {
      const words =
        lang === 'id'
          ? {
              done: 'Selesai',
              ok: 'Permintaan Disetujui',
              no: 'Permintaan Ditolak',
              wait: 'Menunggu Persetujuan',
            }
          : { done: 'Completed', ok: 'Request Approved', no: 'Request Rejected', wait: 'Requested' };
      const base = { created: '2024-05-01 10:00', product: 'Kaos', address: 'Jl. A' };
      const grid = shopeeExport(lang, [
        { ...base, sn: 'S1', status: words.done, ret: words.ok, user: 'ani', total: 100_000 },
        { ...base, sn: 'S2', status: words.done, ret: words.no, user: 'ani', total: 50_000 },
        { ...base, sn: 'S3', status: words.done, ret: words.wait, user: 'budi', total: 70_000 },
        { ...base, sn: 'S4', status: words.done, user: 'budi', total: 30_000 },
      ]);
      const r = parseExport(grid, 'Impor', TZ);
      expect(r.problems).toEqual([]);
      expect(r.orders.map((o) => [o.orderSn, o.returnStatus])).toEqual([
        ['S1', words.ok],
        ['S2', words.no],
        ['S3', words.wait],
        ['S4', ''],
      ]);
      expect(counted(r.orders)).toEqual([
        ['ani', 1, 50_000],
        ['budi', 2, 100_000],
      ]);
    },
  );

  it.each([
    ['en', 'Completed', 'Return/Refund', 'Cancel', 'Cancelled'],
    ['id', 'Selesai', 'Pengembalian/Pengembalian Dana', 'Pembatalan', 'Dibatalkan'],
  ])(
    'TikTok (%s values): Cancelation/Return Type decides a completed order',
    (_l, done, refund, cancel, cancelled) => {
      const base = {
        created: '01/05/2024 10:00:00',
        address: 'Jl. A',
        district: 'Kuta',
        province: 'Bali',
        product: 'Kaos',
      };
      const grid = tiktokExport([
        { ...base, sn: '576461000000000001', status: done, type: refund, user: 'ayu', amount: 90_000 },
        { ...base, sn: '576461000000000002', status: done, user: 'ayu', amount: 40_000 },
        { ...base, sn: '576461000000000003', status: cancelled, type: cancel, user: 'ayu', amount: 10_000 },
      ]);
      const r = parseExport(grid, 'TikTok', TZ);
      expect(r.problems).toEqual([]);
      expect(r.orders.map((o) => o.returnStatus)).toEqual([refund, '', cancel]);
      expect(counted(r.orders)).toEqual([['ayu', 1, 40_000]]);
    },
  );
});

describe('Lazada, older Title Case export, one row per item', () => {
  const item = (
    itemId: string,
    sn: string,
    status: string,
    price: number,
    product = 'Masker',
  ): LazadaItem => ({
    itemId,
    sn,
    status,
    price,
    product,
    user: 'Wayan S.',
    address: 'Jl. Raya Kuta 88, Badung',
    created: '06 May 2024 13:45',
  });

  it('reads the same fields as camelCase Lazada', () => {
    const r = parseExport(lazadaTitleExport([item('9001', '401', 'delivered', 50_000)]), 'Lazada', TZ);
    expect(r.source).toBe('lazada');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      {
        orderSn: '401',
        buyerUsername: 'Wayan S.',
        addressFull: 'Jl. Raya Kuta 88, Badung',
        totalPrice: 50_000,
        createdAt: jkt(2024, 5, 6, 13, 45),
        status: 'delivered',
        returnStatus: '',
      },
    ]);
    expect(r.items).toEqual([
      {
        orderSn: '401',
        productName: 'Masker',
        variantName: '',
        variantSku: 'SKU-MAS',
        quantity: 1,
        price: 50_000,
      },
    ]);
  });

  it('counts an item once however often its row is pasted', () => {
    const rows = [
      item('9001', '401', 'delivered', 50_000),
      item('9002', '401', 'delivered', 25_000, 'Sabun'),
    ];
    const r = parseExport(lazadaTitleExport([...rows, ...rows, rows[0]]), 'Lazada', TZ);
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => o.totalPrice)).toEqual([75_000]);
    expect(r.items.map((i) => i.productName)).toEqual(['Masker', 'Sabun']);
  });

  it('items of mixed statuses: the order counts exactly its counted items, whatever the row order', () => {
    const rows = [
      item('9001', '401', 'canceled', 50_000),
      item('9002', '401', 'delivered', 25_000, 'Sabun'),
      item('9003', '401', 'shipped', 10_000, 'Sikat'),
    ];
    const orders = fc.sample(fc.shuffledSubarray(rows, { minLength: 3 }), 12).map((perm) => {
      const r = parseExport(lazadaTitleExport(perm), 'Lazada', TZ);
      expect(errors(r)).toEqual([]);
      expect(warnings(r)).toEqual([expect.objectContaining({ column: 'Order Number', row: 2 })]);
      expect(warnings(r)[0].reason).toContain('2 dari 3 barang');
      expect(r.items.map((i) => i.productName).sort()).toEqual(['Sabun', 'Sikat']);
      return r.orders;
    });
    for (const o of orders)
      expect(o).toEqual([expect.objectContaining({ totalPrice: 35_000, status: 'delivered' })]);
    // Every item cancelled: the order does not count.
    const none = parseExport(lazadaTitleExport([rows[0], { ...rows[1], status: 'canceled' }]), 'Lazada', TZ);
    expect(warnings(none)).toEqual([]);
    expect(none.orders.map((o) => o.status)).toEqual(['canceled']);
    expect(counted(none.orders)).toEqual([['Wayan S.', 0, 0]]);
  });

  it('a repeated item id with another status keeps the later stage, with a warning', () => {
    const a = item('9001', '401', 'shipped', 50_000);
    const r = parseExport(lazadaTitleExport([{ ...a, status: 'delivered' }, a]), 'Lazada', TZ);
    expect(r.orders.map((o) => [o.status, o.totalPrice])).toEqual([['delivered', 50_000]]);
    expect(warnings(r)).toEqual([expect.objectContaining({ row: 3, column: 'Order Item Id' })]);
  });
});

describe('Tokopedia Laporan Penjualan', () => {
  const orders = TOKOPEDIA_SAMPLE;

  it('finds the header under the title rows and takes blank order cells from the order’s first line', () => {
    const grid = tokopediaExport(orders);
    expect(grid[3][1]).toBe('Nomor Invoice'); // row 4
    expect(grid[5][1]).toBe(''); // the second line of the first order has no invoice number
    const r = parseExport(grid, 'Tokopedia', TZ);
    expect(r.source).toBe('tokopedia');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      {
        orderSn: 'INV/20240501/MPL/3849000001',
        buyerUsername: 'Sari Dewi',
        addressFull: 'Jl. Kenanga No. 3, Coblong, Kota Bandung, Jawa Barat',
        totalPrice: 159_000,
        createdAt: jkt(2024, 5, 1, 13, 45, 10),
        status: 'Pesanan Selesai',
        returnStatus: '',
      },
      expect.objectContaining({ orderSn: 'INV/20240502/MPL/3849000002', totalPrice: 30_000 }),
      expect.objectContaining({ orderSn: 'INV/20240503/MPL/3849000003', totalPrice: 207_000 }),
    ]);
    expect(
      r.items.map((i) => [i.orderSn.slice(-2), i.productName, i.variantSku, i.quantity, i.price]),
    ).toEqual([
      ['01', 'Kaos Polos', 'KP-01', 2, 45_000],
      ['01', 'Topi', 'TP-02', 1, 30_000],
      ['01', 'Kaos Kaki', 'KK-03', 3, 10_000],
      ['02', 'Topi', 'TP-02', 1, 30_000],
      ['03', 'Jaket', 'JK-01', 1, 150_000],
      ['03', 'Kaos Polos', 'KP-01', 1, 45_000],
    ]);
    // The cancelled order (status, a dash, the reason on a second line) does not count.
    expect(counted(r.orders)).toEqual([
      ['Budi', 0, 0],
      ['Sari Dewi', 2, 366_000],
    ]);
  });

  it('variants: “No. Invoice”, the header on row 5, no order-total column (the lines are summed)', () => {
    const grid = tokopediaExport(orders, {
      rename: { 'Nomor Invoice': 'No. Invoice', 'Total Penjualan (IDR)': null },
      titleRows: 4,
    });
    expect(grid[4][1]).toBe('No. Invoice');
    const r = parseExport(grid, 'Tokopedia', TZ);
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => o.totalPrice)).toEqual(
      orders.map((o) => tokopediaTotal(o) - o.shipping), // Harga Awal × Jumlah, summed per order
    );
  });

  it('a later line that repeats the order with another value: the first line’s value, with a warning', () => {
    const grid = tokopediaExport(orders.slice(0, 1));
    const status = grid[3].indexOf('Status Terakhir');
    grid[5][status] = 'Dibatalkan Pembeli';
    const r = parseExport(grid, 'Tokopedia', TZ);
    expect(r.orders.map((o) => o.status)).toEqual(['Pesanan Selesai']);
    expect(warnings(r)).toEqual([expect.objectContaining({ row: 6, column: 'Status Terakhir' })]);
  });

  it('a line with no order above it is reported, never imported under another order', () => {
    const grid = tokopediaExport(orders.slice(0, 1));
    const orphan = grid[5].slice();
    const r = parseExport([...grid.slice(0, 4), orphan, ...grid.slice(4)], 'Tokopedia', TZ);
    expect(new Set(errors(r).map((p) => p.row))).toEqual(new Set([5]));
    expect(errors(r).map((p) => p.column)).toContain('Nomor Invoice');
    expect(r.orders).toHaveLength(1);
  });
});

describe('Shopee’s income workbook, sheet by sheet', () => {
  const book = shopeeIncomeWorkbook([
    {
      sn: '240501ABCDEF01',
      user: 'budi_s',
      created: '2024-05-01 13:45',
      income: 117_500,
      admin: -5_000,
      service: -2_500,
    },
    {
      sn: '240503QWE0003',
      user: 'rina',
      created: '2024-05-03 09:00',
      income: 73_935,
      admin: -3_975,
      service: -1_590,
    },
  ]);

  it('only Income is an export; the other sheets are skipped, not errors', () => {
    const { exports, skipped } = exportSheets(book);
    expect(exports.map((s) => s.name)).toEqual(['Income']);
    expect(skipped.map((s) => s.name)).toEqual([
      'Summary',
      'Service Fee Details',
      'Adjustment',
      'Order Processing Fee',
    ]);
    const r = parseExport(exports[0].grid, 'Income', TZ);
    expect(r.problems).toEqual([]);
    expect(r.payments).toEqual([
      { orderSn: '240501ABCDEF01', totalIncome: 117_500, adminFee: -5_000, serviceFee: -2_500 },
      { orderSn: '240503QWE0003', totalIncome: 73_935, adminFee: -3_975, serviceFee: -1_590 },
    ]);
  });

  it('the Order Processing Fee sheet pasted alone is one clear problem, not six missing columns', () => {
    const fee = book.find((s) => s.name === 'Order Processing Fee')!.grid as Grid;
    const r = parseExport(fee, 'Impor', TZ);
    expect(r.orders).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ row: 6, severity: 'error' });
  });
});

describe('statuses the rules do not name, from a real export', () => {
  it('lists them with their counts', () => {
    const base = {
      created: '2024-05-01 10:00',
      product: 'Kaos',
      address: 'Jl. A',
      user: 'ani',
      total: 1_000,
    };
    const grid = shopeeExport('id', [
      { ...base, sn: 'A', status: 'Menunggu Kurir Lokal' },
      { ...base, sn: 'B', status: 'Menunggu Kurir Lokal' },
      { ...base, sn: 'C', status: 'Sel\u200besai' }, // a zero-width space: still Selesai
      { ...base, sn: 'D', status: 'Selesai', ret: 'Sedang Ditinjau Shopee' },
    ]);
    const r = parseExport(grid, 'Impor', TZ);
    expect(unnamedStatuses(r.orders)).toEqual([
      { value: 'Menunggu Kurir Lokal', column: 'status', count: 2 },
      { value: 'Sedang Ditinjau Shopee', column: 'return', count: 1 },
    ]);
  });
});
