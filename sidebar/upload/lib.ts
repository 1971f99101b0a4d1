// The XLSX library, evaluated on first use from the inert copy build.mjs put in the page (lazy.ts says
// why): its text becomes a script element of this page. No network: a sidebar page cannot fetch our
// code from anywhere.
import type { XlsxLib } from './read';

const LAZY_ID = 'kenali-lazy';

export function xlsxLibrary(): XlsxLib {
  const g = globalThis as { __kenaliXlsx?: XlsxLib };
  if (!g.__kenaliXlsx) {
    // build.mjs's inertText wrote '~' as '~0' and '/' as '~1' (no '//' may stand in a page's scripts).
    const inert = document.getElementById(LAZY_ID)?.textContent ?? '';
    const source = inert.replace(/~[01]/g, (e) => (e === '~1' ? '/' : '~'));
    if (source === '') throw new Error('XLSX reader missing from the page');
    const script = document.createElement('script');
    script.textContent = source;
    document.head.appendChild(script);
    script.remove();
  }
  if (!g.__kenaliXlsx) throw new Error('XLSX reader failed to start');
  return g.__kenaliXlsx;
}
