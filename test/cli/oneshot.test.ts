// The one-shot segment's fast path (local/cli/oneshot.ts: a CSV read in parts on several threads, its
// orders summed up per customer as they are parsed, core's CustomerSummaries) must give exactly what core
// gives from the whole grid: parseExport → (mergeImport) → buildCustomers → canonicalSegments, with the same
// problems. Random exports: a demo shop with hostile text, cells with line breaks, bad values, amounts with
// cents (the exact sums rule), an order's lines far apart, and files that overlap.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { segmentExports } from '../../local/cli/oneshot';
import { forEachCsvRecord } from '../../local/files';
import { buildCustomers } from '../../src/core/customers';
import { generateShopeeExport } from '../../src/core/demo';
import { parseExport } from '../../src/core/exports';
import { canonicalSegments } from '../../src/core/segments';
import { mergeImport } from '../../src/core/store';
import type { CellValue, Clock, Grid, Problem } from '../../src/core/types';

const TZ = 'Asia/Jakarta';
const NOW = Date.UTC(2024, 5, 30, 10);
const clock: Clock = { timeZone: TZ, now: NOW + 14 * 3_600_000 };
const dir = mkdtempSync(join(tmpdir(), 'kenali-oneshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const demo = generateShopeeExport({ seed: 5, lines: 400, now: NOW, timeZone: TZ }).grid;
const col = (h: string) => demo[0].indexOf(h);
const COLUMNS = {
  sn: col('No. Pesanan'),
  status: col('Status Pesanan'),
  ret: col('Status Pembatalan/ Pengembalian'),
  user: col('Username (Pembeli)'),
  address: col('Alamat Pengiriman'),
  created: col('Waktu Pesanan Dibuat'),
  total: col('Total Pembayaran'),
  qty: col('Jumlah'),
  note: col('Catatan dari Pembeli'),
};

const HOSTILE = [
  '=HYPERLINK("http://x")',
  ' budi ',
  'a,"b"',
  'baris\nkedua',
  'cr\rlf\r\n',
  'Ké\u00a0Ä',
  '"',
  '',
  '\ufeffbom',
  '🙂',
];
const VALUES: Record<keyof typeof COLUMNS, readonly CellValue[]> = {
  sn: ['', 'SN 1', '5.76461E+17', 'dup'],
  status: ['Selesai', 'Batal', 'Aneh', '', 'Pengembalian', ' selesai '],
  ret: ['', 'Permintaan Disetujui', 'Ditolak', 'entah'],
  user: HOSTILE,
  address: HOSTILE,
  created: ['2024-07-02 10:00', 'kemarin', '31/02/2024 10:00', '2024-06-30 23:59', '01/06/2024 08:00'],
  total: ['150.000', 'Rp 99.000', 'abc', '150000', '12.500,50', '-5'],
  qty: ['0', 'x', '3'],
  note: HOSTILE,
};

const edit = fc.record({
  row: fc.integer({ min: 1, max: demo.length - 1 }),
  column: fc.constantFrom(...(Object.keys(COLUMNS) as (keyof typeof COLUMNS)[])),
  pick: fc.nat(),
});

/** A demo shop with `edits`, optionally an order's line moved far from the others, and CRLF or LF. */
const exportGrid = fc
  .record({
    edits: fc.array(edit, { maxLength: 12 }),
    // Each in a quarter of the exports: otherwise the fast path is the one taken.
    move: fc.tuple(fc.integer({ min: 1, max: demo.length - 1 }), fc.nat(), fc.nat(3)),
    cents: fc.nat(3).map((n) => n === 0),
  })
  .map(({ edits, move, cents }) => {
    const g: Grid = demo.map((r) => r.slice());
    for (const e of edits) {
      const values = VALUES[e.column];
      g[e.row][COLUMNS[e.column]] = values[e.pick % values.length];
    }
    if (cents) g[1 + (edits.length % (g.length - 1))][COLUMNS.total] = '10.000,25';
    if (move[2] === 0) {
      const [from, to] = move;
      const [row] = g.splice(from, 1);
      g.splice(1 + (to % (g.length - 1)), 0, row);
    }
    return g;
  });

const field = (v: CellValue) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
let files = 0;
function write(grid: Grid, eol: string): string {
  const p = join(dir, `e${files++}.csv`);
  writeFileSync(p, grid.map((r) => r.map(field).join(',')).join(eol) + eol);
  return p;
}

const byProblem = (list: readonly Problem[]) =>
  [...list].map((p) => `${p.sheet}|${p.row}|${p.column}|${p.severity}|${p.reason}`).sort();

/** Core on the whole grid of every file. */
function core(paths: string[]) {
  const parsed = paths.map((path) => {
    const grid: Grid = [];
    forEachCsvRecord(path, (r) => grid.push(r.all()));
    return parseExport(grid, path, TZ, 'id', { lines: false });
  });
  const { orders } = mergeImport({ orders: [], items: [], payments: [] }, parsed, clock.now);
  const index = buildCustomers({ orders, items: [], payments: [], profiles: [] });
  const t = canonicalSegments(index, clock, 'id');
  const problems = parsed.flatMap((p) => p.problems);
  return { ...t, rows: [...t.rows], orders: orders.length, problems: byProblem(problems) };
}

async function fast(paths: string[], threads: number) {
  const r = await segmentExports(paths, {
    clock,
    lang: 'id',
    batchRows: 13,
    parts: { threads, minPartBytes: 1, nearBytes: 256 },
  });
  return {
    header: r.header,
    count: r.count,
    rows: [...r.rows],
    notice: r.notice,
    report: r.report,
    empty: r.empty,
    orders: r.orders,
    problems: byProblem(r.problems),
  };
}

describe('one-shot segment = core on the whole grid', () => {
  it.each([
    [1, 30],
    [2, 12],
    [3, 8],
  ])('one export read with %i thread(s)', async (threads, numRuns) => {
    await fc.assert(
      fc.asyncProperty(exportGrid, fc.constantFrom('\n', '\r\n'), async (grid, eol) => {
        const path = write(grid, eol);
        expect(await fast([path], threads)).toEqual(core([path]));
      }),
      { numRuns },
    );
  });

  it('overlapping exports (the later file wins, status order)', async () => {
    await fc.assert(
      fc.asyncProperty(exportGrid, exportGrid, fc.nat(), async (a, b, cut) => {
        const first = write(a.slice(0, 1 + (cut % (a.length - 1))), '\n');
        const second = write([b[0], ...b.slice(1 + (cut % 50))], '\r\n');
        expect(await fast([first, second], 2)).toEqual(core([first, second]));
      }),
      { numRuns: 8 },
    );
  });
});
