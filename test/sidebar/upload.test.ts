// @vitest-environment jsdom
// The upload sidebar as shipped (dist/Upload.html's content from build.mjs), against a fake
// google.script.run: the protocol (begin, chunks in order, commit, end), the progress lines, cancel, and
// untrusted text (file names, server messages) shown as text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { click, flush, type LoadedPage, loadPage } from './page';

let page: LoadedPage;

afterEach(() => {
  expect(page.errors).toEqual([]);
  expect(page.alerts).toEqual([]);
});

const HOSTILE = '<img src=x onerror="window.__pwned=1">.csv';
const csv = readFileSync(join(import.meta.dirname, '../fixtures/exports/tiktok.csv'));

interface OpenView {
  lang: string;
  interrupted: string[];
  othersActive: boolean;
}

async function opened(
  view: OpenView = { lang: 'id', interrupted: [], othersActive: false },
): Promise<LoadedPage> {
  page = await loadPage('Upload');
  page.fake.last('uploadOpen').resolve(view);
  await flush();
  return page;
}

/** Gives the page's file input these files, as a person choosing them would. */
function choose(files: { name: string; bytes: Uint8Array }[]): void {
  const win = page.window;
  const list = files.map((f) => new win.File([f.bytes as Uint8Array<ArrayBuffer>], f.name));
  const input = page.$<HTMLInputElement>('input#files');
  Object.defineProperty(input, 'files', { value: list, configurable: true });
  input.dispatchEvent(new win.Event('change', { bubbles: true }));
}

/** Waits (real time, the page reads the file asynchronously) until a call to `name` is pending. */
async function until(name: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (page.fake.pending(name).length > 0) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`no pending ${name}; calls: ${page.fake.calls.map((c) => c.name).join(', ')}`);
}

const report = (over: Record<string, unknown> = {}) => ({
  ok: true,
  file: HOSTILE,
  newOrders: 2,
  updatedOrders: 0,
  unchangedOrders: 0,
  newPayments: 0,
  updatedPayments: 0,
  problems: 1,
  errorRows: 1,
  problemLines: ['<b>x</b> baris 3: jumlah uang tidak terbaca'],
  problemsSheet: 'Impor - Masalah',
  message: '',
  ...over,
});

