// parseExport against each known export format (CSV fixtures pasted as plain text, plus inline grids for
// the edge cases): header detection, stacked exports, dedupe, problems and the locale warning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { findBlocks, parseExport } from '../../src/core/exports';
import { readOrderSn } from '../../src/core/fields';
import { detectHeader, normaliseHeader } from '../../src/core/headers';
import type { CellValue, Grid, ParsedExport } from '../../src/core/types';

const TZ = 'Asia/Jakarta';
/** Jakarta is UTC+7 all year (no DST): an independent oracle for local times. */
const jkt = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => Date.UTC(y, mo - 1, d, h - 7, mi, s);

function fixture(name: string): Grid {
  const text = readFileSync(join(__dirname, '../fixtures/exports', name), 'utf8');
  return Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false }).data;
}

const errors = (r: ParsedExport) => r.problems.filter((p) => p.severity === 'error');
const warnings = (r: ParsedExport) => r.problems.filter((p) => p.severity === 'warning');
const orderOf = (r: ParsedExport, sn: string) => r.orders.find((o) => o.orderSn === sn);

const SHOPEE_HEAD = [
  'No. Pesanan',
  'Status Pesanan',
  'Username (Pembeli)',
  'Alamat Pengiriman',
  'Waktu Pesanan Dibuat',
  'Total Pembayaran',
  'Nama Produk',
  'Jumlah',
];
/** One Shopee line in SHOPEE_HEAD's column order. */
const line = (
  sn: CellValue,
  status: string,
  user: string,
  created: CellValue,
  total: CellValue,
  product = 'Kaos',
  qty: CellValue = 1,
) => [sn, status, user, `Alamat ${user}`, created, total, product, qty];

describe('Shopee (Indonesian headers)', () => {
  const r = parseExport(fixture('shopee-id.csv'), 'Tempel', TZ);

  it('splits lines into orders and items, deduped by order number', () => {
    expect(r.source).toBe('shopee');
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => o.orderSn)).toEqual(['240501ABCDEF01', '240502XYZ0002', '240503QWE0003']);
    expect(r.items).toHaveLength(4);
    expect(r.items.filter((i) => i.orderSn === '240501ABCDEF01').map((i) => i.productName)).toEqual([
      'Kaos Polos Premium',
      'Topi Baseball',
    ]);
  });

  it('reads order fields: money text, dates in the sheet zone, status', () => {
    expect(orderOf(r, '240501ABCDEF01')).toEqual({
      orderSn: '240501ABCDEF01',
      buyerUsername: 'budi_s',
      addressFull: 'Jl. Melati No. 5, Menteng, KOTA JAKARTA PUSAT, DKI JAKARTA, ID, 10310',
      totalPrice: 125_000,
      createdAt: jkt(2024, 5, 1, 13, 45),
      status: 'Selesai',
      returnStatus: '',
    });
    expect(orderOf(r, '240502XYZ0002')).toMatchObject({ totalPrice: 80_000.5, status: 'Batal' });
    expect(orderOf(r, '240502XYZ0002')?.createdAt).toBe(jkt(2024, 5, 2, 0, 30));
    // Day-first text date and comma thousands in the same file.
    expect(orderOf(r, '240503QWE0003')).toMatchObject({
      totalPrice: 79_500,
      createdAt: jkt(2024, 5, 1, 23, 30),
    });
  });

  it('takes Nomor Referensi SKU, else SKU Induk, and reads quantity and price', () => {
    const [kaos, topi] = r.items;
    expect(kaos).toEqual({
      orderSn: '240501ABCDEF01',
      productName: 'Kaos Polos Premium',
      variantName: 'Hitam,XL',
      variantSku: 'KAOS-01-HTM-XL',
      quantity: 2,
      price: 55_000,
    });
    expect(topi).toMatchObject({ variantSku: 'TOPI-01', quantity: 1, price: 15_000 });
  });

  it('keeps untrusted text as it is (no escaping, no trimming of non-key text)', () => {
    const o = orderOf(r, '240503QWE0003')!;
    expect(o.buyerUsername).toBe("=cmd|' /C calc'!A0");
    expect(o.addressFull).toBe('  Jl. Mawar 7, Sleman  ');
    expect(r.items.find((i) => i.orderSn === '240503QWE0003')?.productName).toBe(
      '=HYPERLINK("http://x.example","Mug")',
    );
  });
});

