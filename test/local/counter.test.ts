// The call counter: every service call counted once by 'Class.method', so a test can assert that an
// operation's calls do not grow with the number of rows.
import { loadBundle } from '../../local/bundle';
import { CallCounter } from '../../local/gas/counter';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

const CODE = `
function writeBatched(n) {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  var rows = [];
  for (var i = 0; i < n; i++) rows.push(['SN' + i, i]);
  sheet.insertRowsAfter(sheet.getMaxRows(), n); // a new sheet has 1000 rows: grow it first
  sheet.getRange(1, 1, n, 2).setValues(rows);
  return sheet.getDataRange().getValues().length;
}
function writePerRow(n) {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  for (var i = 0; i < n; i++) sheet.getRange(i + 1, 1, 1, 2).setValues([['SN' + i, i]]);
}`;

function callsFor(fn: string, n: number): Record<string, number> {
  const ss = new LocalSpreadsheet({ sheets: ['S'] });
  const b = loadBundle({ code: CODE, workbook: ss });
  return b.counter.measure(() => b.call(fn, n)).calls;
}

describe('CallCounter', () => {
  it('counts, snapshots (sorted), totals, filters, resets and measures', () => {
    const c = new CallCounter();
    c.hit('Range.getValues');
    c.hit('Sheet.getRange');
    c.hit('Range.getValues');
    expect(c.snapshot()).toEqual({ 'Range.getValues': 2, 'Sheet.getRange': 1 });
    expect(Object.keys(c.snapshot())).toEqual(['Range.getValues', 'Sheet.getRange']);
    expect(c.total()).toBe(3);
    expect(c.total((l) => l.startsWith('Range.'))).toBe(2);
    const m = c.measure(() => {
      c.hit('Range.setValues');
      return 'done';
    });
    expect(m).toEqual({ result: 'done', calls: { 'Range.setValues': 1 }, total: 1 });
    c.reset();
    expect(c.snapshot()).toEqual({});
  });

  it('counts every Apps Script method of the local objects exactly once, internal reuse excluded', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'] });
    const s = ss.getSheetByName('S')!;
    s.appendRow(['a', 1]); // grows and writes internally: still one call
    ss.getRange('S!A1:B1').getValues();
    s.getRange('A1').getNumberFormat();
    expect(ss.counter.snapshot()).toEqual({
      'Range.getNumberFormat': 1,
      'Range.getValues': 1,
      'Sheet.appendRow': 1,
      'Sheet.getRange': 1,
      'Spreadsheet.getRange': 1,
      'Spreadsheet.getSheetByName': 1,
    });
  });

  it('calls made by a bundle are counted once each', () => {
    expect(callsFor('writeBatched', 3)).toEqual({
      'Range.getValues': 1,
      'Range.setValues': 1,
      'Sheet.getDataRange': 1,
      'Sheet.getMaxRows': 1,
      'Sheet.getRange': 1,
      'Sheet.insertRowsAfter': 1,
      'Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.getActive': 1,
    });
  });

  it('tells a batched operation (constant calls) from a per-row one (calls grow with rows)', () => {
    expect(callsFor('writeBatched', 2000)).toEqual(callsFor('writeBatched', 20));
    const small = callsFor('writePerRow', 20);
    const big = callsFor('writePerRow', 200);
    expect(big['Range.setValues']).toBe(200);
    expect(big['Range.setValues']).toBeGreaterThan(small['Range.setValues']);
  });
});
