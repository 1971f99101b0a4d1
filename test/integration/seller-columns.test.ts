// The seller's own columns on Segments and a seller's sheet under one of Kenali's names, through the BUILT
// dist/Code.js: a segmentation rewrites Segments whole in a new order, and must carry what the seller typed.
import type { LocalSpreadsheet } from '../../local';
import { texts } from '../../src/core/text';
import type { CellValue } from '../../src/core/types';
import { demo, segmentAt } from './demo-shop';

const WIDTH = 16; // Kenali's Segments columns
const SEGMENT = 13;
const GONE = texts.segments.id.movementGone;

const rowsOf = (wb: LocalSpreadsheet) => wb.readValues('Segments');
const rowOfKey = (wb: LocalSpreadsheet, key: string) => rowsOf(wb).findIndex((r) => r[0] === key) + 1;

describe('a column the seller added to Segments', () => {
  const { wb, bundle } = demo();
  segmentAt(bundle, '2024-06-30');
  const sheet = wb.getSheetByName('Segments')!;
  const rows = rowsOf(wb);
  const firstOrder = (r: CellValue[]) => (r[4] as Date).getTime();
  const EARLIER = '2024-06-16';
  const earlier = Date.UTC(2024, 5, 1);
  // Three customers of both runs: a note, a hostile text, a date; a formula column on every one of them.
  const picked = rows
    .slice(1)
    .filter((r) => firstOrder(r) < earlier)
    .filter((_, i) => i === 0 || i === 5 || i === 40)
    .map((r) => String(r[0]));
  const when = new Date(Date.UTC(2024, 5, 1, 3));
  sheet.insertColumnsAfter(WIDTH, 2);
  sheet.getRange(1, WIDTH + 1, 1, 2).setValues([['Catatan', 'Tindak lanjut']]);
  const notes: CellValue[] = ['VIP, telepon dulu', '=HYPERLINK("http://evil")', when];
  picked.forEach((key, i) => {
    const row = rowOfKey(wb, key);
    sheet
      .getRange(row, WIDTH + 1)
      .setNumberFormat('@')
      .setValue(notes[i]);
    if (i === 2)
      sheet
        .getRange(row, WIDTH + 1)
        .setNumberFormat('yyyy-mm-dd')
        .setValue(when);
    sheet.getRange(row, WIDTH + 2).setFormula(`=IF(N${row}="Juara","VIP","")`);
  });
  // A customer whose first order comes after the earlier date, with a note.
  const newcomer = String(rows.slice(1).find((r) => firstOrder(r) > Date.UTC(2024, 5, 20))![0]);
  sheet.getRange(rowOfKey(wb, newcomer), WIDTH + 1).setValue('baru kenal');
  // A row the seller typed under the table, with no key.
  sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  sheet.getRange(sheet.getMaxRows(), WIDTH + 1).setValue('catatan umum');

  const message = segmentAt(bundle, EARLIER);
  const after = rowsOf(wb);
  const now = () => wb.getSheetByName('Segments')!;

  it('is carried by buyer key into the new sheet, after Kenali’s columns', () => {
    expect(after[0].slice(WIDTH, WIDTH + 2)).toEqual(['Catatan', 'Tindak lanjut']);
    const first = rowOfKey(wb, picked[0]);
    expect(after[first - 1][WIDTH]).toBe('VIP, telepon dulu');
    expect(message).toContain('2 kolom Anda');
  });

  it('keeps text as text (a formula typed as text stays text) and a date as a date', () => {
    const hostile = rowOfKey(wb, picked[1]);
    expect(
      now()
        .getRange(hostile, WIDTH + 1)
        .getValue(),
    ).toBe('=HYPERLINK("http://evil")');
    expect(
      now()
        .getRange(hostile, WIDTH + 1)
        .getFormula(),
    ).toBe('');
    const dated = rowOfKey(wb, picked[2]);
    expect(
      (
        now()
          .getRange(dated, WIDTH + 1)
          .getValue() as Date
      ).getTime(),
    ).toBe(when.getTime());
  });

  it('moves a formula with its customer’s row, as a copy and paste would', () => {
    expect(picked.map((k) => rowOfKey(wb, k))).not.toEqual(
      picked.map((k) => rows.findIndex((r) => r[0] === k) + 1),
    );
    for (const key of picked) {
      const row = rowOfKey(wb, key);
      expect(
        now()
          .getRange(row, WIDTH + 2)
          .getFormula(),
      ).toBe(`=IF(N${row}="Juara","VIP","")`);
    }
  });

  it('keeps a key-less row of the seller’s under the table', () => {
    const kept = after.filter((r) => r[WIDTH] === 'catatan umum');
    expect(kept).toHaveLength(1);
    expect(kept[0][SEGMENT]).toBe(GONE);
  });

  it('keeps a customer no longer segmented under the table, and puts them back when they return', () => {
    let table = rowsOf(wb);
    const parked = table.filter((r) => r[0] === newcomer);
    expect(parked).toHaveLength(1);
    expect(parked[0][SEGMENT]).toBe(GONE);
    expect(parked[0][WIDTH]).toBe('baru kenal');
    expect(parked[0][12]).toBe(''); // no RFM code: no segment for the lookup
    segmentAt(bundle, '2024-06-30');
    table = rowsOf(wb);
    const back = table.filter((r) => r[0] === newcomer);
    expect(back).toHaveLength(1);
    expect(back[0][SEGMENT]).not.toBe(GONE);
    expect(back[0][WIDTH]).toBe('baru kenal');
    // and every note is still there after three more runs
    expect(table.slice(1).filter((r) => r[WIDTH] !== '').length).toBe(5);
  });

  it('the filter covers the seller’s columns and rows', () => {
    const range = now().getFilter()!.getRange();
    expect(range.getNumColumns()).toBe(WIDTH + 2);
    expect(range.getNumRows()).toBe(now().getLastRow());
  });
});

