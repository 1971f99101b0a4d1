// The preview (npm start) in a real browser: Debian's Chromium driven by playwright-core. The server runs
// in this process on a free port over a temp workbook made from a demo shop whose newest orders carry
// hostile usernames, addresses and product names. Screenshots go to test-output/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFor, ensureBuilt, importBlocks, saveWorkbook } from '../../local/cli/workbook';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { type Preview, startPreview } from '../../local/preview/server';
import { loadXlsx } from '../../local/xlsx';
import { generateShopeeExport } from '../../src/core/demo';
import { parseBlock } from '../../src/core/selfcheck/block';
import { readProfiles } from '../../src/core/store';
import type { Grid } from '../../src/core/types';
import { launchChromium } from './chromium';

const SHOTS = join('test-output', 'screenshots');
const HOSTILE_USERS = [
  '<img src=x onerror=window.__pwned=1>',
  '</script><script>window.__pwned=1</script>',
  '=IMPORTXML("http://x","//a")',
];
const HOSTILE_ADDRESS = '<b>Jl. Bold</b><svg onload=window.__pwned=1> No. 1';
const HOSTILE_PRODUCT = '<img src=x onerror="top.__pwned=1;window.__pwned=1">Kaos';

const dir = mkdtempSync(join(tmpdir(), 'kenali-browser-'));
const workbookPath = join(dir, 'toko.xlsx');
let preview: Preview;
let context: BrowserContext;

/** A demo shop up to now; its three newest orders belong to hostile buyers. */
function hostileShop(): Grid {
  const grid = generateShopeeExport({
    seed: 5,
    orders: 150,
    now: Date.now() - 60_000,
    timeZone: 'Asia/Jakarta',
  }).grid;
  const h = grid[0];
  const [user, address, product] = ['Username (Pembeli)', 'Alamat Pengiriman', 'Nama Produk'].map((c) =>
    h.indexOf(c),
  );
  let order = -1;
  let last = '';
  for (let i = 1; i < grid.length && order < HOSTILE_USERS.length; i++) {
    if (grid[i][0] !== last) {
      order++;
      last = String(grid[i][0]);
    }
    if (order >= HOSTILE_USERS.length) break;
    grid[i][user] = HOSTILE_USERS[order];
    grid[i][address] = HOSTILE_ADDRESS;
    grid[i][product] = HOSTILE_PRODUCT;
  }
  return grid;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureBuilt();
  const workbook = new LocalSpreadsheet({ name: 'toko', timeZone: 'Asia/Jakarta', locale: 'id_ID' });
  const [report] = importBlocks(workbook, [{ name: 'shop.csv', grid: hostileShop() }]);
  expect(report.problems).toEqual([]);
  bundleFor(workbook).call('kenaliSegmentJson_', '');
  await saveWorkbook(workbook, workbookPath, 'id');
  preview = await startPreview({ workbookPath, port: 0 });
  context = await launchChromium(join(dir, 'profile'));
}, 90_000);

afterAll(async () => {
  await context?.close();
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${preview.url}${path}`);
  return { page, errors };
}

function sidebar(page: Page, name: 'naming' | 'lookup' | 'selfcheck'): Frame {
  const frame = page.frames().find((f) => f.url().endsWith(`/sidebar/${name}`));
  if (!frame) throw new Error(`no ${name} frame`);
  return frame;
}

async function notPwned(page: Page): Promise<void> {
  for (const f of page.frames())
    expect(await f.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
}

function request(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: preview.port, path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('preview server', () => {
  it('answers only requests that name it (no DNS rebinding), and bridges errors as failures', async () => {
    const host = `localhost:${preview.port}`;
    expect((await request('/', { headers: { host: 'evil.example' } })).status).toBe(403);
    const run = (origin: string, body: unknown) =>
      request('/api/run', {
        method: 'POST',
        headers: { host, origin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await run('http://evil.example', { name: 'getNamingQueue', args: [] })).status).toBe(403);
    const bad = JSON.parse(
      (await run(`http://${host}`, { name: 'saveBuyerName', args: ['nobody', 'X'] })).body,
    );
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringMatching(/tidak tersimpan/i) } });
    const missing = JSON.parse((await run(`http://${host}`, { name: 'noSuchFunction', args: [] })).body);
    expect(missing).toMatchObject({
      ok: false,
      error: { message: 'Script function not found: noSuchFunction' },
    });
    const queue = JSON.parse((await run(`http://${host}`, { name: 'getNamingQueue', args: [] })).body);
    expect(queue.ok).toBe(true);
    expect(queue.value.entries.length).toBeGreaterThan(3);
  });
});

