// Turns the parts' figures into the printed sections. Figures only: ratios are computed here from numbers
// measured in the same run; nothing is asserted.
import type { CallsResult, OperationFigure } from './calls';
import type { CliFigures } from './cli';
import type { PipelineResult } from './pipeline';
import { fmt, table } from './table';

/** Google Sheets: at most 10 million cells per spreadsheet (every sheet's whole grid counts). */
export const CELL_LIMIT = 10_000_000;

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

// ------------------------------------------------------------------------------------------- store

/** 'lookup search "abc"' and 'lookup search "xyz"' are the same operation at two sizes. */
const opKind = (o: OperationFigure) => o.name.replace(/ ".*"$/, '');
const written = (o: OperationFigure) => o.cells.written + o.cells.formats;

/** The goals of issue #16 per action (cells read, cells written; calls), and whether one must stay within
 *  1.5× of its figure at the smallest size. */
export const GOALS: Record<
  string,
  { read?: number; written?: number; calls?: number; flat?: boolean; perCustomer?: boolean }
> = {
  'daily import (newest 1,000 lines)': { read: 200_000, written: 30_000 },
  'naming queue': { read: 20_000, flat: true },
  'lookup list (recent buyers)': { read: 20_000, flat: true },
  'lookup search': { read: 50_000, perCustomer: true },
  'customer detail': { read: 10_000, flat: true },
  'save name': { read: 10_000, written: 10_000, calls: 6, flat: true },
  'rename (a named buyer)': { read: 10_000, written: 10_000, flat: true },
};

function figure(r: CallsResult, kind: string): OperationFigure | undefined {
  return r.operations.find((o) => opKind(o) === kind);
}

function storeTable(results: readonly CallsResult[]): string {
  const kinds = [...new Set(results.flatMap((r) => r.operations.map(opKind)))];
  const header = [
    'action',
    ...results.flatMap((r) => [
      `read ${fmt.size(r.lines)}`,
      `written ${fmt.size(r.lines)}`,
      `calls ${fmt.size(r.lines)}`,
    ]),
    'goal (read / written)',
  ];
  const rows = kinds.map((k) => {
    const g = GOALS[k];
    const goal = g
      ? [
          g.read ? `≤ ${fmt.int(g.read)}` : '',
          g.written ? `≤ ${fmt.int(g.written)}` : '',
          g.calls ? `≤ ${g.calls} calls` : '',
        ]
          .filter((x) => x !== '')
          .join(' / ')
      : '';
    return [
      k,
      ...results.flatMap((r) => {
        const o = figure(r, k);
        if (!o) return ['—', '—', '—'];
        const fail = o.error ? ' (failed)' : '';
        return [fmt.int(o.cells.read) + fail, fmt.int(written(o)), fmt.int(o.total)];
      }),
      goal,
    ];
  });
  rows.push([
    `initial load (imports of ${fmt.int(CHUNK_NOTE)}-line chunks, summed)`,
    ...results.flatMap((r) => [
      fmt.int(r.load.cells.read),
      fmt.int(r.load.cells.written + r.load.cells.formats),
      fmt.int(r.load.calls),
    ]),
    'no goal (a catch-up)',
  ]);
  return table(header, rows);
}

const CHUNK_NOTE = 25_000;

export interface GoalCheck {
  action: string;
  measured: string;
  met: boolean;
}

