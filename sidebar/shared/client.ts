// The sidebar's only way to reach the server: a typed promise wrapper over google.script.run.
// Types come from the server functions' own signatures (type-only import: no server code is bundled).
import type { ServerApi } from '../../src/gas/api';

/** Each server function of `Api` as a function returning a Promise of its result. */
export type CallsOf<Api> = {
  [K in keyof Api]: Api[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never;
};

export type ServerCall = CallsOf<ServerApi>;

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

/** The same client typed from another group of server functions (the self-check's, src/gas/selfcheck.ts). */
export function serverFor<Api>(): CallsOf<Api> {
  return server as unknown as CallsOf<Api>;
}
