// The membrane between a bundle's vm context and the runtime's service objects.
//
// A vm context is another JavaScript realm: its Date and Array are not ours, so `v instanceof Date` in the
// bundle would be false for a Date we create. Every value crossing into the bundle is therefore rebuilt with
// the bundle's own constructors, service objects become proxies that expose only their Apps Script methods
// (no runtime internals, no Node objects), and errors become the bundle's Errors named 'Exception'.
//
// The backend decides what a "reference" is: the service object itself (in-process) or a handle token
// whose calls travel to the main thread (worker executions). This file uses no Node API, so the worker
// bundle can include it.

export interface Realm {
  Array: ArrayConstructor;
  Date: DateConstructor;
  Object: ObjectConstructor;
  Error: ErrorConstructor;
}

export interface Shape {
  cls: string;
  methods: readonly string[];
  data: Readonly<Record<string, unknown>>;
}

export interface Backend {
  /** Is `v` a reference to a host object (to be wrapped in a proxy)? */
  isRef(v: object): boolean;
  shape(ref: object): Shape;
  /** Calls `method` on the host object; arguments are already unwrapped. */
  invoke(ref: object, method: string, args: unknown[]): unknown;
}

function isDateLike(v: object): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

const methodSets = new WeakMap<Shape, ReadonlySet<string>>();

function methodSet(shape: Shape): ReadonlySet<string> {
  let s = methodSets.get(shape);
  if (!s) {
    s = new Set(shape.methods);
    methodSets.set(shape, s);
  }
  return s;
}

export class Membrane {
  private readonly refs = new WeakMap<object, object>(); // proxy → reference

  constructor(
    readonly realm: Realm,
    private readonly backend: Backend,
  ) {}

  /** A proxy exposing the Apps Script surface of `ref`. */
  wrap(ref: object): object {
    const shape = this.backend.shape(ref);
    const names = methodSet(shape);
    const methods = new Map<string, (...args: unknown[]) => unknown>();
    const data = new Map<string, unknown>();
    const membrane = this;
    const method = (name: string) => {
      let fn = methods.get(name);
      if (!fn) {
        fn = (...args: unknown[]): unknown => {
          let result: unknown;
          try {
            result = membrane.backend.invoke(ref, name, membrane.fromRealmArgs(args));
          } catch (e) {
            throw membrane.realmError(e);
          }
          return membrane.toRealm(result);
        };
        Object.defineProperty(fn, 'name', { value: name });
        methods.set(name, fn);
      }
      return fn;
    };
    const proxy = new Proxy(new this.realm.Object(), {
      get(_t, prop) {
        if (typeof prop !== 'string') return undefined;
        if (names.has(prop)) return method(prop);
        if (Object.hasOwn(shape.data, prop)) {
          if (!data.has(prop)) data.set(prop, membrane.toRealm(shape.data[prop]));
          return data.get(prop);
        }
        if (prop === 'toString') return () => shape.cls;
        return undefined;
      },
      has(_t, prop) {
        return typeof prop === 'string' && (names.has(prop) || Object.hasOwn(shape.data, prop));
      },
      set() {
        return false;
      },
      defineProperty() {
        return false;
      },
      deleteProperty() {
        return false;
      },
    });
    this.refs.set(proxy, ref);
    return proxy;
  }

  /** The reference behind a proxy, or undefined. */
  unwrap(v: unknown): object | undefined {
    return typeof v === 'object' && v !== null ? this.refs.get(v) : undefined;
  }

  /** Rebuilds a host value with the bundle's constructors (Dates, arrays, plain objects; references → proxies). */
  toRealm(v: unknown): unknown {
    if (v === null || typeof v !== 'object') return typeof v === 'function' ? undefined : v;
    if (this.backend.isRef(v)) return this.wrap(v);
    if (isDateLike(v)) return new this.realm.Date(v.getTime());
    if (Array.isArray(v)) {
      const n = v.length;
      const out = new this.realm.Array(n);
      for (let i = 0; i < n; i++) {
        const x = v[i];
        out[i] = x === null || typeof x !== 'object' ? x : this.toRealm(x);
      }
      return out;
    }
    const o = new this.realm.Object() as Record<string, unknown>;
    for (const k of Object.keys(v)) o[k] = this.toRealm((v as Record<string, unknown>)[k]);
    return o;
  }

  /** Arguments from the bundle: proxies (top level, or inside a top-level array) become references. */
  fromRealmArgs(args: unknown[]): unknown[] {
    return args.map((a) => this.fromRealmArg(a, 2));
  }

  /** An argument with the proxies in it unwrapped: arrays of them too, two levels deep (a grid of data
   *  validation rules, a list of ranges). An array holding none is passed as it is. */
  private fromRealmArg(a: unknown, depth: number): unknown {
    const ref = this.unwrap(a);
    if (ref) return ref;
    if (depth === 0 || !Array.isArray(a)) return a;
    let changed = false;
    const out = a.map((x) => {
      const y = this.fromRealmArg(x, depth - 1);
      if (y !== x) changed = true;
      return y;
    });
    return changed ? out : a;
  }

  /** A host error as the bundle sees it: its own Error, named like Apps Script's. */
  realmError(e: unknown): Error {
    const message =
      e instanceof Error
        ? e.message
        : typeof e === 'object' && e && 'message' in e
          ? String(e.message)
          : String(e);
    const err = new this.realm.Error(message);
    err.name = 'Exception';
    return err;
  }
}