describe('a checkbox column of the seller’s on Segments', () => {
  const { wb, bundle } = demo();
  segmentAt(bundle, '2024-06-30');
  const sheet = wb.getSheetByName('Segments')!;
  const n = sheet.getLastRow();
  sheet.insertColumnsAfter(WIDTH, 1);
  sheet.getRange(1, WIDTH + 1).setValue('Sudah dihubungi');
  sheet.getRange(2, WIDTH + 1, n - 1, 1).insertCheckboxes();
  const ticked = String(sheet.getRange(7, 1).getValue());
  sheet.getRange(7, WIDTH + 1).setValue(true);
  segmentAt(bundle, '2024-06-16');
  const now = wb.getSheetByName('Segments')!;

  it('stays a checkbox column, each tick on its customer', () => {
    const rows = wb.readValues('Segments');
    const rules = now
      .getRange(2, WIDTH + 1, now.getLastRow() - 1, 1)
      .getDataValidations()
      .flat();
    expect(rules.every((r) => r?.getCriteriaType() === 'CHECKBOX')).toBe(true);
    expect(rows.filter((r) => r[WIDTH] === true).map((r) => r[0])).toEqual([ticked]);
  });
});

describe('a sheet of the seller’s under one of Kenali’s names', () => {
  const { wb, bundle } = demo();
  const own = wb.insertSheet('Segments');
  own.getRange(1, 1, 2, 2).setValues([
    ['Produk', 'Stok'],
    ['Kaos', 12],
  ]);
  const summary = wb.insertSheet(texts.sheet.id.summarySheet);
  summary.getRange(1, 1).setValue('Rencana promo Desember');
  const message = segmentAt(bundle, '2024-06-30');

  it('is set aside under another name, whole; Kenali writes its own sheets', () => {
    expect(wb.readValues('Segments (milik Anda)')).toEqual([
      ['Produk', 'Stok'],
      ['Kaos', 12],
    ]);
    expect(wb.readValues(`${texts.sheet.id.summarySheet} (milik Anda)`)[0][0]).toBe('Rencana promo Desember');
    expect(wb.readValues('Segments')[0][0]).not.toBe('Produk');
    expect(wb.readValues(texts.sheet.id.summarySheet)[0][0]).toBe(texts.sheet.id.summaryTitle);
    expect(message).toContain('Segments (milik Anda)');
  });

  it('a second run replaces only Kenali’s sheets', () => {
    segmentAt(bundle, '2024-06-30');
    expect(wb.readValues('Segments (milik Anda)')[1]).toEqual(['Kaos', 12]);
    expect(wb.getSheets().filter((s) => s.getName().includes('milik Anda'))).toHaveLength(2);
  });
});

describe('a Segments sheet of the earlier layout (its summary beside the table)', () => {
  const { wb, bundle } = demo();
  segmentAt(bundle, '2024-06-30');
  // What that layout held right of its 14 columns: a blank column, then the summary from its title.
  const sheet = wb.getSheetByName('Segments')!;
  sheet.deleteColumns(15, 2);
  sheet.insertColumnsAfter(14, 9);
  sheet.getRange(1, 16, 3, 3).setValues([
    [texts.sheet.id.summaryTitle, '', ''],
    ['Segmen', 'Pelanggan', 'Pendapatan (Rp)'],
    ['Juara', 24, 1_000_000],
  ]);
  const message = segmentAt(bundle, '2024-06-30');

  it('is not taken for the seller’s columns: the new sheet is Kenali’s 16 columns', () => {
    const sheetNow = wb.getSheetByName('Segments')!;
    expect(sheetNow.getMaxColumns()).toBe(WIDTH);
    expect(message).not.toContain('kolom Anda');
  });
});
