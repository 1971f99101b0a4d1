// What every reader of an export file checks first: that the file is there and readable, and its kind;
// FileError names what is wrong so the caller can word it in the seller's language.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { RefusedEncoding } from '../src/core/encoding';

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

/** Bytes read at a time by the CSV readers. */
export const CHUNK_BYTES = 8 << 20;

/** Reads into buf[at…] from `position`; a read error is a FileError('unreadable'). */
export function readChunk(fd: number, buf: Buffer, at: number, position: number, path: string): number {
  try {
    return at >= buf.length ? 0 : readSync(fd, buf, at, buf.length - at, position);
  } catch (e) {
    throw new FileError('unreadable', path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
