// Sheets and the spreadsheet: extent, sheet names, growing/shrinking, frozen rows, filters, charts,
// column widths, the cell limit, and the helpers tests use to set up data.
import { ChartType } from '../../local/gas/chart';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

describe('extent', () => {
  it('getLastRow/getLastColumn follow content (not formats); getDataRange is at least A1', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'] });
    const s = ss.sheet('S');
    expect([s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()]).toEqual([0, 0, 'A1']);
    s.getRange('A1:Z500').setBackground('#ff0000');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
    s.getRange('C7').setValue('x');
    s.getRange('B9').setValue('=1');
    expect([s.getLastRow(), s.getLastColumn(), s.getDataRange().getA1Notation()]).toEqual([9, 3, 'A1:C9']);
    s.getRange('B9').clearContent();
    s.getRange('C7').setValue('');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
  });

  it('clear/clearContents/clearFormats on a sheet', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'] });
    const s = ss.sheet('S');
    s.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    s.getRange('A1:B1').setFontWeight('bold');
    s.clearContents();
    expect(s.getLastRow()).toBe(0);
    expect(s.getRange('A1').getFontWeight()).toBe('bold');
    s.getRange('A1').setValue(1);
    s.clear();
    expect([s.getLastRow(), s.getRange('A1').getFontWeight()]).toEqual([0, 'normal']);
  });

  it('insertRowsBefore shifts content down; deleteRows shifts it up', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'] });
    const s = ss.sheet('S');
    s.getRange('A1:A3').setValues([['a'], ['b'], ['c']]);
    s.getRange('A2').setBackground('#00ff00');
    s.insertRowsBefore(2, 2);
    expect(s.getRange('A1:A5').getValues().flat()).toEqual(['a', '', '', 'b', 'c']);
    expect(s.getRange('A4').getBackground()).toBe('#00ff00');
    s.deleteRows(2, 2);
    expect(s.getRange('A1:A3').getValues().flat()).toEqual(['a', 'b', 'c']);
    expect(s.getMaxRows()).toBe(1000);
    expect(() => s.deleteRows(1, 1000)).toThrow("You can't delete all the rows on the sheet.");
  });
});

describe('sheets of a spreadsheet', () => {
  it('finds sheets case-insensitively and refuses names differing only in case', () => {
    const ss = new LocalSpreadsheet({ sheets: ['Orders'] });
    expect(ss.getSheetByName('orders')?.getName()).toBe('Orders');
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(() => ss.insertSheet('ORDERS')).toThrow('A sheet with the name "ORDERS" already exists.');
    expect(() => ss.getSheetByName('Orders')!.setName('')).toThrow();
  });

  it('insertSheet names, positions and activates; deleteSheet keeps at least one', () => {
    const ss = new LocalSpreadsheet();
    const a = ss.insertSheet();
    expect(a.getName()).toBe('Sheet2');
    const b = ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Sheet2']);
    expect(ss.getActiveSheet()).toBe(b);
    expect(b.getIndex()).toBe(1);
    ss.deleteSheet(a);
    ss.deleteSheet(b);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  it('refuses to grow beyond ten million cells', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'] });
    const s = ss.sheet('S');
    s.insertRowsAfter(1000, Math.floor(10_000_000 / 26) - 1500); // 9 986 990 cells: just under the limit
    expect(() => s.insertRowsAfter(1000, 2000)).toThrow(/above the limit of 10000000 cells/);
    expect(() => ss.insertSheet('More')).toThrow(/above the limit/);
  });

  it('records toasts and keeps time zone and locale', () => {
    const ss = new LocalSpreadsheet({ timeZone: 'Asia/Makassar', locale: 'en_US' });
    ss.toast('Selesai', 'Kenali', 3);
    expect(ss.toasts).toEqual([{ message: 'Selesai', title: 'Kenali', timeoutSeconds: 3 }]);
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['Asia/Makassar', 'en_US']);
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow(/timeZone/);
  });

  it('putValues pastes like a seller (parsing) or as text, growing the sheet; readValues reads it back', () => {
    const ss = new LocalSpreadsheet({ sheets: [] });
    const rows = Array.from({ length: 1500 }, (_, i) => [`SN${i}`, String(i), '=HYPERLINK("x")']);
    ss.putValues('Impor', rows);
    expect(ss.readValues('Impor')[10]).toEqual(['SN10', 10, '#NAME?']);
    ss.putValues('Teks', rows, { asText: true });
    expect(ss.readValues('Teks')[10]).toEqual(['SN10', '10', '=HYPERLINK("x")']);
    expect(ss.counter.snapshot()).toEqual({}); // helpers are not service calls
    expect(ss.sheet('Impor').getMaxRows()).toBe(1500);
  });
});

describe('view: frozen rows, filter, widths, charts', () => {
  it('frozen rows and columns', () => {
    const s = new LocalSpreadsheet().sheet('Sheet1');
    s.setFrozenRows(1);
    s.setFrozenColumns(2);
    expect([s.getFrozenRows(), s.getFrozenColumns()]).toEqual([1, 2]);
    expect(() => s.setFrozenRows(-1)).toThrow();
  });

  it('one filter per sheet, created from a range', () => {
    const s = new LocalSpreadsheet().sheet('Sheet1');
    expect(s.getFilter()).toBeNull();
    const f = s.getRange('A1:D20').createFilter();
    expect(s.getFilter()?.getRange().getA1Notation()).toBe('A1:D20');
    expect(() => s.getRange('A1:B2').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    f.remove();
    expect(s.getFilter()).toBeNull();
  });

  it('column widths: explicit, default, auto-resized to the widest text', () => {
    const s = new LocalSpreadsheet().sheet('Sheet1');
    s.setColumnWidth(2, 250);
    expect([s.getColumnWidth(1), s.getColumnWidth(2)]).toEqual([100, 250]);
    s.getRange('C1:C2').setValues([['short'], ['a much, much longer text in this column']]);
    s.autoResizeColumns(3, 1);
    expect(s.getColumnWidth(3)).toBeGreaterThan(200);
    s.getRange('D1').setValue('ab');
    s.autoResizeColumn(4);
    expect(s.getColumnWidth(4)).toBeLessThan(50);
  });

  it('charts are built, inserted, inspected, modified and removed', () => {
    const s = new LocalSpreadsheet().sheet('Sheet1');
    const chart = s
      .newChart()
      .setChartType(ChartType.PIE)
      .addRange(s.getRange('A1:B12'))
      .setPosition(2, 5, 0, 0)
      .setOption('title', 'Segmen')
      .build();
    s.insertChart(chart);
    const [c] = s.getCharts();
    expect(c.getType()).toBe('PIE');
    expect(c.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B12']);
    expect(c.getOptions().get('title')).toBe('Segmen');
    expect(c.getContainerInfo().getAnchorColumn()).toBe(5);
    s.updateChart(c.modify().asBarChart().build());
    expect(s.getCharts()[0].getType()).toBe('BAR');
    s.removeChart(s.getCharts()[0]);
    expect(s.getCharts()).toEqual([]);
    expect(() => s.newChart().addRange(s.getRange('A1')).build()).toThrow(/chart type/);
  });
});
