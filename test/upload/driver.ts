// The upload page's own pipeline (sidebar/upload/read.ts and send.ts) driven from Node, with the BUILT
// bundle behind a google.script.run bridge (local/bridge.ts: the wire's JSON rules): the same code as in
// the browser minus the DOM, so every format can be compared with a paste into Impor quickly. The browser
// test (test/browser/upload.test.ts) covers the page itself.
import * as XLSX from '@e965/xlsx/dist/xlsx.mini.min.js';
import { createBridge } from '../../local/bridge';
import { readCsv, readXlsx, type XlsxLib } from '../../sidebar/upload/read';
import { planFile, sendFile, type UploadServer } from '../../sidebar/upload/send';
import type { Lang } from '../../src/core/types';
import type { UploadFileReport } from '../../src/gas/upload';
import type { Shop } from '../hostile/harness';

export interface UploadFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadOutcome {
  reports: (UploadFileReport | { file: string; notImported: string })[];
  /** The call that failed, if one did (the page reports it and ends the upload). */
  error: string | null;
  skipped: string[][];
  /** Per file planned: how its bytes were decoded (null for XLSX). */
  encodings: (string | null)[];
  chunks: number;
}

/** google.script.run to the shop's bundle, as the page's client.ts calls it (a Promise per call). */
export function wire(shop: Shop) {
  const bridge = createBridge(shop.bundle);
  return async <T>(name: string, ...args: unknown[]): Promise<T> => {
    const r = await bridge(name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
}

/** Uploads the files as the page does: begin, each file read → planned → sent → committed, end. */
export async function uploadFiles(
  shop: Shop,
  files: UploadFile[],
  opts: { lang?: Lang; cancelAfterChunks?: number; keepStaging?: boolean; chunkChars?: number } = {},
): Promise<UploadOutcome> {
  const lang = opts.lang ?? 'id';
  const call = wire(shop);
  const server: UploadServer = {
    uploadChunk: (...a) => call('uploadChunk', ...a),
    uploadCommit: (...a) => call('uploadCommit', ...a),
  };
  const out: UploadOutcome = { reports: [], error: null, skipped: [], encodings: [], chunks: 0 };
  let uploadId: string | null = null;
  let sent = 0;
  try {
    uploadId = (
      await call<{ uploadId: string }>(
        'uploadBegin',
        files.map((f) => f.name),
      )
    ).uploadId;
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const read = /\.xlsx$/i.test(f.name)
        ? readXlsx(f.name, f.bytes, lang, XLSX as unknown as XlsxLib)
        : readCsv(f.name, f.bytes, lang);
      if (!read.ok) {
        out.reports.push({ file: f.name, notImported: read.reason });
        continue;
      }
      const plan = planFile(f.name, read.sheets, read.encoding, opts.chunkChars);
      if (!plan) {
        out.reports.push({ file: f.name, notImported: 'no export' });
        continue;
      }
      out.skipped.push(plan.skipped);
      out.encodings.push(plan.encoding);
      out.chunks += plan.chunks;
      const report = await sendFile(server, uploadId, i, plan, {
        cancelled: () => opts.cancelAfterChunks !== undefined && sent >= opts.cancelAfterChunks,
        onChunk: () => {
          sent++;
        },
      });
      if (!report) break;
      out.reports.push(report);
    }
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    if (uploadId && !opts.keepStaging) await call('uploadEnd', uploadId).catch(() => false);
  }
  return out;
}

/**
 * Stages the files as the page does (begin, every chunk) without committing them; `commit()` then makes
 * the page's commit calls, one per file (a test can fault the commit alone), and ends the upload.
 */
export async function stageFiles(
  shop: Shop,
  files: UploadFile[],
  opts: { lang?: Lang; chunkChars?: number } = {},
): Promise<{ commit: () => Promise<{ reports: UploadFileReport[]; error: string | null }> }> {
  const lang = opts.lang ?? 'id';
  const call = wire(shop);
  const commits: { file: number; spec: Parameters<UploadServer['uploadCommit']>[2] }[] = [];
  const server: UploadServer = {
    uploadChunk: (...a) => call('uploadChunk', ...a),
    uploadCommit: async (_id, file, spec) => {
      commits.push({ file, spec });
      return null as unknown as UploadFileReport;
    },
  };
  const { uploadId } = await call<{ uploadId: string }>(
    'uploadBegin',
    files.map((f) => f.name),
  );
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const read = /\.xlsx$/i.test(f.name)
      ? readXlsx(f.name, f.bytes, lang, XLSX as unknown as XlsxLib)
      : readCsv(f.name, f.bytes, lang);
    if (!read.ok) throw new Error(read.reason);
    const plan = planFile(f.name, read.sheets, read.encoding, opts.chunkChars);
    if (!plan) throw new Error('no export');
    await sendFile(server, uploadId, i, plan);
  }
  return {
    commit: async () => {
      const reports: UploadFileReport[] = [];
      let error: string | null = null;
      try {
        for (const c of commits)
          reports.push(await call<UploadFileReport>('uploadCommit', uploadId, c.file, c.spec));
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      await call('uploadEnd', uploadId).catch(() => false);
      return { reports, error };
    },
  };
}
