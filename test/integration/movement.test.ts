// Segment movement (#21) as a seller meets it: the BUILT dist/Code.js in the local runtime, the demo shop
// segmented as of one date and then a week later, reruns, older dates, a customer who vanished.
import { fromXlsxBuffer, LocalSpreadsheet, loadBundle, toXlsxBuffer } from '../../local';
import { LocalRange } from '../../local/gas/range';
import { LocalRangeList } from '../../local/gas/rangelist';
import { generateShopeeExport } from '../../src/core/demo';
import { changeOf, segmentOfLabel } from '../../src/core/movement';
import { SEGMENTS, type SegmentId, segmentForCode } from '../../src/core/rfm';
import { SHEET_COLUMNS } from '../../src/core/segments';
import { texts } from '../../src/core/text';
import type { CellValue } from '../../src/core/types';
import type { CustomerDetailView } from '../../src/core/views';
import { demo, NOW, segmentAt, TZ } from './demo-shop';

const tx = texts.segments.id;
// Sheet columns (0-based): key 0, RFM code 12, segment 13, previous 14, change 15.
const KEY = 0;
const CODE = 12;
const PREV = 14;
const CHANGE = 15;
// The summary sheet: the summary in A:H; the matrix after a blank column, from J (13 columns); the history
// after another, from X (12 columns).
const SUMMARY = texts.sheet.id.summarySheet;
const MATRIX = 9;
const HISTORY = 23;

/** The Segments table's rows: key → its row. */
function table(wb: LocalSpreadsheet): Map<string, CellValue[]> {
  const out = new Map<string, CellValue[]>();
  for (const r of wb.readValues('Segments').slice(1)) if (r[KEY] !== '') out.set(String(r[KEY]), r);
  return out;
}
const segmentOf = (r: CellValue[]): SegmentId => segmentForCode(String(r[CODE]))!.id;
const history = (wb: LocalSpreadsheet) =>
  wb
    .readValues(SUMMARY)
    .map((r) => r.slice(HISTORY, HISTORY + 12))
    .filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(String(r[0])));

