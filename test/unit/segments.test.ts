import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { buyerKeyOf } from '../../src/core/identity';
import { type RfmRow, SEGMENTS, segmentById } from '../../src/core/rfm';
import {
  buildSegmentsSheet,
  canonicalSegments,
  readSegmentsSheet,
  sortForSheet,
} from '../../src/core/segments';
import { texts } from '../../src/core/text';
import type { CellValue, Grid } from '../../src/core/types';
import { at, clockAt, order, profile, store } from './helpers/records';

const RUN = clockAt('2024-05-10 12:00');
const addr = (u: string) => `Jl. ${u} No. 1`;

// Worked by hand (N = 6; score = 1 + floor(5 * below / 6)):
//   vip  recency 1,  F 3, M 900k → 5 5 5 Juara
//   e    recency 5,  F 2, M 120k → 4 4 4 Pelanggan Setia
//   a    recency 9,  F 1, M 100k → 3 1 3 Menjanjikan
//   b    recency 39, F 1, M 50k  → 2 1 2 Hibernasi
//   c    recency 70, F 1, M 20k  → 1 1 1 Hilang
//   d    recency 99, F 1, M 10k  → 1 1 1 Hilang
function shop() {
  const o = (u: string, when: string, totalPrice: number) =>
    order({ buyerUsername: u, addressFull: addr(u), at: when, totalPrice });
  const orders = [
    o('d', '2024-02-01 10:00', 10_000),
    o('c', '2024-03-01 10:00', 20_000),
    o('b', '2024-04-01 10:00', 50_000),
    o('a', '2024-05-01 10:00', 100_000),
    o('e', '2024-01-05 10:00', 60_000),
    o('e', '2024-05-05 10:00', 60_000),
    o('=vip', '2024-05-09 08:00', 300_000),
    o('=vip', '2024-05-09 09:00', 300_000),
    o('=vip', '2024-05-09 21:00', 300_000),
    o('x', '2024-05-09 10:00', 999_000),
  ];
  orders[orders.length - 1].status = 'Batal'; // x has no counted order: not segmented
  return buildCustomers(store({ orders, profiles: [profile('=vip', addr('=vip'), 'Ibu Vip')] }));
}

describe('buildSegmentsSheet', () => {
  const sheet = buildSegmentsSheet(shop(), RUN, 'id');

  it('writes one row per customer with counted orders, in segment order then monetary', () => {
    expect(sheet.rows.map((r) => r[2])).toEqual(['=vip', 'e', 'a', 'b', 'c', 'd']);
    expect(sheet.rows.map((r) => r[12])).toEqual(['555', '444', '313', '212', '111', '111']);
    expect(sheet.rows.map((r) => r[13])).toEqual([
      'Juara',
      'Pelanggan Setia',
      'Menjanjikan',
      'Hibernasi',
      'Hilang',
      'Hilang',
    ]);
  });

  it('fills every column of a row as the seller should see it', () => {
    const vip = sheet.rows[0];
    expect(vip).toEqual([
      buyerKeyOf('=vip', addr('=vip')),
      'Ibu Vip',
      '=vip',
      addr('=vip'),
      new Date(at('2024-05-09 08:00')),
      new Date(at('2024-05-09 21:00')),
      1,
      3,
      900_000,
      5,
      5,
      5,
      '555',
      'Juara',
      '', // no previous run: no previous segment…
      'baru', // …and everyone is new
    ]);
    expect(typeof vip[12]).toBe('string'); // the code is text, not the number 555
    expect(sheet.rows[1][1]).toBe('e'); // no profile: the username is the name
  });

  it('has a header in the language, the label column and its colours', () => {
    expect(sheet.header).toHaveLength(16);
    expect(sheet.header.slice(13)).toEqual(['Segmen', 'Segmen sebelumnya', 'Perubahan']);
    expect(sheet.header[0]).toBe('ID Pelanggan');
    expect(buildSegmentsSheet(shop(), RUN, 'en').header[13]).toBe('Segment');
    expect(sheet.labelColumn).toBe(13);
    expect(sheet.backgrounds).toEqual(
      ['champions', 'loyal-customers', 'promising', 'hibernating', 'lost', 'lost'].map(
        (id) => segmentById(id as 'lost').background,
      ),
    );
    expect(sheet.fontColors[0]).toBe(segmentById('champions').color);
    expect(sheet.textColumns).toEqual([0, 1, 2, 3, 12, 13, 14, 15]);
    expect(sheet.notice).toBeNull();
  });

  it('summarises every segment in table order with counts, revenue and shares', () => {
    expect(sheet.summary.header).toEqual([
      'Segmen',
      'Pelanggan',
      'Pesanan',
      'Pendapatan (Rp)',
      '% Pelanggan',
      '% Pendapatan',
      'Siapa mereka',
      'Saran tindakan',
    ]);
    expect(sheet.summary.rows).toHaveLength(11);
    expect(sheet.summary.backgrounds).toEqual(SEGMENTS.map((s) => s.background));
    const total = 900_000 + 120_000 + 100_000 + 50_000 + 20_000 + 10_000;
    const byLabel = new Map(sheet.summary.rows.map((r) => [r[0], r.slice(1, 6)]));
    expect(byLabel.get('Juara')).toEqual([1, 3, 900_000, 1 / 6, 900_000 / total]);
    expect(byLabel.get('Hilang')).toEqual([2, 2, 30_000, 2 / 6, 30_000 / total]);
    expect(byLabel.get('Berisiko')).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    { n: 3, same: false, id: /baru 3 pelanggan/, en: /only 3 customers/ },
    { n: 5, same: true, id: /ke-5 pelanggan punya recency/, en: /all 5 customers have the same/ },
  ])('says when the data is too thin ($n customers, identical: $same)', ({ n, same, id, en }) => {
    const orders = Array.from({ length: n }, (_, i) =>
      order({ buyerUsername: `b${i}`, at: '2024-05-01 10:00', totalPrice: same ? 1000 : 1000 * (i + 1) }),
    );
    const index = buildCustomers(store({ orders }));
    expect(buildSegmentsSheet(index, RUN, 'id').notice).toMatch(id);
    expect(buildSegmentsSheet(index, RUN, 'en').notice).toMatch(en);
    expect(buildSegmentsSheet(index, RUN, 'id').rows).toHaveLength(n); // still written, with the notice
  });
});

