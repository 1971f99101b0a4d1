// One size of the core pipeline, in its own process (bench/run.ts starts one per size so the sizes do not
// share a heap): demo export rows → parseExport → mergeImport → store rows → read back → buildCustomers →
// buildSegmentsSheet. Prints wall time and memory per stage as one JSON line.
//   node --import tsx --expose-gc bench/pipeline.ts <lines>
import { PerformanceObserver } from 'node:perf_hooks';
import { buildCustomers } from '../src/core/customers';
import { generateIncomeReport, generateShopeeExport } from '../src/core/demo';
import { parseExport } from '../src/core/exports';
import { buildSegmentsSheet } from '../src/core/segments';
import {
  itemRowValues,
  mergeImport,
  orderRowValues,
  paymentRowValues,
  readItems,
  readOrders,
  readPayments,
  STORE_SCHEMAS,
} from '../src/core/store';
import type { Grid } from '../src/core/types';
import { collect, emitResult, maxRssBytes, NOW, progress, SEED, TZ } from './shared';

export interface StageFigure {
  name: string;
  ms: number;
  /** Main-thread GC pauses inside the stage (V8's 'gc' performance entries). */
  gcMs: number;
  /** RSS and JS heap right after the stage (bytes). */
  rss: number;
  heapUsed: number;
}

export interface PipelineResult {
  lines: number;
  orders: number;
  customers: number;
  segmentRows: number;
  problems: number;
  /** Building the input grid (not part of the pipeline: in Apps Script, getValues hands it over). */
  generateMs: number;
  /** RSS with the input grids built and a full GC done: what the pipeline starts from. */
  inputRss: number;
  stages: StageFigure[];
  totalMs: number;
  /** Kernel's peak RSS of this process, input included. */
  maxRss: number;
  /** CPU time (user + system) of the pipeline stages, all threads (GC helpers included). */
  cpuMs: number;
  /** Main-thread GC pauses during the stages. */
  gcMs: number;
}

const table = (headers: readonly string[], rows: Grid): Grid => [[...headers], ...rows];

type Stage = <T>(name: string, fn: () => T) => T;

function demoInput(seed: number, lines: number): { exportGrid: Grid; incomeGrid: Grid } {
  const exportGrid = generateShopeeExport({ seed, lines, now: NOW, timeZone: TZ }).grid;
  const incomeGrid = generateIncomeReport({ seed, exportGrid, now: NOW, timeZone: TZ }).grid;
  return { exportGrid, incomeGrid };
}

function pipeline(exportGrid: Grid, incomeGrid: Grid, stage: Stage) {
  const parsed = stage('parseExport (orders export)', () => parseExport(exportGrid, 'Impor', TZ));
  const income = stage('parseExport (income report)', () => parseExport(incomeGrid, 'Impor', TZ));
  const merged = stage('mergeImport', () =>
    mergeImport({ orders: [], items: [], payments: [] }, [parsed, income], NOW),
  );
  // What import writes (one setValues per sheet) and what every later action reads back.
  const written = stage('store rows (values to write)', () => ({
    orders: table(STORE_SCHEMAS.orders.headers, merged.orders.map(orderRowValues)),
    items: table(STORE_SCHEMAS.items.headers, merged.items.map(itemRowValues)),
    payments: table(STORE_SCHEMAS.payments.headers, merged.payments.map(paymentRowValues)),
  }));
  const store = stage('read store sheets', () => ({
    orders: readOrders(written.orders, 'Orders', TZ).records,
    items: readItems(written.items, 'OrderItems', TZ).records,
    payments: readPayments(written.payments, 'OrderPayments', TZ).records,
  }));
  const index = stage('buildCustomers', () => buildCustomers({ ...store, profiles: [] }));
  const sheet = stage('buildSegmentsSheet', () =>
    buildSegmentsSheet(index, { timeZone: TZ, now: NOW }, 'id'),
  );
  return {
    orders: merged.orders.length,
    customers: index.list.length,
    segmentRows: sheet.rows.length,
    problems: parsed.problems.length + income.problems.length,
  };
}

async function main(lines: number): Promise<void> {
  // A small shop of another seed first, unmeasured: the small sizes should not pay for JIT compilation.
  const warm = demoInput(SEED + 1, 3_000);
  pipeline(warm.exportGrid, warm.incomeGrid, (_name, fn) => fn());

  progress(`pipeline ${lines.toLocaleString('en')} lines: generating the export`);
  let t0 = performance.now();
  const { exportGrid, incomeGrid } = demoInput(SEED, lines);
  const generateMs = performance.now() - t0;
  collect();
  const inputRss = process.memoryUsage().rss;

  // GC entries arrive asynchronously (after the synchronous stages): kept with their start times and
  // attributed to the stage whose window holds them.
  const gcs: { start: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration });
  });
  observer.observe({ entryTypes: ['gc'] });
  const stages: StageFigure[] = [];
  const windows: [number, number][] = [];
  const stage: Stage = (name, fn) => {
    progress(`pipeline ${lines.toLocaleString('en')} lines: ${name}`);
    const start = performance.now();
    const out = fn();
    const end = performance.now();
    const mem = process.memoryUsage();
    windows.push([start, end]);
    stages.push({ name, ms: end - start, gcMs: 0, rss: mem.rss, heapUsed: mem.heapUsed });
    return out;
  };

  t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const counts = pipeline(exportGrid, incomeGrid, stage);
  const totalMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  for (const g of gcs) {
    const at = windows.findIndex(([a, b]) => g.start >= a && g.start < b);
    if (at >= 0) stages[at].gcMs += g.ms;
  }

  const result: PipelineResult = {
    lines: exportGrid.length - 1,
    ...counts,
    generateMs,
    inputRss,
    stages,
    totalMs,
    maxRss: maxRssBytes(),
    cpuMs: (cpu.user + cpu.system) / 1000,
    gcMs: stages.reduce((n, st) => n + st.gcMs, 0),
  };
  emitResult(result);
}

const lines = Number(process.argv[2]);
if (!Number.isInteger(lines) || lines < 1) {
  process.stderr.write('usage: bench/pipeline.ts <lines>\n');
  process.exit(2);
}
await main(lines);
