// One file's way to the server, without the page around it (the Node tests drive it with the bundle as
// the server): its sheets projected (core/upload.ts), sheets without an export skipped, the chunks sent in
// order, then the commit that merges the file, all of it or nothing.
import type { TextEncodingName } from '../../src/core/encoding';
import type { CellValue, Grid } from '../../src/core/types';
import { CHUNK_CHARS, countChunks, nextChunk, projectSheet } from '../../src/core/upload';
import type { UploadFileReport, UploadFileSpec } from '../../src/gas/upload';

export interface FilePlan {
  spec: UploadFileSpec;
  sheets: { rows: CellValue[][]; chunks: number }[];
  /** Sheets with no export header (not sent). */
  skipped: string[];
  /** Rows read from the file. */
  rows: number;
  chunks: number;
  encoding: TextEncodingName | null;
  /** JSON characters per chunk (core/upload.ts CHUNK_CHARS; tests make it small). */
  chunkChars: number;
}

/** What to send of a file read into sheets; null when no sheet holds an export. */
export function planFile(
  name: string,
  sheets: { label: string; grid: Grid }[],
  encoding: TextEncodingName | null,
  chunkChars = CHUNK_CHARS,
): FilePlan | null {
  const plan: FilePlan = {
    spec: { name, sheets: [] },
    sheets: [],
    skipped: [],
    rows: 0,
    chunks: 0,
    encoding,
    chunkChars,
  };
  for (const s of sheets) {
    plan.rows += s.grid.length;
    const projected = projectSheet(s.grid);
    if (!projected) {
      plan.skipped.push(s.label);
      continue;
    }
    const chunks = countChunks(projected.rows, chunkChars);
    plan.spec.sheets.push({ label: s.label, rows: projected.rows.length, chunks });
    plan.sheets.push({ rows: projected.rows, chunks });
    plan.chunks += chunks;
  }
  return plan.sheets.length > 0 ? plan : null;
}

/** The server functions a file needs (google.script.run through sidebar/shared/client.ts, or a test's). */
export interface UploadServer {
  uploadChunk(uploadId: string, file: number, sheet: number, chunk: number, text: string): Promise<number>;
  uploadCommit(uploadId: string, file: number, spec: UploadFileSpec): Promise<UploadFileReport>;
}

/**
 * Sends a planned file and commits it. `cancelled` is asked before every call: true stops before the
 * commit (nothing of this file is merged) and resolves to null.
 */
export async function sendFile(
  server: UploadServer,
  uploadId: string,
  fileIndex: number,
  plan: FilePlan,
  hooks: { cancelled?: () => boolean; onChunk?: (sent: number) => void; onCommit?: () => void } = {},
): Promise<UploadFileReport | null> {
  const cancelled = hooks.cancelled ?? (() => false);
  let sent = 0;
  for (let s = 0; s < plan.sheets.length; s++) {
    const { rows, chunks } = plan.sheets[s];
    let from = 0;
    for (let k = 0; k < chunks; k++) {
      if (cancelled()) return null;
      const chunk = nextChunk(rows, from, plan.chunkChars);
      from = chunk.end;
      await server.uploadChunk(uploadId, fileIndex, s, k, chunk.text);
      hooks.onChunk?.(++sent);
    }
  }
  if (cancelled()) return null;
  hooks.onCommit?.();
  return server.uploadCommit(uploadId, fileIndex, plan.spec);
}