describe('readSegmentsSheet', () => {
  const index = shop();
  const grid = (lang: 'id' | 'en'): Grid => {
    const s = buildSegmentsSheet(index, RUN, lang);
    return [s.header, ...s.rows];
  };

  it.each(['id', 'en'] as const)('reads back what buildSegmentsSheet wrote (%s headers)', (lang) => {
    const segs = readSegmentsSheet(grid(lang), 'en');
    expect(segs.size).toBe(6);
    expect(segs.get(buyerKeyOf('=vip', addr('=vip')))).toEqual({
      rfm: '555',
      segmentId: 'champions',
      label: 'Champions',
      background: segmentById('champions').background,
      color: segmentById('champions').color,
    });
    expect(segs.get(buyerKeyOf('a', addr('a')))?.label).toBe('Promising');
  });

  it('finds the header below a notice, in any column order, and accepts a numeric code', () => {
    const key = buyerKeyOf('a', addr('a'));
    const g: CellValue[][] = [
      ['Data terlalu sedikit …', '', ''],
      ['', '', ''],
      ['  kode rfm ', 'Segmen', 'ID PELANGGAN'],
      [313, 'Menjanjikan', key],
      ['999', 'x', 'bad|code'],
      ['111', 'Hilang', ''],
    ];
    const segs = readSegmentsSheet(g);
    expect([...segs.keys()]).toEqual([key]);
    expect(segs.get(key)).toMatchObject({ rfm: '313', segmentId: 'promising', label: 'Menjanjikan' });
  });

  it('reads the canonical CSV header too', () => {
    const t = canonicalSegments(index, RUN, 'id');
    expect(readSegmentsSheet([t.header, ...t.rows]).size).toBe(6);
  });

  it('gives an empty map for an empty or foreign sheet', () => {
    expect(readSegmentsSheet([]).size).toBe(0);
    expect(
      readSegmentsSheet([
        ['a', 'b'],
        [1, 2],
      ]).size,
    ).toBe(0);
  });
});

describe('canonicalSegments', () => {
  it('has the canonical header, local date-times and the same rows as the sheet', () => {
    const c = canonicalSegments(shop(), RUN, 'en');
    const t = { ...c, rows: [...c.rows] };
    expect(t.header).toEqual([
      'buyer_key',
      'name',
      'buyer_username',
      'address_full',
      'first_order_at',
      'last_order_at',
      'recency_days',
      'frequency',
      'monetary',
      'r',
      'f',
      'm',
      'rfm',
      'segment',
    ]);
    expect(t.rows[0]).toEqual([
      buyerKeyOf('=vip', addr('=vip')),
      'Ibu Vip',
      '=vip',
      addr('=vip'),
      '2024-05-09 08:00',
      '2024-05-09 21:00',
      1,
      3,
      900_000,
      5,
      5,
      5,
      '555',
      'Champions',
    ]);
    expect(t.rows.map((r) => r[0])).toEqual(buildSegmentsSheet(shop(), RUN, 'en').rows.map((r) => r[0]));
    expect(t.notice).toBeNull();
  });
});

