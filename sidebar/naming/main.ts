// The naming sidebar ("Beri Nama Pembeli"): the queue of recent buyers without a profile. One server call
// loads it; each name saves on its own; a saved entry leaves without the list being rebuilt.
import '../shared/base.css';
import './style.css';
import { formatNumber } from '../../src/core/format';
import { naming } from '../../src/core/text/naming';
import type { Lang } from '../../src/core/types';
import type { NamingQueueView, SaveNameResult } from '../../src/core/views';
import { server } from '../shared/client';
import { createToast, el, errorMessage, safeTimeZone, statusBox, titlePage } from '../shared/dom';
import { cleanName, showSaverState } from '../shared/nameField';
import { buildEntry, type Entry, type NamingTexts, toggleExpanded } from './entry';

let lang: Lang = 'id';
let texts: NamingTexts = naming.id;
let timeZone = 'Asia/Jakarta';
let days = 2;
let loaded = false;
let loading = false;
/** The last queue's window facts (see NamingQueueView). */
let ordersInWindow = 0;
let unnamedOverall: number | null = null;
/** Filter terms (lower case); every term must occur in an entry's haystack. */
let terms: string[] = [];

/** Insertion order is the server's order; the DOM order is the same. */
let entries = new Map<string, Entry>();
const entryOfLi = new WeakMap<Element, Entry>();

// The page skeleton, built once.
const app = document.getElementById('app')!;
// Sheets shows the sidebar's title above the page: the heading is for screen readers only.
const title = el('h1', { className: 'visually-hidden' });
const refresh = el('button', { className: 'refresh', attrs: { type: 'button' } });
const count = el('p', { className: 'count', attrs: { 'aria-live': 'polite' } });
const hint = el('p', { className: 'hint muted' });
const filterLabel = el('label', { className: 'visually-hidden', attrs: { for: 'filter' } });
const filter = el('input', {
  className: 'filter',
  attrs: { id: 'filter', type: 'search', autocomplete: 'off', spellcheck: 'false' },
});
const shown = el('p', { className: 'shown muted', hidden: true });
// The recent window (days), remembered per spreadsheet by the server.
const windowLabel = el('label', { className: 'window-label muted', attrs: { for: 'window' } });
const windowSelect = el('select', { className: 'window', attrs: { id: 'window' } });
/** Days of the window choices; 0 is "semua" (every order), last. */
const WINDOW_CHOICES = [1, 2, 3, 7, 14, 30, 0];
const toast = createToast();
const banner = el('div', { className: 'banner' });
const list = el('ul', { className: 'queue' });
const emptyNote = el('p', { className: 'empty muted', hidden: true });
const overallNote = el('p', { className: 'overall muted', hidden: true });
// Offered when the window holds nobody to name: a longer window, and "semua".
const widenRow = el('div', { className: 'widen', hidden: true });
app.append(
  el('header', { className: 'top' }, [title, refresh]),
  count,
  el('div', { className: 'window-row' }, [windowLabel, windowSelect]),
  hint,
  filterLabel,
  filter,
  shown,
  toast.node,
  banner,
  list,
  emptyNote,
  overallNote,
  widenRow,
);

function applyStaticTexts(): void {
  titlePage(lang, texts.title, title);
  refresh.textContent = texts.refresh;
  refresh.title = texts.refreshTitle;
  hint.textContent = texts.hint;
  filterLabel.textContent = texts.filterLabel;
  filter.placeholder = texts.filterPlaceholder;
  filter.title = texts.filterTitle;
  windowLabel.textContent = texts.windowLabel;
  fillWindowChoices();
}

function fillWindowChoices(): void {
  const choices = WINDOW_CHOICES.includes(days)
    ? WINDOW_CHOICES
    : [...WINDOW_CHOICES.filter((d) => d > 0), days].sort((a, b) => a - b).concat(0);
  windowSelect.replaceChildren(
    ...choices.map((d) => el('option', { text: texts.windowOption(n(d), d), attrs: { value: String(d) } })),
  );
  windowSelect.value = String(days);
}

function n(x: number): string {
  return formatNumber(x, lang);
}

