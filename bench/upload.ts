// "Impor dari file" end to end: a demo Shopee export of N lines written as a real .xlsx (shared strings,
// every cell text, 47 columns, as Shopee's Order.all export), uploaded through the upload sidebar in
// Chromium (playwright-core) on the local preview. Prints the time to the final report, the chunks sent,
// and the progress bar as it moved (sampled every 250 ms). The server side runs in the local Apps Script
// runtime, not on Google's servers: the merge's time there follows bench/calls.ts's model, not this.
//   node --import tsx bench/upload.ts 100000
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { bundleFor, saveWorkbook } from '../local/cli/workbook';
import { LocalSpreadsheet } from '../local/gas/spreadsheet';
import { startPreview } from '../local/preview/server';
import { forEachShopeeExportRow, shopeeExportHeader } from '../src/core/demo';
import { emitResult, MB, NOW, progress, SEED, TZ } from './shared';

export interface UploadFigures {
  lines: number;
  xlsxBytes: number;
  writeXlsxMs: number;
  /** From choosing the file to the final report. */
  totalMs: number;
  /** Until the first chunk was sent (reading and projecting the file in the page). */
  readMs: number;
  /** Until the last chunk was sent. */
  sentMs: number;
  chunks: number;
  /** Distinct progress bar values seen while the upload ran (a moving bar: many). */
  barValues: number;
  /** Progress samples [seconds since start, bar value]. */
  bar: [number, number][];
  report: string;
}

async function writeExportXlsx(path: string, lines: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('orders');
  ws.addRow(shopeeExportHeader('id')).commit();
  forEachShopeeExportRow({ seed: SEED, lines, now: NOW, timeZone: TZ }, (row) => {
    ws.addRow(row.map((v) => (v instanceof Date ? v.toISOString() : v))).commit();
  });
  ws.commit();
  await wb.commit();
}

export async function benchUpload(lines: number): Promise<UploadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kenali-bench-upload-'));
  const xlsx = join(dir, `Order.all.${lines}.xlsx`);
  const workbookPath = join(dir, 'toko.xlsx');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const preview = await (async () => {
    progress(`upload ${lines.toLocaleString('en')} lines: writing the .xlsx export`);
    const workbook = new LocalSpreadsheet({ name: 'toko', timeZone: TZ, locale: 'id_ID' });
    bundleFor(workbook).call('kenaliSetup');
    await saveWorkbook(workbook, workbookPath, 'id');
    return startPreview({ workbookPath, port: 0 });
  })();
  try {
    let start = performance.now();
    await writeExportXlsx(xlsx, lines);
    const writeXlsxMs = performance.now() - start;
    const page = await browser.newPage();
    await page.goto(`${preview.url}/upload`);
    await page.waitForSelector('iframe');
    let frame = page.frames().find((f) => f.url().endsWith('/sidebar/upload'));
    for (let i = 0; !frame && i < 50; i++) {
      await page.waitForTimeout(100);
      frame = page.frames().find((f) => f.url().endsWith('/sidebar/upload'));
    }
    if (!frame) throw new Error('no upload frame');
    await frame.waitForSelector('input#files', { state: 'attached' });
    progress(`upload ${lines.toLocaleString('en')} lines: uploading in Chromium`);
    start = performance.now();
    await frame.setInputFiles('input#files', xlsx);
    const bar: [number, number][] = [];
    let readMs = 0;
    let sentMs = 0;
    let chunks = 0;
    for (;;) {
      const s = await frame.evaluate(() => ({
        // -1: indeterminate (the page parsing the file, which it cannot measure).
        bar: ((el) => (el?.hasAttribute('value') ? el.value : -1))(
          document.querySelector('progress.bar') as HTMLProgressElement | null,
        ),
        chunks: document.querySelector('.stat.chunks')?.textContent ?? '',
        done: !(document.querySelector('section.final') as HTMLElement | null)?.hidden,
      }));
      const t = performance.now() - start;
      if (s.done) break;
      bar.push([Math.round(t / 100) / 10, Math.round(s.bar * 1000) / 1000]);
      const m = /^([\d.]+) dari ([\d.]+)/.exec(s.chunks);
      if (m) {
        const sent = Number(m[1].replaceAll('.', ''));
        chunks = Number(m[2].replaceAll('.', ''));
        if (sent > 0 && readMs === 0) readMs = t;
        if (chunks > 0 && sent === chunks && sentMs === 0) sentMs = t;
      }
      await page.waitForTimeout(250);
    }
    const totalMs = performance.now() - start;
    const report = (await frame.locator('li.file-report').allTextContents()).join(' | ');
    return {
      lines,
      xlsxBytes: statSync(xlsx).size,
      writeXlsxMs,
      totalMs,
      readMs,
      sentMs,
      chunks,
      barValues: new Set(bar.map(([, v]) => v).filter((v) => v >= 0)).size,
      bar,
      report,
    };
  } finally {
    await browser.close();
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function renderUpload(r: UploadFigures): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const samples = r.bar.filter((_, i) => i % Math.max(1, Math.floor(r.bar.length / 12)) === 0);
  return [
    `## Impor dari file: a ${r.lines.toLocaleString('en')}-line .xlsx through the upload sidebar (Chromium, local preview)`,
    '',
    `| lines | .xlsx | chunks | read in the page | all chunks sent | final report | progress values seen |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${r.lines.toLocaleString('en')} | ${(r.xlsxBytes / MB).toFixed(1)} MB | ${r.chunks} | ${s(r.readMs)} s | ${s(r.sentMs)} s | ${s(r.totalMs)} s | ${r.barValues} |`,
    '',
    `Progress bar (s → value; "busy" is the indeterminate bar while the page parses the file): ${samples
      .map(([t, v]) => `${t}→${v < 0 ? 'busy' : v}`)
      .join(', ')}`,
    '',
    `Report: ${r.report}`,
    '',
    'The final report includes the merge in the local runtime and the preview saving the workbook to .xlsx;',
    "on Google's servers the merge follows the call/cell model of the estimate above, each chunk is one",
    'google.script.run call (one append of ~20 cells of 49,000 characters to the staging sheet).',
  ].join('\n');
}

if (process.argv[1]?.endsWith('upload.ts')) {
  benchUpload(Number(process.argv[2] ?? 100_000)).then(emitResult);
}
