// Turns the parts' figures into the printed sections. Figures only: ratios are computed here from numbers
// measured in the same run; nothing is asserted.
import type { CallsResult, OperationFigure } from './calls';
import type { CliFigures } from './cli';
import type { PipelineResult } from './pipeline';
import { fmt, table } from './table';

/** Google Sheets: at most 10 million cells per spreadsheet (every sheet's whole grid counts). */
export const CELL_LIMIT = 10_000_000;
// Grid resizes: needed once a sheet passes a new sheet's 1000 rows (grow a store sheet, give back the inbox).
const GROWTH = new Set(['Sheet.insertRowsAfter', 'Sheet.insertColumnsAfter', 'Sheet.deleteRows']);
const STORE_SHEETS = new Set(['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile']);

export const TARGETS = {
  endToEndMs: 10_000,
  endToEndBytes: 1024 ** 3,
  /** #20: the one-shot segment at least this much faster than the pandas script, in the same run. */
  pandasRatio: 1.5,
  /** #20: peak memory of the one-shot segment. */
  oneShotBytes: 600 * 1024 ** 2,
  cellsPerLine: 12,
} as const;

/** (t2 / t1) / (n2 / n1): 1.00 is linear growth, 2.00 twice as slow per line at the bigger size. */
export const growth = (t1: number, t2: number, n1: number, n2: number) => t2 / t1 / (n2 / n1);

// ---------------------------------------------------------------------------------------- pipeline

export function renderPipeline(results: readonly PipelineResult[]): string {
  const sizes = results.map((r) => fmt.size(r.lines));
  const pairs = results.slice(1).map((r, i) => [results[i], r] as const);
  const growthCols = pairs.map(([a, b]) => `growth ${fmt.size(a.lines)}→${fmt.size(b.lines)}`);
  const header = ['stage (ms)', ...sizes, ...growthCols];
  const rows: string[][] = [];
  const stageNames = results[0].stages.map((s) => s.name);
  for (const name of stageNames) {
    const ms = results.map((r) => r.stages.find((s) => s.name === name)?.ms ?? Number.NaN);
    rows.push([
      name,
      ...ms.map(fmt.ms),
      ...pairs.map((_, i) => fmt.ratio(growth(ms[i], ms[i + 1], results[i].lines, results[i + 1].lines))),
    ]);
  }
  const blank = pairs.map(() => '');
  rows.push([
    '**total**',
    ...results.map((r) => fmt.ms(r.totalMs)),
    ...pairs.map(([a, b]) => fmt.ratio(growth(a.totalMs, b.totalMs, a.lines, b.lines))),
  ]);
  rows.push([
    'of which GC pauses, main thread (ms)',
    ...results.map((r) => fmt.ms(r.gcMs)),
    ...pairs.map(([a, b]) => fmt.ratio(growth(a.gcMs, b.gcMs, a.lines, b.lines))),
  ]);
  rows.push([
    'total without GC pauses (ms)',
    ...results.map((r) => fmt.ms(r.totalMs - r.gcMs)),
    ...pairs.map(([a, b]) => fmt.ratio(growth(a.totalMs - a.gcMs, b.totalMs - b.gcMs, a.lines, b.lines))),
  ]);
  rows.push([
    'CPU time, all threads (ms)',
    ...results.map((r) => fmt.ms(r.cpuMs)),
    ...pairs.map(([a, b]) => fmt.ratio(growth(a.cpuMs, b.cpuMs, a.lines, b.lines))),
  ]);
  rows.push([
    'order lines per second',
    ...results.map((r) => fmt.rate(r.lines / (r.totalMs / 1000))),
    ...blank,
  ]);
  rows.push(['RSS with the input grids, after GC (MB)', ...results.map((r) => fmt.mb(r.inputRss)), ...blank]);
  rows.push(['peak RSS, input included (MB)', ...results.map((r) => fmt.mb(r.maxRss)), ...blank]);
  rows.push(['peak RSS − input (MB)', ...results.map((r) => fmt.mb(r.maxRss - r.inputRss)), ...blank]);
  rows.push(['(building the input grids, ms)', ...results.map((r) => fmt.ms(r.generateMs)), ...blank]);
  rows.push([
    'orders / customers',
    ...results.map((r) => `${fmt.int(r.orders)} / ${fmt.int(r.customers)}`),
    ...blank,
  ]);
  rows.push(['problems reported', ...results.map((r) => fmt.int(r.problems)), ...blank]);
  return [
    '## Core pipeline, in memory',
    '',
    'Demo export rows (and its income report) → parseExport → mergeImport → store rows (what import writes) →',
    'read store sheets (what every later action parses) → buildCustomers → buildSegmentsSheet. One child',
    'process per size (`--max-old-space-size=8192`); the input grids are built before the clock starts.',
    'growth = time ratio ÷ size ratio: 1.00 is linear.',
    '',
    table(header, rows),
  ].join('\n');
}

