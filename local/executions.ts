// Concurrent executions: several server calls running at the same time against one workbook, like two
// editors of one spreadsheet. Each execution is a worker thread with its own vm context and its own copy
// of the bundle (as in Apps Script, which loads the script for every execution); every service call is a
// synchronous request to this (main) thread, which owns the workbook, the locks and the property stores.
//
// Because the main thread decides when to answer, interleaving is real and can be made deterministic:
//   schedule 'free'      answer each call as it arrives (true concurrency, nondeterministic order);
//   schedule 'lockstep'  answer one call per execution in turn (A, B, A, B, …): the worst interleaving for
//                        read-modify-write code, so a missing lock shows up as a lost update every time.
// A blocked execution (waitLock on a held lock, Utilities.sleep) steps out of the rotation until it resumes.
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { buildSync } from 'esbuild';
import { type LoadBundleOptions, resolveCode, runtimeFor } from './bundle';
import { allShapes, GasObject } from './gas/counter';
import type { Execution } from './gas/lock';
import type { Runtime } from './gas/runtime';
import type { Reply, Token, WorkerInput, WorkerMessage } from './worker/entry';

export interface ExecutionCall {
  fn: string;
  args?: unknown[];
}

export interface ExecutionOutcome {
  fn: string;
  ok: boolean;
  /** The function's result (structured-cloned out of the execution) when ok. */
  value?: unknown;
  error?: { name: string; message: string; stack?: string };
  console: string[];
}

export interface TraceEntry {
  /** Index of the execution in the calls array. */
  execution: number;
  /** 'Range.getValue', 'Lock.waitLock', … */
  call: string;
}

export interface RunConcurrentlyOptions extends Omit<LoadBundleOptions, 'now' | 'console'> {
  schedule?: 'lockstep' | 'free';
  /** Per execution; Apps Script's own limit is 6 minutes. Default 60 s. */
  timeoutMs?: number;
  /** Fixed instant for `new Date()` inside the executions. */
  now?: number;
}

export interface ConcurrentRun {
  outcomes: ExecutionOutcome[];
  trace: TraceEntry[];
  runtime: Runtime;
}

let workerSource: string | undefined;

