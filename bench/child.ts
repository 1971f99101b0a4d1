// Runs one benchmark part in a fresh Node process, so each size starts from an empty heap, and collects
// the JSON result the child prints after RESULT_MARKER (its progress goes to our stderr as it happens).
import { spawn } from 'node:child_process';
import { RESULT_MARKER } from './shared';

export interface ChildRun<T> {
  result: T | null;
  wallMs: number;
  exitCode: number | null;
  /** The child's stdout without the result line, and the tail of its stderr when it failed. */
  stdout: string;
  stderrTail: string;
}

export function runNode<T>(
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; echoStderr?: boolean } = {},
): Promise<ChildRun<T>> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      err = (err + d).slice(-20_000);
      if (opts.echoStderr !== false) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - start;
      let result: T | null = null;
      const kept: string[] = [];
      for (const line of out.split('\n')) {
        if (line.startsWith(RESULT_MARKER)) result = JSON.parse(line.slice(RESULT_MARKER.length)) as T;
        else if (line !== '') kept.push(line);
      }
      resolve({ result, wallMs, exitCode: code, stdout: kept.join('\n'), stderrTail: err.slice(-2000) });
    });
  });
}

/** A bench part under tsx, with --expose-gc so the child can measure after a full collection. */
export function runPart<T>(script: string, args: readonly string[], nodeFlags: readonly string[] = []) {
  return runNode<T>(['--import', 'tsx', '--expose-gc', ...nodeFlags, script, ...args]);
}
