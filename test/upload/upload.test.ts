// "Impor dari file" end to end on the BUILT bundle (the page's pipeline from driver.ts): every export
// format, in .csv and .xlsx, gives the same store as pasting the file into Impor (the CLI's import path);
// uploading again changes nothing; a failure or a cancel mid-upload leaves the store as it was; an
// interrupted upload is cleaned up and reported; a Windows-1252 CSV keeps Café and Cafè apart.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExportSheets } from '../../local/files';
import { generateIncomeReport } from '../../src/core/demo';
import type { Grid } from '../../src/core/types';
import type { UploadFileReport } from '../../src/gas/upload';
import { ansi, CAFE_ADDRESSES, CAFE_USER, cafeShop, csvText } from '../fixtures/cafe';
import {
  builtCode,
  demoExport,
  NOW,
  openShop,
  paste,
  type Shop,
  STORE_SHEETS,
  storeValues,
  TZ,
  workbookState,
} from '../hostile/harness';
import { type UploadFile, uploadFiles, wire } from './driver';

const FIXTURES = join(import.meta.dirname, '../fixtures/exports');
const dir = mkdtempSync(join(tmpdir(), 'kenali-upload-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() => {
  builtCode();
});

const fixture = (name: string): UploadFile => ({
  name,
  bytes: new Uint8Array(readFileSync(join(FIXTURES, name))),
});

async function xlsxFile(
  name: string,
  sheets: { name: string; grid: Grid; dates?: number[] }[],
): Promise<UploadFile> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const row of s.grid) ws.addRow(row);
    for (const c of s.dates ?? []) ws.getColumn(c + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
  }
  return { name, bytes: new Uint8Array(await wb.xlsx.writeBuffer()) };
}

/** The grids the CLI's reader (exceljs, files.ts) sees in a file: what a seller pastes into Impor. */
async function pastedSheets(f: UploadFile): Promise<{ name: string; grid: Grid }[]> {
  const path = join(dir, f.name);
  writeFileSync(path, f.bytes);
  return (await readExportSheets(path, { timeZone: TZ })).map((s) => ({ name: s.name, grid: s.grid }));
}

/** The store after pasting each sheet of the files into Impor and running Impor (problems: by file). */
async function storeByPaste(files: UploadFile[]) {
  const shop = openShop();
  const problems: unknown[] = [];
  for (const f of files) {
    for (const s of await pastedSheets(f)) {
      paste(shop, s.grid);
      const r = shop.bundle.call<{ problems: { sheet: string }[] }>('kenaliImportJson_');
      // Problems name the inbox; the upload names the file (and sheet): compare them by file.
      const label = /\.xlsx$/i.test(f.name) ? s.name.replace(/^.*[\\/]/, '') : f.name;
      // The problems sheet has no code column: compare what it shows.
      problems.push(
        ...r.problems
          .filter((p) => p.sheet === 'Impor')
          .map((p) => ({ ...p, sheet: label, code: undefined })),
      );
    }
  }
  return { store: storeValues(shop.wb), problems };
}

async function storeByUpload(files: UploadFile[], shop = openShop()) {
  const out = await uploadFiles(shop, files);
  const problems = (out.reports as UploadFileReport[]).length > 0 ? readProblems(shop) : [];
  return { shop, out, store: storeValues(shop.wb), problems };
}

function readProblems(shop: Shop): unknown[] {
  if (!shop.wb.hasSheet('Impor - Masalah')) return [];
  const [, ...rows] = shop.wb.readValues('Impor - Masalah');
  return rows
    .filter((r) => !STORE_SHEETS.includes(String(r[0])))
    .map(([sheet, row, column, reason, kind]) => ({
      sheet,
      row,
      column,
      reason,
      severity: kind === 'peringatan' ? 'warning' : 'error',
    }));
}

