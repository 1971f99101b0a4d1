// The one CSV file writer: RFC 4180 quoting by the caller's field rule, rows written as they come in ~1 MB
// pieces (a million-line export never sits in memory). The demo command writes grids with rawCsvField, so
// the file reads back exactly as a marketplace's own export would; the Segments table goes through
// output.ts's csvField (formulas neutralised) with CRLF line ends.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CellValue } from '../../src/core/types';

const NEEDS_QUOTES = /[",\r\n]/;

export function rawCsvField(v: CellValue): string {
  const s = v instanceof Date ? v.toISOString() : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const PIECE = 1 << 20;

export class CsvWriter<T = CellValue> {
  private readonly fd: number;
  // Lines are joined, not concatenated: join makes one flat string, where += builds a rope of small pieces
  // that writeSync must walk again.
  private readonly lines: string[] = [];
  private size = 0;

  constructor(
    path: string,
    private readonly field: (v: T) => string = rawCsvField as (v: T) => string,
    private readonly eol: '\n' | '\r\n' = '\n',
  ) {
    this.fd = openSync(path, 'w');
  }

  /** Adds a row; true when the rows so far were written out (a caller may report progress then). */
  row(cells: readonly T[]): boolean {
    const line = cells.map(this.field).join(',');
    this.lines.push(line);
    this.size += line.length;
    if (this.size <= PIECE) return false;
    this.flush();
    return true;
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.lines.push(''); // the last line's end
    writeSync(this.fd, this.lines.join(this.eol));
    this.lines.length = 0;
    this.size = 0;
  }

  close(): void {
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }
}
