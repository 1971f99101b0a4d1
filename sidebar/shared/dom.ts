// The only way the sidebars build DOM: createElement + textContent. Usernames, addresses, products and
// server error messages are untrusted, so no string ever goes through the HTML parser.
import { common } from '../../src/core/text/common';
import type { Lang } from '../../src/core/types';

export interface ElOptions {
  className?: string;
  /** Set as textContent: shown literally, never parsed. */
  text?: string;
  title?: string;
  /** Fixed attributes from our own code (type, role, aria-*). Event-handler attributes are refused. */
  attrs?: Record<string, string>;
  hidden?: boolean;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElOptions = {},
  children: (Node | null | undefined | false)[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (options.className) node.className = options.className;
  if (options.text !== undefined) node.textContent = options.text;
  if (options.title !== undefined) node.title = options.title;
  if (options.hidden) node.hidden = true;
  if (options.attrs) {
    for (const [name, value] of Object.entries(options.attrs)) {
      if (/^on/i.test(name)) throw new Error(`refusing event-handler attribute ${name}`);
      node.setAttribute(name, value);
    }
  }
  for (const child of children) if (child) node.appendChild(child);
  return node;
}

/** `text` with the span [start, start + length) in a <mark>: text nodes only, so an untrusted text (a
 *  username, an address) is shown literally. Out-of-range spans mark nothing. */
export function highlighted(text: string, start: number, length: number): Node[] {
  if (length <= 0 || start < 0 || start + length > text.length) return [document.createTextNode(text)];
  return [
    document.createTextNode(text.slice(0, start)),
    el('mark', { text: text.slice(start, start + length) }),
    document.createTextNode(text.slice(start + length)),
  ];
}

let uid = 0;
/** A unique id for label/input pairs and aria references. */
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** The message of a failed server call exactly as it came ('' when there is none): for diagnostics. */
export function rawErrorMessage(error: unknown): string {
  const message =
    typeof error === 'string' ? error : (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message.trim() : '';
}

// What the browser or Google says when the call never reached Kenali, or Kenali's code broke: English
// jargon ("Failed to fetch", "NetworkError: Connection failure due to HTTP 0", "TypeError: …").
const TRANSPORT =
  /failed to fetch|networkerror|network error|load failed|connection failure|net::|timed out|http \d{1,3}\b|xmlhttprequest/i;
const MISSING_FUNCTION =
  /script function not found|server function .* is not available|google\.script\.run is not available/i;
const INTERNAL =
  /^(TypeError|ReferenceError|RangeError|SyntaxError|InternalError|ScriptError|Exception|Error)\b|we're sorry|server error occurred|is not defined|cannot read propert|is not a function/i;

/** The page in `lang`: its language (errorMessage reads it), the window's title and the visible heading. */
export function titlePage(lang: Lang, title: string, heading: HTMLElement): void {
  document.documentElement.lang = lang;
  document.title = title;
  heading.textContent = title;
}

/** The message of a failed server call, as plain text in the page's language ('' when there is none):
 *  Kenali's own messages as they are; a browser's or Google's failure in the sidebar's own words. */
export function errorMessage(error: unknown): string {
  const raw = rawErrorMessage(error);
  if (raw === '') return '';
  const tx = common[document.documentElement.lang === 'en' ? 'en' : 'id'];
  if (TRANSPORT.test(raw)) return tx.connectionFailed;
  if (MISSING_FUNCTION.test(raw)) return tx.reloadNeeded;
  if (INTERNAL.test(raw)) return tx.serverFailed;
  return raw;
}

/** The spreadsheet's zone when the browser knows it; Jakarta (the product default) otherwise. */
export function safeTimeZone(timeZone: string | null | undefined, fallback = 'Asia/Jakarta'): string {
  if (!timeZone) return fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    console.warn(`Kenali: unknown time zone ${timeZone}; showing dates in ${fallback}`);
    return fallback;
  }
}

/** A loading or error box with an optional retry button. */
export function statusBox(
  kind: 'loading' | 'error',
  message: string,
  retry?: { label: string; onRetry: () => void },
): HTMLDivElement {
  const box = el('div', {
    className: `status-box ${kind}`,
    attrs: { role: kind === 'error' ? 'alert' : 'status' },
  });
  if (kind === 'loading')
    box.appendChild(el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }));
  box.appendChild(el('span', { className: 'status-text', text: message }));
  if (retry) {
    const button = el('button', { className: 'retry', text: retry.label, attrs: { type: 'button' } });
    button.addEventListener('click', retry.onRetry);
    box.appendChild(button);
  }
  return box;
}

/** A short message that fades on its own: a confirmation ("Tersimpan: Budi") or, for a failure the seller
 *  is not looking at, an error (which stays longer). */
export function createToast(): { node: HTMLDivElement; show(text: string, kind?: 'ok' | 'error'): void } {
  const node = el('div', { className: 'toast', attrs: { role: 'status', 'aria-live': 'polite' } });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    node,
    show(text: string, kind: 'ok' | 'error' = 'ok') {
      node.textContent = text;
      node.classList.add('show');
      node.classList.toggle('error', kind === 'error');
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => node.classList.remove('show'), kind === 'error' ? 10000 : 3500);
    },
  };
}