function updateCount(): void {
  if (!loaded) return;
  const total = entries.size;
  // Nobody to name in the window: say whether it has no orders at all or only named buyers.
  count.textContent =
    total > 0
      ? texts.count(n(total))
      : ordersInWindow === 0
        ? texts.noOrders(n(days), days)
        : texts.allNamed(n(days), days);
  let visible = 0;
  for (const e of entries.values()) if (e.visible) visible++;
  const filtering = terms.length > 0;
  shown.hidden = !filtering || total === 0;
  shown.textContent = filtering ? texts.shown(n(visible), n(total)) : '';
  showWiden(total === 0);
  if (total === 0) {
    emptyNote.hidden = true;
  } else if (visible === 0) {
    emptyNote.textContent = texts.noMatch;
    emptyNote.hidden = false;
  } else {
    emptyNote.hidden = true;
  }
}

/** Under an empty window: how many buyers wait overall, and buttons for a longer window and "semua". */
function showWiden(empty: boolean): void {
  const others = unnamedOverall ?? 0;
  overallNote.hidden = !empty || days === 0 || unnamedOverall === null;
  overallNote.textContent = overallNote.hidden ? '' : texts.unnamedOverall(n(others));
  const longer = WINDOW_CHOICES.find((d) => d > days);
  const offers: number[] = [];
  // Unknown (null: the server counts only for a window that came back empty, e.g. after naming its last
  // buyer here): offer the longer windows anyway.
  if (empty && days !== 0 && (unnamedOverall === null || others > 0)) {
    if (longer !== undefined) offers.push(longer);
    offers.push(0);
  }
  widenRow.hidden = offers.length === 0;
  widenRow.replaceChildren(
    ...offers.map((d) => {
      const b = el('button', {
        className: 'action widen-button',
        text: texts.widen(texts.windowOption(n(d), d)),
        attrs: { type: 'button', 'data-days': String(d) },
      });
      b.addEventListener('click', () => load(d));
      return b;
    }),
  );
}

/** An entry holding text the seller typed (in flight or failed) stays visible whatever the filter says. */
function mustStay(e: Entry): boolean {
  return e.saver.state === 'saving' || e.saver.state === 'error';
}

function applyFilter(): void {
  for (const e of entries.values()) {
    const match = mustStay(e) || terms.every((t) => e.haystack.includes(t));
    if (match !== e.visible) {
      e.visible = match;
      e.li.hidden = !match;
    }
  }
  updateCount();
}

const SPACES = /\s+/;
filter.addEventListener('input', () => {
  const q = filter.value.trim().toLowerCase();
  terms = q === '' ? [] : q.split(SPACES);
  applyFilter();
});

/** The next (or previous) entry the seller can type into. */
function neighbour(from: Entry, direction: 'next' | 'previous'): Entry | null {
  let node = direction === 'next' ? from.li.nextElementSibling : from.li.previousElementSibling;
  while (node) {
    const e = entryOfLi.get(node);
    if (e?.visible && e.saver.state !== 'saving' && e.saver.state !== 'saved') return e;
    node = direction === 'next' ? node.nextElementSibling : node.previousElementSibling;
  }
  return null;
}

function focusEntry(e: Entry | null): boolean {
  if (!e) return false;
  e.field.input.focus();
  return true;
}

function removeEntry(e: Entry): void {
  const hadFocus = e.li.contains(document.activeElement);
  if (hadFocus && !focusEntry(neighbour(e, 'next')) && !focusEntry(neighbour(e, 'previous'))) filter.focus();
  entries.delete(e.key);
  e.li.remove();
  updateCount();
}

function hooksFor(e: Entry) {
  return {
    // The address lets the server store it for the seller without reading Orders again; a first try for a
    // buyer the queue showed unnamed is a single append on the server.
    save: (name: string, firstTry: boolean): Promise<SaveNameResult> =>
      server.saveBuyerName(e.key, name, e.view.addressFull, firstTry),
    onChange: () => {
      showSaverState(e.field, e.saver, texts);
      e.li.classList.toggle('saving', e.saver.state === 'saving');
      e.li.classList.toggle('failed', e.saver.state === 'error');
    },
    onSaved: (result: SaveNameResult, name: string) => {
      toast.show(texts.saved(result?.buyerRealName || name));
      removeEntry(e);
    },
  };
}

function entryOf(target: EventTarget | null): Entry | undefined {
  const li = (target as Element | null)?.closest?.('li.entry');
  return li ? entryOfLi.get(li) : undefined;
}

