// The preview (npm start) when another program changes its workbook file while it runs (issue #14, item 6):
// the next action reloads the file first, so what the other program added is never saved over; a file that
// cannot be read any more makes the action fail with a clear message and nothing saved.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, importBlocks, saveWorkbook } from '../../local/cli/workbook';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { type Preview, startPreview } from '../../local/preview/server';
import { loadXlsx } from '../../local/xlsx';
import { generateShopeeExport } from '../../src/core/demo';

const dir = mkdtempSync(join(tmpdir(), 'kenali-preview-'));
const path = join(dir, 'toko.xlsx');
const lines: string[] = [];
let preview: Preview;

beforeAll(async () => {
  await ensureBuilt();
  const workbook = new LocalSpreadsheet({ name: 'toko', timeZone: 'Asia/Jakarta', locale: 'id_ID' });
  const grid = generateShopeeExport({ seed: 9, orders: 40, now: Date.now(), timeZone: 'Asia/Jakarta' }).grid;
  importBlocks(workbook, [{ name: 'shop.csv', grid }]);
  await saveWorkbook(workbook, path, 'id');
  preview = await startPreview({ workbookPath: path, port: 0, log: (l) => lines.push(l) });
}, 60_000);

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

function http(method: string, route: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: preview.port,
        path: route,
        method,
        headers: { host: `127.0.0.1:${preview.port}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Another program (a spreadsheet app) opens the file, adds a row to Impor and a sheet, and saves it. */
async function editElsewhere(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const inbox = wb.getWorksheet('Impor') ?? wb.addWorksheet('Impor');
  inbox.addRow(['baris dari program lain']);
  wb.addWorksheet('Catatan').addRow(['catatan penjual', 42]);
  await wb.xlsx.writeFile(path);
}

describe('the preview and a workbook changed on disk', () => {
  it('reloads it before the next action: the row another program added stays in the file', async () => {
    await editElsewhere();
    const r = await http('POST', '/action/segment');
    expect(r.status).toBe(303);
    await preview.saved();
    const book = await loadXlsx(path);
    expect(book.readValues('Catatan')).toEqual([['catatan penjual', 42]]);
    expect(book.readValues('Impor').flat()).toContain('baris dari program lain');
    expect(book.hasSheet('Segments')).toBe(true); // the action ran, on the reloaded workbook
    expect(lines.filter((l) => /dimuat ulang/.test(l))).toHaveLength(1);
    // Its own saves are not taken for changes by someone else.
    await http('POST', '/action/segment');
    await preview.saved();
    expect(lines.filter((l) => /dimuat ulang/.test(l))).toHaveLength(1);
  });

  it('a sidebar call sees the other program’s change too (reloaded before answering)', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    wb.getWorksheet('Catatan')!.addRow(['baris kedua']);
    await wb.xlsx.writeFile(path);
    const r = await http('POST', '/api/run', JSON.stringify({ name: 'lookupCustomers', args: [''] }));
    expect(JSON.parse(r.body).ok).toBe(true);
    expect(preview.workbook.readValues('Catatan').map((row) => row[0])).toEqual([
      'catatan penjual',
      'baris kedua',
    ]);
  });

  it('refuses the action, saving nothing, when the changed file cannot be read', async () => {
    writeFileSync(path, 'setengah tersimpan'); // another program is halfway through writing it
    const before = readFileSync(path);
    expect((await http('POST', '/action/segment')).status).toBe(303);
    const page = await http('GET', '/');
    expect(page.body).toMatch(/diubah di disk dan sekarang tidak bisa dibaca/);
    const run = JSON.parse(
      (await http('POST', '/api/run', JSON.stringify({ name: 'saveBuyerName', args: ['a|b', 'X'] }))).body,
    );
    expect(run).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/tidak ada yang disimpan/) },
    });
    await preview.saved();
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
