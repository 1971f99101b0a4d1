// A seller's own workbook with every feature exceljs can express (notes, merges, validation, borders, links,
// rich text, fonts, row heights, shared formulas, conditional formats, hidden columns, tab colour, defined
// names, optionally an image), and what a seller would see of them, read back with exceljs itself.
import ExcelJS from 'exceljs';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
const LIST: ExcelJS.DataValidation = { type: 'list', allowBlank: true, formulae: ['"Ya,Tidak"'] };

/** What a seller typed into a sheet of their own, with everything exceljs can express. */
export async function sellerWorkbook(opts: { image?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Catatan', { properties: { tabColor: { argb: 'FF1E88E5' } } });
  ws.getCell('A1').value = 'Pelanggan';
  ws.getCell('A1').note = 'catatan penjual';
  ws.getCell('B2').value = 150000;
  ws.getCell('B2').border = {
    top: { style: 'thin', color: { argb: 'FFFF0000' } },
    bottom: { style: 'double' },
  };
  ws.mergeCells('C3:D4');
  ws.getCell('C3').value = 'gabung';
  ws.getCell('E5').dataValidation = LIST;
  ws.getCell('E6').dataValidation = LIST;
  ws.getCell('F6').value = { text: 'toko', hyperlink: 'https://example.com/toko' };
  ws.getCell('G7').value = { richText: [{ text: 'te', font: { bold: true } }, { text: 'bal' }] };
  ws.getCell('H8').value = 'miring';
  ws.getCell('H8').font = { name: 'Arial', size: 14, italic: true };
  ws.getCell('H8').alignment = { vertical: 'top', wrapText: true };
  ws.getRow(9).height = 40;
  ws.getCell('A9').value = 'tinggi';
  ws.getCell('B10').value = 1;
  ws.getCell('B11').value = 2;
  ws.getCell('C10').value = {
    formula: 'B10*2',
    result: 2,
    shareType: 'shared',
    ref: 'C10:C11',
  } as ExcelJS.CellFormulaValue;
  ws.getCell('C11').value = { sharedFormula: 'C10', result: 4 };
  ws.addConditionalFormatting({
    ref: 'B10:B11',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        priority: 1,
        formulae: ['1'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF00FF00' } } },
      },
    ],
  });
  ws.getColumn(12).hidden = true;
  wb.definedNames.add('Catatan!$B$2', 'Harga');
  if (opts.image) {
    const id = wb.addImage({ buffer: PNG as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(id, 'J1:K3');
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** What a seller would see of those features, read back with exceljs (not with our loader). */
export async function features(buf: Buffer, sheet = 'Catatan') {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(sheet)!;
  const at = (a: string) => ws.getCell(a);
  const dv = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model;
  const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
  return {
    note: Object.fromEntries(
      ['A1', 'A3'].map((a) => [a, at(a).note ?? null]).filter(([, n]) => n !== null),
    ) as Record<string, unknown>,
    border: JSON.stringify(at('B2').border ?? null),
    merges: [...((ws.model as { merges?: string[] }).merges ?? [])].sort(),
    validation: Object.keys(dv).sort(),
    link: at('F6').value,
    rich: at('G7').value,
    font: { name: at('H8').font?.name, size: at('H8').font?.size, italic: at('H8').font?.italic },
    alignment: { vertical: at('H8').alignment?.vertical, wrapText: at('H8').alignment?.wrapText },
    height9: ws.getRow(9).height,
    formulas: [at('C10').formula, at('C11').formula],
    conditional: cf.map((c) => c.ref),
    hidden12: ws.getColumn(12).hidden,
    tab: ws.properties.tabColor,
    names: wb.definedNames.model,
    images: ws.getImages().length,
  };
}
