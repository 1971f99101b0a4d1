// The CLI as a seller runs it: a child process (node --import tsx local/cli/main.ts …) on demo exports
// written to a temp dir. Figures are checked against core computed in this process, not hard-coded.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula } from '../../local/cli/output';
import { ensureBuilt } from '../../local/cli/workbook';
import { loadXlsx } from '../../local/xlsx';
import { buildCustomers } from '../../src/core/customers';
import { generateShopeeExport, shopeeExportHeader } from '../../src/core/demo';
import { parseExport } from '../../src/core/exports';
import { segmentForCode } from '../../src/core/rfm';
import { CANONICAL_HEADER, canonicalSegments, SEGMENT_COLUMNS } from '../../src/core/segments';
import { mergeImport, readProfiles } from '../../src/core/store';
import { epochFromLocal } from '../../src/core/time';
import type { Grid } from '../../src/core/types';
import type { LookupListView } from '../../src/core/views';
import { kenali, writeCsvIn } from './run';

const TZ = 'Asia/Jakarta';
const TODAY = '2024-06-30';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 23, minute: 59, second: 59 }, TZ);
const dir = mkdtempSync(join(tmpdir(), 'kenali-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const demo = generateShopeeExport({ seed: 21, lines: 900, now: NOW - 3 * 3_600_000, timeZone: TZ }).grid;
const shop = join(dir, 'shop.csv');
beforeAll(async () => {
  writeCsv('shop.csv', demo);
  await ensureBuilt();
}, 60_000);

const writeCsv = (name: string, grid: Grid) => writeCsvIn(dir, name, grid);
const readCsv = (p: string) => Papa.parse<string[]>(readFileSync(p, 'utf8'), { skipEmptyLines: true }).data;

/** What core says the Segments table of these grids is (each grid one export, merged in order). */
function coreTable(grids: Grid[]) {
  const parsed = grids.map((g, i) => parseExport(g, `f${i}`, TZ, 'id'));
  const merged = mergeImport({ orders: [], items: [], payments: [] }, parsed, NOW);
  const index = buildCustomers({ orders: merged.orders, items: [], payments: [], profiles: [] });
  const t = canonicalSegments(index, { timeZone: TZ, now: NOW }, 'id');
  return { ...t, rows: [...t.rows] };
}
const asText = (rows: (string | number)[][]) => rows.map((r) => r.map(String));

describe('npm run kenali: local/cli/bin.mjs, the CLI from a bundle', () => {
  const stamp = 'node_modules/.cache/kenali-cli/inputs.json';
  const bin = (...args: string[]) => {
    const r = spawnSync(process.execPath, ['local/cli/bin.mjs', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const seconds = (s: string) => s.replace(/\d+(?:[.,]\d+)? dtk/, '… dtk');

  it('writes what the sources write, and makes its bundle again when a source is newer than it', () => {
    const fromBundle = join(dir, 'bin.csv');
    const fromSources = join(dir, 'src.csv');
    const a = bin('segment', shop, '--out', fromBundle, '--today', TODAY);
    const b = kenali('segment', shop, '--out', fromSources, '--today', TODAY);
    expect(a.code).toBe(0);
    expect(seconds(a.stdout.replace(fromBundle, 'out'))).toBe(seconds(b.stdout.replace(fromSources, 'out')));
    expect(readFileSync(fromBundle)).toEqual(readFileSync(fromSources));
    // Every source the bundle was made of is listed; one newer than the bundle makes it again.
    const made = JSON.parse(readFileSync(stamp, 'utf8')) as { built: number; inputs: string[] };
    expect(made.inputs).toEqual(expect.arrayContaining(['local/cli/oneshot.ts', 'src/core/summaries.ts']));
    writeFileSync(stamp, JSON.stringify({ ...made, built: 0 }));
    expect(bin('--help').code).toBe(0);
    expect(JSON.parse(readFileSync(stamp, 'utf8')).built).toBeGreaterThan(0);
  }, 60_000);
});

describe('segment <exports> --out (one-shot)', () => {
  it('turns a raw Shopee export CSV into the Segments CSV with core’s figures', () => {
    const out = join(dir, 'segments.csv');
    const r = kenali('segment', shop, '--out', out, '--today', TODAY);
    expect(r.stderr).not.toMatch(/masalah/);
    expect(r.code).toBe(0);
    const rows = readCsv(out);
    expect(rows[0]).toEqual(SEGMENT_COLUMNS.map((c) => CANONICAL_HEADER[c]));
    expect(rows[0]).toEqual([
      'buyer_key',
      'name',
      'buyer_username',
      'address_full',
      'first_order_at',
      'last_order_at',
      'recency_days',
      'frequency',
      'monetary',
      'r',
      'f',
      'm',
      'rfm',
      'segment',
    ]);
    const expected = coreTable([demo]);
    expect(expected.rows.length).toBeGreaterThan(100);
    expect(rows.slice(1)).toEqual(asText(expected.rows));
    expect(r.stdout).toContain(`${expected.rows.length} pelanggan`);
  });

  it('overlapping exports count each order once; a later stage updates a status, an earlier one does not', () => {
    const header = demo[0];
    const a = writeCsv('a.csv', demo.slice(0, 600));
    const bRows = [header, ...demo.slice(400)].map((row) => row.slice());
    // The newest order in b was cancelled since export a.
    const status = header.indexOf('Status Pesanan');
    const sn = bRows[1][0];
    for (const row of bRows) if (row[0] === sn) row[status] = 'Batal';
    const b = writeCsv('b.csv', bRows);
    const out = join(dir, 'overlap.csv');
    const r = kenali('segment', a, b, shop, '--out', out, '--today', TODAY);
    expect(r.code).toBe(0);
    const expected = coreTable([demo.slice(0, 600), bRows]);
    expect(expected.rows).not.toEqual(coreTable([demo]).rows);
    // shop.csv comes last with that order at an earlier stage: the cancellation stays (the status order).
    expect(readCsv(out).slice(1)).toEqual(asText(expected.rows));
    for (const files of [
      [a, b],
      [b, a],
      [shop, b, a],
    ]) {
      const r2 = kenali('segment', ...files, '--out', out, '--today', TODAY);
      expect(r2.code).toBe(0);
      expect(readCsv(out).slice(1)).toEqual(asText(expected.rows));
    }
  });

  it('neutralises formulas in text cells; numbers stay numbers', () => {
    const g = demo.slice(0, 40).map((r) => r.slice());
    const user = g[0].indexOf('Username (Pembeli)');
    const addr = g[0].indexOf('Alamat Pengiriman');
    const hostile = ['=IMPORTXML("http://x","//a")', '+62811', '-cmd', '@SUM(A1)', '=1+1'];
    let k = 0;
    let last = '';
    for (let i = 1; i < g.length; i++) {
      if (g[i][0] !== last) k++;
      last = String(g[i][0]);
      g[i][user] = hostile[k % hostile.length];
      g[i][addr] = k % 2 ? '=HYPERLINK("http://evil","klik")' : g[i][addr];
    }
    const out = join(dir, 'hostile.csv');
    const r = kenali('segment', writeCsv('hostile-src.csv', g), '--out', out, '--today', TODAY);
    expect(r.code).toBe(0);
    const rows = readCsv(out).slice(1);
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) {
      for (const cell of [row[0], row[1], row[2], row[3]]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      expect(hostile.map((h) => `'${h}`)).toContain(row[2]);
      expect(row[6]).toMatch(/^\d+$/); // recency_days untouched
    }
    const expected = coreTable([g]).rows;
    expect(rows.map((r) => r[2].slice(1))).toEqual(expected.map((r) => r[2]));
  });

  it('writes XLSX with a coloured segment column, frozen header and a filter', async () => {
    const out = join(dir, 'segments.xlsx');
    const r = kenali('segment', shop, '--out', out, '--today', TODAY, '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/customers/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const expected = coreTable([demo]).rows;
    expect(ws.rowCount).toBe(expected.length + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(SEGMENT_COLUMNS.map((c) => CANONICAL_HEADER[c]));
    for (const i of [2, 3, expected.length + 1]) {
      const row = ws.getRow(i);
      const seg = segmentForCode(String(row.getCell(13).value))!;
      const fill = row.getCell(14).fill as ExcelJS.FillPattern;
      expect(fill.fgColor?.argb).toBe(`FF${seg.background.slice(1).toUpperCase()}`);
      expect(row.getCell(1).value).toBe(expected[i - 2][0]);
      expect(row.getCell(2).value).toBe(expected[i - 2][1]);
    }
  });

  it('reports unreadable rows on stderr (file, row, column) and still writes the rest', () => {
    const g = demo.slice(0, 60).map((r) => r.slice());
    g[3][g[0].indexOf('Total Pembayaran')] = 'gratis';
    const src = writeCsv('bad-rows.csv', g);
    const out = join(dir, 'bad-rows-out.csv');
    const r = kenali('segment', src, '--out', out, '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/bad-rows\.csv baris 4, kolom Total Pembayaran: /);
    expect(readCsv(out).slice(1)).toEqual(asText(coreTable([g]).rows));
    // Not a terminal: one line per phase, no carriage-return animation.
    expect(r.stderr).not.toContain('\r');
    expect(r.stderr.split('\n').filter((l) => l.endsWith('…')).length).toBeLessThanOrEqual(4);
  });
});

describe('CSV output', () => {
  it('prefixes text that a spreadsheet would run (= + - @ tab CR) and quotes what CSV needs', () => {
    const cells = ['=A1', '+1', '-1', '@x', '\tx', '\rx', 'a=b', ''];
    expect(cells.map(neutraliseFormula)).toEqual(cells.map((c, i) => (i < 6 ? `'${c}` : c)));
    expect([csvField(-5), csvField('-5'), csvField('a,"b"'), csvField(' x'), csvField('Rp 1.000')]).toEqual([
      '-5',
      "'-5",
      '"a,""b"""',
      '" x"',
      'Rp 1.000',
    ]);
  });
});

describe('bad arguments and files', () => {
  it.each([
    [[], 2, /Pemakaian/],
    [['frobnicate'], 2, /Perintah tidak dikenal/],
    [['segment', 'x.csv', '--out', 'y.csv', '--bogus'], 2, /Opsi tidak dikenal: “--bogus”/],
    [['segment', 'x.csv'], 2, /--out FILE/],
    [['segment', 'x.csv', '--out'], 2, /--out perlu nilai/],
    [['segment', 'x.csv', '--out', 'y.txt'], 2, /\.csv atau \.xlsx/],
    [['segment', 'x.csv', '--out', 'y.csv', '--today', '2024-02-30'], 2, /Tanggal “2024-02-30” tidak valid/],
    [['segment', 'x.csv', '--out', 'y.csv', '--tz', 'Mars/Base'], 2, /Zona waktu/],
    [['segment', 'x.csv', '--out', 'y.csv', '--lang', 'fr'], 2, /Bahasa “fr”/],
    [['--lang', 'en', 'segment', 'missing.csv', '--out', 'y.csv'], 1, /File “missing\.csv” not found/],
    [['name', 'nobody', 'Budi', '--workbook', 'w.xlsx'], 2, /ID pelanggan “nobody” tidak valid/],
    [['lookup', 'x', '--workbook', 'nope.xlsx'], 1, /tidak ditemukan/],
  ] as const)('%j → exit %i', (args, code, message) => {
    const r = kenali(...args);
    expect(r.code).toBe(code);
    expect(r.stderr + r.stdout).toMatch(message);
  });

  it('a file without any export header is fatal (exit 1), nothing is written', () => {
    const src = writeCsv('notes.csv', [['catatan'], ['belanja bulanan']]);
    const out = join(dir, 'never.csv');
    const r = kenali('segment', src, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\.csv.*tidak ada ekspor pesanan yang dikenali/);
    expect(existsSync(out)).toBe(false);
  });

  it('--help for each command', () => {
    for (const c of ['segment', 'import', 'name', 'lookup', 'demo']) {
      const r = kenali(c, '--help', '--lang', 'en');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage:/);
    }
  });
});

describe('workbook: import → segment → name → lookup', () => {
  it('runs the product on an .xlsx workbook and keeps the seller’s name', async () => {
    const wb = join(dir, 'toko.xlsx');
    const src = shop;
    const imp = kenali('import', src, '--workbook', wb);
    expect(imp.code).toBe(0);
    expect(imp.stdout).toMatch(/Workbook baru dibuat/);
    const orders = parseExport(demo, 'x', TZ, 'id').orders.length;
    expect(imp.stdout).toContain(`${orders} pesanan baru`);

    // Again: nothing doubles.
    const again = kenali('import', src, '--workbook', wb);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`0 pesanan baru, 0 diperbarui, ${orders} tidak berubah`);
    let book = await loadXlsx(wb);
    expect(book.readValues('Orders').length).toBe(orders + 1);

    const seg = kenali('segment', '--workbook', wb, '--today', TODAY);
    expect(seg.code).toBe(0);
    book = await loadXlsx(wb);
    const segRows = book.readValues('Segments');
    const expected = coreTable([demo]).rows;
    expect(segRows.slice(1).filter((r) => r[0] !== '').length).toBe(expected.length);
    expect(segRows.slice(1, 4).map((r) => r[0])).toEqual(expected.slice(0, 3).map((r) => r[0]));

    const username = String(expected[0][2]);
    const look = kenali('lookup', username, '--workbook', wb, '--json');
    expect(look.code).toBe(0);
    const view = JSON.parse(look.stdout) as LookupListView;
    const item = view.items.find((i) => i.buyerKey === expected[0][0]);
    expect(item?.realName).toBeNull();

    const named = kenali('name', String(expected[0][0]), 'Budi', 'Santoso', '--workbook', wb);
    expect(named.code).toBe(0);
    book = await loadXlsx(wb);
    const profiles = readProfiles(book.readValues('BuyerProfile'), 'BuyerProfile', TZ).records;
    expect(profiles.map((p) => [p.buyerUsername, p.buyerRealName])).toEqual([[username, 'Budi Santoso']]);

    const found = JSON.parse(
      kenali('lookup', 'budi santoso', '--workbook', wb, '--json').stdout,
    ) as LookupListView;
    expect(found.items.map((i) => [i.buyerKey, i.realName])).toEqual([[expected[0][0], 'Budi Santoso']]);
    const table = kenali('lookup', 'budi santoso', '--workbook', wb);
    expect(table.stdout).toMatch(/Budi Santoso\s+\S+/);
  }, 120_000); // six CLI processes, each loading the bundle

  it('imports XLSX exports too (typed cells, every sheet)', async () => {
    const x = new ExcelJS.Workbook();
    const ws = x.addWorksheet('orders');
    for (const row of demo.slice(0, 80)) ws.addRow(row);
    x.addWorksheet('catatan').addRow(['bukan ekspor']);
    const src = join(dir, 'orders.xlsx');
    await x.xlsx.writeFile(src);
    const wb = join(dir, 'toko-x.xlsx');
    const r = kenali('import', src, '--workbook', wb, '--lang', 'en');
    expect(r.code).toBe(0);
    const orders = parseExport(demo.slice(0, 80), 'x', TZ, 'id').orders.length;
    expect(r.stdout).toContain(`orders.xlsx › orders: Import finished. ${orders} new orders`);
    const book = await loadXlsx(wb);
    expect(book.readValues('Orders').length).toBe(orders + 1);
    expect(shopeeExportHeader('id')[0]).toBe(demo[0][0]);
  });
});

describe('an output folder that does not exist', () => {
  it('is refused in our words before any input is read (no ENOENT, no .tmp path)', () => {
    const missing = join(dir, 'tidak-ada', 'segmen.csv');
    // The input does not exist either: the folder is checked first, so its message is the one shown.
    const r = kenali('segment', join(dir, 'belum-ada.csv'), '--out', missing, '--today', TODAY);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Folder untuk “${missing}” tidak ada`);
    expect(r.stderr).not.toMatch(/ENOENT|\.tmp/);
    const demoRun = kenali('demo', '--out', missing);
    expect(demoRun.code).toBe(1);
    expect(demoRun.stderr).toContain('tidak ada');
    expect(existsSync(join(dir, 'tidak-ada'))).toBe(false);
  });
});
