// The Customers read model in core: exact rows from the store, and the deltas an import applies. The
// property that matters: a row kept in step by deltas equals the row rebuilt from the final store, field
// for field, except what the delta marks unknown (then the detail recomputes it).
import fc from 'fast-check';
import { buildCustomers } from '../../src/core/customers';
import { buyerKeyOf } from '../../src/core/identity';
import {
  applyOrderChanges,
  CUSTOMERS_SHEET,
  type CustomerRow,
  customerRows,
  fromRecord,
  listItemFromSearch,
  needsRecompute,
  type OrderFacts,
  orderChanges,
  parseSearchCell,
  rowRecord,
  searchText,
} from '../../src/core/readmodel';
import { isCounted } from '../../src/core/status';
import { mergeImport, planMerge, type StoreContent, type Stored } from '../../src/core/store';
import { readRows, recordRow } from '../../src/core/table';
import type { Order, OrderItem, OrderPayment, ParsedExport } from '../../src/core/types';

const T0 = Date.UTC(2024, 0, 1);
const STATUSES = ['Selesai', 'Dikirim', 'Perlu Dikirim', 'Batal', 'Belum Bayar', 'Pengembalian'];
// The export's return/refund column: blank, an accepted return (the order stops counting though its status
// says Selesai), a refused or withdrawn request (it counts), one the rules do not name.
const RETURNS = ['', '', 'Permintaan Disetujui', 'Permintaan Ditolak', 'Dibatalkan', 'Sedang Ditinjau'];

interface World {
  orders: Map<string, Order>;
  lines: Map<string, OrderItem[]>;
  payments: Map<string, OrderPayment>;
}

const exactRow = (w: World, key: string): CustomerRow | undefined =>
  customerRows(
    buildCustomers({
      orders: [...w.orders.values()],
      items: [...w.lines.values()].flat(),
      payments: [...w.payments.values()],
      profiles: [],
    }),
  ).find((r) => r.key === key);

/** Fields a delta keeps exact, whatever happens. */
const sums = (r: CustomerRow) => ({
  orders: r.orders,
  allOrders: r.allOrders,
  spend: r.spend,
  items: r.items,
  paidOrders: r.paidOrders,
  netIncome: r.netIncome,
  adminFee: r.adminFee,
  serviceFee: r.serviceFee,
  lastActivityAt: r.lastActivityAt,
  lastOrderSn: r.lastOrderSn,
  orderSns: r.orderSns,
});

