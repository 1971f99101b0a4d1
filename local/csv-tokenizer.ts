// CSV records, tokenized chunk by chunk into field boundaries; the caller materialises only the fields it
// wants (CsvRecord.text). Every value stays a string: core parses money and dates.
import { closeSync, openSync, readSync } from 'node:fs';
import { pickDelimiter, SAMPLE_RECORDS } from '../src/core/delimiter';
import type { TextEncodingName } from '../src/core/encoding';
import { csvEncoding, transcodedSource } from './csv-encoding';
import { CHUNK_BYTES, checkReadable, FileError, readChunk } from './file-check';

// ---------------------------------------------------------------------------------------------- CSV

export const QUOTE = 34;
export const LF = 10;
export const CR = 13;
/** Field flags. */
const ESCAPED = 1; // quoted, holds "" escapes
const TAIL = 2; // quoted, with text after the closing quote
const WIDE = 4; // holds bytes ≥ 0x80: decode as UTF-8, not from the Latin-1 view (the bytes are UTF-8:
// a file that is not is transcoded first, see csvEncoding)

/** One CSV record. Fields are materialised on demand, as independent strings. */
export interface CsvRecord {
  /** 1-based record number: the row a spreadsheet shows it on (a quoted multi-line cell is one row). */
  readonly row: number;
  /** Byte offset in the file where the record starts (in the transcoded bytes, see CsvReadStats). */
  readonly offset: number;
  /** Byte offset where the next record starts (after this one's line break). */
  readonly end: number;
  /** Number of fields. */
  readonly size: number;
  /** Field i ('' beyond the end), quotes removed and "" unescaped: a string of its own (it shares no
   *  memory with the read buffer, so keeping it keeps nothing else alive). */
  text(i: number): string;
  /** Remembers where field i's bytes are, for `same`. */
  mark(i: number, into: FieldMark): void;
  /** Whether field i holds exactly the bytes marked (in the same read chunk): then its text is the marked
   *  field's, with no string made. A no may be wrong (another chunk, a field with text after its closing
   *  quote): it only costs the string. */
  same(i: number, mark: FieldMark): boolean;
  /** Length in bytes of field i's raw text (quotes excluded): a cheap test before materialising. */
  rawLength(i: number): number;
  /** First byte of field i (an ASCII code when < 0x80), or -1 when it is empty. */
  firstCode(i: number): number;
  /** Every field. */
  all(): string[];
}

/** See CsvRecord.mark. */
export interface FieldMark {
  chunk: number;
  start: number;
  end: number;
  flags: number;
}

export function fieldMark(): FieldMark {
  return { chunk: -1, start: 0, end: 0, flags: 0 };
}

export interface CsvReadStats {
  /** Row number of the last record read (from the file start: the count of records). */
  records: number;
  delimiter: string;
  bytes: number;
  /** Row where a quoted cell opens and never closes (the rest of the file became one cell), or null. */
  unterminatedQuoteRow: number | null;
  /** How the bytes were decoded (core's rule): 'windows-1252' is worth telling the seller. */
  encoding: TextEncodingName;
  /** Byte offset where reading ended: the start of the record `stopBefore` refused, else the file size. */
  end: number;
  /** Whether the source was transcoded (UTF-16, Windows-1252): offsets are then not file positions. */
  transcoded: boolean;
}

export interface CsvReadOptions {
  /** ',', ';' or '\t'; detected from the first records when omitted. */
  delimiter?: string;
  /** Called after each chunk with the bytes read so far and the file size. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Bytes read at a time (default 8 MB; tests use tiny chunks to cross every boundary). */
  chunkBytes?: number;
  /** Start reading at this byte offset, which must be where a record starts (an `end` or `offset` seen
   *  before, never inside a BOM); `delimiter` is then required. Default: the file's start. */
  start?: number;
  /** Row number of the first record read (default 1): with `start`, the records before it plus one. */
  firstRow?: number;
  /** Asked of every record before it is emitted: true ends the read there (the record is not emitted). */
  stopBefore?: (rec: CsvRecord) => boolean;
}

/**
 * The tokenizer works on bytes (delimiters, quotes and line breaks are ASCII, so UTF-8 needs no decoding to
 * find them). A field becomes a string only when asked for: an ASCII one as Latin-1, which is a plain copy;
 * one with other bytes decoded as UTF-8.
 */
class Cursor implements CsvRecord {
  row = 0;
  offset = 0;
  end = 0;
  /** File offset of buf[0]. */
  base = 0;
  size = 0;
  buf: Buffer = Buffer.alloc(0);
  /** Counts the chunks read: a mark from another chunk points at bytes since moved. */
  chunk = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  flags = new Uint8Array(256);
  tails: string[] = [];