// ------------------------------------------------------------------------------------------- calls

/** Differences between two operations' call maps, as '+1 Sheet.insertRowsAfter'. */
function callDiff(a: Record<string, number>, b: Record<string, number>): string[] {
  const labels = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: string[] = [];
  for (const l of labels) {
    const d = (b[l] ?? 0) - (a[l] ?? 0);
    if (d !== 0) out.push(`${d > 0 ? '+' : ''}${d} ${l}`);
  }
  return out;
}

export interface CallsVerdict {
  operations: number;
  equal: number;
  /** Every difference is a grid-growth call. */
  onlyGrowth: boolean;
  /** Operations that failed at either size. */
  failed: string[];
}

export function callsVerdict(pair: readonly [CallsResult, CallsResult]): CallsVerdict {
  const [small, big] = pair;
  let equal = 0;
  let onlyGrowth = true;
  const failed: string[] = [];
  for (const op of small.operations) {
    const other = big.operations.find((o) => o.name === op.name || sameOp(o, op));
    if (op.error || !other || other.error) {
      failed.push(op.name);
      continue;
    }
    const diff = callDiff(op.calls, other.calls);
    if (diff.length === 0) equal++;
    else if (!diff.every((d) => GROWTH.has(d.replace(/^[+-]\d+ /, '')))) onlyGrowth = false;
  }
  return { operations: small.operations.length, equal, onlyGrowth, failed };
}

/** 'lookup search "abc"' and 'lookup search "xyz"' are the same operation at two sizes. */
const opKind = (o: OperationFigure) => o.name.replace(/ ".*"$/, '');
const sameOp = (a: OperationFigure, b: OperationFigure) => opKind(a) === opKind(b);

function callsTable(pair: readonly [CallsResult, CallsResult]): string {
  const [small, big] = pair;
  const s = fmt.size(small.lines);
  const b = fmt.size(big.lines);
  const rows = small.operations.map((op) => {
    const other = big.operations.find((o) => sameOp(o, op));
    if (!other) return [opKind(op), fmt.int(op.total), 'not run', '', '', fmt.ms(op.ms), ''];
    const diff = callDiff(op.calls, other.calls);
    const failedNote = op.error || other.error ? 'failed' : diff.length === 0 ? 'yes' : 'no';
    return [
      opKind(op),
      fmt.int(op.total),
      fmt.int(other.total) + (other.error ? ' (failed)' : ''),
      failedNote,
      diff.join(', '),
      fmt.ms(op.ms),
      fmt.ms(other.ms),
    ];
  });
  return table(
    [
      'operation',
      `calls ${s}`,
      `calls ${b}`,
      'equal',
      `difference at ${b}`,
      `local ms ${s}`,
      `local ms ${b}`,
    ],
    rows,
    ['l', 'r', 'r', 'l', 'l', 'r', 'r'],
  );
}

