// The CLI on exports laid out as the marketplaces write them (test/fixtures/layouts.ts): Shopee's income
// workbook next to its order export, Tokopedia's Laporan Penjualan (.xlsx), older Lazada, a file missing a
// required column (exit 1, nothing written), the run date, and overlapping exports in any order.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../../local/cli/workbook';
import { loadXlsx } from '../../local/xlsx';
import { buildCustomers } from '../../src/core/customers';
import { parseExport } from '../../src/core/exports';
import { canonicalSegments } from '../../src/core/segments';
import { mergeImport } from '../../src/core/store';
import { epochFromLocal } from '../../src/core/time';
import type { Grid } from '../../src/core/types';
import { exportOn, type Life } from '../fixtures/history';
import {
  lazadaTitleExport,
  shopeeExport,
  shopeeIncomeWorkbook,
  type TokopediaOrder,
  tokopediaExport,
} from '../fixtures/layouts';
import { kenali, writeCsvIn } from './run';

const TZ = 'Asia/Jakarta';
const TODAY = '2024-06-30';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 23, minute: 59, second: 59 }, TZ);
const dir = mkdtempSync(join(tmpdir(), 'kenali-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => ensureBuilt(), 60_000);

const writeCsv = (name: string, grid: Grid) => writeCsvIn(dir, name, grid);
async function writeXlsx(name: string, sheets: { name: string; grid: Grid }[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.grid) ws.addRow(row);
  }
  const p = join(dir, name);
  await wb.xlsx.writeFile(p);
  return p;
}
const readCsv = (p: string) => Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data;

/** Core's Segments table of these grids, merged in the order given (as several files on the command line). */
function coreRows(grids: Grid[], now = NOW) {
  const parsed = grids.map((g, i) => parseExport(g, `f${i}`, TZ, 'id'));
  const merged = mergeImport({ orders: [], items: [], payments: [] }, parsed, now);
  const index = buildCustomers({ ...merged, items: [], profiles: [] });
  return [...canonicalSegments(index, { timeZone: TZ, now }, 'id').rows].map((r) => r.map(String));
}

const base = { address: 'Jl. Melati 5, Bandung', product: 'Kaos' };
const shopee = shopeeExport('id', [
  { ...base, sn: '240501A', status: 'Selesai', user: 'ani', created: '2024-05-01 10:00', total: 120_000 },
  { ...base, sn: '240502B', status: 'Selesai', user: 'budi', created: '2024-05-02 10:00', total: 80_000 },
  { ...base, sn: '240503C', status: 'Selesai', user: 'citra', created: '2024-05-03 10:00', total: 95_000 },
  { ...base, sn: '240504D', status: 'Selesai', user: 'dodi', created: '2024-05-04 10:00', total: 60_000 },
  {
    ...base,
    sn: '240505E',
    status: 'Selesai',
    ret: 'Permintaan Disetujui',
    user: 'eka',
    created: '2024-05-05 10:00',
    total: 70_000,
  },
  {
    ...base,
    sn: '240506F',
    status: 'Menunggu Kurir Lokal',
    user: 'fajar',
    created: '2024-05-06 10:00',
    total: 50_000,
  },
]);

describe('segment on real layouts', () => {
  it('Shopee’s income workbook: Income is read, the other four sheets are listed as skipped, no problem', async () => {
    const book = shopeeIncomeWorkbook([
      {
        sn: '240501A',
        user: 'ani',
        created: '2024-05-01 10:00',
        income: 110_000,
        admin: -6_000,
        service: -3_000,
      },
      {
        sn: '240502B',
        user: 'budi',
        created: '2024-05-02 10:00',
        income: 72_000,
        admin: -4_000,
        service: -2_000,
      },
    ]);
    const income = await writeXlsx('penghasilan.xlsx', book);
    const orders = writeCsv('pesanan.csv', shopee);
    const out = join(dir, 'seg-income.csv');
    const r = kenali('segment', orders, income, '--out', out, '--today', TODAY);
    expect(r.stderr).not.toMatch(/masalah/);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Summary, Service Fee Details, Adjustment, Order Processing Fee');
    // The accepted return (eka) does not count; the unknown status is counted and named, with its count.
    expect(r.stderr).toContain('“Menunggu Kurir Lokal” (1)');
    const rows = readCsv(out).slice(1);
    expect(rows).toEqual(coreRows([shopee, book[1].grid]));
    expect(rows.map((row) => row[2]).sort()).toEqual(['ani', 'budi', 'citra', 'dodi', 'fajar']);
  });

  it('Tokopedia Laporan Penjualan (.xlsx, header on row 4, order cells only on the first line)', async () => {
    const orders: TokopediaOrder[] = Array.from({ length: 6 }, (_, i) => ({
      invoice: `INV/2024050${i + 1}/MPL/38490000${i}`,
      paid: `0${i + 1}-05-2024 1${i}:00:00`,
      status: i === 4 ? 'Dibatalkan Pembeli' : 'Pesanan Selesai',
      buyer: `Pembeli ${i % 4}`,
      address: `Jl. Kenanga ${i % 4}`,
      city: 'Kota Bandung',
      province: 'Jawa Barat',
      shipping: 9_000,
      lines: Array.from({ length: 1 + (i % 3) }, (_, k) => ({
        product: `Produk ${k}`,
        sku: `SKU-${k}`,
        qty: k + 1,
        price: 25_000 * (k + 1),
      })),
    }));
    const grid = tokopediaExport(orders);
    const p = await writeXlsx('tokopedia.xlsx', [{ name: 'Laporan Penjualan', grid }]);
    const out = join(dir, 'seg-tokopedia.csv');
    const r = kenali('segment', p, '--out', out, '--today', TODAY);
    expect(r.stderr).not.toMatch(/masalah/);
    expect(r.code).toBe(0);
    const rows = readCsv(out).slice(1);
    expect(rows).toEqual(coreRows([grid]));
    expect(rows).toHaveLength(4);
    expect(rows.find((row) => row[2] === 'Pembeli 0')?.[3]).toBe('Jl. Kenanga 0, Kota Bandung, Jawa Barat');
  });

  it('older Lazada (Title Case): an item pasted twice counts once', () => {
    const item = (itemId: string, sn: string, user: string, price: number, status = 'delivered') => ({
      itemId,
      sn,
      status,
      user,
      price,
      address: `Jl. ${user}`,
      created: '06 May 2024 13:45',
      product: 'Masker',
    });
    const items = [
      item('1', '401', 'Wayan', 50_000),
      item('2', '401', 'Wayan', 25_000, 'canceled'),
      item('3', '402', 'Putu', 40_000),
      item('4', '403', 'Made', 30_000),
      item('5', '404', 'Ketut', 20_000),
      item('6', '405', 'Nyoman', 10_000),
    ];
    const grid = lazadaTitleExport([...items, ...items]);
    const out = join(dir, 'seg-lazada.csv');
    const r = kenali('segment', writeCsv('lazada-old.csv', grid), '--out', out, '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('1 dari 2 barang'); // Wayan's order: one item cancelled, said so
    const rows = readCsv(out).slice(1);
    expect(rows).toEqual(coreRows([lazadaTitleExport(items)]));
    const monetary = readCsv(out)[0].indexOf('monetary');
    expect(rows.find((row) => row[2] === 'Wayan')?.[monetary]).toBe('50000'); // the counted item, once
  });
});

describe('unusable input: a required column missing', () => {
  const noTotal = shopee.map((row) => row.filter((_, j) => shopee[0][j] !== 'Total Pembayaran'));

  it('segment: exit 1, the column named, no output written (CSV and XLSX)', async () => {
    for (const input of [
      writeCsv('no-total.csv', noTotal),
      await writeXlsx('no-total.xlsx', [{ name: 'Pesanan', grid: noTotal }]),
    ]) {
      const out = join(dir, 'never.csv');
      const r = kenali('segment', input, '--out', out, '--today', TODAY);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Total Pembayaran');
      expect(r.stdout).not.toMatch(/pelanggan/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('import: exit 1 before the workbook is touched', () => {
    const wb = join(dir, 'never.xlsx');
    const r = kenali('import', writeCsv('no-total-2.csv', noTotal), '--workbook', wb);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Total Pembayaran');
    expect(existsSync(wb)).toBe(false);
  });
});

describe('the run date', () => {
  it('reports orders after the run date, first and last', () => {
    const out = join(dir, 'seg-early.csv');
    const r = kenali('segment', writeCsv('early.csv', shopee), '--out', out, '--today', '2024-05-03');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      '2 pesanan bertanggal setelah tanggal acuan 2024-05-03 tidak ikut dihitung (pertama 2024-05-04 10:00, terakhir 2024-05-06 10:00)',
    );
  });

  it('when every order is after it, says so instead of “all cancelled/unpaid”', () => {
    const out = join(dir, 'seg-too-early.csv');
    const r = kenali('segment', writeCsv('too-early.csv', shopee), '--out', out, '--today', '2024-04-30');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Semua 5 pesanan yang dihitung bertanggal setelah tanggal acuan 2024-04-30');
    expect(r.stdout).not.toContain('batal/belum bayar');
  });
});

describe('overlapping exports of one shop, in any order (issue #23)', () => {
  const lives: Life[] = Array.from({ length: 12 }, (_, i) => ({
    buyer: i % 7,
    createdDay: i * 3,
    path: (['normal', 'paidAtOnce', 'cancelledToShip', 'returnedByColumn', 'returnRefused'] as const)[i % 5],
    gaps: [1 + (i % 3), 2, 1 + (i % 2), 3, 2],
  }));
  const days = [5, 12, 20, 28, 36, 45];
  const files = days.map((d) => writeCsv(`day${d}.csv`, exportOn(lives, d, 20)));
  const expected = coreRows(days.map((d) => exportOn(lives, d, 20)));

  it('segment gives the same table oldest-first, newest-first and shuffled', () => {
    for (const order of [
      files,
      [...files].reverse(),
      [files[3], files[0], files[5], files[1], files[4], files[2]],
    ]) {
      const out = join(dir, 'seg-history.csv');
      const r = kenali('segment', ...order, '--out', out, '--today', TODAY);
      expect(r.code).toBe(0);
      expect(readCsv(out).slice(1)).toEqual(expected);
    }
  });

  it('import: a backfill of an older export after newer ones changes no status, and says how many were older', async () => {
    const wb = join(dir, 'history.xlsx');
    expect(kenali('import', files[2], files[3], '--workbook', wb).code).toBe(0);
    const before = (await loadXlsx(wb)).readValues('Orders');
    const r = kenali('import', files[1], '--workbook', wb);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ pesanan di file ini lebih lama dari yang tersimpan/);
    expect((await loadXlsx(wb)).readValues('Orders')).toEqual(before);
  });
});
