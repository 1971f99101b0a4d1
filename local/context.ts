// A vm context that looks like Apps Script's V8: the ECMAScript built-ins (Intl included) plus the service
// globals and console — no require, process, module, Buffer, window, fetch, TextEncoder or setTimeout, so a
// bundle that needs one of them fails here as it would in Apps Script. Shared by in-process bundles and
// worker executions (only Node built-ins are imported).
import { format } from 'node:util';
import vm from 'node:vm';
import { type Backend, Membrane, type Realm } from './membrane';

export type ConsoleSink = (level: 'log' | 'info' | 'warn' | 'error' | 'debug', line: string) => void;

export interface GasContextOptions {
  backend: Backend;
  /** Global name → host reference, e.g. { SpreadsheetApp: <ref>, … }. */
  services: Record<string, object>;
  console: ConsoleSink;
  /** A fixed (number) or moving (function) clock for `new Date()` and `Date.now()` inside the bundle. */
  now?: number | (() => number);
}

export class GasContext {
  readonly context: vm.Context;
  readonly membrane: Membrane;
  readonly global: Record<string, unknown>;
  private readonly installed: Set<string>;

  constructor(opts: GasContextOptions) {
    this.context = vm.createContext({}, { name: 'Apps Script (local)' });
    const realm = vm.runInContext('({ Array, Date, Object, Error })', this.context) as Realm;
    this.global = vm.runInContext('globalThis', this.context) as Record<string, unknown>;
    this.membrane = new Membrane(realm, opts.backend);
    for (const [name, ref] of Object.entries(opts.services)) this.global[name] = this.membrane.wrap(ref);
    const con = new realm.Object() as Record<string, unknown>;
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      con[level] = (...args: unknown[]) => opts.console(level, format(...args));
    }
    this.global.console = con;
    if (opts.now !== undefined) installClock(this.context, opts.now);
    this.installed = new Set([...Object.keys(opts.services), 'console']);
  }

  /** Runs a script (e.g. dist/Code.js) at the top level. */
  run(code: string, filename: string): void {
    new vm.Script(code, { filename }).runInContext(this.context);
  }

  /** Top-level functions the script declared (what Apps Script can run and google.script.run can call). */
  functionNames(): string[] {
    return Object.keys(this.global)
      .filter((k) => !this.installed.has(k) && typeof this.global[k] === 'function')
      .sort();
  }

  /** Calls a top-level function with host arguments (rebuilt in the bundle's realm). */
  call(name: string, args: readonly unknown[]): unknown {
    const fn = this.global[name];
    if (typeof fn !== 'function' || this.installed.has(name))
      throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown).apply(
      this.global,
      args.map((a) => this.membrane.toRealm(a)),
    );
  }
}

/** Replaces the bundle's Date so that `new Date()`/`Date.now()` read `now`; dates stay real Dates. */
function installClock(context: vm.Context, now: number | (() => number)): void {
  const read = typeof now === 'function' ? now : () => now;
  const patch = vm.runInContext(
    `(function (now) {
      var RealDate = Date;
      // A function expression: a declaration named Date would be hoisted over RealDate.
      var LocalDate = function Date() {
        if (!new.target) return new RealDate(now()).toString();
        var args = Array.prototype.slice.call(arguments);
        return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
      };
      LocalDate.prototype = RealDate.prototype;
      LocalDate.now = function () { return now(); };
      LocalDate.UTC = RealDate.UTC;
      LocalDate.parse = RealDate.parse;
      Object.defineProperty(RealDate.prototype, 'constructor', { value: LocalDate, writable: true, configurable: true });
      globalThis.Date = LocalDate;
    })`,
    context,
  ) as (now: () => number) => void;
  patch(read);
}
