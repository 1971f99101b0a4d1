// google.script.run locally: the client shim in a jsdom window, the bridge to a loaded bundle, and the
// wire rules (JSON values, Dates refused or nulled, private functions hidden, never synchronous).
import { JSDOM } from 'jsdom';
import { createBridge, createJsonBridge } from '../../local/bridge';
import { clientShimScript, type GoogleScript, installGoogleScript } from '../../local/bridge-client';
import { loadBundle } from '../../local/bundle';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

const CODE = `
function echo(x) { return x; }
function add(a, b) { return a + b; }
function stamped() { return { at: new Date(0), n: 1 }; }
function holes() { return [1, undefined, 'x']; }
function fail() { throw new Error('Nama tidak boleh kosong'); }
function secret_() { return 'hidden'; }
function saveName(key, name) {
  SpreadsheetApp.getActive().getSheetByName('S').appendRow([key, name]);
  return { saved: key };
}
`;

function setup() {
  const workbook = new LocalSpreadsheet({ sheets: ['S'] });
  const bundle = loadBundle({ code: CODE, workbook });
  const warnings: string[] = [];
  const transport = createBridge(bundle, { warn: (m) => warnings.push(m) });
  const dom = new JSDOM('<!doctype html><p>sidebar</p>', { runScripts: 'outside-only' });
  let closed = 0;
  const gs = installGoogleScript(dom.window, transport, {
    names: bundle.functionNames(),
    onClose: () => closed++,
  });
  return { workbook, bundle, warnings, transport, window: dom.window, gs, closed: () => closed };
}

/** Calls a server function through google.script.run and settles with what the handlers received. */
function run(gs: GoogleScript, name: string, ...args: unknown[]) {
  return new Promise<{ ok: boolean; value: unknown; user: unknown }>((resolve) => {
    gs.run
      .withSuccessHandler((value, user) => resolve({ ok: true, value, user }))
      .withFailureHandler((error, user) => resolve({ ok: false, value: error, user }))
      .withUserObject('row-7')
      [name](...args);
  });
}

describe('google.script.run through the local bridge', () => {
  it('calls the top-level function and hands the JSON result and user object to the success handler', async () => {
    const { gs, window } = setup();
    const r = await run(gs, 'echo', { key: 'budi|abc', list: [1, 'dua', true, null] });
    expect(r).toEqual({ ok: true, value: { key: 'budi|abc', list: [1, 'dua', true, null] }, user: 'row-7' });
    // The value was made in the page's realm, like a real page's.
    expect((r.value as { list: unknown }).list instanceof window.Array).toBe(true);
    expect(await run(gs, 'add', 2, 3)).toMatchObject({ ok: true, value: 5 });
  });

  it('runs each call as an execution against the workbook', async () => {
    const { gs, workbook } = setup();
    await run(gs, 'saveName', 'budi|abc', 'Budi Santoso');
    expect(workbook.readValues('S')).toEqual([['budi|abc', 'Budi Santoso']]);
  });

  it('never answers synchronously', async () => {
    const { gs } = setup();
    let answered = false;
    const done = new Promise<void>((resolve) =>
      gs.run
        .withSuccessHandler(() => {
          answered = true;
          resolve();
        })
        .echo(1),
    );
    expect(answered).toBe(false);
    await done;
    expect(answered).toBe(true);
  });

  it('with* returns a new runner each time: handlers do not leak between chains', async () => {
    const { gs } = setup();
    const got: string[] = [];
    const base = gs.run.withFailureHandler(() => got.push('failure'));
    await new Promise<void>((resolve) => {
      base.withSuccessHandler((v) => got.push(`a:${v}`)).echo('1');
      base
        .withSuccessHandler((v) => {
          got.push(`b:${v}`);
          resolve();
        })
        .echo('2');
    });
    expect(got).toEqual(['a:1', 'b:2']);
  });

  it('passes a server error to the failure handler as an Error with the same message', async () => {
    const { gs, window } = setup();
    const r = await run(gs, 'fail');
    expect(r.ok).toBe(false);
    expect(r.value).toBeInstanceOf(window.Error);
    expect((r.value as Error).message).toBe('Nama tidak boleh kosong');
    expect(r.user).toBe('row-7');
  });

  it('refuses Dates and functions among the arguments at the call', () => {
    const { gs } = setup();
    expect(() => gs.run.echo(new Date())).toThrow('Failed due to illegal value in property: 0');
    expect(() => gs.run.echo({ when: { at: new Date() } })).toThrow(
      'Failed due to illegal value in property: 0.when.at',
    );
    expect(() => gs.run.echo(() => 1)).toThrow('illegal value');
  });

  it('a result containing a Date reaches the page as null (with a warning); undefined in arrays as null', async () => {
    const { gs, warnings } = setup();
    expect(await run(gs, 'stamped')).toMatchObject({ ok: true, value: null });
    expect(warnings[0]).toMatch(/stamped: .*'at'/);
    expect(await run(gs, 'holes')).toMatchObject({ ok: true, value: [1, null, 'x'] });
  });

  it('private functions (name ending in _) and unknown names are not callable', async () => {
    const { gs, transport } = setup();
    expect((gs.run as Record<string, unknown>).secret_).toBeUndefined();
    expect((gs.run as Record<string, unknown>).nothing).toBeUndefined();
    expect(await transport('secret_', [])).toEqual({
      ok: false,
      error: { name: 'ScriptError', message: 'Script function not found: secret_' },
    });
    expect(await transport('constructor', [])).toMatchObject({ ok: false });
  });

  it('google.script.host.close reaches the host', () => {
    const { gs, closed } = setup();
    gs.host.close();
    expect(closed()).toBe(1);
  });
});

describe('the browser shim over HTTP', () => {
  it('clientShimScript installs google.script.run that POSTs {name, args} to the JSON bridge', async () => {
    const workbook = new LocalSpreadsheet({ sheets: ['S'] });
    const handle = createJsonBridge(loadBundle({ code: CODE, workbook }));
    const dom = new JSDOM('<!doctype html>', { runScripts: 'outside-only' });
    const posts: { url: string; body: string }[] = [];
    const win = dom.window as unknown as Record<string, unknown> & { eval(src: string): unknown };
    win.fetch = async (url: string, init: { body: string }) => {
      posts.push({ url, body: init.body });
      const text = await handle(init.body);
      return { json: async () => JSON.parse(text) };
    };
    const script = clientShimScript({ endpoint: '/__gas/run', names: ['saveName', 'fail'] });
    expect(script).not.toMatch(/<\/script/i);
    win.eval(script);
    const gs = (win.google as { script: GoogleScript }).script;
    const r = await run(gs, 'saveName', 'sari|def', 'Sari');
    expect(r).toMatchObject({ ok: true, value: { saved: 'sari|def' } });
    expect(posts).toEqual([{ url: '/__gas/run', body: '{"name":"saveName","args":["sari|def","Sari"]}' }]);
    expect(workbook.readValues('S')).toEqual([['sari|def', 'Sari']]);
    expect(await run(gs, 'fail')).toMatchObject({ ok: false });
    expect(await handle('not json')).toBe('{"ok":false,"error":{"name":"Error","message":"Bad request"}}');
  });
});