export interface CellFigures {
  lines: number;
  storeCells: number;
  storePerLine: number;
  segmentsCells: number;
  segmentsPerLine: number;
  /** Measured grid cells (blank cells included: what Google counts) of the store and Segments per line. */
  gridPerLine: number;
  inboxColumns: number;
}

export function cellFigures(r: CallsResult): CellFigures {
  const storeCells = r.store.reduce((n, c) => n + c.cells, 0);
  const segments = r.others.find((c) => c.sheet === 'Segments');
  const segmentsCells = segments?.cells ?? 0;
  const grid = r.store.reduce((n, c) => n + c.grid, 0) + (segments?.grid ?? 0);
  return {
    lines: r.lines,
    storeCells,
    storePerLine: storeCells / r.lines,
    segmentsCells,
    segmentsPerLine: segmentsCells / r.lines,
    gridPerLine: grid / r.lines,
    inboxColumns: r.inboxColumns,
  };
}

function cellsSection(r: CallsResult): string {
  const c = cellFigures(r);
  const rows = [...r.store, ...r.others].map((s) => [
    s.sheet + (STORE_SHEETS.has(s.sheet) ? '' : ' (not store)'),
    fmt.int(s.rows),
    fmt.int(s.columns),
    fmt.int(s.cells),
    (s.cells / r.lines).toFixed(2),
    fmt.int(s.grid),
  ]);
  rows.push([
    '**store total**',
    '',
    '',
    fmt.int(c.storeCells),
    c.storePerLine.toFixed(2),
    fmt.int(r.storeGrid),
  ]);
  const max = (perLine: number) => fmt.int(CELL_LIMIT / perLine);
  return [
    `Cells at ${fmt.int(r.lines)} order lines (${r.mode}; data cells = rows × columns, header included):`,
    '',
    table(['sheet', 'rows', 'columns', 'data cells', 'per order line', 'grid cells'], rows),
    '',
    `- store data cells per order line: **${c.storePerLine.toFixed(2)}** (target ≤ ${TARGETS.cellsPerLine}) → at most ` +
      `**${max(c.storePerLine)}** order lines in 10M cells`,
    `- with the Segments sheet (${c.segmentsPerLine.toFixed(2)} cells per line): ${max(c.storePerLine + c.segmentsPerLine)} order lines`,
    `- grid cells of the store and Segments as built (blank cells included, what Google counts): ` +
      `${c.gridPerLine.toFixed(1)} per order line → ${max(c.gridPerLine)} order lines`,
    `- the inbox: a pasted Shopee export is ${c.inboxColumns} columns wide, so pasting N lines takes N × ${c.inboxColumns} ` +
      `cells while it waits; after the import it is back to ${fmt.int(r.inboxGrid)} grid cells`,
    `- whole workbook at the end of this run: ${fmt.int(r.gridCells)} grid cells`,
  ].join('\n');
}

export function renderCalls(
  asBuilt: readonly [CallsResult, CallsResult],
  trimmed: readonly [CallsResult, CallsResult] | null,
): string {
  const out = [
    '## Spreadsheet service calls per operation',
    '',
    'The built dist/Code.js in the local Apps Script runtime, calls counted by its counter. "local ms" is',
    'the local runtime on this machine: NOT Apps Script time (there, every call is a round trip).',
    '',
  ];
  const failures = asBuilt.flatMap((r) =>
    r.operations
      .filter((o) => o.error)
      .map((o) => `${fmt.int(r.lines)} lines, ${o.name} (after ${o.total} calls): ${o.error}`),
  );
  if (failures.length > 0) {
    out.push(`As built, an operation failed — ${failures.join('; ')}`, '');
    out.push(callsTable(asBuilt), '');
  }
  const pair = trimmed ?? asBuilt;
  if (trimmed) {
    out.push(
      'So both sizes again with the store sheets cut to their own columns before the first import',
      '(what the as-built store is missing), to count every operation at both sizes:',
      '',
    );
  }
  out.push(callsTable(pair), '');
  out.push(
    `Peak RSS of the local runtime: ${fmt.mb(pair[0].maxRss)} MB at ${fmt.size(pair[0].lines)} lines, ` +
      `${fmt.mb(pair[1].maxRss)} MB at ${fmt.size(pair[1].lines)} (workbook, bundle and the pasted export).`,
    '',
  );
  out.push(cellsSection(pair[1]));
  return out.join('\n');
}