/** A demo Shopee export with its creation times as real .xlsx date cells and its amounts as numbers. */
function typedShopee(): { grid: Grid; dates: number[] } {
  const grid = demoExport(60, 31).map((r) => r.slice());
  const h = grid[0];
  const created = h.indexOf('Waktu Pesanan Dibuat');
  const total = h.indexOf('Total Pembayaran');
  for (const row of grid.slice(1)) {
    const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(String(row[created]));
    if (m) row[created] = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
    const amount = Number(String(row[total]).replace(/[^\d]/g, ''));
    if (Number.isFinite(amount)) row[total] = amount;
  }
  return { grid, dates: [created] };
}

describe('uploading a file gives the same store as pasting it into Impor', () => {
  const CSVS = ['shopee-id.csv', 'shopee-en.csv', 'tiktok.csv', 'lazada.csv', 'shopee-income.csv'];

  it.each(CSVS)('%s as CSV', async (name) => {
    const files = [fixture(name)];
    const byPaste = await storeByPaste(files);
    const byUpload = await storeByUpload(files);
    expect(byUpload.out.error).toBeNull();
    expect(byUpload.store).toEqual(byPaste.store);
    expect(byUpload.problems).toEqual(byPaste.problems);
    expect(Object.keys(byUpload.store).length).toBeGreaterThan(0);
  });

  it.each(CSVS)('%s as XLSX (its cells as text, as marketplaces write them)', async (name) => {
    const csv = await pastedSheets(fixture(name));
    const files = [await xlsxFile(name.replace(/\.csv$/, '.xlsx'), [{ name: 'Sheet1', grid: csv[0].grid }])];
    const byPaste = await storeByPaste(files);
    const byUpload = await storeByUpload(files);
    expect(byUpload.out.error).toBeNull();
    expect(byUpload.store).toEqual(byPaste.store);
    expect(byUpload.problems).toEqual(byPaste.problems);
  });

  it('an XLSX with date cells and number cells, and a workbook of several sheets (income report)', async () => {
    const typed = typedShopee();
    const income = generateIncomeReport({
      seed: 31,
      exportOptions: { seed: 31, lines: 60, now: NOW, timeZone: TZ },
    }).grid;
    const files = [
      await xlsxFile('Order.all.xlsx', [{ name: 'orders', grid: typed.grid, dates: typed.dates }]),
      await xlsxFile('Income.xlsx', [
        { name: 'Summary', grid: [['Penghasilan Saya'], ['Toko Contoh'], ['Total', 1250000]] },
        { name: 'Income', grid: income },
        {
          name: 'Adjustment',
          grid: [
            ['Tanggal', 'Jumlah'],
            ['2024-06-01', -5000],
          ],
        },
      ]),
    ];
    const byPaste = await storeByPaste(files);
    const byUpload = await storeByUpload(files);
    expect(byUpload.out.error).toBeNull();
    expect(byUpload.out.skipped).toEqual([[], ['Income.xlsx › Summary', 'Income.xlsx › Adjustment']]);
    expect(byUpload.store).toEqual(byPaste.store);
    expect(byUpload.store.OrderPayments.length).toBeGreaterThan(1);
    // The date cells were read as dates in the spreadsheet's zone: the same instants as the text form.
    const asText = await storeByUpload([fixture('shopee-id.csv')]);
    expect(asText.store.Orders.length).toBeGreaterThan(1);
  });

  it('a big file goes in several chunks; problems name the file, the row and the column', async () => {
    const grid = demoExport(1500, 32).map((r) => r.slice());
    const h = grid[0];
    grid[1200][h.indexOf('Total Pembayaran')] = 'gratis';
    const files = [await xlsxFile('big.xlsx', [{ name: 'orders', grid }])];
    const byPaste = await storeByPaste(files);
    const shop = openShop();
    const out = await uploadFiles(shop, files, { chunkChars: 60_000 });
    expect(out.chunks).toBeGreaterThan(3);
    expect(storeValues(shop.wb)).toEqual(byPaste.store);
    expect(readProblems(shop)).toEqual(byPaste.problems);
    expect(readProblems(shop)).toContainEqual(
      expect.objectContaining({ sheet: 'big.xlsx › orders', row: 1201, column: 'Total Pembayaran' }),
    );
  });
});

