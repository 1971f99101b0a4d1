// @vitest-environment jsdom
// Lint-like guard: the sidebars build DOM with createElement/textContent only. Any HTML-parsing sink in their
// sources (or in what gets bundled into the shipped pages) fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPage, splitLazy } from './page';

const root = join(import.meta.dirname, '../..');

const SINKS: [string, RegExp][] = [
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(ln)?\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
];

function findSinks(source: string): string[] {
  return SINKS.filter(([, re]) => re.test(source)).map(([name]) => name);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe('no HTML sinks in the sidebars', () => {
  it('the scanner catches each sink (so a clean result means something)', () => {
    expect(findSinks('node.innerHTML = name;')).toEqual(['innerHTML']);
    expect(findSinks('li.insertAdjacentHTML("beforeend", x)')).toEqual(['insertAdjacentHTML']);
    expect(findSinks('document.write(x)')).toEqual(['document.write']);
    expect(findSinks('a.outerHTML')).toEqual(['outerHTML']);
    expect(findSinks('node.textContent = name;')).toEqual([]);
  });

  it('no sidebar source uses one', () => {
    const files = filesUnder(join(root, 'sidebar')).filter((f) => /\.(ts|html|js)$/.test(f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    const found = files.flatMap((f) =>
      findSinks(readFileSync(f, 'utf8')).map((s) => `${relative(root, f)}: ${s}`),
    );
    expect(found).toEqual([]);
  });

  it('no shipped page contains one (whatever got bundled from src/core)', async () => {
    for (const name of ['Naming', 'Lookup', 'Upload', 'SelfCheck'] as const) {
      const { page } = splitLazy(await builtPage(name));
      expect(page).toContain('<script>');
      expect(findSinks(page).map((s) => `${name}.html: ${s}`)).toEqual([]);
    }
  });

  it('the XLSX library in the upload page writes no HTML (it only reads innerHTML, in an API we never call)', async () => {
    const { lazy } = splitLazy(await builtPage('Upload'));
    expect(lazy.length).toBeGreaterThan(100_000);
    const writes = findSinks(lazy.replace(/\binnerHTML\b(?!\s*=[^=])/g, 'innerHTML_read'));
    expect(writes).toEqual([]);
  });
});