// --------------------------------------------------------------------------------------------- CLI

export function renderCli(c: CliFigures): string {
  const rows = [
    [
      fmt.int(c.lines),
      fmt.mb(c.csvBytes),
      fmt.s(c.writeCsvMs),
      fmt.s(c.wallMs),
      fmt.s(c.cpuMs),
      fmt.mb(c.maxRss),
      fmt.int(c.outputRows),
      String(c.exitCode),
    ],
  ];
  const out = [
    '## CLI one-shot `segment` on a CSV export, end to end',
    '',
    '`node local/cli/bin.mjs segment shop.csv --out segments.csv --today 2024-06-30` (what `npm run kenali`',
    "runs), timed from spawn to exit (Node start-up included); peak RSS and CPU time are the child's own.",
    '',
    table(
      [
        'order lines',
        'CSV MB',
        'writing the CSV (s)',
        'segment wall (s)',
        'CPU (s)',
        'peak RSS (MB)',
        'customers out',
        'exit',
      ],
      rows,
    ),
    '',
    `CLI said: ${c.summary || '(nothing)'}`,
  ];
  if (c.stderrTail) out.push('', '```', c.stderrTail.trim(), '```');
  if (c.peers.length > 0) out.push('', renderPeers(c));
  return out.join('\n');
}

/** Kenali beside the analyst's tools on the same CSV, in the same run: speed ratios and peak memory. */
function renderPeers(c: CliFigures): string {
  const rows = [
    ['kenali segment', fmt.s(c.wallMs), fmt.s(c.cpuMs), fmt.mb(c.maxRss), '1.00', 'the reference'],
    ...c.peers.map((p) => [
      p.name,
      p.wallMs === null ? '—' : fmt.s(p.wallMs),
      fmt.s(p.cpuMs),
      fmt.mb(p.maxRss),
      p.wallMs === null ? '—' : fmt.ratio(p.wallMs / c.wallMs),
      p.skipped ??
        (p.check?.identical
          ? `identical (${fmt.int(p.check.customers)} customers)`
          : `DIFFER: ${p.check?.difference}`),
    ]),
  ];
  const ratios = c.peers
    .filter((p) => p.wallMs !== null)
    .map((p) => `kenali/${p.name.split(' ')[0]} ${fmt.ratio((p.wallMs as number) / c.wallMs)}×`);
  const out = [
    '### The same segments with the tools an analyst would use (bench/peers/)',
    '',
    "Each on the same CSV right after Kenali, timed from spawn to exit; peak RSS is the process's own. Speed ratio",
    "= the peer's time ÷ Kenali's (above 1: Kenali is faster). Segments: every field of every customer compared.",
    '',
    table(['tool', 'wall (s)', 'CPU (s)', 'peak RSS (MB)', 'speed ratio', 'segments'], rows, [
      'l',
      'r',
      'r',
      'r',
      'r',
      'l',
    ]),
  ];
  if (ratios.length > 0)
    out.push('', `Speed: ${ratios.join(', ')}; Kenali's peak memory ${fmt.mb(c.maxRss)} MB.`);
  for (const p of c.peers) if (p.stderrTail) out.push('', `${p.name}:`, '```', p.stderrTail.trim(), '```');
  return out.join('\n');
}

// ----------------------------------------------------------------------------------------- targets

