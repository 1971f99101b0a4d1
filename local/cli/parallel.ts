// A big CSV export read by several threads at once (bench/RESULTS.md has the figures). Part 0 is read here; parts 1.. each by a worker thread, which finds where its
// part starts by itself (stream.ts: OrderStarts, after a quick pass over the bytes before it). The parts'
// results are joined in file order and checked as one batched read would be: the locale verdicts of
// every batch agree, and no order shows up in two parts; otherwise the file is read again whole.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { csvEncodingDecision } from '../csv-encoding';
import { type PartMessage, unpackPart } from './part-message';
import type { SeenOrders } from './seen';
import {
  findHeader,
  finish,
  noHeader,
  type ParseSettings,
  type PartResult,
  type PartSpec,
  Restart,
  readPart,
  type StreamOptions,
  type StreamResult,
} from './stream';

const DEFAULT_MIN_PART_BYTES = 16 << 20;
/** A worker's quick pass over the bytes before its part (lastRecordBefore), with its own start-up and
 *  hand-over, relative to reading those bytes in full (measured: bench/RESULTS.md). */
const SCAN_COST = 0.2;

function defaultThreads(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/** What the caller does with the first part's orders while the others are read (whileWaiting), relative
 *  to reading them (grouping them into customers: ~0.18). */
const GROUPING_COST = 0.18;

/**
 * Byte offsets where parts 1.. begin (empty: one part). The cuts balance the work W of every part: part 0
 * reads its G_1 bytes and does `firstExtra` more per byte (whileWaiting); part k > 0 also scans the G_k
 * bytes before it: (1 + e)·G_1 = r·G_k + (G_k+1 − G_k) = W.
 */
export function partCuts(
  dataStart: number,
  total: number,
  threads: number,
  minPartBytes = DEFAULT_MIN_PART_BYTES,
  firstExtra = 0,
): number[] {
  const data = total - dataStart;
  const n = Math.min(threads, Math.floor(data / minPartBytes));
  if (n < 2) return [];
  // G_k is linear in W: find it for W = 1, then scale so that G_n = data.
  const g = [1 / (1 + firstExtra)];
  while (g.length < n) g.push(g[g.length - 1] * (1 - SCAN_COST) + 1);
  const w = data / g[n - 1];
  return g.slice(0, n - 1).map((x) => dataStart + Math.round(x * w));
}

let workerSource: string | undefined;

/** The worker's code already bundled (bin.mjs, which runs the CLI from a bundle, makes it): a file. */
const prebuilt = process.env.KENALI_CSV_WORKER;

/** Whether worker threads can be started here (their code is bundled by esbuild on first use): without
 *  them the file is read on this thread, only slower. */
function workersAvailable(): boolean {
  if (prebuilt && existsSync(prebuilt)) return true;
  try {
    workerScript();
    return true;
  } catch {
    return false;
  }
}

/** The worker's code: parse-worker.ts bundled on first use (tsx and vitest cannot start .ts workers). */
function workerScript(): string {
  workerSource ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./parse-worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['exceljs'], // XLSX only (xlsx-export.ts loads it on demand): never in a CSV worker
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  return workerSource;
}

function readPartWorker(spec: PartSpec): Promise<PartResult> {
  return new Promise((resolve, reject) => {
    const worker =
      prebuilt && existsSync(prebuilt)
        ? new Worker(prebuilt, { workerData: spec })
        : new Worker(workerScript(), { eval: true, workerData: spec });
    let result: PartResult | null = null;
    worker.once('message', (m: PartMessage) => {
      result = unpackPart(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`CSV part worker exited (${code}) without a result`));
    });
  });
}

/** Reads the file in parts at once when it is big enough; each part exactly as one batched read. */
async function readBatched(path: string, opts: StreamOptions): Promise<StreamResult> {
  const settings: ParseSettings = {
    sheetName: opts.sheetName,
    timeZone: opts.timeZone,
    lang: opts.lang,
    batchRows: opts.batchRows,
    keepItems: opts.keepItems,
    summarise: opts.summarise,
  };
  const first = findHeader(path, settings);
  const total = first.stats.bytes;
  const cuts = first.stats.transcoded
    ? []
    : partCuts(
        first.dataStart,
        total,
        opts.threads ?? defaultThreads(),
        opts.minPartBytes,
        opts.whileWaiting && !opts.summarise ? GROUPING_COST : 0,
      );
  if (cuts.length === 0 || !workersAvailable()) {
    const r = readPart(path, settings, true, null, opts.onProgress);
    return finish([r], r.hasHeader, 'batched');
  }
  const shared = {
    path,
    settings,
    delimiter: first.delimiter,
    header: first.header,
    nearBytes: opts.nearBytes,
    encoding: csvEncodingDecision(path),
  };
  const workers = cuts.map((from, k) => readPartWorker({ ...shared, from, to: cuts[k + 1] ?? null }));
  // This thread's part is settled before anything is thrown, so no worker is left unobserved.
  let main: PartResult | null = null;
  let failed = false;
  let failure: unknown = null;
  try {
    main = readPart(path, settings, true, { ...shared, from: 0, to: cuts[0] }, (read) =>
      opts.onProgress?.(Math.min(read / cuts[0], 1) * total, total),
    );
    if (!opts.summarise) opts.whileWaiting?.(main.parsed);
  } catch (e) {
    failed = true;
    failure = e;
  }
  const rest = await Promise.allSettled(workers);
  if (failed || !main) throw failure;
  const parts: PartResult[] = [main];
  for (const r of rest) {
    if (r.status === 'rejected') throw r.reason;
    if (r.value.restart) throw new Restart(r.value.restart);
    parts.push(r.value);
  }
  // Each part starts where the one before it stopped (by construction: both apply OrderStarts to the same
  // records), and no order may show up in two parts.
  const seen = parts[0].runs as SeenOrders; // read here, so a table
  for (let k = 1; k < parts.length; k++) {
    if (parts[k].start !== parts[k - 1].csv.end)
      throw new Error(`CSV part ${k} does not follow part ${k - 1}`);
    const runs = parts[k].runs as Int32Array; // from a worker: fingerprints
    if (seen.hasAny(runs)) throw new Restart('split order');
    if (k + 1 < parts.length) seen.addAll(runs);
  }
  return finish(parts, true, 'batched');
}

/** Parses a CSV export file as parseExport would parse its whole grid, in bounded memory when it can.
 *  With `summarise`, the orders are summed up (StreamResult.summaries) when the sums are exact, and kept
 *  as usual (summaries null) when they are not (amounts with cents: see core's summaries.ts). */
export async function parseCsvExport(path: string, opts: StreamOptions): Promise<StreamResult> {
  const r = await parseCsv(path, opts);
  if (r.summaries === null || r.summaries.exact) return r;
  return parseCsv(path, { ...opts, summarise: undefined });
}

async function parseCsv(path: string, opts: StreamOptions): Promise<StreamResult> {
  try {
    return await readBatched(path, opts);
  } catch (e) {
    if (!(e instanceof Restart)) throw e;
    if (e.message === 'no header') return noHeader(path, opts);
    const r = readPart(path, opts, false, null, opts.onProgress);
    return finish([r], r.hasHeader, 'whole');
  }
}
