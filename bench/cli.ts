// The CLI's one-shot `segment` on a demo Shopee CSV export, end to end: the export is first streamed to a
// temporary file (never held in memory), then `node local/cli/bin.mjs segment …` (what `npm run kenali`
// runs) as a child process, timed from spawn to exit, with its peak RSS and CPU time from bench/rusage.mjs.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvWriter } from '../local/cli/csv';
import { forEachShopeeExportRow, shopeeExportHeader } from '../src/core/demo';
import { runNode } from './child';
import { type PeerFigures, runPeers } from './peers';
import { NOW, progress, SEED, TODAY, TZ } from './shared';

export interface CliFigures {
  lines: number;
  csvBytes: number;
  writeCsvMs: number;
  /** Spawn to exit: Node start, tsx, reading, scoring, writing the output. */
  wallMs: number;
  maxRss: number;
  cpuMs: number;
  exitCode: number | null;
  /** The CLI's own summary line (customers, orders, its own seconds). */
  summary: string;
  /** Data rows of the output CSV. */
  outputRows: number;
  stderrTail: string;
  /** The analyst's tools on the same CSV, right after Kenali (empty with `peers: false`). */
  peers: PeerFigures[];
}

function countLines(path: string): number {
  const buf = readFileSync(path);
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return n;
}

export async function benchCli(lines: number, opts: { peers?: boolean } = {}): Promise<CliFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'kenali-bench-'));
  try {
    const csv = join(dir, `shopee-${lines}.csv`);
    const out = join(dir, 'segments.csv');
    const rusage = join(dir, 'rusage.json');
    progress(`cli ${lines.toLocaleString('en')} lines: writing the CSV export`);
    let start = performance.now();
    const writer = new CsvWriter(csv);
    try {
      writer.row(shopeeExportHeader('id'));
      forEachShopeeExportRow({ seed: SEED, lines, now: NOW, timeZone: TZ }, (row) => writer.row(row));
    } finally {
      writer.close();
    }
    const writeCsvMs = performance.now() - start;

    // `npm run kenali` runs the CLI from a bundle made on its first run (bin.mjs): made here, not timed.
    await runNode(['local/cli/bin.mjs', '--help'], { echoStderr: false });
    progress(`cli ${lines.toLocaleString('en')} lines: kenali segment`);
    start = performance.now();
    const run = await runNode(
      [
        '--import',
        './bench/rusage.mjs',
        'local/cli/bin.mjs',
        'segment',
        csv,
        '--out',
        out,
        '--today',
        TODAY,
        '--tz',
        TZ,
      ],
      { env: { BENCH_RUSAGE_FILE: rusage }, echoStderr: false },
    );
    const wallMs = performance.now() - start;
    let usage = { maxRss: Number.NaN, userMs: Number.NaN, systemMs: Number.NaN };
    try {
      usage = JSON.parse(readFileSync(rusage, 'utf8'));
    } catch {
      // the child died before its exit hook ran: figures stay NaN and the exit code says why
    }
    let outputRows = 0;
    try {
      outputRows = Math.max(0, countLines(out) - 1);
    } catch {
      // no output written
    }
    const peers = opts.peers === false || run.exitCode !== 0 ? [] : await runPeers(csv, out, dir);
    return {
      lines,
      csvBytes: statSync(csv).size,
      writeCsvMs,
      wallMs,
      maxRss: usage.maxRss,
      cpuMs: usage.userMs + usage.systemMs,
      exitCode: run.exitCode,
      summary: run.stdout.trim().replaceAll(dir, '<tmp>'),
      outputRows,
      stderrTail: run.exitCode === 0 ? '' : run.stderrTail,
      peers,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