  push(start: number, end: number, flag: number): void {
    if (this.size === this.starts.length) {
      const n = this.size * 2;
      const s = new Int32Array(n);
      s.set(this.starts);
      this.starts = s;
      const e = new Int32Array(n);
      e.set(this.ends);
      this.ends = e;
      const f = new Uint8Array(n);
      f.set(this.flags);
      this.flags = f;
    }
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.flags[this.size] = flag;
    this.size++;
  }

  text(i: number): string {
    if (i >= this.size) return '';
    const a = this.starts[i];
    const b = this.ends[i];
    const f = this.flags[i];
    if (a === b && f === 0) return '';
    let v = this.buf.toString((f & WIDE) !== 0 ? 'utf8' : 'latin1', a, b);
    if (f === 0) return v;
    if ((f & ESCAPED) !== 0) v = v.replaceAll('""', '"');
    if ((f & TAIL) !== 0) v += this.tails[i];
    return v;
  }

  mark(i: number, into: FieldMark): void {
    into.chunk = this.chunk;
    if (i >= this.size) {
      into.start = into.end = into.flags = 0;
      return;
    }
    into.start = this.starts[i];
    into.end = this.ends[i];
    into.flags = this.flags[i];
  }

  same(i: number, m: FieldMark): boolean {
    if (m.chunk !== this.chunk) return false;
    if (i >= this.size) return m.start === m.end && m.flags === 0;
    const a = this.starts[i];
    const n = this.ends[i] - a;
    const f = this.flags[i];
    if (n !== m.end - m.start || f !== m.flags || (f & TAIL) !== 0) return false;
    const buf = this.buf;
    const b = m.start;
    if (a === b) return true;
    for (let k = 0; k < n; k++) if (buf[a + k] !== buf[b + k]) return false;
    return true;
  }

  rawLength(i: number): number {
    return i < this.size ? this.ends[i] - this.starts[i] : 0;
  }

  firstCode(i: number): number {
    return i < this.size && this.ends[i] > this.starts[i] ? this.buf[this.starts[i]] : -1;
  }

  all(): string[] {
    const out = new Array<string>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.text(i);
    return out;
  }
}

/**
 * Tokenizes the complete records in buf[from, len); returns where the first incomplete record starts (len
 * when all were complete). At EOF every record is complete: an unterminated quote runs to the end.
 */
function tokenize(
  buf: Buffer,
  from: number,
  len: number,
  delim: number,
  eof: boolean,
  cur: Cursor,
  emit: (rec: Cursor) => boolean | undefined,
  onUnterminated: (row: number) => void,
): number {
  const special = Math.max(delim, LF, CR);
  let p = from;
  while (p < len) {
    const recordStart = p;
    cur.size = 0;
    cur.offset = cur.base + p;
    for (;;) {
      let c = buf[p];
      if (c === QUOTE) {
        let q = p + 1;
        let flag = 0;
        for (;;) {
          q = buf.indexOf(QUOTE, q);
          if (q < 0 || q >= len) {
            if (!eof) return recordStart;
            onUnterminated(cur.row + 1);
            q = len;
            break;
          }
          if (q + 1 >= len && !eof) return recordStart; // "" may straddle the chunk boundary
          if (q + 1 < len && buf[q + 1] === QUOTE) {
            q += 2;
            flag = ESCAPED;
            continue;
          }
          break;
        }
        const start = p + 1;
        for (let k = start; k < q; k++) {
          if (buf[k] >= 0x80) {
            flag |= WIDE;
            break;
          }
        }
        p = Math.min(q + 1, len);
        // Text between the closing quote and the delimiter is kept, as spreadsheets do.
        let t = p;
        while (t < len) {
          c = buf[t];
          if (c === delim || c === LF || c === CR) break;
          t++;
        }
        if (t >= len && !eof) return recordStart;
        if (t > p) {
          cur.tails[cur.size] = buf.toString('utf8', p, t);
          flag |= TAIL;
        }
        cur.push(start, q, flag);
        p = t;
      } else {
        // Unquoted: up to the next delimiter or line break.
        let q = p;
        let high = 0;
        while (q < len) {
          c = buf[q];
          // Letters and most digits are above every special byte: one comparison for them.
          if (c <= special && (c === delim || c === LF || c === CR)) break;
          high |= c;
          q++;
        }
        if (q >= len && !eof) return recordStart;
        cur.push(p, q, high >= 0x80 ? WIDE : 0);
        p = q;
      }
      if (p >= len) break;
      c = buf[p];
      if (c === delim) {
        p++;
        if (p >= len) {
          if (!eof) return recordStart;
          cur.push(p, p, 0); // "a,b," at EOF: a last empty field
          break;
        }
        continue;
      }
      if (c === CR) {
        if (p + 1 >= len && !eof) return recordStart;
        if (p + 1 < len && buf[p + 1] === LF) p++;
      }
      p++;
      break;
    }
    cur.row++;
    cur.end = cur.base + p;
    if (emit(cur) === true) {
      cur.row--;
      return -1 - recordStart; // stopped before this record: -1 - its start
    }
  }
  return p;
}