describe('the upload sidebar', () => {
  it('tells of an interrupted upload, as text', async () => {
    await opened({ lang: 'id', interrupted: [HOSTILE], othersActive: true });
    const notice = page.$('.notice');
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toContain(`${HOSTILE} tidak diimpor`);
    expect(notice.textContent).toMatch(/unggahan lain/);
    expect(page.document.querySelector('img')).toBeNull();
  });

  it('sends a CSV in chunks, commits it, ends the upload and reports; hostile text stays text', async () => {
    await opened();
    choose([{ name: HOSTILE, bytes: new Uint8Array(csv) }]);
    await until('uploadBegin');
    expect(page.fake.last('uploadBegin').args).toEqual([[HOSTILE]]);
    expect(page.$('section.progress').hidden).toBe(false);
    page.fake.last('uploadBegin').resolve({ uploadId: 'u1' });
    await until('uploadChunk');
    const chunk = page.fake.last('uploadChunk');
    expect(chunk.args.slice(0, 4)).toEqual(['u1', 0, 0, 0]);
    // Only the columns TikTok's format maps, and the rows where they are in the file.
    const rows = JSON.parse(chunk.args[4] as string) as unknown[][];
    expect(rows[0]).toContain('Order ID');
    expect(rows[0]).not.toContain('Order Substatus');
    expect(page.$('.stat.chunks').textContent).toBe('0 dari 1 bagian terkirim');
    const bar = page.$<HTMLProgressElement>('progress.bar');
    expect(bar.getAttribute('value')).toBe('0.1');
    chunk.resolve(1);
    await until('uploadCommit');
    // While the server merges: an indeterminate bar (no value), not one that sits still at 90 %.
    expect(bar.hasAttribute('value')).toBe(false);
    const commit = page.fake.last('uploadCommit');
    expect(commit.args[0]).toBe('u1');
    expect(commit.args[2]).toMatchObject({
      name: HOSTILE,
      sheets: [{ label: HOSTILE, rows: rows.length, chunks: 1 }],
    });
    commit.resolve(report());
    await until('uploadEnd');
    page.fake.last('uploadEnd').resolve(true);
    await flush();
    const li = page.$('li.file-report');
    expect(li.textContent).toContain(`${HOSTILE}: 2 pesanan baru, 0 diperbarui, 0 tidak berubah, 1 masalah`);
    expect(li.textContent).toContain('<b>x</b> baris 3');
    expect(page.document.querySelector('img, b')).toBeNull();
    expect(page.$('button.open-problems').textContent).toBe('Buka sheet “Impor - Masalah”');
    click(page.$('button.open-problems'));
    expect(page.fake.callsTo('uploadShowProblems')).toHaveLength(1);
    expect(page.fake.pending().map((c) => c.name)).toEqual(['uploadShowProblems']);
    page.fake.last('uploadShowProblems').resolve(true);
  });

  it('cancel: no commit for the file in progress, the upload ends, and the report says so', async () => {
    await opened();
    choose([{ name: 'tiktok.csv', bytes: new Uint8Array(csv) }]);
    await until('uploadBegin');
    page.fake.last('uploadBegin').resolve({ uploadId: 'u2' });
    await until('uploadChunk');
    click(page.$('button.cancel'));
    page.fake.last('uploadChunk').resolve(1);
    await until('uploadEnd');
    expect(page.fake.callsTo('uploadCommit')).toHaveLength(0);
    page.fake.last('uploadEnd').resolve(true);
    await flush();
    expect(page.$('li.file-report.note').textContent).toMatch(/Dibatalkan/);
  });

  it('a failed call: the file is not imported, the store unchanged for it, the server message as text', async () => {
    await opened();
    choose([{ name: 'tiktok.csv', bytes: new Uint8Array(csv) }]);
    await until('uploadBegin');
    page.fake.last('uploadBegin').resolve({ uploadId: 'u3' });
    await until('uploadChunk');
    page.fake.last('uploadChunk').reject('<i>Service Spreadsheets failed</i>');
    await until('uploadEnd');
    page.fake.last('uploadEnd').resolve(true);
    await flush();
    const text = page.$('li.file-report.error').textContent;
    expect(text).toContain('tiktok.csv: TIDAK diimpor — <i>Service Spreadsheets failed</i>');
    expect(text).toContain('sheet toko tidak diubah');
    expect(page.document.querySelector('i')).toBeNull();
  });

  it('a failed commit: the page does not claim the store unchanged (the merge may have begun); the server says what to do', async () => {
    await opened();
    choose([{ name: 'tiktok.csv', bytes: new Uint8Array(csv) }]);
    await until('uploadBegin');
    page.fake.last('uploadBegin').resolve({ uploadId: 'u4' });
    await until('uploadChunk');
    page.fake.last('uploadChunk').resolve(1);
    await until('uploadCommit');
    page.fake
      .last('uploadCommit')
      .reject('Impor terhenti di tengah jalan (<i>x</i>). Unggah file yang sama lagi.');
    await until('uploadEnd');
    page.fake.last('uploadEnd').resolve(true);
    await flush();
    const text = page.$('li.file-report.error').textContent;
    expect(text).toContain('tiktok.csv: impor tidak selesai — Impor terhenti di tengah jalan (<i>x</i>)');
    expect(text).not.toContain('tidak diubah');
    expect(page.document.querySelector('i')).toBeNull();
  });

  it('refuses a file that is not .xlsx or .csv, and UTF-16 without a BOM by name, without sending', async () => {
    await opened();
    choose([
      { name: 'notes.pdf', bytes: new Uint8Array([37, 80, 68, 70]) },
      { name: 'u16.csv', bytes: new Uint8Array(Buffer.from('Order ID,Buyer\n1,x\n', 'utf16le')) },
    ]);
    await until('uploadBegin');
    page.fake.last('uploadBegin').resolve({ uploadId: 'u4' });
    await until('uploadEnd');
    page.fake.last('uploadEnd').resolve(true);
    await flush();
    expect(page.fake.callsTo('uploadChunk')).toHaveLength(0);
    const lines = page.$$('li.file-report').map((li) => li.textContent);
    expect(lines[0]).toMatch(/notes\.pdf: TIDAK diimpor — bukan file \.xlsx atau \.csv/);
    expect(lines[1]).toMatch(/u16\.csv: TIDAK diimpor — file berkode UTF-16 LE tanpa BOM/);
  });
});