describe('Shopee (English headers) below a title', () => {
  const grid = fixture('shopee-en.csv');
  const r = parseExport(grid, 'Paste', TZ);

  it('finds the header row under the title and notes', () => {
    expect(findBlocks(grid).map((b) => [b.headerIndex, b.match.format.id])).toEqual([[3, 'shopee-en']]);
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      {
        orderSn: '240601EN00001',
        buyerUsername: 'rina88',
        addressFull: 'Jl. Sudirman 10, Surabaya',
        totalPrice: 52_000,
        createdAt: jkt(2024, 6, 1, 9, 15, 30),
        status: 'Completed',
        returnStatus: '',
      },
      {
        orderSn: '240601EN00002',
        buyerUsername: 'joko',
        addressFull: 'Jl. Ahmad Yani 3, Medan',
        totalPrice: 97_000,
        createdAt: jkt(2024, 6, 1, 23, 59, 59),
        status: 'Cancelled',
        returnStatus: '',
      },
    ]);
  });

  it('falls back to Parent SKU Reference No. when SKU Reference No. is blank', () => {
    expect(r.items.map((i) => [i.variantSku, i.variantName, i.quantity, i.price])).toEqual([
      ['BAG-01', 'Black', 1, 45_000],
      ['BAG-01-RED', 'Red', 2, 45_000],
    ]);
  });
});

describe('TikTok Shop', () => {
  const r = parseExport(fixture('tiktok.csv'), 'TikTok', TZ);

  it('skips the description row under the header and keeps long order IDs exact', () => {
    expect(r.source).toBe('tiktok');
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => o.orderSn)).toEqual(['576461234567890123', '576461234567890999']);
  });

  it('appends District and Province to Detail Address, skipping blanks', () => {
    expect(orderOf(r, '576461234567890123')).toEqual({
      orderSn: '576461234567890123',
      buyerUsername: 'ayu.lestari',
      addressFull: 'Jl. Banjarsari No. 12, Tembalang, Jawa Tengah',
      totalPrice: 145_000,
      createdAt: jkt(2024, 5, 1, 23, 30),
      status: 'Completed',
      returnStatus: '',
    });
    expect(orderOf(r, '576461234567890999')?.addressFull).toBe('Jl. Teuku Umar 1, Bali');
    expect(orderOf(r, '576461234567890999')?.createdAt).toBe(jkt(2024, 5, 2, 0, 30));
  });

  it('maps Seller SKU, Variation, Quantity and SKU Subtotal After Discount', () => {
    expect(r.items.filter((i) => i.orderSn === '576461234567890123')).toEqual([
      {
        orderSn: '576461234567890123',
        productName: 'Kemeja Flanel',
        variantName: 'Black, L',
        variantSku: 'SHIRT-BLK-L',
        quantity: 1,
        price: 135_000,
      },
      {
        orderSn: '576461234567890123',
        productName: 'Kaos Kaki',
        variantName: 'White',
        variantSku: 'SOCK-WHT',
        quantity: 2,
        price: 10_000,
      },
    ]);
  });

  it('treats only the first row under the header as a possible description row', () => {
    const grid = fixture('tiktok.csv');
    const later = [...grid.slice(0, 3), grid[1], ...grid.slice(3)]; // a description-like row among the data
    const r2 = parseExport(later, 'TikTok', TZ);
    expect(errors(r2).length).toBeGreaterThan(0);
    expect(errors(r2)[0].row).toBe(4);
  });
});

