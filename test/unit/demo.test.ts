// The demo shop generator: deterministic, shaped like a real Shopee export, and internally consistent.
// These tests read the grid with their own small helpers (not the importer), so they stand on their own.
import { describe, expect, it } from 'vitest';
import {
  forEachShopeeExportRow,
  generateIncomeReport,
  generateShopeeExport,
  type ShopeeExportOptions,
  shopeeExportHeader,
} from '../../src/core/demo';
import { buyerKeyOf } from '../../src/core/identity';
import { classifyStatus } from '../../src/core/status';
import { DAY_MS, epochFromLocal, formatLocalDateTime } from '../../src/core/time';
import type { CellValue, Grid } from '../../src/core/types';

const NOW = Date.UTC(2024, 5, 15, 5, 30, 17); // 12:30:17 in Jakarta
const BASE: ShopeeExportOptions = { seed: 7, now: NOW, timeZone: 'Asia/Jakarta' };

/** The columns every order line repeats from its order (everything except the line's own fields). */
const LINE_HEADERS = new Set([
  'SKU Induk',
  'Nama Produk',
  'Nomor Referensi SKU',
  'Nama Variasi',
  'Harga Awal',
  'Harga Setelah Diskon',
  'Jumlah',
  'Returned quantity',
  'Total Harga Produk',
  'Total Diskon',
  'Diskon Dari Penjual',
  'Diskon Dari Shopee',
  'Berat Produk',
]);

function parseLocal(text: CellValue, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(String(text));
  if (!m) throw new Error(`bad date text ${String(text)}`);
  return epochFromLocal(
    { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: 0 },
    timeZone,
  );
}

/** Money as the export writes it: a number, "150.000" or "Rp 150.000" (whole Rupiah). */
function money(v: CellValue): number {
  if (typeof v === 'number') return v;
  const m = /^(?:Rp )?(-?\d{1,3}(?:\.\d{3})*)$/.exec(String(v));
  if (!m) throw new Error(`bad money ${String(v)}`);
  return Number(m[1].replace(/\./g, ''));
}

interface Shop {
  header: string[];
  rows: CellValue[][];
  col: (name: string) => number;
  /** Order number → its lines, in export order. */
  orders: Map<string, CellValue[][]>;
}

function shop(grid: Grid): Shop {
  const header = grid[0].map(String);
  const rows = grid.slice(1);
  const orders = new Map<string, CellValue[][]>();
  for (const r of rows) {
    const sn = String(r[0]);
    const lines = orders.get(sn);
    if (lines) lines.push(r);
    else orders.set(sn, [r]);
  }
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  return { header, rows, col, orders };
}

const demo = shop(generateShopeeExport(BASE).grid);

describe('determinism', () => {
  it('gives the same grid for the same seed and options', () => {
    expect(generateShopeeExport(BASE).grid).toEqual(generateShopeeExport({ ...BASE }).grid);
  });

  it('gives a different shop for a different seed', () => {
    const other = shop(generateShopeeExport({ ...BASE, seed: 8 }).grid);
    expect(other.rows).not.toEqual(demo.rows);
    const sns = new Set(demo.orders.keys());
    expect([...other.orders.keys()].filter((sn) => sns.has(sn)).length).toBeLessThan(5);
  });

  it('streams exactly the rows of the grid', () => {
    const streamed: CellValue[][] = [];
    forEachShopeeExportRow(BASE, (row) => {
      streamed.push(row);
    });
    expect(streamed).toEqual(demo.rows);
  });
});

