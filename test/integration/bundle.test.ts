// The deployable bundle (dist/Code.js) in the local Apps Script runtime: it loads without Node's globals,
// onOpen builds the menu, and every function the menu or the sidebars call is a top-level function Apps
// Script can run. The checks are shown to fail on a bundle with a missing stub or a Node dependency.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle } from '../../local/bundle';
import { DIST_DIR } from '../../local/gas/runtime';
import { serverApi } from '../../src/gas/api';

const codePath = join(DIST_DIR, 'Code.js');
let code = '';

beforeAll(() => {
  code = readFileSync(codePath, 'utf8'); // built once by test/global-setup.ts
});

/** Names the menu (after onOpen) and the sidebars (serverApi) need that the bundle does not define. */
function missingEntryPoints(source: string): { menu: string[]; missing: string[] } {
  const bundle = loadBundle({ code: source, codePath });
  bundle.call('onOpen');
  const menu = bundle.ui.menuFunctionNames();
  const defined = new Set(bundle.functionNames());
  const wanted = [...new Set([...menu, ...Object.keys(serverApi)])];
  return { menu, missing: wanted.filter((n) => !defined.has(n)) };
}

/** The bundle with the generated top-level stub of `name` cut out. */
function withoutStub(source: string, name: string): string {
  const stub = new RegExp(`^function ${name}\\(\\) \\{.*\\}\\n`, 'm');
  expect(source).toMatch(stub);
  return source.replace(stub, '');
}

describe('dist/Code.js in the local Apps Script runtime', () => {
  it('onOpen adds the Kenali menu, and every menu item and sidebar API function is a top-level function', () => {
    const { menu, missing } = missingEntryPoints(code);
    expect(menu.length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(serverApi).length).toBeGreaterThanOrEqual(4);
    expect(missing).toEqual([]);
  });

  it('onOpen makes a constant, small number of service calls', () => {
    const bundle = loadBundle({ code, codePath });
    const { total } = bundle.counter.measure(() => bundle.call('onOpen'));
    expect(total).toBeLessThan(30);
  });

  it('the check fails when a sidebar API stub is missing from the bundle', () => {
    const key = Object.keys(serverApi)[0];
    expect(missingEntryPoints(withoutStub(code, key)).missing).toEqual([key]);
  });

  it('the check fails when a menu action stub is missing from the bundle', () => {
    const item = missingEntryPoints(code).menu[0];
    expect(missingEntryPoints(withoutStub(code, item)).missing).toEqual([item]);
  });

  it('a bundle that needs require or process at load fails to load', () => {
    const start = code.indexOf('var __kenali = (() => {');
    expect(start).toBeGreaterThanOrEqual(0);
    const inject = (stmt: string) =>
      code.replace('var __kenali = (() => {', () => `var __kenali = (() => {\n  ${stmt}`);
    expect(() => loadBundle({ code: inject('var fs = require("fs");'), codePath })).toThrow(
      'require is not defined',
    );
    expect(() => loadBundle({ code: inject('var debug = process.env.DEBUG;'), codePath })).toThrow(
      'process is not defined',
    );
  });
});

describe('one build per run', () => {
  it('only test/global-setup.ts runs build.mjs (no test file rebuilds dist/ while another reads it)', () => {
    const root = join(DIST_DIR, '..');
    const files = (readdirSync(join(root, 'test'), { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && f !== 'global-setup.ts')
      .filter((f) =>
        /(?:execSync|execFileSync|spawnSync|execFile|spawn)\([^)]*build\.mjs/.test(
          readFileSync(join(root, 'test', f), 'utf8'),
        ),
      );
    expect(files).toEqual([]);
  });
});
