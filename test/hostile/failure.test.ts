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
  killAt,
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

  it(
    'at any of its calls: the store and Customers exactly as before (and it says so), or wholly merged; again → the right result',
    () => {
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
    },
    SWEEP_TIMEOUT,
  );

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

describe('Impor killed dead halfway (the 6-minute limit: no catch, no finally)', () => {
  /** A buyer whose Customers row the import rewrites (and whose name the seller then saves). */
  function touchedBuyer(before: string[][], after: string[][]): { key: string; address: string } {
    const k = before[0].indexOf('buyer_key');
    const a = before[0].indexOf('address_full');
    const was = new Map(before.slice(1).map((r) => [r[k], JSON.stringify(r)]));
    const row = after.slice(1).find((r) => was.has(r[k]) && was.get(r[k]) !== JSON.stringify(r));
    if (!row) throw new Error('the import touches no known customer');
    return { key: String(row[k]), address: String(row[a]) };
  }
  const NAME = 'Ibu Sari (diketik)';
  const saveName = (shop: Shop, b: { key: string; address: string }) =>
    shop.bundle.call('saveBuyerName', b.key, NAME, b.address);

  it(
    'at every call: the next action (a sidebar read, or a name saved) restores the store exactly or completes it; the name is kept; importing again gives the undisturbed result',
    () => {
      const clean = freshBeforeImport();
      const beforeStore = storeState(clean);
      const oldCustomers = clean.wb.readValues('Customers') as string[][];
      const calls = clean.wb.counter.measure(() => clean.bundle.call('kenaliImport')).total;
      const afterStore = storeState(clean);
      const afterData = dataState(clean);
      const buyer = touchedBuyer(oldCustomers, clean.wb.readValues('Customers') as string[][]);
      // The seller's name saved on the store as it was, and on the store merged: the two right answers.
      const named = (imported: boolean) => {
        const shop = freshBeforeImport();
        if (imported) shop.bundle.call('kenaliImport');
        saveName(shop, buyer);
        return storeState(shop);
      };
      const [namedBefore, namedAfter] = [named(false), named(true)];
      const queue = (imported: boolean) => {
        const shop = freshBeforeImport();
        if (imported) shop.bundle.call('kenaliImport');
        return JSON.stringify(shop.bundle.call('getNamingQueue', 30));
      };
      const [viewBefore, viewAfter] = [queue(false), queue(true)];
      expect(viewAfter).not.toBe(viewBefore);
      const seen = new Set<string>();
      const visibleLog: number[] = [];
      let logged = 0;
      for (let k = 1; k <= calls; k++) {
        const shop = freshBeforeImport();
        const kill = killAt(shop.wb, k);
        expect(() => shop.bundle.call('kenaliImport')).toThrow();
        const killed = kill.taken();
        expect(killed, `kill at call ${k}`).not.toBeNull();
        // What the kill left: the undo log's sheet hidden (all but between its insertion and hiding, one
        // call), the store's hand-typed names untouched, whatever the instant.
        const log = killed!.getSheetByName('~kenali-undo');
        if (log) logged++;
        if (log && !log.isSheetHidden()) visibleLog.push(k);
        expect(killed!.readValues('BuyerProfile'), `kill at call ${k}: BuyerProfile`).toEqual(
          clean.wb.readValues('BuyerProfile'),
        );
        // 1. The next action is a sidebar's read: it waits for the lock and recovers first.
        const reader = openShop({ wb: cloneWorkbook(killed!) });
        const view = JSON.stringify(reader.bundle.call('getNamingQueue', 30));
        const state = storeState(reader);
        const outcome = state === beforeStore ? 'as before' : state === afterStore ? 'merged' : null;
        expect(outcome, `kill at call ${k}: neither as before nor merged`).not.toBeNull();
        seen.add(outcome!);
        // and what it read is what the store as it was, or merged, shows: never a half state
        expect(view, `kill at call ${k}: the read`).toBe(outcome === 'as before' ? viewBefore : viewAfter);
        expect(reader.wb.hasSheet('~kenali-undo'), `kill at call ${k}`).toBe(false);
        expect(reader.wb.documentProperties.get('kenali.import') ?? '', `kill at call ${k}`).toBe('');
        reader.bundle.call('kenaliImport');
        expectSameState(dataState(reader), afterData, `re-run after a kill at call ${k}`);
        // 2. The next action is the seller saving a name (of a customer the merge rewrote): recovered
        //    first, so the name is in BuyerProfile and in Customers, on the old store or the merged one.
        const namer = openShop({ wb: cloneWorkbook(killed!) });
        saveName(namer, buyer);
        expect(storeState(namer), `a name saved after a kill at call ${k}`).toBe(
          outcome === 'as before' ? namedBefore : namedAfter,
        );
      }
      expect([...seen].sort()).toEqual(['as before', 'merged']);
      expect(logged).toBeGreaterThan(40); // the kills mid-merge, with their log
      expect(visibleLog.length, `log visible at kills ${visibleLog.join(', ')}`).toBeLessThanOrEqual(1);
      console.log(
        `Impor kill sweep: ${calls} calls, ${logged} killed with a log standing, outcomes ${[...seen].join(', ')}`,
      );
    },
    SWEEP_TIMEOUT,
  );

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

  it.each([
    ['just before its commit point: all to undo', 'before'],
    ['just after its commit point: all the tidying to finish', 'after'],
  ])(
    'killed %s; the recovery killed at any of its calls is finished by the next one',
    (_, at) => {
      const clean = freshBeforeImport();
      const beforeStore = storeState(clean);
      clean.bundle.call('kenaliImport');
      const afterStore = storeState(clean);
      // The commit point is the second mark the merge sets.
      const shop = freshBeforeImport();
      let marks = 0;
      const kill = killAt(shop.wb, 1, (l) => {
        if (l === 'Properties.setProperties') marks++;
        return at === 'before' ? marks === 2 : marks === 2 && l !== 'Properties.setProperties';
      });
      expect(() => shop.bundle.call('kenaliImport')).toThrow();
      const killed = kill.taken()!;
      expect(killed.hasSheet('~kenali-undo')).toBe(true);
      const want = at === 'before' ? beforeStore : afterStore;
      const probe = openShop({ wb: cloneWorkbook(killed) });
      const calls = probe.wb.counter.measure(() => probe.bundle.call('getNamingQueue', 30)).total;
      expect(storeState(probe)).toBe(want);
      for (let k = 1; k <= calls; k++) {
        const first = openShop({ wb: cloneWorkbook(killed) });
        const again = killAt(first.wb, k);
        expect(() => first.bundle.call('getNamingQueue', 30)).toThrow();
        const next = openShop({ wb: again.taken()! });
        next.bundle.call('getNamingQueue', 30);
        expect(storeState(next), `recovery killed at call ${k}`).toBe(want);
        expect(next.wb.hasSheet('~kenali-undo'), `recovery killed at call ${k}`).toBe(false);
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

describe('Segmentasi RFM stopped dead with a column of the seller’s on Segments', () => {
  /** Segmented once, then a note typed beside every other customer in a column the seller added. */
  function shopWithNotes(): Shop {
    const shop = shopBeforeSegmentation();
    shop.bundle.call('kenaliSegment');
    const sheet = shop.wb.getSheetByName('Segments')!;
    const width = sheet.getLastColumn();
    sheet.insertColumnsAfter(width, 1);
    const n = sheet.getLastRow();
    sheet
      .getRange(1, width + 1, n, 1)
      .setValues(Array.from({ length: n }, (_, i) => [i === 0 ? 'Catatan' : i % 2 ? `catatan ${i}` : '']));
    return shop;
  }
  /** The notes on Segments (or, stopped between the swap's steps, on the old sheet it set aside). */
  const notesOf = (shop: Shop) => {
    const sheet = shop.wb
      .getSheets()
      .find((s) => s.getName() === 'Segments' || s.getName().startsWith('Segments (lama'))!;
    const rows = shop.wb.readValues(sheet.getName());
    const col = rows[0].indexOf('Catatan');
    return new Map(
      rows
        .slice(1)
        .filter((r) => r[col] !== '')
        .map((r) => [String(r[0]), r[col]]),
    );
  };

  it(
    'at any call: the notes stay on their customers, and running again equals an undisturbed run',
    () => {
      const clean = shopWithNotes();
      const notes = notesOf(clean);
      expect(notes.size).toBeGreaterThan(5);
      const calls = clean.wb.counter.measure(() => later(clean, 3 * DAY).bundle.call('kenaliSegment')).total;
      const after = workbookState(clean.wb);
      expect(notesOf(clean)).toEqual(notes);
      for (let k = 1; k <= calls; k++) {
        const shop = shopWithNotes();
        later(shop, 3 * DAY).wb.counter.failOn(everything, k, { sticky: true });
        expect(() => shop.bundle.call('kenaliSegment')).toThrow();
        shop.wb.counter.clearFaults();
        expect(notesOf(shop), `stopped at call ${k}`).toEqual(notes);
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