describe('the report', () => {
  it('the problems sheet lists the problems of every file of the upload, each by its file and row', async () => {
    const bad = (seed: number, row: number) => {
      const grid = demoExport(30, seed).map((r) => r.slice());
      grid[row][grid[0].indexOf('Total Pembayaran')] = 'gratis';
      return grid;
    };
    const files = [
      await xlsxFile('a.xlsx', [{ name: 'orders', grid: bad(37, 4) }]),
      await xlsxFile('b.xlsx', [{ name: 'orders', grid: bad(38, 7) }]),
    ];
    const shop = openShop();
    const out = await uploadFiles(shop, files);
    expect((out.reports as UploadFileReport[]).map((r) => [r.ok, r.problems > 0, r.problemsSheet])).toEqual([
      [true, true, 'Impor - Masalah'],
      [true, true, 'Impor - Masalah'],
    ]);
    const listed = readProblems(shop) as { sheet: string; row: number; column: string }[];
    expect(listed).toContainEqual(
      expect.objectContaining({ sheet: 'a.xlsx › orders', row: 5, column: 'Total Pembayaran' }),
    );
    expect(listed).toContainEqual(
      expect.objectContaining({ sheet: 'b.xlsx › orders', row: 8, column: 'Total Pembayaran' }),
    );
  });
});

