// CSV encodings through the CLI (core's rule, src/core/encoding.ts): a Windows-1252 file (Excel's "CSV" on
// Windows) keeps `Jl. Café 1` and `Jl. Cafè 1` apart — two customers — through `segment` and through the
// multi-threaded reader; UTF-16 without a BOM is refused with its name, exit code 1.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvExport } from '../../local/cli/parallel';
import { generateShopeeExport } from '../../src/core/demo';
import { epochFromLocal } from '../../src/core/time';
import { ansi, CAFE_ADDRESSES, CAFE_USER, cafeShop, csvText } from '../fixtures/cafe';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 12, minute: 0, second: 0 }, TZ);
const dir = mkdtempSync(join(tmpdir(), 'kenali-enc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shop = (lines = 40) =>
  cafeShop(generateShopeeExport({ seed: 3, lines, now: NOW - 86_400_000, timeZone: TZ }).grid);

function kenali(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'local/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CSV encodings through the CLI', () => {
  it('segment: a Windows-1252 file keeps Café and Cafè apart, and says how it was read', () => {
    const src = join(dir, 'ansi.csv');
    writeFileSync(src, ansi(csvText(shop())));
    const out = join(dir, 'ansi-out.csv');
    const r = kenali('segment', src, '--out', out, '--today', '2024-06-30');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Windows-1252/);
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
    const header = rows[0];
    const kopi = rows.filter((row) => row[header.indexOf('buyer_username')] === CAFE_USER);
    expect(kopi.map((row) => row[header.indexOf('address_full')]).sort()).toEqual([
      'Jl. Cafè 1',
      'Jl. Café 1',
    ]);
  });

  it('import: a Windows-1252 file is imported and the CLI says how it was read', () => {
    const src = join(dir, 'ansi-import.csv');
    writeFileSync(src, ansi(csvText(shop())));
    const r = kenali('import', src, '--workbook', join(dir, 'toko.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ansi-import\.csv: .*Windows-1252/);
  });

  it('segment: UTF-16 without a BOM is refused, naming the encoding', () => {
    const src = join(dir, 'utf16.csv');
    writeFileSync(src, Buffer.from(csvText(shop(10)), 'utf16le'));
    const r = kenali('segment', src, '--out', join(dir, 'x.csv'), '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/UTF-16 LE without a BOM/);
  });

  it('the multi-threaded reader applies the same rule to the whole file (one byte late in it decides)', async () => {
    const grid = shop(3000);
    const opts = {
      sheetName: 'f.csv',
      timeZone: TZ,
      lang: 'id' as const,
      threads: 2,
      minPartBytes: 1,
      nearBytes: 64,
    };
    // UTF-8: read in parts, é and è as written.
    const utf8 = join(dir, 'utf8-big.csv');
    writeFileSync(utf8, csvText(grid));
    const a = await parseCsvExport(utf8, opts);
    expect(a.parts).toBe(2);
    expect(a.csv.encoding).toBe('utf-8');
    // The same export saved by Excel on Windows, with one more non-UTF-8 byte on its last line only.
    const last = grid[grid.length - 1];
    const h = grid[0];
    last[h.indexOf('Nama Variasi')] = 'Crème';
    const cp = join(dir, 'ansi-big.csv');
    writeFileSync(cp, ansi(csvText(grid)));
    const b = await parseCsvExport(cp, opts);
    expect(b.csv.encoding).toBe('windows-1252');
    const addresses = (r: typeof a) =>
      r.parsed
        .flatMap((p) => p.orders)
        .filter((o) => o.buyerUsername === CAFE_USER)
        .map((o) => o.addressFull)
        .sort();
    expect(addresses(a)).toEqual(CAFE_ADDRESSES);
    expect(addresses(b)).toEqual(CAFE_ADDRESSES);
    expect(b.parsed.flatMap((p) => p.orders).length).toBe(a.parsed.flatMap((p) => p.orders).length);
  });
});