describe('shape', () => {
  it('has the Indonesian Shopee header with the SPEC columns, and every row is as wide', () => {
    expect(demo.header).toEqual(shopeeExportHeader('id'));
    for (const name of [
      'No. Pesanan',
      'Status Pesanan',
      'Username (Pembeli)',
      'Alamat Pengiriman',
      'Waktu Pesanan Dibuat',
      'Total Pembayaran',
      'Nama Produk',
      'Nomor Referensi SKU',
      'SKU Induk',
      'Nama Variasi',
      'Jumlah',
      'Harga Setelah Diskon',
    ])
      expect(demo.header).toContain(name);
    expect(demo.header.length).toBeGreaterThan(30); // plus the noise real exports carry
    expect(new Set(demo.header).size).toBe(demo.header.length);
    for (const r of demo.rows) expect(r).toHaveLength(demo.header.length);
  });

  it('has English headers and English statuses when asked', () => {
    const en = shop(generateShopeeExport({ ...BASE, lang: 'en' }).grid);
    for (const name of [
      'Order ID',
      'Order Status',
      'Username (Buyer)',
      'Delivery Address',
      'Order Creation Date',
      'Grand Total',
      'Product Name',
      'SKU Reference No.',
      'Variation Name',
      'Quantity',
      'Deal Price',
    ])
      expect(en.header).toContain(name);
    const statuses = new Set(en.rows.map((r) => r[en.col('Order Status')]));
    expect(statuses).toContain('Completed');
    expect(statuses).not.toContain('Selesai');
    // Same shop, other words: the order numbers do not depend on the language.
    expect([...en.orders.keys()]).toEqual([...demo.orders.keys()]);
  });

  it('writes cells as a sheet holds them: strings and numbers only', () => {
    const odd: string[] = [];
    for (const r of demo.rows)
      for (let i = 0; i < r.length; i++) {
        // Indexed, not flat(): flat() would skip a hole left by a column nobody filled.
        if (typeof r[i] !== 'string' && typeof r[i] !== 'number') odd.push(`${r[0]} ${demo.header[i]}`);
      }
    expect(odd).toEqual([]);
  });
});

