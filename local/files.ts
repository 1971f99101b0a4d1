// Reading marketplace export files (CSV or XLSX) into grids, as Sheets would show them after an upload.
//
// CSV: our own streaming tokenizer rather than papaparse (which the tests use as the oracle). A big Shopee
// export has 47 columns and papaparse makes every cell a string, while the one-shot segment needs a dozen
// columns (bench/RESULTS.md). So records are tokenized chunk by chunk into field
// boundaries, and the caller materialises only the fields it wants (CsvRecord.text). Every value stays a
// string: core parses money and dates.
//
// XLSX: exceljs; values as SpreadsheetApp's getValues gives them (numbers, strings, booleans, Dates, '').

import { isUtf8 } from 'node:buffer';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { pickDelimiter, SAMPLE_RECORDS } from '../src/core/delimiter';
import {
  decodeWindows1252,
  type RefusedEncoding,
  SNIFF_BYTES,
  sniffEncoding,
  type TextEncodingName,
  unmarkedEncoding,
} from '../src/core/encoding';
import { epochFromWallClock } from '../src/core/time';
import type { CellValue, Grid } from '../src/core/types';

export type FileErrorKind = 'missing' | 'directory' | 'unreadable' | 'extension' | 'xlsx' | 'encoding';

/** A file that cannot be read at all; `kind` lets the caller word the message in the seller's language. */
export class FileError extends Error {
  constructor(
    readonly kind: FileErrorKind,
    readonly path: string,
    readonly detail = '',
    /** kind 'encoding': the encoding refused (core's rule, src/core/encoding.ts). */
    readonly refused?: { encoding: RefusedEncoding; bom: boolean },
  ) {
    super(`${path}: ${kind}${detail ? ` (${detail})` : ''}`);
    this.name = 'FileError';
  }
}

export type ExportFileKind = 'csv' | 'xlsx';

/** .csv/.tsv/.txt → csv, .xlsx → xlsx; anything else is a FileError('extension'). */
export function exportFileKind(path: string): ExportFileKind {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new FileError('extension', path, ext || '—');
}