/** The worker's code: local/worker/entry.ts bundled on first use (vitest and tsx cannot start .ts workers). */
function workerScript(): string {
  if (!workerSource) {
    const out = buildSync({
      entryPoints: [fileURLToPath(new URL('./worker/entry.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
    });
    workerSource = out.outputFiles[0].text;
  }
  return workerSource;
}

interface Pending {
  ref: number;
  method: string;
  args: unknown[];
}

class Live {
  pending: Pending | null = null;
  blocked = false;
  done = false;
  readonly console: string[] = [];
  readonly handles = new Map<number, GasObject>();
  private readonly ids = new WeakMap<GasObject, number>();
  private nextId = 1;
  outcome: ExecutionOutcome | undefined;

  constructor(
    readonly index: number,
    readonly exec: Execution,
    private readonly replies: MessagePort,
    private readonly signal: Int32Array,
  ) {}

  token(obj: GasObject): Token {
    let id = this.ids.get(obj);
    if (id === undefined) {
      id = this.nextId++;
      this.ids.set(obj, id);
      this.handles.set(id, obj);
    }
    return { __gasRef: id, cls: obj.toString() };
  }

  toWire(v: unknown): unknown {
    if (v instanceof GasObject) return this.token(v);
    if (Array.isArray(v) && v.some((x) => x instanceof GasObject)) return v.map((x) => this.toWire(x));
    return v;
  }

  fromWire(v: unknown): unknown {
    if (typeof v === 'object' && v !== null && typeof (v as Token).__gasRef === 'number') {
      const obj = this.handles.get((v as Token).__gasRef);
      if (!obj) throw new Error('Unknown object reference');
      return obj;
    }
    if (Array.isArray(v) && v.some((x) => typeof x === 'object' && x !== null && '__gasRef' in x)) {
      return v.map((x) => this.fromWire(x));
    }
    return v;
  }

  reply(r: Reply): void {
    if (this.done) return;
    try {
      this.replies.postMessage(r);
    } catch (e) {
      this.replies.postMessage({
        ok: false,
        error: { message: `cannot send the result: ${(e as Error).message}` },
      });
    }
    Atomics.store(this.signal, 0, 1);
    Atomics.notify(this.signal, 0);
  }
}

/**
 * Runs every call as its own execution, all at once, against one runtime (opts.runtime, or a new one
 * around opts.workbook), and resolves when all have finished. Locks are released when an execution ends.
 */
export async function runConcurrently(
  calls: ExecutionCall[],
  opts: RunConcurrentlyOptions = {},
): Promise<ConcurrentRun> {
  const { code, codePath } = resolveCode(opts);
  const runtime = runtimeFor(opts, codePath);
  const schedule = opts.schedule ?? 'lockstep';
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const shapes = allShapes();
  const script = workerScript();
  const trace: TraceEntry[] = [];
  const lives: Live[] = [];
  let turn = 0;

  const serve = (live: Live) => {
    const req = live.pending!;
    live.pending = null;
    const target = live.handles.get(req.ref);
    if (!target) {
      live.reply({ ok: false, error: { message: 'Unknown object reference' } });
      return;
    }
    trace.push({ execution: live.index, call: `${target.toString()}.${req.method}` });
    let args: unknown[];
    try {
      args = req.args.map((a) => live.fromWire(a));
    } catch (e) {
      live.reply({ ok: false, error: { message: (e as Error).message } });
      return;
    }
    const blocking = target._asyncVariant(req.method);
    if (blocking) {
      live.blocked = true;
      // A blocking call may also fail at once (bad arguments): that is a rejection too.
      Promise.resolve()
        .then(() => blocking(...args))
        .then(
          (value) => live.reply({ ok: true, value: live.toWire(value) }),
          (e: unknown) =>
            live.reply({ ok: false, error: { message: e instanceof Error ? e.message : String(e) } }),
        )
        .finally(() => {
          live.blocked = false;
          pump();
        });
      return;
    }
    try {
      const fn = (target as unknown as Record<string, unknown>)[req.method];
      if (typeof fn !== 'function') throw new Error(`${target.toString()}.${req.method} is not a function`);
      const value = (fn as (...a: unknown[]) => unknown).apply(target, args);
      live.reply({ ok: true, value: live.toWire(value) });
    } catch (e) {
      live.reply({ ok: false, error: { message: e instanceof Error ? e.message : String(e) } });
    }
  };

  function pump(): void {
    if (schedule === 'free') {
      for (const l of lives) if (l.pending && !l.done) serve(l);
      return;
    }
    for (;;) {
      const running = lives.filter((l) => !l.done && !l.blocked);
      if (running.length === 0 || !running.every((l) => l.pending)) return;
      let pick: Live | undefined;
      for (let k = 0; k < lives.length && !pick; k++) {
        const l = lives[(turn + k) % lives.length];
        if (!l.done && !l.blocked && l.pending) pick = l;
      }
      if (!pick) return;
      turn = (pick.index + 1) % lives.length;
      serve(pick);
    }
  }

  const finished = calls.map(
    (call, index) =>
      new Promise<void>((resolve) => {
        const exec = runtime.newExecution();
        const services = runtime.services(exec);
        const signal = new SharedArrayBuffer(4);
        const channel = new MessageChannel();
        const live = new Live(index, exec, channel.port1, new Int32Array(signal));
        const roots: Record<string, Token> = {};
        for (const [name, svc] of Object.entries(services)) roots[name] = live.token(svc);
        lives.push(live);
        const input: WorkerInput = {
          code,
          codePath,
          fn: call.fn,
          args: call.args ?? [],
          roots,
          shapes,
          signal,
          replies: channel.port2,
          now: opts.now,
        };
        const worker = new Worker(script, {
          eval: true,
          workerData: input,
          transferList: [channel.port2],
          stdout: false,
          stderr: false,
        });

        const finish = (outcome: Omit<ExecutionOutcome, 'fn' | 'console'>) => {
          if (live.done) return;
          live.done = true;
          live.outcome = { fn: call.fn, console: live.console, ...outcome };
          clearTimeout(timer);
          runtime.endExecution(exec); // releases its locks: a waiting execution may resume
          channel.port1.close();
          void worker.terminate();
          resolve();
          pump();
        };
        const timer = setTimeout(
          () =>
            finish({ ok: false, error: { name: 'Exception', message: 'Exceeded maximum execution time' } }),
          timeoutMs,
        );
        worker.on('message', (m: WorkerMessage) => {
          if (m.type === 'call') {
            live.pending = { ref: m.ref, method: m.method, args: m.args };
            pump();
          } else if (m.type === 'console') live.console.push(`${m.level}: ${m.line}`);
          else if (m.ok) finish({ ok: true, value: m.value });
          else finish({ ok: false, error: m.error });
        });
        worker.on('error', (e) =>
          finish({ ok: false, error: { name: e.name, message: e.message, stack: e.stack } }),
        );
        worker.on('exit', (code) =>
          finish({ ok: false, error: { name: 'Error', message: `worker exited (${code})` } }),
        );
      }),
  );
  await Promise.all(finished);
  return { outcomes: lives.sort((a, b) => a.index - b.index).map((l) => l.outcome!), trace, runtime };
}