describe('sortForSheet', () => {
  it('orders by segment, then monetary descending, then key, ties and all', () => {
    const ids = SEGMENTS.map((s) => s.id);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            segment: fc.integer({ min: 0, max: ids.length - 1 }),
            monetary: fc.constantFrom(0, -0, 10, 10.5, 99_000, 150_000.25, 1e12),
            key: fc.string({ maxLength: 4 }),
          }),
          { maxLength: 400 },
        ),
        (specs) => {
          const seen = new Set<string>();
          const rows = specs
            .filter((x) => !seen.has(x.key) && seen.add(x.key)) // keys are unique in a real index
            .map((x) => ({ key: x.key, monetary: x.monetary, segmentId: ids[x.segment] }) as RfmRow);
          const reference = [...rows].sort(
            (a, b) =>
              ids.indexOf(a.segmentId) - ids.indexOf(b.segmentId) ||
              b.monetary - a.monetary ||
              (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
          );
          expect(sortForSheet(rows)).toEqual(reference);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('buildSegmentsSheet with a previous run', () => {
  const key = (u: string) => buyerKeyOf(u, addr(u));
  // vip was at risk (up to Juara), e was Juara (down to Pelanggan Setia), b stays Hibernasi, a is new,
  // and 'gone' was Juara then and has no counted order now.
  const previous = {
    date: '2024-05-03',
    segments: new Map([
      [key('=vip'), 'at-risk'],
      [key('e'), 'champions'],
      [key('b'), 'hibernating'],
      [key('c'), 'lost'],
      [key('d'), 'lost'],
      [key('gone'), 'champions'],
    ] as const),
  };
  const sheet = buildSegmentsSheet(shop(), RUN, 'id', previous);
  const byKey = new Map(sheet.rows.map((r) => [r[0], r]));

  it('gives each customer the previous segment and the change by the table order', () => {
    expect(byKey.get(key('=vip'))!.slice(13)).toEqual(['Juara', 'Berisiko', 'naik']);
    expect(byKey.get(key('e'))!.slice(13)).toEqual(['Pelanggan Setia', 'Juara', 'turun']);
    expect(byKey.get(key('b'))!.slice(13)).toEqual(['Hibernasi', 'Hibernasi', 'tetap']);
    expect(byKey.get(key('a'))!.slice(13)).toEqual(['Menjanjikan', '', 'baru']);
    expect(byKey.has(key('gone'))).toBe(false);
    expect(buildSegmentsSheet(shop(), RUN, 'en', previous).rows[0].slice(13)).toEqual([
      'Champions',
      'At Risk',
      'up',
    ]);
  });

  it('reports the movement and counts the vanished customer in the matrix', () => {
    expect(sheet.report[0]).toBe(
      'Dibanding 2024-05-03: 1 naik, 1 turun, 3 tetap, 1 baru; 1 pelanggan tidak terhitung lagi.',
    );
    expect(sheet.movement.title).toBe('Perpindahan segmen: 2024-05-03 → 2024-05-10');
    const g = sheet.movement.grid;
    expect(g[0][0]).toBe('Dari ↓ / ke →');
    expect(g[0].at(-1)).toBe('(tidak terhitung lagi)');
    expect(g.at(-1)![0]).toBe('(baru)');
    const r = (label: string) => g.find((row) => row[0] === label)!;
    const c = (label: string) => g[0].indexOf(label);
    expect(r('Juara')[c('Pelanggan Setia')]).toBe(1); // e
    expect(r('Juara')[c('(tidak terhitung lagi)')]).toBe(1); // gone: a top customer lost, highlighted
    expect(sheet.movement.backgrounds[g.indexOf(r('Juara'))][c('(tidak terhitung lagi)')]).toBe('#B71C1C');
    expect(r('Berisiko')[c('Juara')]).toBe(1); // vip came back
    expect(sheet.movement.backgrounds[g.indexOf(r('Berisiko'))][c('Juara')]).toBe('#1B5E20');
    expect(r('(baru)')[c('Menjanjikan')]).toBe(1); // a
    expect(sheet.historyRow).toEqual({
      date: '2024-05-10',
      counts: SEGMENTS.map((s) => sheet.rows.filter((row) => row[13] === segmentLabelId(s.id)).length),
    });
  });

  it('first run: a title that says so, and no movement line in the report', () => {
    const first = buildSegmentsSheet(shop(), RUN, 'id');
    expect(first.movement.title).toBe(
      'Perpindahan segmen: belum ada run sebelum 2024-05-10 (semua pelanggan baru).',
    );
    expect(first.report.some((l) => l.startsWith('Dibanding'))).toBe(false);
    expect(first.rows.every((row) => row[14] === '' && row[15] === 'baru')).toBe(true);
  });

  it('colours the movement columns by a constant set of rules', () => {
    expect(sheet.movementRules).toHaveLength(4);
    expect(sheet.movementRules.filter((r) => r.column === 15).map((r) => r.text)).toEqual([
      'naik',
      'turun',
      'tetap',
      'baru',
    ]);
  });
});

const segmentLabelId = (id: (typeof SEGMENTS)[number]['id']) => texts.segments.id.labels[id];
