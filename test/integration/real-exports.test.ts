// Impor on the BUILT bundle with exports laid out as the marketplaces write them (test/fixtures/layouts.ts),
// pasted into the Impor sheet as a seller does; and the status order (issue #23) across imports.
import { type Bundle, LocalSpreadsheet, loadBundle } from '../../local';
import { parseExport } from '../../src/core/exports';
import { epochFromLocal } from '../../src/core/time';
import type { CellValue, Grid } from '../../src/core/types';
import { exportOn, type Life } from '../fixtures/history';
import {
  lazadaTitleExport,
  shopeeExport,
  shopeeIncomeWorkbook,
  TOKOPEDIA_SAMPLE,
  tokopediaExport,
} from '../fixtures/layouts';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);

function open(): { wb: LocalSpreadsheet; bundle: Bundle } {
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  return { wb, bundle: loadBundle({ workbook: wb, now: NOW }) };
}

function importGrid(bundle: Bundle, wb: LocalSpreadsheet, grid: Grid): string {
  wb.putValues('Impor', grid, { asText: true });
  bundle.call('kenaliImport');
  return bundle.ui.alerts.at(-1)?.prompt ?? '';
}

const rowsOf = (wb: LocalSpreadsheet, sheet: string) =>
  wb.getSheetByName(sheet) ? wb.readValues(sheet) : [];
const column = (wb: LocalSpreadsheet, sheet: string, name: string) => {
  const [header, ...rows] = rowsOf(wb, sheet);
  const j = header.indexOf(name);
  return rows.map((r) => r[j]);
};