describe('Lazada', () => {
  const r = parseExport(fixture('lazada.csv'), 'Lazada', TZ);

  it('sums paidPrice per order, one unit per row', () => {
    expect(r.source).toBe('lazada');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([
      {
        orderSn: '401234567890123',
        buyerUsername: 'Wayan S.',
        addressFull: 'Jl. Raya Kuta 88, Badung',
        totalPrice: 125_000.5,
        createdAt: jkt(2024, 5, 1, 13, 45),
        status: 'delivered',
        returnStatus: '',
      },
      {
        orderSn: '401234567890456',
        buyerUsername: 'Putu',
        addressFull: 'Jl. Gatot Subroto 5, Denpasar',
        totalPrice: 45_000,
        createdAt: jkt(2024, 5, 2, 8, 0),
        status: 'canceled',
        returnStatus: '',
      },
    ]);
    expect(
      r.items.map((i) => [i.orderSn, i.productName, i.variantSku, i.variantName, i.quantity, i.price]),
    ).toEqual([
      ['401234567890123', 'Masker Kain isi 10', 'MASK-10', 'Hitam', 1, 50_000],
      ['401234567890123', 'Masker Kain isi 10', 'MASK-10', 'Hitam', 1, 50_000],
      ['401234567890123', 'Hand Sanitizer 100ml', 'HANDSAN', '', 1, 25_000.5],
      ['401234567890456', 'Masker Kain isi 10', 'MASK-10', 'Putih', 1, 45_000],
    ]);
  });

  it('reports a blank paidPrice instead of counting it as 0', () => {
    const grid = fixture('lazada.csv');
    const col = grid[0].indexOf('paidPrice');
    grid[2] = grid[2].slice();
    grid[2][col] = '';
    const r2 = parseExport(grid, 'Lazada', TZ);
    expect(errors(r2).map((p) => [p.row, p.column, p.reason])).toEqual([
      [2, 'orderNumber', expect.stringContaining('baris 3')], // the order's other lines are withheld, said so
      [3, 'paidPrice', 'kosong'],
    ]);
    expect(orderOf(r2, '401234567890123')).toBeUndefined();
    expect(r2.items.map((i) => i.orderSn)).toEqual(['401234567890456']);
  });
});

describe('Shopee income report (Penghasilan Saya)', () => {
  it('reads payments under the title rows, by the stable header prefixes', () => {
    const r = parseExport(fixture('shopee-income.csv'), 'Penghasilan', TZ);
    expect(r.source).toBe('shopee-income');
    expect(r.problems).toEqual([]);
    expect(r.orders).toEqual([]);
    // "Biaya Layanan Promo XTRA" (another fee, left of the real one) is not the service fee.
    expect(r.payments).toEqual([
      { orderSn: '240501ABCDEF01', totalIncome: 117_500, adminFee: -5_000, serviceFee: -2_500 },
      { orderSn: '240503QWE0003', totalIncome: 73_935, adminFee: -3_975, serviceFee: -1_590 },
    ]);
  });

  const variants: [string, string, string][] = [
    ['Biaya Administrasi', 'Biaya Layanan', 'Total Penghasilan'],
    ['Biaya Administrasi (termasuk PPN 11%)', 'Biaya Layanan (termasuk PPN 11%)', 'Total Penghasilan'],
    ['Biaya Administrasi (termasuk PPN 12%)', 'Biaya Layanan (termasuk PPN 12%)', 'Total Penghasilan (Rp)'],
    ['  biaya  administrasi\u00a0(Termasuk PPN 11%) ', 'BIAYA LAYANAN', ' total penghasilan '],
    ['Biaya Administrasi termasuk PPN 11%', 'Biaya Layanan - termasuk PPN', 'Total Penghasilan'],
  ];
  it.each(variants)('matches admin %j, service %j, total %j', (admin, service, total) => {
    const grid: Grid = [
      ['No. Pesanan', 'Username (Pembeli)', admin, service, total],
      ['SN1', 'budi', -1_000, '-Rp 500', 'Rp 98.500'],
    ];
    const r = parseExport(grid, 'P', TZ);
    expect(r.problems).toEqual([]);
    expect(r.payments).toEqual([{ orderSn: 'SN1', totalIncome: 98_500, adminFee: -1_000, serviceFee: -500 }]);
  });

  it('does not take another fee whose name merely starts like one', () => {
    const grid: Grid = [
      ['No. Pesanan', 'Biaya Administrasi', 'Biaya Layanan Gratis Ongkir', 'Total Penghasilan'],
      ['SN1', 1, 2, 3_000],
    ];
    const r = parseExport(grid, 'P', TZ);
    expect(r.payments).toEqual([]);
    expect(errors(r)).toEqual([
      expect.objectContaining({ row: 1, column: 'Biaya Layanan', severity: 'error' }),
    ]);
  });
});