describe('preview in Chromium', () => {
  it('shows the workbook read-only, runs a menu action, and colours the Segments sheet', async () => {
    const { page, errors } = await open('/');
    await expect(page.locator('nav.tabs a', { hasText: 'Orders' }).count()).resolves.toBe(1);
    await page.locator('button[data-action="segment"]').click();
    await page.waitForURL(`${preview.url}/`);
    await expect(page.locator('#message').textContent()).resolves.toMatch(/pelanggan disegmentasi/);
    await page.locator('nav.tabs a', { hasText: 'Segments' }).click();
    const label = page.locator('.sheet tbody tr').nth(1).locator('td').nth(13);
    const style = await label.getAttribute('style');
    expect(style).toMatch(/background:#[0-9a-f]{6}/);
    await page.locator('.sheet').evaluate((el) => {
      el.scrollLeft = el.scrollWidth; // the coloured segment column is the last one
    });
    await page.screenshot({ path: join(SHOTS, 'preview-segments.png') });
    // Hostile text in the Orders sheet is shown as text.
    await page.locator('nav.tabs a', { hasText: 'Orders' }).click();
    for (const u of HOSTILE_USERS)
      await expect(page.getByText(u, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await notPwned(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers every item of the real menu, asks a prompt, shows toasts once and draws the chart', async () => {
    const { page, errors } = await open('/');
    // Every item onOpen put under Extensions ▸ Kenali, in its order.
    const captions = await page.locator('nav.menu [data-action]').allTextContents();
    const menu = preview.workbook.ui.menus.find((m) => m.addon);
    expect(menu?.caption).toBe('Kenali');
    const items = menu!.items.flatMap((e) => (e.kind === 'item' ? [e.caption] : []));
    expect(captions).toEqual(items);
    expect(captions).toEqual(expect.arrayContaining(['Segmentasi RFM per tanggal…', 'Bantuan']));
    await expect(page.locator('nav.menu .menupath').textContent()).resolves.toBe('Ekstensi ▸ Kenali');
    // The message of an action is shown on the page after it, not on every later page.
    await page.locator('nav.menu button', { hasText: 'Bantuan' }).click();
    await page.waitForURL(`${preview.url}/`);
    await expect(page.locator('#message').count()).resolves.toBe(1);
    await page.goto(`${preview.url}/`);
    await expect(page.locator('#message').count()).resolves.toBe(0);
    // A prompt is asked in the page; the answer reaches the script.
    await page.locator('nav.menu button', { hasText: 'Segmentasi RFM per tanggal…' }).click();
    await page.waitForURL(`${preview.url}/`);
    const prompt = page.locator('#prompt');
    await expect(prompt.count()).resolves.toBe(1);
    await prompt.locator('input[name="answer"]').fill('31/02/2024');
    await prompt.locator('button[value="OK"]').click();
    await page.waitForURL(`${preview.url}/`);
    await expect(page.locator('#message').textContent()).resolves.toContain('31/02/2024');
    await expect(page.locator('#prompt').count()).resolves.toBe(0);
    // Toasts the code raised are shown once.
    preview.workbook.toast('Impor selesai <b>x</b>', 'Kenali');
    await page.goto(`${preview.url}/`);
    await expect(page.locator('#toasts li').textContent()).resolves.toBe('Kenali Impor selesai <b>x</b>');
    await page.goto(`${preview.url}/`);
    await expect(page.locator('#toasts').count()).resolves.toBe(0);
    // The summary sheet's two charts, each drawn from the chart's own range: one bar per segment row;
    // the history of segment sizes over runs as one stacked area per segment.
    await page.locator('nav.tabs a', { hasText: 'Ringkasan Segmen' }).click();
    await expect(page.locator('svg.chart').count()).resolves.toBe(2);
    const charts = preview.workbook.getSheetByName('Ringkasan Segmen')!.getCharts();
    const built = charts.find((c) => c.getType() === 'BAR')!;
    const chart = page.locator('svg.chart[data-chart-type="BAR"]');
    const rows = built.getRanges()[0].getNumRows() - 1;
    await expect(chart.locator('rect').count()).resolves.toBe(rows);
    await expect(chart.getAttribute('aria-label')).resolves.toBe(String(built.getOptions().get('title')));
    const history = charts.find((c) => c.getType() === 'AREA')!;
    const area = page.locator('svg.chart[data-chart-type="AREA"]');
    const segments = history.getRanges()[0].getNumColumns() - 1;
    await expect(area.locator('polygon').count()).resolves.toBe(segments);
    await expect(area.getAttribute('aria-label')).resolves.toBe(String(history.getOptions().get('title')));
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'preview-chart.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('naming: type a name, leave the field, the entry goes and the profile is in the saved file', async () => {
    const { page, errors } = await open('/naming');
    await page.waitForSelector('iframe');
    const frame = sidebar(page, 'naming');
    await frame.waitForSelector('li.entry');
    // Hostile buyers are listed as literal text, nothing ran.
    const usernames = await frame.locator('li.entry .username').allTextContents();
    for (const u of HOSTILE_USERS) expect(usernames).toContain(u);
    expect(await frame.locator('li.entry .address', { hasText: HOSTILE_ADDRESS }).count()).toBeGreaterThan(0);
    expect(await frame.locator('li.entry .product', { hasText: HOSTILE_PRODUCT }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'naming-queue.png') });

    const target = frame.locator('li.entry').filter({ hasNotText: '<' }).filter({ hasNotText: '=' }).first();
    const username = await target.locator('.username').textContent();
    const before = await frame.locator('li.entry').count();
    // The workbook pane beside the sidebar reloads after a save (its window is a new one then).
    const pane = page
      .frames()
      .find((f) => f.parentFrame() === page.mainFrame() && !f.url().includes('/sidebar/'))!;
    await pane.evaluate(() => {
      (window as { __before?: number }).__before = 1;
    });
    await target.locator('input.name-input').fill('Siti Rahmawati');
    await target.locator('input.name-input').blur();
    await frame.waitForFunction((n) => document.querySelectorAll('li.entry').length === n - 1, before);
    await page.waitForFunction(() => {
      const w = document.querySelector('main iframe') as HTMLIFrameElement | null;
      const win = w?.contentWindow as (Window & { __before?: number }) | null | undefined;
      return win?.document.readyState === 'complete' && win.__before === undefined;
    });
    expect(await frame.locator('li.entry .username').allTextContents()).not.toContain(username);
    await page.screenshot({ path: join(SHOTS, 'naming-saved.png') });

    // Also name a hostile buyer: the name and username are stored as plain values.
    const evil = frame.locator('li.entry').filter({ hasText: HOSTILE_USERS[2] }).first();
    await evil.locator('input.name-input').fill('=HYPERLINK("http://evil","klik")');
    await evil.locator('input.name-input').press('Enter');
    await frame.waitForFunction((n) => document.querySelectorAll('li.entry').length === n - 2, before);

    await preview.saved();
    const book = await loadXlsx(workbookPath);
    const profiles = readProfiles(book.readValues('BuyerProfile'), 'BuyerProfile', 'Asia/Jakarta').records;
    expect(profiles.map((p) => [p.buyerUsername, p.buyerRealName]).sort()).toEqual(
      [
        [username, 'Siti Rahmawati'],
        [HOSTILE_USERS[2], '=HYPERLINK("http://evil","klik")'],
      ].sort(),
    );
    expect(
      book
        .sheet('BuyerProfile')
        .getDataRange()
        .getFormulas()
        .flat()
        .every((f) => f === ''),
    ).toBe(true);
    await notPwned(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('lookup: search, open the detail, go back; hostile text stays text', async () => {
    const { page, errors } = await open('/lookup');
    await page.waitForSelector('iframe');
    const frame = sidebar(page, 'lookup');
    await frame.waitForSelector('li.result');
    await frame.locator('input.search-input').fill('onerror');
    await frame.locator('input.search-input').press('Enter');
    await frame.waitForFunction(() => {
      const names = [...document.querySelectorAll('li.result .item-name')].map((n) => n.textContent);
      return names.length > 0 && names.every((n) => n?.includes('onerror'));
    });
    const names = await frame.locator('li.result .item-name').allTextContents();
    expect(names).toEqual([HOSTILE_USERS[0]]);

    await frame.locator('li.result button.item').first().click();
    await frame.waitForSelector('.detail-view:not([hidden]) .customer-name');
    expect(await frame.locator('.detail-view .customer-name').textContent()).toBe(HOSTILE_USERS[0]);
    expect(await frame.locator('.detail-view .top-products .product-name').allTextContents()).toContain(
      HOSTILE_PRODUCT,
    );
    expect(await frame.locator('.detail-view .row.address').textContent()).toContain(HOSTILE_ADDRESS);
    await page.screenshot({ path: join(SHOTS, 'lookup-detail.png') });

    await frame.locator('button.link.back').click();
    await frame.waitForSelector('.list-view:not([hidden]) li.result');
    expect(await frame.locator('input.search-input').inputValue()).toBe('onerror');

    // The named buyer is found by the real name typed in the naming test.
    await frame.locator('input.search-input').fill('siti rahma');
    await frame.locator('input.search-input').press('Enter');
    await frame.waitForFunction(() =>
      [...document.querySelectorAll('li.result .item-name')].some((n) => n.textContent === 'Siti Rahmawati'),
    );
    await page.screenshot({ path: join(SHOTS, 'lookup-search.png') });
    await notPwned(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('Periksa Kenali passes in a real browser through the preview, and leaves the file as it was', async () => {
    await preview.saved();
    const before = JSON.stringify((await loadXlsx(workbookPath)).getSheets().map((x) => x.getName()));
    const { page, errors } = await open('/selfcheck');
    await page.waitForSelector('iframe');
    const frame = sidebar(page, 'selfcheck');
    await frame.waitForSelector('textarea#block', { timeout: 30_000 });
    const failed = await frame.locator('li.check.fail').allTextContents();
    expect(failed).toEqual([]);
    const block = parseBlock(await frame.locator('textarea#block').inputValue());
    expect(block.failed).toEqual([]);
    expect(block.checks['run:upload-1mb']).toMatch(/^length=1000000 /);
    expect(await frame.locator('#no-script').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'selfcheck.png'), fullPage: true });
    await preview.saved();
    expect(JSON.stringify((await loadXlsx(workbookPath)).getSheets().map((x) => x.getName()))).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
