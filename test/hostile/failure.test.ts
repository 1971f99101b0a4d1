// Failure halfway: a service call fails (an exception the script sees) or the execution is stopped dead
// (Apps Script's 6-minute limit: every later call fails, no catch block repairs anything). Injected through
// the local runtime at EVERY call of an import and of a segmentation, in turn.
//   exception → the previous sheets stay exactly as they were (import: the store and Customers put back by
//               its undo log, or, past its commit point, wholly the new ones);
//   stopped   → the next locked action puts the store back (or finishes a merge past its commit point);
//               running again later converges to what an undisturbed run gives.
import { generateIncomeReport } from '../../src/core/demo';
import type { CellValue } from '../../src/core/types';
import type { NamingQueueView } from '../../src/core/views';
import {
  builtCode,
  cloneWorkbook,
  demoExport,
  expectSameState,
  NOW,
  openShop,
  paste,
  type Shop,
  STORE_SHEETS,
  TZ,
  workbookState,
} from './harness';

const LINES = 30;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const everything = () => true;

beforeAll(() => {
  builtCode();
});

/** The second paste: the first export again with some orders now completed, a new export, an income report. */
function secondPaste(first: CellValue[][]): CellValue[][] {
  const header = first[0];
  const status = header.indexOf('Status Pesanan');
  const changed = first
    .slice(1)
    .map((r, i) => (i % 4 === 0 ? r.map((v, j) => (j === status ? 'Selesai' : v)) : r));
  const options = { seed: 22, lines: LINES, now: NOW, timeZone: TZ };
  const more = demoExport(LINES, 22).slice(1);
  const income = generateIncomeReport({ seed: 22, exportOptions: options }).grid;
  const width = header.length;
  const pad = (r: CellValue[]) => [...r, ...Array(width - r.length).fill('')];
  return [header, ...changed, ...more, Array(width).fill(''), ...income.map(pad)];
}

/** A shop with history: setup, one import, a segmentation, two names; the next export pasted in. */
function shopBeforeImport(): Shop {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  const first = demoExport(LINES, 21);
  paste(shop, first);
  shop.bundle.call('kenaliImport');
  shop.bundle.call('kenaliSegment');
  const queue = shop.bundle.call<NamingQueueView>('getNamingQueue', 30);
  for (const e of queue.entries.slice(0, 2))
    shop.bundle.call('saveBuyerName', e.buyerKey, 'Nama', e.addressFull);
  paste(shop, secondPaste(first));
  return shop;
}

/** Everything imported and named, segmented once; segmentation will run again three days later. */
function shopBeforeSegmentation(): Shop {
  const shop = shopBeforeImport();
  shop.bundle.call('kenaliImport');
  const queue = shop.bundle.call<NamingQueueView>('getNamingQueue', 30);
  for (const e of queue.entries.slice(0, 5))
    shop.bundle.call('saveBuyerName', e.buyerKey, 'Baru', e.addressFull);
  return shop;
}

/** The shop before the import, prepared once and copied for each run of a sweep. */
let prepared: Shop | null = null;
function freshBeforeImport(): Shop {
  prepared ??= shopBeforeImport();
  return openShop({ wb: cloneWorkbook(prepared.wb) });
}
/** The same shop, its clock moved `ms` past NOW. */
const later = (shop: Shop, ms: number): Shop => {
  shop.clock.now = NOW + ms;
  return shop;
};

/** Every sheet as a seller sees it, without Kenali's bookkeeping: the batch stamps of Customers and the
 *  run counters, which count runs (a re-run after a fault is one more), not data. */
function dataState(shop: Shop) {
  const w = workbookState(shop.wb);
  const c = w.sheets.Customers;
  if (c) {
    const j = (c.values[0] as unknown[]).indexOf('batch');
    c.values = c.values.map((r, i) => (i === 0 ? r : r.map((v, k) => (k === j ? 0 : v))));
  }
  for (const k of ['kenali.batch', 'kenali.generation', 'kenali.import']) delete w.properties[k];
  return w;
}

/** The store sheets and the Customers read model, every value (batch stamps included), and which sheets
 *  exist: what a merge all or nothing must leave as it was. */