describe('Impor: real layouts', () => {
  it('Tokopedia: the header under the title rows, each order’s cells from its first line', () => {
    const { wb, bundle } = open();
    const message = importGrid(bundle, wb, tokopediaExport(TOKOPEDIA_SAMPLE));
    expect(message).toContain('3 pesanan baru');
    expect(message).toContain('0 baris bermasalah');
    const sari = 'Jl. Kenanga No. 3, Coblong, Kota Bandung, Jawa Barat';
    expect(
      rowsOf(wb, 'Orders')
        .slice(1)
        .map((r) => r.slice(0, 4)),
    ).toEqual([
      ['INV/20240501/MPL/3849000001', 'Sari Dewi', sari, 159_000],
      ['INV/20240502/MPL/3849000002', 'Budi', 'Jl. Mawar 1, Kota Depok, Jawa Barat', 30_000],
      ['INV/20240503/MPL/3849000003', 'Sari Dewi', sari, 207_000],
    ]);
    expect(column(wb, 'OrderItems', 'product_name')).toEqual([
      'Kaos Polos',
      'Topi',
      'Kaos Kaki',
      'Topi',
      'Jaket',
      'Kaos Polos',
    ]);
    bundle.call('kenaliSegment');
    // The cancelled order does not count (the summary beside the table leaves the column's other rows blank).
    expect(column(wb, 'Segments', 'Username').filter((v) => v !== '')).toEqual(['Sari Dewi']);
  });

  it('older Lazada: pasted rows count once, mixed item statuses count the counted items, with a warning', () => {
    const item = (itemId: string, sn: string, status: string, price: number) => ({
      itemId,
      sn,
      status,
      price,
      user: 'Wayan S.',
      address: 'Jl. Raya Kuta 88',
      created: '06 May 2024 13:45',
      product: `Barang ${itemId}`,
    });
    const items = [
      item('1', '401', 'delivered', 50_000),
      item('2', '401', 'canceled', 25_000),
      item('3', '401', 'delivered', 10_000),
    ];
    const { wb, bundle } = open();
    const message = importGrid(bundle, wb, lazadaTitleExport([...items, ...items]));
    expect(message).toContain('1 pesanan baru');
    expect(column(wb, 'Orders', 'total_price')).toEqual([60_000]);
    expect(column(wb, 'Orders', 'status')).toEqual(['delivered']);
    expect(column(wb, 'OrderItems', 'product_name')).toEqual(['Barang 1', 'Barang 3']);
    const problems = rowsOf(wb, 'Impor - Masalah');
    expect(problems.slice(1).map((r) => [r[1], r[4]])).toEqual([[2, 'peringatan']]);
    expect(String(problems[1][3])).toContain('2 dari 3 barang');
  });

  it('Shopee with the return column: kept in Orders.return_status; an accepted return does not count', () => {
    const base = { address: 'Jl. A', product: 'Kaos', created: '2024-05-01 10:00' };
    const grid = shopeeExport('id', [
      { ...base, sn: 'S1', status: 'Selesai', ret: 'Permintaan Disetujui', user: 'ani', total: 100_000 },
      { ...base, sn: 'S2', status: 'Selesai', ret: 'Permintaan Ditolak', user: 'ani', total: 50_000 },
      { ...base, sn: 'S3', status: 'Menunggu Kurir Lokal', user: 'budi', total: 20_000 },
    ]);
    const { wb, bundle } = open();
    const message = importGrid(bundle, wb, grid);
    expect(message).toContain(
      'Status yang tidak dikenal aturan Kenali, tetap dihitung sebagai penjualan: “Menunggu Kurir Lokal” (1)',
    );
    expect(column(wb, 'Orders', 'return_status')).toEqual(['Permintaan Disetujui', 'Permintaan Ditolak', '']);
    bundle.call('kenaliSegment');
    const segmented = rowsOf(wb, 'Segments');
    const header = segmented.findIndex((r) => r.includes('Username'));
    const money = segmented[header].indexOf('Nilai Belanja (Rp)');
    const user = segmented[header].indexOf('Username');
    expect(
      segmented
        .slice(header + 1)
        .filter((r) => r[user] !== '')
        .map((r) => [r[user], r[money]]),
    ).toEqual([
      ['ani', 50_000],
      ['budi', 20_000],
    ]);
    expect(bundle.ui.alerts.at(-1)?.prompt).toContain('“Menunggu Kurir Lokal” (1)');
  });

  it('the income report imported before (or after) its orders: the report counts the payments it stored', () => {
    const book = shopeeIncomeWorkbook([
      { sn: '240501A', user: 'ani', created: '2024-05-01 10:00', income: 9_000, admin: -600, service: -300 },
      {
        sn: '240501B',
        user: 'budi',
        created: '2024-05-01 11:00',
        income: 19_000,
        admin: -900,
        service: -400,
      },
    ]);
    const income = book.find((s) => s.name === 'Income')!.grid;
    const { wb, bundle } = open();
    const first = importGrid(bundle, wb, income);
    expect(column(wb, 'OrderPayments', 'total_income')).toEqual([9_000, 19_000]);
    // "0 pesanan baru, 0 diperbarui, 0 tidak berubah" alone reads as "nothing happened".
    expect(first).toContain('2 data penghasilan baru');
    const again = importGrid(bundle, wb, income);
    expect(again).not.toMatch(/penghasilan baru/);
  });

  it('the income workbook’s Order Processing Fee sheet pasted by mistake: one clear problem, nothing imported', () => {
    const book = shopeeIncomeWorkbook([
      { sn: '240501A', user: 'ani', created: '2024-05-01 10:00', income: 9_000, admin: -600, service: -300 },
    ]);
    const { wb, bundle } = open();
    importGrid(bundle, wb, book.find((s) => s.name === 'Order Processing Fee')!.grid);
    expect(rowsOf(wb, 'Orders').length).toBeLessThanOrEqual(1);
    expect(rowsOf(wb, 'Impor - Masalah').slice(1)).toHaveLength(1);
    importGrid(bundle, wb, book.find((s) => s.name === 'Income')!.grid);
    expect(column(wb, 'OrderPayments', 'total_income')).toEqual([9_000]);
  });

  it('Segmentasi RFM names the orders after the run date', () => {
    const base = { address: 'Jl. A', product: 'Kaos', total: 10_000 };
    const grid = shopeeExport(
      'id',
      ['ani', 'budi', 'citra', 'dodi', 'eka', 'fajar'].map((user, i) => ({
        ...base,
        sn: `S${i}`,
        status: 'Selesai',
        user,
        created: i < 5 ? `2024-06-0${i + 1} 10:00` : '2042-06-01 10:00',
      })),
    );
    const { wb, bundle } = open();
    importGrid(bundle, wb, grid);
    bundle.call('kenaliSegment');
    expect(bundle.ui.alerts.at(-1)?.prompt).toContain(
      '1 pesanan bertanggal setelah tanggal acuan 2024-06-30 tidak ikut dihitung (pertama 2042-06-01 10:00, terakhir 2042-06-01 10:00)',
    );
  });
});

