// Where CSV records start, found quickly (indexOf over the bytes, no fields made): for a thread that reads a
// later part of a file and must know where records start and which row they are.
import { closeSync, openSync, readSync } from 'node:fs';
import { CR, LF, QUOTE } from './csv-tokenizer';
import { CHUNK_BYTES, checkReadable, readChunk } from './file-check';

/**
 * Finds record boundaries in a buffer as tokenize does, with indexOf instead of a look at every byte: only
 * quotes that open a field (at the record's start or right after a delimiter) and line breaks outside
 * them matter. The next quote and CR are remembered, so a file without them is not searched again and
 * again to the end of the buffer.
 */
class Boundaries {
  private quoteAt = -2;
  private crAt = -2;

  constructor(
    private readonly buf: Buffer,
    private readonly n: number,
    private readonly delim: number,
    private readonly eof: boolean,
  ) {}

  /** The next byte ≥ p equal to b (QUOTE or CR), or n: remembered while p has not passed it. */
  private next(b: number, p: number, at: number): number {
    if (at >= p) return at;
    const i = this.buf.indexOf(b, p);
    return i < 0 || i >= this.n ? this.n : i;
  }

  /** Where the record after the one starting at p starts, or -1 when it does not end within the buffer
   *  and more of the file follows. */
  recordEnd(p: number): number {
    const { buf, n, delim, eof } = this;
    const recordStart = p;
    for (;;) {
      let lb = buf.indexOf(LF, p);
      if (lb < 0 || lb >= n) lb = n;
      this.crAt = this.next(CR, p, this.crAt);
      if (this.crAt < lb) lb = this.crAt;
      this.quoteAt = this.next(QUOTE, p, this.quoteAt);
      const q = this.quoteAt;
      if (q >= lb) {
        if (lb >= n) return eof ? n : -1; // the last record, without a line break
        if (buf[lb] !== CR) return lb + 1;
        if (lb + 1 >= n && !eof) return -1;
        return lb + 1 < n && buf[lb + 1] === LF ? lb + 2 : lb + 1;
      }
      if (q !== recordStart && buf[q - 1] !== delim) {
        p = q + 1; // a quote inside a field is text
        continue;
      }
      // A quoted field, to its closing quote ("" is a quote inside it); an unterminated one runs to the end.
      let e = q + 1;
      for (;;) {
        e = buf.indexOf(QUOTE, e);
        if (e < 0 || e >= n) return eof ? n : -1;
        if (e + 1 >= n && !eof) return -1;
        if (e + 1 < n && buf[e + 1] === QUOTE) {
          e += 2;
          continue;
        }
        break;
      }
      p = e + 1;
    }
  }
}

/**
 * The last record that starts before byte `limit`: its offset and row (the first record when none other
 * does). A quick pass (it makes no fields: bench/RESULTS.md) for a thread that reads a later part of
 * the file and must know where records start and which row they are. UTF-8 (with or without a BOM) only.
 */
export function lastRecordBefore(
  path: string,
  limit: number,
  delimiter: string,
  chunkBytes = CHUNK_BYTES,
): { offset: number; row: number } {
  const total = checkReadable(path);
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(3);
    readSync(fd, head, 0, 3, 0);
    let start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    let row = 1;
    const d = delimiter.charCodeAt(0);
    let buf = Buffer.allocUnsafe(Math.max(1, Math.min(chunkBytes, total)));
    while (start < total) {
      // buf holds the file from `start`, the current record's first byte.
      const n = readChunk(fd, buf, 0, start, path);
      const eof = start + n >= total;
      const bounds = new Boundaries(buf, n, d, eof);
      let p = 0;
      for (;;) {
        const next = bounds.recordEnd(p);
        if (next < 0) break; // read on from this record
        if ((eof && next >= n) || start + next >= limit) return { offset: start + p, row };
        p = next;
        row++;
      }
      if (p === 0) buf = Buffer.allocUnsafe(buf.length * 2); // one record longer than the buffer
      start += p;
    }
    return { offset: start, row };
  } finally {
    closeSync(fd);
  }
}