const STORE_AND_MODEL = [...STORE_SHEETS, 'Customers'];
function storeState(shop: Shop) {
  const w = workbookState(shop.wb);
  return JSON.stringify({
    names: w.names,
    sheets: STORE_AND_MODEL.map((s) => w.sheets[s]?.values ?? null),
  });
}

describe('an exception halfway through Impor', () => {
  const clean = freshBeforeImport();
  const before = workbookState(clean.wb);
  const beforeStore = storeState(clean);
  const calls = clean.wb.counter.measure(() => clean.bundle.call('kenaliImport')).total;
  const after = workbookState(clean.wb);
  const afterStore = storeState(clean);
  const afterData = dataState(clean);

  it('the undisturbed import really changes every store sheet it owns (so the sweep means something)', () => {
    expect(calls).toBeGreaterThan(20);
    for (const s of ['Orders', 'OrderItems', 'OrderPayments', 'OrderStatusHistory', 'Customers']) {
      expect(after.sheets[s].values, s).not.toEqual(before.sheets[s].values);
    }
  });

  it('at any of its calls: the store and Customers exactly as before (and it says so), or wholly merged; again → the right result', () => {
    const outcomes = new Set<string>();
    for (let k = 1; k <= calls; k++) {
      const shop = freshBeforeImport();
      shop.wb.counter.failOn(everything, k);
      let error: string | null = null;
      try {
        shop.bundle.call('kenaliImport');
      } catch (e) {
        error = String((e as Error).message);
      }
      shop.wb.counter.clearFaults();
      const state = storeState(shop);
      if (error === null) {
        // past the commit point: the tidying's first try, or the inbox's clearing (reported), failed
        outcomes.add('merged');
        expect(state, `a fault at call ${k} that the merge got past`).toBe(afterStore);
        continue;
      }
      expect(error, `fault at call ${k}`).toMatch(/injected fault/);
      if (state === afterStore) {
        // after the merge returned (the report's alert, the lock's release): never said to be undone
        outcomes.add('merged, then a failure');
        expect(error, `fault at call ${k}`).not.toMatch(/Impor gagal|Impor terhenti/);
        continue;
      }
      outcomes.add('as before');
      expect(shop.wb.hasSheet('~kenali-undo'), `fault at call ${k}`).toBe(false);
      expect(shop.wb.documentProperties.get('kenali.import') ?? '', `fault at call ${k}`).toBe('');
      expect(state, `fault at call ${k}`).toBe(beforeStore);
      shop.bundle.call('kenaliImport');
      expectSameState(dataState(shop), afterData, `re-run after a fault at call ${k}`);
    }
    expect(outcomes).toContain('as before');
    expect(outcomes).toContain('merged');
  });

  it('a fault inside the merge says the store was put back', () => {
    const shop = freshBeforeImport();
    // the first write of Orders' cells (a status changed in place), well inside the merge
    shop.wb.counter.failOn('RangeList.setValue', 2);
    expect(() => shop.bundle.call('kenaliImport')).toThrow(
      /Impor gagal.*dikembalikan persis seperti sebelum/s,
    );
    expect(storeState(shop)).toBe(beforeStore);
  });
});

