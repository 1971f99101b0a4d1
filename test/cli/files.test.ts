// local/files.ts: the CSV tokenizer against papaparse (the oracle) and against the grid it was written
// from, over random grids and tiny read chunks (every chunk boundary gets crossed); delimiter detection,
// encodings, line endings; XLSX values as Sheets gives them; clear errors for bad files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  FileError,
  fieldMark,
  forEachCsvRecord,
  lastRecordBefore,
  readExportFile,
  readExportSheets,
} from '../../local/files';

const dir = mkdtempSync(join(tmpdir(), 'kenali-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const p = join(dir, `f${n++}.${ext}`);
  writeFileSync(p, content);
  return p;
}

function records(path: string, opts: Parameters<typeof forEachCsvRecord>[2] = {}): string[][] {
  const rows: string[][] = [];
  forEachCsvRecord(path, (r) => rows.push(r.all()), opts);
  return rows;
}

function serialise(
  grid: string[][],
  delim: string,
  eol: string,
  quoteAll: boolean,
  trailing: boolean,
): string {
  const field = (s: string) =>
    quoteAll || s.includes(delim) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  // A row of one empty field must be written as "" (an empty line would be no row at the very end).
  const line = (r: string[]) => (r.length === 1 && r[0] === '' ? '""' : r.map(field).join(delim));
  return grid.map(line).join(eol) + (trailing ? eol : '');
}

const CHARS = ['a', 'Z', '7', ' ', ',', ';', '\t', '"', '\n', '\r', 'é', '日', '😀', '=', '-'];
const cell = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((a) => a.join(''));
const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 });

