// Plain CSV writing for grids (the demo command's exports): RFC 4180 quoting, nothing else changed, so the
// file reads back exactly as a marketplace's own export would.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { CellValue } from '../../src/core/types';

const NEEDS_QUOTES = /[",\r\n]/;

export function rawCsvField(v: CellValue): string {
  const s = v instanceof Date ? v.toISOString() : String(v);
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Writes rows as they come (a million-line export never sits in memory). */
export class CsvWriter {
  private readonly fd: number;
  private buf = '';

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  row(cells: readonly CellValue[]): void {
    let line = '';
    for (let j = 0; j < cells.length; j++) line += (j === 0 ? '' : ',') + rawCsvField(cells[j]);
    this.buf += `${line}\n`;
    if (this.buf.length > 1 << 20) {
      writeSync(this.fd, this.buf);
      this.buf = '';
    }
  }

  close(): void {
    try {
      if (this.buf) writeSync(this.fd, this.buf);
    } finally {
      closeSync(this.fd);
    }
  }
}
