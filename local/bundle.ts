// Loads the deployable bundle (dist/Code.js) into an Apps Script-like vm context bound to a local
// spreadsheet, in this process. Each bundle.call(name, …args) is one execution, run synchronously: the
// context (and any top-level state) persists between calls, unlike Apps Script, which loads the script
// afresh for every execution. For truly concurrent executions see executions.ts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ConsoleSink, GasContext } from './context';
import { GasObject, shapeOf } from './gas/counter';
import type { Execution } from './gas/lock';
import { DIST_DIR, Runtime, type RuntimeOptions } from './gas/runtime';
import type { Backend } from './membrane';

export interface LoadBundleOptions extends RuntimeOptions {
  /** Share a runtime (workbook, locks, properties) with other bundles or executions. */
  runtime?: Runtime;
  /** Default dist/Code.js. */
  codePath?: string;
  /** The script's source text, instead of reading codePath. */
  code?: string;
  /** Fixed instant (ms) or clock for `new Date()` / `Date.now()` inside the bundle. */
  now?: number | (() => number);
  /** 'capture' (default) keeps console output in bundle.console; 'forward' also prints it. */
  console?: 'capture' | 'forward';
}

/** In-process backend: references are the service objects themselves. */
export const directBackend: Backend = {
  isRef: (v) => v instanceof GasObject,
  shape(ref) {
    const s = shapeOf(ref);
    if (!s) throw new Error(`not an Apps Script object: ${String(ref)}`);
    return s;
  },
  invoke(ref, method, args) {
    return (ref as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args);
  },
};

export function resolveCode(opts: { code?: string; codePath?: string }): { code: string; codePath: string } {
  const codePath = opts.codePath ?? join(DIST_DIR, 'Code.js');
  if (opts.code !== undefined) return { code: opts.code, codePath };
  if (!existsSync(codePath)) throw new Error(`${codePath} not found: run \`node build.mjs\` first`);
  return { code: readFileSync(codePath, 'utf8'), codePath };
}

export function runtimeFor(opts: LoadBundleOptions, codePath: string): Runtime {
  return (
    opts.runtime ??
    new Runtime({
      ...opts,
      htmlDir: opts.htmlDir ?? dirname(codePath),
    })
  );
}

export class Bundle {
  readonly runtime: Runtime;
  readonly gas: GasContext;
  readonly codePath: string;
  /** console output of the bundle, as 'level: text'. */
  readonly console: string[] = [];
  private readonly exec: Execution;

  constructor(opts: LoadBundleOptions = {}) {
    const { code, codePath } = resolveCode(opts);
    this.codePath = codePath;
    this.runtime = runtimeFor(opts, codePath);
    this.exec = this.runtime.newExecution();
    const services = this.runtime.services(this.exec);
    const sink: ConsoleSink = (level, line) => {
      this.console.push(`${level}: ${line}`);
      if (opts.console === 'forward') console[level](`[bundle] ${line}`);
    };
    this.gas = new GasContext({
      backend: directBackend,
      services: { ...services },
      console: sink,
      now: opts.now,
    });
    this.inExecution(() => this.gas.run(code, codePath));
  }

  get workbook() {
    return this.runtime.workbook;
  }
  get ui() {
    return this.runtime.workbook.ui;
  }
  get counter() {
    return this.runtime.counter;
  }

  /** Top-level functions of the bundle. */
  functionNames(): string[] {
    return this.gas.functionNames();
  }

  has(name: string): boolean {
    return this.gas.functionNames().includes(name);
  }

  /** Runs one execution of a top-level function; the result is the bundle's own value (its realm). */
  call<T = unknown>(name: string, ...args: unknown[]): T {
    return this.inExecution(() => this.gas.call(name, args) as T);
  }

  private inExecution<T>(fn: () => T): T {
    this.exec.id = this.runtime.newExecution().id;
    try {
      return fn();
    } finally {
      this.runtime.endExecution(this.exec);
    }
  }
}

export function loadBundle(opts: LoadBundleOptions = {}): Bundle {
  return new Bundle(opts);
}
