// A CSV file's encoding, decided once per version of the file (core's rule, src/core/encoding.ts): UTF-8 read
// as it is, the rare UTF-16 and Windows-1252 files transcoded whole.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import {
  decodeWindows1252,
  SNIFF_BYTES,
  sniffEncoding,
  type TextEncodingName,
  unmarkedEncoding,
} from '../src/core/encoding';
import { CHUNK_BYTES, FileError } from './file-check';

/** UTF-16 files (Excel's "Unicode text") and Windows-1252 ones (Excel's "CSV" on Windows) are rare and
 *  small: transcoded whole to UTF-8, which the tokenizer reads. */
export function transcodedSource(
  fd: number,
  total: number,
  encoding: TextEncodingName,
  bomBytes: number,
): Buffer {
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
