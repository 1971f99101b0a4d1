// What every benchmark part agrees on: one synthetic shop (seed, zone, "now"), so the sizes and parts
// measure the same data, and the JSON line a child process hands back to bench/run.ts.
import { epochFromLocal } from '../src/core/time';

export const TZ = 'Asia/Jakarta';
export const SEED = 20240501;
/** The demo shop's "now" and the run date of every segmentation (the CLI's --today). */
export const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);
export const TODAY = '2024-06-30';

/** Children print their result as the last stdout line, after this marker. */
export const RESULT_MARKER = '@@bench-result ';

export function emitResult(result: unknown): void {
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

export const MB = 1024 * 1024;

/** Process's peak resident set so far, in bytes (the kernel's figure: catches peaks between samples). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Runs a full collection when the process was started with --expose-gc (the children are). */
export function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export function progress(message: string): void {
  process.stderr.write(`  · ${message}\n`);
}