describe('header detection', () => {
  it('matches case-insensitively, ignoring surrounding and repeated white space', () => {
    expect(normaliseHeader('  No.\u00a0 Pesanan\t')).toBe('no. pesanan');
    const row = SHOPEE_HEAD.map((h) => `  ${h.toUpperCase().replace(' ', '   ')} `);
    const m = detectHeader(row);
    expect(m?.format.id).toBe('shopee-id');
    expect(m?.missing).toEqual([]);
    expect(m?.columns.total_price).toBe(5);
  });

  it('decides by the whole header: the order number and more than half of the format’s required columns', () => {
    expect(detectHeader(['No. Pesanan', 'Catatan'])).toBeNull();
    expect(detectHeader(['Order ID', 'Buyer Username'])).toBeNull();
    expect(
      detectHeader(['Order ID', 'Buyer Username', 'Order Status', 'Created Time', 'Order Amount'])?.format.id,
    ).toBe('tiktok');
    expect(detectHeader(['Kaos', 'No. Pesanan adalah kunci'])).toBeNull();
    // Shopee's income workbook, Order Processing Fee sheet: two Shopee order headers are not an export.
    expect(detectHeader(['No.', 'No. Pesanan', 'Nama Produk', 'Biaya Proses Pesanan'])).toBeNull();
  });

  it('a sheet of no known format says which row looked like a header and what it lacks', () => {
    const r = parseExport(
      [['Judul'], ['No. Pesanan', 'Username (Pembeli)', 'Catatan'], ['A', 'ani', 'x']],
      'Impor',
      TZ,
    );
    expect(r.orders).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ row: 2, severity: 'error' })]);
    expect(r.problems[0].reason).toMatch(/baris 2 .*Shopee \(Indonesia\).*“Status Pesanan”/);
  });

  it('accepts our own canonical headers in any order, extra columns ignored', () => {
    const grid: Grid = [
      ['status', 'catatan', 'created_at', 'order_sn', 'total_price', 'address_full', 'buyer_username'],
      ['Selesai', 'x', '2024-05-01 10:00', 'K1', 1_000_000, 'Jl. A', 'ani'],
    ];
    const r = parseExport(grid, 'S', TZ);
    expect(r.source).toBe('kenali');
    expect(r.items).toEqual([]);
    expect(r.orders).toEqual([
      {
        orderSn: 'K1',
        buyerUsername: 'ani',
        addressFull: 'Jl. A',
        totalPrice: 1_000_000,
        createdAt: jkt(2024, 5, 1, 10),
        status: 'Selesai',
        returnStatus: '',
      },
    ]);
  });

  it('reports a sheet with no header row in the first 30 rows', () => {
    const grid: Grid = [['Halo'], ...Array.from({ length: 30 }, () => ['']), SHOPEE_HEAD];
    const r = parseExport(grid, 'Kosong', TZ);
    expect(r.orders).toEqual([]);
    expect(r.problems).toEqual([expect.objectContaining({ sheet: 'Kosong', row: 1, severity: 'error' })]);
    expect(r.problems[0].reason).toContain('30');
  });
});

