// The status order (issue #23) through parseExport and mergeImport: overlapping exports of one shop, an
// order's status moving on from one export to the next, imported in every order.
import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { parseExport } from '../../src/core/exports';
import { segmentsTableCanonical } from '../../src/core/segments';
import { mergeImport, type StoreContent } from '../../src/core/store';
import type { Grid, ParsedExport } from '../../src/core/types';

const TZ = 'Asia/Jakarta';
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1, 3); // 10:00 in Jakarta
const HEAD = [
  'No. Pesanan',
  'Status Pesanan',
  'Status Pembatalan/ Pengembalian',
  'Username (Pembeli)',
  'Alamat Pengiriman',
  'Waktu Pesanan Dibuat',
  'Total Pembayaran',
  'Nama Produk',
  'Jumlah',
];

/** One state of an order: the status column, the return column, and what the export shows with it. */
type State = [status: string, returnStatus: string];
const PATHS: Record<string, State[]> = {
  normal: [
    ['Belum Bayar', ''],
    ['Perlu Dikirim', ''],
    ['Dikirim', ''],
    ['Selesai', ''],
  ],
  paidAtOnce: [
    ['Perlu Dikirim', ''],
    ['Dikirim', ''],
    ['Selesai', ''],
  ],
  cancelledUnpaid: [
    ['Belum Bayar', ''],
    ['Batal', ''],
  ],
  cancelledToShip: [
    ['Perlu Dikirim', ''],
    ['Batal', ''],
  ],
  returnedByColumn: [
    ['Perlu Dikirim', ''],
    ['Dikirim', ''],
    ['Selesai', ''],
    ['Selesai', 'Permintaan Disetujui'],
  ],
  returnRefused: [
    ['Perlu Dikirim', ''],
    ['Dikirim', ''],
    ['Selesai', ''],
    ['Pengembalian', ''],
    ['Selesai', 'Permintaan Ditolak'],
  ],
};

interface Life {
  buyer: number;
  createdDay: number;
  path: keyof typeof PATHS;
  /** Days between one state and the next. */
  gaps: number[];
}

const life = fc.record({
  buyer: fc.integer({ min: 0, max: 6 }),
  createdDay: fc.integer({ min: 0, max: 40 }),
  path: fc.constantFrom(...(Object.keys(PATHS) as (keyof typeof PATHS)[])),
  gaps: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 5, maxLength: 5 }),
});

/** The state index of an order on day `day` (-1: not created yet). */
function stateAt(l: Life, day: number): number {
  if (day < l.createdDay) return -1;
  let at = l.createdDay;
  let i = 0;
  while (i + 1 < PATHS[l.path].length && at + l.gaps[i] <= day) {
    at += l.gaps[i];
    i++;
  }
  return i;
}

/** The export downloaded on `day` covering orders created in the `window` days before it. Fields other
 *  than the status change with the state too (a total, a line's quantity), so an older export's values
 *  would show if they were taken. */
function exportOn(lives: readonly Life[], day: number, window: number): Grid {
  const grid: Grid = [['Pesanan Saya'], [`Diunduh hari ke-${day}`], HEAD];
  lives.forEach((l, n) => {
    if (l.createdDay < day - window) return;
    const s = stateAt(l, day);
    if (s < 0) return;
    const [status, ret] = PATHS[l.path][s];
    const created = new Date(START + l.createdDay * DAY + n * 60_000).toISOString();
    const when = `${created.slice(0, 10)} ${created.slice(11, 16)}`;
    const total = 100_000 + n * 1_000 + s * 10;
    const user = `pembeli${l.buyer}`;
    grid.push([`SN${n}`, status, ret, user, `Jl. ${l.buyer}`, when, total, 'Kaos', 1 + s]);
    grid.push([`SN${n}`, status, ret, user, `Jl. ${l.buyer}`, when, total, 'Topi', 1]);
  });
  return grid;
}

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
  return segmentsTableCanonical(index, { timeZone: TZ, now: START + 120 * DAY }, 'id').rows;
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
    const head = HEAD.filter((h) => h !== 'Status Pembatalan/ Pengembalian');
    const g = (status: string): Grid => [
      head,
      ['A', status, 'ani', 'Jl. A', '2024-05-01 10:00', 1000, 'K', 1],
    ];
    const store = importEach([parse(g('Selesai'), 0), parse(g('Menunggu Kurir Lokal'), 1)]);
    expect(store.orders.map((o) => o.status)).toEqual(['Menunggu Kurir Lokal']);
    const back = importEach([parse(g('Menunggu Kurir Lokal'), 0), parse(g('Perlu Dikirim'), 1)]);
    expect(back.orders.map((o) => o.status)).toEqual(['Perlu Dikirim']);
  });
});
