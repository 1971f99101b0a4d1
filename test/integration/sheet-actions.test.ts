// The Kenali menu, Impor and Segmentasi RFM, run as a seller would: the BUILT dist/Code.js in the local
// Apps Script runtime, on a raw Shopee export from the demo generator.
import { type Bundle, LocalSpreadsheet, loadBundle } from '../../local';
import { buildCustomers } from '../../src/core/customers';
import { generateShopeeExport } from '../../src/core/demo';
import { parseExport } from '../../src/core/exports';
import { buildSegmentsSheet, SEGMENTS_DECL } from '../../src/core/segments';
import { mergeImport } from '../../src/core/store';
import { NUMBER_FORMATS } from '../../src/core/table';
import { epochFromLocal } from '../../src/core/time';
import type { CellValue } from '../../src/core/types';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);
const STORE = ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile', 'OrderStatusHistory'];

function shop(lines: number, seed = 7): CellValue[][] {
  return generateShopeeExport({ seed, lines, now: NOW, timeZone: TZ }).grid;
}

function open(locale = 'id_ID'): { wb: LocalSpreadsheet; bundle: Bundle } {
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale });
  return { wb, bundle: loadBundle({ workbook: wb, now: NOW }) };
}

function importGrid(bundle: Bundle, wb: LocalSpreadsheet, grid: CellValue[][], asText = true): void {
  wb.putValues('Impor', grid, { asText });
  bundle.call('kenaliImport');
}

const lastAlert = (b: Bundle) => b.ui.alerts.at(-1)?.prompt ?? '';
const snapshot = (wb: LocalSpreadsheet) =>
  Object.fromEntries(STORE.filter((s) => wb.getSheetByName(s)).map((s) => [s, wb.readValues(s)]));

describe('the Kenali menu', () => {
  it('onOpen adds the menu in Indonesian, each item naming a top-level function', () => {
    const { bundle } = open();
    bundle.call('onOpen');
    const menu = bundle.ui.menus.at(-1)!;
    // Under Extensions ▸ Kenali (createAddonMenu), as Google requires of an Editor add-on.
    expect(menu).toMatchObject({ caption: 'Kenali', addon: true });
    const captions = menu.items.filter((i) => i.kind === 'item').map((i) => i.caption);
    expect(captions).toEqual([
      'Impor data',
      'Impor dari file…',
      'Beri nama pembeli',
      'Cari pelanggan',
      'Segmentasi RFM',
      'Segmentasi RFM per tanggal…',
      'Siapkan sheet',
      'Muat data contoh',
      'Bantuan',
      'Periksa Kenali',
    ]);
    for (const fn of bundle.ui.menuFunctionNames()) expect(bundle.has(fn)).toBe(true);
  });

  it('in AuthMode.NONE the menu appears in Indonesian without reading the document', () => {
    const { bundle } = open('en_US');
    const { total, calls } = bundle.counter.measure(() => bundle.call('onOpen', { authMode: 'NONE' }));
    const menu = bundle.ui.menus.at(-1)!;
    expect(menu.addon).toBe(true);
    expect(menu.items[0]).toMatchObject({ caption: 'Impor data' });
    expect(total).toBeGreaterThan(0);
    expect(Object.keys(calls).filter((k) => !/^(Ui|Menu)\./.test(k) && k !== 'SpreadsheetApp.getUi')).toEqual(
      [],
    );
  });

  it('speaks English when the spreadsheet locale is not Indonesian', () => {
    const { bundle } = open('en_US');
    bundle.call('onOpen');
    const captions = bundle.ui.menus
      .at(-1)!
      .items.filter((i) => i.kind === 'item')
      .map((i) => i.caption);
    expect(captions[0]).toBe('Import data');
    expect(captions).toContain('RFM segmentation');
  });

  it('Siapkan sheet creates the store sheets with headers and never touches existing data', () => {
    const { wb, bundle } = open();
    wb.putValues('BuyerProfile', [
      ['buyer_username', 'address_identifier', 'buyer_real_name', 'updated_at', 'address_full'],
      ['budi', 'a'.repeat(40), 'Budi Santoso', '', 'Jl. A'],
    ]);
    bundle.call('kenaliSetup');
    for (const s of STORE) expect(wb.getSheetByName(s)).not.toBeNull();
    expect(wb.readValues('Orders')[0]).toEqual([
      'order_sn',
      'buyer_username',
      'address_full',
      'total_price',
      'created_at',
      'status',
      'return_status',
    ]);
    expect(wb.readValues('BuyerProfile')[1][2]).toBe('Budi Santoso');
    expect(wb.getSheetByName('Impor')).not.toBeNull();
    bundle.call('kenaliSetup');
    expect(lastAlert(bundle)).toContain('tidak ada yang diubah');
  });

  it('Bantuan and the sidebars open', () => {
    const { bundle } = open();
    bundle.call('kenaliHelp');
    expect(lastAlert(bundle)).toContain('Kenali');
    bundle.call('kenaliOpenNaming');
    bundle.call('kenaliOpenLookup');
    const shown = bundle.ui.dialogs.map((d) => `${d.kind}:${d.title}`);
    expect(shown).toEqual(['sidebar:Beri Nama Pembeli', 'sidebar:Cari Pelanggan']);
  });
});