describe('stacked exports in one sheet', () => {
  const grid: Grid = [
    ['Ekspor Mei minggu 1'],
    SHOPEE_HEAD,
    line('S1', 'Perlu Dikirim', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Kaos'),
    line('S1', 'Perlu Dikirim', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Topi'),
    line('S2', 'Selesai', 'budi', '2024-05-02 10:00', 'Rp 50.000'),
    [''],
    SHOPEE_HEAD, // an overlapping later export pasted below
    line('S1', 'Selesai', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Kaos'),
    line('S1', 'Selesai', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Topi'),
    line('S3', 'Selesai', 'citra', '2024-05-03 10:00', 'Rp 70.000'),
    [
      'Order ID',
      'Order Status',
      'Buyer Username',
      'Detail Address',
      'Created Time',
      'Order Amount',
      'Product Name',
      'Quantity',
    ],
    ['T1', 'Completed', 'dodi', 'Jl. D', '03/05/2024 12:00:00', '90000', 'Sepatu', '1'],
  ];
  const r = parseExport(grid, 'Campur', TZ);

  it('parses every block with its own mapping', () => {
    expect(findBlocks(grid).map((b) => [b.headerIndex + 1, b.match.format.id])).toEqual([
      [2, 'shopee-id'],
      [7, 'shopee-id'],
      [11, 'tiktok'],
    ]);
    expect(r.source).toBe('shopee+tiktok');
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => [o.orderSn, o.status])).toEqual([
      ['S1', 'Selesai'],
      ['S2', 'Selesai'],
      ['S3', 'Selesai'],
      ['T1', 'Completed'],
    ]);
  });

  it('takes an order repeated in a later export from that export, lines included (no duplicates)', () => {
    expect(r.items.map((i) => `${i.orderSn}:${i.productName}`)).toEqual([
      'S1:Kaos',
      'S1:Topi',
      'S2:Kaos',
      'S3:Kaos',
      'T1:Sepatu',
    ]);
  });
});

describe('dedupe within one export', () => {
  it('lets the later row win: status silently, a conflicting total or buyer with a warning', () => {
    const grid: Grid = [
      SHOPEE_HEAD,
      line('A', 'Belum Bayar', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Kaos'),
      line('A', 'Perlu Dikirim', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Topi'),
      line('A', 'Selesai', 'ani2', '2024-05-01 10:00', 'Rp 120.000', 'Tas'),
    ];
    const r = parseExport(grid, 'S', TZ);
    expect(r.orders).toHaveLength(1);
    expect(r.orders[0]).toMatchObject({ status: 'Selesai', totalPrice: 120_000, buyerUsername: 'ani2' });
    expect(r.items.map((i) => i.productName)).toEqual(['Kaos', 'Topi', 'Tas']);
    expect(errors(r)).toEqual([]);
    expect(warnings(r).map((p) => [p.row, p.column])).toEqual([
      [4, 'Username (Pembeli)'],
      [4, 'Alamat Pengiriman'],
      [4, 'Total Pembayaran'],
    ]);
  });
});

describe('lines: false', () => {
  it.each(['shopee-id.csv', 'shopee-en.csv', 'tiktok.csv', 'lazada.csv'])(
    '%s: the same orders and problems, no lines',
    (name) => {
      const grid = fixture(name);
      grid.push(grid[1].map((v, j) => (j === 0 ? v : j === grid[0].length - 1 ? 'x' : 'bukan angka')));
      const all = parseExport(grid, 'Tempel', TZ);
      expect(all.items.length).toBeGreaterThan(0);
      expect(parseExport(grid, 'Tempel', TZ, 'id', { lines: false })).toEqual({ ...all, items: [] });
    },
  );
});

describe('problems', () => {
  it('rowNumber: a header and a run of rows from far down the sheet report the rows the seller sees', () => {
    const rows = [
      line('S1', 'Selesai', 'ani', '2024-05-01 10:00', 'Rp sekian'),
      line('S2', 'Selesai', 'budi', '2024-05-02 10:00', 50_000),
      line('S2', 'Selesai', 'budi', '2024-05-02 10:00', 50_000, 'Topi', 'dua'),
    ];
    const holey: Grid = [SHOPEE_HEAD];
    holey[500] = rows[0];
    holey[501] = rows[1];
    holey[502] = rows[2];
    const whole = parseExport(holey, 'Tempel', TZ);
    const piece = parseExport([SHOPEE_HEAD, ...rows], 'Tempel', TZ, 'id', {
      rowNumber: (j) => (j === 0 ? 1 : 500 + j),
    });
    expect(piece).toEqual(whole);
    expect(piece.problems.map((p) => p.row)).toEqual([501, 502, 503]);
    expect(piece.problems[1].reason).toContain('503'); // the withheld order names its bad row
  });

  it('a missing required column: one problem for the block, nothing imported from it', () => {
    const head = SHOPEE_HEAD.filter((h) => h !== 'Total Pembayaran');
    const grid: Grid = [
      head,
      ['S1', 'Selesai', 'ani', 'Jl. A', '2024-05-01 10:00', 'Kaos', 1],
      [''],
      SHOPEE_HEAD,
      line('S2', 'Selesai', 'budi', '2024-05-02 10:00', 50_000),
    ];
    const r = parseExport(grid, 'Tempel', TZ);
    expect(r.problems).toEqual([
      {
        sheet: 'Tempel',
        row: 1,
        column: 'Total Pembayaran',
        code: 'missing-column',
        reason: expect.stringContaining('Total Pembayaran'),
        severity: 'error',
      },
    ]);
    expect(r.orders.map((o) => o.orderSn)).toEqual(['S2']);
  });

  it('an unreadable value names sheet, row, column header as written, and reason; the order is withheld', () => {
    const head = SHOPEE_HEAD.map((h) => (h === 'Waktu Pesanan Dibuat' ? ' waktu pesanan dibuat ' : h));
    const grid: Grid = [
      ['Judul'],
      head,
      line('A', 'Selesai', 'ani', '2024-05-01 10:00', 'Rp 100.000', 'Kaos'),
      line('A', 'Selesai', 'ani', '2024-05-32 10:00', 'Rp 100.000', 'Topi'),
      line('B', 'Selesai', 'budi', '2024-05-01 11:00', 'Rp 10.000.0'),
      line('C', 'Selesai', 'citra', '2024-05-01 12:00', 'Rp 30.000'),
    ];
    const r = parseExport(grid, 'Mei', TZ);
    expect(r.orders.map((o) => o.orderSn)).toEqual(['C']);
    expect(r.items.map((i) => i.orderSn)).toEqual(['C']);
    expect(errors(r)).toEqual([
      {
        sheet: 'Mei',
        row: 3,
        column: 'No. Pesanan',
        code: 'order-withheld',
        reason: expect.stringMatching(/A.*baris 4/),
        severity: 'error',
      },
      {
        sheet: 'Mei',
        row: 4,
        column: 'waktu pesanan dibuat',
        code: 'bad-value',
        reason: expect.stringContaining('tanggal tidak valid'),
        severity: 'error',
      },
      {
        sheet: 'Mei',
        row: 5,
        column: 'Total Pembayaran',
        code: 'bad-value',
        reason: expect.stringContaining('Rp 10.000.0'),
        severity: 'error',
      },
    ]);
  });

  it.each<[string, CellValue[], string]>([
    ['blank username', line('A', 'Selesai', '  ', '2024-05-01 10:00', 1000), 'Username (Pembeli)'],
    ['blank order number', line(' ', 'Selesai', 'ani', '2024-05-01 10:00', 1000), 'No. Pesanan'],
    ['blank total', line('A', 'Selesai', 'ani', '2024-05-01 10:00', ''), 'Total Pembayaran'],
    ['negative total', line('A', 'Selesai', 'ani', '2024-05-01 10:00', '-Rp 5.000'), 'Total Pembayaran'],
    ['blank date', line('A', 'Selesai', 'ani', '', 1000), 'Waktu Pesanan Dibuat'],
    ['quantity 0', line('A', 'Selesai', 'ani', '2024-05-01 10:00', 1000, 'Kaos', 0), 'Jumlah'],
    ['quantity 1.5', line('A', 'Selesai', 'ani', '2024-05-01 10:00', 1000, 'Kaos', '1.5'), 'Jumlah'],
    [
      'order number beyond 2^53',
      line(2 ** 53 + 2, 'Selesai', 'ani', '2024-05-01 10:00', 1000),
      'No. Pesanan',
    ],
    [
      'order number in E notation',
      line('5.76461E+17', 'Selesai', 'ani', '2024-05-01 10:00', 1000),
      'No. Pesanan',
    ],
  ])('%s is an error for that column, never a silent default', (_name, row, column) => {
    const r = parseExport([SHOPEE_HEAD, row], 'S', TZ);
    expect(r.orders).toEqual([]);
    expect(r.items).toEqual([]);
    expect(errors(r)).toEqual([expect.objectContaining({ sheet: 'S', row: 2, column })]);
    expect(errors(r)[0].reason.length).toBeGreaterThan(3);
  });

  it('keeps a blank status and a blank address as empty text', () => {
    const row = line('A', '', 'ani', '2024-05-01 10:00', 1000);
    row[3] = '';
    const r = parseExport([SHOPEE_HEAD, row], 'S', TZ);
    expect(r.problems).toEqual([]);
    expect(r.orders[0]).toMatchObject({ status: '', addressFull: '' });
  });

  it('reports problems in English when asked', () => {
    const r = parseExport([SHOPEE_HEAD, line('A', 'Selesai', '', '2024-05-01 10:00', 1000)], 'S', TZ, 'en');
    expect(r.problems[0].reason).toBe('buyer username is empty');
  });
});

describe('order numbers', () => {
  it.each<[CellValue, string]>([
    ['  240501ABC  ', '240501ABC'],
    [240501123456, '240501123456'],
    [2 ** 53 - 1, '9007199254740991'],
    ['\t576461234567890123', '576461234567890123'],
  ])('%j reads as %j', (v, expected) => {
    expect(readOrderSn(v)).toEqual({ ok: true, value: expected });
  });

  it.each<CellValue>([2 ** 53, 1e21, 12.5, -3, '5.76461E+17', true, new Date(0)])('%j is refused', (v) => {
    expect(readOrderSn(v).ok).toBe(false);
  });
});

describe('locale warning', () => {
  it('imports nothing of a block whose amounts look like thousands eaten by the locale, and says why', () => {
    const grid: Grid = [
      SHOPEE_HEAD,
      line('A', 'Selesai', 'ani', '2024-05-01 10:00', 150),
      line('B', 'Selesai', 'budi', '2024-05-01 10:00', 80.5),
      line('C', 'Selesai', 'citra', '2024-05-01 10:00', 1_250_000),
    ];
    const r = parseExport(grid, 'Mei', TZ);
    // SPEC: the import warns about the locale INSTEAD of producing wrong money figures
    expect(r.orders).toEqual([]);
    expect(r.items).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({
        sheet: 'Mei',
        row: 1,
        column: 'Total Pembayaran',
        code: 'locale',
        severity: 'error',
      }),
    ]);
    expect(r.problems[0].reason).toMatch(/lokal/i);
  });

  it('the locale check is per block: a sound export stacked below still imports', () => {
    const grid: Grid = [
      SHOPEE_HEAD,
      line('A', 'Selesai', 'ani', '2024-05-01 10:00', 150),
      line('B', 'Selesai', 'budi', '2024-05-01 10:00', 80.5),
      [],
      SHOPEE_HEAD,
      line('C', 'Selesai', 'citra', '2024-05-01 10:00', 1_250_000),
    ];
    const r = parseExport(grid, 'Mei', TZ);
    expect(r.orders.map((o) => o.orderSn)).toEqual(['C']);
    expect(r.problems.map((p) => [p.row, p.severity])).toEqual([[1, 'error']]);
  });

  it('stays quiet for ordinary Rupiah amounts', () => {
    const grid: Grid = [
      SHOPEE_HEAD,
      line('A', 'Selesai', 'ani', '2024-05-01 10:00', 150_000),
      line('B', 'Selesai', 'budi', '2024-05-01 10:00', 500),
    ];
    expect(parseExport(grid, 'Mei', TZ).problems).toEqual([]);
  });
});

describe('sheet cells as getValues returns them', () => {
  it('reads Date cells, number cells and serial dates', () => {
    const grid: Grid = [
      SHOPEE_HEAD,
      line(240501123456, 'Selesai', 'ani', new Date(jkt(2024, 5, 1, 13, 45)), 125_000),
      line('B', 'Selesai', 'budi', 45413.5, 99_000.5), // 2024-05-01 12:00 local
    ];
    const r = parseExport(grid, 'S', TZ);
    expect(r.problems).toEqual([]);
    expect(r.orders.map((o) => [o.orderSn, o.createdAt, o.totalPrice])).toEqual([
      ['240501123456', jkt(2024, 5, 1, 13, 45), 125_000],
      ['B', jkt(2024, 5, 1, 12), 99_000.5],
    ]);
  });
});
