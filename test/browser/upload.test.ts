// "Impor dari file" in a real browser: Debian's Chromium (playwright-core) on the preview server, the
// page's own file input given a real-layout Shopee .xlsx and a TikTok .csv, then every other supported
// export as .csv and as .xlsx; the saved workbook must hold the store that pasting the same files into
// Impor gives. Then a failure injected mid-upload (the local
// runtime's call counter) leaves the saved store as it was, and the page says so.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFor, ensureBuilt, importBlocks, saveWorkbook } from '../../local/cli/workbook';
import { readExportSheets } from '../../local/files';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { type Preview, startPreview } from '../../local/preview/server';
import { loadXlsx } from '../../local/xlsx';
import { generateShopeeExport } from '../../src/core/demo';
import type { CellValue } from '../../src/core/types';
import { csvText } from '../fixtures/cafe';
import { TOKOPEDIA_SAMPLE, tokopediaExport } from '../fixtures/layouts';
import { launchChromium } from './chromium';

const SHOTS = join('test-output', 'screenshots');
const TZ = 'Asia/Jakarta';
const STORE = ['Orders', 'OrderItems', 'OrderPayments'];
const dir = mkdtempSync(join(tmpdir(), 'kenali-upload-browser-'));
const workbookPath = join(dir, 'toko.xlsx');
let preview: Preview;
let context: BrowserContext;
const xlsxPath = join(dir, 'Order.all.20240601_20240630.xlsx');
const csvPath = join(dir, 'tiktok.csv');
const laterPath = join(dir, 'Order.toship.xlsx');

async function writeXlsx(path: string, grid: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('orders');
  for (const row of grid) ws.addRow(row);
  await wb.xlsx.writeFile(path);
}

const comparable = (v: CellValue) => (v instanceof Date ? v.getTime() : v);
async function savedStore(path: string): Promise<Record<string, unknown[][]>> {
  const book = await loadXlsx(path);
  return Object.fromEntries(
    STORE.filter((s) => book.hasSheet(s)).map((s) => [s, book.readValues(s).map((r) => r.map(comparable))]),
  );
}

