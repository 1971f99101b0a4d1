// The Apps Script classes Kenali uses to patch the store in few calls, as Google's reference describes them:
// TextFinder (find a key without reading cells), RangeList (one call over many non-adjacent ranges) and
// Range.sort. One test per documented rule, and each call is counted like any other.
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

function sheetWith(rows: unknown[][], opts: { text?: boolean } = {}) {
  const ss = new LocalSpreadsheet({ sheets: ['S', 'T'] });
  ss.putValues('S', rows, { asText: opts.text });
  return { ss, sheet: ss.sheet('S') };
}

const cells = (ranges: { getA1Notation(): string }[]) => ranges.map((r) => r.getA1Notation());

describe('TextFinder', () => {
  const grid = [
    ['order_sn', 'buyer'],
    ['A-1', 'Budi'],
    ['a-1', 'budi santoso'],
    ['B-2', 'Sari'],
    ['A-10', 'Budi'],
  ];

  it('is case-insensitive and matches part of a cell by default', () => {
    const { sheet } = sheetWith(grid, { text: true });
    expect(cells(sheet.createTextFinder('budi').findAll())).toEqual(['B2', 'B3', 'B5']);
  });

  it('matchCase(true) matches the case exactly', () => {
    const { sheet } = sheetWith(grid, { text: true });
    expect(cells(sheet.createTextFinder('Budi').matchCase(true).findAll())).toEqual(['B2', 'B5']);
  });

  it('matchEntireCell(true) matches the whole content only', () => {
    const { sheet } = sheetWith(grid, { text: true });
    const f = sheet.getRange('A2:A5').createTextFinder('A-1').matchEntireCell(true).matchCase(true);
    expect(cells(f.findAll())).toEqual(['A2']);
  });

  it('searches only the range it was created on (a Range), the used cells (a Sheet), every sheet (a Spreadsheet)', () => {
    const { ss, sheet } = sheetWith(grid, { text: true });
    ss.putValues('T', [['Budi']]);
    expect(cells(sheet.getRange('B4:B5').createTextFinder('budi').findAll())).toEqual(['B5']);
    expect(sheet.createTextFinder('budi').findAll()).toHaveLength(3);
    const all = ss.createTextFinder('budi').findAll();
    expect(all.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([
      'S!B2',
      'S!B3',
      'S!B5',
      'T!A1',
    ]);
  });

  it('useRegularExpression(true) reads the text as a regular expression (entire cell: the whole text)', () => {
    const { sheet } = sheetWith(grid, { text: true });
    const range = sheet.getRange('A2:A5');
    const alternation = range.createTextFinder('A-1|B-2').useRegularExpression(true);
    expect(cells(alternation.matchEntireCell(true).matchCase(true).findAll())).toEqual(['A2', 'A4']);
    expect(cells(range.createTextFinder('^a-1').useRegularExpression(true).findAll())).toEqual([
      'A2',
      'A3',
      'A5',
    ]);
    // without useRegularExpression the same text is literal
    expect(range.createTextFinder('A-1|B-2').findAll()).toEqual([]);
  });

  it('matches what the cell shows (a date or a formatted number as displayed), not its stored value', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'], timeZone: 'Asia/Jakarta', locale: 'en_US' });
    const sheet = ss.sheet('S');
    sheet.getRange('A1').setNumberFormat('#,##0').setValue(150000);
    sheet
      .getRange('A2')
      .setNumberFormat('yyyy-mm-dd')
      .setValue(new Date(Date.UTC(2024, 4, 1, 3)));
    expect(cells(sheet.createTextFinder('150,000').findAll())).toEqual(['A1']);
    expect(sheet.createTextFinder('150000').findAll()).toEqual([]);
    expect(cells(sheet.createTextFinder('2024-05-01').matchEntireCell(true).findAll())).toEqual(['A2']);
  });

  it('a formula cell is searched by its shown value, by its formula text with matchFormulaText(true)', () => {
    const { sheet } = sheetWith([['=SUM(1,2)']]);
    expect(sheet.createTextFinder('SUM').findAll()).toEqual([]);
    expect(cells(sheet.createTextFinder('SUM').matchFormulaText(true).findAll())).toEqual(['A1']);
  });

  it('ignoreDiacritics(true) matches letters without their accents', () => {
    const { sheet } = sheetWith([['Café'], ['Cafe']], { text: true });
    expect(cells(sheet.createTextFinder('cafe').matchEntireCell(true).findAll())).toEqual(['A2']);
    expect(
      cells(sheet.createTextFinder('cafe').matchEntireCell(true).ignoreDiacritics(true).findAll()),
    ).toEqual(['A1', 'A2']);
  });

  it('never matches an empty cell; findAll gives [] and findNext null when nothing matches', () => {
    const { sheet } = sheetWith(grid, { text: true });
    const f = sheet.createTextFinder('zzz');
    expect(f.findAll()).toEqual([]);
    expect(f.findNext()).toBeNull();
    expect(f.getCurrentMatch()).toBeNull();
  });

  it('findNext/findPrevious step through the matches in order and give null past the end', () => {
    const { sheet } = sheetWith(grid, { text: true });
    const f = sheet.createTextFinder('budi');
    expect(f.findNext()?.getA1Notation()).toBe('B2');
    expect(f.findNext()?.getA1Notation()).toBe('B3');
    expect(f.getCurrentMatch()?.getA1Notation()).toBe('B3');
    expect(f.findPrevious()?.getA1Notation()).toBe('B2');
    expect(f.findNext()?.getA1Notation()).toBe('B3');
    expect(f.findNext()?.getA1Notation()).toBe('B5');
    expect(f.findNext()).toBeNull();
  });

  it('startFrom(range) starts the search right after that range', () => {
    const { sheet } = sheetWith(grid, { text: true });
    const f = sheet.createTextFinder('budi').startFrom(sheet.getRange('B3'));
    expect(f.findNext()?.getA1Notation()).toBe('B5');
  });

  it('replaceAllWith replaces every match and returns the number of occurrences replaced', () => {
    const { sheet } = sheetWith(
      [
        ['x', 'ab ab'],
        ['x', 'AB'],
      ],
      { text: true },
    );
    expect(sheet.createTextFinder('ab').replaceAllWith('c')).toBe(3);
    expect(sheet.getRange('B1:B2').getValues()).toEqual([['c c'], ['c']]);
    // the whole cell with matchEntireCell; replacing by '' leaves the cell empty
    expect(sheet.createTextFinder('x').matchEntireCell(true).replaceAllWith('')).toBe(2);
    expect(sheet.getRange('A1:A2').isBlank()).toBe(true);
  });

  it('replaceWith replaces in the current match only', () => {
    const { sheet } = sheetWith([['ab'], ['ab']], { text: true });
    const f = sheet.createTextFinder('ab');
    expect(f.replaceWith('z')).toBe(0); // no current match yet
    f.findNext();
    f.findNext();
    expect(f.replaceWith('z')).toBe(1);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['ab'], ['z']]);
  });

  it('each method is one counted call, whatever the number of cells searched', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`K${i}`]);
    const { ss, sheet } = sheetWith(rows, { text: true });
    const m = ss.counter.measure(() =>
      sheet.getRange('A1:A5000').createTextFinder('K4999').matchEntireCell(true).findAll(),
    );
    expect(m.result).toHaveLength(1);
    expect(m.calls).toEqual({
      'Range.createTextFinder': 1,
      'Sheet.getRange': 1,
      'TextFinder.findAll': 1,
      'TextFinder.matchEntireCell': 1,
    });
  });
});

