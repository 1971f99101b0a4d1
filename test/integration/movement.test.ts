// Segmentation's movement columns, run as a seller would: the BUILT dist/Code.js in the local runtime, two
// runs of the demo shop a month apart (run date set), a rerun on the same date, an older-date run.
import { type Bundle, LocalSpreadsheet, loadBundle } from '../../local';
import { generateShopeeExport } from '../../src/core/demo';
import { texts } from '../../src/core/text';
import { epochFromLocal } from '../../src/core/time';
import type { CellValue } from '../../src/core/types';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);
const H = texts.segments.id.header;

function shopAt(lines = 400): { wb: LocalSpreadsheet; bundle: Bundle } {
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  const bundle = loadBundle({ workbook: wb, now: NOW });
  wb.putValues('Impor', generateShopeeExport({ seed: 7, lines, now: NOW, timeZone: TZ }).grid, {
    asText: true,
  });
  bundle.call('kenaliImport');
  return { wb, bundle };
}

const segmentAt = (b: Bundle, date: string) => b.call('kenaliSegmentJson_', date);

/** key → [segment, previous, change] as the Segments sheet shows them, found by header. */
function movement(wb: LocalSpreadsheet): Map<string, [CellValue, CellValue, CellValue]> {
  const [header, ...rows] = wb.readValues('Segments');
  const at = (name: string) => header.indexOf(name);
  const [k, s, p, c] = [at(H.buyerKey), at(H.segment), at(H.previousSegment), at(H.change)];
  expect(Math.min(k, s, p, c)).toBeGreaterThanOrEqual(0);
  return new Map(rows.filter((r) => r[k] !== '').map((r) => [String(r[k]), [r[s], r[p], r[c]]]));
}

describe('Segmentasi RFM: Segmen sebelumnya and Perubahan', () => {
  it('first run: everyone baru, with no previous segment', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-05-31');
    const m = movement(wb);
    expect(m.size).toBeGreaterThan(20);
    for (const [, [, prev, change]] of m) {
      expect(prev).toBe('');
      expect(change).toBe('baru');
    }
  });

  it('a later run shows customers moving up and down against the first, coloured, filterable', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-05-31');
    const before = movement(wb);
    segmentAt(bundle, '2024-06-30');
    const after = movement(wb);
    const seen = new Set<CellValue>();
    for (const [key, [seg, prev, change]] of after) {
      seen.add(change);
      const was = before.get(key);
      if (!was) expect([prev, change]).toEqual(['', 'baru']);
      else {
        expect(prev).toBe(was[0]);
        if (seg === prev) expect(change).toBe('tetap');
        else expect(['naik', 'turun']).toContain(change);
      }
    }
    expect(seen).toContain('naik');
    expect(seen).toContain('turun');
    expect(seen).toContain('baru');
    // the filter spans the new columns; a 'turun' cell is red, a 'naik' one green
    const sheet = wb.getSheetByName('Segments')!;
    const width = Object.keys(H).length;
    expect(sheet.getFilter()!.getRange().getNumColumns()).toBe(width);
    const changes = sheet.getRange(2, width, sheet.getLastRow() - 1, 1);
    const values = changes.getValues().map((r) => r[0]);
    const bgs = changes.getBackgrounds().map((r) => r[0].toLowerCase());
    expect(bgs[values.indexOf('turun')]).toBe('#ffcdd2');
    expect(bgs[values.indexOf('naik')]).toBe('#c8e6c9');
  });

  it('a rerun on the same date compares with the same earlier run (the sheet is unchanged)', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-05-31');
    segmentAt(bundle, '2024-06-30');
    const once = wb.readValues('Segments');
    segmentAt(bundle, '2024-06-30');
    expect(wb.readValues('Segments')).toEqual(once);
  });

  it('a run dated before the sheet in place leaves the movement columns blank', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-06-30');
    segmentAt(bundle, '2024-05-31');
    for (const [, [, prev, change]] of movement(wb)) expect([prev, change]).toEqual(['', '']);
  });
});

describe('Riwayat Segmen: history, matrix, chart', () => {
  const history = (wb: LocalSpreadsheet) => wb.readValues('Riwayat Segmen');
  const dates = (wb: LocalSpreadsheet) =>
    history(wb)
      .slice(1)
      .map((r) => r[0])
      .filter((d) => d !== '');

  it('one row per run date: a rerun replaces its row, an older date is inserted and later rows kept', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-05-31');
    segmentAt(bundle, '2024-06-30');
    expect(dates(wb)).toEqual(['2024-05-31', '2024-06-30']);
    const h = history(wb);
    // the row's counts are the Segments sheet's: every customer once
    const total = (h[2].slice(1, 12) as number[]).reduce((a, b) => a + b, 0);
    expect(total).toBe(movement(wb).size);
    segmentAt(bundle, '2024-06-30');
    expect(dates(wb)).toEqual(['2024-05-31', '2024-06-30']);
    const later = history(wb)[2].slice(0, 12);
    segmentAt(bundle, '2024-06-15');
    expect(dates(wb)).toEqual(['2024-05-31', '2024-06-15', '2024-06-30']);
    expect(history(wb)[3].slice(0, 12)).toEqual(later);
  });

  it('the matrix counts the moves of the last run, good customers slipping in red; a line chart', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-05-31');
    const before = movement(wb);
    segmentAt(bundle, '2024-06-30');
    const after = movement(wb);
    const sheet = wb.getSheetByName('Riwayat Segmen')!;
    const values = history(wb);
    expect(values[0][13]).toBe('Perpindahan segmen 2024-05-31 → 2024-06-30');
    const block = sheet.getRange(3, 14, 13, 13);
    const m = block.getValues();
    const bgs = block.getBackgrounds();
    // Juara → Juara as counted from the two Segments sheets
    const stay = [...after].filter(([k, [s]]) => s === 'Juara' && before.get(k)?.[0] === 'Juara').length;
    expect(m[1][1]).toBe(stay);
    const all = m.slice(1).flatMap((r) => r.slice(1) as number[]);
    expect(all.reduce((a, b) => a + b, 0)).toBe(after.size); // nobody vanished: orders only grow
    const red = bgs.flat().filter((b) => b.toLowerCase() === '#ffcdd2').length;
    expect(red).toBeGreaterThan(0);
    const charts = sheet.getCharts();
    expect(charts).toHaveLength(1);
    expect(charts[0].getType()).toBe('LINE');
    segmentAt(bundle, '2024-06-30');
    expect(sheet.getCharts()).toHaveLength(1);
  });
});

describe('Cari pelanggan: the detail shows current and previous segment', () => {
  it('after two runs: the previous segment as the sheet names it; null for a customer new in the run', () => {
    const { wb, bundle } = shopAt();
    segmentAt(bundle, '2024-05-31');
    segmentAt(bundle, '2024-06-30');
    const m = movement(wb);
    const moved = [...m].find(([, [seg, prev]]) => prev !== '' && prev !== seg)!;
    const fresh = [...m].find(([, [, prev]]) => prev === '')!;
    type Detail = { segment: { label: string; previous?: { label: string } | null } | null };
    const d = bundle.call('getCustomerDetail', moved[0]) as Detail;
    expect(d.segment?.label).toBe(moved[1][0]);
    expect(d.segment?.previous?.label).toBe(moved[1][1]);
    const n = bundle.call('getCustomerDetail', fresh[0]) as Detail;
    expect(n.segment?.label).toBe(fresh[1][0]);
    expect(n.segment?.previous).toBeNull();
  });
});
