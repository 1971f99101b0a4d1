// The one-shot segment's streaming parse (local/cli/stream.ts) must give exactly what core's parseExport
// gives on the whole grid of the same file: orders, lines, payments and problems (rows and reasons), for
// the fixtures, a demo shop cut into tiny batches, and the shapes that force a whole-file parse.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvExport, partCuts } from '../../local/cli/parallel';
import { SeenOrders } from '../../local/cli/seen';
import { forEachCsvRecord } from '../../local/files';
import { generateIncomeReport, generateShopeeExport } from '../../src/core/demo';
import { parseExport } from '../../src/core/exports';
import { mergeImport } from '../../src/core/store';
import type { CellValue, Grid, Problem } from '../../src/core/types';
import { lazadaTitleExport, tokopediaExport } from '../fixtures/layouts';

const TZ = 'Asia/Jakarta';
const NOW = Date.UTC(2024, 5, 30, 10);
const dir = mkdtempSync(join(tmpdir(), 'kenali-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csvField = (v: CellValue) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
let n = 0;
function writeGrid(grid: Grid): string {
  const p = join(dir, `g${n++}.csv`);
  writeFileSync(p, grid.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
  return p;
}

const bySn = <T extends { orderSn: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.orderSn < b.orderSn ? -1 : a.orderSn > b.orderSn ? 1 : 0));
const byRow = (list: readonly Problem[]) =>
  [...list].sort(
    (a, b) => a.row - b.row || a.column.localeCompare(b.column) || a.reason.localeCompare(b.reason),
  );

function whole(path: string) {
  const grid: Grid = [];
  forEachCsvRecord(path, (r) => grid.push(r.all()));
  const p = parseExport(grid, 'file.csv', TZ, 'id');
  return {
    orders: bySn(p.orders),
    items: bySn(p.items),
    payments: bySn(p.payments),
    problems: byRow(p.problems),
  };
}

/** Threads for the suite below: 1 reads on this thread; more cut even these small files into parts. */
let threads = 1;
/** Without order lines, line texts are not even read (stream.ts): the rest must come out the same. */
let keepItems = true;

async function streamed(path: string, batchRows: number) {
  const r = await parseCsvExport(path, {
    sheetName: 'file.csv',
    timeZone: TZ,
    lang: 'id',
    batchRows,
    keepItems,
    threads,
    minPartBytes: 1,
    nearBytes: 64, // the quick pass to a part's boundary is used even on these small files
  });
  const m = mergeImport({ orders: [], items: [], payments: [] }, r.parsed, NOW);
  return {
    result: {
      orders: bySn(m.orders),
      items: bySn(m.items),
      payments: bySn(m.payments),
      problems: byRow(r.problems),
    },
    mode: r.mode,
    parts: r.parts,
    batches: r.parsed.length,
    hasHeader: r.hasHeader,
  };
}

async function expectSame(path: string, batchRows: number) {
  const s = await streamed(path, batchRows);
  const w = whole(path);
  expect(s.result).toEqual(keepItems ? w : { ...w, items: [] });
  return s;
}

const demo = generateShopeeExport({ seed: 11, lines: 1200, now: NOW, timeZone: TZ }).grid;

describe.each([
  [1, true],
  [2, true],
  [3, true],
  [1, false],
  [2, false],
])('streaming parse = parseExport on the whole grid, %i thread(s), lines kept: %s', (n, lines) => {
  beforeAll(() => {
    threads = n;
    keepItems = lines;
  });

  it.each(['shopee-id', 'shopee-en', 'tiktok', 'lazada', 'shopee-income'])(
    'fixture %s, batches of 1',
    async (name) => {
      const s = await expectSame(join('test/fixtures/exports', `${name}.csv`), 1);
      expect(s.hasHeader).toBe(true);
    },
  );

  it('a demo shop in batches of 7 and of 100 (really batched)', async () => {
    const path = writeGrid(demo);
    for (const size of [7, 100]) {
      const s = await expectSame(path, size);
      expect(s.mode).toBe('batched');
      expect(s.parts).toBe(n);
      expect(s.batches).toBeGreaterThan(1000 / size);
      expect(s.result.orders.length).toBeGreaterThan(500);
    }
  });

  it('bad cells, blank rows, junk only in ignored columns, title rows above the header', async () => {
    const g: Grid = demo.slice(0, 300).map((r) => r.slice());
    const col = (h: string) => g[0].indexOf(h);
    g[5][col('Total Pembayaran')] = 'Rp sekian';
    g[9][col('Waktu Pesanan Dibuat')] = '31/02/2024 10:00';
    g[12][col('Username (Pembeli)')] = '   ';
    g[250][col('Total Pembayaran')] = 'Rp sekian'; // in a later part when read by several threads
    const junk: CellValue[] = Array(g[0].length).fill('');
    junk[col('Catatan')] = 'catatan tanpa pesanan'; // only an ignored column: core reports the row
    const productOnly: CellValue[] = Array(g[0].length).fill('');
    productOnly[col('Nama Produk')] = 'Kaos'; // only a line text (not read without lines): reported too
    g.splice(40, 0, junk, Array(g[0].length).fill(''), Array(g[0].length).fill(''), productOnly);
    const titled: Grid = [['Laporan Pesanan'], ['Toko Kenali'], [''], ...g];
    const s = await expectSame(writeGrid(titled), 5);
    expect(s.mode).toBe('batched');
    const rows = s.result.problems.map((p) => p.row);
    expect(rows).toEqual(expect.arrayContaining([9, 13, 16, 44, 47, 258]));
  });

  it('cells holding line breaks everywhere (a part may be cut inside one): same records, same rows', async () => {
    const note = demo[0].indexOf('Catatan dari Pembeli');
    const noted = demo.map((r, i) =>
      i === 0 ? r : r.map((v, j) => (j === note ? `baris ${i}\n\nlagi\r\n` : v)),
    );
    noted[777][demo[0].indexOf('Waktu Pesanan Dibuat')] = 'kemarin';
    const s = await expectSame(writeGrid(noted), 100);
    expect(s.mode).toBe('batched');
    expect(s.parts).toBe(n);
    expect(s.result.problems.map((p) => p.row)).toContain(778);
  });

  it('lines of one order far apart: a whole-file parse, same result', async () => {
    const product = demo[0].indexOf('Nama Produk');
    const byProduct = demo.slice(1).sort((a, b) => String(a[product]).localeCompare(String(b[product])));
    const shuffled = [demo[0], ...byProduct];
    const s = await expectSame(writeGrid(shuffled), 10);
    expect(s.mode).toBe('whole');
  });

  it('an order whose lines come back right where a batch would end: kept in one batch', async () => {
    const total = demo[0].indexOf('Total Pembayaran');
    const sn = demo[0].indexOf('No. Pesanan');
    const line = (order: string, amount: string) =>
      demo[1].map((v, j) => (j === sn ? order : j === total ? amount : v));
    // Batches of 2: the third row would start a batch, but its order is in the batch being closed.
    const grid = [
      demo[0],
      line('A1', '10.000'),
      line('B1', '20.000'),
      line('A1', '30.000'),
      line('C1', '5.000'),
    ];
    const s = await expectSame(writeGrid(grid), 2);
    expect(s.result.orders.find((o) => o.orderSn === 'A1')?.totalPrice).toBe(30_000);
    expect(s.result.problems.map((p) => p.row)).toEqual([4]); // the differing total, as one parse has it
  });

  it('stacked blocks (export, then the income report with its title rows): a whole-file parse', async () => {
    const income = generateIncomeReport({ seed: 11, exportGrid: demo, now: NOW, timeZone: TZ }).grid;
    const width = Math.max(demo[0].length, ...income.map((r) => r.length));
    const stacked = [...demo.slice(0, 200), [], ...income].map((r) => [
      ...r,
      ...Array(width - r.length).fill(''),
    ]);
    const s = await expectSame(writeGrid(stacked), 10);
    expect(s.mode).toBe('whole');
    expect(s.result.payments.length).toBeGreaterThan(0);
  });

  it('the locale rule (amounts too small for Rupiah) judges the whole block, not a batch', async () => {
    const total = demo[0].indexOf('Total Pembayaran');
    const small = (share: number) =>
      demo.map((r, i) =>
        i > 0 && i <= share * (demo.length - 1) ? r.map((v, j) => (j === total ? '150' : v)) : r,
      );
    // Every amount small: refused as a whole, one problem, in batches that all agree.
    const all = await expectSame(writeGrid(small(1)), 50);
    expect(all.mode).toBe('batched');
    expect(all.result.orders).toEqual([]);
    expect(all.result.problems.map((p) => p.code)).toEqual(['locale']);
    // The first 40 % small: early batches alone would be refused, the whole block is not.
    const some = await expectSame(writeGrid(small(0.4)), 50);
    expect(some.mode).toBe('whole');
    expect(some.result.orders.length).toBeGreaterThan(500);
  });

  it('Lazada one row per item: pasted rows and mixed item statuses, batched as core reads them', async () => {
    const items = Array.from({ length: 60 }, (_, i) => ({
      itemId: `90${i}`,
      sn: `40${Math.floor(i / 3)}`,
      status: i % 7 === 0 ? 'canceled' : i % 5 === 0 ? 'shipped' : 'delivered',
      user: `buyer${i % 4}`,
      address: `Jl. ${i % 4}`,
      created: '06 May 2024 13:45',
      price: 10_000 + i,
      product: `Barang ${i}`,
    }));
    const pasted = items.flatMap((it, i) => (i % 4 === 0 ? [it, it] : [it])); // some rows twice, adjacent
    const s = await expectSame(writeGrid(lazadaTitleExport(pasted)), 4);
    expect(s.mode).toBe('batched');
    expect(s.result.problems.some((p) => p.severity === 'warning')).toBe(true);
    // The same file pasted twice (its rows far apart): read whole, each item still counted once.
    const twice = lazadaTitleExport(items);
    const w = await expectSame(writeGrid([...twice, ...twice.slice(1)]), 4);
    expect(w.mode).toBe('whole');
    expect(w.result.orders).toEqual(s.result.orders);
  });

  it('Tokopedia: title rows, order cells only on each order’s first line', async () => {
    const orders = Array.from({ length: 25 }, (_, i) => ({
      invoice: `INV/20240501/MPL/${1000 + i}`,
      paid: `0${1 + (i % 9)}-05-2024 10:00:00`,
      status: i % 6 === 0 ? 'Dibatalkan Pembeli' : 'Pesanan Selesai',
      buyer: `Pembeli ${i % 5}`,
      address: `Jl. ${i % 5}`,
      city: 'Kota Bandung',
      province: 'Jawa Barat',
      shipping: 9_000,
      lines: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
        product: `P${k}`,
        sku: `S${k}`,
        qty: 1 + k,
        price: 10_000 * (k + 1),
      })),
    }));
    for (const grid of [
      tokopediaExport(orders),
      tokopediaExport(orders, { rename: { 'Total Penjualan (IDR)': null } }),
    ]) {
      const s = await expectSame(writeGrid(grid), 3);
      expect(s.mode).toBe('batched');
      expect(s.result.problems).toEqual([]);
      expect(s.result.orders).toHaveLength(25);
    }
  });

  it('Shopee with the return/refund column filled', async () => {
    const col = demo[0].indexOf('Status Pembatalan/ Pengembalian');
    const status = demo[0].indexOf('Status Pesanan');
    const g = demo.map((r, i) =>
      i > 0 && i % 9 === 0 && r[status] === 'Selesai'
        ? r.map((v, j) => (j === col ? 'Permintaan Disetujui' : v))
        : r,
    );
    const s = await expectSame(writeGrid(g), 50);
    expect(s.result.orders.some((o) => o.returnStatus === 'Permintaan Disetujui')).toBe(true);
  });

  it('no header in the first rows: core’s own verdict, nothing read', async () => {
    const grid: Grid = Array.from({ length: 40 }, (_, i) => [`baris ${i}`, 'x']);
    grid.push(demo[0], demo[1]); // a header too far down, as core sees it
    const s = await expectSame(writeGrid(grid), 10);
    expect(s.hasHeader).toBe(false);
    expect(s.result.orders).toEqual([]);
    expect(s.result.problems).toHaveLength(1);
  });
});

