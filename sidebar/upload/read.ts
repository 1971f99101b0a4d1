// Reading an export file in the browser, into grids as Sheets would show the file's cells: CSV through
// core's encoding rule and papaparse, XLSX through SheetJS (@e965/xlsx, loaded on demand: lazy.ts).
// Values keep their types — text stays text (SKU "007"), numbers stay numbers — and an .xlsx date cell
// becomes a wall-clock Date (its UTC fields are the time the file shows; the server reads it in the
// spreadsheet's zone), exactly as the CLI's exceljs reader and the menu's Impor see the same file.
import type * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { pickDelimiter, SAMPLE_RECORDS } from '../../src/core/delimiter';
import { decodeText, type TextEncodingName } from '../../src/core/encoding';
import { upload } from '../../src/core/text/upload';
import type { CellValue, Grid, Lang } from '../../src/core/types';

export type XlsxLib = typeof XLSX;

export interface ReadSheet {
  /** How problems name it: the file name (CSV) or "file.xlsx › Sheet" (XLSX, as the CLI names it). */
  label: string;
  grid: Grid;
}

export type ReadResult =
  | { ok: true; sheets: ReadSheet[]; encoding: TextEncodingName | null }
  | { ok: false; reason: string };

export type FileKind = 'csv' | 'xlsx';

export function fileKind(name: string): FileKind | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

/** Reads one file; `xlsx` gives the library (loaded the first time an .xlsx is read). */
export async function readExportFile(file: File, lang: Lang, xlsx: () => XlsxLib): Promise<ReadResult> {
  const tx = upload[lang];
  const kind = fileKind(file.name);
  if (!kind) return { ok: false, reason: tx.unsupported };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return kind === 'csv' ? readCsv(file.name, bytes, lang) : readXlsx(file.name, bytes, lang, xlsx());
}

export function readCsv(name: string, bytes: Uint8Array, lang: Lang): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, reason: upload[lang].encodingRefused(decoded.encoding, decoded.bom) };
  const parsed = Papa.parse<string[]>(decoded.text, {
    delimiter: detectDelimiter(decoded.text),
    skipEmptyLines: false,
  });
  const grid: Grid = parsed.data;
  // A line break at the end of the file ends the last record; it does not start an empty one.
  const last = grid[grid.length - 1];
  if (last && last.length === 1 && last[0] === '') grid.pop();
  return { ok: true, sheets: [{ label: name, grid }], encoding: decoded.encoding };
}

/** The delimiter of the file's first records, by core's rule (the CLI's too). */
function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 << 10);
  return pickDelimiter((d) =>
    Papa.parse<string[]>(sample, { delimiter: d, preview: SAMPLE_RECORDS }).data.map((r) => r.length),
  );
}

/** Excel's error codes as Sheets shows them (SheetJS keeps the code). */
const ERRORS: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

export function readXlsx(name: string, bytes: Uint8Array, lang: Lang, lib: XlsxLib): ReadResult {
  let wb: XLSX.WorkBook;
  try {
    // Dense rows, number formats (to tell dates), no formatted text or HTML (4.7 million cells for a big
    // export).
    const opts = {
      type: 'array',
      dense: true,
      cellNF: true,
      cellText: false,
      cellHTML: false,
      cellDates: false,
    };
    wb = lib.read(bytes, opts as XLSX.ParsingOptions);
  } catch (e) {
    return { ok: false, reason: upload[lang].xlsxUnreadable(e instanceof Error ? e.message : String(e)) };
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((sheetName) => ({
    label: `${name} › ${sheetName}`,
    grid: sheetGrid(wb.Sheets[sheetName], date1904, lib),
  }));
  return { ok: true, sheets, encoding: null };
}

function sheetGrid(ws: XLSX.WorkSheet, date1904: boolean, lib: XlsxLib): Grid {
  const ref = ws['!ref'];
  if (!ref) return [];
  const range = lib.utils.decode_range(ref);
  const width = range.e.c + 1;
  const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const grid: Grid = new Array(range.e.r + 1);
  for (let r = 0; r <= range.e.r; r++) {
    const src = data[r];
    const row = new Array<CellValue>(width).fill('');
    if (src) for (let c = 0; c < width && c < src.length; c++) row[c] = cellValue(src[c], date1904, lib);
    grid[r] = row;
  }
  return grid;
}

/** Days from Excel's epoch to 1970-01-01, per date system: the formula exceljs uses, so both agree. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = -1462;

function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean, lib: XlsxLib): CellValue {
  if (!cell) return '';
  const v = cell.v;
  switch (cell.t) {
    case 's':
      return typeof v === 'string' ? v : String(v ?? '');
    case 'b':
      return Boolean(v);
    case 'e':
      return ERRORS[v as number] ?? String(cell.w ?? '#ERROR!');
    case 'n': {
      if (typeof v !== 'number') return '';
      const fmt = typeof cell.z === 'string' ? cell.z : '';
      if (fmt && lib.SSF.is_date(fmt)) {
        return new Date(Math.round((v - (date1904 ? EPOCH_1904 : EPOCH_1900)) * 86_400_000));
      }
      return v;
    }
    case 'd':
      return v instanceof Date ? v : String(v ?? '');
    default:
      return '';
  }
}
