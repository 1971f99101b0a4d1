import { buildCustomers } from '../../src/core/customers';
import { buyerKeyOf } from '../../src/core/identity';
import {
  buildCodeMap,
  quintileScores,
  SEGMENTS,
  type SegmentDef,
  scoreRfm,
  segmentForCode,
  segmentLabel,
  segmentView,
  summariseSegments,
} from '../../src/core/rfm';
import { clockAt, item, order, store } from './helpers/records';

// A verbatim copy of the SPEC's segment table: the code must agree with it, not with itself.
const SPEC_TABLE = `
| Segment (id label) | English | RFM codes |
| --- | --- | --- |
| Juara | Champions | 555 554 544 545 454 455 445 |
| Pelanggan Setia | Loyal Customers | 543 444 435 355 354 345 344 335 |
| Potensial | Potential Loyalist | 553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 352 351 342 341 333 323 |
| Pelanggan Baru | New Customers | 512 511 422 421 412 411 311 |
| Menjanjikan | Promising | 525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313 |
| Butuh Perhatian | Need Attention | 535 534 443 434 343 334 325 324 |
| Hampir Tidur | About To Sleep | 331 321 312 221 213 |
| Berisiko | At Risk | 255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 125 124 |
| Jangan Sampai Hilang | Can't Lose Them | 155 154 144 214 215 115 114 113 |
| Hibernasi | Hibernating | 332 322 231 241 251 233 232 223 222 132 123 122 212 211 |
| Hilang | Lost | 111 112 121 131 141 151 |
`;

const specRows = SPEC_TABLE.trim()
  .split('\n')
  .slice(2)
  .map((line) => {
    const [id, en, codes] = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    return { id, en, codes: codes.split(/\s+/) };
  });

describe('segment table', () => {
  it('matches the SPEC: order, both labels and every code', () => {
    expect(specRows).toHaveLength(11);
    expect(SEGMENTS.map((s) => segmentLabel(s.id, 'id'))).toEqual(specRows.map((r) => r.id));
    expect(SEGMENTS.map((s) => segmentLabel(s.id, 'en'))).toEqual(specRows.map((r) => r.en));
    expect(SEGMENTS.map((s) => [...s.codes].sort())).toEqual(specRows.map((r) => [...r.codes].sort()));
  });

  it('puts each of the 125 codes in exactly one segment', () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const code = `${r}${f}${m}`;
          const holders = SEGMENTS.filter((s) => s.codes.includes(code));
          expect(holders, code).toHaveLength(1);
          expect(segmentForCode(code)).toBe(holders[0]);
        }
    expect(specRows.flatMap((r) => r.codes)).toHaveLength(125);
  });

  it.each([
    ['545', 'champions'],
    ['111', 'lost'],
    ['311', 'new-customers'],
    ['213', 'about-to-sleep'],
    ['155', 'cant-lose-them'],
  ])('segmentForCode(%s) = %s', (code, id) => {
    expect(segmentForCode(code)?.id).toBe(id);
  });

  it.each(['', '55', '5455', '056', '545 ', 'abc'])('segmentForCode(%j) is null', (code) => {
    expect(segmentForCode(code)).toBeNull();
  });

  it('the load-time check rejects a duplicated, a missing or a malformed code', () => {
    const one = (id: SegmentDef['id'], codes: string[]): SegmentDef => ({
      id,
      codes,
      background: '#fff',
      color: '#000',
    });
    const all: string[] = [];
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) all.push(`${r}${f}${m}`);
    expect(buildCodeMap([one('lost', all)]).size).toBe(125);
    expect(() => buildCodeMap([one('lost', all), one('champions', ['545'])])).toThrow(/545.*both/);
    expect(() => buildCodeMap([one('lost', all.slice(1))])).toThrow(/124 of the 125/);
    expect(() => buildCodeMap([one('lost', [...all.slice(1), '611'])])).toThrow(/611/);
  });

  it('segmentView carries the label in the language and the colours', () => {
    expect(segmentView('545', 'en')).toEqual({
      rfm: '545',
      segmentId: 'champions',
      label: 'Champions',
      background: SEGMENTS[0].background,
      color: SEGMENTS[0].color,
    });
    expect(segmentView('999', 'id')).toBeNull();
  });
});

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

