// Loads a sidebar page exactly as we ship it (dist/<name>.html: the inlined bundle and style) into a
// fresh jsdom window, with the fake google.script.run installed before its script runs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type DOMWindow, JSDOM, VirtualConsole } from 'jsdom';
import { createFakeRun, type FakeRun } from './fakeRun';

type PageName = 'Naming' | 'Lookup' | 'Upload' | 'SelfCheck';

const root = join(import.meta.dirname, '../..');
const html = new Map<PageName, Promise<string>>();

/** The page as shipped: dist/<name>.html, built once per run by test/global-setup.ts. */
export function builtPage(name: PageName): Promise<string> {
  let page = html.get(name);
  if (!page) {
    page = readFile(join(root, 'dist', `${name}.html`), 'utf8');
    html.set(name, page);
  }
  return page;
}

/** A built page split into its own code and the inert library text build.mjs put in it (lazy.ts), so
 *  tests can hold our code and a third party's to different rules. */
export function splitLazy(html: string): { page: string; lazy: string } {
  const m = /<script type="text\/plain" id="kenali-lazy">([\s\S]*?)<\/script>/.exec(html);
  if (!m) return { page: html, lazy: '' };
  return { page: html.slice(0, m.index) + html.slice(m.index + m[0].length), lazy: m[1] };
}

export interface LoadedPage {
  window: DOMWindow;
  document: Document;
  fake: FakeRun;
  /** Script errors and console.error output from the page: a test expects none. */
  errors: string[];
  /** Every window.alert call (hostile text must never cause one). */
  alerts: unknown[];
  $<E extends Element = HTMLElement>(selector: string): E;
  $$<E extends Element = HTMLElement>(selector: string): E[];
}

/** `install` replaces the fake google.script.run (e.g. with the real bundle's bridge); `fake` is then unused. */
export async function loadPage(name: PageName, install?: (win: DOMWindow) => void): Promise<LoadedPage> {
  const source = await builtPage(name);
  const errors: string[] = [];
  const alerts: unknown[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (e) => errors.push(`jsdom: ${e.message}`));
  virtualConsole.on('error', (...args) => errors.push(args.map(String).join(' ')));
  let fake: FakeRun | undefined;
  const dom = new JSDOM(source, {
    url: 'https://n-kenali-script.googleusercontent.com/userCodeAppPanel',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole,
    beforeParse(win) {
      fake = createFakeRun(win);
      if (install) install(win);
      else Object.assign(win, { google: { script: { run: fake.run } } });
      win.alert = (...args: unknown[]) => {
        alerts.push(args);
      };
    },
  });
  const { window } = dom;
  const document = window.document;
  return {
    window,
    document,
    fake: fake!,
    errors,
    alerts,
    $<E extends Element = HTMLElement>(selector: string): E {
      const found = document.querySelector<E>(selector);
      if (!found) throw new Error(`no element matches ${selector}`);
      return found;
    },
    $$: <E extends Element = HTMLElement>(selector: string) => [...document.querySelectorAll<E>(selector)],
  };
}

/** Lets the page's promise callbacks run (the fake answers synchronously; the page awaits promises). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Types into an input as a person would: value, then an input event. */
export function typeInto(input: HTMLInputElement, text: string): void {
  const win = input.ownerDocument.defaultView!;
  input.value = text;
  input.dispatchEvent(new win.Event('input', { bubbles: true }));
}

export function pressKey(target: Element, key: string): KeyboardEvent {
  const win = target.ownerDocument.defaultView!;
  const event = new win.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}

export function click(target: Element): void {
  const win = target.ownerDocument.defaultView!;
  target.dispatchEvent(new win.MouseEvent('click', { bubbles: true, cancelable: true }));
}

/** Waits (real time) for the page's own timers, e.g. the search debounce. */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
