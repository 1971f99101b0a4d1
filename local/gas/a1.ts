// A1 notation: 'B2', 'A1:C10', '$A$1', whole columns 'A:C', whole rows '2:5', open-ended 'A2:C',
// optionally prefixed by a sheet name ('Orders!A1', "'My Sheet'!A:A").

export interface GridRect {
  row: number; // 1-based
  col: number;
  numRows: number;
  numCols: number;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Notation(r: GridRect): string {
  const tl = columnLetter(r.col) + r.row;
  if (r.numRows === 1 && r.numCols === 1) return tl;
  return `${tl}:${columnLetter(r.col + r.numCols - 1)}${r.row + r.numRows - 1}`;
}

/** Splits "'It''s'!A1:B2" into { sheet: "It's", ref: 'A1:B2' }. */
export function splitSheetPrefix(a1: string): { sheet: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2)
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

interface Part {
  col: number | null;
  row: number | null;
}

function part(s: string): Part | null {
  const m = PART.exec(s.trim());
  if (!m || (!m[1] && !m[2])) return null;
  return { col: m[1] ? columnNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
}

/** Parses a reference (no sheet prefix) against the sheet's size; throws Apps Script's "Range not found". */
export function parseA1(ref: string, maxRows: number, maxCols: number): GridRect {
  const notFound = () => new Error('Range not found');
  const pieces = ref.split(':');
  if (pieces.length > 2) throw notFound();
  const a = part(pieces[0]);
  const b = pieces.length === 2 ? part(pieces[1]) : a;
  if (!a || !b) throw notFound();
  if (pieces.length === 1 && (a.col === null || a.row === null)) throw notFound();
  // 'A:C' spans every row, '2:5' every column, 'A2:C' runs to the last row.
  const c1 = a.col ?? 1;
  const c2 = b.col ?? (a.col === null ? maxCols : c1);
  const r1 = a.row ?? 1;
  const r2 = b.row ?? (a.row === null || pieces.length === 2 ? maxRows : r1);
  if (r1 < 1 || c1 < 1 || r2 < 1 || c2 < 1) throw notFound();
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}
