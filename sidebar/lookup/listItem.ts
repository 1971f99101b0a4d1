// One customer in the lookup list: a button (click, Enter or Space opens the detail) addressed by its
// buyerKey. Names, usernames and addresses are untrusted: textContent only.
import { formatDateId, formatNumber } from '../../src/core/format';
import type { lookup } from '../../src/core/text/lookup';
import type { Lang } from '../../src/core/types';
import type { CustomerListItemView, SearchMatchView } from '../../src/core/views';
import { el, highlighted } from '../shared/dom';

export type LookupTexts = (typeof lookup)['id'];

export interface ViewContext {
  texts: LookupTexts;
  lang: Lang;
  timeZone: string;
}

/** The profile mark: ✓ when the seller has named this buyer, "Belum bernama" (no name yet) otherwise. */
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

/** A field's text, with the search's match marked when it is in this field. */
function shown(text: string, field: SearchMatchView['field'], match: SearchMatchView | undefined): Node[] {
  return match && match.field === field && match.text === text
    ? highlighted(text, match.start, match.length)
    : [document.createTextNode(text)];
}

export function buildListItem(item: CustomerListItemView, ctx: ViewContext): HTMLLIElement {
  const { texts } = ctx;
  const hasProfile = item.realName !== null;
  const name = item.realName || item.buyerUsername;
  const m = item.match;
  // Last activity (any status) and the counted orders: two meanings, each named.
  const activity = texts.lastActivityShort(
    formatDateId(item.lastActivityAt, ctx.timeZone, ctx.lang, { time: false }),
  );
  const counted =
    item.orderCount > 0 ? texts.ordersCount(formatNumber(item.orderCount, ctx.lang)) : texts.noCountedOrders;
  // A match in an order number that is not the newest one: that number is shown (and marked) instead.
  const sn = m?.field === 'orderSn' ? m.text : item.lastActivitySn;
  const button = el('button', { className: 'item', attrs: { type: 'button' } }, [
    el('span', { className: 'item-top' }, [
      el('span', { className: 'item-name' }, shown(name, hasProfile ? 'name' : 'username', m)),
      profileMark(hasProfile, texts),
    ]),
    hasProfile ? el('span', { className: 'item-user' }, shown(item.buyerUsername, 'username', m)) : null,
    el('span', { className: 'item-address', title: item.addressFull }, shown(item.addressFull, 'address', m)),
    el('span', { className: 'item-meta' }, [
      el('span', {
        className: 'item-activity',
        text: `${activity} · ${counted}`,
        title: texts.lastActivityTitle,
      }),
      el('span', { className: 'item-sn' }, shown(sn, 'orderSn', m)),
    ]),
    m ? el('span', { className: 'item-why muted', text: texts.matchedIn[m.field] }) : null,
  ]);
  return el('li', { className: 'result' }, [button]);
}
