// One customer in the lookup list: a button (click, Enter or Space opens the detail) addressed by its
// buyerKey. Names, usernames and addresses are untrusted: textContent only.
import { formatDateId, formatNumber } from '../../src/core/format';
import type { lookup } from '../../src/core/text/lookup';
import type { Lang } from '../../src/core/types';
import type { CustomerListItemView } from '../../src/core/views';
import { el } from '../shared/dom';

export type LookupTexts = (typeof lookup)['id'];

export interface ViewContext {
  texts: LookupTexts;
  lang: Lang;
  timeZone: string;
}

/** The profile mark: ✓ when the seller has named this buyer, "Sementara" (temporary) otherwise. */
export function profileMark(hasProfile: boolean, texts: LookupTexts): HTMLSpanElement {
  return hasProfile
    ? el('span', {
        className: 'mark profile',
        text: texts.profileMark,
        title: texts.profileTitle,
        attrs: { 'aria-label': texts.profileTitle },
      })
    : el('span', { className: 'tag temporary', text: texts.temporaryTag, title: texts.temporaryTitle });
}

export function buildListItem(item: CustomerListItemView, ctx: ViewContext): HTMLLIElement {
  const { texts } = ctx;
  const hasProfile = item.realName !== null;
  const name = item.realName || item.buyerUsername;
  const meta = [
    texts.lastOrderShort(formatDateId(item.lastOrderAt, ctx.timeZone, ctx.lang, { time: false })),
    texts.ordersCount(formatNumber(item.orderCount, ctx.lang)),
  ].join(' · ');
  const button = el('button', { className: 'item', attrs: { type: 'button' } }, [
    el('span', { className: 'item-top' }, [
      el('span', { className: 'item-name', text: name }),
      profileMark(hasProfile, texts),
    ]),
    hasProfile ? el('span', { className: 'item-user', text: item.buyerUsername }) : null,
    el('span', { className: 'item-address', text: item.addressFull, title: item.addressFull }),
    el('span', { className: 'item-meta' }, [
      el('span', { text: meta }),
      el('span', { className: 'item-sn', text: item.lastOrderSn }),
    ]),
  ]);
  return el('li', { className: 'result' }, [button]);
}
