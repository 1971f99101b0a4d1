// Core's CustomerSummaries (orders summed up per customer as they come, merged across parts) must give the
// Segments table core gives from the customer index: buildCustomers → canonicalSegments, row for row, with
// the same notice and report, for random orders around the run date in zones with and without a change of
// offset that day, split into parts in any way.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCustomers } from '../../src/core/customers';
import { scoreInputs } from '../../src/core/rfm';
import { canonicalSegments, canonicalSegmentsOf } from '../../src/core/segments';
import { CustomerSummaries } from '../../src/core/summaries';
import { TextPairIds } from '../../src/core/text-ids';
import type { Clock, Order } from '../../src/core/types';
import { at } from './helpers/records';

// The run dates sit on a change of offset: Santiago goes back from 24:00 to 23:00 on 2024-04-06, New York
// forward on 2024-03-10.
const ZONES = [
  { timeZone: 'Asia/Jakarta', day: '2024-06-30' },
  { timeZone: 'America/Santiago', day: '2024-04-06' },
  { timeZone: 'America/New_York', day: '2024-03-10' },
] as const;

const USERS = ['budi', 'sari', '=cmd', 'ana|b', ''];
const ADDRESSES = ['Jl. Merdeka 1', ' Jl. Merdeka 1 ', 'Jl. Merdeka 1\n', 'Gg. Mawar, "2"', 'Jl. Ké 3', ''];
const STATUSES = ['Selesai', 'Batal', 'Belum Bayar', 'Dikirim', 'Aneh', '', ' Selesai ', 'Pengembalian'];
const RETURNS = ['', '', '', 'Permintaan Disetujui', 'Ditolak', 'entah', 'Pembatalan Diterima'];

function orders(zone: (typeof ZONES)[number], totals: fc.Arbitrary<number>) {
  const base = at(zone.day, zone.timeZone);
  return fc
    .array(
      fc.record({
        user: fc.constantFrom(...USERS),
        address: fc.constantFrom(...ADDRESSES),
        status: fc.constantFrom(...STATUSES),
        returnStatus: fc.constantFrom(...RETURNS),
        // ±4 days around the run date, on the quarter hour: equal instants are common.
        minutes: fc.integer({ min: -4 * 96, max: 4 * 96 }),
        total: totals,
      }),
      { maxLength: 120 },
    )
    .map((rows) =>
      rows.map(
        (r, i): Order => ({
          orderSn: `SN${(i * 7919) % 1000}-${i}`,
          buyerUsername: r.user,
          addressFull: r.address,
          totalPrice: r.total,
          createdAt: base + r.minutes * 15 * 60_000,
          status: r.status,
          returnStatus: r.returnStatus,
        }),
      ),
    );
}

function viaIndex(list: Order[], clock: Clock) {
  const index = buildCustomers(
    { orders: list, items: [], payments: [], profiles: [] },
    { uniqueOrders: true },
  );
  const t = canonicalSegments(index, clock, 'id');
  return { ...t, rows: [...t.rows] };
}

/** Summed up in `parts` pieces of `list` (cut at `cuts`), each piece in batches of 7, merged in `order`. */
function viaSummaries(list: Order[], clock: Clock, cuts: number[], order: number[]) {
  const bounds = [0, ...cuts.map((c) => Math.floor(c * list.length)).sort((a, b) => a - b), list.length];
  const parts = bounds.slice(1).map((end, k) => {
    const s = new CustomerSummaries(clock);
    const piece = list.slice(bounds[k], end);
    for (let i = 0; i < piece.length; i += 7) s.add(piece.slice(i, i + 7));
    return s;
  });
  const [first, ...rest] = order.map((k) => parts[k]);
  for (const s of rest) first.merge(s.data());
  const { inputs, afterRunDate } = first.scoring();
  const t = canonicalSegmentsOf(
    scoreInputs(inputs, first.runDay, afterRunDate),
    first.unnamed(),
    clock,
    'id',
  );
  return { table: { ...t, rows: [...t.rows] }, summaries: first };
}

describe('CustomerSummaries = buildCustomers + canonicalSegments', () => {
  it.each(ZONES)('the same Segments table, notice and report, in $timeZone', (zone) => {
    const clock: Clock = { timeZone: zone.timeZone, now: at(zone.day, zone.timeZone) + 86_399_000 };
    fc.assert(
      fc.property(
        orders(zone, fc.integer({ min: 0, max: 3_000_000 })),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 2 }),
        fc.boolean(),
        (list, cuts, reversed) => {
          const order = [...Array(cuts.length + 1).keys()];
          if (reversed) order.reverse();
          const { table, summaries } = viaSummaries(list, clock, cuts, order);
          expect(summaries.exact).toBe(true);
          expect(summaries.orders).toBe(list.length);
          expect(table).toEqual(viaIndex(list, clock));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says when a sum may not be exact (amounts with cents): then the caller groups the orders instead', () => {
    const clock: Clock = { timeZone: 'Asia/Jakarta', now: at('2024-06-30', 'Asia/Jakarta') };
    const list = [0.1, 0.2, 0.3].map((total, i) => ({
      orderSn: `S${i}`,
      buyerUsername: 'budi',
      addressFull: 'Jl. A',
      totalPrice: total,
      createdAt: at('2024-06-01', 'Asia/Jakarta'),
      status: 'Selesai',
      returnStatus: '',
    }));
    const s = new CustomerSummaries(clock);
    s.add(list.slice(0, 1));
    expect(s.exact).toBe(false);
    const big = new CustomerSummaries(clock);
    big.add([
      { ...list[0], totalPrice: 2 ** 52 },
      { ...list[1], totalPrice: 2 ** 52 },
    ]);
    expect(big.exact).toBe(false);
    const whole = new CustomerSummaries(clock);
    whole.add([{ ...list[0], totalPrice: 150_000 }]);
    expect(whole.exact).toBe(true);
  });
});

describe('TextPairIds', () => {
  it('finds a pair exactly as a Map of the pair does, through growth and look-alike pairs', () => {
    const text = fc.string({ maxLength: 4, unit: fc.constantFrom('a', 'b', '\u0000', 'é', '😀') });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 2000 }), (pairs) => {
        const ids = new TextPairIds();
        const map = new Map<string, number>();
        for (const [a, b] of pairs) {
          const k = JSON.stringify([a, b]);
          expect(ids.get(a, b)).toBe(map.get(k) ?? -1);
          if (!map.has(k)) {
            map.set(k, map.size);
            ids.add(a, b, map.size - 1);
          }
        }
        expect(ids.size).toBe(map.size);
      }),
      { numRuns: 100 },
    );
  });
});
