// The CLI on files that are not its own (issue #14, item 6), as a seller runs it (a child process): it never
// writes into a file it did not read as a workbook, keeps what a seller put into their own sheets (notes,
// merges, validation, borders…), and refuses to save what it would lose unless told --force.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, openWorkbook, saveWorkbook } from '../../local/cli/workbook';
import { loadXlsx } from '../../local/xlsx';
import { generateShopeeExport } from '../../src/core/demo';
import { epochFromLocal } from '../../src/core/time';
import { features, sellerWorkbook } from '../local/seller-workbook';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 12, minute: 0, second: 0 }, TZ);
const dir = mkdtempSync(join(tmpdir(), 'kenali-files-'));
const csv = join(dir, 'shop.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  const grid = generateShopeeExport({ seed: 3, lines: 60, now: NOW, timeZone: TZ }).grid;
  writeFileSync(
    csv,
    grid.map((r) => r.map((v) => `"${String(v).replaceAll('"', '""')}"`).join(',')).join('\r\n'),
  );
  await ensureBuilt();
}, 60_000);

function kenali(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'local/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function file(name: string, content: Buffer | string): Promise<string> {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('a file that is not a workbook', () => {
  it.each([
    [
      'a zip of something else',
      'arsip.xlsx',
      'zip',
      /bukan workbook \.xlsx \(arsip zip tanpa xl\/workbook\.xml\)/,
    ],
    ['a text file named .xlsx', 'teks.xlsx', 'text', /bukan workbook \.xlsx \(bukan arsip zip\)/],
    ['an empty file', 'kosong.xlsx', 'empty', /bukan workbook \.xlsx \(bukan arsip zip\)/],
  ])(
    '%s: import, name and segment refuse it (exit 1) and leave it byte for byte',
    async (_, name, kind, why) => {
      const zip = new JSZip();
      zip.file('foto/liburan.txt', 'kenangan yang tidak boleh hilang');
      const content =
        kind === 'zip'
          ? await zip.generateAsync({ type: 'nodebuffer' })
          : kind === 'text'
            ? 'catatan toko\n'
            : '';
      const path = await file(name, content);
      const before = readFileSync(path);
      for (const args of [
        ['import', csv, '--workbook', path],
        ['name', 'budi|0000000000000000000000000000000000000000', 'Budi', '--workbook', path],
        ['segment', '--workbook', path],
      ]) {
        const r = kenali(...args);
        expect(r.code, args[0]).toBe(1);
        expect(r.stderr).toMatch(why);
        expect(readFileSync(path).equals(before)).toBe(true);
      }
    },
  );
});

describe("a seller's workbook with sheets of their own", () => {
  it('import keeps notes, merges, validation, borders and the rest of the seller’s sheet', async () => {
    const path = await file('toko.xlsx', await sellerWorkbook());
    const before = await features(readFileSync(path));
    const r = kenali('import', csv, '--workbook', path);
    expect(r.code, r.stderr).toBe(0);
    expect(await features(readFileSync(path))).toEqual(before);
    expect((await loadXlsx(path)).readValues('Orders').length).toBeGreaterThan(1); // the import did happen
    // And again through a second command on the same file.
    expect(kenali('segment', '--workbook', path, '--today', '2024-06-30').code).toBe(0);
    expect(await features(readFileSync(path))).toEqual(before);
  });

  it('a workbook with an image is refused before anything runs, unless --force (which drops it)', async () => {
    const path = await file('gambar.xlsx', await sellerWorkbook({ image: true }));
    const before = readFileSync(path);
    const r = kenali('import', csv, '--workbook', path);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/berisi 1 gambar di sheet “Catatan”.*file tidak diubah.*--force/s);
    expect(readFileSync(path).equals(before)).toBe(true);
    const forced = kenali('import', csv, '--workbook', path, '--force');
    expect(forced.code).toBe(0);
    const after = await features(readFileSync(path));
    expect(after.images).toBe(0);
    expect(after.note).toEqual({ A1: 'catatan penjual' });
  });

  it('does not save over a file another program changed while the command ran', async () => {
    const path = await file('ganti.xlsx', await sellerWorkbook());
    const { workbook, stamp } = await openWorkbook(path, { lang: 'id' });
    // Another program saves the workbook (a part added): a different file at the same path.
    const zip = await JSZip.loadAsync(readFileSync(path));
    zip.file('docProps/custom.xml', '<Properties/>');
    const changed = await zip.generateAsync({ type: 'nodebuffer' });
    writeFileSync(path, changed);
    await expect(saveWorkbook(workbook, path, 'id', { expected: stamp })).rejects.toThrow(
      /diubah program lain selagi Kenali bekerja/,
    );
    expect(readFileSync(path).equals(changed)).toBe(true);
  });
});
