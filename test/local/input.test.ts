// How the local SpreadsheetApp reads a string written into an automatic cell, by the spreadsheet's locale
// and zone, as Sheets reads typed input (Sheets API USER_ENTERED: "the same rules that are applied when
// entering text into a cell"): ISO dates everywhere, short dates in the locale's order, the locale's
// thousands and decimal separators. The self-check (Periksa Kenali) tests these same assumptions in a real
// spreadsheet; src/core/selfcheck/checks.ts holds the expectations.
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { epochFromLocal } from '../../src/core/time';

function write(values: string[], opts: { locale?: string; timeZone?: string } = {}) {
  const ss = new LocalSpreadsheet({ sheets: ['S'], ...opts });
  const range = ss.sheet('S').getRange(1, 1, 1, values.length);
  range.setValues([values]);
  return { ss, range };
}

describe('dates typed into an automatic cell', () => {
  it('reads ISO dates and date-times as wall time in the spreadsheet zone, with a date format', () => {
    const { range } = write(['2024-05-01 13:45', '2024-05-01', '2024/5/1 7:05:09'], {
      timeZone: 'Asia/Jakarta',
    });
    const [v] = range.getValues();
    const at = (h: number, m: number, s = 0) =>
      epochFromLocal({ year: 2024, month: 5, day: 1, hour: h, minute: m, second: s }, 'Asia/Jakarta');
    expect(v.map((d) => (d as Date).getTime())).toEqual([at(13, 45), at(0, 0), at(7, 5, 9)]);
    expect(range.getNumberFormats()).toEqual([['dd/MM/yyyy HH:mm:ss', 'dd/MM/yyyy', 'dd/MM/yyyy HH:mm:ss']]);
  });

  it('reads a short date day first in id_ID and month first in en_US; a missing year is this year', () => {
    const year = new Date().getUTCFullYear();
    const id = write(['1/2', '31/12/2023', '12/31/2023'], { locale: 'id_ID', timeZone: 'UTC' }).range;
    const en = write(['1/2', '31/12/2023', '12/31/2023'], { locale: 'en_US', timeZone: 'UTC' }).range;
    const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v);
    // Around New Year the current year may differ between Date.now() calls: accept either side.
    const [idV] = id.getValues();
    expect([year, year + 1].map((y) => `${y}-02-01`)).toContain(iso(idV[0]));
    expect(idV.slice(1).map(iso)).toEqual(['2023-12-31', '12/31/2023']);
    const [enV] = en.getValues();
    expect([year, year + 1].map((y) => `${y}-01-02`)).toContain(iso(enV[0]));
    expect(enV.slice(1).map(iso)).toEqual(['31/12/2023', '2023-12-31']);
  });

  it('leaves impossible dates and times as they are', () => {
    const { range } = write(['2024-02-30', '32/1/2024', '2024-05-01 24:00', '1/2/3/4'], { timeZone: 'UTC' });
    expect(range.getValues()).toEqual([['2024-02-30', '32/1/2024', '2024-05-01 24:00', '1/2/3/4']]);
  });

  it('keeps a date-like string as text in a plain-text cell', () => {
    const ss = new LocalSpreadsheet({ sheets: ['S'] });
    const r = ss.sheet('S').getRange('A1:B1');
    r.setNumberFormat('@');
    r.setValues([['2024-05-01 13:45', '1/2']]);
    expect(r.getValues()).toEqual([['2024-05-01 13:45', '1/2']]);
  });

  it('putValues (a paste) reads dates the same way', () => {
    const ss = new LocalSpreadsheet({ sheets: [], timeZone: 'UTC' });
    ss.putValues('P', [['2024-05-01 13:45']]);
    expect((ss.readValues('P')[0][0] as Date).toISOString()).toBe('2024-05-01T13:45:00.000Z');
    ss.putValues('T', [['2024-05-01 13:45']], { asText: true });
    expect(ss.readValues('T')[0][0]).toBe('2024-05-01 13:45');
  });
});

describe("numbers typed with the locale's separators", () => {
  it('id_ID groups thousands with dots and marks decimals with a comma', () => {
    const { range } = write(['150.000', '1.234.567', '1.234,5', '1,5', '-2.000', '1.5', '1.50', '12.34.56'], {
      locale: 'id_ID',
    });
    expect(range.getValues()).toEqual([[150000, 1234567, 1234.5, 1.5, -2000, 1.5, 1.5, '12.34.56']]);
  });

  it('en_US groups with commas: 150.000 is 150 and 1,5 stays text', () => {
    const { range } = write(['150.000', '1,234', '1,234.5', '1,5', '12,34'], { locale: 'en_US' });
    expect(range.getValues()).toEqual([[150, 1234, 1234.5, '1,5', '12,34']]);
  });

  it('accepts a plain space where the locale groups with a no-break space (fr_FR)', () => {
    const { range } = write(['150 000', '150\u202f000', '1 234,5'], { locale: 'fr_FR' });
    expect(range.getValues()).toEqual([[150000, 150000, 1234.5]]);
  });

  it('leaves currency and other text alone', () => {
    const { range } = write(['Rp 150.000', 'Rp150.000', '150.000 IDR', '1.2.3'], { locale: 'id_ID' });
    expect(range.getValues()).toEqual([['Rp 150.000', 'Rp150.000', '150.000 IDR', '1.2.3']]);
  });
});