describe('CSV tokenizer', () => {
  it('lastRecordBefore finds the records tokenize finds, in any text, across chunk boundaries', () => {
    const raw = fc
      .array(fc.constantFrom(...CHARS, '""', 'ab', '\r\n'), { maxLength: 60 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(
        raw,
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        (text, bom, chunkBytes, at) => {
          const path = file(bom ? `\ufeff${text}` : text);
          const starts: { offset: number; row: number }[] = [];
          forEachCsvRecord(path, (r) => starts.push({ offset: r.offset, row: r.row }), { delimiter: ',' });
          const size = readFileSync(path).length;
          const limit = at % (size + 2);
          const expected = [...starts].reverse().find((r) => r.offset < limit) ??
            starts[0] ?? { offset: bom ? 3 : 0, row: 1 };
          expect(lastRecordBefore(path, limit, ',', chunkBytes)).toEqual(expected);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('same(i, mark) says yes only for a field whose text is the marked one, across chunk boundaries', () => {
    let yes = 0;
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (g, eol, quoteAll, chunkBytes) => {
          // Rows that repeat each other's cells, as an order's lines do, some with text after a quote.
          const rows = g.flatMap((r) => [r, r, r.map((c, j) => (j === 0 ? c : `${c}x`))]);
          // Then fields that differ only after their closing quote ("ab"x and "ab"y: text ab, tails x and y).
          const text = `${serialise(rows, ',', eol, quoteAll, true)}"ab"x,"c"${eol}"ab"y,"c"z${eol}`;
          const marks = Array.from({ length: 6 }, fieldMark);
          const texts: string[] = new Array(6).fill('');
          forEachCsvRecord(
            file(text),
            (r) => {
              for (let i = 0; i < 6; i++) {
                if (r.same(i, marks[i])) {
                  yes++;
                  expect(r.text(i)).toBe(texts[i]);
                }
                r.mark(i, marks[i]);
                texts[i] = r.text(i);
              }
            },
            { chunkBytes, delimiter: ',' },
          );
        },
      ),
      { numRuns: 400 },
    );
    expect(yes).toBeGreaterThan(100);
  });

  it('stops before any record and resumes there (start, firstRow): the same records, rows and offsets', () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (g, eol, quoteAll, bom, at, chunkBytes) => {
          const text = serialise(g, ',', eol, quoteAll, true);
          const path = file(bom ? `\ufeff${text}` : text);
          const all: { row: number; offset: number; cells: string[] }[] = [];
          forEachCsvRecord(path, (r) => all.push({ row: r.row, offset: r.offset, cells: r.all() }), {
            chunkBytes,
            delimiter: ',',
          });
          const k = at % (all.length + 1); // stop before record k (none when k is past the end)
          const head: string[][] = [];
          const stats = forEachCsvRecord(path, (r) => head.push(r.all()), {
            chunkBytes,
            delimiter: ',',
            stopBefore: (r) => r.row === k + 1,
          });
          expect(head).toEqual(all.slice(0, k).map((r) => r.cells));
          expect(stats.records).toBe(Math.min(k, all.length));
          expect(stats.end).toBe(k < all.length ? all[k].offset : readFileSync(path).length);
          const tail: { row: number; offset: number; cells: string[] }[] = [];
          forEachCsvRecord(path, (r) => tail.push({ row: r.row, offset: r.offset, cells: r.all() }), {
            chunkBytes,
            start: stats.end,
            firstRow: stats.records + 1,
            delimiter: ',',
          });
          expect(tail).toEqual(all.slice(k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads back any grid it was written from, as papaparse does, across every chunk boundary', () => {
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        (g, delim, eol, quoteAll, trailing, chunkBytes) => {
          const text = serialise(g, delim, eol, quoteAll, trailing);
          const got = records(file(text), { delimiter: delim, chunkBytes });
          expect(got).toEqual(g);
          const oracle = Papa.parse<string[]>(text, { delimiter: delim, newline: eol as '\n' }).data;
          if (trailing) oracle.pop(); // papaparse adds an empty row after a final line break
          expect(got).toEqual(oracle);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('numbers records as a spreadsheet numbers rows (a quoted multi-line cell is one row)', () => {
    const rows: [number, string][] = [];
    forEachCsvRecord(file('a,b\n"x\ny",2\n\nlast,3\n'), (r) => rows.push([r.row, r.text(0)]));
    expect(rows).toEqual([
      [1, 'a'],
      [2, 'x\ny'],
      [3, ''],
      [4, 'last'],
    ]);
  });

  it('gives fields lazily: size, raw length, first byte, and "" beyond the end', () => {
    const seen: unknown[] = [];
    forEachCsvRecord(file('No. Pesanan,"a""b",\n'), (r) =>
      seen.push([r.size, r.rawLength(0), r.firstCode(0), r.text(1), r.text(2), r.text(9), r.firstCode(2)]),
    );
    expect(seen).toEqual([[3, 11, 'N'.charCodeAt(0), 'a"b', '', '', -1]]);
  });

  it('keeps text after a closing quote and runs an unterminated quote to the end (reported)', () => {
    expect(records(file('"ab"cd,e\n'))).toEqual([['abcd', 'e']]);
    const rows: string[][] = [];
    const stats = forEachCsvRecord(file('a,b\n"open,c\nd,e\n'), (r) => rows.push(r.all()));
    expect(rows).toEqual([['a', 'b'], ['open,c\nd,e\n']]);
    expect(stats.unterminatedQuoteRow).toBe(2);
  });

  it('skips a UTF-8 BOM, reads UTF-16 LE and BE, Windows-1252; refuses UTF-16 without a BOM', () => {
    expect(
      records(file(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('No. Pesanan,x\n1,é\n')]))),
    ).toEqual([
      ['No. Pesanan', 'x'],
      ['1', 'é'],
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Order ID\tBuyer\n1\tSiti 😀\n', 'utf16le'),
    ]);
    expect(records(file(utf16, 'txt'))).toEqual([
      ['Order ID', 'Buyer'],
      ['1', 'Siti 😀'],
    ]);
    const be = Buffer.from('Order ID\tBuyer\n1\tSiti 😀\n', 'utf16le').swap16();
    expect(records(file(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'txt'))).toEqual([
      ['Order ID', 'Buyer'],
      ['1', 'Siti 😀'],
    ]);
    // Excel's "CSV" on Windows: é is 0xE9, and 0x92 is a right quote in Windows-1252 (a C1 control in Latin-1).
    const ansi = Buffer.from('a,b\n1,Jos\xe9 \x92A\x92\n', 'latin1');
    const rows: string[][] = [];
    const stats = forEachCsvRecord(file(ansi), (r) => rows.push(r.all()));
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', 'José ’A’'],
    ]);
    expect(stats.encoding).toBe('windows-1252');
    expect(forEachCsvRecord(file('a,b\n1,José\n'), () => {}).encoding).toBe('utf-8');
    const noBom = file(Buffer.from('Order ID,Buyer\n1,Siti\n', 'utf16le'));
    expect(() => forEachCsvRecord(noBom, () => {})).toThrow(
      expect.objectContaining({ kind: 'encoding', refused: { encoding: 'UTF-16 LE', bom: false } }),
    );
  });

  it('detects the delimiter from the records, title rows notwithstanding', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n4;5;6\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2,5\t3\n')).toBe('\t');
    expect(
      detectDelimiter('Penghasilan Saya\nToko, Jakarta\n\nNo.;No. Pesanan;Total\n1;A;10\n2;B;20\n'),
    ).toBe(';');
    expect(detectDelimiter('"x;y",b\n"1;2",3\n')).toBe(',');
    expect(detectDelimiter('single column\nvalue\n')).toBe(',');
    expect(records(file('No. Pesanan;Total\nA;"1.000,50"\n'))).toEqual([
      ['No. Pesanan', 'Total'],
      ['A', '1.000,50'],
    ]);
  });

  it('gives independent strings (no view keeping a whole chunk alive) that equal the slices', () => {
    const long = 'x'.repeat(200);
    const kept: string[] = [];
    forEachCsvRecord(file(`${long},${long}é\n`), (r) => kept.push(r.text(0), r.text(1)));
    expect(kept).toEqual([long, `${long}é`]);
  });
});

describe('readExportFile / readExportSheets', () => {
  it('CSV: one sheet named after the file, every value a string', async () => {
    const p = file('No. Pesanan,Total\n001,150000\n');
    const s = await readExportFile(p);
    expect(s.name).toMatch(/^f\d+\.csv$/);
    expect(s.grid).toEqual([
      ['No. Pesanan', 'Total'],
      ['001', '150000'],
    ]);
  });

  it('XLSX: every sheet, values as Sheets gives them (dates are wall-clock times in the zone)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['No. Pesanan', 'Total', 'Waktu', 'Produk', 'F', 'Link', 'Err', 'Bool', 'Evil']);
    ws.addRow([
      '240501ABC',
      150000,
      new Date(Date.UTC(2024, 4, 1, 13, 45)),
      { richText: [{ text: 'Ka' }, { font: { bold: true }, text: 'os' }] },
      { formula: 'B2*2', result: 300000 },
      { text: 'toko', hyperlink: 'https://example.com' },
      { error: '#N/A' },
      true,
      '=IMPORTXML("http://x","//a")',
    ]);
    ws.getCell('A4').value = 'after a gap';
    // The runtime's reading (excel-value.ts): a formula without a cached result reads as its error value.
    ws.getCell('B4').value = { formula: 'B2*3' } as ExcelJS.CellFormulaValue;
    wb.addWorksheet('Catatan').addRow(['catatan']);
    const p = join(dir, 'export.xlsx');
    await wb.xlsx.writeFile(p);

    const sheets = await readExportSheets(p, { timeZone: 'Asia/Jakarta' });
    expect(sheets.map((s) => s.name)).toEqual(['export.xlsx › Orders', 'export.xlsx › Catatan']);
    const g = sheets[0].grid;
    expect(g).toHaveLength(4);
    expect(g.every((r) => r.length === 9)).toBe(true); // rectangular, like getDataRange
    expect(g[1].slice(0, 2)).toEqual(['240501ABC', 150000]);
    expect((g[1][2] as Date).toISOString()).toBe('2024-05-01T06:45:00.000Z'); // 13:45 in Jakarta (UTC+7)
    expect(g[1].slice(3)).toEqual(['Kaos', 300000, 'toko', '#N/A', true, '=IMPORTXML("http://x","//a")']);
    expect(g[2]).toEqual(Array(9).fill(''));
    expect(g[3].slice(0, 2)).toEqual(['after a gap', '#NAME?']);
    expect((await readExportFile(p)).name).toBe('export.xlsx › Orders');
  });

  it('fails clearly: missing file, folder, unknown extension, broken XLSX', async () => {
    const kind = async (p: string) => {
      try {
        await readExportFile(p);
      } catch (e) {
        expect(e).toBeInstanceOf(FileError);
        return (e as FileError).kind;
      }
      return 'no error';
    };
    expect(await kind(join(dir, 'nope.csv'))).toBe('missing');
    const sub = join(dir, 'folder.csv');
    mkdirSync(sub);
    expect(await kind(sub)).toBe('directory');
    expect(await kind(file('x', 'pdf'))).toBe('extension');
    expect(await kind(file('not a zip', 'xlsx'))).toBe('xlsx');
  });
});
