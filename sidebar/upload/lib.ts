// The XLSX library, evaluated on first use from the inert copy build.mjs put in the page (lazy.ts says
// why): its text becomes a script element of this page. No network: a sidebar page cannot fetch our
// code from anywhere.
import type { XlsxLib } from './read';

const LAZY_ID = 'kenali-lazy';

export function xlsxLibrary(): XlsxLib {
  const g = globalThis as { __kenaliXlsx?: XlsxLib };
  if (!g.__kenaliXlsx) {
    const source = document.getElementById(LAZY_ID)?.textContent ?? '';
    if (source === '') throw new Error('XLSX reader missing from the page');
    const script = document.createElement('script');
    script.textContent = source;
    document.head.appendChild(script);
    script.remove();
  }
  if (!g.__kenaliXlsx) throw new Error('XLSX reader failed to start');
  return g.__kenaliXlsx;
}