describe('Impor: the status order across imports (issue #23)', () => {
  const lives: Life[] = Array.from({ length: 16 }, (_, i) => ({
    buyer: i % 6,
    createdDay: i * 2,
    path: (
      [
        'normal',
        'paidAtOnce',
        'cancelledUnpaid',
        'cancelledToShip',
        'returnedByColumn',
        'returnRefused',
      ] as const
    )[i % 6],
    gaps: [1 + (i % 3), 2, 1 + (i % 2), 3, 2],
  }));
  const days = [3, 8, 14, 20, 27, 35];
  const exports = days.map((d) => exportOn(lives, d, 25));
  const STORE = ['Orders', 'OrderItems', 'OrderPayments'];

  function importAll(order: number[]) {
    const { wb, bundle } = open();
    const messages = order.map((k) => importGrid(bundle, wb, exports[k]));
    bundle.call('kenaliSegment');
    // Up to row order: orders are appended in the order they first arrive.
    const sheets = Object.fromEntries(
      STORE.map((s) => {
        const [header, ...rows] = rowsOf(wb, s);
        return [s, [header, ...rows.map((r) => JSON.stringify(r)).sort()]];
      }),
    );
    return { wb, bundle, messages, sheets, segments: rowsOf(wb, 'Segments') };
  }

  it('oldest-first, newest-first and shuffled give identical store sheets and Segments', () => {
    const oldest = importAll([0, 1, 2, 3, 4, 5]);
    const newest = importAll([5, 4, 3, 2, 1, 0]);
    const mixed = importAll([2, 5, 0, 3, 1, 4]);
    expect(newest.sheets).toEqual(oldest.sheets);
    expect(mixed.sheets).toEqual(oldest.sheets);
    expect(newest.segments).toEqual(oldest.segments);
    expect(mixed.segments).toEqual(oldest.segments);
    // Each order as the newest export that has it shows it (statuses only move forward in this shop).
    const latest = new Map<string, string>();
    for (const e of exports)
      for (const o of parseExport(e, 'Impor', TZ).orders)
        latest.set(o.orderSn, `${o.status}|${o.returnStatus}`);
    const stored = rowsOf(oldest.wb, 'Orders').slice(1);
    expect(new Map(stored.map((r) => [String(r[0]), `${r[5]}|${r[6]}`]))).toEqual(latest);
    expect(
      newest.messages.some((m) => /\d+ pesanan di file ini lebih lama dari yang tersimpan/.test(m)),
    ).toBe(true);
  });

  it('a backfill of an older export after newer ones changes no status and records no history', () => {
    const { wb, bundle } = open();
    importGrid(bundle, wb, exports[3]);
    importGrid(bundle, wb, exports[5]);
    const before = STORE.concat('OrderStatusHistory').map((s) => rowsOf(wb, s));
    const message = importGrid(bundle, wb, exports[2]);
    expect(message).toMatch(/[1-9]\d* pesanan di file ini lebih lama dari yang tersimpan/);
    expect(STORE.concat('OrderStatusHistory').map((s) => rowsOf(wb, s))).toEqual(before);
  });

  it('the status history records only real moves', () => {
    const forward = importAll([0, 1, 2, 3, 4, 5]).wb;
    const backward = importAll([5, 4, 3, 2, 1, 0]).wb;
    const moves = (wb: LocalSpreadsheet) =>
      rowsOf(wb, 'OrderStatusHistory')
        .slice(1)
        .map((r) => [r[0], r[1], r[2]] as CellValue[]);
    expect(moves(forward).length).toBeGreaterThan(0);
    expect(moves(backward)).toEqual([]);
  });
});
