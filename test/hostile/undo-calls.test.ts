// The undo log's cost (#17) is what an import changes, never the store's size: a daily import (a day's
// export: some stored orders with a new status, some new orders) into a store of 2,000 and of 12,000
// lines (the same recent shop under more older orders) makes the same service calls, and its hidden log
// sheet holds the same amount of text. Printed.
import { generateShopeeExport } from '../../src/core/demo';
import type { CellValue } from '../../src/core/types';
import { builtCode, demoExport, NOW, openShop, paste, type Shop, TZ } from './harness';

beforeAll(() => {
  builtCode();
});

const DAY_LINES = 150;
const DAY = 86_400_000;

/** A day's export: the shop's last 100 lines again, a quarter now completed, and DAY_LINES new lines. */
function dailyExport(history: CellValue[][]): CellValue[][] {
  const header = history[0];
  const status = header.indexOf('Status Pesanan');
  const again = history
    .slice(-100)
    .map((r, i) => (i % 4 === 0 ? r.map((v, j) => (j === status ? 'Selesai' : v)) : r));
  return [header, ...again, ...demoExport(DAY_LINES, 77).slice(1)];
}

function dailyImport(storeLines: number) {
  const shop: Shop = openShop();
  shop.bundle.call('kenaliSetup');
  // The store: older orders of other buyers (its size), then the same recent shop (what the day touches).
  const older = generateShopeeExport({ seed: 78, lines: storeLines, now: NOW - 400 * DAY, timeZone: TZ });
  paste(shop, older.grid);
  shop.bundle.call('kenaliImport');
  const recent = demoExport(400, 76);
  paste(shop, recent);
  shop.bundle.call('kenaliImport');
  paste(shop, dailyExport(recent));
  // The log's text, read just before the merge deletes its sheet (the end of a merge).
  let logChars = -1;
  shop.wb.counter.at('Spreadsheet.deleteSheet', 1, () => {
    if (!shop.wb.hasSheet('~kenali-undo')) return;
    logChars = shop.wb
      .readValues('~kenali-undo')
      .flat()
      .reduce<number>((n, v) => n + String(v).length, 0);
  });
  const m = shop.wb.counter.measure(() => shop.bundle.call('kenaliImport'));
  shop.wb.counter.clearFaults();
  expect(shop.wb.hasSheet('~kenali-undo')).toBe(false);
  return { calls: m.calls, total: m.total, logChars };
}

it('a daily import into a store of 2,000 and of 12,000 lines: the same calls, the same size of undo log', () => {
  const small = dailyImport(2_000);
  const big = dailyImport(12_000);
  console.log(
    `daily import (${DAY_LINES} new lines, 100 again): store 2,000 lines → ${small.total} calls, undo log ${small.logChars} chars; store 12,000 lines → ${big.total} calls, undo log ${big.logChars} chars`,
  );
  expect(small.logChars).toBeGreaterThan(300); // the log really holds the old cells and Customers rows
  // (growing a sheet's grid past its rows is one call per sheet, whether it is needed depends on the
  // grid's slack, as in sheet-actions' call test: left out of the comparison, bounded)
  const GROWTH = ['Sheet.insertRowsAfter', 'Sheet.deleteRows'];
  const steady = (c: Record<string, number>) =>
    Object.fromEntries(Object.entries(c).filter(([k]) => !GROWTH.includes(k)));
  expect(steady(big.calls)).toEqual(steady(small.calls));
  for (const g of GROWTH) expect(big.calls[g] ?? 0).toBeLessThanOrEqual(4);
  // (row numbers in the log are longer at 12,000 lines: a digit each, no more)
  expect(Math.abs(big.logChars - small.logChars)).toBeLessThan(small.logChars * 0.1);
}, 120_000);
