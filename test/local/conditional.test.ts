// Conditional format rules ("text is exactly"): built, set whole per sheet, counted; shown by the preview
// over the cells' own colours; written to the .xlsx as cell-equals rules.
import ExcelJS from 'exceljs';
import { LocalSpreadsheet, LocalSpreadsheetApp } from '../../local/gas/spreadsheet';
import { workbookPage } from '../../local/preview/render';
import { toXlsxBuffer } from '../../local/xlsx';

function sheetWithWords() {
  const ss = new LocalSpreadsheet({ sheets: ['S', 'T'] });
  const s = ss.sheet('S');
  s.getRange('A1:A4').setValues([['naik'], ['turun'], ['Naik'], ['naik ']]);
  const app = new LocalSpreadsheetApp(ss);
  const rule = (text: string, bg: string) =>
    app
      .newConditionalFormatRule()
      .whenTextEqualTo(text)
      .setBackground(bg)
      .setFontColor('#1B5E20')
      .setRanges([s.getRange('A1:A4')])
      .build();
  return { ss, s, app, rule };
}

describe('conditional format rules', () => {
  it('are set whole per sheet and read back; each builder call is counted', () => {
    const { ss, s, rule } = sheetWithWords();
    const calls = ss.counter.measure(() =>
      s.setConditionalFormatRules([rule('naik', '#C8E6C9'), rule('turun', '#FFCDD2')]),
    );
    expect(calls.calls).toEqual({
      'ConditionalFormatRuleBuilder.build': 2,
      'ConditionalFormatRuleBuilder.setBackground': 2,
      'ConditionalFormatRuleBuilder.setFontColor': 2,
      'ConditionalFormatRuleBuilder.setRanges': 2,
      'ConditionalFormatRuleBuilder.whenTextEqualTo': 2,
      'Sheet.getRange': 2,
      'Sheet.setConditionalFormatRules': 1,
      'SpreadsheetApp.newConditionalFormatRule': 2,
    });
    expect(s.getConditionalFormatRules().map((r) => r.getRanges()[0].getA1Notation())).toEqual([
      'A1:A4',
      'A1:A4',
    ]);
    s.setConditionalFormatRules([rule('turun', '#FFCDD2')]);
    expect(s.getConditionalFormatRules()).toHaveLength(1); // replaced, not added
    // the cell's own colour is unchanged: a rule shows over it
    expect(s.getRange('A1').getBackground()).toBe('#ffffff');
  });

  it('match the whole text exactly, within their ranges only', () => {
    const { s, rule } = sheetWithWords();
    const r = rule('naik', '#C8E6C9');
    expect([1, 2, 3, 4].map((row) => r.appliesTo(row, 1, String(s.getRange(row, 1).getValue())))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(r.appliesTo(1, 2, 'naik')).toBe(false);
    expect(r.appliesTo(5, 1, 'naik')).toBe(false);
  });

  it('refuse what Sheets refuses: no condition, no range, a range of another sheet, a bad colour', () => {
    const { ss, s, app } = sheetWithWords();
    expect(() =>
      app
        .newConditionalFormatRule()
        .setRanges([s.getRange('A1')])
        .build(),
    ).toThrow(/condition/);
    expect(() => app.newConditionalFormatRule().whenTextEqualTo('x').build()).toThrow(/range/);
    expect(() => app.newConditionalFormatRule().setBackground('red-ish')).toThrow(/color/);
    const other = app
      .newConditionalFormatRule()
      .whenTextEqualTo('x')
      .setRanges([ss.sheet('T').getRange('A1')])
      .build();
    expect(() => s.setConditionalFormatRules([other])).toThrow(/sheet/);
  });

  it('show in the preview over the cell’s own colour', () => {
    const { ss, s, rule } = sheetWithWords();
    s.setConditionalFormatRules([rule('naik', '#C8E6C9')]);
    const html = workbookPage({
      workbook: ss,
      workbookPath: 'x.xlsx',
      lang: 'id',
      sheet: 'S',
      message: null,
      menu: null,
      toasts: [],
      pending: null,
    });
    expect(html).toContain('<td style="background:#c8e6c9;color:#1b5e20">naik</td>');
    expect(html).toContain('<td>turun</td>');
  });

  it('are saved to the .xlsx as cell-equals rules with their colours', async () => {
    const { ss, s, rule } = sheetWithWords();
    s.setConditionalFormatRules([rule('naik', '#C8E6C9'), rule('say "hi"', '#FFCDD2')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await toXlsxBuffer(ss)) as unknown as ArrayBuffer);
    const cf = (
      wb.getWorksheet('S') as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }
    ).conditionalFormattings;
    expect(cf.map((f) => f.ref)).toEqual(['A1:A4', 'A1:A4']);
    const first = cf[0].rules[0] as ExcelJS.CellIsRuleType;
    expect([first.type, first.operator, first.formulae]).toEqual(['cellIs', 'equal', ['"naik"']]);
    expect((cf[1].rules[0] as ExcelJS.CellIsRuleType).formulae).toEqual(['"say ""hi"""']);
    expect(first.style?.fill).toMatchObject({ bgColor: { argb: 'FFC8E6C9' } });
  });
});
