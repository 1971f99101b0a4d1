// Runs "Periksa Kenali" as a seller would: the shipped SelfCheck.html in jsdom, its google.script.run served
// by the BUILT bundle through the bridge, on a local spreadsheet. Gives back the JSON block the page shows
// (what the seller copies) and each check as the page lists it.
import { type Bundle, createBridge, installGoogleScript, LocalSpreadsheet, loadBundle } from '../../local';
import { parseBlock, type SelfCheckBlock } from '../../src/core/selfcheck/block';
import { builtCode } from '../hostile/harness';
import { loadPage, wait } from '../sidebar/page';

export interface PageRun {
  block: SelfCheckBlock;
  /** Every check as listed: id, lulus/gagal, and the text shown. */
  items: { id: string; ok: boolean; text: string }[];
  summary: string;
  errors: string[];
  document: Document;
}

/** The page against an existing bundle (tests that prepare the workbook or inject faults first). */
export async function runPage(bundle: Bundle): Promise<PageRun> {
  const { document: doc, errors } = await loadPage('SelfCheck', (win) => {
    installGoogleScript(win, createBridge(bundle), { names: bundle.functionNames() });
  });
  for (let i = 0; i < 1000 && !doc.querySelector('textarea#block'); i++) await wait(10);
  const area = doc.querySelector<HTMLTextAreaElement>('textarea#block');
  if (!area)
    throw new Error(`the self-check page showed no block: ${doc.body.textContent} ${errors.join('; ')}`);
  const items = [...doc.querySelectorAll<HTMLElement>('li.check')].map((li) => ({
    id: li.dataset.id ?? '',
    ok: li.classList.contains('ok'),
    text: li.textContent ?? '',
  }));
  return {
    block: parseBlock(area.value),
    items,
    summary: doc.querySelector('.summary')?.textContent ?? '',
    errors,
    document: doc,
  };
}

/** A fresh spreadsheet in `locale` and `timeZone` with the built bundle (clock at `now`), and the run. */
export async function runSelfCheck(opts: {
  locale: string;
  timeZone: string;
  now?: number;
}): Promise<PageRun & { workbook: LocalSpreadsheet }> {
  const workbook = new LocalSpreadsheet({ locale: opts.locale, timeZone: opts.timeZone });
  const bundle = loadBundle({ workbook, code: builtCode(), now: opts.now });
  return { ...(await runPage(bundle)), workbook };
}