/** Every goal at every size above the smallest, and the 1.5× rule against the smallest. */
export function goalChecks(results: readonly CallsResult[]): GoalCheck[] {
  const out: GoalCheck[] = [];
  const base = results[0];
  const ref = results.find((r) => r.lines === 100_000) ?? results[results.length - 1];
  for (const [kind, g] of Object.entries(GOALS)) {
    for (const r of results.slice(1)) {
      const o = figure(r, kind);
      const at = `at ${fmt.size(r.lines)}`;
      if (!o || o.error) {
        out.push({ action: `${kind} ${at}`, measured: 'did not run', met: false });
        continue;
      }
      const extra = g.perCustomer ? Math.max(0, r.customers - ref.customers) : 0;
      if (g.read !== undefined) {
        const limit = g.read + extra;
        out.push({
          action: `${kind} ${at}: read ≤ ${fmt.int(limit)}${extra ? ` (${fmt.int(g.read)} + one per customer past 100k's)` : ''}`,
          measured: fmt.int(o.cells.read),
          met: o.cells.read <= limit,
        });
      }
      if (g.written !== undefined)
        out.push({
          action: `${kind} ${at}: written ≤ ${fmt.int(g.written)}`,
          measured: fmt.int(written(o)),
          met: written(o) <= g.written,
        });
      if (g.calls !== undefined)
        out.push({
          action: `${kind} ${at}: calls ≤ ${g.calls}`,
          measured: fmt.int(o.total),
          met: o.total <= g.calls,
        });
      const b = figure(base, kind);
      if (g.flat && b && !b.error) {
        const cells = (x: OperationFigure) => x.cells.read + written(x);
        const ratio = Math.max(cells(o) / Math.max(1, cells(b)), o.total / Math.max(1, b.total));
        out.push({
          action: `${kind} ${at}: within 1.5× of ${fmt.size(base.lines)} (cells and calls)`,
          measured: `${fmt.ratio(cells(o) / Math.max(1, cells(b)))}× cells, ${fmt.ratio(o.total / Math.max(1, b.total))}× calls`,
          met: ratio <= 1.5,
        });
      }
    }
  }
  return out;
}

function sheetsSection(r: CallsResult): string {
  const rows = r.sheets.map((s) => [
    s.sheet,
    fmt.int(s.rows),
    fmt.int(s.columns),
    fmt.int(s.cells),
    (s.cells / r.lines).toFixed(2),
    fmt.int(s.grid),
  ]);
  const data = r.sheets.reduce((n, s) => n + s.cells, 0);
  const grid = r.sheets.reduce((n, s) => n + s.grid, 0);
  rows.push(['**total**', '', '', fmt.int(data), (data / r.lines).toFixed(2), fmt.int(grid)]);
  const perLine = grid / r.lines;
  return [
    `Cells at ${fmt.int(r.lines)} order lines (${fmt.int(r.orders)} orders, ${fmt.int(r.customers)} customers; data cells = rows × columns, header included):`,
    '',
    table(['sheet', 'rows', 'columns', 'data cells', 'per order line', 'grid cells'], rows),
    '',
    `- grid cells of these sheets (blank ones count toward Google's limit): ${perLine.toFixed(1)} per order line → ` +
      `about ${fmt.int(Math.floor(CELL_LIMIT / perLine / 1000) * 1000)} order lines in 10 million cells`,
    `- the inbox: a pasted Shopee export is ${r.inboxColumns} columns wide (N lines take N × ${r.inboxColumns} cells while they wait)`,
    `- whole workbook at the end of this run: ${fmt.int(r.gridCells)} grid cells`,
  ].join('\n');
}

/** Per action, the cells of a kind not counted as moved (clears, range-wide formats), at every size. */
function apart(results: readonly CallsResult[], what: 'cleared' | 'rangeFormats'): string {
  const listed = [...new Set(results.flatMap((r) => r.operations.map(opKind)))]
    .map((k) => {
      const counts = results.map((r) => figure(r, k)?.cells[what] ?? 0);
      return counts.some((c) => c > 0) ? `${k} ${counts.map(fmt.int).join(' / ')}` : '';
    })
    .filter((x) => x !== '');
  const loads = results.map((r) => r.load.cells[what]);
  if (loads.some((c) => c > 0)) listed.push(`initial load ${loads.map(fmt.int).join(' / ')}`);
  return `${listed.join('; ') || 'none'} (at ${results.map((r) => fmt.size(r.lines)).join(' / ')})`;
}

export function renderCalls(results: readonly CallsResult[]): string {
  const last = results[results.length - 1];
  const out = [
    '## The store as a database: cells and calls per action',
    '',
    "The built dist/Code.js in the local Apps Script runtime. The shop keeps the pace of the demo's 100k-line",
    'shop (6 months), so a bigger shop is an older one with the same daily orders. It is loaded through the',
    'inbox in chunks, income report included; then segmentation and a day of work are measured. The daily',
    `import pastes the newest ~1,000 lines (${results.map((r) => `${fmt.int(r.dailyLines)} at ${fmt.size(r.lines)}`).join(', ')}),`,
    `about half of them already stored with an earlier status (${results.map((r) => fmt.int(r.dailyOverlapLines)).join(' / ')} lines).`,
    'Cells read: getValues, getSheetValues, getValue. Written: values (setValue(s), RangeList.setValue) + number',
    'formats sent cell by cell (setNumberFormats: one format per cell in the request). TextFinder and Range.sort',
    'move no cells: they cost a call each. A clear (the inbox after an import, the old rows of replaced lines) is',
    'one request that sends no values, and a range-wide number format (Range/RangeList.setNumberFormat) one that',
    'sends one format for the whole range: neither is counted in the cells above (as in the issue), both are',
    'listed below with the cells they cover.',
    '',
    storeTable(results),
    '',
    `Cells cleared: ${apart(results, 'cleared')}.`,
    '',
    `Cells covered by range-wide number formats: ${apart(results, 'rangeFormats')}.`,
    '',
    `Peak RSS of the local runtime: ${results.map((r) => `${fmt.mb(r.maxRss)} MB at ${fmt.size(r.lines)}`).join(', ')}.`,
    '',
    '### Goals (issue #16)',
    '',
    table(
      ['goal', 'measured', 'verdict'],
      goalChecks(results).map((c) => [c.action, c.measured, c.met ? 'met' : '**MISSED**']),
      ['l', 'l', 'l'],
    ),
    '',
    sheetsSection(last),
  ];
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
  calls: readonly CallsResult[];
  cli: CliFigures;
}): string {
  const { pipeline, calls, cli } = input;
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
  const checks = goalChecks(calls);
  const missed = checks.filter((c) => !c.met);
  rows.push([
    'issue #16 goals (cells and calls per action, 100k and 300k lines)',
    `${checks.length - missed.length} of ${checks.length} met` +
      (missed.length ? `; missed: ${missed.map((m) => m.action).join('; ')}` : ''),
    verdict(missed.length === 0),
  ]);
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
}

