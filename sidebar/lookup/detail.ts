// The 360° view of one customer. Every value from the orders is untrusted text: textContent only.
import { formatDateId, formatNumber, formatRelativeDays, formatRupiah, MISSING } from '../../src/core/format';
import type { CustomerDetailView, OrderView, SaveNameResult, SegmentView } from '../../src/core/views';
import { el } from '../shared/dom';
import { createNameField, NameSaver, showSaverState } from '../shared/nameField';
import { profileMark, type ViewContext } from './listItem';

export interface DetailContext extends ViewContext {
  /** `shownUnnamed`: the detail showed a temporary profile and this is the field's first try. */
  save(buyerKey: string, name: string, addressFull: string, shownUnnamed: boolean): Promise<SaveNameResult>;
  /** A name was saved from the temporary-profile notice. */
  onNamed(detail: CustomerDetailView, result: SaveNameResult, name: string): void;
  /** A name save failed (the field shows why; this lets the page tell a seller who has moved on). */
  onSaveFailed(detail: CustomerDetailView, message: string): void;
}

export interface DetailNode {
  root: HTMLElement;
  /** True while the name field holds text that is not saved yet (in flight, failed, or typed). */
  isDirty(): boolean;
}

// A CSS colour from the segment table: #rgb/#rrggbb(aa), rgb()/hsl() or a plain colour name. Anything else
// is ignored (the badge falls back to its stylesheet colours) rather than passed on.
const CSS_COLOUR = /^(#[0-9a-f]{3,8}|(rgb|hsl)a?\([\d\s.,%/]+\)|[a-z]{3,20})$/i;

export function segmentBadge(segment: SegmentView, ctx: ViewContext): HTMLSpanElement {
  const badge = el('span', {
    className: 'badge segment',
    text: segment.label,
    title: ctx.texts.segmentTitle(segment.rfm),
  });
  if (CSS_COLOUR.test(segment.background.trim())) badge.style.backgroundColor = segment.background.trim();
  if (CSS_COLOUR.test(segment.color.trim())) badge.style.color = segment.color.trim();
  return badge;
}

/** The previous run's segment: the same badge, titled by what it is (it has no RFM code of its own). */
function previousBadge(segment: SegmentView, ctx: ViewContext): HTMLSpanElement {
  const badge = segmentBadge(segment, ctx);
  badge.title = ctx.texts.previousSegment;
  return badge;
}

function row(label: string, value: string, className = ''): HTMLDivElement {
  return el('div', { className: `row ${className}`.trim() }, [
    el('dt', { text: label }),
    el('dd', { text: value }),
  ]);
}

function statsSection(d: CustomerDetailView, ctx: ViewContext): HTMLElement {
  const { texts, lang, timeZone } = ctx;
  const s = d.stats;
  const date = (iso: string | null) => formatDateId(iso, timeZone, lang);
  const rows = [
    row(texts.totalSpend, formatRupiah(s.totalSpend), 'money'),
    row(texts.orderCount, formatNumber(s.orderCount, lang), 'count'),
    // No counted order: an average of "Rp 0" would be a made-up figure.
    row(texts.averageOrder, s.orderCount > 0 ? formatRupiah(s.averageOrderValue) : MISSING, 'money'),
    row(texts.firstOrder, date(s.firstOrderAt), 'date'),
    row(texts.lastOrder, date(s.lastOrderAt), 'date'),
    row(texts.daysSince, formatRelativeDays(s.daysSinceLastOrder, lang), 'days'),
    row(texts.totalItems, formatNumber(s.totalItems, lang), 'count'),
  ];
  if (s.netIncome !== null) rows.push(row(texts.netIncome, formatRupiah(s.netIncome), 'money net-income'));
  if (s.adminFees !== null) rows.push(row(texts.adminFees, formatRupiah(s.adminFees), 'money fees'));
  if (s.serviceFees !== null) rows.push(row(texts.serviceFees, formatRupiah(s.serviceFees), 'money fees'));
  const notes: HTMLElement[] = [];
  if (s.netIncome !== null && s.ordersWithPayment < s.orderCount) {
    notes.push(
      el('p', {
        className: 'note',
        text: texts.paymentCoverage(
          formatNumber(s.ordersWithPayment, lang),
          formatNumber(s.orderCount, lang),
        ),
      }),
    );
  }
  if (s.allOrderCount > s.orderCount) {
    notes.push(
      el('p', {
        className: 'note',
        text: texts.notCounted(formatNumber(s.allOrderCount - s.orderCount, lang)),
      }),
    );
  }
  return el('section', { className: 'stats' }, [
    el('h3', { text: texts.statsHeading }),
    el('dl', { className: 'grid' }, rows),
    ...notes,
  ]);
}

function lastOrderSection(order: OrderView | null, ctx: ViewContext): HTMLElement {
  const { texts, lang, timeZone } = ctx;
  // The newest order of any status ("Aktivitas terakhir"), apart from the statistics' last counted order.
  const heading = el('h3', { text: texts.lastOrderHeading, title: texts.lastActivityNote });
  if (!order)
    return el('section', { className: 'last-order' }, [
      heading,
      el('p', { className: 'muted', text: texts.noOrders }),
    ]);
  const status = el('dd', {}, [el('span', { text: order.status || MISSING })]);
  if (!order.counted)
    status.appendChild(el('span', { className: 'tag not-counted', text: texts.statusNotCounted }));
  const facts = el('dl', { className: 'grid' }, [
    row(texts.orderNo, order.orderSn, 'order-sn'),
    row(texts.date, formatDateId(order.createdAt, timeZone, lang), 'date'),
    el('div', { className: 'row status' }, [el('dt', { text: texts.status }), status]),
  ]);
  const lines =
    order.lines.length === 0
      ? el('p', { className: 'muted', text: texts.noLines })
      : el('table', { className: 'lines' }, [
          el('thead', {}, [
            el('tr', {}, [
              el('th', { text: texts.lineProduct, attrs: { scope: 'col' } }),
              el('th', { className: 'num', text: texts.lineQty, attrs: { scope: 'col' } }),
              el('th', { className: 'num', text: texts.linePrice, attrs: { scope: 'col' } }),
            ]),
          ]),
          el(
            'tbody',
            {},
            order.lines.map((line) => {
              const variant = [line.variantName, line.variantSku].filter((x) => x).join(' · ');
              return el('tr', {}, [
                el('td', { className: 'product' }, [
                  el('span', { className: 'product-name', text: line.productName || MISSING }),
                  variant ? el('span', { className: 'variant', text: variant }) : null,
                ]),
                el('td', { className: 'num qty', text: formatNumber(line.quantity, lang) }),
                el('td', {
                  className: 'num price',
                  text: line.price === null ? MISSING : formatRupiah(line.price),
                }),
              ]);
            }),
          ),
        ]);
  const total = el('p', { className: 'order-total' }, [
    el('span', { text: texts.orderTotal }),
    el('strong', { text: formatRupiah(order.totalPrice) }),
  ]);
  const note = el('p', { className: 'note', text: texts.lastActivityNote });
  return el('section', { className: 'last-order' }, [heading, note, facts, lines, total]);
}

function topProductsSection(d: CustomerDetailView, ctx: ViewContext): HTMLElement {
  const { texts, lang } = ctx;
  const heading = el('h3', { text: texts.topProductsHeading });
  if (d.topProducts.length === 0) {
    return el('section', { className: 'top-products' }, [
      heading,
      el('p', { className: 'muted', text: texts.noProducts }),
    ]);
  }
  const items = d.topProducts.slice(0, 10).map((p) =>
    el('li', {}, [
      el('span', { className: 'product-name', text: p.productName || MISSING }),
      el('span', {
        className: 'product-count',
        text: texts.topProductCount(formatNumber(p.quantity, lang), formatNumber(p.orders, lang)),
      }),
    ]),
  );
  return el('section', { className: 'top-products' }, [heading, el('ol', {}, items)]);
}

function namingNotice(
  d: CustomerDetailView,
  ctx: DetailContext,
): { node: HTMLElement; saver: NameSaver; input: HTMLInputElement } {
  const { texts } = ctx;
  const field = createNameField(texts);
  const saver = new NameSaver({
    save: (name, firstTry) => ctx.save(d.buyerKey, name, d.addressFull, firstTry),
    onChange: (s) => {
      showSaverState(field, s, texts);
      if (s.state === 'error') ctx.onSaveFailed(d, texts.saveFailed(s.error || texts.unknownError));
    },
    onSaved: (result, name) => ctx.onNamed(d, result, name),
  });
  field.input.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' || ev.isComposing) return;
    ev.preventDefault();
    saver.commit(field.input.value, 'enter');
  });
  field.input.addEventListener('blur', () => saver.commit(field.input.value, 'blur'));
  field.retry.addEventListener('click', () => saver.commit(field.input.value, 'retry'));
  const node = el('div', { className: 'notice temporary-profile', attrs: { role: 'note' } }, [
    el('strong', { className: 'notice-title', text: texts.temporaryProfile }),
    el('p', { text: texts.temporaryNote }),
    field.root,
  ]);
  return { node, saver, input: field.input };
}