const step = fc.record({
  sn: fc.integer({ min: 0, max: 7 }),
  day: fc.integer({ min: 0, max: 60 }),
  status: fc.constantFrom(...STATUSES),
  returnStatus: fc.constantFrom(...RETURNS),
  total: fc.integer({ min: 1, max: 500 }).map((n) => n * 1000),
  lines: fc.array(
    fc.record({ p: fc.constantFrom('Kaos', 'Topi', 'Tas', 'Sepatu'), q: fc.integer({ min: 1, max: 3 }) }),
    {
      minLength: 0,
      maxLength: 3,
    },
  ),
  pay: fc.option(fc.integer({ min: 1, max: 400 }).map((n) => n * 1000)),
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** A step's order (created_at kept once the order exists: a re-export repeats it), lines and payment. */
function recordsOf(s: Step, createdAt: number | undefined) {
  const sn = `SN${s.sn}`;
  const order: Order = {
    orderSn: sn,
    buyerUsername: 'ani',
    addressFull: 'Jl. A',
    totalPrice: s.total,
    createdAt: createdAt ?? T0 + s.day * 86_400_000,
    status: s.status,
    returnStatus: s.returnStatus,
  };
  const lines: OrderItem[] = s.lines.map((l) => ({
    orderSn: sn,
    productName: l.p,
    variantName: '',
    variantSku: '',
    quantity: l.q,
    price: null,
  }));
  const payment: OrderPayment | null =
    s.pay === null ? null : { orderSn: sn, totalIncome: s.pay, adminFee: -100, serviceFee: -50 };
  return { sn, order, lines, payment };
}

/** The row kept by deltas against the rebuild: sums always, the rest unless marked unknown. */
function expectLikeRebuild(row: CustomerRow, exact: CustomerRow): void {
  expect(sums(row)).toEqual(sums(exact));
  if (row.firstOrderAt !== null || row.orders === 0) expect(row.firstOrderAt).toBe(exact.firstOrderAt);
  if (row.lastOrderAt !== null || row.orders === 0) expect(row.lastOrderAt).toBe(exact.lastOrderAt);
  if (row.products !== null) expect(row.products).toEqual(exact.products);
  if (!needsRecompute(row)) expect({ ...row, batch: 0 }).toEqual({ ...exact, batch: 0 });
}

describe('applyOrderChanges against a rebuild from the store', () => {
  it('sums and counts always equal the rebuild; dates and products too unless marked unknown', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const w: World = { orders: new Map(), lines: new Map(), payments: new Map() };
        const key = buyerKeyOf('ani', 'Jl. A');
        let row: CustomerRow | undefined;
        for (const s of steps) {
          const old = w.orders.get(`SN${s.sn}`);
          const { sn, order, lines, payment } = recordsOf(s, old?.createdAt);
          const facts = (o: Order | undefined): OrderFacts | undefined =>
            o && {
              order: o,
              lines: w.lines.get(o.orderSn) ?? [],
              payment: w.payments.get(o.orderSn) ?? null,
            };
          const before = facts(old);
          w.orders.set(sn, order);
          w.lines.set(sn, lines);
          if (payment) w.payments.set(sn, payment);
          else w.payments.delete(sn);
          row = applyOrderChanges(key, row, [{ before, after: facts(order)! }], 1);
          expectLikeRebuild(row, exactRow(w, key)!);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('through the merge: exports in any order (older ones kept), return statuses — deltas equal the rebuild', () => {
    // What the importer does (gas/importer.ts): planMerge against the stored records, the read model moved
    // by the plan's orders, lines and payments, the store patched. Statuses arrive in random order, so many
    // an export is older than the store (the status order keeps the stored version, lines included).
    const byFirst = <T extends { orderSn: string }>(list: readonly T[]) => {
      const m = new Map<string, Stored<T>>();
      list.forEach((record, row) => {
        if (!m.has(record.orderSn)) m.set(record.orderSn, { record, row });
      });
      return m;
    };
    const bySn = <T extends { orderSn: string }>(list: readonly T[]) => {
      const m = new Map<string, T[]>();
      for (const x of list) m.set(x.orderSn, [...(m.get(x.orderSn) ?? []), x]);
      return m;
    };
    let older = 0;
    let returned = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        let store: StoreContent = { orders: [], items: [], payments: [] };
        const key = buyerKeyOf('ani', 'Jl. A');
        let row: CustomerRow | undefined;
        for (const s of steps) {
          const known = store.orders.find((o) => o.orderSn === `SN${s.sn}`);
          const { order, lines, payment } = recordsOf(s, known?.createdAt);
          const exp: ParsedExport = {
            source: 'shopee',
            orders: [order],
            items: lines,
            payments: payment ? [payment] : [],
            problems: [],
          };
          const storedLines = new Map<string, Stored<OrderItem>[]>();
          store.items.forEach((record, r) => {
            storedLines.set(record.orderSn, [...(storedLines.get(record.orderSn) ?? []), { record, row: r }]);
          });
          const plan = planMerge(
            { orders: byFirst(store.orders), lines: storedLines, payments: byFirst(store.payments) },
            [exp],
            T0,
          );
          older += plan.stats.olderOrders;
          const changes = orderChanges(
            {
              orders: new Map(store.orders.map((o) => [o.orderSn, o])),
              lines: bySn(store.items),
              payments: new Map(store.payments.map((p) => [p.orderSn, p])),
            },
            {
              orders: new Map(
                [...plan.appendOrders, ...plan.updateOrders.map((u) => u.after)].map((o) => [o.orderSn, o]),
              ),
              lines: new Map(plan.lines.map((l) => [l.orderSn, l.after])),
              payments: new Map(
                [...plan.appendPayments, ...plan.updatePayments.map((u) => u.after)].map((p) => [
                  p.orderSn,
                  p,
                ]),
              ),
            },
          );
          expect(changes).not.toBeNull();
          const list = changes!.get(key) ?? [];
          if (list.length > 0) row = applyOrderChanges(key, row, list, 1);
          store = mergeImport(store, [exp], T0);
          if (store.orders.some((o) => o.status === 'Selesai' && !isCounted(o.status, o.returnStatus)))
            returned++;
          const exact = customerRows(
            buildCustomers({
              orders: store.orders,
              items: store.items,
              payments: store.payments,
              profiles: [],
            }),
          ).find((r) => r.key === key)!;
          expect(row).toBeDefined();
          expectLikeRebuild(row!, exact);
        }
      }),
      { numRuns: 200 },
    );
    // Not vacuous: exports older than the store were kept out, and completed orders returned by the return
    // column were counted out.
    expect(older).toBeGreaterThan(50);
    expect(returned).toBeGreaterThan(50);
  });

  it('a new counted order after old ones moves first/last exactly; cancelling the last one makes it unknown', () => {
    const key = buyerKeyOf('ani', 'Jl. A');
    const o = (sn: string, day: number, status = 'Selesai'): Order => ({
      orderSn: sn,
      buyerUsername: 'ani',
      addressFull: 'Jl. A',
      totalPrice: 1000,
      createdAt: T0 + day * 86_400_000,
      status,
      returnStatus: '',
    });
    const f = (x: Order): OrderFacts => ({ order: x, lines: [], payment: null });
    let row = applyOrderChanges(key, undefined, [{ after: f(o('A', 1)) }, { after: f(o('B', 5)) }], 1);
    expect([row.firstOrderAt, row.lastOrderAt]).toEqual([o('A', 1).createdAt, o('B', 5).createdAt]);
    row = applyOrderChanges(key, row, [{ before: f(o('B', 5)), after: f(o('B', 5, 'Batal')) }], 2);
    expect(row.orders).toBe(1);
    expect(row.lastOrderAt).toBeNull();
    expect(needsRecompute(row)).toBe(true);
    row = applyOrderChanges(key, row, [{ before: f(o('A', 1)), after: f(o('A', 1, 'Batal')) }], 3);
    expect([row.orders, row.firstOrderAt, row.lastOrderAt]).toEqual([0, null, null]);
    expect(needsRecompute(row)).toBe(false);
  });
});

describe('the Customers sheet', () => {
  const sample = (): CustomerRow =>
    customerRows(
      buildCustomers({
        orders: [
          {
            orderSn: 'X1',
            buyerUsername: '=HYPERLINK("x")',
            addressFull: 'Jl. B\nRT 1\\2',
            totalPrice: 150_000.5,
            createdAt: T0,
            status: 'Selesai',
            returnStatus: '',
          },
        ],
        items: [
          {
            orderSn: 'X1',
            productName: 'Kaos\nHitam',
            variantName: '',
            variantSku: '',
            quantity: 2,
            price: 1,
          },
        ],
        payments: [],
        profiles: [],
      }),
    )[0];

  it('a row written and read back is the same row (line breaks and backslashes in the text included)', () => {
    const r = sample();
    const header = CUSTOMERS_SHEET.columns.map((c) => c.header);
    const cells = recordRow(CUSTOMERS_SHEET, rowRecord(r)).map((v) => (v instanceof Date ? v : v));
    const back = readRows<Record<string, unknown>>(CUSTOMERS_SHEET, {
      sheetName: 'Customers',
      header,
      rows: [cells],
      firstRow: 2,
      ctx: { timeZone: 'Asia/Jakarta', lang: 'id' },
    }).records.map(fromRecord);
    expect(back).toEqual([r]);
  });

  it('the search cell holds what a search matches and what a result shows', () => {
    const r = { ...sample(), realName: 'Budi Santoso' };
    const cell = String(
      recordRow(CUSTOMERS_SHEET, rowRecord(r))[
        CUSTOMERS_SHEET.columns.findIndex((c) => c.header === 'search')
      ],
    );
    const parts = parseSearchCell(cell);
    expect(searchText(parts)).toContain('budi santoso');
    expect(searchText(parts)).toContain('x1');
    expect(searchText(parts)).toContain('rt 1\\2');
    expect(listItemFromSearch(parts)).toEqual({
      buyerKey: r.key,
      buyerUsername: r.username,
      realName: 'Budi Santoso',
      addressFull: r.address,
      lastActivityAt: new Date(T0).toISOString(),
      lastActivitySn: 'X1',
      orderCount: 1,
    });
  });
});

describe('orderChanges', () => {
  const order = (sn: string, user = 'ani', address = 'Jl. A'): Order => ({
    orderSn: sn,
    buyerUsername: user,
    addressFull: address,
    totalPrice: 1,
    createdAt: T0,
    status: 'Selesai',
    returnStatus: '',
  });

  it('groups each order’s change under its buyer; a payment of an unknown order is no change', () => {
    const changes = orderChanges(
      { orders: new Map([['A', order('A')]]), lines: new Map(), payments: new Map() },
      {
        orders: new Map([['B', order('B', 'bob')]]),
        lines: new Map(),
        payments: new Map([
          ['A', { orderSn: 'A', totalIncome: 1, adminFee: 0, serviceFee: 0 }],
          ['Z', { orderSn: 'Z', totalIncome: 1, adminFee: 0, serviceFee: 0 }],
        ]),
      },
    )!;
    expect([...changes.keys()].sort()).toEqual(
      [buyerKeyOf('ani', 'Jl. A'), buyerKeyOf('bob', 'Jl. A')].sort(),
    );
    expect(changes.get(buyerKeyOf('ani', 'Jl. A'))![0].before?.payment).toBeNull();
    expect(changes.get(buyerKeyOf('ani', 'Jl. A'))![0].after.payment?.totalIncome).toBe(1);
  });

  it('refuses (null) when an order moves to another buyer: no delta can say what the old one lost', () => {
    const moved = orderChanges(
      { orders: new Map([['A', order('A')]]), lines: new Map(), payments: new Map() },
      { orders: new Map([['A', order('A', 'ani', 'Jl. Lain')]]), lines: new Map(), payments: new Map() },
    );
    expect(moved).toBeNull();
  });
});
