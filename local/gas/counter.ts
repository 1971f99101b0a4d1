// Every Apps Script service call costs a round trip (≈0.2 s on a real spreadsheet), so the product must make
// a constant number of them per operation. The counter records each call by 'Class.method' so tests can
// assert that, and the registry below is the single list of what the local runtime exposes to a bundle.

export class CallCounter {
  private counts = new Map<string, number>();

  hit(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
  }

  get(label: string): number {
    return this.counts.get(label) ?? 0;
  }

  /** Calls so far, by 'Class.method', keys sorted. */
  snapshot(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const k of [...this.counts.keys()].sort()) out[k] = this.counts.get(k)!;
    return out;
  }

  /** Sum of all calls, or of those whose label passes `filter` (e.g. l => l.startsWith('Range.')). */
  total(filter?: (label: string) => boolean): number {
    let n = 0;
    for (const [k, v] of this.counts) if (!filter || filter(k)) n += v;
    return n;
  }

  reset(): void {
    this.counts.clear();
  }

  /** Runs `fn` and reports only the calls it made (the counter keeps counting cumulatively). */
  measure<T>(fn: () => T): { result: T; calls: Record<string, number>; total: number } {
    const before = new Map(this.counts);
    const result = fn();
    const calls: Record<string, number> = {};
    let total = 0;
    for (const k of [...this.counts.keys()].sort()) {
      const d = this.counts.get(k)! - (before.get(k) ?? 0);
      if (d > 0) {
        calls[k] = d;
        total += d;
      }
    }
    return { result, calls, total };
  }
}

/** Base of every object a bundle can see (SpreadsheetApp, Sheet, Range, Lock, …). */
export abstract class GasObject {
  protected constructor(readonly _counter: CallCounter) {}

  /** Apps Script prints host objects by class name (String(sheet) === 'Sheet'). */
  toString(): string {
    return shapeOf(this)?.cls ?? 'Object';
  }

  /** Non-blocking twin of a blocking method (Lock.waitLock, Utilities.sleep) for worker executions. */
  _asyncVariant(_method: string): ((...args: unknown[]) => Promise<unknown>) | undefined {
    return undefined;
  }
}

export interface GasShape {
  cls: string;
  methods: readonly string[];
  /** Enum-like constants (Utilities.DigestAlgorithm, ui.Button, …): plain data. */
  data: Readonly<Record<string, unknown>>;
}

const shapes = new Map<object, GasShape>();
const shapesByClass = new Map<string, GasShape>();

type GasCtor = abstract new (...args: never[]) => GasObject;

/**
 * Declares the Apps Script surface of a class: only these methods are visible to a bundle, and each call
 * is counted as `${cls}.${method}`. Internal calls between the runtime's own objects go through helpers
 * that are not in the list, so one service call counts once.
 */
export function defineGas(
  ctor: GasCtor,
  cls: string,
  methods: readonly string[],
  data: Record<string, unknown> = {},
): void {
  const proto = ctor.prototype as Record<string, unknown>;
  for (const m of methods) {
    const orig = proto[m];
    if (typeof orig !== 'function') throw new Error(`defineGas: ${cls}.${m} is not implemented`);
    const label = `${cls}.${m}`;
    const wrapped = function (this: GasObject, ...args: unknown[]) {
      this._counter.hit(label);
      return (orig as (...a: unknown[]) => unknown).apply(this, args);
    };
    Object.defineProperty(wrapped, 'name', { value: m });
    proto[m] = wrapped;
  }
  for (const [k, v] of Object.entries(data)) {
    Object.defineProperty(proto, k, { value: v, enumerable: false });
  }
  const shape: GasShape = { cls, methods: [...methods], data };
  shapes.set(proto, shape);
  shapesByClass.set(cls, shape);
}

export function shapeOf(obj: object): GasShape | undefined {
  for (let p = Object.getPrototypeOf(obj); p; p = Object.getPrototypeOf(p)) {
    const s = shapes.get(p);
    if (s) return s;
  }
  return undefined;
}

/** Every registered class (sent to worker executions once, so proxies there know each class's shape). */
export function allShapes(): Record<string, GasShape> {
  return Object.fromEntries(shapesByClass);
}

/** An enum whose values are their own names: `ui.Button.OK == 'OK'`, printable like Apps Script's. */
export function gasEnum<const K extends string>(...names: K[]): { readonly [P in K]: P } {
  const o = {} as { [P in K]: P };
  for (const n of names) o[n] = n;
  return Object.freeze(o);
}
