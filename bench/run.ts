// `npm run bench` (builds dist/ first): how fast, how big, and how it grows. Prints tables, asserts
// nothing (these machines are noisy: compare ratios measured in the same run, not absolute times).
//   --quick     core at 10k/100k, the store at 1k/10k, CLI at 100k, upload at 10k (a fast check)
//   --cli       only the CLI's one-shot segment and its peers (pandas, DuckDB), on the 1M-line CSV
//   --results   also write the report to bench/RESULTS.md
// Each size runs in its own child process so sizes do not share a heap.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR } from '../local';
import type { CallsResult } from './calls';
import { runPart } from './child';
import { benchCli, type CliFigures } from './cli';
import type { PipelineResult } from './pipeline';
import { peerTargets, renderCalls, renderCli, renderEstimate, renderPipeline, renderTargets } from './report';
import { table } from './table';
import { renderUpload, type UploadFigures } from './upload';

const USAGE = 'usage: npm run bench [-- --quick] [-- --cli] [-- --results]';

async function pipelineAt(lines: number): Promise<PipelineResult> {
  // Headroom above V8's default heap limit, so the 1M child measures the pipeline, not a heap at its limit.
  const run = await runPart<PipelineResult>(
    'bench/pipeline.ts',
    [String(lines)],
    ['--max-old-space-size=8192'],
  );
  if (!run.result)
    throw new Error(`pipeline at ${lines} lines failed (exit ${run.exitCode}):\n${run.stderrTail}`);
  return run.result;
}

async function uploadAt(lines: number): Promise<UploadFigures> {
  const run = await runPart<UploadFigures>('bench/upload.ts', [String(lines)]);
  if (!run.result)
    throw new Error(`upload at ${lines} lines failed (exit ${run.exitCode}):\n${run.stderrTail}`);
  return run.result;
}

async function callsAt(lines: number): Promise<CallsResult> {
  // Headroom: at 300k lines the child holds the export (14M cells) besides the workbook.
  const run = await runPart<CallsResult>('bench/calls.ts', [String(lines)], ['--max-old-space-size=8192']);
  if (!run.result)
    throw new Error(`calls at ${lines} lines failed (exit ${run.exitCode}):\n${run.stderrTail}`);
  return run.result;
}

function machine(): string {
  const cpu = cpus();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${cpu.length} × ${cpu[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, load average at start ${load}`;
}

async function main(argv: string[]): Promise<void> {
  for (const a of argv) {
    if (a !== '--quick' && a !== '--results' && a !== '--cli') {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const quick = argv.includes('--quick');
  const cliOnly = argv.includes('--cli');
  if (cliOnly && argv.includes('--results')) {
    process.stderr.write(`--cli runs one section: RESULTS.md keeps the full bench\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (!existsSync(join(DIST_DIR, 'Code.js'))) {
    process.stderr.write('dist/Code.js is missing: run `node build.mjs` (npm run bench does).\n');
    process.exitCode = 1;
    return;
  }
  const started = new Date();
  const pipelineSizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const callSizes = quick ? [1_000, 10_000] : [10_000, 100_000, 300_000];
  const cliLines = quick ? 100_000 : 1_000_000;

  const header = [
    `# Kenali benchmarks${quick ? ' (quick)' : ''}`,
    '',
    `- date: ${started.toISOString()}`,
    `- machine: ${machine()}`,
    `- command: npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
    '- data: the demo generator (src/core/demo.ts), seed 20240501, Asia/Jakarta, now 2024-06-30 10:00',
  ].join('\n');
  process.stdout.write(`${header}\n\n`);

  const sections: string[] = [];
  const emit = (text: string) => {
    sections.push(text);
    process.stdout.write(`${text}\n\n`);
  };

  if (cliOnly) {
    const cli = await benchCli(cliLines);
    emit(renderCli(cli));
    emit(
      [
        '## Targets (printed, not asserted)',
        '',
        table(['target', 'measured', 'verdict'], peerTargets(cli), ['l', 'l', 'l']),
      ].join('\n'),
    );
    return;
  }

  const pipeline: PipelineResult[] = [];
  for (const n of pipelineSizes) pipeline.push(await pipelineAt(n));
  emit(renderPipeline(pipeline));

  const calls: CallsResult[] = [];
  for (const n of callSizes) calls.push(await callsAt(n));
  emit(renderCalls(calls));
  emit(renderEstimate(calls));

  const cli: CliFigures = await benchCli(cliLines);
  emit(renderCli(cli));

  emit(renderTargets({ pipeline, calls, cli }));

  emit(renderUpload(await uploadAt(quick ? 10_000 : 100_000)));

  const elapsed = (Date.now() - started.getTime()) / 1000;
  const footer = `Bench took ${elapsed.toFixed(0)} s; load average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}.`;
  process.stdout.write(`${footer}\n`);
  if (argv.includes('--results')) {
    const path = join('bench', 'RESULTS.md');
    writeFileSync(path, `${header}\n\n${sections.join('\n\n')}\n\n${footer}\n`);
    process.stdout.write(`written ${path}\n`);
  }
}

main(process.argv.slice(2)).catch((e) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