describe('orders', () => {
  const created = demo.col('Waktu Pesanan Dibuat');

  it('never creates an order after now, and writes local time as formatLocalDateTime does', () => {
    for (const zone of ['Asia/Jakarta', 'America/New_York', 'Asia/Kolkata']) {
      const s = shop(generateShopeeExport({ ...BASE, timeZone: zone, orders: 3000, months: 12 }).grid);
      for (const r of s.rows) {
        const t = parseLocal(r[created], zone);
        expect(t).toBeLessThanOrEqual(NOW);
        expect(formatLocalDateTime(t, zone)).toBe(r[created]);
        for (const other of [
          'Waktu Pembayaran Dilakukan',
          'Waktu Pengiriman Diatur',
          'Waktu Pesanan Selesai',
        ]) {
          const v = r[s.col(other)];
          if (v !== '') expect(parseLocal(v, zone)).toBeLessThanOrEqual(NOW);
        }
      }
    }
  });

  it('repeats the order fields identically on every line of an order', () => {
    const orderCols = demo.header.map((h, i) => (LINE_HEADERS.has(h) ? -1 : i)).filter((i) => i >= 0);
    let multiLine = 0;
    for (const lines of demo.orders.values()) {
      if (lines.length > 1) multiLine++;
      for (const line of lines) for (const i of orderCols) expect(line[i]).toBe(lines[0][i]);
    }
    expect(multiLine).toBeGreaterThan(50);
  });

  it('keeps the lines of an order together and never sells one variation twice in an order', () => {
    let previous = '';
    const closed = new Set<string>();
    for (const r of demo.rows) {
      const sn = String(r[0]);
      if (sn !== previous) {
        expect(closed.has(sn)).toBe(false);
        closed.add(previous);
        previous = sn;
      }
    }
    const product = demo.col('Nama Produk');
    const variation = demo.col('Nama Variasi');
    for (const lines of demo.orders.values()) {
      const keys = lines.map((l) => `${l[product]}|${l[variation]}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('numbers orders like Shopee: yymmdd of creation + 8 characters, unique', () => {
    for (const [sn, lines] of demo.orders) {
      expect(sn).toMatch(/^\d{6}[0-9A-Z]{8}$/);
      const date = String(lines[0][created]);
      expect(sn.slice(0, 6)).toBe(date.slice(2, 4) + date.slice(5, 7) + date.slice(8, 10));
    }
    const big = new Set<string>();
    let rows = 0;
    forEachShopeeExportRow({ ...BASE, seed: 99, orders: 60_000 }, (r) => {
      rows++;
      big.add(String(r[0]));
    });
    expect(big.size).toBe(60_000);
    expect(rows).toBeGreaterThan(60_000);
  });

  it('hits a line target exactly and averages about 1.6 lines per order', () => {
    for (const lines of [1, 7, 1000, 25_000]) {
      let n = 0;
      const sns = new Set<string>();
      forEachShopeeExportRow({ ...BASE, lines }, (r) => {
        n++;
        sns.add(String(r[0]));
      });
      expect(n).toBe(lines);
      if (lines >= 1000) expect(lines / sns.size).toBeGreaterThan(1.5);
      if (lines >= 1000) expect(lines / sns.size).toBeLessThan(1.75);
    }
    const both = shop(generateShopeeExport({ ...BASE, orders: 100, lines: 390 }).grid);
    expect(both.rows).toHaveLength(390);
    expect(both.orders.size).toBe(100);
    const counts = [...both.orders.values()].map((l) => l.length);
    expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1);
  });

  it('makes exactly the requested number of orders, 400 by default', () => {
    expect(demo.orders.size).toBe(400);
    expect(shop(generateShopeeExport({ ...BASE, orders: 37 }).grid).orders.size).toBe(37);
  });

  it('spreads orders over the months asked, busier towards now, with many in the last 2 days', () => {
    const s = shop(generateShopeeExport({ ...BASE, orders: 5000, months: 6 }).grid);
    const ages = [...s.orders.values()].map((l) => (NOW - parseLocal(l[0][created], BASE.timeZone)) / DAY_MS);
    const span = 6 * 30.4375;
    expect(Math.max(...ages)).toBeLessThanOrEqual(span + 1);
    expect(Math.max(...ages)).toBeGreaterThan(span - 10);
    const third = (k: number) => ages.filter((a) => a >= (k * span) / 3 && a < ((k + 1) * span) / 3).length;
    expect(third(0)).toBeGreaterThan(third(2) * 1.5);
    expect(ages.filter((a) => a < 2).length).toBeGreaterThanOrEqual(20);
    expect(demo.rows.length).toBeGreaterThan(0);
    const recentDemo = [...demo.orders.values()].filter(
      (l) => NOW - parseLocal(l[0][created], BASE.timeZone) < 2 * DAY_MS,
    ).length;
    expect(recentDemo).toBeGreaterThanOrEqual(15);
    // A tiny shop still has recent orders to name.
    const tiny = shop(generateShopeeExport({ ...BASE, orders: 20 }).grid);
    expect(
      [...tiny.orders.values()].filter((l) => NOW - parseLocal(l[0][created], BASE.timeZone) < 2 * DAY_MS)
        .length,
    ).toBeGreaterThan(0);
  });
});

describe('statuses', () => {
  it('is mostly completed, with cancelled, unpaid and returned orders and recent ones still shipping', () => {
    for (const lang of ['id', 'en'] as const) {
      const s = lang === 'id' ? demo : shop(generateShopeeExport({ ...BASE, lang }).grid);
      const col = s.col(lang === 'id' ? 'Status Pesanan' : 'Order Status');
      const byClass = { counted: 0, cancelled: 0, unpaid: 0, returned: 0 };
      const words = new Map<string, number>();
      for (const lines of s.orders.values()) {
        const st = String(lines[0][col]);
        byClass[classifyStatus(st)]++;
        words.set(st, (words.get(st) ?? 0) + 1);
      }
      expect(byClass.cancelled).toBeGreaterThan(0);
      expect(byClass.unpaid).toBeGreaterThan(0);
      expect(byClass.returned).toBeGreaterThan(0);
      expect(byClass.counted / s.orders.size).toBeGreaterThan(0.8);
      const completed = lang === 'id' ? 'Selesai' : 'Completed';
      expect(words.get(completed)! / s.orders.size).toBeGreaterThan(0.7);
      expect(words.get(lang === 'id' ? 'Dikirim' : 'Shipping')).toBeGreaterThan(0);
      expect(words.get(lang === 'id' ? 'Perlu Dikirim' : 'To ship')).toBeGreaterThan(0);
    }
  });

  it('shows every kind of non-counted order even in a tiny shop', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const s = shop(generateShopeeExport({ ...BASE, seed, orders: 20 }).grid);
      const kinds = new Set(
        [...s.orders.values()].map((l) => classifyStatus(String(l[0][s.col('Status Pesanan')]))),
      );
      expect([...kinds].sort()).toEqual(['cancelled', 'counted', 'returned', 'unpaid']);
    }
  });

  it('puts statuses where they belong in time', () => {
    const st = demo.col('Status Pesanan');
    const created = demo.col('Waktu Pesanan Dibuat');
    for (const lines of demo.orders.values()) {
      const age = NOW - parseLocal(lines[0][created], BASE.timeZone);
      const s = lines[0][st];
      if (s === 'Belum Bayar' || s === 'Perlu Dikirim') expect(age).toBeLessThan(2 * DAY_MS);
      if (s === 'Selesai') expect(age).toBeGreaterThan(2 * DAY_MS);
      if (s === 'Selesai') expect(lines[0][demo.col('Waktu Pesanan Selesai')]).not.toBe('');
      if (s === 'Batal') expect(lines[0][demo.col('Alasan Pembatalan')]).not.toBe('');
    }
  });
});

describe('customers', () => {
  const user = demo.col('Username (Pembeli)');
  const address = demo.col('Alamat Pengiriman');

  function customers(s: Shop) {
    const ordersPerKey = new Map<string, number>();
    const addressesPerUser = new Map<string, Set<string>>();
    for (const lines of s.orders.values()) {
      const u = String(lines[0][s.col('Username (Pembeli)')]);
      const a = String(lines[0][s.col('Alamat Pengiriman')]);
      const key = buyerKeyOf(u, a);
      ordersPerKey.set(key, (ordersPerKey.get(key) ?? 0) + 1);
      const set = addressesPerUser.get(u) ?? new Set<string>();
      set.add(a);
      addressesPerUser.set(u, set);
    }
    return { ordersPerKey, addressesPerUser };
  }

  it('has many one-time buyers, some repeat buyers and a long tail', () => {
    const big = shop(generateShopeeExport({ ...BASE, orders: 8000 }).grid);
    const { ordersPerKey } = customers(big);
    const counts = [...ordersPerKey.values()];
    const once = counts.filter((c) => c === 1).length;
    expect(once / counts.length).toBeGreaterThan(0.55);
    expect(counts.filter((c) => c >= 2).length / counts.length).toBeGreaterThan(0.15);
    expect(counts.filter((c) => c >= 5).length).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBeLessThanOrEqual(20);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(12);
  });

  it('has the same username at two addresses several times, some of them recent', () => {
    const { addressesPerUser } = customers(demo);
    const twins = [...addressesPerUser].filter(([, a]) => a.size > 1).map(([u]) => u);
    expect(twins.length).toBeGreaterThanOrEqual(3);
    const recent = new Set<string>();
    for (const lines of demo.orders.values()) {
      if (NOW - parseLocal(lines[0][demo.col('Waktu Pesanan Dibuat')], BASE.timeZone) < 2 * DAY_MS)
        recent.add(`${lines[0][user]}|${lines[0][address]}`);
    }
    const recentTwin = twins.find(
      (u) => [...addressesPerUser.get(u)!].filter((a) => recent.has(`${u}|${a}`)).length === 2,
    );
    expect(recentTwin).toBeDefined();
  });

  it('writes realistic handles and full addresses', () => {
    for (const r of demo.rows) {
      expect(r[user]).toMatch(/^[a-z][a-z_]*\d+$/);
      expect(r[address]).toMatch(
        /^(Jl\.|Gg\.|Perumahan) .+, [A-Z .]+, [A-Z .]+, (KOTA|KAB\.) [A-Z ]+, [A-Z ]+, ID, \d{5}$/,
      );
    }
  });

  it('keeps one username per person: different buyers never share a handle by accident', () => {
    const s = shop(generateShopeeExport({ ...BASE, orders: 20_000 }).grid);
    const { addressesPerUser } = customers(s);
    const shared = [...addressesPerUser.values()].filter((a) => a.size > 1).length;
    // Only the deliberate twins (about 1% of buyers), never a third address.
    expect(shared).toBeLessThan(addressesPerUser.size * 0.02);
    for (const a of addressesPerUser.values()) expect(a.size).toBeLessThanOrEqual(2);
  });
});

describe('money', () => {
  it('adds up: Total Pembayaran = Σ price × qty + shipping − vouchers − coins, per order', () => {
    const s = shop(generateShopeeExport({ ...BASE, orders: 3000 }).grid);
    const c = (n: string) => s.col(n);
    for (const lines of s.orders.values()) {
      let sum = 0;
      for (const l of lines) {
        const deal = money(l[c('Harga Setelah Diskon')]);
        const qty = l[c('Jumlah')] as number;
        expect(Number.isInteger(qty) && qty >= 1 && qty <= 3).toBe(true);
        expect(deal % 500).toBe(0);
        expect(money(l[c('Harga Awal')]) % 500).toBe(0);
        expect(money(l[c('Harga Awal')])).toBeGreaterThanOrEqual(deal);
        expect(money(l[c('Total Harga Produk')])).toBe(deal * qty);
        sum += deal * qty;
      }
      const o = lines[0];
      const total =
        sum +
        money(o[c('Ongkos Kirim Dibayar oleh Pembeli')]) -
        money(o[c('Voucher Ditanggung Penjual')]) -
        money(o[c('Voucher Ditanggung Shopee')]) -
        money(o[c('Potongan Koin Shopee')]);
      expect(money(o[c('Total Pembayaran')])).toBe(total);
      expect(total).toBeGreaterThan(0);
    }
  });

  it('mixes numbers with Rupiah text, mostly numbers', () => {
    const totals = demo.rows.map((r) => r[demo.col('Total Pembayaran')]);
    const numbers = totals.filter((v) => typeof v === 'number').length;
    const dotted = totals.filter((v) => typeof v === 'string' && /^\d{1,3}(\.\d{3})+$/.test(v)).length;
    const rp = totals.filter((v) => typeof v === 'string' && v.startsWith('Rp ')).length;
    expect(numbers / totals.length).toBeGreaterThan(0.6);
    expect(dotted).toBeGreaterThan(0);
    expect(rp).toBeGreaterThan(0);
    expect(numbers + dotted + rp).toBe(totals.length);
  });

  it('sells a catalogue of about 40 products with variations and SKUs, some without', () => {
    const s = shop(generateShopeeExport({ ...BASE, orders: 5000 }).grid);
    const names = new Set(s.rows.map((r) => r[s.col('Nama Produk')]));
    expect(names.size).toBeGreaterThanOrEqual(35);
    const variations = s.rows.map((r) => String(r[s.col('Nama Variasi')]));
    expect(variations.some((v) => /^[^,]+, [^,]+$/.test(v))).toBe(true); // "Hitam, XL"
    expect(variations.some((v) => v === '')).toBe(true);
    const refs = s.rows.map((r) => String(r[s.col('Nomor Referensi SKU')]));
    expect(refs.some((v) => /^[A-Z0-9]+-[A-Z0-9]+/.test(v))).toBe(true);
    expect(refs.some((v) => v === '')).toBe(true);
  });
});

describe('options', () => {
  it('refuses options it cannot honour, loudly', () => {
    expect(() => generateShopeeExport({ ...BASE, orders: 0 })).toThrow(RangeError);
    expect(() => generateShopeeExport({ ...BASE, orders: 2.5 })).toThrow(RangeError);
    expect(() => generateShopeeExport({ ...BASE, orders: 10, lines: 5 })).toThrow(RangeError);
    expect(() => generateShopeeExport({ ...BASE, orders: 10, lines: 41 })).toThrow(RangeError);
    expect(() => generateShopeeExport({ ...BASE, months: 0 })).toThrow(RangeError);
    expect(() => generateShopeeExport({ ...BASE, timeZone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => generateShopeeExport({ ...BASE, now: Number.NaN })).toThrow(RangeError);
  });

  it('puts everything inside a short history when months is small', () => {
    const s = shop(generateShopeeExport({ ...BASE, months: 0.05, orders: 50 }).grid);
    for (const lines of s.orders.values()) {
      const age = NOW - parseLocal(lines[0][s.col('Waktu Pesanan Dibuat')], BASE.timeZone);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThanOrEqual(0.05 * 30.4375 * DAY_MS + DAY_MS);
    }
  });
});

describe('income report', () => {
  const grid = generateShopeeExport(BASE).grid;
  const report = generateIncomeReport({ seed: 7, exportGrid: grid, now: NOW, timeZone: BASE.timeZone });
  const headerAt = report.grid.findIndex((r) => r.includes('No. Pesanan'));
  const header = report.grid[headerAt].map(String);
  const body = report.grid.slice(headerAt + 1);
  const at = (name: string) => header.findIndex((h) => h.startsWith(name));

  it('has title rows above the header, and rows as wide as the header', () => {
    expect(headerAt).toBeGreaterThanOrEqual(2);
    expect(String(report.grid[0][0])).toBe('Penghasilan Saya');
    for (const name of [
      'Total Penghasilan',
      'Biaya Administrasi (termasuk PPN 11%)',
      'Biaya Layanan (termasuk PPN 11%)',
    ])
      expect(header).toContain(name);
    for (const r of report.grid) expect(r).toHaveLength(header.length);
  });

  it('covers completed orders only, each once, and most of them', () => {
    const sn = at('No. Pesanan');
    const completed = [...demo.orders].filter(([, l]) => l[0][demo.col('Status Pesanan')] === 'Selesai');
    const inReport = body.map((r) => String(r[sn]));
    expect(new Set(inReport).size).toBe(inReport.length);
    const completedSns = new Set(completed.map(([s]) => s));
    for (const s of inReport) expect(completedSns.has(s)).toBe(true);
    expect(inReport.length / completed.length).toBeGreaterThan(0.9);
    for (const r of body)
      expect(r[at('Username (Pembeli)')]).toBe(
        demo.orders.get(String(r[sn]))![0][demo.col('Username (Pembeli)')],
      );
  });

  it('adds up: Total Penghasilan is the sum of its signed parts, fees are realistic percentages', () => {
    const first = at('Harga Asli Produk');
    const total = at('Total Penghasilan');
    for (const r of body) {
      let sum = 0;
      for (let i = first; i < total; i++) sum += r[i] as number;
      expect(r[total]).toBe(sum);
      const sn = String(r[at('No. Pesanan')]);
      const lines = demo.orders.get(sn)!;
      const goods = lines.reduce(
        (s, l) => s + money(l[demo.col('Harga Setelah Diskon')]) * (l[demo.col('Jumlah')] as number),
        0,
      );
      const base = goods - money(lines[0][demo.col('Voucher Ditanggung Penjual')]);
      const admin = -(r[at('Biaya Administrasi')] as number);
      const service = -(r[at('Biaya Layanan')] as number);
      expect(admin / base).toBeGreaterThan(0.03);
      expect(admin / base).toBeLessThan(0.1);
      expect(service / base).toBeGreaterThan(0.02);
      expect(service / base).toBeLessThan(0.08);
      expect(r[total]).toBeGreaterThan(0);
      expect(r[total]).toBeLessThan(base);
    }
  });

  it('is the same from export options as from the grid, and spells fee headers per version', () => {
    const streamed = generateIncomeReport({ seed: 7, exportOptions: BASE });
    expect(streamed.grid).toEqual(report.grid);
    const plain = generateIncomeReport({ seed: 7, exportOptions: BASE, feeHeaders: 'plain' });
    const plainHeader = plain.grid[headerAt].map(String);
    expect(plainHeader).toContain('Biaya Administrasi');
    expect(plainHeader).toContain('Biaya Layanan');
    const en = generateIncomeReport({
      seed: 7,
      exportGrid: generateShopeeExport({ ...BASE, lang: 'en' }).grid,
      now: NOW,
      timeZone: BASE.timeZone,
    });
    expect(en.grid.length).toBe(report.grid.length);
  });

  it('refuses a grid whose orders are split apart', () => {
    const shuffled = [grid[0], ...grid.slice(1).reverse()];
    const multi = [...demo.orders.values()].some((l) => l.length > 1);
    expect(multi).toBe(true);
    // Reversed, each order's lines are still adjacent; interleave two orders instead.
    const a = [...demo.orders.values()].find((l) => l.length > 1)!;
    const b = [...demo.orders.values()].find((l) => l !== a)!;
    const broken = [grid[0], a[0], b[0], a[1]];
    expect(() =>
      generateIncomeReport({ seed: 1, exportGrid: shuffled, now: NOW, timeZone: BASE.timeZone }),
    ).not.toThrow();
    expect(() =>
      generateIncomeReport({ seed: 1, exportGrid: broken, now: NOW, timeZone: BASE.timeZone }),
    ).toThrow(/split/);
  });
});