export function buildDetail(d: CustomerDetailView, ctx: DetailContext): DetailNode {
  const { texts } = ctx;
  const name = el('h2', {
    className: 'customer-name',
    text: d.displayName || d.buyerUsername,
    attrs: { tabindex: '-1' },
  });
  const header = el('header', { className: 'detail-head' }, [
    name,
    d.segment ? segmentBadge(d.segment, ctx) : null,
    d.previousSegment
      ? el('span', { className: 'previous-segment', text: `${texts.previousSegment}: ` }, [
          previousBadge(d.previousSegment, ctx),
        ])
      : null,
  ]);
  const identity = el('dl', { className: 'identity' }, [
    el('div', { className: 'row username' }, [
      el('dt', { text: texts.username }),
      el('dd', {}, [
        el('span', { className: 'username-text', text: d.buyerUsername }),
        profileMark(d.hasProfile, texts),
      ]),
    ]),
    el('div', { className: 'row address' }, [
      el('dt', { text: texts.address }),
      el('dd', { text: d.addressFull }),
    ]),
  ]);
  const notice = d.hasProfile ? null : namingNotice(d, ctx);
  const root = el('article', { className: 'detail' }, [
    header,
    identity,
    notice?.node,
    statsSection(d, ctx),
    lastOrderSection(d.lastOrder, ctx),
    topProductsSection(d, ctx),
  ]);
  return {
    root,
    isDirty: () =>
      notice !== null &&
      (notice.saver.state === 'saving' ||
        notice.saver.state === 'error' ||
        (notice.saver.state === 'idle' && notice.input.value.trim() !== '')),
  };
}
