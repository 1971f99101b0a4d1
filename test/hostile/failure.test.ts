// Failure halfway: a service call fails (an exception the script sees) or the execution is stopped dead
// (Apps Script's 6-minute limit: every later call fails, no catch block repairs anything). Injected through
// the local runtime at EVERY call of an import and of a segmentation, in turn.
//   exception → the previous sheets stay exactly as they were (import: or the store is wholly the new one);
//   stopped   → running again later converges to what an undisturbed run gives.
import { generateIncomeReport } from '../../src/core/demo';
import type { CellValue } from '../../src/core/types';
import type { NamingQueueView } from '../../src/core/views';
import {
  builtCode,
  cloneWorkbook,
  demoExport,
  expectCoherent,
  expectSameState,
  NOW,
  openShop,
  paste,
  type Shop,
  STORE_SHEETS,
  TZ,
  workbookState,
} from './harness';

/** Each sweep runs the action once per call it makes (100+ executions): more than a unit test's time. */
const SWEEP_TIMEOUT = 180_000;

const LINES = 30;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const everything = () => true;
const SUMMARY = 'Ringkasan Segmen';

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

describe('an exception halfway through Impor', () => {
  const clean = freshBeforeImport();
  const before = workbookState(clean.wb);
  const calls = clean.wb.counter.measure(() => clean.bundle.call('kenaliImport')).total;
  const after = workbookState(clean.wb);
  const afterData = dataState(clean);

  it('the undisturbed import really changes every store sheet it owns (so the sweep means something)', () => {
    expect(calls).toBeGreaterThan(20);
    for (const s of ['Orders', 'OrderItems', 'OrderPayments', 'OrderStatusHistory', 'Customers']) {
      expect(after.sheets[s].values, s).not.toEqual(before.sheets[s].values);
    }
  });

  it(
    'at any of its calls: the store and Customers wholly as they were (a failure inside the commit is rolled back, and says so) or wholly new; again → the right result',
    () => {
      const outcomes: string[] = [];
      const storeAs = (w: ReturnType<typeof workbookState>) =>
        JSON.stringify([...STORE_SHEETS.map((s) => w.sheets[s]), w.sheets.Customers.values]);
      const [oldStore, newStore] = [storeAs(before), storeAs(after)];
      let rolledBack = 0;
      for (let k = 1; k <= calls; k++) {
        const shop = freshBeforeImport();
        shop.wb.counter.failOn(everything, k);
        let message = '';
        try {
          shop.bundle.call('kenaliImport');
        } catch (e) {
          message = String(e);
        }
        expect(message, `fault at call ${k}`).toMatch(/injected fault/);
        expect(message, `fault at call ${k}`).not.toMatch(/di tengah jalan/);
        if (/Sheet toko dibiarkan seperti semula/.test(message)) rolledBack++;
        shop.wb.counter.clearFaults();
        expectCoherent(shop, before, after, `fault at call ${k}`);
        const store = storeAs(workbookState(shop.wb));
        outcomes.push(store === oldStore ? 'old' : store === newStore ? 'new' : `mixed at call ${k}`);
        shop.bundle.call('kenaliImport');
        expectSameState(dataState(shop), afterData, `re-run after a fault at call ${k}`);
      }
      // Old up to the commit's end (its failures rolled back), then wholly new (the inbox's clearing).
      const firstNew = outcomes.indexOf('new');
      expect(firstNew).toBeGreaterThan(calls / 2);
      expect(outcomes).toEqual([...Array(firstNew).fill('old'), ...Array(calls - firstNew).fill('new')]);
      expect(rolledBack).toBeGreaterThan(15);
      console.log(
        `Impor fault sweep: ${calls} calls, ${rolledBack} rolled back, first wholly new at ${firstNew + 1}`,
      );
    },
    SWEEP_TIMEOUT,
  );
});