/** Throws FileError unless `path` is a readable file. Returns its size in bytes. */
export function checkReadable(path: string): number {
  if (!existsSync(path)) throw new FileError('missing', path);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new FileError('directory', path);
    size = st.size;
    closeSync(openSync(path, 'r'));
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError('unreadable', path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
  return size;
}

// ---------------------------------------------------------------------------------------------- CSV

const QUOTE = 34;
const LF = 10;
const CR = 13;
const CHUNK_BYTES = 8 << 20;
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

function readChunk(fd: number, buf: Buffer, at: number, position: number, path: string): number {
  try {
    return at >= buf.length ? 0 : readSync(fd, buf, at, buf.length - at, position);
  } catch (e) {
    throw new FileError('unreadable', path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/** UTF-16 files (Excel's "Unicode text") and Windows-1252 ones (Excel's "CSV" on Windows) are rare and
 *  small: transcoded whole to UTF-8, which the tokenizer reads. */
function transcodedSource(fd: number, total: number, encoding: TextEncodingName, bomBytes: number): Buffer {
  const all = Buffer.allocUnsafe(total);
  let n = 0;
  for (;;) {
    const k = readSync(fd, all, n, total - n, n);
    if (k === 0) break;
    n += k;
  }
  const body = all.subarray(bomBytes, n);
  const text =
    encoding === 'windows-1252'
      ? decodeWindows1252(body)
      : encoding === 'utf-16le'
        ? body.toString('utf16le')
        : new TextDecoder('utf-16be').decode(body);
  return Buffer.from(text, 'utf8');
}

/** Whether bytes [from, total) of the file are all valid UTF-8: one pass, in chunks cut before their last
 *  (possibly incomplete) character, which is carried into the next chunk. */
function fileIsUtf8(fd: number, total: number, from: number): boolean {
  const buf = Buffer.allocUnsafe(Math.max(8, Math.min(CHUNK_BYTES, total)));
  let carry = 0;
  let pos = from;
  for (;;) {
    const n = carry + readSync(fd, buf, carry, buf.length - carry, pos);
    pos += n - carry;
    const eof = n === carry || pos >= total;
    let cut = n;
    if (!eof) {
      cut = n - 1;
      while (cut > n - 4 && cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--;
    }
    if (!isUtf8(buf.subarray(0, cut))) return false;
    if (eof) return true;
    buf.copy(buf, 0, cut, n);
    carry = n - cut;
  }
}

export interface CsvEncoding {
  encoding: TextEncodingName;
  bomBytes: number;
}

/** A file's encoding as decided for one version of it (size and modification time). */
export interface EncodingDecision {
  size: number;
  mtimeMs: number;
  found: CsvEncoding;
}

const decided = new Map<string, EncodingDecision>();

/** What csvEncoding decided for this file, to hand to another thread (rememberCsvEncoding): a worker that
 *  reads part of the file then makes no pass over all of its bytes again. */
export function csvEncodingDecision(path: string): EncodingDecision {
  csvEncoding(path);
  return decided.get(path) as EncodingDecision;
}

export function rememberCsvEncoding(path: string, decision: EncodingDecision): void {
  decided.set(path, decision);
}

/**
 * The encoding of a CSV file by core's rule (src/core/encoding.ts): its byte-order mark, else UTF-8 when
 * every byte of the file is, else Windows-1252. A refused encoding (UTF-16 without a BOM, UTF-32, a BOM
 * the bytes break) is a FileError('encoding'). The answer is remembered per file and version: a file is
 * read several times (header, parts, a restart) and the pass over its bytes is done once.
 */
export function csvEncoding(path: string, fd?: number): CsvEncoding {
  const st = statSync(path);
  const known = decided.get(path);
  if (known && known.size === st.size && known.mtimeMs === st.mtimeMs) return known.found;
  const own = fd === undefined;
  const handle = fd ?? openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, st.size));
    readSync(handle, head, 0, head.length, 0);
    const sniffed = sniffEncoding(head);
    let found: CsvEncoding;
    if (sniffed.kind === 'refused') {
      throw new FileError('encoding', path, sniffed.encoding, {
        encoding: sniffed.encoding,
        bom: sniffed.bom,
      });
    } else if (sniffed.kind === 'bom' && sniffed.encoding !== 'utf-8') {
      found = { encoding: sniffed.encoding, bomBytes: sniffed.bomBytes };
    } else {
      const bomBytes = sniffed.kind === 'bom' ? sniffed.bomBytes : 0;
      const valid = fileIsUtf8(handle, st.size, bomBytes);
      if (!valid && bomBytes > 0)
        throw new FileError('encoding', path, 'UTF-8', { encoding: 'UTF-8', bom: true });
      found = { encoding: unmarkedEncoding(valid), bomBytes };
    }
    decided.set(path, { size: st.size, mtimeMs: st.mtimeMs, found });
    return found;
  } finally {
    if (own) closeSync(handle);
  }
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

// ---------------------------------------------------------------------------------------------- XLSX

/** exceljs's cell value as Sheets' getValues would give it. */
function sheetsValue(v: ExcelJS.CellValue, timeZone: string): CellValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return wallClockDate(v, timeZone);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as ExcelJS.CellFormulaValue).result;
      if (
        result !== undefined &&
        typeof result === 'object' &&
        result !== null &&
        !(result instanceof Date)
      ) {
        return 'error' in result ? String(result.error) : '';
      }
      return sheetsValue((result ?? null) as ExcelJS.CellValue, timeZone);
    }
    if ('error' in v) return String(v.error); // '#N/A' etc., as Sheets shows them
    if ('text' in v) return sheetsValue((v as ExcelJS.CellHyperlinkValue).text, timeZone);
  }
  return String(v);
}

/**
 * An .xlsx date has no zone: exceljs returns it as if the wall-clock time were UTC. Sheets returns the
 * instant that wall-clock time is in the spreadsheet's zone, and core expects that.
 */
function wallClockDate(d: Date, timeZone: string): Date {
  if (!Number.isFinite(d.getTime())) return d;
  return new Date(epochFromWallClock(d.getTime(), timeZone));
}

function worksheetGrid(ws: ExcelJS.Worksheet, timeZone: string): Grid {
  const rows: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      values[c - 1] = sheetsValue(cell.value, timeZone);
    });
    rows[n - 1] = values;
    width = Math.max(width, values.length);
  });
  // Rectangular, like getDataRange().getValues(): blanks are ''.
  const grid: Grid = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const out = new Array<CellValue>(width);
    for (let j = 0; j < width; j++) out[j] = r[j] ?? '';
    grid[i] = out;
  }
  return grid;
}

async function readXlsx(path: string, timeZone: string): Promise<ExportSheet[]> {
  // Loaded when an XLSX is read: the CSV path (and its worker threads) never pays for it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new FileError('xlsx', path, e instanceof Error ? e.message : String(e));
  }
  return wb.worksheets.map((ws) => ({
    name: `${basename(path)} › ${ws.name}`,
    grid: worksheetGrid(ws, timeZone),
  }));
}

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
