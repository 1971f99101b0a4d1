// Writing the canonical Segments table (core's canonicalSegments) as CSV or XLSX.
//
// CSV injection: spreadsheet apps run a cell that starts with = + - @ (and some also tab or CR) as a
// formula, and usernames, addresses and names come from marketplace exports. Every TEXT cell starting with
// one of those gets a leading apostrophe (OWASP's advice); numbers are written as numbers and untouched.
// The apostrophe shows in the cell: strip it to get the raw value back. XLSX needs none of this: its text
// cells are typed as text and never evaluated.
import { segmentForCode } from '../../src/core/rfm';
import { CsvWriter } from './csv';

/** The rows may be made as they are written (core's canonicalSegments); `count` is how many there are. */
export interface SegmentsTable {
  header: string[];
  rows: Iterable<(string | number)[]>;
  count: number;
}

/** = + - @ tab CR: the first characters that make a spreadsheet cell a formula. */
function startsLikeFormula(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** A text value a spreadsheet app will show as text (see the top of this file). */
export function neutraliseFormula(s: string): string {
  return startsLikeFormula(s) ? `'${s}` : s;
}

const SPECIAL = /[",\n\r]/;

/** Whether a field must be quoted: a comma, quote or line break inside, or white space at either end. */
function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32)) return true;
  return SPECIAL.test(s); // a compiled scan (bench/RESULTS.md: CSV writer variants)
}

/** One CSV field: text neutralised, then quoted when it holds a comma, quote or line break. */
export function csvField(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = neutraliseFormula(v);
  return needsQuotes(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** UTF-8 CSV with CRLF line ends (RFC 4180), through the one CSV writer (csv.ts). */
export function writeCsv(path: string, table: SegmentsTable, onProgress?: (fraction: number) => void): void {
  const out = new CsvWriter<string | number>(path, csvField, '\r\n');
  try {
    out.row(table.header);
    let i = 0;
    for (const row of table.rows) {
      i++;
      if (out.row(row)) onProgress?.(i / table.count);
    }
  } finally {
    out.close();
  }
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** 'YYYY-MM-DD HH:mm' (local) → a Date whose UTC fields are that wall time: how exceljs writes a date. */
function wallDate(s: string): Date | string {
  const m = DATE_TEXT.exec(s);
  return m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5])) : s;
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const FONT = { name: 'Calibri', size: 11 };

const WIDTHS: Record<string, number> = {
  buyer_key: 28,
  name: 24,
  buyer_username: 20,
  address_full: 48,
  first_order_at: 17,
  last_order_at: 17,
  monetary: 14,
  segment: 22,
};

/**
 * XLSX through exceljs's streaming writer (rows are committed as they go: 300k customers fit): dates as
 * dates, money with thousands separators, the segment cell in its colours, frozen header, autofilter.
 */
export async function writeXlsx(
  path: string,
  table: SegmentsTable,
  sheetName: string,
  onProgress?: (fraction: number) => void,
): Promise<void> {
  const { default: Excel } = await import('exceljs'); // loaded for XLSX output only
  const wb = new Excel.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: false,
  });
  const width = table.header.length;
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = table.header.map((h) => ({ key: h, width: WIDTHS[h] ?? 12 }));
  const col = (name: string) => table.header.indexOf(name);
  const dateCols = new Set([col('first_order_at'), col('last_order_at')]);
  const moneyCol = col('monetary');
  const codeCol = col('rfm');
  const segmentCol = col('segment');
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.count + 1, column: width } };

  const header = ws.addRow(table.header);
  header.font = { ...FONT, bold: true };
  header.commit();
  const n = table.count;
  let i = 0;
  for (const cells of table.rows) {
    const values = cells.map((v, j) => (dateCols.has(j) && typeof v === 'string' ? wallDate(v) : v));
    const row = ws.addRow(values);
    row.font = FONT;
    for (const j of dateCols) if (j >= 0) row.getCell(j + 1).numFmt = 'yyyy-mm-dd hh:mm';
    if (moneyCol >= 0) row.getCell(moneyCol + 1).numFmt = '#,##0';
    const seg = codeCol >= 0 ? segmentForCode(String(cells[codeCol])) : null;
    if (seg && segmentCol >= 0) {
      const cell = row.getCell(segmentCol + 1);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(seg.background) } };
      cell.font = { ...FONT, bold: true, color: { argb: argb(seg.color) } };
    }
    row.commit();
    if ((i++ & 4095) === 0) onProgress?.(i / n);
  }
  ws.commit();
  await wb.commit();
}