/** Enough for dozens of records of any export. */
const SAMPLE_BYTES = 64 << 10;

/** The delimiter of a sample of the file's first bytes, by core's rule (src/core/delimiter.ts). */
export function detectDelimiter(sample: Buffer | string): string {
  let bytes = typeof sample === 'string' ? Buffer.from(sample, 'utf8') : sample;
  if (bytes.length > SAMPLE_BYTES) {
    // Whole lines only: the sample may end inside a record.
    const cut = bytes.lastIndexOf(LF, SAMPLE_BYTES);
    bytes = bytes.subarray(0, cut > 0 ? cut : SAMPLE_BYTES);
  }
  return pickDelimiter((d) => {
    const counts: number[] = [];
    const cur = new Cursor();
    tokenize(
      bytes,
      0,
      bytes.length,
      d.charCodeAt(0),
      true,
      cur,
      (r) => {
        counts.push(r.size);
        return counts.length >= SAMPLE_RECORDS ? true : undefined;
      },
      () => {},
    );
    return counts;
  });
}

/**
 * Streams the records of a CSV file to `onRecord` (synchronously, chunk by chunk). The record object is
 * reused: read what you need inside the callback. The bytes are decoded by core's rule (csvEncoding): a
 * UTF-8 BOM is skipped, UTF-16 and Windows-1252 files are transcoded. Line breaks: LF, CRLF or CR. A
 * trailing line break ends the last record (no empty row).
 */
export function forEachCsvRecord(
  path: string,
  onRecord: (rec: CsvRecord) => void,
  opts: CsvReadOptions = {},
): CsvReadStats {
  const total = checkReadable(path);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new FileError('unreadable', path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  const stats: CsvReadStats = {
    records: 0,
    delimiter: opts.delimiter ?? ',',
    bytes: total,
    unterminatedQuoteRow: null,
    encoding: 'utf-8',
    end: total,
    transcoded: false,
  };
  const cur = new Cursor();
  cur.row = (opts.firstRow ?? 1) - 1;
  const onUnterminated = (row: number) => {
    stats.unterminatedQuoteRow ??= row;
  };
  const stopBefore = opts.stopBefore;
  const emit = stopBefore
    ? (rec: Cursor) => {
        if (stopBefore(rec)) return true;
        onRecord(rec);
        return undefined;
      }
    : (rec: Cursor) => {
        onRecord(rec);
        return undefined;
      };
  try {
    let buf: Buffer = Buffer.allocUnsafe(opts.chunkBytes ?? Math.min(CHUNK_BYTES, Math.max(total, 1024)));
    let filled = 0;
    /** File position of the next read; buf[0] is at pos - filled. */
    let pos = 0;
    let eof = false;
    let fromMemory = false;
    const { encoding, bomBytes } = csvEncoding(path, fd);
    stats.encoding = encoding;
    if (opts.start !== undefined && opts.start > 0) {
      if (opts.delimiter === undefined) throw new Error('forEachCsvRecord: start needs the delimiter');
      if (encoding !== 'utf-8') throw new Error('forEachCsvRecord: start is for UTF-8 files only');
      pos = opts.start;
    } else if (encoding !== 'utf-8') {
      buf = transcodedSource(fd, total, encoding, bomBytes);
      filled = buf.length;
      eof = true;
      fromMemory = true;
      stats.transcoded = true;
      stats.end = buf.length;
      stats.delimiter = opts.delimiter ?? detectDelimiter(buf.subarray(0, SAMPLE_BYTES));
    } else {
      // The first bytes decide the delimiter.
      const sample = Buffer.allocUnsafe(Math.min(SAMPLE_BYTES, Math.max(total, 1)));
      const head = sample.subarray(0, readSync(fd, sample, 0, sample.length, 0));
      pos = bomBytes; // skip the UTF-8 BOM
      stats.delimiter = opts.delimiter ?? detectDelimiter(head.subarray(bomBytes));
    }
    const d = stats.delimiter.charCodeAt(0);
    for (;;) {
      if (!eof && !fromMemory && filled < buf.length) {
        const n = readChunk(fd, buf, filled, pos, path);
        filled += n;
        pos += n;
        eof = n === 0;
        if (!eof) continue; // fill the buffer before tokenizing
      }
      cur.buf = buf;
      cur.base = fromMemory ? 0 : pos - filled;
      cur.chunk++;
      const used = tokenize(buf, 0, filled, d, eof, cur, emit, onUnterminated);
      if (used < 0) {
        stats.end = cur.base + (-1 - used);
        break;
      }
      opts.onProgress?.(fromMemory ? total : pos, total);
      if (eof) break;
      // Carry the incomplete record to the front; a record longer than the buffer grows it.
      const rest = filled - used;
      if (rest * 2 > buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, used, filled);
        buf = bigger;
      } else buf.copy(buf, 0, used, filled);
      filled = rest;
    }
    stats.records = cur.row;
  } finally {
    closeSync(fd);
  }
  return stats;
}