/** The store a seller gets by pasting each file into Impor (the CLI's import), saved and read back. */
async function storeByPaste(paths: string[]): Promise<Record<string, unknown[][]>> {
  const wb = new LocalSpreadsheet({ name: 'paste', timeZone: TZ, locale: 'id_ID' });
  bundleFor(wb).call('kenaliSetup'); // as the preview's workbook was set up
  const blocks = [];
  for (const p of paths) for (const s of await readExportSheets(p, { timeZone: TZ })) blocks.push(s);
  importBlocks(wb, blocks);
  const out = join(dir, `paste-${paths.length}.xlsx`);
  await saveWorkbook(wb, out, 'id');
  return savedStore(out);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureBuilt();
  const now = Date.now() - 3_600_000;
  // Shopee's "Order.all" export as it downloads: one sheet, header on row 1, every cell text.
  const shopee = generateShopeeExport({ seed: 41, orders: 400, now, timeZone: TZ }).grid;
  await writeXlsx(
    xlsxPath,
    shopee.map((r) => r.map((v) => (v instanceof Date ? v.toISOString() : v))),
  );
  writeFileSync(csvPath, readFileSync(join(import.meta.dirname, '../fixtures/exports/tiktok.csv')));
  const later = generateShopeeExport({ seed: 42, orders: 50, now, timeZone: TZ }).grid;
  await writeXlsx(laterPath, later);
  const workbook = new LocalSpreadsheet({ name: 'toko', timeZone: TZ, locale: 'id_ID' });
  bundleFor(workbook).call('kenaliSetup');
  await saveWorkbook(workbook, workbookPath, 'id');
  preview = await startPreview({ workbookPath, port: 0 });
  context = await launchChromium(join(dir, 'profile'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function uploadFrame(): Promise<{ frame: Frame; errors: string[]; close: () => Promise<void> }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${preview.url}/upload`);
  await page.waitForSelector('iframe');
  let frame: Frame | undefined;
  for (let i = 0; i < 50 && !frame; i++) {
    frame = page.frames().find((f) => f.url().endsWith('/sidebar/upload'));
    if (!frame) await page.waitForTimeout(100);
  }
  if (!frame) throw new Error('no upload frame');
  await frame.waitForSelector('input#files', { state: 'attached' });
  return { frame, errors, close: () => page.close() };
}

describe('Impor dari file in Chromium', () => {
  it('uploads an .xlsx and a .csv through the file input: the saved store is the pasted one', async () => {
    const { frame, errors, close } = await uploadFrame();
    await frame.setInputFiles('input#files', [xlsxPath, csvPath]);
    await frame.waitForSelector('.final:not([hidden]) li.file-report', { timeout: 60_000 });
    await frame.waitForFunction(() => document.querySelectorAll('li.file-report').length === 2);
    const lines = await frame.locator('li.file-report').allTextContents();
    expect(lines[0]).toMatch(/Order\.all\.20240601_20240630\.xlsx: \d+ pesanan baru, 0 diperbarui/);
    expect(lines[1]).toMatch(/tiktok\.csv: \d+ pesanan baru/);
    await frame.locator('.final').screenshot({ path: join(SHOTS, 'upload-report.png') });
    await preview.saved();
    expect(await savedStore(workbookPath)).toEqual(await storeByPaste([xlsxPath, csvPath]));
    // No staging sheet is left behind.
    const book = await loadXlsx(workbookPath);
    expect(book.getSheets().map((s) => s.getName())).not.toContainEqual(expect.stringMatching(/^~kenali/));
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it('every other supported export, as .csv and as .xlsx, through the file input: the saved store is the pasted one', async () => {
    // Shopee (Indonesian and English headers), TikTok Shop, Lazada and Shopee's income report: the CSV
    // fixtures as downloaded, and each again as an .xlsx of text cells (as marketplaces write them); then
    // Tokopedia.
    const csvs = ['shopee-id.csv', 'shopee-en.csv', 'lazada.csv', 'shopee-income.csv'].map((n) => {
      const p = join(dir, n);
      writeFileSync(p, readFileSync(join(import.meta.dirname, '../fixtures/exports', n)));
      return p;
    });
    const xlsxs: string[] = [];
    for (const n of ['shopee-en', 'tiktok', 'lazada', 'shopee-income']) {
      const src = join(import.meta.dirname, '../fixtures/exports', `${n}.csv`);
      const grid = (await readExportSheets(src, { timeZone: TZ }))[0].grid;
      const p = join(dir, `${n}.xlsx`);
      await writeXlsx(p, grid);
      xlsxs.push(p);
    }
    // Tokopedia's "Laporan Penjualan" (title rows, header on row 4), as .xlsx and as .csv.
    const tokopedia = tokopediaExport(TOKOPEDIA_SAMPLE);
    const tokoXlsx = join(dir, 'Laporan Penjualan.xlsx');
    await writeXlsx(tokoXlsx, tokopedia);
    const tokoCsv = join(dir, 'Laporan Penjualan Lama.csv');
    writeFileSync(tokoCsv, csvText(tokopediaExport(TOKOPEDIA_SAMPLE.slice(0, 1))));
    const files = [...csvs, ...xlsxs, tokoXlsx, tokoCsv];
    const { frame, errors, close } = await uploadFrame();
    await frame.setInputFiles('input#files', files);
    await frame.waitForSelector('.final:not([hidden]) li.file-report', { timeout: 90_000 });
    await frame.waitForFunction(
      (n) => document.querySelectorAll('li.file-report').length === n,
      files.length,
      { timeout: 90_000 },
    );
    const lines = await frame.locator('li.file-report').allTextContents();
    expect(lines.map((l) => l.split(':')[0])).toEqual(files.map((p) => p.replace(/^.*[\\/]/, '')));
    expect(await frame.locator('li.file-report.error').count()).toBe(0);
    await preview.saved();
    // The store as pasting every file of both uploads into Impor, in the same order, gives it.
    expect(await savedStore(workbookPath)).toEqual(await storeByPaste([xlsxPath, csvPath, ...files]));
    expect(errors).toEqual([]);
    await close();
  }, 180_000);

  it('a failure injected mid-upload leaves the saved store as it was, and the page says so', async () => {
    await preview.saved();
    const before = await savedStore(workbookPath);
    const { frame, errors, close } = await uploadFrame();
    // The second setValues of the upload: the first chunk staged (the first writes the upload's row 1).
    preview.bundle.counter.failOn('Range.setValues', 2);
    await frame.setInputFiles('input#files', [laterPath]);
    await frame.waitForSelector('.final:not([hidden]) li.file-report.error', { timeout: 60_000 });
    expect(await frame.locator('li.file-report').textContent()).toMatch(
      /Order\.toship\.xlsx: TIDAK diimpor.*injected fault.*sheet toko tidak diubah/,
    );
    await preview.saved();
    expect(await savedStore(workbookPath)).toEqual(before);
    // Again, without the fault: it goes in.
    await frame.locator('button.again').click();
    await frame.setInputFiles('input#files', [laterPath]);
    await frame.waitForSelector('.final:not([hidden]) li.file-report.ok', { timeout: 60_000 });
    await preview.saved();
    expect((await savedStore(workbookPath)).Orders.length).toBeGreaterThan(before.Orders.length);
    expect(errors).toEqual([]);
    await close();
  }, 120_000);

  it('a failure injected inside the merge (the store half patched) is undone: the saved store as it was, and the page says so', async () => {
    await preview.saved();
    const before = await savedStore(workbookPath);
    const { frame, errors, close } = await uploadFrame();
    // The second store write of the commit (the new lines are in): the third setValues after the undo
    // log's sheet was hidden (the staging sheet is the first hidden; the log's text the first setValues).
    let hidden = 0;
    preview.bundle.counter.failOn((label) => {
      if (label === 'Sheet.hideSheet') hidden++;
      return hidden >= 2 && label === 'Range.setValues';
    }, 3);
    const fresh = join(dir, 'Order.completed.xlsx');
    await writeXlsx(
      fresh,
      generateShopeeExport({ seed: 43, orders: 30, now: Date.now() - 3_600_000, timeZone: TZ }).grid,
    );
    await frame.setInputFiles('input#files', [fresh]);
    await frame.waitForSelector('.final:not([hidden]) li.file-report.error', { timeout: 60_000 });
    expect(preview.bundle.counter.pendingFaults()).toBe(0);
    expect(await frame.locator('li.file-report').textContent()).toMatch(
      /Order\.completed\.xlsx: TIDAK diimpor.*Impor gagal.*injected fault.*dikembalikan persis seperti sebelum.*sheet toko tidak diubah/,
    );
    await frame.locator('.final').screenshot({ path: join(SHOTS, 'upload-undone.png') });
    await preview.saved();
    expect(await savedStore(workbookPath)).toEqual(before);
    const book = await loadXlsx(workbookPath);
    expect(book.getSheets().map((s) => s.getName())).not.toContainEqual(expect.stringMatching(/^~kenali/));
    expect(errors).toEqual([]);
    await close();
  }, 120_000);
});
