// The page half of google.script.run, for jsdom tests and for pages served by the local preview.
//
// One implementation, kept as JavaScript source text so the very same code runs in Node, inside a jsdom
// window's realm and in a real browser: `(function (transport, options) { … })` returns
// { run, host } where `run` behaves like google.script.run:
//   - withSuccessHandler / withFailureHandler / withUserObject each return a NEW runner (handlers do not
//     stick to google.script.run itself), so chains can be reused;
//   - calling a server function returns undefined at once; a handler runs later, never synchronously;
//     success handlers get (value, userObject), failure handlers (error, userObject);
//   - a Date, function or other non-plain object among the arguments throws
//     "Failed due to illegal value in property: <path>" at the call, before anything is sent;
//   - with `options.names`, only those functions (minus private ones, ending in '_') exist on the runner,
//     like the real one, which lists the server's functions; without it, any name is accepted;
//   - without a failure handler, a failure is reported with console.error.
// `transport(name, args)` must return a Promise of { ok: true, value } | { ok: false, error: { name, message } }
// (see bridge.ts); `options.onClose` is called by google.script.host.close().
import type { Transport } from './bridge';

export const SCRIPT_RUN_SOURCE = `(function (transport, options) {
  options = options || {};
  function illegal(v, path) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function' || t === 'symbol' || t === 'bigint') return path;
    if (Object.prototype.toString.call(v) === '[object Date]') return path;
    var keys, i, p;
    if (Array.isArray(v)) {
      for (i = 0; i < v.length; i++) {
        p = illegal(v[i], path ? path + '.' + i : String(i));
        if (p !== null) return p;
      }
      return null;
    }
    var proto = Object.getPrototypeOf(v);
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return path;
    keys = Object.keys(v);
    for (i = 0; i < keys.length; i++) {
      p = illegal(v[keys[i]], path ? path + '.' + keys[i] : keys[i]);
      if (p !== null) return p;
    }
    return null;
  }
  function later(fn) {
    Promise.resolve().then(fn);
  }
  function makeRunner(success, failure, userObject) {
    var runner = {
      withSuccessHandler: function (fn) { return makeRunner(fn, failure, userObject); },
      withFailureHandler: function (fn) { return makeRunner(success, fn, userObject); },
      withUserObject: function (obj) { return makeRunner(success, failure, obj); }
    };
    function invoke(name, args) {
      var bad = illegal(args, '');
      if (bad !== null) throw new TypeError('Failed due to illegal value in property: ' + bad);
      var payload = JSON.parse(JSON.stringify(args));
      function onFailure(error) {
        later(function () {
          if (failure) failure(error, userObject);
          else if (typeof console !== 'undefined') console.error(error);
        });
      }
      Promise.resolve()
        .then(function () { return transport(name, payload); })
        .then(function (res) {
          if (res && res.ok) {
            var value = res.value === undefined ? null : JSON.parse(JSON.stringify(res.value));
            later(function () { if (success) success(value, userObject); });
          } else {
            var info = (res && res.error) || { name: 'Error', message: 'Unknown error' };
            var err = new Error(info.message);
            err.name = info.name || 'Error';
            onFailure(err);
          }
        }, function (e) {
          onFailure(e instanceof Error ? e : new Error(String(e)));
        });
    }
    if (options.names) {
      options.names.forEach(function (name) {
        if (/_$/.test(name)) return; // private: google.script.run cannot call it
        runner[name] = function () { invoke(name, Array.prototype.slice.call(arguments)); };
      });
      return runner;
    }
    return new Proxy(runner, {
      get: function (target, prop) {
        if (typeof prop !== 'string' || prop in target) return target[prop];
        if (prop === 'then') return undefined;
        return function () { invoke(prop, Array.prototype.slice.call(arguments)); };
      }
    });
  }
  var host = {
    close: function () { if (options.onClose) options.onClose(); },
    setHeight: function () {},
    setWidth: function () {},
    editor: { focus: function () {} }
  };
  return { run: makeRunner(null, null, undefined), host: host };
})`;

export interface ScriptRunOptions {
  /** The server's top-level function names (bundle.functionNames()); others are not on the runner. */
  names?: string[];
  onClose?: () => void;
}

/** google.script.run's shape: chainable handlers, then any server function by name. */
export type ScriptRunner = {
  withSuccessHandler(fn: (value: unknown, userObject?: unknown) => void): ScriptRunner;
  withFailureHandler(fn: (error: Error, userObject?: unknown) => void): ScriptRunner;
  withUserObject(obj: unknown): ScriptRunner;
} & Record<string, (...args: unknown[]) => unknown>;

export interface GoogleScript {
  run: ScriptRunner;
  host: { close(): void; setHeight(h: number): void; setWidth(w: number): void; editor: { focus(): void } };
}

type Factory = (transport: Transport, options: ScriptRunOptions) => GoogleScript;

/** google.script (run + host) built in a given realm: pass a jsdom window's Function to get its realm. */
export function createGoogleScript(
  transport: Transport,
  options: ScriptRunOptions = {},
  FunctionCtor: FunctionConstructor = Function,
): GoogleScript {
  const factory = new FunctionCtor(`return ${SCRIPT_RUN_SOURCE};`)() as Factory;
  return factory(transport, options);
}

/**
 * Installs `google.script` on a window (jsdom or any object). Uses the window's own Function when it has one
 * (jsdom with runScripts), so values reach the page as its own objects.
 */
export function installGoogleScript(
  win: object,
  transport: Transport,
  options: ScriptRunOptions = {},
): GoogleScript {
  const w = win as { Function?: FunctionConstructor; google?: { script?: GoogleScript } };
  const gs = createGoogleScript(transport, options, typeof w.Function === 'function' ? w.Function : Function);
  w.google = { ...(w.google ?? {}), script: gs };
  return gs;
}

/**
 * A <script> body for a real browser: google.script over fetch(POST endpoint, {name, args}) answered by
 * createJsonBridge. Safe to inline: no '</script' can appear in it.
 */
export function clientShimScript(opts: { endpoint?: string; names?: string[] } = {}): string {
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `(function () {
  var endpoint = ${json(opts.endpoint ?? '/__gas/run')};
  var transport = function (name, args) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: name, args: args })
    }).then(function (r) {
      // The preview marks calls that changed the workbook: the workbook pane beside the sidebar reloads.
      if (r.headers && r.headers.get('x-kenali-saved') === '1') {
        try {
          var pane = window.parent !== window && window.parent.document.querySelector('main iframe');
          if (pane && pane.contentWindow) pane.contentWindow.location.reload();
        } catch (e) { /* not the preview's frame */ }
      }
      return r.json();
    });
  };
  window.google = window.google || {};
  window.google.script = ${SCRIPT_RUN_SOURCE}(transport, { names: ${json(opts.names ?? null)} || undefined,
    onClose: function () { window.dispatchEvent(new CustomEvent('gas-host-close')); } });
})();`;
}
