// The sidebar's only way to reach the server: a typed promise wrapper over google.script.run.
// Types come from the server functions' own signatures (type-only import: no server code is bundled).
import type { ServerApi } from '../../src/gas/api';
import type { UploadApi } from '../../src/gas/upload';

type Api = ServerApi & UploadApi;

/**
 * What google.script.run carries: JSON-like values. A Date (or a function) becomes null on the way, so it
 * maps to `never` here; the check below then refuses to compile a server function whose arguments or
 * result hold one, instead of the page receiving null at run time.
 */
export type Jsonify<T> = T extends Date | ((...args: never[]) => unknown)
  ? never
  : T extends string | number | boolean | null | undefined
    ? T
    : T extends readonly (infer U)[]
      ? Jsonify<U>[]
      : { [K in keyof T]: Jsonify<T[K]> };

type IsWire<T> = [T] extends [Jsonify<T>] ? true : false;
type AllTrue<T extends Record<keyof Api, true>> = T;
/** Compile-time only: every server function's arguments and result survive the wire unchanged. */
export type WireCheck = AllTrue<{
  [K in keyof Api]: IsWire<ReturnType<Api[K]>> extends true ? IsWire<Parameters<Api[K]>> : false;
}>;

export type ServerCall = {
  [K in keyof Api]: (...args: Parameters<Api[K]>) => Promise<Jsonify<ReturnType<Api[K]>>>;
};

/** Each function of a server API as a Promise of exactly its result, unchecked (see serverFor). */
export type CallsOf<A> = {
  [K in keyof A]: A[K] extends (...args: infer P) => infer R ? (...args: P) => Promise<R> : never;
};

type Runner = {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: Error) => void): Runner;
} & Record<string, (...args: unknown[]) => void>;

function runner(): Runner {
  const g = (globalThis as unknown as { google?: { script?: { run?: unknown } } }).google;
  if (!g?.script?.run) throw new Error('google.script.run is not available');
  return g.script.run as Runner;
}

/** google.script.run hands the failure handler an Error; keep its message even when it comes from another
 *  realm (an Error made outside this frame is not `instanceof` ours) or is a bare string. */
function asError(e: unknown): Error {
  if (e instanceof Error) return e;
  const message = (e as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' ? message : String(e));
}

function call(name: string, args: unknown[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const r = runner()
      .withSuccessHandler((v) => resolve(v))
      .withFailureHandler((e) => reject(asError(e)));
    const fn = r[name];
    if (typeof fn !== 'function') {
      reject(new Error(`server function ${name} is not available`));
      return;
    }
    fn.apply(r, args);
  });
}

/** server.getNamingQueue(), server.saveBuyerName(key, name), … each returns a Promise. */
export const server: ServerCall = new Proxy({} as ServerCall, {
  get: (_t, name) => {
    // Not a thenable (so `await server` or returning it from an async function stays harmless).
    if (typeof name !== 'string' || name === 'then') return undefined;
    return (...args: unknown[]) => call(name, args);
  },
});

/** The same client typed from another group of server functions without the wire check: the
 *  self-check's (src/gas/selfcheck.ts), which sends a Date and undefined on purpose to see what arrives. */
export function serverFor<Api>(): CallsOf<Api> {
  return server as unknown as CallsOf<Api>;
}
