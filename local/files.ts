// Reading marketplace export files (CSV or XLSX) into grids, as Sheets would show them after an upload.
//
// CSV: our own streaming tokenizer rather than papaparse (which the tests use as the oracle). A big Shopee
// export has 47 columns and papaparse makes every cell a string, while the one-shot segment needs a dozen
// columns (bench/RESULTS.md). So records are tokenized chunk by chunk into field boundaries, and the
// caller materialises only the fields it wants (CsvRecord.text). Every value stays a string: core parses
// money and dates.
//
// XLSX: exceljs; values as SpreadsheetApp's getValues gives them (numbers, strings, booleans, Dates, '').
//
// The pieces: file-check.ts (is it there, which kind), csv-encoding.ts, csv-tokenizer.ts (records),
// csv-boundaries.ts (record starts found quickly), xlsx-export.ts; this module is the entry.

import { basename } from 'node:path';
import type { Grid } from '../src/core/types';
import { type CsvReadStats, forEachCsvRecord } from './csv-tokenizer';
import { checkReadable, exportFileKind, FileError } from './file-check';
import { readXlsx } from './xlsx-export';

export { lastRecordBefore } from './csv-boundaries';
export {
  type CsvEncoding,
  csvEncoding,
  csvEncodingDecision,
  type EncodingDecision,
  rememberCsvEncoding,
} from './csv-encoding';
export {
  type CsvReadOptions,
  type CsvReadStats,
  type CsvRecord,
  detectDelimiter,
  type FieldMark,
  fieldMark,
  forEachCsvRecord,
} from './csv-tokenizer';
export {
  checkReadable,
  type ExportFileKind,
  exportFileKind,
  FileError,
  type FileErrorKind,
} from './file-check';

// ---------------------------------------------------------------------------------------------- API

export interface ExportSheet {
  /** How problems name it: the file name (CSV) or "file.xlsx › Sheet" (XLSX). */
  name: string;
  grid: Grid;
  /** CSV only: what the reader noticed (unterminated quote, not UTF-8). */
  csv?: CsvReadStats;
}

export interface ReadExportOptions {
  /** The spreadsheet's zone, for XLSX dates (default Asia/Jakarta). */
  timeZone?: string;
  /** CSV delimiter; detected when omitted. */
  delimiter?: string;
}

/** Every sheet of an export file: one for CSV, each worksheet of an XLSX. */
export async function readExportSheets(path: string, opts: ReadExportOptions = {}): Promise<ExportSheet[]> {
  const kind = exportFileKind(path);
  checkReadable(path);
  if (kind === 'xlsx') return readXlsx(path, opts.timeZone ?? 'Asia/Jakarta');
  const grid: Grid = [];
  const csv = forEachCsvRecord(path, (rec) => grid.push(rec.all()), { delimiter: opts.delimiter });
  return [{ name: basename(path), grid, csv }];
}

/** The export in a file as a grid: the CSV, or the first worksheet of an XLSX. */
export async function readExportFile(path: string, opts: ReadExportOptions = {}): Promise<ExportSheet> {
  const sheets = await readExportSheets(path, opts);
  if (sheets.length === 0) throw new FileError('xlsx', path, 'no worksheet');
  return sheets[0];
}