describe('all or nothing per file', () => {
  it('uploading the same file again changes nothing', async () => {
    const files = [fixture('shopee-id.csv'), fixture('shopee-income.csv')];
    const first = await storeByUpload(files);
    const before = workbookState(first.shop.wb);
    const again = await uploadFiles(first.shop, files);
    expect(again.error).toBeNull();
    for (const r of again.reports as UploadFileReport[]) {
      expect(r).toMatchObject({
        ok: true,
        newOrders: 0,
        updatedOrders: 0,
        newPayments: 0,
        updatedPayments: 0,
      });
    }
    expect(workbookState(first.shop.wb)).toEqual(before);
  });

  it('a write failing at any point of an upload: the file merged whole, or the store as it was (a failure inside the commit rolled back and said so); uploading the file again gives the undisturbed result', async () => {
    // The store is patched in place under an undo log: a failure among the commit's own writes is undone
    // in the same execution (every store sheet and Customers as before, values and all), the page says the
    // store was left as it was, and the same file uploaded again gives the undisturbed result. A failure
    // anywhere else (staging, the problems sheet, written before the store) changes no store cell either.
    // One unreadable row: the merge also writes the problems sheet, and a failure there counts too.
    const grid = demoExport(300, 33).map((r) => r.slice());
    grid[5][grid[0].indexOf('Total Pembayaran')] = 'gratis';
    const files = [await xlsxFile('more.xlsx', [{ name: 'orders', grid }])];
    const fresh = async () => {
      const shop = openShop();
      await uploadFiles(shop, [fixture('shopee-en.csv')]); // a store with orders already
      return shop;
    };
    const reference = await fresh();
    const before = storeValues(reference.wb);
    const beforeCustomers = reference.wb.readValues('Customers');
    await uploadFiles(reference, files, { chunkChars: 20_000 });
    const after = storeValues(reference.wb);
    const afterProblems = readProblems(reference);
    expect(after).not.toEqual(before);
    // Every write the upload makes, the patch's RangeList writes and sort included.
    const WRITES =
      /^(Range\.(setValues?|setNumberFormats?|clearContent|sort)|RangeList\.(setValues?|setNumberFormats?|clearContent)|Sheet\.(clearContents|insert.*|delete.*|hideSheet)|Spreadsheet\.(insertSheet|deleteSheet))$/;
    const outcomes = { merged: 0, unchanged: 0, rolledBack: 0 };
    for (let nth = 1; ; nth++) {
      const shop = await fresh();
      shop.bundle.counter.failOn(WRITES, nth);
      const out = await uploadFiles(shop, files, { chunkChars: 20_000 });
      if (shop.bundle.counter.pendingFaults() > 0) break; // past the upload's last write
      if (!out.error) {
        outcomes.merged++;
        expect(storeValues(shop.wb), `write #${nth}: merged whole`).toEqual(after);
      } else {
        expect(out.error, `write #${nth}`).toMatch(/injected fault/);
        // Whatever the write that failed: every store sheet and the read model hold their old values.
        expect(storeValues(shop.wb), `write #${nth}: the store as it was`).toEqual(before);
        expect(shop.wb.readValues('Customers'), `write #${nth}: Customers as it was`).toEqual(
          beforeCustomers,
        );
        if (/Sheet toko dibiarkan seperti semula/.test(out.error)) outcomes.rolledBack++;
        else outcomes.unchanged++;
        expect(out.error).not.toMatch(/di tengah jalan/);
      }
      // The staging sheet goes with the upload (uploadEnd), or, when that very call failed, with the next
      // sidebar opened once it is stale; the store stays as it is.
      const stored = storeValues(shop.wb);
      shop.clock.now += 16 * 60_000;
      await wire(shop)('uploadOpen');
      expect(shop.wb.getSheets().some((x) => x.getName().startsWith('~kenali'))).toBe(false);
      expect(storeValues(shop.wb)).toEqual(stored);
      if (out.error) {
        // The seller uploads the same file again: the undisturbed result, problems included.
        const again = await uploadFiles(shop, files, { chunkChars: 20_000 });
        expect(again.error, `write #${nth}: again`).toBeNull();
        expect(storeValues(shop.wb), `write #${nth}: uploaded again`).toEqual(after);
        expect(readProblems(shop), `write #${nth}: problems`).toEqual(afterProblems);
      }
    }
    // The sweep reached every phase: staging (nothing merged), the commit's writes (rolled back: at least
    // one per store sheet and Customers' patch), and past its end.
    expect(outcomes.unchanged).toBeGreaterThan(5);
    expect(outcomes.rolledBack).toBeGreaterThan(8);
    console.log('upload fault sweep:', JSON.stringify(outcomes));
    expect(outcomes.merged).toBeGreaterThan(0);
  }, 120_000); // some forty uploads, each rolled back or redone: longer than one test's default

  it('a cancel before the commit merges nothing of that file; files merged before it stay', async () => {
    const shop = openShop();
    const big = await xlsxFile('big.xlsx', [{ name: 'orders', grid: demoExport(4000, 34) }]);
    const out = await uploadFiles(shop, [fixture('tiktok.csv'), big], { cancelAfterChunks: 2 });
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]).toMatchObject({ ok: true, file: 'tiktok.csv' });
    const tiktokOnly = await storeByUpload([fixture('tiktok.csv')]);
    expect(storeValues(shop.wb)).toEqual(tiktokOnly.store);
  });

  it('a closed sidebar: the staging sheet is cleaned up as interrupted and reported; nothing merged', async () => {
    const shop = openShop();
    const out = await uploadFiles(
      shop,
      [await xlsxFile('half.xlsx', [{ name: 'o', grid: demoExport(4000, 35) }])],
      {
        cancelAfterChunks: 1,
        keepStaging: true,
      },
    );
    expect(out.reports).toEqual([]);
    const call = wire(shop);
    expect(await call('uploadOpen')).toMatchObject({ interrupted: [], othersActive: true });
    shop.clock.now += 16 * 60_000;
    expect(await call('uploadOpen')).toMatchObject({ interrupted: ['half.xlsx'], othersActive: false });
    expect(
      shop.wb
        .getSheets()
        .map((s) => s.getName())
        .filter((n) => n.startsWith('~')),
    ).toEqual([]);
    expect(Object.keys(storeValues(shop.wb))).toEqual([]);
  });

  it('a commit whose chunks are not all there merges nothing', async () => {
    const shop = openShop();
    const call = wire(shop);
    const { uploadId } = await call<{ uploadId: string }>('uploadBegin', ['x.csv']);
    await expect(
      call('uploadCommit', uploadId, 0, { name: 'x.csv', sheets: [{ label: 'x.csv', rows: 10, chunks: 1 }] }),
    ).rejects.toThrow(/tidak lengkap/);
    await expect(call('uploadChunk', uploadId, 0, 0, 0, '[[{"x":1}]]')).rejects.toThrow(/rusak/);
    await expect(call('uploadChunk', 'nope', 0, 0, 0, '[]')).rejects.toThrow(/sudah tidak ada/);
    expect(Object.keys(storeValues(shop.wb))).toEqual([]);
  });

  it('staging a chunk costs the same calls at 10 rows and at 2,000', async () => {
    const shop = openShop();
    const call = wire(shop);
    const { uploadId } = await call<{ uploadId: string }>('uploadBegin', ['x.csv']);
    const chunk = (rows: number) => JSON.stringify(Array.from({ length: rows }, (_, i) => [`row ${i}`, i]));
    const cost = async (rows: number) => {
      const before = shop.bundle.counter.total();
      await call('uploadChunk', uploadId, 0, 0, rows, chunk(rows));
      return shop.bundle.counter.total() - before;
    };
    const small = await cost(10);
    expect(await cost(2000)).toBe(small);
  });
});