describe('two runs a week apart on the demo shop', () => {
  const { wb, bundle } = demo();
  const firstMessage = segmentAt(bundle, '2024-06-23');
  const first = table(wb);
  const firstHistory = history(wb);
  const secondMessage = segmentAt(bundle, '2024-06-30');
  const second = table(wb);
  const names = wb.getSheets().map((s) => s.getName());

  it('first run: everyone is "baru", no previous segment, one history row', () => {
    expect(first.size).toBeGreaterThan(100);
    for (const r of first.values()) expect([r[PREV], r[CHANGE]]).toEqual(['', 'baru']);
    expect(firstHistory).toHaveLength(1);
    expect(firstHistory[0][0]).toBe('2024-06-23');
    expect(firstHistory[0].slice(1, 12).reduce((a, b) => Number(a) + Number(b), 0)).toBe(first.size);
    expect(firstMessage).not.toContain('Dibanding');
  });

  it('second run: the previous segment is the first run’s, the change follows the table order, each way', () => {
    const seen = new Set<string>();
    for (const [key, r] of second) {
      const before = first.get(key);
      const now = segmentOf(r);
      if (!before) {
        expect([r[PREV], r[CHANGE]]).toEqual(['', 'baru']);
        seen.add('baru');
        continue;
      }
      const was = segmentOf(before);
      expect(segmentOfLabel(r[PREV])).toBe(was);
      expect(r[CHANGE]).toBe(tx.changes[changeOf(was, now)]);
      seen.add(String(r[CHANGE]));
    }
    expect(seen).toEqual(new Set(['naik', 'turun', 'tetap', 'baru']));
    expect(secondMessage).toMatch(/Dibanding 2024-06-23: \d+ naik, \d+ turun, \d+ tetap, \d+ baru/);
  });

  it('the history holds both dates, with the customers per segment of each', () => {
    const h = history(wb);
    expect(h.map((r) => r[0])).toEqual(['2024-06-23', '2024-06-30']);
    const counts = SEGMENTS.map((s) => [...second.values()].filter((r) => segmentOf(r) === s.id).length);
    expect(h[1].slice(1, 12)).toEqual(counts);
    const sheet = wb.getSheetByName(SUMMARY)!;
    expect(sheet.getRange(1, HISTORY + 1, 1, 2).getValues()[0]).toEqual([tx.historyDate, 'Juara']);
    // the summary sheet says its run date beside its title; Segments in a note on its first header cell
    expect(sheet.getRange('A1:D1').getValues()[0]).toEqual([
      'Ringkasan segmen',
      '',
      'Tanggal acuan',
      '2024-06-30',
    ]);
    expect(wb.getSheetByName('Segments')!.getRange('A1').getNote()).toBe(
      'Tanggal acuan: 2024-06-30\nRingkasan, perpindahan dan riwayat segmen ada di sheet “Ringkasan Segmen”.',
    );
    const charts = sheet.getCharts().filter((c) => c.getType() === 'AREA');
    expect(charts).toHaveLength(1);
    expect(charts[0].getOptions().get('isStacked')).toBe(true);
    expect(charts[0].getOptions().get('title')).toBe(tx.historyChartTitle);
    expect(charts[0].getRanges()[0].getA1Notation()).toBe('X1:AI3');
    expect(wb.getSheetByName('Segments')!.getCharts()).toHaveLength(0);
  });

  it('Segments is its table alone: its grid is the table’s columns and rows; the summary sheet is small', () => {
    const sheet = wb.getSheetByName('Segments')!;
    const header = wb.readValues('Segments')[0];
    expect(header).toEqual(SHEET_COLUMNS.map((c) => tx.header[c]));
    expect(sheet.getMaxColumns()).toBe(header.length);
    expect(sheet.getMaxColumns()).toBe(16);
    expect(sheet.getMaxRows()).toBe(second.size + 1);
    expect(sheet.getLastColumn()).toBe(16);
    const summary = wb.getSheetByName(SUMMARY)!;
    expect(summary.getMaxColumns()).toBe(HISTORY + 12);
    expect(summary.getMaxRows() * summary.getMaxColumns()).toBeLessThan(2_000);
  });

  it('the matrix beside the summary counts every move from the first run to the second', () => {
    const values = wb.readValues(SUMMARY);
    const titleRow = values.findIndex((r) => r[MATRIX] === 'Perpindahan segmen: 2024-06-23 → 2024-06-30');
    expect(titleRow).toBe(0); // beside the summary, at the top
    const grid = values.slice(titleRow + 1, titleRow + 14).map((r) => r.slice(MATRIX, MATRIX + 13));
    expect(grid[0][0]).toBe(tx.movementCorner);
    const labels = SEGMENTS.map((s) => tx.labels[s.id]);
    expect(grid[0].slice(1, 12)).toEqual(labels);
    for (let from = 0; from < 11; from++) {
      for (let to = 0; to < 11; to++) {
        const expected = [...second.entries()].filter(
          ([key, r]) =>
            first.has(key) &&
            segmentOf(first.get(key)!) === SEGMENTS[from].id &&
            segmentOf(r) === SEGMENTS[to].id,
        ).length;
        expect(grid[from + 1][to + 1]).toBe(expected);
      }
    }
    const added = [...second.keys()].filter((k) => !first.has(k)).length;
    expect(grid[12].slice(1, 12).reduce((a, b) => Number(a) + Number(b), 0)).toBe(added);
    // highlighted: a top customer slipping away (when there is one), the diagonal always
    const sheet = wb.getSheetByName(SUMMARY)!;
    const bgs = sheet.getRange(titleRow + 2, MATRIX + 1, 13, 13).getBackgrounds();
    expect(bgs[1][1]).toBe('#eceff1');
    const champToRisk = grid[1][8] as number;
    expect(bgs[1][8]).toBe(champToRisk > 0 ? '#b71c1c' : '#ffffff');
  });

  it('the change column is coloured by conditional rules; both are filterable like the rest', () => {
    const sheet = wb.getSheetByName('Segments')!;
    const n = second.size;
    expect(sheet.getFilter()!.getRange().getA1Notation()).toBe(`A1:P${n + 1}`);
    const rules = sheet.getConditionalFormatRules();
    expect(rules).toHaveLength(4);
    const refs = new Set(rules.flatMap((r) => r.getRanges().map((g) => g.getA1Notation())));
    expect(refs).toEqual(new Set([`P2:P${n + 1}`]));
  });

  it('the lookup detail shows the current and the previous segment', () => {
    const [key, r] = [...second].find(([, row]) => row[CHANGE] === 'turun')!;
    const d = bundle.call<CustomerDetailView>('getCustomerDetail', key);
    expect(d.segment?.segmentId).toBe(segmentOf(r));
    expect(d.previousSegment?.segmentId).toBe(segmentOfLabel(r[PREV]));
    expect(d.previousSegment?.label).toBe(r[PREV]);
    const fresh = [...second].find(([, row]) => row[CHANGE] === 'baru')![0];
    expect(bundle.call<CustomerDetailView>('getCustomerDetail', fresh).previousSegment).toBeNull();
  });

  it('a rerun on the same date: no second history row, the same comparison again', () => {
    const before = wb.readValues('Segments');
    const summary = wb.readValues(SUMMARY);
    segmentAt(bundle, '2024-06-30');
    expect(history(wb).map((r) => r[0])).toEqual(['2024-06-23', '2024-06-30']);
    expect(wb.readValues('Segments')).toEqual(before);
    expect(wb.readValues(SUMMARY)).toEqual(summary);
    expect(wb.getSheetByName(SUMMARY)!.getCharts()).toHaveLength(2);
    expect(wb.getSheets().map((s) => s.getName())).toEqual(names);
  });
});

