// A stand-in for google.script.run: records every server call and lets the test answer it (or fail it)
// whenever it likes, in the order it likes, the way a slow Apps Script server would.

export interface FakeCall {
  name: string;
  args: unknown[];
  settled: boolean;
  /** Answers the call. The value crosses the "wire" as JSON, as google.script.run's values do. */
  resolve(value: unknown): void;
  /** Fails the call with an Error carrying `message`, as a server exception would. */
  reject(message: string): void;
}

export interface FakeRun {
  /** Install as `google.script.run`. */
  run: unknown;
  calls: FakeCall[];
  callsTo(name: string): FakeCall[];
  /** The latest call to `name`; throws when there is none. */
  last(name: string): FakeCall;
  /** Calls not answered yet. */
  pending(name?: string): FakeCall[];
}

interface Realm {
  JSON: JSON;
  Error: ErrorConstructor;
}

/** `realm` is the page's window: answers and errors are made in it, like the real bridge's. */
export function createFakeRun(realm: Realm = globalThis): FakeRun {
  const calls: FakeCall[] = [];

  function runner(onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): unknown {
    return new Proxy(
      {},
      {
        get(_target, prop) {
          if (prop === 'withSuccessHandler') return (fn: (v: unknown) => void) => runner(fn, onFailure);
          if (prop === 'withFailureHandler') return (fn: (e: unknown) => void) => runner(onSuccess, fn);
          if (prop === 'withUserObject') return () => runner(onSuccess, onFailure);
          if (typeof prop !== 'string') return undefined;
          return (...args: unknown[]) => {
            const call: FakeCall = {
              name: prop,
              args: realm.JSON.parse(JSON.stringify(args)),
              settled: false,
              resolve(value) {
                if (call.settled) throw new Error(`${prop} was already answered`);
                call.settled = true;
                onSuccess?.(value === undefined ? undefined : realm.JSON.parse(JSON.stringify(value)));
              },
              reject(message) {
                if (call.settled) throw new Error(`${prop} was already answered`);
                call.settled = true;
                onFailure?.(new realm.Error(message));
              },
            };
            calls.push(call);
          };
        },
      },
    );
  }

  return {
    run: runner(),
    calls,
    callsTo: (name) => calls.filter((c) => c.name === name),
    last(name) {
      const found = calls.filter((c) => c.name === name);
      if (found.length === 0)
        throw new Error(`no call to ${name}; calls: ${calls.map((c) => c.name).join(', ')}`);
      return found[found.length - 1];
    },
    pending: (name) => calls.filter((c) => !c.settled && (name === undefined || c.name === name)),
  };
}
