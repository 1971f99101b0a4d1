// Running the CLI as a seller does (a child process) and writing its input files: shared by the CLI suites.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, Grid } from '../../src/core/types';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run kenali -- …args`, without npm. */
export function kenali(...args: string[]): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'local/cli/main.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const field = (v: CellValue) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** Writes `grid` as a CSV file (CRLF, as Excel writes it) in `dir`; returns its path. */
export function writeCsvIn(dir: string, name: string, grid: Grid): string {
  const p = join(dir, name);
  writeFileSync(p, `${grid.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`);
  return p;
}