describe('a workbook saved to .xlsx and opened again (the preview, the CLI)', () => {
  it('keeps the run date note and the history: the next run compares with the saved one', async () => {
    const { wb, bundle } = demo();
    segmentAt(bundle, '2024-06-23');
    const saved = table(wb);
    const reopened = await fromXlsxBuffer(await toXlsxBuffer(wb));
    expect(reopened.getSheetByName('Segments')!.getRange('A1').getNote()).toContain('2024-06-23');
    const again = loadBundle({ workbook: reopened, now: NOW });
    expect(segmentAt(again, '2024-06-30')).toMatch(/Dibanding 2024-06-23/);
    for (const [key, r] of table(reopened)) {
      const was = saved.get(key);
      expect(segmentOfLabel(r[PREV])).toBe(was ? segmentOf(was) : null);
    }
    expect(history(reopened).map((r) => r[0])).toEqual(['2024-06-23', '2024-06-30']);
  });
});

describe('runs as of older dates', () => {
  it('an older date is put in order, later rows stay, and it compares with the run before it', () => {
    const { wb, bundle } = demo();
    segmentAt(bundle, '2024-06-16');
    const june16 = table(wb);
    segmentAt(bundle, '2024-06-30');
    const h = history(wb);
    // between the two: compares with 06-16 (recomputed from the store), not with the sheet it replaces (06-30)
    const message = segmentAt(bundle, '2024-06-23');
    expect(message).toContain('Dibanding 2024-06-16');
    for (const [key, r] of table(wb)) {
      const was = june16.get(key);
      expect(segmentOfLabel(r[PREV])).toBe(was ? segmentOf(was) : null);
    }
    const after = history(wb);
    expect(after.map((r) => r[0])).toEqual(['2024-06-16', '2024-06-23', '2024-06-30']);
    expect(after[0]).toEqual(h[0]);
    expect(after[2]).toEqual(h[1]); // the later run's row untouched
    // older than every run: nothing before it, everyone new; history of later runs kept
    segmentAt(bundle, '2024-06-09');
    for (const r of table(wb).values()) expect(r[CHANGE]).toBe('baru');
    expect(history(wb).slice(1)).toEqual(after);
    // the next run today compares with the latest earlier run (06-30), recomputed: not with 06-09's sheet
    const today = segmentAt(bundle, '2024-07-01');
    expect(today).toContain('Dibanding 2024-06-30');
  });
});

describe('a customer who vanished', () => {
  it('has no row now, and is counted in the matrix as no longer counted', () => {
    const { wb, bundle } = demo();
    segmentAt(bundle, '2024-06-30');
    const before = table(wb);
    // a one-order customer whose order is cancelled afterwards (a status update, or a hand edit)
    const [key] = [...before].find(([, r]) => r[7] === 1)!;
    const orders = wb.readValues('Orders');
    const h = orders[0];
    const userCol = h.indexOf('buyer_username');
    const statusCol = h.indexOf('status');
    const username = String(before.get(key)![2]);
    const i = orders.findIndex((r, j) => j > 0 && r[userCol] === username);
    const sheet = wb.getSheetByName('Orders')!;
    sheet.getRange(i + 1, statusCol + 1).setValue('Batal');
    bundle.ui.respond({ button: 'OK', text: '2024-07-07' });
    bundle.call('kenaliSegmentAt');
    expect(bundle.ui.alerts.at(-1)?.prompt).toMatch(/[1-9]\d* pelanggan tidak terhitung lagi/);
    const after = table(wb);
    expect(after.has(key)).toBe(false);
    const values = wb.readValues(SUMMARY);
    const titleRow = values.findIndex((r) => String(r[MATRIX]).startsWith('Perpindahan segmen: 2024-06-30'));
    const grid = values.slice(titleRow + 1, titleRow + 14).map((r) => r.slice(MATRIX, MATRIX + 13));
    const fromRow = grid.findIndex((r) => r[0] === tx.labels[segmentOf(before.get(key)!)]);
    expect(grid[0][12]).toBe(tx.movementGone);
    expect(grid[fromRow][12]).toBeGreaterThanOrEqual(1);
    const gone = [...before.keys()].filter((k) => !after.has(k)).length;
    expect(grid.slice(1, 12).reduce((a, r) => a + Number(r[12]), 0)).toBe(gone);
    // a rerun on that date (after a run stopped between its two sheets, say) knows the vanished customer
    // only from the history: the same matrix again
    const summary = wb.readValues(SUMMARY);
    segmentAt(bundle, '2024-07-07');
    expect(wb.readValues(SUMMARY)).toEqual(summary);
  });
});