// One set of listeners for the whole list (event delegation): 500 entries cost no extra handlers.
list.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement;
  if (ev.key !== 'Enter' || ev.isComposing || !target.classList.contains('name-input')) return;
  const e = entryOf(target);
  if (!e) return;
  ev.preventDefault();
  const empty = cleanName(e.field.input.value) === '';
  const started = e.saver.commit(e.field.input.value, 'enter');
  // Keyboard flow: move on at once (saves take a second on Apps Script) unless this entry needs attention.
  // After the last card of the list (or of the filter), the filter: where the seller narrows or moves on.
  if (empty || started || e.saver.state === 'saving') if (!focusEntry(neighbour(e, 'next'))) filter.focus();
});

list.addEventListener('focusout', (ev) => {
  const target = ev.target as HTMLElement;
  if (!target.classList.contains('name-input')) return;
  const e = entryOf(target);
  if (e) e.saver.commit(e.field.input.value, 'blur');
});

list.addEventListener('click', (ev) => {
  const target = ev.target as HTMLElement;
  const e = entryOf(target);
  if (!e) return;
  if (target.closest('button.retry')) {
    e.saver.commit(e.field.input.value, 'retry');
  } else if (target.closest('button.more')) {
    toggleExpanded(e, texts);
  } else if (
    target.closest('.clamp') &&
    e.li.classList.contains('long') &&
    !e.li.classList.contains('expanded')
  ) {
    toggleExpanded(e, texts);
  }
});

/** Merges a fresh queue into the page. Entries holding typed text keep their element (and the text);
 *  untouched ones are rebuilt from the new data. */
function applyQueue(view: NamingQueueView): void {
  lang = view.lang === 'en' ? 'en' : 'id';
  texts = naming[lang];
  timeZone = safeTimeZone(view.timeZone);
  days = view.days;
  ordersInWindow = view.ordersInWindow ?? view.entries.length;
  unnamedOverall = view.unnamedOverall ?? null;
  applyStaticTexts();

  const focusedKey = entryOf(document.activeElement)?.key;
  const firstLoad = !loaded;
  const next = new Map<string, Entry>();
  const fragment = document.createDocumentFragment();
  const ctx = { texts, lang, timeZone, hooks: hooksFor };
  const keep = (e: Entry) => mustStay(e) || cleanName(e.field.input.value) !== '';
  for (const v of view.entries) {
    if (next.has(v.buyerKey)) continue; // one entry per buyer key, whatever the server sends
    const old = entries.get(v.buyerKey);
    const e = old && keep(old) ? old : buildEntry(v, ctx);
    entryOfLi.set(e.li, e);
    next.set(v.buyerKey, e);
    fragment.appendChild(e.li);
  }
  // Named elsewhere meanwhile, but the seller typed something here: never throw typed text away.
  for (const [key, e] of entries) {
    if (next.has(key) || !keep(e) || e.saver.state === 'saved') continue;
    next.set(key, e);
    fragment.appendChild(e.li);
  }
  entries = next;
  for (const e of entries.values()) e.visible = !e.li.hidden;
  list.replaceChildren(fragment);
  loaded = true;
  applyFilter();
  const refocus = focusedKey ? entries.get(focusedKey) : undefined;
  if (refocus) refocus.field.input.focus();
  else if (firstLoad) focusEntry(firstVisible()); // open on the first name field: type at once
}

function firstVisible(): Entry | null {
  for (const e of entries.values()) if (e.visible) return e;
  return null;
}

function load(requestedDays?: number): void {
  if (loading) return;
  loading = true;
  refresh.disabled = true;
  refresh.setAttribute('aria-busy', 'true');
  banner.replaceChildren(statusBox('loading', texts.loading));
  (requestedDays === undefined ? server.getNamingQueue() : server.getNamingQueue(requestedDays)).then(
    (view) => {
      loading = false;
      refresh.disabled = false;
      refresh.setAttribute('aria-busy', 'false');
      banner.replaceChildren();
      applyQueue(view);
    },
    (error: unknown) => {
      loading = false;
      refresh.disabled = false;
      refresh.setAttribute('aria-busy', 'false');
      const reason = errorMessage(error);
      const message = `${loaded ? texts.refreshFailed : texts.loadFailed}${reason ? ` (${reason})` : ''}`;
      banner.replaceChildren(
        statusBox('error', message, { label: texts.retry, onRetry: () => load(requestedDays) }),
      );
    },
  );
}

refresh.addEventListener('click', () => load());
windowSelect.addEventListener('change', () => load(Number(windowSelect.value)));
applyStaticTexts();
load();
