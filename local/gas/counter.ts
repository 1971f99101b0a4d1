// Every Apps Script service call costs a round trip to Google's servers, so the product must make
// a constant number of them per operation. The counter records each call by 'Class.method' so tests can
// assert that, and the registry below is the single list of what the local runtime exposes to a bundle.

/** Which calls a fault applies to: one label ('Range.setValues'), a pattern, or any test. */
export type CallMatch = string | RegExp | ((label: string) => boolean);

interface Fault {
  test: (label: string) => boolean;
  /** Matching calls still to let through before the action runs. */
  skip: number;
  action: (label: string) => void;
}

/** What an injected failure throws (Apps Script reports a failed service call much like this). */
export const INJECTED_FAULT_MESSAGE = 'Service Spreadsheets failed while accessing document (injected fault)';

export class CallCounter {
  private counts = new Map<string, number>();
  private faults: Fault[] = [];
  /** Set once a sticky fault fired: every later call fails, as after Apps Script stops an execution. */
  private dead: string | null = null;

  hit(label: string): void {
    this.counts.set(label, (this.counts.get(label) ?? 0) + 1);
    if (this.dead !== null) throw new Error(this.dead);
    if (this.faults.length > 0) this.fire(label);
  }

  // ---- fault injection (tests): a service call that fails, or a person editing meanwhile ----

  /**
   * Runs `action` just before the `nth` call (1-based, counted from now) whose 'Class.method' label
   * matches. If the action throws, that call fails without any effect, as a failed service call does;
   * otherwise the call goes on (e.g. the action edits the workbook as another editor would). One-shot.
   */
  at(match: CallMatch, nth: number, action: (label: string) => void): void {
    if (!Number.isInteger(nth) || nth < 1) throw new Error(`at: nth must be a whole number >= 1 (${nth})`);
    const test =
      typeof match === 'string'
        ? (l: string) => l === match
        : match instanceof RegExp
          ? (l: string) => match.test(l)
          : match;
    this.faults.push({ test, skip: nth - 1, action });
  }

  /**
   * The `nth` matching call throws `message`. `sticky`: that call and every later one (of any execution)
   * fail until clearFaults() — an execution stopped dead (Apps Script's 6-minute limit), where no catch
   * block of the script can repair anything.
   */
  failOn(match: CallMatch, nth = 1, opts: { message?: string; sticky?: boolean } = {}): void {
    const message = opts.message ?? INJECTED_FAULT_MESSAGE;
    this.at(match, nth, (label) => {
      const text = `${message} [${label}]`;
      if (opts.sticky) this.dead = text;
      throw new Error(text);
    });
  }

  /** Removes pending faults and ends a sticky failure. */
  clearFaults(): void {
    this.faults = [];
    this.dead = null;
  }

  /** Faults that have not fired yet. */
  pendingFaults(): number {
    return this.faults.length;
  }

  private fire(label: string): void {
    const due: Fault[] = [];
    for (const f of this.faults) {
      if (!f.test(label)) continue;
      if (f.skip > 0) f.skip--;
      else due.push(f);
    }
    if (due.length === 0) return;
    this.faults = this.faults.filter((f) => !due.includes(f));
    for (const f of due) f.action(label);
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