describe('RangeList', () => {
  it('Sheet.getRangeList takes a non-empty list of A1 notations of that sheet', () => {
    const { sheet } = sheetWith([['a']]);
    expect(
      sheet
        .getRangeList(['A1', 'C3:D4'])
        .getRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1', 'C3:D4']);
    expect(() => sheet.getRangeList([])).toThrow();
    expect(() => sheet.getRangeList(['T!A1'])).toThrow(/Range not found/);
  });

  it('setValue writes the same value into every cell of every range, parsed as setValue parses it', () => {
    const { sheet } = sheetWith([['']]);
    sheet.getRangeList(['A1', 'B2:B3']).setValue('007');
    expect(sheet.getRange('A1:B3').getValues()).toEqual([
      [7, ''],
      ['', 7],
      ['', 7],
    ]);
    sheet.getRangeList(['C1']).setNumberFormat('@');
    sheet.getRangeList(['C1']).setValue('=1+1');
    expect(sheet.getRange('C1').getFormula()).toBe('');
    expect(sheet.getRange('C1').getValue()).toBe('=1+1');
  });

  it('setNumberFormat formats every range; clearContent clears contents and keeps formats', () => {
    const { sheet } = sheetWith([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    const list = sheet.getRangeList(['A1', 'B2']);
    list.setNumberFormat('@');
    list.clearContent();
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['', 'b'],
      ['c', ''],
    ]);
    expect(sheet.getRange('A1:B2').getNumberFormats()[0][0]).toBe('@');
    expect(sheet.getRange('A1:B2').getNumberFormats()[1][1]).toBe('@');
  });

  it('one call for all the ranges', () => {
    const { ss, sheet } = sheetWith([['']]);
    const a1 = Array.from({ length: 300 }, (_, i) => `A${i + 2}`);
    const m = ss.counter.measure(() => {
      const list = sheet.getRangeList(a1);
      list.setValue('x');
    });
    expect(m.calls).toEqual({ 'RangeList.setValue': 1, 'Sheet.getRangeList': 1 });
    expect(
      sheet
        .getRange('A2:A301')
        .getValues()
        .flat()
        .every((v) => v === 'x'),
    ).toBe(true);
  });
});

describe('Range.sort', () => {
  const rows = () => [
    ['k', 'n', 'note'],
    ['c', 3, 'three'],
    ['a', 1, 'one'],
    ['b', 2, 'two'],
  ];

  it('sorts the rows of the range by a sheet column number, ascending', () => {
    const { sheet } = sheetWith(rows());
    sheet.getRange('A2:C4').sort(2);
    expect(sheet.getRange('A2:C4').getValues()).toEqual([
      ['a', 1, 'one'],
      ['b', 2, 'two'],
      ['c', 3, 'three'],
    ]);
  });

  it('{column, ascending: false} sorts descending; a list sorts by the first, then the next for ties', () => {
    const { sheet } = sheetWith([
      ['x', 1],
      ['y', 2],
      ['z', 1],
      ['w', 2],
    ]);
    sheet.getRange('A1:B4').sort({ column: 2, ascending: false });
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['y', 'w', 'x', 'z']);
    sheet.getRange('A1:B4').sort([
      { column: 2, ascending: true },
      { column: 1, ascending: false },
    ]);
    expect(sheet.getRange('A1:A4').getValues().flat()).toEqual(['z', 'x', 'y', 'w']);
  });

  it('the column is the sheet’s, and must lie within the range', () => {
    const { sheet } = sheetWith(rows());
    expect(() => sheet.getRange('B2:C4').sort(1)).toThrow();
    sheet.getRange('B2:C4').sort(3); // by "note", within B:C; column A does not move
    expect(sheet.getRange('A2:C4').getValues()).toEqual([
      ['c', 1, 'one'],
      ['a', 3, 'three'],
      ['b', 2, 'two'],
    ]);
  });

  it('formats and formulas move with their rows; cells outside the range stay', () => {
    const { sheet } = sheetWith([
      [2, 'b'],
      [1, 'a'],
    ]);
    sheet.getRange('B1').setNumberFormat('@');
    sheet.getRange('C2').setValue('outside');
    sheet.getRange('A1:B2').sort(1);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      [1, 'a', ''],
      [2, 'b', 'outside'],
    ]);
    expect(sheet.getRange('B2').getNumberFormat()).toBe('@');
  });

  it('what a loaded .xlsx keeps per cell (a note) moves with its row; kept ranges stay', () => {
    const { sheet } = sheetWith([
      [2, 'b'],
      [1, 'a'],
    ]);
    sheet.kept.set(0, 1, { note: 'of b' });
    const merge = { rect: { row: 1, col: 3, numRows: 1, numCols: 2 }, data: { kind: 'merge' } };
    sheet.keptRanges.push(merge);
    sheet.getRange('A1:B2').sort(1);
    expect(sheet.kept.get(1, 1)).toEqual({ note: 'of b' });
    expect(sheet.kept.get(0, 1)).toBeUndefined();
    expect(sheet.keptRanges).toEqual([merge]);
  });

  it('numbers and dates before text before booleans; blank cells last in either direction; ties keep their order', () => {
    const { sheet } = sheetWith([['']]);
    sheet.getRange('A1:B6').setValues([
      ['text', 1],
      [true, 2],
      ['', 3],
      [new Date(Date.UTC(2024, 0, 1)), 4],
      [5, 5],
      [5, 6],
    ]);
    sheet.getRange('A1:B6').sort(1);
    expect(sheet.getRange('B1:B6').getValues().flat()).toEqual([5, 6, 4, 1, 2, 3]);
    sheet.getRange('A1:B6').sort({ column: 1, ascending: false });
    expect(sheet.getRange('B1:B6').getValues().flat()).toEqual([2, 1, 4, 5, 6, 3]);
  });

  it('is one counted call, whatever the number of rows', () => {
    const big = Array.from({ length: 3000 }, (_, i) => [3000 - i, `r${i}`]);
    const { ss, sheet } = sheetWith(big);
    const m = ss.counter.measure(() => sheet.getRange(1, 1, 3000, 2).sort(1));
    expect(m.calls).toEqual({ 'Range.sort': 1, 'Sheet.getRange': 1 });
    expect(sheet.getRange('A1:A3').getValues().flat()).toEqual([1, 2, 3]);
  });
});
