// 5. Readers during an import (issue #14), on the BUILT bundle: a second editor's sidebar, or a
// segmentation, reading at ANY call of an import sees the store as it was before the import or as it is
// after — or waits for it (in this in-process runtime a wait cannot block: it fails at once with the lock
// timeout, which Kenali reports as "busy, try again") — never half of it.
import { loadBundle } from '../../local';
import { texts } from '../../src/core/text';
import type { CellValue } from '../../src/core/types';
import type { NamingQueueView } from '../../src/core/views';
import { builtCode, cloneWorkbook, demoExport, NOW, openShop, paste, type Shop } from './harness';

beforeAll(() => {
  builtCode();
});

/** A shop with 60 lines imported, two names, a segmentation; the next, overlapping export pasted. */
function shopBeforeImport(): Shop {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  const first = demoExport(60, 71);
  paste(shop, first);
  shop.bundle.call('kenaliImport');
  shop.bundle.call('kenaliSegment');
  for (const e of shop.bundle.call<NamingQueueView>('getNamingQueue', 30).entries.slice(0, 2))
    shop.bundle.call('saveBuyerName', e.buyerKey, 'Nama', e.addressFull);
  const status = first[0].indexOf('Status Pesanan');
  const next: CellValue[][] = [
    first[0],
    ...first.slice(1, 25).map((r) => r.map((v, j) => (j === status ? 'Batal' : v))),
    ...demoExport(60, 72).slice(1),
  ];
  paste(shop, next);
  return shop;
}

type Reader = (shop: Shop, as: ReturnType<typeof loadBundle>) => unknown;

const READERS: Record<string, Reader> = {
  'the naming queue': (_s, b) => b.call('getNamingQueue', 30),
  'the lookup list': (_s, b) => b.call('lookupCustomers', '', 30),
  'a search': (_s, b) => b.call('lookupCustomers', 'a'),
  // its report says how many customers it scored, from the store it read
  segmentation: (_s, b) => (b.call('kenaliSegmentJson_', '2024-06-30') as { customers: number }).customers,
};

describe.each(Object.entries(READERS))('5. %s, at every call of an import', (_, read) => {
  it('sees the store before or after the import (or waits), never half of it', () => {
    const prepared = shopBeforeImport();
    const fresh = () => openShop({ wb: cloneWorkbook(prepared.wb) });
    const clean = fresh();
    const reader = () => loadBundle({ runtime: clean.bundle.runtime, code: builtCode(), now: NOW });
    const before = JSON.stringify(read(clean, reader()));
    const calls = clean.wb.counter.measure(() => clean.bundle.call('kenaliImport')).total;
    const after = JSON.stringify(read(clean, reader()));
    expect(after).not.toBe(before);
    const seen = new Set<string>();
    for (let k = 1; k <= calls; k++) {
      const shop = fresh();
      const other = loadBundle({ runtime: shop.bundle.runtime, code: builtCode(), now: NOW });
      let view: string | null = null;
      shop.wb.counter.at(
        () => true,
        k,
        () => {
          try {
            view = JSON.stringify(read(shop, other));
          } catch (e) {
            // the lock timeout, in the seller's words
            if (!String((e as Error).message).includes(texts.sheet.id.busy)) throw e;
            view = 'waited';
          }
        },
      );
      shop.bundle.call('kenaliImport');
      const outcome =
        view === before ? 'before' : view === after ? 'after' : view === 'waited' ? 'waited' : null;
      expect(
        outcome,
        `a read at call ${k} of the import saw half of it: ${String(view).slice(0, 300)}`,
      ).not.toBeNull();
      seen.add(outcome!);
    }
    expect(seen.has('before')).toBe(true);
  }, 120_000);
});
