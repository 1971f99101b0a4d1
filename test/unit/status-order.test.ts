// The status order (issue #23) through parseExport and mergeImport: overlapping exports of one shop, an
// order's status moving on from one export to the next, imported in every order.
import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { parseExport } from '../../src/core/exports';
import { canonicalSegments } from '../../src/core/segments';
import { mergeImport, type StoreContent } from '../../src/core/store';
import type { Grid, ParsedExport } from '../../src/core/types';
import { DAY, exportOn, type Life, life, START } from '../fixtures/history';
import { shopeeExport } from '../fixtures/layouts';

const TZ = 'Asia/Jakarta';
const parse = (g: Grid, i: number) => parseExport(g, `ekspor${i}`, TZ);
const empty: StoreContent = { orders: [], items: [], payments: [] };

/** Each export imported on its own, one after the other, as a seller does. */
function importEach(exports: readonly ParsedExport[]): StoreContent {
  let store = empty;
  exports.forEach((e, i) => {
    store = mergeImport(store, [e], START + i);
  });
  return store;
}

/** The store's content up to row order: new orders are appended in the order they arrive. */
function sheets(s: StoreContent) {
  const key = (v: unknown) => JSON.stringify(v);
  return {
    orders: s.orders.map(key).sort(),
    items: s.items.map(key).sort(),
    payments: s.payments.map(key).sort(),
  };
}

function segments(s: StoreContent) {
  const index = buildCustomers({ orders: s.orders, items: [], payments: [], profiles: [] });
  return [...canonicalSegments(index, { timeZone: TZ, now: START + 120 * DAY }, 'id').rows];
}

const shop = fc.record({
  lives: fc.array(life, { minLength: 1, maxLength: 14 }),
  days: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 2, maxLength: 7 }),
  window: fc.integer({ min: 5, max: 40 }),
});

describe('the status order: overlapping exports in any order give the same store', () => {
  it('oldest-first, newest-first and shuffled give identical store sheets and segments', () => {
    const runs = shop.chain((s) => {
      const days = [...s.days].sort((a, b) => a - b);
      return fc.tuple(fc.constant({ ...s, days }), fc.shuffledSubarray(days, { minLength: days.length }));
    });
    fc.assert(
      fc.property(runs, ([s, shuffled]) => {
        const grids = new Map(s.days.map((d) => [d, exportOn(s.lives, d, s.window)]));
        const inOrder = (days: number[]) => days.map((d, i) => parse(grids.get(d)!, i));
        const oldest = importEach(inOrder(s.days));
        const newest = importEach(inOrder([...s.days].reverse()));
        const mixed = importEach(inOrder(shuffled));
        expect(sheets(newest)).toEqual(sheets(oldest));
        expect(sheets(mixed)).toEqual(sheets(oldest));
        expect(segments(newest)).toEqual(segments(oldest));
        expect(segments(mixed)).toEqual(segments(oldest));
        // Several exports in one import (the CLI's one-shot segment with several files) agree too.
        expect(sheets(mergeImport(empty, inOrder(shuffled), START))).toEqual(sheets(oldest));
      }),
      { numRuns: 60 },
    );
  });

  it('a backfill of an older export after newer ones changes no status, and says how many were older', () => {
    const lives: Life[] = [
      { buyer: 0, createdDay: 0, path: 'normal', gaps: [1, 1, 1, 1, 1] },
      { buyer: 1, createdDay: 0, path: 'cancelledToShip', gaps: [2, 1, 1, 1, 1] },
      { buyer: 2, createdDay: 1, path: 'returnRefused', gaps: [1, 1, 1, 1, 1] },
      { buyer: 3, createdDay: 1, path: 'returnedByColumn', gaps: [1, 1, 1, 1, 1] },
    ];
    const newer = [exportOn(lives, 4, 30), exportOn(lives, 9, 30)].map(parse);
    const store = importEach(newer);
    expect(store.orders.map((o) => [o.orderSn, o.status, o.returnStatus])).toEqual([
      ['SN0', 'Selesai', ''],
      ['SN1', 'Batal', ''],
      ['SN2', 'Selesai', 'Permintaan Ditolak'],
      ['SN3', 'Selesai', 'Permintaan Disetujui'],
    ]);
    const backfill = mergeImport(store, [parse(exportOn(lives, 1, 30), 9)], START + 99);
    expect(backfill.orders).toEqual(store.orders);
    expect(backfill.items).toEqual(store.items);
    expect(backfill.history).toEqual([]);
    expect(backfill.stats).toMatchObject({ newOrders: 0, updatedOrders: 0, olderOrders: 4 });
  });

  it('records only real moves in the status history', () => {
    const lives: Life[] = [{ buyer: 0, createdDay: 0, path: 'normal', gaps: [1, 1, 1, 1, 1] }];
    const [d0, d1, d3] = [0, 1, 3].map((d, i) => parse(exportOn(lives, d, 30), i));
    const history = (exports: ParsedExport[]) => {
      let store = empty;
      const moves: string[] = [];
      for (const e of exports) {
        const m = mergeImport(store, [e], START);
        moves.push(...m.history.map((h) => `${h.oldStatus} → ${h.newStatus}`));
        store = m;
      }
      return moves;
    };
    expect(history([d0, d1, d3])).toEqual(['Belum Bayar → Perlu Dikirim', 'Perlu Dikirim → Selesai']);
    expect(history([d3, d1, d0])).toEqual([]);
    expect(history([d1, d3, d0])).toEqual(['Perlu Dikirim → Selesai']);
  });

  it('an order stacked twice in one pasted sheet keeps its later stage, whichever block comes first', () => {
    const lives: Life[] = [{ buyer: 0, createdDay: 0, path: 'paidAtOnce', gaps: [2, 2, 1, 1, 1] }];
    const older = exportOn(lives, 0, 30);
    const newer = exportOn(lives, 5, 30);
    for (const grid of [
      [...newer, [''], ...older],
      [...older, [''], ...newer],
    ]) {
      const r = parseExport(grid, 'Impor', TZ);
      expect(r.orders.map((o) => o.status)).toEqual(['Selesai']);
      expect(r.items.map((i) => i.quantity)).toEqual([3, 1]); // the newer block's lines
    }
  });

  it('unknown statuses replace by import order', () => {
    const g = (status: string): Grid =>
      shopeeExport('id', [
        {
          sn: 'A',
          status,
          user: 'ani',
          address: 'Jl. A',
          created: '2024-05-01 10:00',
          total: 1000,
          product: 'K',
        },
      ]);
    const store = importEach([parse(g('Selesai'), 0), parse(g('Menunggu Kurir Lokal'), 1)]);
    expect(store.orders.map((o) => o.status)).toEqual(['Menunggu Kurir Lokal']);
    const back = importEach([parse(g('Menunggu Kurir Lokal'), 0), parse(g('Perlu Dikirim'), 1)]);
    expect(back.orders.map((o) => o.status)).toEqual(['Perlu Dikirim']);
  });
});
