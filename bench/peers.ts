// The tools an analyst would use instead of `kenali segment`, on the same CSV in the same run: a pandas
// script (Debian's python3-pandas) and a DuckDB SQL script (npm @duckdb/node-api, never a dependency of
// Kenali: `npm i --no-save @duckdb/node-api@1.5.6-r.1`). Each runs when available and is skipped with a
// message otherwise. Their segments are checked against Kenali's, field by field (bench/peers/README.md).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { neutraliseFormula } from '../local/cli/output';
import { forEachCsvRecord } from '../local/files';
import { CANONICAL_HEADER, SEGMENT_COLUMNS } from '../src/core/segments';
import { runNode } from './child';
import { progress, TODAY, TZ } from './shared';

const PYTHON = '/usr/bin/python3';
/** bench/peers/duckdb.mjs's exit code when the module is not installed. */
const DUCKDB_MISSING = 3;

export interface PeerFigures {
  name: string;
  /** How it ran, for the table's first column. */
  command: string;
  /** null: skipped (`skipped` says why). */
  wallMs: number | null;
  cpuMs: number;
  maxRss: number;
  skipped: string | null;
  /** Its segments against Kenali's. */
  check: SegmentsCheck | null;
  stderrTail: string;
}

export interface SegmentsCheck {
  identical: boolean;
  customers: number;
  /** The first difference, in words. */
  difference: string | null;
}

/** The fields the peers write, by header name: Kenali's canonical columns but `name` (the username when no
 *  profile names the buyer: the one-shot never has profiles). */
const FIELDS = SEGMENT_COLUMNS.filter((c) => c !== 'name').map((c) => CANONICAL_HEADER[c]);

function readTable(path: string, neutralise: boolean): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  let at: number[] = [];
  forEachCsvRecord(path, (rec) => {
    const cells = rec.all();
    if (rec.row === 1) {
      at = FIELDS.map((f) => cells.indexOf(f));
      const missing = FIELDS.filter((_, i) => at[i] < 0);
      if (missing.length > 0) throw new Error(`${path}: no column ${missing.join(', ')}`);
      return;
    }
    // Kenali writes text that looks like a formula with a leading apostrophe (output.ts); so does this.
    const values = at.map((j, i) => (neutralise && i < 3 ? neutraliseFormula(cells[j]) : cells[j]));
    rows.set(values[0], values);
  });
  return rows;
}

/** Kenali's segments against a peer's: the same customers with the same values in every field. */
export function compareSegments(kenaliCsv: string, peerCsv: string): SegmentsCheck {
  const ours = readTable(kenaliCsv, false);
  const theirs = readTable(peerCsv, true);
  const describe = (key: string, field: string, a: string, b: string) =>
    `${key}: ${field} is ${JSON.stringify(a)} in Kenali's, ${JSON.stringify(b)} in the peer's`;
  for (const [key, row] of ours) {
    const other = theirs.get(key);
    if (!other)
      return { identical: false, customers: ours.size, difference: `${key}: missing from the peer's` };
    for (let i = 1; i < FIELDS.length; i++) {
      if (row[i] !== other[i])
        return {
          identical: false,
          customers: ours.size,
          difference: describe(key, FIELDS[i], row[i], other[i]),
        };
    }
  }
  if (theirs.size !== ours.size) {
    const extra = [...theirs.keys()].find((k) => !ours.has(k));
    return { identical: false, customers: ours.size, difference: `${extra}: not in Kenali's` };
  }
  return { identical: true, customers: ours.size, difference: null };
}

function pandasAvailable(): string | null {
  const r = spawnSync(PYTHON, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
  if (r.error) return null;
  return r.status === 0 ? r.stdout.trim() : null;
}

/** A non-Node child, timed from spawn to exit, with the rusage it writes itself (BENCH_RUSAGE_FILE). */
function runTimed(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; exitCode: number | null; stderrTail: string }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err = (err + d).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ wallMs: performance.now() - start, exitCode: code, stderrTail: err.slice(-2000) }),
    );
  });
}

function usageOf(path: string): { maxRss: number; cpuMs: number } {
  try {
    const u = JSON.parse(readFileSync(path, 'utf8'));
    return { maxRss: u.maxRss, cpuMs: u.userMs + u.systemMs };
  } catch {
    return { maxRss: Number.NaN, cpuMs: Number.NaN };
  }
}

function skipped(name: string, command: string, why: string): PeerFigures {
  progress(`${name}: skipped (${why})`);
  return {
    name,
    command,
    wallMs: null,
    cpuMs: Number.NaN,
    maxRss: Number.NaN,
    skipped: why,
    check: null,
    stderrTail: '',
  };
}

async function pandas(csv: string, kenaliOut: string, dir: string): Promise<PeerFigures> {
  const command = 'python3 bench/peers/segment_pandas.py';
  const version = pandasAvailable();
  if (version === null)
    return skipped('pandas', command, `no pandas for ${PYTHON} (apt-get install -y python3-pandas)`);
  progress(`pandas ${version}: segment`);
  const out = join(dir, 'pandas.csv');
  const rusage = join(dir, 'pandas-rusage.json');
  const run = await runTimed(PYTHON, ['bench/peers/segment_pandas.py', csv, out, TODAY, TZ], {
    BENCH_RUSAGE_FILE: rusage,
  });
  return finished(`pandas ${version}`, command, run, usageOf(rusage), kenaliOut, out);
}

async function duckdb(csv: string, kenaliOut: string, dir: string): Promise<PeerFigures> {
  const command = 'node bench/peers/duckdb.mjs (segment.sql)';
  const out = join(dir, 'duckdb.csv');
  const rusage = join(dir, 'duckdb-rusage.json');
  progress('duckdb: segment');
  const start = performance.now();
  const run = await runNode(
    ['--import', './bench/rusage.mjs', 'bench/peers/duckdb.mjs', csv, out, TODAY, TZ],
    { env: { BENCH_RUSAGE_FILE: rusage }, echoStderr: false },
  );
  const wallMs = performance.now() - start;
  if (run.exitCode === DUCKDB_MISSING) return skipped('DuckDB', command, run.stderrTail.trim());
  let version = '';
  try {
    version = JSON.parse(readFileSync('node_modules/@duckdb/node-api/package.json', 'utf8')).version;
  } catch {
    // the version is only a label
  }
  return finished(`DuckDB ${version}`.trim(), command, { ...run, wallMs }, usageOf(rusage), kenaliOut, out);
}

function finished(
  name: string,
  command: string,
  run: { wallMs: number; exitCode: number | null; stderrTail: string },
  usage: { maxRss: number; cpuMs: number },
  kenaliOut: string,
  out: string,
): PeerFigures {
  if (run.exitCode !== 0) {
    return {
      name,
      command,
      wallMs: null,
      ...usage,
      skipped: `failed (exit ${run.exitCode})`,
      check: null,
      stderrTail: run.stderrTail,
    };
  }
  const check = compareSegments(kenaliOut, out);
  progress(
    `${name}: ${(run.wallMs / 1000).toFixed(1)} s, segments ${check.identical ? 'identical' : 'DIFFER'}`,
  );
  return { name, command, wallMs: run.wallMs, ...usage, skipped: null, check, stderrTail: '' };
}

/** Runs every peer on `csv`; `kenaliOut` is Kenali's output for the same CSV, to check theirs against. */
export async function runPeers(csv: string, kenaliOut: string, dir: string): Promise<PeerFigures[]> {
  return [await pandas(csv, kenaliOut, dir), await duckdb(csv, kenaliOut, dir)];
}
