// "Periksa Kenali": runs the server's checks (a temporary sheet, the lock, document properties), then the
// page's own round trips through google.script.run, and shows each as lulus / gagal with what it saw,
// ending with the JSON block the seller copies to us (src/core/selfcheck/block.ts).
import '../shared/base.css';
import './style.css';
import { blockText, makeBlock } from '../../src/core/selfcheck/block';
import {
  type CheckResult,
  CLIENT_CHECKS,
  type ClientCheckId,
  clientExpected,
  PAYLOAD_CHARS,
  result,
} from '../../src/core/selfcheck/checks';
import { fingerprint, payloadText } from '../../src/core/selfcheck/payload';
import { selfcheck } from '../../src/core/text/selfcheck';
import type { Lang } from '../../src/core/types';
import type { SelfCheckApi, SelfCheckServerReport } from '../../src/gas/selfcheck';
import { serverFor } from '../shared/client';
import { el, rawErrorMessage as errorMessage, statusBox } from '../shared/dom';

const server = serverFor<SelfCheckApi>();

/** Two slashes inside a string of the bundled (minified, one-line) script ("page:slashes"): the page server
 *  must not take them for a comment. Were the rest of the line cut, no script would run at all, and the
 *  page's static note (page.html) would stay on screen. */
const SLASH_PROBE = 'kenali//periksa';

type Settled = { ok: true; value: unknown } | { ok: false; error: string };

async function settle(call: () => Promise<unknown>): Promise<Settled> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    return { ok: false, error: errorMessage(e) };
  }
}

const shown = (s: Settled, describe: (v: unknown) => string) =>
  s.ok ? describe(s.value) : `error: ${s.error}`;

/** The page's checks, one after another (a 1 MB payload each way: not all at once). */
async function clientChecks(): Promise<CheckResult[]> {
  const seen: Record<ClientCheckId, string> = {
    'run:date-argument': '',
    'run:undefined-in-array': '',
    'run:undefined-in-object': '',
    'run:date-result': '',
    'run:upload-1mb': '',
    'run:download-1mb': '',
    'page:slashes': SLASH_PROBE,
    'page:inline-script': String(
      (window as unknown as { kenaliInlineProbe?: unknown }).kenaliInlineProbe ?? 'missing',
    ),
  };
  const date = await settle(() => server.selfCheckEcho(new Date(0)));
  seen['run:date-argument'] = date.ok ? `accepted: ${String(date.value)}` : 'refused';
  const text = (v: unknown) => String(v);
  seen['run:undefined-in-array'] = shown(await settle(() => server.selfCheckEcho([1, undefined, 'x'])), text);
  seen['run:undefined-in-object'] = shown(
    await settle(() => server.selfCheckEcho({ a: undefined, b: 1 })),
    text,
  );
  seen['run:date-result'] = shown(await settle(server.selfCheckDateResult), (v) =>
    v === null ? 'null' : JSON.stringify(v),
  );
  const big = payloadText(PAYLOAD_CHARS);
  seen['run:upload-1mb'] = shown(await settle(() => server.selfCheckPayload(big)), (v) =>
    String((v as { received?: unknown } | null)?.received),
  );
  seen['run:download-1mb'] = shown(await settle(() => server.selfCheckPayload('', PAYLOAD_CHARS)), (v) =>
    fingerprint((v as { text?: unknown } | null)?.text),
  );
  return CLIENT_CHECKS.map((id) => result(id, clientExpected(id), seen[id]));
}

function checkItem(r: CheckResult, tx: (typeof selfcheck)['id']): HTMLLIElement {
  const facts = [
    el('div', { className: 'seen' }, [el('span', { text: `${tx.seen}: ` }), el('code', { text: r.seen })]),
  ];
  if (!r.ok)
    facts.push(
      el('div', { className: 'expected' }, [
        el('span', { text: `${tx.expected}: ` }),
        el('code', { text: r.expected }),
      ]),
    );
  return el('li', { className: `check ${r.ok ? 'ok' : 'fail'}`, attrs: { 'data-id': r.id } }, [
    el('span', { className: 'badge', text: r.ok ? tx.ok : tx.failed }),
    el('span', { className: 'label', text: tx.label(r.id) }),
    ...facts,
  ]);
}

function render(
  app: HTMLElement,
  lang: Lang,
  report: SelfCheckServerReport | null,
  checks: CheckResult[],
  serverError: string,
) {
  const tx = selfcheck[lang];
  const passed = checks.filter((c) => c.ok).length;
  const block = makeBlock(
    report ?? { ranAt: new Date().toISOString(), locale: 'unknown', timeZone: 'unknown', derived: {} },
    checks,
  );
  const area = el('textarea', {
    className: 'block',
    attrs: { id: 'block', readonly: '', rows: '8', spellcheck: 'false', 'aria-label': tx.blockTitle },
  });
  area.value = blockText(block);
  const copy = el('button', { className: 'copy', text: tx.copy, attrs: { type: 'button' } });
  const copyNote = el('span', { className: 'copy-note muted', attrs: { 'aria-live': 'polite' } });
  copy.addEventListener('click', async () => {
    area.focus();
    area.select();
    let done = false;
    try {
      await navigator.clipboard.writeText(area.value);
      done = true;
    } catch {
      try {
        done = document.execCommand('copy');
      } catch {
        done = false;
      }
    }
    copyNote.textContent = done ? tx.copied : tx.copyManually;
  });
  const problem = serverError ? [statusBox('error', tx.serverFailed(serverError))] : [];
  app.replaceChildren(
    el('h1', { text: tx.title }),
    el('p', { className: 'muted', text: tx.intro }),
    ...problem,
    el('p', {
      className: `summary ${passed === checks.length ? 'all-ok' : 'some-failed'}`,
      text: tx.summary(passed, checks.length),
      attrs: { role: 'status' },
    }),
    el(
      'ul',
      { className: 'checks' },
      checks.map((c) => checkItem(c, tx)),
    ),
    el('h2', { text: tx.blockTitle }),
    el('p', { className: 'muted', text: tx.blockHint }),
    area,
    el('div', { className: 'copy-row' }, [copy, copyNote]),
  );
}

async function main(): Promise<void> {
  const app = document.getElementById('app')!;
  app.replaceChildren(el('h1', { text: selfcheck.id.title }), statusBox('loading', selfcheck.id.running));
  const serverRun = await settle(server.runSelfCheck);
  const report = serverRun.ok ? (serverRun.value as SelfCheckServerReport) : null;
  const lang: Lang = report?.lang === 'en' ? 'en' : 'id';
  const checks = [...(report?.checks ?? []), ...(await clientChecks())];
  render(app, lang, report, checks, serverRun.ok ? '' : serverRun.error);
}

void main();