describe('movement costs', () => {
  type Tally = { values: number; formats: number; rangeFormats: number };
  /** Cells written per sheet while `fn` runs, by the bench's measure (bench/calls.ts): values, formats sent
   *  cell by cell, and cells given one format by a range-wide request (one format sent: shown apart). */
  function cellsWritten(fn: () => void): Map<string, Tally> {
    const out = new Map<string, Tally>();
    const kept: [Record<string, (...a: unknown[]) => unknown>, string, (...a: unknown[]) => unknown][] = [];
    const add = (r: LocalRange, kind: keyof Tally, n: number) => {
      const name = r.sheet.name.replace(/ \((baru|lama) \d+\)$/, '');
      const e = out.get(name) ?? { values: 0, formats: 0, rangeFormats: 0 };
      e[kind] += n;
      out.set(name, e);
    };
    const size2d = (v: unknown) =>
      Array.isArray(v) ? v.length * (Array.isArray(v[0]) ? v[0].length : 0) : 0;
    function wrap<T>(target: T, m: string, count: (self: T, a: unknown[]) => void) {
      const proto = target as unknown as Record<string, (...a: unknown[]) => unknown>;
      const orig = proto[m];
      kept.push([proto, m, orig]);
      proto[m] = function (this: T, ...a: unknown[]) {
        count(this, a);
        return orig.apply(this, a);
      };
    }
    const cells = (r: LocalRange) => r.numRows * r.numCols;
    const R = LocalRange.prototype;
    wrap(R, 'setValues', (r, a) => add(r, 'values', size2d(a[0])));
    wrap(R, 'setValue', (r) => add(r, 'values', cells(r)));
    for (const m of ['setNumberFormats', 'setBackgrounds', 'setFontColors', 'setFontWeights'])
      wrap(R, m, (r, a) => add(r, 'formats', size2d(a[0])));
    wrap(R, 'setNumberFormat', (r) => add(r, 'rangeFormats', cells(r)));
    wrap(LocalRangeList.prototype, 'setNumberFormat', (l) => {
      for (const r of l.ranges) add(r, 'rangeFormats', cells(r));
    });
    try {
      fn();
    } finally {
      for (const [proto, m, f] of kept) proto[m] = f;
    }
    return out;
  }

  function secondRun(lines: number) {
    const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
    const bundle = loadBundle({ workbook: wb, now: NOW });
    bundle.call('kenaliSetup');
    wb.putValues('Impor', generateShopeeExport({ seed: 5, lines, now: NOW, timeZone: TZ }).grid, {
      asText: true,
    });
    bundle.call('kenaliImport');
    segmentAt(bundle, '2024-06-23');
    bundle.ui.respond({ button: 'OK', text: '2024-06-30' });
    let calls: Record<string, number> = {};
    const cells = cellsWritten(() => {
      calls = wb.counter.measure(() => bundle.call('kenaliSegmentAt')).calls;
    });
    bundle.ui.respond({ button: 'OK', text: '2024-06-30' });
    const rerun = wb.counter.measure(() => bundle.call('kenaliSegmentAt')).calls;
    return { calls, rerun, cells, customers: table(wb).size };
  }

  it('a second run and a rerun make the same calls at 1,200 and 6,000 lines; the movement columns add 2 cells per customer', () => {
    const small = secondRun(1_200);
    const big = secondRun(6_000);
    expect(big.customers).toBeGreaterThan(small.customers * 3);
    // a new sheet has 1000 rows: Segments' grid is cut to its table below 1000 customers, grown above
    // (one call either way, counted together)
    const GRID = ['Sheet.insertRowsAfter', 'Sheet.deleteRows'];
    const without = (c: Record<string, number>) => ({
      ...Object.fromEntries(Object.entries(c).filter(([k]) => !GRID.includes(k))),
      grid: GRID.reduce((n, k) => n + (c[k] ?? 0), 0),
    });
    expect(without(big.calls)).toEqual(without(small.calls));
    expect(without(big.rerun)).toEqual(without(small.rerun));
    // per customer on Segments: 16 values (14 columns + previous + change) and 2 formats sent cell by cell
    // (the label's two colours); the number formats are range-wide requests (16 cells each, one format
    // sent per request): the movement columns cost 2 value cells per customer and no format cell
    const per = (k: keyof Tally) =>
      (big.cells.get('Segments')![k] - small.cells.get('Segments')![k]) / (big.customers - small.customers);
    expect(per('values')).toBe(16);
    expect(per('formats')).toBe(2);
    expect(per('rangeFormats')).toBe(16);
    // the summary sheet's cells do not grow with the customers
    expect(big.cells.get(SUMMARY)).toEqual(small.cells.get(SUMMARY));
  });
});