describe('Impor stopped dead halfway (the 6-minute limit)', () => {
  it('at any call: the next locked action (a sidebar read) puts the store back, or finishes a merge past its commit point; importing again gives the undisturbed result', () => {
    const clean = freshBeforeImport();
    const beforeStore = storeState(clean);
    const calls = clean.wb.counter.measure(() => clean.bundle.call('kenaliImport')).total;
    const afterStore = storeState(clean);
    const afterData = dataState(clean);
    const seen = new Set<string>();
    for (let k = 1; k <= calls; k++) {
      const shop = freshBeforeImport();
      shop.wb.counter.failOn(everything, k, { sticky: true });
      expect(() => shop.bundle.call('kenaliImport')).toThrow();
      shop.wb.counter.clearFaults();
      // No catch ran: what the stop left is repaired by the next action that takes the lock.
      shop.bundle.call('getNamingQueue', 30);
      const state = storeState(shop);
      const outcome = state === beforeStore ? 'as before' : state === afterStore ? 'merged' : null;
      expect(outcome, `stop at call ${k}: neither as before nor merged`).not.toBeNull();
      seen.add(outcome!);
      expect(shop.wb.hasSheet('~kenali-undo'), `stop at call ${k}`).toBe(false);
      shop.bundle.call('kenaliImport');
      expectSameState(dataState(shop), afterData, `re-run after a stop at call ${k}`);
    }
    expect([...seen].sort()).toEqual(['as before', 'merged']);
  });

  it('a stop mid-merge is put back by the next import before it merges', () => {
    const clean = freshBeforeImport();
    clean.bundle.call('kenaliImport');
    const afterData = dataState(clean);
    const shop = freshBeforeImport();
    shop.wb.counter.failOn('RangeList.setValue', 2, { sticky: true });
    expect(() => shop.bundle.call('kenaliImport')).toThrow();
    shop.wb.counter.clearFaults();
    expect(shop.wb.hasSheet('~kenali-undo')).toBe(true);
    shop.bundle.call('kenaliImport');
    expect(shop.wb.hasSheet('~kenali-undo')).toBe(false);
    expectSameState(dataState(shop), afterData, 'the import after a stop');
  });
});

describe('an exception halfway through Segmentasi RFM', () => {
  const clean = shopBeforeSegmentation();
  const before = workbookState(clean.wb);
  const calls = clean.wb.counter.measure(() => later(clean, 3 * DAY).bundle.call('kenaliSegment')).total;
  const after = workbookState(clean.wb);

  it('the undisturbed run rewrites Segments (so the sweep means something)', () => {
    expect(calls).toBeGreaterThan(15);
    expect(after.sheets.Segments.values).not.toEqual(before.sheets.Segments.values);
  });

  it('at any of its calls: every sheet as it was, or (past the swap) the whole new Segments; no stray sheet', () => {
    // the sheets decide (a run marker left in the document properties is removed by a later run)
    const sheetsOf = (w: ReturnType<typeof workbookState>) => JSON.stringify([w.names, w.sheets]);
    const oldState = sheetsOf(before);
    const newState = sheetsOf(after);
    const outcomes: string[] = [];
    for (let k = 1; k <= calls; k++) {
      const shop = later(shopBeforeSegmentation(), 3 * DAY);
      shop.wb.counter.failOn(everything, k);
      expect(() => shop.bundle.call('kenaliSegment'), `fault at call ${k}`).toThrow(/injected fault/);
      shop.wb.counter.clearFaults();
      const state = sheetsOf(workbookState(shop.wb));
      outcomes.push(state === oldState ? 'old' : state === newState ? 'new' : `mixed at call ${k}`);
      if (state === oldState) expect(shop.wb.sheet('Segments').getCharts()).toHaveLength(1);
      shop.bundle.call('kenaliSegment');
      expectSameState(workbookState(shop.wb), after, `re-run after a fault at call ${k}`);
    }
    const firstNew = outcomes.indexOf('new');
    expect(firstNew).toBeGreaterThan(calls / 2);
    expect(outcomes).toEqual([...Array(firstNew).fill('old'), ...Array(calls - firstNew).fill('new')]);
  });
});

describe('Segmentasi RFM stopped dead halfway', () => {
  it('at any call: segmenting again (later) converges, leaving no stray staging sheet', () => {
    const clean = shopBeforeSegmentation();
    const calls = clean.wb.counter.measure(() => later(clean, 3 * DAY).bundle.call('kenaliSegment')).total;
    const after = workbookState(clean.wb);
    for (let k = 1; k <= calls; k++) {
      const shop = shopBeforeSegmentation();
      later(shop, 3 * DAY).wb.counter.failOn(everything, k, { sticky: true });
      expect(() => shop.bundle.call('kenaliSegment')).toThrow();
      shop.wb.counter.clearFaults();
      // the seller runs it again an hour later
      later(shop, 3 * DAY + HOUR).bundle.call('kenaliSegment');
      expectSameState(workbookState(shop.wb), after, `re-run after a stop at call ${k}`);
    }
  });
});