describe('Impor stopped dead halfway (the 6-minute limit)', () => {
  it(
    'at any call: a coherent store, and importing again converges to the undisturbed result',
    () => {
      const clean = freshBeforeImport();
      const before = workbookState(clean.wb);
      const calls = clean.wb.counter.measure(() => clean.bundle.call('kenaliImport')).total;
      const after = workbookState(clean.wb);
      const afterData = dataState(clean);
      for (let k = 1; k <= calls; k++) {
        const shop = freshBeforeImport();
        shop.wb.counter.failOn(everything, k, { sticky: true });
        expect(() => shop.bundle.call('kenaliImport')).toThrow();
        shop.wb.counter.clearFaults();
        expectCoherent(shop, before, after, `stop at call ${k}`);
        shop.bundle.call('kenaliImport');
        expectSameState(dataState(shop), afterData, `re-run after a stop at call ${k}`);
      }
    },
    SWEEP_TIMEOUT,
  );
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

  it(
    'at any of its calls: every sheet as it was, or (past the swaps) both new ones; no stray sheet',
    () => {
      // the sheets decide (a run marker left in the document properties is removed by a later run)
      const sheetsOf = (w: ReturnType<typeof workbookState>) => JSON.stringify([w.names, w.sheets]);
      const oldState = sheetsOf(before);
      const newState = sheetsOf(after);
      // Once the old Segments sheet is deleted it cannot be put back: a failure deleting the old summary
      // puts back that one only (new Segments, old summary), what the next run repairs.
      const segmentsOnly = (w: ReturnType<typeof workbookState>) =>
        JSON.stringify([...w.names].sort()) === JSON.stringify([...before.names].sort()) &&
        JSON.stringify(w.sheets.Segments) === JSON.stringify(after.sheets.Segments) &&
        JSON.stringify(w.sheets[SUMMARY]) === JSON.stringify(before.sheets[SUMMARY]);
      const outcomes: string[] = [];
      for (let k = 1; k <= calls; k++) {
        const shop = later(shopBeforeSegmentation(), 3 * DAY);
        shop.wb.counter.failOn(everything, k);
        expect(() => shop.bundle.call('kenaliSegment'), `fault at call ${k}`).toThrow(/injected fault/);
        shop.wb.counter.clearFaults();
        const w = workbookState(shop.wb);
        const state = sheetsOf(w);
        outcomes.push(
          state === oldState
            ? 'old'
            : state === newState
              ? 'new'
              : segmentsOnly(w)
                ? 'segments only'
                : `mixed at call ${k}`,
        );
        if (state === oldState) expect(shop.wb.sheet(SUMMARY).getCharts()).toHaveLength(2);
        shop.bundle.call('kenaliSegment');
        expectSameState(workbookState(shop.wb), after, `re-run after a fault at call ${k}`);
      }
      const firstNew = outcomes.indexOf('new');
      expect(firstNew).toBeGreaterThan(calls / 2);
      expect(outcomes).toEqual([
        ...Array(firstNew - 1).fill('old'),
        'segments only',
        ...Array(calls - firstNew).fill('new'),
      ]);
    },
    SWEEP_TIMEOUT,
  );
});

describe('Segmentasi RFM stopped dead halfway', () => {
  it(
    'at any call: segmenting again (later) converges, leaving no stray staging sheet',
    () => {
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
    },
    SWEEP_TIMEOUT,
  );
});