export function estimateAppsScript(r: CallsResult): Estimate[] {
  const m = APPS_SCRIPT_MODEL;
  return r.operations
    .filter((o) => !o.error)
    .map((o) => {
      const fixed = o.total * m.secondsPerCall;
      const variable =
        o.cells.read / m.readCellsPerSecond +
        written(o) / m.writtenCellsPerSecond +
        (o.ms / 1000) * m.cpuFactor;
      return { operation: opKind(o), lines: r.lines, seconds: fixed + variable };
    });
}

export function renderEstimate(results: readonly CallsResult[]): string {
  const m = APPS_SCRIPT_MODEL;
  const kinds = [...new Set(results.flatMap((r) => r.operations.map(opKind)))];
  const est = results.map((r) => estimateAppsScript(r));
  const rows = kinds.map((k) => [
    k,
    ...est.map((e) => {
      const x = e.find((y) => y.operation === k);
      return x ? fmt.s(x.seconds * 1000) : '—';
    }),
  ]);
  const wall = atTheWall(results[results.length - 1]);
  return [
    '## Inside Apps Script: an estimate from these figures (a model, not a measurement)',
    '',
    `Seconds per action: ${m.secondsPerCall} s per service call, ${fmt.int(m.readCellsPerSecond)} cells/s read, ` +
      `${fmt.int(m.writtenCellsPerSecond)} cells/s written (values and formats sent cell by cell; a clear or a ` +
      `range-wide format costs its call), and ${m.cpuFactor} × the local ` +
      `runtime's time for the script's own work. Apps Script stops an execution at ${m.limitSeconds / 60} minutes.`,
    '',
    table(['action', ...results.map((r) => `${fmt.size(r.lines)} lines (s)`)], rows),
    ...(wall ? ['', wall] : []),
  ].join('\n');
}

/**
 * Segmentation at the 10M-cell wall of this layout, scaled from the biggest size measured: cells moved and
 * the script's time in proportion to the lines (they grow with the store), calls as measured (they do not).
 * An extrapolation of the model, said as such.
 */
function atTheWall(r: CallsResult): string | null {
  const o = r.operations.find((x) => opKind(x) === 'segmentation' && !x.error);
  const grid = r.sheets.reduce((n, s) => n + s.grid, 0);
  if (!o || grid === 0) return null;
  const m = APPS_SCRIPT_MODEL;
  const wallLines = Math.floor(CELL_LIMIT / (grid / r.lines) / 1000) * 1000;
  const k = wallLines / r.lines;
  const seconds =
    o.total * m.secondsPerCall +
    k *
      (o.cells.read / m.readCellsPerSecond +
        written(o) / m.writtenCellsPerSecond +
        (o.ms / 1000) * m.cpuFactor);
  return (
    `At the 10-million-cell wall of this layout (${(grid / r.lines).toFixed(1)} grid cells per order line → about ` +
    `${fmt.int(wallLines)} lines), segmentation scaled from ${fmt.size(r.lines)} (cells and script time in proportion ` +
    `to the lines, calls as measured): about ${fmt.s(seconds * 1000)} s of the ${m.limitSeconds} s limit.`
  );
}