describe('the paste flow', () => {
  it('Siapkan sheet formats Impor as plain text: values pasted as values stay as written', () => {
    const pasteValues = (shop: Shop) => {
      // Ctrl+Shift+V: values only, into the cells' own formats.
      shop.wb.putValues('Impor', [
        ['SKU', 'Variasi', 'Total'],
        ['007', '1/2', '150.000'],
      ]);
      return shop.wb.readValues('Impor').slice(1);
    };
    const raw = openShop();
    raw.wb.insertSheet('Impor');
    expect(pasteValues(raw)[0][0]).toBe(7); // an automatic format converts
    const shop = openShop();
    shop.bundle.call('kenaliSetup');
    expect(pasteValues(shop)).toEqual([['007', '1/2', '150.000']]);
    // An existing Impor sheet is formatted too, its values untouched.
    const kept = openShop();
    kept.wb.putValues('Impor', [['No. Pesanan'], ['A1']]);
    kept.bundle.call('kenaliSetup');
    expect(kept.wb.readValues('Impor')).toEqual([['No. Pesanan'], ['A1']]);
    expect(pasteValues(kept)).toEqual([['007', '1/2', '150.000']]);
  });
});

describe('encodings through the upload', () => {
  it('a Windows-1252 CSV keeps Jl. Café 1 and Jl. Cafè 1 apart (two customers), and says how it was read', async () => {
    const csv = csvText(cafeShop(demoExport(40, 36)));
    const ansiFile = { name: 'ansi.csv', bytes: new Uint8Array(ansi(csv)) };
    const shop = openShop();
    const out = await uploadFiles(shop, [ansiFile]);
    expect(out.error).toBeNull();
    expect(out.encodings).toEqual(['windows-1252']);
    const [head, ...rows] = shop.wb.readValues('Orders');
    const kopi = rows.filter((r) => r[head.indexOf('buyer_username')] === CAFE_USER);
    expect(kopi.map((r) => r[head.indexOf('address_full')]).sort()).toEqual(CAFE_ADDRESSES);
    const utf16 = { name: 'u16.csv', bytes: new Uint8Array(Buffer.from(csv, 'utf16le')) };
    const refused = await uploadFiles(openShop(), [utf16]);
    expect(refused.reports).toEqual([
      { file: 'u16.csv', notImported: expect.stringMatching(/UTF-16 LE tanpa BOM/) },
    ]);
  });
});
