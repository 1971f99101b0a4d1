// Customer lookup ("Cari Pelanggan"): a list of recent buyers, a search, and the 360° detail of one buyer.
//
// Sidebar rather than modal dialog: the seller looks a customer up while working in the sheet (answering a
// chat, checking an order row), and a modal dialog would hide and block the sheet. The detail's tables are
// narrow (product × quantity × price; product × count), so they fit 300 px; the layout is fluid, so the same
// page also reads well if it is ever shown in a wider dialog.
import '../shared/base.css';
import './style.css';
import { formatNumber } from '../../src/core/format';
import { lookup } from '../../src/core/text/lookup';
import type { Lang } from '../../src/core/types';
import type {
  CustomerDetailView,
  CustomerListItemView,
  LookupListView,
  SaveNameResult,
} from '../../src/core/views';
import { server } from '../shared/client';
import { createToast, el, errorMessage, safeTimeZone, statusBox, titlePage } from '../shared/dom';
import { buildDetail, type DetailContext, type DetailNode } from './detail';
import { buildListItem, type LookupTexts } from './listItem';

const SEARCH_DEBOUNCE_MS = 350;

let lang: Lang = 'id';
let texts: LookupTexts = lookup.id;
let timeZone = 'Asia/Jakarta';

/** The list on screen: its items by buyerKey, so a name saved in the detail can update its row. */
const shownItems = new Map<string, { item: CustomerListItemView; li: HTMLLIElement }>();
const keyOfButton = new WeakMap<Element, string>();
/** The query of the list on screen or being fetched. */
let listQuery: string | null = null;
let listSeq = 0;
let detailSeq = 0;
let debounce: ReturnType<typeof setTimeout> | undefined;

/** The detail on screen, and details left with an unsaved name (reopened as they were: typed text is kept). */
let currentKey: string | null = null;
const keptDetails = new Map<string, DetailNode>();
let savedScroll = 0;

// The page skeleton, built once.
const app = document.getElementById('app')!;
const toast = createToast();

// Sheets shows the sidebar's title above the page: the heading is for screen readers only.
const title = el('h1', { className: 'visually-hidden' });
const searchLabel = el('label', { className: 'visually-hidden', attrs: { for: 'search' } });
const search = el('input', {
  className: 'search-input',
  attrs: { id: 'search', type: 'search', autocomplete: 'off', spellcheck: 'false', enterkeyhint: 'search' },
});
const searchButton = el('button', { className: 'action search-button', attrs: { type: 'button' } });
const listBanner = el('div', { className: 'banner' });
const heading = el('p', { className: 'list-heading' });
const meta = el('p', { className: 'list-meta muted' });
const results = el('ul', { className: 'results' });
const emptyNote = el('p', { className: 'empty muted', hidden: true });
const listView = el('section', { className: 'list-view' }, [
  el('header', { className: 'top' }, [title]),
  el('div', { className: 'search', attrs: { role: 'search' } }, [searchLabel, search, searchButton]),
  listBanner,
  heading,
  meta,
  results,
  emptyNote,
]);

const back = el('button', { className: 'link back', attrs: { type: 'button' } });
const detailBanner = el('div', { className: 'banner' });
const detailBody = el('div', { className: 'detail-body' });
const detailView = el('section', { className: 'detail-view', hidden: true }, [
  back,
  detailBanner,
  detailBody,
]);
app.append(toast.node, listView, detailView);

function applyStaticTexts(): void {
  titlePage(lang, texts.title, title);
  searchLabel.textContent = texts.searchLabel;
  search.placeholder = texts.searchPlaceholder;
  search.title = texts.searchTitle;
  searchButton.textContent = texts.searchButton;
  back.textContent = texts.back;
}

function scroller(): Element {
  return document.scrollingElement ?? document.documentElement;
}

function n(x: number): string {
  return formatNumber(x, lang);
}

// ---- list and search ----

function renderList(view: LookupListView): void {
  lang = view.lang === 'en' ? 'en' : 'id';
  texts = lookup[lang];
  timeZone = safeTimeZone(view.timeZone);
  applyStaticTexts();
  const ctx = { texts, lang, timeZone };
  const days = n(view.days);
  heading.textContent =
    view.mode === 'search' ? texts.resultsHeading(view.query) : texts.recentHeading(days, view.days);
  meta.textContent =
    view.total > view.items.length
      ? texts.shownOf(n(view.items.length), n(view.total))
      : texts.count(n(view.total));
  shownItems.clear();
  const fragment = document.createDocumentFragment();
  for (const item of view.items) {
    if (shownItems.has(item.buyerKey)) continue;
    const li = buildListItem(item, ctx);
    keyOfButton.set(li.firstElementChild!, item.buyerKey);
    shownItems.set(item.buyerKey, { item, li });
    fragment.appendChild(li);
  }
  results.replaceChildren(fragment);
  emptyNote.hidden = view.items.length > 0;
  emptyNote.textContent =
    view.items.length > 0
      ? ''
      : view.mode === 'search'
        ? texts.noResults(view.query)
        : texts.noRecent(days, view.days);
}

