// .xlsx round trip: values, dates (wall time in the spreadsheet's zone), formats, colours, bold, frozen
// rows, filter, widths, sheet sizes and spreadsheet settings; and loading files we did not write.
import ExcelJS from 'exceljs';
import { ChartType } from '../../local/gas/chart';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { fromXlsxBuffer, META_SHEET, toXlsxBuffer } from '../../local/xlsx';

function sample(): LocalSpreadsheet {
  const ss = new LocalSpreadsheet({
    name: 'Toko Budi',
    timeZone: 'Asia/Jakarta',
    locale: 'id_ID',
    sheets: ['Orders'],
  });
  const s = ss.sheet('Orders');
  s.getRange('A1:F1').setValues([['order_sn', 'created_at', 'total_price', 'paid', 'formula', 'note']]);
  s.getRange('A1:F1').setFontWeight('bold').setBackground('#1f4e78').setFontColor('#ffffff');
  s.getRange('A2:A3').setNumberFormat('@');
  s.getRange('A2:F3').setValues([
    ['240501ABC', new Date('2024-05-01T06:45:00Z'), 150000, true, '=C2*2', '=HYPERLINK("x")'],
    ['000123', new Date('2024-05-02T17:00:00Z'), 99000.5, false, '', 'biasa'],
  ]);
  s.getRange('C2:C3').setNumberFormat('"Rp"#,##0');
  s.getRange('F3').setHorizontalAlignment('center');
  s.setFrozenRows(1);
  s.setColumnWidth(1, 140);
  s.setColumnWidth(6, 63);
  s.getRange('A1:F3').createFilter();
  s.insertRowsAfter(1000, 500);
  const hidden = ss.insertSheet('Config');
  hidden.getRange('A1').setValue('secret');
  hidden.hideSheet();
  ss.documentProperties.set('kenali.days', '2');
  return ss;
}

describe('xlsx round trip', () => {
  it('keeps values, formulas, dates, formats, colours, bold, alignment, view and settings', async () => {
    const before = sample();
    const after = await fromXlsxBuffer(await toXlsxBuffer(before));
    const [a, b] = [before.sheet('Orders'), after.sheet('Orders')];
    const all = (s: typeof a) => s.getRange('A1:F3');
    expect(all(b).getValues()).toEqual(all(a).getValues());
    expect(all(b).getFormulas()).toEqual(all(a).getFormulas());
    expect(all(b).getNumberFormats()).toEqual(all(a).getNumberFormats());
    expect(all(b).getBackgrounds()).toEqual(all(a).getBackgrounds());
    expect(all(b).getFontColors()).toEqual(all(a).getFontColors());
    expect(all(b).getFontWeights()).toEqual(all(a).getFontWeights());
    expect(all(b).getHorizontalAlignments()).toEqual(all(a).getHorizontalAlignments());
    expect(all(b).getDisplayValues()).toEqual(all(a).getDisplayValues());
    expect((b.getRange('B2').getValue() as Date).toISOString()).toBe('2024-05-01T06:45:00.000Z');
    expect(b.getRange('A3').getValue()).toBe('000123');
    expect(b.getFrozenRows()).toBe(1);
    expect(b.getFilter()?.getRange().getA1Notation()).toBe('A1:F3');
    expect([b.getColumnWidth(1), b.getColumnWidth(2), b.getColumnWidth(6)]).toEqual([140, 100, 63]);
    expect([b.getMaxRows(), b.getMaxColumns()]).toEqual([1500, 26]);
    expect(after.sheet('Config').isSheetHidden()).toBe(true);
    expect(after.getSheets().map((s) => s.getName())).toEqual(['Orders', 'Config']);
    expect([after.getName(), after.getSpreadsheetTimeZone(), after.getSpreadsheetLocale()]).toEqual([
      'Toko Budi',
      'Asia/Jakarta',
      'id_ID',
    ]);
    expect(Object.fromEntries(after.documentProperties)).toEqual({ 'kenali.days': '2' });
  });

  it('keeps notes: ours as plain text, a file’s formatted note while its text is unchanged, none once cleared', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'order_sn';
    ws.getCell('B1').value = 'x';
    ws.getCell('C1').value = 'y';
    const rich = { texts: [{ text: 'tebal', font: { bold: true } }] } as unknown as ExcelJS.Comment;
    ws.getCell('B1').note = rich;
    ws.getCell('C1').note = 'hapus saya';
    ws.getCell('D5').value = 'v'; // exceljs drops the note of a cell without a value
    ws.getCell('D5').note = 'sel kosong';
    const loaded = await fromXlsxBuffer(Buffer.from(await wb.xlsx.writeBuffer()));
    const s = loaded.sheet('S');
    expect(s.getRange('A1:D1').getNotes()).toEqual([['', 'tebal', 'hapus saya', '']]);
    expect(s.getRange('D5').getNote()).toBe('sel kosong');
    s.getRange('A1').setNote('Nomor pesanan');
    s.getRange('C1').clearNote();
    const again = new ExcelJS.Workbook();
    await again.xlsx.load((await toXlsxBuffer(loaded)) as unknown as ArrayBuffer);
    const back = again.getWorksheet('S')!;
    expect(back.getCell('A1').note).toBe('Nomor pesanan');
    expect(JSON.stringify(back.getCell('B1').note)).toContain('"bold":true');
    expect(back.getCell('C1').note).toBeUndefined();
    expect(back.getCell('D5').note).toBe('sel kosong');
    const reread = await fromXlsxBuffer(await toXlsxBuffer(loaded));
    expect(reread.sheet('S').getRange('A1:C1').getNotes()).toEqual([['Nomor pesanan', 'tebal', '']]);
  });

  it('writes dates as the wall time Sheets shows, fonts with a name, and settings in a very hidden sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsxBuffer(sample())) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Orders')!;
    const d = ws.getCell('B2').value as Date; // exceljs reads the serial as UTC components
    expect(d.toISOString()).toBe('2024-05-01T13:45:00.000Z'); // 13:45 in Jakarta
    expect(ws.getCell('B2').numFmt).toBe('dd/MM/yyyy HH:mm:ss');
    expect(ws.getCell('A1').font).toMatchObject({ name: 'Calibri', bold: true });
    expect(ws.getCell('C2').font?.name).toBe('Calibri');
    expect(ws.getCell('E2').value).toMatchObject({ formula: 'C2*2' });
    expect(wb.getWorksheet(META_SHEET)?.state).toBe('veryHidden');
  });

  it('a value shown in another zone keeps its wall time in the file and its instant in memory', async () => {
    const ss = new LocalSpreadsheet({ timeZone: 'America/New_York', sheets: ['S'] });
    ss.sheet('S').getRange('A1').setValue(new Date('2024-01-15T12:00:00Z'));
    const buf = await toXlsxBuffer(ss);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect((wb.getWorksheet('S')!.getCell('A1').value as Date).toISOString()).toBe(
      '2024-01-15T07:00:00.000Z',
    );
    const back = await fromXlsxBuffer(buf);
    expect((back.sheet('S').getRange('A1').getValue() as Date).toISOString()).toBe(
      '2024-01-15T12:00:00.000Z',
    );
  });

  it('charts are not saved (exceljs cannot write them)', async () => {
    const ss = sample();
    const s = ss.sheet('Orders');
    s.insertChart(s.newChart().setChartType(ChartType.PIE).addRange(s.getRange('A1:B3')).build());
    const back = await fromXlsxBuffer(await toXlsxBuffer(ss));
    expect(back.sheet('Orders').getCharts()).toEqual([]);
  });
});