describe('Impor', () => {
  it('merges a raw Shopee export into Orders and OrderItems matching core, clears the inbox, reports', () => {
    const { wb, bundle } = open();
    const grid = shop(300);
    importGrid(bundle, wb, grid);
    const expected = parseExport(grid, 'Impor', TZ);
    expect(expected.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const orders = wb.readValues('Orders');
    expect(orders.length - 1).toBe(expected.orders.length);
    expect(wb.readValues('OrderItems').length - 1).toBe(300);
    const sns = new Set(orders.slice(1).map((r) => r[0]));
    for (const o of expected.orders) expect(sns.has(o.orderSn)).toBe(true);
    // created_at is a real Date; total_price a number
    expect(orders[1][4]).toBeInstanceOf(Date);
    expect(typeof orders[1][3]).toBe('number');
    expect(
      wb
        .readValues('Impor')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(lastAlert(bundle)).toContain(`${expected.orders.length} pesanan baru`);
    expect(wb.toasts.length).toBeGreaterThan(0);
  });

  it('importing the same export twice changes nothing; a status change updates and is recorded', () => {
    const { wb, bundle } = open();
    const grid = shop(200);
    importGrid(bundle, wb, grid);
    const before = snapshot(wb);
    importGrid(bundle, wb, grid);
    expect(snapshot(wb)).toEqual(before);
    expect(lastAlert(bundle)).toContain('0 pesanan baru');

    // The same order later exported as "Selesai" instead of its earlier status.
    const header = grid[0];
    const statusCol = header.indexOf('Status Pesanan');
    const row = grid.findIndex((r, i) => i > 0 && r[statusCol] !== 'Selesai');
    const changed = grid.map((r) => [...r]);
    const sn = changed[row][0];
    for (const r of changed) if (r[0] === sn) r[statusCol] = 'Selesai';
    importGrid(bundle, wb, changed);
    const order = wb.readValues('Orders').find((r) => r[0] === sn)!;
    expect(order[5]).toBe('Selesai');
    const history = wb.readValues('OrderStatusHistory');
    expect(history.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([[sn, grid[row][statusCol], 'Selesai']]);
    expect(wb.readValues('Orders').length).toBe(before.Orders.length);
  });

  it('an unreadable row is reported with sheet, row, column and reason, and the inbox is kept', () => {
    const { wb, bundle } = open();
    const grid = shop(50);
    const dateCol = grid[0].indexOf('Waktu Pesanan Dibuat');
    const bad = grid.map((r) => [...r]);
    bad[5][dateCol] = '2024-02-30 10:00';
    importGrid(bundle, wb, bad, true);
    const problems = wb.readValues('Impor - Masalah');
    expect(problems[0]).toEqual(['Sheet', 'Baris', 'Kolom', 'Masalah', 'Jenis']);
    const p = problems.find((r) => r[1] === 6)!;
    expect(p[0]).toBe('Impor');
    expect(p[2]).toBe('Waktu Pesanan Dibuat');
    expect(String(p[3])).toContain('2024-02-30');
    expect(lastAlert(bundle)).toContain('TIDAK dikosongkan');
    expect(wb.readValues('Impor').length).toBe(bad.length);
  });

  it('an unreadable stored row of an incoming order: nothing is written (it would be duplicated)', () => {
    const { wb, bundle } = open();
    importGrid(bundle, wb, shop(40));
    const orders = wb.readValues('Orders');
    orders[3][4] = 'bukan tanggal';
    wb.putValues('Orders', orders, { asText: true });
    const before = snapshot(wb);
    importGrid(bundle, wb, shop(40));
    expect(snapshot(wb)).toEqual(before);
    expect(lastAlert(bundle)).toContain('Impor dibatalkan');
  });

  it('an unreadable stored row of another order is left exactly as it is; the import goes on around it', () => {
    const { wb, bundle } = open();
    importGrid(bundle, wb, shop(40));
    const orders = wb.readValues('Orders');
    orders[3][4] = 'bukan tanggal';
    wb.putValues('Orders', orders, { asText: true });
    const bad = wb.readValues('Orders')[3];
    importGrid(bundle, wb, shop(60, 8));
    expect(lastAlert(bundle)).toContain('Impor selesai');
    const after = wb.readValues('Orders');
    expect(after.filter((r) => r[0] === bad[0])).toEqual([bad]);
    expect(after.length).toBeGreaterThan(orders.length);
  });

  it('Muat data contoh loads a demo shop only into a spreadsheet without orders', () => {
    const { wb, bundle } = open();
    bundle.call('kenaliLoadDemo');
    const orders = wb.readValues('Orders').length - 1;
    expect(orders).toBeGreaterThan(100);
    // the raw export and the income report below it import cleanly: no problems, inbox cleared
    expect(lastAlert(bundle)).toContain('0 baris bermasalah');
    expect(
      wb
        .readValues('Impor')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(wb.readValues('OrderPayments').length).toBeGreaterThan(10);
    bundle.call('kenaliLoadDemo');
    expect(lastAlert(bundle)).toContain('sudah berisi pesanan');
    expect(wb.readValues('Orders').length - 1).toBe(orders);
  });
});

describe('Segmentasi RFM', () => {
  function segmented(lines = 400) {
    const { wb, bundle } = open();
    const grid = shop(lines);
    importGrid(bundle, wb, grid);
    bundle.call('kenaliSegment');
    return { wb, bundle, grid };
  }

  it('writes the Segments sheet the spec describes, equal to core on the same data', () => {
    const { wb, grid } = segmented();
    const parsed = parseExport(grid, 'Impor', TZ);
    const merged = mergeImport({ orders: [], items: [], payments: [] }, [parsed], NOW);
    const index = buildCustomers({ ...merged, profiles: [] });
    const expected = buildSegmentsSheet(index, { timeZone: TZ, now: NOW }, 'id');

    const values = wb.readValues('Segments');
    const width = expected.header.length;
    expect(values[0].slice(0, width)).toEqual(expected.header);
    const rows = values.slice(1, expected.rows.length + 1).map((r) => r.slice(0, width));
    expect(rows.map((r) => r.map((v) => (v instanceof Date ? v.getTime() : v)))).toEqual(
      expected.rows.map((r) => r.map((v) => (v instanceof Date ? v.getTime() : v))),
    );
    // RFM code stays text ('545'), scores are numbers
    expect(typeof rows[0][12]).toBe('string');
    expect(rows[0][12]).toMatch(/^[1-5]{3}$/);
  });

  it('colours each label by segment, freezes the header, filters the table; summary and charts on their own sheet', () => {
    const { wb } = segmented();
    const sheet = wb.getSheetByName('Segments')!;
    const n = sheet.getLastRow();
    expect(sheet.getFrozenRows()).toBe(1);
    const filter = sheet.getFilter();
    expect(filter).not.toBeNull();
    expect(filter!.getRange().getA1Notation()).toBe(`A1:P${n}`);
    const labels = sheet.getRange(2, 14, n - 1, 1);
    const bgs = labels.getBackgrounds().map((r) => r[0]);
    const texts = labels.getValues().map((r) => r[0]);
    const byLabel = new Map<CellValue, string>();
    texts.forEach((t, i) => {
      if (byLabel.has(t)) expect(byLabel.get(t)).toBe(bgs[i]);
      byLabel.set(t, bgs[i]);
    });
    expect(new Set(byLabel.values()).size).toBe(byLabel.size); // a distinct colour per segment
    expect([...byLabel.values()].every((c) => c !== '#ffffff')).toBe(true);
    // the summary, its who / action texts and both charts on their own sheet: Segments is the table alone
    expect(sheet.getMaxColumns()).toBe(SEGMENTS_DECL.length);
    expect(sheet.getMaxRows()).toBe(n);
    expect(sheet.getCharts()).toHaveLength(0);
    const summary = wb.getSheetByName('Ringkasan Segmen')!;
    const values = wb.readValues('Ringkasan Segmen');
    expect(values[0][0]).toBe('Ringkasan segmen');
    expect(values[1].slice(0, 8)).toEqual([
      'Segmen',
      'Pelanggan',
      'Pesanan',
      'Pendapatan (Rp)',
      '% Pelanggan',
      '% Pendapatan',
      'Siapa mereka',
      'Saran tindakan',
    ]);
    expect(values[9].slice(0, 1).concat(values[9].slice(6, 8))).toEqual([
      'Berisiko',
      'Dulu sering belanja, sudah lama tidak.',
      'Kirim voucher personal lewat chat dan tanyakan kabarnya.',
    ]);
    expect(summary.getCharts().map((c) => c.getType())).toEqual(['BAR', 'AREA']); // segment sizes, history
    expect(summary.getRange('D3').getNumberFormat()).toContain('Rp');
  });

  it("formats every cell of the table by its column's kind, with one range-wide request per format", () => {
    const { wb, bundle } = open();
    importGrid(bundle, wb, shop(400));
    const { calls } = wb.counter.measure(() => bundle.call('kenaliSegment'));
    const sheet = wb.getSheetByName('Segments')!;
    const n = sheet.getLastRow();
    const formats = sheet.getRange(1, 1, n, SEGMENTS_DECL.length).getNumberFormats();
    expect(formats[0].every((f) => f === '@')).toBe(true);
    for (const row of formats.slice(1)) expect(row).toEqual(SEGMENTS_DECL.map((c) => NUMBER_FORMATS[c.kind]));
    // the table's formats: one RangeList per distinct format; per-cell format arrays only for the small
    // tables of the summary sheet, whose size does not follow the customers (the summary's three, and
    // movement's run date, matrix and history)
    const distinct = new Set(SEGMENTS_DECL.map((c) => NUMBER_FORMATS[c.kind])).size;
    expect(calls['RangeList.setNumberFormat']).toBe(distinct);
    expect(calls['Range.setNumberFormats']).toBeLessThanOrEqual(6);
  });

  it('a rerun replaces the sheet whole, and the same run date gives the same sheet', () => {
    const { wb, bundle } = segmented(200);
    const first = wb.readValues('Segments');
    const summary = wb.readValues('Ringkasan Segmen');
    bundle.call('kenaliSegment');
    expect(wb.readValues('Segments')).toEqual(first);
    expect(wb.readValues('Ringkasan Segmen')).toEqual(summary);
    expect(wb.getSheets().filter((s) => s.getName().startsWith('Segments')).length).toBe(1);
    expect(wb.getSheets().filter((s) => s.getName().startsWith('Ringkasan Segmen')).length).toBe(1);
  });

  it('the run date can be set from the menu (as of a past day)', () => {
    const { wb, bundle } = segmented(200);
    bundle.ui.respond({ button: 'OK', text: '2024-05-31' });
    bundle.call('kenaliSegmentAt');
    const values = wb.readValues('Segments');
    const lastOrder = values.slice(1).map((r) => r[5] as Date);
    const endOfMay = epochFromLocal({ year: 2024, month: 5, day: 31, hour: 23, minute: 59, second: 59 }, TZ);
    expect(lastOrder.every((d) => d.getTime() <= endOfMay)).toBe(true);
  });

  it('leaves unreadable store rows out of the scores and says where they are', () => {
    const { wb, bundle } = segmented(200);
    const orders = wb.readValues('Orders');
    orders[2][3] = 'seratus ribu';
    wb.putValues('Orders', orders, { asText: true });
    bundle.call('kenaliSegment');
    expect(lastAlert(bundle)).toContain('tidak terbaca');
    const problems = wb.readValues('Impor - Masalah');
    expect(problems.some((r) => r[0] === 'Orders' && r[1] === 3 && r[2] === 'total_price')).toBe(true);
  });

  it('says the data is too thin with fewer than 5 customers', () => {
    const { wb, bundle } = open();
    const grid = shop(6);
    importGrid(bundle, wb, grid);
    bundle.call('kenaliSegment');
    if (wb.readValues('Segments').length - 1 < 5) {
      expect(lastAlert(bundle)).toContain('terlalu sedikit');
    }
  });
});

describe('spreadsheet calls do not grow with rows', () => {
  function callsAt(lines: number) {
    const { wb, bundle } = open();
    const grid = shop(lines, 11);
    bundle.call('kenaliSetup');
    wb.putValues('Impor', grid, { asText: true });
    const importCalls = wb.counter.measure(() => bundle.call('kenaliImport')).calls;
    const segmentCalls = wb.counter.measure(() => bundle.call('kenaliSegment')).calls;
    const queue = wb.counter.measure(() => bundle.call('getNamingQueue'));
    const key = (queue.result as { entries: { buyerKey: string; addressFull: string }[] }).entries[0];
    const saveCalls = wb.counter.measure(() =>
      bundle.call('saveBuyerName', key.buyerKey, 'Nama', key.addressFull),
    ).calls;
    const lookupCalls = wb.counter.measure(() => bundle.call('lookupCustomers', 'a')).calls;
    const detailCalls = wb.counter.measure(() => bundle.call('getCustomerDetail', key.buyerKey)).calls;
    return { importCalls, segmentCalls, queueCalls: queue.calls, saveCalls, lookupCalls, detailCalls };
  }

  // Resizing a grid past a new sheet's 1000 rows (growing a store sheet, shrinking the inbox after a big
  // paste) costs one call per sheet, needed above 1000 rows only: so 5,000 and 10,000 lines must match
  // exactly, and 100 lines all the rest.
  const GROWTH = ['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter', 'Sheet.deleteRows'];
  const withoutGrowth = (c: Record<string, Record<string, number>>) =>
    Object.fromEntries(
      Object.entries(c).map(([op, calls]) => [
        op,
        Object.fromEntries(Object.entries(calls).filter(([k]) => !GROWTH.includes(k))),
      ]),
    );

  it('import, segmentation, queue, save, lookup and detail make the same calls at 100, 5,000 and 10,000 lines', () => {
    const small = callsAt(100);
    const mid = callsAt(5_000);
    const big = callsAt(10_000);
    expect(big).toEqual(mid);
    expect(withoutGrowth(big)).toEqual(withoutGrowth(small));
    for (const op of Object.values(big)) {
      for (const g of GROWTH) expect(op[g] ?? 0).toBeLessThanOrEqual(4);
    }
    // and the operations really are batched: about a hundred calls for 10,000 lines, not one per row
    // (segmentation also checks and repairs the Customers read model: a score more; an import keeps an
    // undo log of its commit, #17: its hidden sheet, the commit point and the sort stamp column, ~20 more)
    const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    expect(total(big.importCalls)).toBeLessThan(125);
    // Builders (rules, charts) reach no document until set or inserted: bounded on their own. The rest:
    // movement (#21) reads two columns of the old sheet and writes the history, its chart and the matrix.
    const isBuilder = (k: string) => k.includes('Builder.') || /\.new[A-Z]/.test(k);
    const own = (c: Record<string, number>, builder: boolean) =>
      total(Object.fromEntries(Object.entries(c).filter(([k]) => isBuilder(k) === builder)));
    expect(own(big.segmentCalls, false)).toBeLessThan(160);
    expect(own(big.segmentCalls, true)).toBeLessThan(120);
    expect(big.importCalls['Lock.waitLock']).toBe(1);
    expect(big.saveCalls['Lock.waitLock']).toBe(1);
    // one write of the profile's row, one of the customer's row in Customers
    expect(big.saveCalls['Range.setValues']).toBe(2);
  });

  it('stored grid cells stay near the data (blank cells count toward the 10-million-cell limit)', () => {
    const { wb, bundle } = open();
    bundle.call('kenaliSetup');
    const lines = 10_000;
    wb.putValues('Impor', shop(lines, 11), { asText: true });
    bundle.call('kenaliImport');
    bundle.call('kenaliSegment');
    const grid = (name: string) => {
      const sh = wb.getSheetByName(name)!;
      return sh.getMaxRows() * sh.getMaxColumns();
    };
    const store = ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile'].reduce((a, n) => a + grid(n), 0);
    // store sheets: their own columns only (7 + 6 + 4 + 5), so about 11 cells per order line plus small headers
    expect(store / lines).toBeLessThanOrEqual(12);
    expect(wb.getSheetByName('Orders')!.getMaxColumns()).toBe(7);
    // the inbox gives back the grid of a 10,000-line paste once it is cleared
    expect(grid('Impor')).toBeLessThanOrEqual(1000 * 26);
  });
});
