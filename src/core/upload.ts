// Importing a file from the browser (the "Impor dari file" sidebar): what travels from the page to the
// server, and how. Pure, so the page and the server share it.
//
// Projection: the page reads the whole file, but only the columns an export format maps go to the server.
// Every row keeps its place (grid index i is the seller's row i + 1), so the server's parseExport sees
// the rows where they are in the file and every problem names the file's own row:
//   - a header row keeps every column ANY format maps in it, so detectHeader decides as on the full row;
//   - the rows under it (up to the next header) keep, at the same positions, the cells of the format
//     detected, '' in the other kept columns, plus one "witness" cell that is non-blank when a dropped cell
//     was, so a row is blank for core exactly when the full row is;
//   - rows above the first header are sent empty (core only looks for a header there).
// Removing cells never makes a header of a row that was none, so findBlocks finds the same blocks, with
// the same ends (their title rows keep what core's titlesStart looks at). The same rule as the CLI's
// streaming reader (local/cli/stream.ts), for the same reason.
//
// Wire: a chunk is the JSON text of a run of projected rows; a cell is a string, a number, a boolean, or
// {"d": ms} for an .xlsx date cell (its wall-clock time as if UTC: .xlsx dates have no zone, and the
// server reads them in the spreadsheet's, as Sheets does with an uploaded file). Text stays text: no
// spreadsheet locale or automatic format touches a value between the file and core.
import { findBlocks } from './exports';
import { compileAliases, EXPORT_FORMATS, matchColumns } from './headers';
import { epochFromWallClock } from './time';
import type { CellValue, Grid } from './types';
import { isBlank } from './values';

/** A cell as it crosses the wire and sits in the staging sheet. */
export type WireCell = string | number | boolean | { d: number };

/**
 * Chunk size, in characters of JSON text: about 1 MB. google.script.run documents no size limit, but a
 * call's arguments travel in one request and are held in memory on both ends (the page, Google's
 * front end, the Apps Script execution); a megabyte is far below the sizes where such calls are reported
 * to fail, keeps each call a few seconds at most (well inside the 6-minute execution limit) and a failed
 * one cheap to lose, while a big export is still only a few dozen calls (bench/RESULTS.md).
 */
export const CHUNK_CHARS = 1_000_000;

/** Characters per staging cell: Sheets holds at most 50,000 in one cell. */
export const PIECE_CHARS = 49_000;

const TABLES = EXPORT_FORMATS.map((f) => compileAliases(f.columns));

export interface ProjectedSheet {
  /** One row per grid row (same index). */
  rows: CellValue[][];
  /** Export blocks found (header rows). */
  blocks: number;
}

/** The rows to send for one sheet, or null when it holds no export header (the sheet is skipped). */
export function projectSheet(grid: Grid): ProjectedSheet | null {
  const blocks = findBlocks(grid);
  if (blocks.length === 0) return null;
  const rows: CellValue[][] = new Array(grid.length);
  for (let i = 0; i < blocks[0].headerIndex; i++) rows[i] = [];
  blocks.forEach((block, b) => {
    const header = grid[block.headerIndex];
    const kept = new Set<number>();
    for (const t of TABLES) for (const j of Object.values(matchColumns(header, t))) kept.add(j as number);
    const keep = [...kept].sort((x, y) => x - y);
    const used = new Set(Object.values(block.match.columns) as number[]);
    const read = keep.map((j) => used.has(j));
    rows[block.headerIndex] = keep.map((j) => header[j] ?? '');
    const regionEnd = blocks[b + 1]?.headerIndex ?? grid.length;
    for (let i = block.headerIndex + 1; i < regionEnd; i++) {
      const row = grid[i] ?? [];
      const cells: CellValue[] = new Array(keep.length + 1);
      let blank = true;
      for (let k = 0; k < keep.length; k++) {
        const v = read[k] ? (row[keep[k]] ?? '') : '';
        cells[k] = v;
        if (blank && !isBlank(v)) blank = false;
      }
      cells[keep.length] = blank && row.some((v) => !isBlank(v)) ? '…' : '';
      rows[i] = cells;
    }
  });
  return { rows, blocks: blocks.length };
}

/** A projected cell on the wire. `Date` here is a wall-clock date (its UTC fields are the time shown). */
export function wireCell(v: CellValue): WireCell {
  return v instanceof Date ? { d: v.getTime() } : v;
}

/**
 * The next chunk of rows from `from`: as many rows as fit in `maxChars` of JSON (at least one), as text.
 * Returns the text and the index after its last row.
 */
export function nextChunk(
  rows: readonly CellValue[][],
  from: number,
  maxChars = CHUNK_CHARS,
): { text: string; end: number } {
  const parts: string[] = [];
  let size = 2;
  let i = from;
  while (i < rows.length) {
    const json = JSON.stringify(rows[i].map(wireCell));
    if (parts.length > 0 && size + json.length + 1 > maxChars) break;
    parts.push(json);
    size += json.length + 1;
    i++;
  }
  return { text: `[${parts.join(',')}]`, end: i };
}

/** The number of chunks `rows` make (what the page announces before sending them). */
export function countChunks(rows: readonly CellValue[][], maxChars = CHUNK_CHARS): number {
  let n = 0;
  for (let from = 0; from < rows.length; n++) from = nextChunk(rows, from, maxChars).end;
  return n;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A chunk's rows back as cells for core: {d} becomes the instant that wall-clock time is in `timeZone`.
 * Throws on anything that is not a chunk as nextChunk makes them.
 */
export function decodeChunk(text: string, timeZone: string): Grid {
  const rows: unknown = JSON.parse(text);
  if (!Array.isArray(rows)) throw new Error('chunk: not a list of rows');
  const grid: Grid = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row)) throw new Error(`chunk: row ${i} is not a list`);
    const cells: CellValue[] = new Array(row.length);
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v === 'string' || typeof v === 'boolean') cells[j] = v;
      else if (typeof v === 'number' && Number.isFinite(v)) cells[j] = v;
      else if (isPlainObject(v) && typeof v.d === 'number' && Number.isFinite(v.d))
        cells[j] = new Date(epochFromWallClock(v.d, timeZone));
      else throw new Error(`chunk: row ${i}, cell ${j} is not a cell value`);
    }
    grid[i] = cells;
  }
  return grid;
}

/** `text` cut into pieces of at most `max` characters, never between the two halves of a surrogate pair
 *  (a lone half would not survive a sheet cell). */
export function splitPieces(text: string, max = PIECE_CHARS): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + max, text.length);
    const c = text.charCodeAt(end - 1);
    if (end < text.length && c >= 0xd800 && c <= 0xdbff) end--;
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces.length > 0 ? pieces : [''];
}
