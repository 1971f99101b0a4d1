// Doing the same thing twice changes nothing: importing the same export again (hostile rows, bad rows and an
// income report included), segmenting twice on the same run date, saving the same name again. Compared on
// every sheet: values, number formats, colours, frozen rows, filter, sheet order, document properties.
import { generateIncomeReport } from '../../src/core/demo';
import type { CellValue } from '../../src/core/types';
import type { NamingQueueView } from '../../src/core/views';
import { BAD_VALUES, exportGrid, HOSTILE_TEXTS, line } from './corpus';
import {
  builtCode,
  demoExport,
  expectSameState,
  formulaCells,
  NOW,
  openShop,
  paste,
  type Shop,
  TZ,
  workbookState,
} from './harness';

beforeAll(() => {
  builtCode();
});

/** A realistic paste: a demo export, hostile rows, rows that cannot be read, and an income report. */
function messyPaste(): CellValue[][] {
  const shop = demoExport(150, 41);
  const width = shop[0].length;
  const pad = (r: CellValue[]) => [...r, ...Array(Math.max(0, width - r.length)).fill('')];
  const hostile = exportGrid([
    ...HOSTILE_TEXTS.map((t, k) =>
      line(`H${k}`, k, { 'Username (Pembeli)': `u${k}`, 'Alamat Pengiriman': t, 'Nama Produk': t }),
    ),
    ...BAD_VALUES.slice(0, 6).map((b, k) => line(`B${k}`, k, { [b.column]: b.value })),
  ]);
  const income = generateIncomeReport({
    seed: 41,
    exportOptions: { seed: 41, lines: 150, now: NOW, timeZone: TZ },
  }).grid;
  return [...shop, [], ...hostile, [], ...income].map(pad);
}

function importTwice(shop: Shop, grid: CellValue[][]) {
  paste(shop, grid);
  shop.bundle.call('kenaliImport');
  const first = workbookState(shop.wb);
  const firstAlert = shop.bundle.ui.alerts.at(-1)?.prompt ?? '';
  paste(shop, grid);
  shop.bundle.call('kenaliImport');
  return {
    first,
    second: workbookState(shop.wb),
    firstAlert,
    secondAlert: shop.bundle.ui.alerts.at(-1)?.prompt ?? '',
  };
}

describe('importing the same export again changes nothing', () => {
  it('a clean export: every sheet identical, the dialog says nothing new', () => {
    const shop = openShop();
    shop.bundle.call('kenaliSetup');
    const { first, second, secondAlert } = importTwice(shop, demoExport(200, 42));
    expectSameState(second, first, 'after the second import');
    expect(first.sheets.Orders.values.length).toBeGreaterThan(50);
    expect(secondAlert).toMatch(/0 pesanan baru, 0 diperbarui, \d+ tidak berubah/);
  });

  it('a messy one (hostile text, unreadable rows, income report): same sheets, same problems', () => {
    const shop = openShop();
    shop.bundle.call('kenaliSetup');
    const { first, second, firstAlert, secondAlert } = importTwice(shop, messyPaste());
    expect(first.sheets.OrderPayments.values.length).toBeGreaterThan(5);
    expect(first.sheets['Impor - Masalah'].values.length).toBe(7); // header + 6 unreadable rows
    expectSameState(second, first, 'after the second import');
    expect(secondAlert.split('\n').slice(1)).toEqual(firstAlert.split('\n').slice(1));
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('an overlapping export (half old, half new) adds only the new half', () => {
    const shop = openShop();
    shop.bundle.call('kenaliSetup');
    const a = demoExport(120, 43);
    const b = demoExport(120, 44);
    paste(shop, a);
    shop.bundle.call('kenaliImport');
    paste(shop, b);
    shop.bundle.call('kenaliImport');
    const separately = workbookState(shop.wb);
    const other = openShop();
    other.bundle.call('kenaliSetup');
    paste(other, a);
    other.bundle.call('kenaliImport');
    paste(other, [...a, ...b.slice(1)]);
    other.bundle.call('kenaliImport');
    expectSameState(workbookState(other.wb).sheets.Orders, separately.sheets.Orders, 'Orders');
    expectSameState(workbookState(other.wb).sheets.OrderItems, separately.sheets.OrderItems, 'OrderItems');
  });
});

describe('segmenting twice on the same run date changes nothing', () => {
  it('Segments values, colours, filter, frozen header, the summary sheet and its charts are identical; no stray sheet', () => {
    const shop = openShop();
    paste(shop, messyPaste());
    shop.bundle.call('kenaliImport');
    const queue = shop.bundle.call<NamingQueueView>('getNamingQueue', 30);
    for (const e of queue.entries.slice(0, 3))
      shop.bundle.call('saveBuyerName', e.buyerKey, HOSTILE_TEXTS[5], e.addressFull);
    shop.bundle.call('kenaliSegment');
    const first = workbookState(shop.wb);
    expect(first.sheets.Segments.backgrounds.flat().filter((c) => c !== '#ffffff').length).toBeGreaterThan(
      10,
    );
    shop.bundle.call('kenaliSegment');
    expectSameState(workbookState(shop.wb), first, 'after the second segmentation');
    expect(shop.wb.sheet('Ringkasan Segmen').getCharts()).toHaveLength(2); // segment sizes, and their history
    // and "per tanggal" with the same day is the same run date
    shop.bundle.call('kenaliSegmentJson_', '2024-06-30');
    expectSameState(
      workbookState(shop.wb).sheets.Segments.values,
      first.sheets.Segments.values,
      'per tanggal',
    );
    expectSameState(
      workbookState(shop.wb).sheets['Ringkasan Segmen'].values,
      first.sheets['Ringkasan Segmen'].values,
      'per tanggal: the summary',
    );
  });

  it('saving the same name for the same buyer again changes nothing', () => {
    const shop = openShop();
    paste(shop, demoExport(100, 45));
    shop.bundle.call('kenaliImport');
    const [e] = shop.bundle.call<NamingQueueView>('getNamingQueue', 30).entries;
    shop.bundle.call('saveBuyerName', e.buyerKey, '=Budi', e.addressFull);
    const first = workbookState(shop.wb);
    shop.bundle.call('saveBuyerName', e.buyerKey, '=Budi', e.addressFull);
    expectSameState(workbookState(shop.wb), first, 'after the second save');
  });
});
