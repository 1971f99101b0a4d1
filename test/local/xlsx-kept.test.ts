// A seller's own workbook through the local .xlsx load and save (issue #14, item 6): notes, merged cells,
// data validation, borders and the other formatting exceljs round-trips stay, and move with rows the
// runtime inserts; what cannot be written back (images, charts…) or lost its cells makes the save fail with
// the list, unless forced; a file that is not a workbook is refused.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { fromXlsxBuffer, losses, NotAWorkbookError, toXlsxBuffer, WouldLoseError } from '../../local/xlsx';
import { features, sellerWorkbook } from './seller-workbook';

describe("a seller's own sheet through load and save", () => {
  it('keeps notes, merges, validation, borders, links, rich text, fonts, row heights, formats, names', async () => {
    const file = await sellerWorkbook();
    const saved = await toXlsxBuffer(await fromXlsxBuffer(file));
    const before = await features(file);
    expect(before.merges).toEqual(['C3:D4']); // the sample holds what the test says it holds
    expect(await features(saved)).toEqual(before);
  });

  it('reads a merge’s hidden cells as blank and a shared formula’s cells as formulas, as Sheets does', async () => {
    const ss = await fromXlsxBuffer(await sellerWorkbook());
    const range = ss.sheet('Catatan').getRange('C3:D4');
    expect(range.getValues()).toEqual([
      ['gabung', ''],
      ['', ''],
    ]);
    expect(ss.sheet('Catatan').getRange('C10:C11').getFormulas()).toEqual([['=B10*2'], ['=B11*2']]);
  });

  it('moves every kept feature with rows and columns the runtime inserts', async () => {
    const ss = await fromXlsxBuffer(await sellerWorkbook());
    ss.sheet('Catatan').insertRowsBefore(1, 2);
    const f = await features(await toXlsxBuffer(ss));
    expect(f.note).toEqual({ A3: 'catatan penjual' });
    expect(f.merges).toEqual(['C5:D6']);
    expect(f.validation).toEqual(['E7', 'E8']);
    expect(f.conditional).toEqual(['B12:B13']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsxBuffer(ss)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Catatan')!;
    expect(ws.getRow(11).height).toBe(40);
    expect(ws.getCell('H10').font?.italic).toBe(true);
    expect([ws.getCell('B4').border?.top?.style, ws.getCell('B4').border?.bottom?.style]).toEqual([
      'thin',
      'double',
    ]);
    expect(ws.getCell('B2').border).toBeUndefined();
  });

  it('rows and columns the runtime deletes shrink and move the kept ranges, as in Sheets', async () => {
    const ss = await fromXlsxBuffer(await sellerWorkbook());
    const sheet = ss.sheet('Catatan');
    sheet.deleteRows(4, 1); // the merge C3:D4's bottom row
    sheet.deleteRows(1, 1); // above everything: all move up one row
    sheet.deleteColumns(2, 1); // column B: the conditional format's only column; the merge moves left
    expect(losses(ss)).toEqual([]);
    const f = await features(await toXlsxBuffer(ss));
    expect(f.merges).toEqual(['B2:C2']); // C3:D4 less its bottom row, up one row, left one column
    expect(f.conditional).toEqual([]);
    expect(f.validation).toEqual(['D3', 'D4']);
    expect(f.note).toEqual({}); // A1's note went with row 1
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsxBuffer(ss)) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Catatan')!.getRow(7).height).toBe(40); // row 9, two rows deleted above
  });

  it('a range partly deleted keeps the rest; one with a row inserted inside stretches', async () => {
    const ss = await fromXlsxBuffer(await sellerWorkbook());
    const sheet = ss.sheet('Catatan');
    sheet.insertRowsAfter(10, 3); // inside the conditional format B10:B11
    sheet.insertColumnsBefore(4, 1); // inside the merge C3:D4
    let f = await features(await toXlsxBuffer(ss));
    expect([f.merges, f.conditional]).toEqual([['C3:E4'], ['B10:B14']]);
    sheet.deleteRows(3, 1); // the merge's top row
    f = await features(await toXlsxBuffer(ss));
    expect(f.merges).toEqual(['C3:E3']);
    sheet.deleteColumns(4, 2); // all but one of its cells: no merge left
    expect((await features(await toXlsxBuffer(ss))).merges).toEqual([]);
  });

  it('images cannot be written back: listed with their sheet, saved only when forced', async () => {
    const ss = await fromXlsxBuffer(await sellerWorkbook({ image: true }));
    expect(losses(ss)).toEqual([{ kind: 'images', sheet: 'Catatan', count: 1 }]);
    await expect(toXlsxBuffer(ss)).rejects.toThrow(/images \(Catatan\)/);
    await expect(toXlsxBuffer(ss)).rejects.toBeInstanceOf(WouldLoseError);
    expect((await features(await toXlsxBuffer(ss, { force: true }))).images).toBe(0);
  });

  it('parts exceljs drops on load (a chart, a pivot table, macros) are listed from the file itself', async () => {
    const zip = await JSZip.loadAsync(await sellerWorkbook());
    zip.file('xl/charts/chart1.xml', '<chartSpace/>');
    zip.file('xl/pivotTables/pivotTable1.xml', '<pivotTableDefinition/>');
    zip.file('xl/vbaProject.bin', 'x');
    const ss = await fromXlsxBuffer(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(losses(ss).map((l) => l.kind)).toEqual(['charts', 'pivotTables', 'macros']);
  });

  it('a workbook Kenali wrote itself has nothing to lose', async () => {
    const ss = await fromXlsxBuffer(await sellerWorkbook());
    const again = await fromXlsxBuffer(await toXlsxBuffer(ss));
    expect(losses(again)).toEqual([]);
  });
});

describe('files that are not workbooks', () => {
  it('refuses a text file, and a zip of something else', async () => {
    await expect(fromXlsxBuffer(Buffer.from('just text'))).rejects.toMatchObject({ reason: 'not-zip' });
    const zip = new JSZip();
    zip.file('hello.txt', 'halo');
    const other = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(fromXlsxBuffer(other)).rejects.toBeInstanceOf(NotAWorkbookError);
    await expect(fromXlsxBuffer(other)).rejects.toMatchObject({ reason: 'no-workbook' });
  });
});
