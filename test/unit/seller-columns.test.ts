import { carrySellerCells, literalCell, type SellerCells, shiftRows } from '../../src/core/seller-columns';

const old: SellerCells = {
  headers: ['Catatan', '', 'Link'],
  rows: [
    {
      row: 2,
      key: 'a|1',
      cells: ['VIP', '', 0],
      formulas: ['', '', '=N2&"x"'],
      formats: ['', '', ''],
      rules: [null, null, null],
    },
    {
      row: 3,
      key: 'b|2',
      cells: ['', '', ''],
      formulas: ['', '', ''],
      formats: ['', '', ''],
      rules: [null, null, null],
    },
    {
      row: 4,
      key: 'gone|3',
      cells: ['telepon dulu', '', ''],
      formulas: ['', '', ''],
      formats: ['', '', ''],
      rules: [null, null, null],
    },
    {
      row: 5,
      key: '',
      cells: ['baris sendiri', '', ''],
      formulas: ['', '', ''],
      formats: ['', '', ''],
      rules: [null, null, null],
    },
    {
      row: 6,
      key: 'a|1',
      cells: ['dobel', '', ''],
      formulas: ['', '', ''],
      formats: ['', '', ''],
      rules: [null, null, null],
    },
  ],
};

describe('carrySellerCells', () => {
  const carried = carrySellerCells(old, ['b|2', 'c|4', 'a|1']);

  it('drops a column with neither header nor value, keeps the others in order', () => {
    expect(carried.headers).toEqual(['Catatan', 'Link']);
  });

  it('puts each key’s cells on its new row, text as literal text, a formula moved with its row', () => {
    expect(carried.cells.slice(0, 3)).toEqual([
      ['', ''],
      ['', ''],
      ["'VIP", '=N4&"x"'],
    ]);
  });

  it('keeps every other row that holds a value under the table: gone, key-less, repeated', () => {
    expect(carried.leftovers).toEqual(['gone|3', '', 'a|1']);
    expect(carried.cells.slice(3)).toEqual([
      ["'telepon dulu", ''],
      ["'baris sendiri", ''],
      ["'dobel", ''],
    ]);
  });

  it('a sheet without seller values carries nothing', () => {
    const none = carrySellerCells(
      {
        headers: [''],
        rows: [{ row: 2, key: 'a|1', cells: [''], formulas: [''], formats: [''], rules: [null] }],
      },
      ['a|1'],
    );
    expect(none.headers).toEqual([]);
    expect(none.leftovers).toEqual([]);
  });
});

const CHECKBOX = { criteria: 'CHECKBOX' };

describe('formats', () => {
  it('each cell keeps its number format; plain-text cells take their text without an apostrophe', () => {
    const carried = carrySellerCells(
      {
        headers: ['Kode', 'Tanggal'],
        rows: [
          {
            row: 2,
            key: 'a|1',
            cells: ['007', new Date(0)],
            formulas: ['', ''],
            formats: ['@', 'yyyy-mm-dd'],
            rules: [null, CHECKBOX],
          },
          {
            row: 3,
            key: 'b|2',
            cells: ['x', ''],
            formulas: ['', ''],
            formats: ['0.00', 'dd/mm'],
            rules: [null, null],
          },
        ],
      },
      ['c|3', 'b|2', 'a|1'],
    );
    expect(carried.cells).toEqual([
      ['', ''],
      ["'x", ''],
      ['007', new Date(0)],
    ]);
    expect(carried.formats).toEqual([
      ['@', 'yyyy-mm-dd'],
      ['0.00', 'dd/mm'],
      ['@', 'yyyy-mm-dd'],
    ]);
    // a checkbox column stays one, on the rows of customers the seller left blank too
    expect(carried.rules).toEqual([
      [null, CHECKBOX],
      [null, null],
      [null, CHECKBOX],
    ]);
  });

  it('no rule anywhere: none written', () => {
    expect(carrySellerCells(old, ['a|1']).rules).toBeNull();
  });
});

describe('literalCell', () => {
  it('text becomes literal text; other values stay', () => {
    expect(literalCell('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(literalCell('007')).toBe("'007");
    expect(literalCell('')).toBe('');
    expect(literalCell(5)).toBe(5);
    expect(literalCell(true)).toBe(true);
  });
});

describe('shiftRows', () => {
  it('moves relative rows, keeps anchored ones and quoted text', () => {
    expect(shiftRows('=N2+$N$2+N$2+$N2', 3)).toBe('=N5+$N$2+N$2+$N5');
    expect(shiftRows('=IF(N2="A1","B2",C2)', 1)).toBe('=IF(N3="A1","B2",C3)');
    expect(shiftRows('=SUM(A2:B9)', -1)).toBe('=SUM(A1:B8)');
  });
  it('leaves names, functions and sheet names alone; shifts references into other sheets', () => {
    expect(shiftRows('=LOG10(A2)+ATAN2(1,2)', 2)).toBe('=LOG10(A4)+ATAN2(1,2)');
    expect(shiftRows("=ABC2024!A2+'My Sheet'!B2", 1)).toBe("=ABC2024!A3+'My Sheet'!B3");
    expect(shiftRows('=A:A', 5)).toBe('=A:A');
  });
  it('does nothing for no move', () => {
    expect(shiftRows('=A2', 0)).toBe('=A2');
  });
});
