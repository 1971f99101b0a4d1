// One queue entry: the buyer's username, address, orders, date and products (all untrusted text, set with
// textContent), and the name field. Built once per entry; saves and filtering never rebuild it.
import { formatDateId } from '../../src/core/format';
import type { naming } from '../../src/core/text/naming';
import type { Lang } from '../../src/core/types';
import type { QueueEntryView } from '../../src/core/views';
import { el } from '../shared/dom';
import { createNameField, type NameField, NameSaver, type NameSaverHooks } from '../shared/nameField';

export type NamingTexts = (typeof naming)['id'];

export interface Entry {
  key: string;
  view: QueueEntryView;
  /** Lower-case text the filter searches: computed once, so filtering 500 entries is a few string scans. */
  haystack: string;
  li: HTMLLIElement;
  field: NameField;
  saver: NameSaver;
  /** Matches the current filter (or must stay visible because it holds typed text). */
  visible: boolean;
}

/** Products shown before "+N more" in the collapsed view. */
const PRODUCTS_SHOWN = 2;

export function haystackOf(v: QueueEntryView): string {
  return [v.buyerUsername, v.addressFull, ...v.orderSns, ...v.products].join('\n').toLowerCase();
}

/** Whether the collapsed view hides something (decided from the text, not from layout: measuring 500
 *  entries would force a reflow each). */
function isLong(v: QueueEntryView): boolean {
  return (
    v.addressFull.length > 80 ||
    v.products.length > PRODUCTS_SHOWN ||
    v.products.some((p) => p.length > 38) ||
    v.orderSns.join(', ').length > 28 // monospace: about 28 characters fit one line beside the label
  );
}

export interface EntryContext {
  texts: NamingTexts;
  lang: Lang;
  timeZone: string;
  hooks: (entry: Entry) => NameSaverHooks;
}

export function buildEntry(v: QueueEntryView, ctx: EntryContext): Entry {
  const { texts } = ctx;
  const orders = v.orderSns.join(', ');
  const head = el('div', { className: 'entry-head' }, [
    el('span', { className: 'username', text: v.buyerUsername, title: v.buyerUsername }),
    el('span', {
      className: 'date',
      text: formatDateId(v.lastActivityAt, ctx.timeZone, ctx.lang),
      title: texts.lastActivityTitle,
    }),
  ]);
  const address = el('div', { className: 'address clamp', text: v.addressFull, title: v.addressFull });
  const orderLine = el('div', { className: 'orders clamp', title: orders }, [
    el('span', { className: 'label', text: `${texts.orders}: ` }),
    el('span', { className: 'order-sns', text: orders }),
  ]);
  const productList = el(
    'ul',
    { className: 'products clamp', title: v.products.join('\n'), attrs: { 'aria-label': texts.products } },
    v.products.map((p) => el('li', { className: 'product', text: p })),
  );
  const hiddenProducts = v.products.length - PRODUCTS_SHOWN;
  const moreProducts =
    hiddenProducts > 0
      ? el('div', { className: 'more-products', text: texts.moreProducts(String(hiddenProducts)) })
      : null;
  const toggle = isLong(v)
    ? el('button', {
        className: 'link more',
        text: texts.more,
        attrs: { type: 'button', 'aria-expanded': 'false' },
      })
    : null;
  const field = createNameField(texts);
  const li = el('li', { className: toggle ? 'entry long' : 'entry' }, [
    head,
    address,
    orderLine,
    productList,
    moreProducts,
    toggle,
    field.root,
  ]);
  const entry: Entry = {
    key: v.buyerKey,
    view: v,
    haystack: haystackOf(v),
    li,
    field,
    saver: undefined as unknown as NameSaver,
    visible: true,
  };
  entry.saver = new NameSaver(ctx.hooks(entry));
  return entry;
}

/** Expands or collapses an entry's long text. */
export function toggleExpanded(entry: Entry, texts: NamingTexts): void {
  const expanded = entry.li.classList.toggle('expanded');
  const toggle = entry.li.querySelector<HTMLButtonElement>('button.more');
  if (toggle) {
    toggle.textContent = expanded ? texts.less : texts.more;
    toggle.setAttribute('aria-expanded', String(expanded));
  }
}
