import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { quintileScores, scoreRfm, segmentForCode } from '../../src/core/rfm';
import type { Order } from '../../src/core/types';
import { at, JKT } from './helpers/records';

// Small integer ranges on purpose: they make ties common, which is where quintile rules go wrong.
const values = fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 });
const larger = fc.boolean();

/** The SPEC's definition, written the slow obvious way (O(N²)) to check the fast one against. */
function reference(vs: number[], largerIsBetter: boolean): number[] {
  return vs.map((v) => {
    const below = vs.filter((w) => (largerIsBetter ? w < v : w > v)).length;
    return 1 + Math.floor((5 * below) / vs.length);
  });
}

describe('quintileScores properties', () => {
  it('equals the SPEC definition computed directly', () => {
    fc.assert(
      fc.property(values, larger, (vs, lg) => {
        expect(quintileScores(vs, lg)).toEqual(reference(vs, lg));
      }),
    );
  });

  it('scores are whole numbers 1–5, one per value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 80 }), larger, (vs, lg) => {
        const s = quintileScores(vs, lg);
        expect(s).toHaveLength(vs.length);
        for (const x of s) expect(Number.isInteger(x) && x >= 1 && x <= 5).toBe(true);
      }),
    );
  });

  it('equal values get equal scores', () => {
    fc.assert(
      fc.property(values, larger, (vs, lg) => {
        const s = quintileScores(vs, lg);
        for (let i = 0; i < vs.length; i++)
          for (let j = 0; j < vs.length; j++) if (vs[i] === vs[j]) expect(s[i]).toBe(s[j]);
      }),
    );
  });

  it('row order never matters', () => {
    fc.assert(
      fc.property(
        values.chain((vs) =>
          fc.tuple(
            fc.constant(vs),
            fc.shuffledSubarray(
              vs.map((_, i) => i),
              { minLength: vs.length },
            ),
          ),
        ),
        larger,
        ([vs, perm], lg) => {
          const s = quintileScores(vs, lg);
          const shuffled = quintileScores(
            perm.map((i) => vs[i]),
            lg,
          );
          expect(shuffled).toEqual(perm.map((i) => s[i]));
        },
      ),
    );
  });

  it('a strictly better value never scores lower', () => {
    fc.assert(
      fc.property(values, larger, (vs, lg) => {
        const s = quintileScores(vs, lg);
        for (let i = 0; i < vs.length; i++)
          for (let j = 0; j < vs.length; j++) {
            const better = lg ? vs[i] > vs[j] : vs[i] < vs[j];
            if (better) expect(s[i]).toBeGreaterThanOrEqual(s[j]);
          }
      }),
    );
  });

  it('distinct values fill the five levels evenly when N is a multiple of 5', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { minLength: 5, maxLength: 50 }), larger, (vs, lg) => {
        const n = vs.length - (vs.length % 5);
        const s = quintileScores(vs.slice(0, n), lg);
        for (let level = 1; level <= 5; level++) expect(s.filter((x) => x === level)).toHaveLength(n / 5);
      }),
    );
  });
});

// Random shops: a few buyers, orders over ~60 days in Jakarta time, some not counted.
const STATUSES = ['Selesai', 'Selesai', 'Selesai', 'Batal', 'Belum Bayar', 'Pengembalian'];
const shopOrders = fc
  .array(
    fc.record({
      buyer: fc.integer({ min: 0, max: 11 }),
      address: fc.integer({ min: 0, max: 1 }),
      minutes: fc.integer({ min: 0, max: 60 * 24 * 60 }),
      total: fc.integer({ min: 0, max: 20 }).map((x) => x * 25_000),
      status: fc.constantFrom(...STATUSES),
    }),
    { maxLength: 80 },
  )
  .map((rows) =>
    rows.map(
      (r, i): Order => ({
        orderSn: `SN${i}`,
        buyerUsername: `buyer${r.buyer}`,
        addressFull: `Jl. Nomor ${r.address}`,
        totalPrice: r.total,
        createdAt: at('2024-03-01 00:00') + r.minutes * 60_000,
        status: r.status,
        returnStatus: '',
      }),
    ),
  );
// The run date falls inside the orders' range: later orders must be left out (recency never < 0).
const RUN = { timeZone: JKT, now: at('2024-04-10 12:00') };

describe('scoreRfm properties', () => {
  it('does not depend on the order of the store rows', () => {
    fc.assert(
      fc.property(
        shopOrders.chain((os) =>
          fc.tuple(fc.constant(os), fc.shuffledSubarray(os, { minLength: os.length })),
        ),
        ([os, shuffled]) => {
          const strip = (rows: ReturnType<typeof scoreRfm>['rows']) =>
            rows.map(({ customer: _c, ...rest }) => rest).sort((a, b) => (a.key < b.key ? -1 : 1));
          const a = scoreRfm(buildCustomers({ orders: os, items: [], payments: [], profiles: [] }), RUN);
          const b = scoreRfm(
            buildCustomers({ orders: shuffled, items: [], payments: [], profiles: [] }),
            RUN,
          );
          expect(strip(b.rows)).toEqual(strip(a.rows));
          expect(b.thinReason).toBe(a.thinReason);
        },
      ),
    );
  });

  it('rows agree with their own metrics: code, segment, equal metrics → equal scores', () => {
    fc.assert(
      fc.property(shopOrders, (os) => {
        const res = scoreRfm(buildCustomers({ orders: os, items: [], payments: [], profiles: [] }), RUN);
        for (const r of res.rows) {
          expect(r.code).toBe(`${r.r}${r.f}${r.m}`);
          expect(segmentForCode(r.code)!.id).toBe(r.segmentId);
          expect(r.frequency).toBeGreaterThanOrEqual(1);
          expect(r.recencyDays).toBeGreaterThanOrEqual(0);
        }
        for (const x of res.rows)
          for (const y of res.rows) {
            if (x.recencyDays === y.recencyDays) expect(x.r).toBe(y.r);
            if (x.recencyDays < y.recencyDays) expect(x.r).toBeGreaterThanOrEqual(y.r);
            if (x.frequency === y.frequency) expect(x.f).toBe(y.f);
            if (x.monetary > y.monetary) expect(x.m).toBeGreaterThanOrEqual(y.m);
          }
        expect(res.thin).toBe(res.rows.length < 5 || res.constantMetrics.length === 3);
      }),
    );
  });
});