describe('Segmentasi RFM stopped dead between runs of different dates (movement, #21)', () => {
  /** What the movement rests on: the Segments table and its run-date note, the summary sheet (matrix and
   *  history), and no other sheet of Kenali's segmentation. */
  function movementState(shop: Shop) {
    const w = workbookState(shop.wb);
    return JSON.stringify({
      names: w.names.filter((n) => /^(Segments|Ringkasan Segmen)/.test(n)).sort(),
      segments: w.sheets.Segments,
      note: shop.wb.sheet('Segments').getRange('A1').getNote(),
      summary: w.sheets[SUMMARY],
    });
  }
  const history = (shop: Shop) =>
    shop.wb
      .readValues(SUMMARY)
      .map((r) => r.slice(23, 35))
      .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(String(r[0])));

  it(
    'stopped at any call, then run again the same day and a week later: the same Segments, run date and history as without the stop; a week later straight away: as if the stopped run had happened, or never',
    () => {
      const A = 3 * DAY;
      const B = 10 * DAY;
      const clean = shopBeforeSegmentation();
      const calls = clean.wb.counter.measure(() => later(clean, A).bundle.call('kenaliSegment')).total;
      const afterA = movementState(clean);
      const dates = history(clean).map((r) => r[0]);
      expect(dates).toHaveLength(2); // the shop's first run, and this one
      later(clean, B).bundle.call('kenaliSegment');
      const afterB = movementState(clean);
      expect(history(clean).map((r) => r[0])).toEqual([...dates, expect.any(String)]);
      // B straight after the first run (A never happened): compares with the first run
      const skip = shopBeforeSegmentation();
      later(skip, B).bundle.call('kenaliSegment');
      const withoutA = movementState(skip);
      expect(withoutA).not.toBe(afterB);

      const straight: string[] = [];
      for (let k = 1; k <= calls; k++) {
        const shop = shopBeforeSegmentation();
        later(shop, A).wb.counter.failOn(everything, k, { sticky: true });
        expect(() => shop.bundle.call('kenaliSegment')).toThrow();
        shop.wb.counter.clearFaults();
        const copy = openShop({ wb: cloneWorkbook(shop.wb) });

        later(shop, A + HOUR).bundle.call('kenaliSegment');
        expectSameState(movementState(shop), afterA, `rerun the same day after a stop at call ${k}`);
        later(shop, B).bundle.call('kenaliSegment');
        expectSameState(movementState(shop), afterB, `a week later after a stop at call ${k} and a rerun`);

        later(copy, B).bundle.call('kenaliSegment');
        const state = movementState(copy);
        straight.push(state === afterB ? 'A kept' : state === withoutA ? 'A never' : `mixed at call ${k}`);
      }
      // the stopped run counts from its Segments swap on: its run is in the history (put back when the
      // stop came before the summary's swap) and the next run compares with it
      const first = straight.indexOf('A kept');
      expect(first).toBeGreaterThan(calls / 2);
      expect(straight).toEqual([...Array(first).fill('A never'), ...Array(calls - first).fill('A kept')]);
    },
    SWEEP_TIMEOUT,
  );

  it('stopped with the old summary set aside, then stopped again after tidying: the old summary is put back, its history whole', () => {
    const clean = shopBeforeSegmentation();
    later(clean, 3 * DAY).bundle.call('kenaliSegment');
    later(clean, 10 * DAY).bundle.call('kenaliSegment');
    const expected = movementState(clean);

    const shop = shopBeforeSegmentation();
    const before = history(shop);
    // the 4th rename: old Segments aside, new Segments in, old summary aside, (stopped) new summary in
    later(shop, 3 * DAY).wb.counter.failOn('Sheet.setName', 4, { sticky: true });
    expect(() => shop.bundle.call('kenaliSegment')).toThrow();
    shop.wb.counter.clearFaults();
    expect(shop.wb.hasSheet(SUMMARY)).toBe(false);
    // an hour later a run tidies up, then is stopped before its own sheets are in place
    later(shop, 3 * DAY + HOUR).wb.counter.failOn('Spreadsheet.insertSheet', 1, { sticky: true });
    expect(() => shop.bundle.call('kenaliSegment')).toThrow();
    shop.wb.counter.clearFaults();
    expect(
      shop.wb
        .getSheets()
        .map((s) => s.getName())
        .filter((n) => n.startsWith(SUMMARY)),
    ).toEqual([SUMMARY]);
    expect(history(shop)).toEqual(before);
    later(shop, 10 * DAY).bundle.call('kenaliSegment');
    expectSameState(movementState(shop), expected, 'a week later');
  });
});
