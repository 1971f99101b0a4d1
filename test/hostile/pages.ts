// A shipped sidebar page in jsdom, served by a shop's bundle through the google.script.run bridge.
import { JSDOM } from 'jsdom';
import type { Bundle } from '../../local';
import { createBridge, installGoogleScript } from '../../local';
import { builtPage, pressKey, typeInto, wait } from '../sidebar/page';
import type { Shop } from './harness';

/** A shipped page in jsdom, served by `bundle` (a Shop's, or any). */
export async function openPage(name: 'Naming' | 'Lookup', shop: Shop | { bundle: Bundle }) {
  const html = await builtPage(name);
  const dom = new JSDOM(html, {
    url: 'https://n-kenali-script.googleusercontent.com/userCodeAppPanel',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    beforeParse(win) {
      installGoogleScript(win, createBridge(shop.bundle));
    },
  });
  const doc = dom.window.document;
  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 300; i++) {
      if (check()) return;
      await wait(10);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  return { dom, doc, until, type: typeInto, press: pressKey };
}
