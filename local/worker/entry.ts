// One execution in a worker thread (see ../executions.ts). The bundle runs in its own Apps Script-like
// vm context here; every service call is a synchronous round trip to the main thread, which owns the
// workbook: this thread posts the call and blocks on Atomics.wait until the main thread has answered.
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { GasContext } from '../context';
import type { Backend, Shape } from '../membrane';

export interface Token {
  __gasRef: number;
  cls: string;
}

export interface WorkerInput {
  code: string;
  codePath: string;
  fn: string;
  args: unknown[];
  roots: Record<string, Token>;
  shapes: Record<string, Shape>;
  signal: SharedArrayBuffer;
  replies: MessagePort;
  now?: number;
}

export type WorkerMessage =
  | { type: 'call'; ref: number; method: string; args: unknown[] }
  | { type: 'console'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; line: string }
  | { type: 'done'; ok: true; value: unknown }
  | { type: 'done'; ok: false; error: { name: string; message: string; stack?: string } };

export type Reply = { ok: true; value: unknown } | { ok: false; error: { message: string } };

const input = workerData as WorkerInput;
const port = parentPort!;
const signal = new Int32Array(input.signal);

function rpc(ref: number, method: string, args: unknown[]): unknown {
  Atomics.store(signal, 0, 0);
  port.postMessage({ type: 'call', ref, method, args } satisfies WorkerMessage);
  let reply: { message: Reply } | undefined;
  for (;;) {
    Atomics.wait(signal, 0, 0, 1000);
    reply = receiveMessageOnPort(input.replies) as { message: Reply } | undefined;
    if (reply) break;
  }
  if (!reply.message.ok) throw new Error(reply.message.error.message);
  return reply.message.value;
}

const backend: Backend = {
  isRef: (v) => typeof (v as Token).__gasRef === 'number',
  shape: (ref) => input.shapes[(ref as Token).cls],
  invoke: (ref, method, args) => rpc((ref as Token).__gasRef, method, args),
};

function errorInfo(e: unknown): { name: string; message: string; stack?: string } {
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const err = e as Error;
    return { name: String(err.name), message: String(err.message), stack: err.stack };
  }
  return { name: 'Error', message: String(e) };
}

try {
  const gas = new GasContext({
    backend,
    services: input.roots as unknown as Record<string, object>,
    console: (level, line) => port.postMessage({ type: 'console', level, line } satisfies WorkerMessage),
    now: input.now,
  });
  gas.run(input.code, input.codePath);
  const value = gas.call(input.fn, input.args);
  try {
    port.postMessage({ type: 'done', ok: true, value } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({
      type: 'done',
      ok: false,
      error: { name: 'Error', message: `result cannot leave the execution: ${errorInfo(e).message}` },
    } satisfies WorkerMessage);
  }
} catch (e) {
  port.postMessage({ type: 'done', ok: false, error: errorInfo(e) } satisfies WorkerMessage);
}