function runSearch(query: string): void {
  if (debounce !== undefined) clearTimeout(debounce);
  debounce = undefined;
  listQuery = query;
  const seq = ++listSeq;
  listBanner.replaceChildren(statusBox('loading', query ? texts.searching : texts.loading));
  server.lookupCustomers(query).then(
    (view) => {
      if (seq !== listSeq) return; // an older search answered late
      listBanner.replaceChildren();
      renderList(view);
    },
    (error: unknown) => {
      if (seq !== listSeq) return;
      const reason = errorMessage(error);
      listBanner.replaceChildren(
        statusBox('error', `${texts.loadFailed}${reason ? ` (${reason})` : ''}`, {
          label: texts.retry,
          onRetry: () => runSearch(query),
        }),
      );
    },
  );
}

search.addEventListener('input', () => {
  if (debounce !== undefined) clearTimeout(debounce);
  debounce = setTimeout(() => {
    debounce = undefined;
    const q = search.value.trim();
    if (q !== listQuery) runSearch(q);
  }, SEARCH_DEBOUNCE_MS);
});

search.addEventListener('keydown', (ev) => {
  if (ev.key !== 'Enter' || ev.isComposing) return;
  ev.preventDefault();
  runSearch(search.value.trim());
});

searchButton.addEventListener('click', () => runSearch(search.value.trim()));

results.addEventListener('click', (ev) => {
  const button = (ev.target as Element).closest('button.item');
  const key = button ? keyOfButton.get(button) : undefined;
  if (key !== undefined) openDetail(key);
});

// ---- detail ----

const detailCtx = (): DetailContext => ({
  texts,
  lang,
  timeZone,
  save: (buyerKey, name, addressFull, shownUnnamed) =>
    server.saveBuyerName(buyerKey, name, addressFull, shownUnnamed),
  onNamed,
  onSaveFailed: (d, message) => {
    if (currentKey !== d.buyerKey) toast.show(`${d.displayName || d.buyerUsername}: ${message}`, 'error');
  },
});

function showDetail(d: CustomerDetailView): void {
  const node = buildDetail(d, detailCtx());
  keptDetails.set(d.buyerKey, node);
  detailBody.replaceChildren(node.root);
}

function loadDetail(key: string): void {
  const seq = ++detailSeq;
  detailBody.replaceChildren();
  detailBanner.replaceChildren(statusBox('loading', texts.loading));
  server.getCustomerDetail(key).then(
    (d) => {
      if (seq !== detailSeq || currentKey !== key) return;
      if (!d) {
        detailBanner.replaceChildren(
          statusBox('error', texts.notFound, { label: texts.retry, onRetry: () => loadDetail(key) }),
        );
        return;
      }
      detailBanner.replaceChildren();
      showDetail(d);
    },
    (error: unknown) => {
      if (seq !== detailSeq || currentKey !== key) return;
      const reason = errorMessage(error);
      detailBanner.replaceChildren(
        statusBox('error', `${texts.detailFailed}${reason ? ` (${reason})` : ''}`, {
          label: texts.retry,
          onRetry: () => loadDetail(key),
        }),
      );
    },
  );
}

function openDetail(key: string): void {
  savedScroll = scroller().scrollTop;
  currentKey = key;
  listView.hidden = true;
  detailView.hidden = false;
  scroller().scrollTop = 0;
  const kept = keptDetails.get(key);
  if (kept?.isDirty()) {
    // A name typed here earlier has not been saved: show it as it was rather than reload over it.
    detailBanner.replaceChildren();
    detailBody.replaceChildren(kept.root);
  } else {
    loadDetail(key);
  }
  back.focus();
}

function closeDetail(): void {
  // Leaving saves what was typed (blur), as everywhere else; hiding a focused field would not blur it.
  const active = document.activeElement as HTMLElement | null;
  if (active && detailView.contains(active)) active.blur();
  detailSeq++;
  const key = currentKey;
  currentKey = null;
  for (const [k, node] of keptDetails) if (!node.isDirty()) keptDetails.delete(k);
  detailView.hidden = true;
  listView.hidden = false;
  scroller().scrollTop = savedScroll;
  const row = key ? shownItems.get(key) : undefined;
  (row?.li.firstElementChild as HTMLElement | null | undefined)?.focus();
}

function onNamed(d: CustomerDetailView, result: SaveNameResult, typed: string): void {
  const name = result?.buyerRealName || typed;
  d.realName = name;
  d.displayName = name;
  d.hasProfile = true;
  toast.show(texts.saved(name));
  // The list row gets its name and mark, in place (the search and scroll stay as they are).
  const row = shownItems.get(d.buyerKey);
  if (row) {
    row.item.realName = name;
    const li = buildListItem(row.item, { texts, lang, timeZone });
    keyOfButton.set(li.firstElementChild!, d.buyerKey);
    row.li.replaceWith(li);
    row.li = li;
  }
  keptDetails.delete(d.buyerKey);
  if (currentKey === d.buyerKey) {
    const hadFocus = detailBody.contains(document.activeElement);
    showDetail(d);
    if (hadFocus) detailBody.querySelector<HTMLElement>('.customer-name')?.focus();
  }
}

back.addEventListener('click', closeDetail);
detailView.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape') {
    ev.preventDefault();
    closeDetail();
  }
});

applyStaticTexts();
runSearch('');