describe('segment colours', () => {
  it('the contrast helper agrees with known WCAG values', () => {
    expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
  });

  it.each(SEGMENTS.map((s) => [s.id, s.background, s.color]))(
    '%s: %s on %s is readable (>= 4.5:1)',
    (_id, bg, fg) => {
      expect(bg).toMatch(/^#[0-9A-F]{6}$/);
      expect(fg).toMatch(/^#[0-9A-F]{6}$/);
      expect(contrast(bg, fg)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('gives the 11 segments 11 clearly different backgrounds', () => {
    const rgb = (h: string) => [1, 3, 5].map((i) => Number.parseInt(h.slice(i, i + 2), 16));
    const bgs = SEGMENTS.map((s) => rgb(s.background));
    for (let i = 0; i < bgs.length; i++)
      for (let j = i + 1; j < bgs.length; j++) {
        const d = Math.hypot(...bgs[i].map((v, k) => v - bgs[j][k]));
        expect(d, `${SEGMENTS[i].id} vs ${SEGMENTS[j].id}`).toBeGreaterThan(50);
      }
  });
});

describe('quintileScores', () => {
  it.each([
    { values: [], larger: true, scores: [] },
    { values: [7], larger: true, scores: [1] },
    { values: [10, 20, 30, 40, 50], larger: true, scores: [1, 2, 3, 4, 5] },
    { values: [10, 20, 30, 40, 50], larger: false, scores: [5, 4, 3, 2, 1] },
    { values: [50, 10, 40, 20, 30], larger: true, scores: [5, 1, 4, 2, 3] },
    { values: [1, 2, 3], larger: true, scores: [1, 2, 4] }, // 1+floor(5*1/3)=2, 1+floor(10/3)=4
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], larger: true, scores: [1, 1, 2, 2, 3, 3, 4, 4, 5, 5] },
    { values: [1, 1, 1, 1, 2], larger: true, scores: [1, 1, 1, 1, 5] }, // ties never split
    { values: [1, 1, 1, 1, 2], larger: false, scores: [2, 2, 2, 2, 1] },
    { values: [3, 3, 3, 3, 3, 3], larger: true, scores: [1, 1, 1, 1, 1, 1] },
    { values: [0, -0, 5], larger: false, scores: [2, 2, 1] }, // -0 equals 0: below = 1 for both
    { values: [-5, 2.5, 2.5, Infinity], larger: true, scores: [1, 2, 2, 4] },
  ])('$values (larger is better: $larger) → $scores', ({ values, larger, scores }) => {
    expect(quintileScores(values, larger)).toEqual(scores);
  });

  it('refuses NaN rather than scoring it', () => {
    expect(() => quintileScores([1, Number.NaN], true)).toThrow(RangeError);
  });
});

describe('scoreRfm', () => {
  it('recency is whole local calendar days: 23:30 and 00:30 Jakarta are different days', () => {
    const orders = [
      order({ buyerUsername: 'late', at: '2024-05-01 23:30' }),
      order({ buyerUsername: 'early', at: '2024-05-02 00:30' }),
      order({ buyerUsername: 'same', at: '2024-05-02 23:59' }),
      order({ buyerUsername: 'old', at: '2024-04-02 12:00' }),
    ];
    const res = scoreRfm(buildCustomers(store({ orders })), clockAt('2024-05-10 00:05'));
    const days = Object.fromEntries(res.rows.map((r) => [r.customer.buyerUsername, r.recencyDays]));
    expect(days).toEqual({ late: 9, early: 8, same: 8, old: 38 });
    const r = Object.fromEntries(res.rows.map((x) => [x.customer.buyerUsername, x.r]));
    expect(r.early).toBe(r.same); // same local day → equal recency → equal score
    expect(r.late).toBeLessThan(r.early);
  });

  it('counts distinct counted orders and each order’s total once, ignoring cancelled/unpaid/returned', () => {
    const orders = [
      order({ orderSn: 'A', totalPrice: 100, at: '2024-05-01 10:00' }),
      order({ orderSn: 'B', totalPrice: 50, at: '2024-05-05 10:00' }),
      order({ orderSn: 'C', totalPrice: 999, at: '2024-05-08 10:00', status: 'Batal' }),
      order({ orderSn: 'D', totalPrice: 999, at: '2024-05-08 10:00', status: 'Belum Bayar' }),
      order({ orderSn: 'E', totalPrice: 999, at: '2024-05-08 10:00', status: 'Returned' }),
      order({ orderSn: 'F', buyerUsername: 'onlycancel', status: 'CANCELLED' }),
    ];
    const items = [item('A', 'Kaos', 1), item('A', 'Topi', 2), item('A', 'Celana', 1)];
    const res = scoreRfm(buildCustomers(store({ orders, items })), clockAt('2024-05-10 12:00'));
    expect(res.rows).toHaveLength(1);
    expect(res.rows[0]).toMatchObject({
      key: buyerKeyOf('budi', 'Jl. Merdeka 1, Bandung'),
      recencyDays: 5,
      frequency: 2,
      monetary: 150,
    });
  });

  it('scores as of the run date: orders on later days are left out, later the same day count', () => {
    const orders = [
      order({ orderSn: 'A', totalPrice: 100, at: '2024-01-10 10:00' }),
      order({ orderSn: 'B', totalPrice: 200, at: '2024-01-31 23:00' }),
      order({ orderSn: 'C', totalPrice: 400, at: '2024-02-01 00:30' }),
      order({ orderSn: 'Z', buyerUsername: 'future', at: '2024-03-01 10:00' }),
    ];
    const res = scoreRfm(buildCustomers(store({ orders })), clockAt('2024-01-31 08:00'));
    expect(res.rows.map((r) => r.customer.buyerUsername)).toEqual(['budi']);
    expect(res.rows[0]).toMatchObject({ recencyDays: 0, frequency: 2, monetary: 300 });
    expect(res.rows[0].lastOrderAt).toBe(orders[1].createdAt);
    expect(res.rows[0].firstOrderAt).toBe(orders[0].createdAt);
  });

  it('a typical shop where most buyers ordered once gives all of them F = 1', () => {
    const orders = Array.from({ length: 40 }, (_, i) =>
      order({
        buyerUsername: `b${i}`,
        totalPrice: 10_000 * (i + 1),
        at: `2024-04-${String((i % 28) + 1).padStart(2, '0')} 10:00`,
      }),
    );
    orders.push(
      order({ buyerUsername: 'b0', at: '2024-04-29 10:00' }),
      order({ buyerUsername: 'b1', at: '2024-04-29 11:00' }),
    );
    const res = scoreRfm(buildCustomers(store({ orders })), clockAt('2024-05-01 10:00'));
    expect(res.rows).toHaveLength(40);
    for (const r of res.rows) expect(r.f, r.customer.buyerUsername).toBe(r.frequency === 1 ? 1 : 5);
    expect(res.thin).toBe(false);
    for (const r of res.rows) {
      expect(r.code).toBe(`${r.r}${r.f}${r.m}`);
      expect(r.segmentId).toBe(segmentForCode(r.code)!.id);
    }
  });

  it.each([
    { name: 'no customers', n: 0, vary: true, thin: 'few' },
    { name: 'four customers', n: 4, vary: true, thin: 'few' },
    { name: 'five identical customers', n: 5, vary: false, thin: 'equal' },
    { name: 'five different customers', n: 5, vary: true, thin: null },
  ])('thin data: $name → $thin', ({ n, vary, thin }) => {
    const orders = Array.from({ length: n }, (_, i) =>
      order({ buyerUsername: `b${i}`, totalPrice: vary ? 1000 * (i + 1) : 1000, at: '2024-04-01 10:00' }),
    );
    const res = scoreRfm(buildCustomers(store({ orders })), clockAt('2024-05-01 10:00'));
    expect(res.thinReason).toBe(thin);
    expect(res.thin).toBe(thin !== null);
    expect(res.rows).toHaveLength(n);
  });

  it('one constant metric is reported but is not thin', () => {
    const orders = Array.from({ length: 6 }, (_, i) =>
      order({ buyerUsername: `b${i}`, totalPrice: 1000, at: `2024-04-0${i + 1} 10:00` }),
    );
    const res = scoreRfm(buildCustomers(store({ orders })), clockAt('2024-05-01 10:00'));
    expect(res.constantMetrics).toEqual(['frequency', 'monetary']);
    expect(res.thin).toBe(false);
    expect(new Set(res.rows.map((r) => r.f))).toEqual(new Set([1]));
  });
});

describe('summariseSegments', () => {
  it('sums customers, orders and revenue per segment in table order, with shares', () => {
    const orders = [
      ...Array.from({ length: 4 }, (_, i) =>
        order({ buyerUsername: `one${i}`, totalPrice: 100, at: '2024-01-01 10:00' }),
      ),
      ...Array.from({ length: 3 }, () =>
        order({ buyerUsername: 'vip', totalPrice: 200, at: '2024-04-30 10:00' }),
      ),
    ];
    const res = scoreRfm(buildCustomers(store({ orders })), clockAt('2024-05-01 10:00'));
    // vip: below = 4 on every metric → 5,5,5 champions; the others: 1,1,1 lost.
    const s = summariseSegments(res.rows);
    expect(s.map((x) => x.segmentId)).toEqual(SEGMENTS.map((x) => x.id));
    const champions = s.find((x) => x.segmentId === 'champions')!;
    const lost = s.find((x) => x.segmentId === 'lost')!;
    expect(champions).toEqual({
      segmentId: 'champions',
      customers: 1,
      orders: 3,
      revenue: 600,
      customerShare: 0.2,
      revenueShare: 0.6,
    });
    expect(lost).toEqual({
      segmentId: 'lost',
      customers: 4,
      orders: 4,
      revenue: 400,
      customerShare: 0.8,
      revenueShare: 0.4,
    });
    expect(s.reduce((a, x) => a + x.customers, 0)).toBe(5);
    expect(
      summariseSegments([]).every((x) => x.customers === 0 && x.customerShare === 0 && x.revenueShare === 0),
    ).toBe(true);
  });
});