export function renderTargets(input: {
  pipeline: readonly PipelineResult[];
  calls: readonly [CallsResult, CallsResult];
  asBuilt: readonly [CallsResult, CallsResult];
  cli: CliFigures;
}): string {
  const { pipeline, calls, asBuilt, cli } = input;
  const verdict = (ok: boolean) => (ok ? 'met' : '**MISSED**');
  const rows: string[][] = [];
  const fullSize = cli.lines === 1_000_000;
  const ranOk = cli.exitCode === 0;
  rows.push([
    `1M lines end to end (CLI segment) < ${TARGETS.endToEndMs / 1000} s`,
    `${fmt.s(cli.wallMs)} s at ${fmt.size(cli.lines)} lines`,
    fullSize && ranOk ? verdict(cli.wallMs < TARGETS.endToEndMs) : 'not measured at 1M',
  ]);
  rows.push([
    '1M lines end to end (CLI segment) < 1 GB',
    `${fmt.mb(cli.maxRss)} MB at ${fmt.size(cli.lines)} lines`,
    fullSize && ranOk ? verdict(cli.maxRss < TARGETS.endToEndBytes) : 'not measured at 1M',
  ]);
  rows.push(...peerTargets(cli));
  const last = pipeline[pipeline.length - 1];
  rows.push([
    'core pipeline in memory (for reference)',
    `${fmt.s(last.totalMs)} s, peak ${fmt.mb(last.maxRss)} MB at ${fmt.size(last.lines)} lines`,
    'no target (holds the whole grid)',
  ]);
  const v = callsVerdict(calls);
  const callsOk = v.failed.length === 0 && v.onlyGrowth;
  rows.push([
    'calls per operation constant',
    `${v.equal} of ${v.operations} equal at ${fmt.size(calls[0].lines)} and ${fmt.size(calls[1].lines)}` +
      (v.equal < v.operations && v.onlyGrowth ? '; the rest differ only by grid growth past 1000 rows' : '') +
      (v.failed.length ? `; failed: ${v.failed.join(', ')}` : ''),
    verdict(callsOk),
  ]);
  const cells = cellFigures(calls[1]);
  rows.push([
    `≤ ${TARGETS.cellsPerLine} stored cells per order line`,
    `${cells.storePerLine.toFixed(2)} (data cells); ${cells.gridPerLine.toFixed(1)} grid cells with Segments`,
    verdict(cells.storePerLine <= TARGETS.cellsPerLine),
  ]);
  const asBuiltFailed = asBuilt.flatMap((r) => r.operations.filter((o) => o.error).map(() => r.lines));
  if (asBuiltFailed.length > 0) {
    rows.push([
      "the as-built store fits Google's 10M-cell limit",
      `failed at ${fmt.int(asBuiltFailed[0])} lines`,
      '**MISSED**',
    ]);
  }
  return [
    '## Targets (printed, not asserted)',
    '',
    table(['target', 'measured', 'verdict'], rows, ['l', 'l', 'l']),
  ].join('\n');
}

/** #20's targets: faster than the pandas script in the same run, within 600 MB, the same segments. */
export function peerTargets(cli: CliFigures): string[][] {
  const verdict = (ok: boolean) => (ok ? 'met' : '**MISSED**');
  const at1M = cli.lines === 1_000_000 && cli.exitCode === 0;
  const pandas = cli.peers.find((p) => p.name.startsWith('pandas'));
  const ratio = pandas?.wallMs ? pandas.wallMs / cli.wallMs : Number.NaN;
  const rows = [
    [
      `CLI segment ≥ ${TARGETS.pandasRatio}× as fast as pandas (same run)`,
      pandas?.wallMs
        ? `${fmt.ratio(ratio)}× (${fmt.s(pandas.wallMs)} s ÷ ${fmt.s(cli.wallMs)} s)`
        : `pandas ${pandas?.skipped ?? 'not run'}`,
      at1M && pandas?.wallMs ? verdict(ratio >= TARGETS.pandasRatio) : 'not measured at 1M',
    ],
    [
      `CLI segment peak memory ≤ ${fmt.mb(TARGETS.oneShotBytes)} MB`,
      `${fmt.mb(cli.maxRss)} MB at ${fmt.size(cli.lines)} lines`,
      at1M ? verdict(cli.maxRss <= TARGETS.oneShotBytes) : 'not measured at 1M',
    ],
  ];
  const checked = cli.peers.filter((p) => p.check);
  if (checked.length > 0) {
    rows.push([
      'peers give the same segments',
      checked.map((p) => `${p.name}: ${p.check?.identical ? 'identical' : 'differ'}`).join('; '),
      verdict(checked.every((p) => p.check?.identical)),
    ]);
  }
  return rows;
}

