// Utilities: what Kenali calls (getUuid: an upload's id, src/gas/upload.ts) and sleep, which the lock tests'
// executions use to hold a lock while time passes (test/local/lock.test.ts); a blocked execution steps out
// of the rotation until it resumes (local/executions.ts). Nothing else is emulated: see local/README.md.
import { randomUUID } from 'node:crypto';
import { type CallCounter, defineGas, GasObject } from './counter';

/** A real, blocking sleep (Atomics.wait is allowed on Node's main thread). */
function blockingSleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const MAX_SLEEP = 300_000;

export class LocalUtilities extends GasObject {
  constructor(counter: CallCounter) {
    super(counter);
  }

  sleep(milliseconds: number): void {
    blockingSleep(checkSleep(milliseconds));
  }
  getUuid(): string {
    return randomUUID();
  }

  override _asyncVariant(method: string): ((...args: unknown[]) => Promise<unknown>) | undefined {
    if (method !== 'sleep') return undefined;
    return (ms) => {
      this._counter.hit('Utilities.sleep');
      const t = checkSleep(ms);
      return new Promise((resolve) => setTimeout(resolve, t));
    };
  }
}

function checkSleep(ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
    throw new Error('Invalid argument: milliseconds');
  if (ms > MAX_SLEEP) throw new Error(`Sleep time must be at most ${MAX_SLEEP} milliseconds.`);
  return ms;
}

defineGas(LocalUtilities, 'Utilities', [
  'sleep',
  'getUuid',
] satisfies (keyof GoogleAppsScript.Utilities.Utilities)[]);