describe('loading a workbook we did not write', () => {
  it('reads values, rich text, links, formula results, styles and dates in the given zone', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Export');
    ws.getCell('A1').value = 'No. Pesanan';
    ws.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' } };
    ws.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    ws.getCell('A2').value = { richText: [{ text: 'Kaos ' }, { text: 'Polos', font: { bold: true } }] };
    ws.getCell('B2').value = { text: 'toko', hyperlink: 'https://example.com' };
    ws.getCell('C2').value = { formula: 'D2*2', result: 300 };
    ws.getCell('D2').value = 150;
    ws.getCell('E2').value = new Date(Date.UTC(2024, 4, 1, 13, 45)); // wall time 2024-05-01 13:45
    ws.getCell('E2').numFmt = 'yyyy-mm-dd hh:mm';
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.autoFilter = 'A1:E2';
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const ss = await fromXlsxBuffer(buf, { timeZone: 'Asia/Jakarta' });
    const s = ss.sheet('Export');
    expect(s.getRange('A1:D2').getValues()).toEqual([
      ['No. Pesanan', '', '', ''],
      ['Kaos Polos', 'toko', 300, 150],
    ]);
    expect(s.getRange('C2').getFormula()).toBe('=D2*2');
    expect([
      s.getRange('A1').getFontWeight(),
      s.getRange('A1').getFontColor(),
      s.getRange('A1').getBackground(),
    ]).toEqual(['bold', '#ff0000', '#ffff00']);
    expect((s.getRange('E2').getValue() as Date).toISOString()).toBe('2024-05-01T06:45:00.000Z');
    expect(s.getRange('E2').getDisplayValue()).toBe('2024-05-01 13:45');
    expect([s.getFrozenRows(), s.getFilter()?.getRange().getA1Notation()]).toEqual([1, 'A1:E2']);
    expect([ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale()]).toEqual(['Asia/Jakarta', 'id_ID']);
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
  });
});
