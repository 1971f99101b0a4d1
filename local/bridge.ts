// The server half of google.script.run for pages served locally: answers {name, args} by running the
// bundle's top-level function as one execution, with google.script.run's wire rules —
//   - only top-level functions, and not private ones (a name ending in '_');
//   - arguments and results are JSON-like: Dates, functions and other objects are refused in arguments
//     ("Failed due to illegal value in property: …"); a result that contains a Date or a function reaches
//     the page as null (Apps Script's documented behaviour), and the bridge logs a warning;
//   - `undefined` inside arrays arrives as null, object properties set to undefined disappear;
//   - a thrown error reaches the failure handler as an Error with the same message.
import type { Bundle } from './bundle';

export interface BridgeRequest {
  name: string;
  args: unknown[];
}

export type BridgeResponse =
  | { ok: true; value: unknown }
  | { ok: false; error: { name: string; message: string } };

export type Transport = (name: string, args: unknown[]) => Promise<BridgeResponse>;

export interface BridgeOptions {
  /** Called with a warning (e.g. a Date in a result turned into null). Default: nothing. */
  warn?: (message: string) => void;
}

/** The first value google.script.run refuses in `v` (path like '0.createdAt'), or null. */
export function illegalValuePath(v: unknown, path = ''): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
  if (Object.prototype.toString.call(v) === '[object Date]') return path;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = illegalValuePath(v[i], path ? `${path}.${i}` : String(i));
      if (p !== null) return p;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(v);
  // Plain objects only (from any realm: the bundle's Object.prototype is not ours).
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return path;
  for (const k of Object.keys(v as object)) {
    const p = illegalValuePath((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
    if (p !== null) return p;
  }
  return null;
}

function jsonClone(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

export function createBridge(bundle: Bundle, opts: BridgeOptions = {}): Transport {
  return async (name, args) => {
    await new Promise((r) => setImmediate(r)); // google.script.run is never synchronous
    const fail = (message: string, errName = 'Error'): BridgeResponse => ({
      ok: false,
      error: { name: errName, message },
    });
    if (typeof name !== 'string' || name.endsWith('_') || !bundle.has(name)) {
      return fail(`Script function not found: ${String(name)}`, 'ScriptError');
    }
    if (!Array.isArray(args)) return fail('Invalid arguments');
    const bad = illegalValuePath(args);
    if (bad !== null) return fail(`Failed due to illegal value in property: ${bad}`);
    let result: unknown;
    try {
      result = bundle.call(name, ...(jsonClone(args) as unknown[]));
    } catch (e) {
      const err = e as { name?: unknown; message?: unknown };
      return fail(String(err?.message ?? e), typeof err?.name === 'string' ? err.name : 'Error');
    }
    const illegal = illegalValuePath(result);
    if (illegal !== null) {
      opts.warn?.(
        `${name}: result contains a value google.script.run cannot send (at '${illegal}'): the page gets null`,
      );
      return { ok: true, value: null };
    }
    return { ok: true, value: jsonClone(result) };
  };
}

/** The same bridge over JSON text, for an HTTP endpoint: body '{"name":…,"args":[…]}' → response JSON. */
export function createJsonBridge(
  bundle: Bundle,
  opts: BridgeOptions = {},
): (body: string) => Promise<string> {
  const bridge = createBridge(bundle, opts);
  return async (body) => {
    let req: BridgeRequest;
    try {
      req = JSON.parse(body) as BridgeRequest;
    } catch {
      return JSON.stringify({
        ok: false,
        error: { name: 'Error', message: 'Bad request' },
      } satisfies BridgeResponse);
    }
    return JSON.stringify(await bridge(req?.name, req?.args));
  };
}