describe('partCuts: where the parts of a big file begin', () => {
  it('gives threads − 1 rising cuts inside the data, the first part the largest (later parts also scan)', () => {
    const cuts = partCuts(1000, 1000 + 600e6, 3);
    expect(cuts).toHaveLength(2);
    const sizes = [cuts[0] - 1000, cuts[1] - cuts[0], 1000 + 600e6 - cuts[1]];
    expect(sizes[0]).toBeGreaterThan(sizes[1]);
    expect(sizes[1]).toBeGreaterThan(sizes[2]);
    expect(sizes[2]).toBeGreaterThan(0);
  });

  it('keeps a file below two parts’ worth of data on one thread', () => {
    expect(partCuts(0, 31 << 20, 4)).toEqual([]);
    expect(partCuts(0, 33 << 20, 4)).toHaveLength(1);
    expect(partCuts(0, 600e6, 1)).toEqual([]);
  });
});

describe('SeenOrders: the order numbers already read', () => {
  it('answers as a Set does, through growth and look-alike texts, and across threads', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 3000 }), (list) => {
        const seen = new SeenOrders();
        const set = new Set<string>();
        for (const s of list) {
          expect(seen.has(s)).toBe(set.has(s));
          expect(seen.add(s)).toBe(!set.has(s));
          set.add(s);
        }
        expect(seen.size).toBe(set.size);
        const other = new SeenOrders();
        other.addAll(seen.fingerprints());
        expect(other.size).toBe(set.size);
        for (const s of list) expect(other.has(s)).toBe(true);
        const fresh = new SeenOrders();
        fresh.add('\u0000only here');
        expect(fresh.hasAny(seen.fingerprints())).toBe(list.includes('\u0000only here'));
        expect(other.hasAny(seen.fingerprints())).toBe(set.size > 0);
      }),
      { numRuns: 60 },
    );
  });

  it('never says no to a text it was given; says yes to any text with its fingerprint', () => {
    const seen = new SeenOrders(1, (_, out) => {
      out[0] = 7;
      out[1] = 9;
    });
    expect(seen.has('SN1')).toBe(false);
    expect(seen.add('SN1')).toBe(true);
    expect(seen.has('SN1')).toBe(true);
    expect(seen.has('SN2')).toBe(true); // the caller then parses the file whole: the same result, slower
    expect(seen.add('SN2')).toBe(false);
  });
});