// ------------------------------------------------------------------------------ Apps Script estimate

/**
 * A planning model, not a measurement: nothing here ran on Google's servers. Calls cost a round trip
 * (TOOLCHAIN.md: a single-cell read or write ≈ 0.2–0.3 s; we take the top), bulk transfers a rate per cell
 * (our conservative assumption: no figure of Google's), and the script's own work the local runtime's
 * time on this machine times a factor for Apps Script's slower, shared V8.
 */
export const APPS_SCRIPT_MODEL = {
  secondsPerCall: 0.3,
  readCellsPerSecond: 50_000,
  writtenCellsPerSecond: 20_000,
  cpuFactor: 3,
  limitSeconds: 360,
} as const;

export interface Estimate {
  operation: string;
  lines: number;
  seconds: number;
  /** Seconds per order line beyond the fixed cost of the calls. */
  perLine: number;
  /** Order lines the operation handles within 6 minutes, by the same model (linear). */
  maxLines: number;
}

export function estimateAppsScript(r: CallsResult): Estimate[] {
  const m = APPS_SCRIPT_MODEL;
  return r.operations
    .filter((o) => !o.error)
    .map((o) => {
      const fixed = o.total * m.secondsPerCall;
      const variable =
        o.cells.read / m.readCellsPerSecond +
        (o.cells.written + o.cells.formats) / m.writtenCellsPerSecond +
        (o.ms / 1000) * m.cpuFactor;
      const perLine = variable / r.lines;
      return {
        operation: opKind(o),
        lines: r.lines,
        seconds: fixed + variable,
        perLine,
        maxLines: perLine > 0 ? Math.max(0, (m.limitSeconds - fixed) / perLine) : Number.POSITIVE_INFINITY,
      };
    });
}

export function renderEstimate(r: CallsResult): string {
  const m = APPS_SCRIPT_MODEL;
  // Beyond what 10M cells can hold, time is not what stops a shop.
  const capacity = CELL_LIMIT / cellFigures(r).storePerLine;
  const rows = estimateAppsScript(r).map((e) => {
    const o = r.operations.find((x) => opKind(x) === e.operation);
    return [
      e.operation,
      fmt.int(o?.total ?? Number.NaN),
      fmt.int(o?.cells.read ?? Number.NaN),
      fmt.int((o?.cells.written ?? 0) + (o?.cells.formats ?? 0)),
      fmt.s(e.seconds * 1000),
      e.maxLines > capacity
        ? `> ${fmt.int(Math.floor(capacity / 1000) * 1000)} (cells run out first)`
        : fmt.int(Math.floor(e.maxLines / 1000) * 1000),
    ];
  });
  return [
    '## Inside Apps Script: an estimate from these figures (a model, not a measurement)',
    '',
    `Per operation at ${fmt.int(r.lines)} order lines: ${m.secondsPerCall} s per service call, ` +
      `${fmt.int(m.readCellsPerSecond)} cells/s read, ${fmt.int(m.writtenCellsPerSecond)} cells/s written ` +
      `(values and formats), and ${m.cpuFactor} × the local runtime's time for the script's own work. ` +
      `"max lines" scales the per-line part linearly to the ${m.limitSeconds / 60}-minute limit. ` +
      'Import and re-import move the whole store, so for them "lines" means lines in the store.',
    '',
    table(['operation', 'calls', 'cells read', 'cells written', 'estimate (s)', 'max lines in 6 min'], rows),
  ].join('\n');
}
