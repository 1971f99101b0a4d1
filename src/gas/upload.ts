// The server side of "Impor dari file": the page reads each file in the browser, projects it to the
// columns an export format needs (core/upload.ts) and sends it in chunks; here the chunks wait in a hidden
// staging sheet of this upload's own, and a file is merged into the store only once all of its chunks
// are there — by core's parseExport and the importer's one write path (mergeIntoStore), under the
// document lock, as the menu's Impor does. Per file: a failed call, a cancel or a closed sidebar before
// the commit leaves the store as it was (nothing of the file is merged); a failure DURING the merge is
// rolled back by the commit's undo log (importer.ts, undo.ts) and says the store was left as it was. Only
// an execution stopped dead mid-merge leaves part of the file in (every order whole, old or new); uploading
// the same file again completes it (the importer's guarantee).
//
// Why a sheet: a big export is tens of megabytes of projected text, and CacheService (100 KB a value) and
// PropertiesService (9 KB a value, 500 KB in all) are far too small. In the sheet each chunk's text is cut
// into cells of 49,000 characters (Sheets' limit is 50,000), so a file waits in a few cells per megabyte,
// in plain text (nothing converted, no formula). Row 1 holds the upload's description and when it was last touched; a
// staging sheet nobody touched for STALE_MS is an interrupted upload, deleted (and reported) by the next
// sidebar that opens.
import { parseExport } from '../core/exports';
import { problemRowCount } from '../core/store';
import { t } from '../core/text';
import type { Grid, ParsedExport, Problem } from '../core/types';
import { decodeChunk, splitPieces } from '../core/upload';
import { currentEnv, type Env, withDocumentLock } from './context';
import { mergeIntoStore } from './importer';
import { writeProblems } from './problems';
import { writeRows } from './sheets';

/** Staging sheets are named with this prefix and the upload's id. */
export const STAGING_PREFIX = '~kenali-upload-';
/** Longer than any silence of a live upload: a commit may run up to Apps Script's 6 minutes. */
export const STALE_MS = 15 * 60_000;
const MAX_LISTED = 8;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

interface StagingMeta {
  id: string;
  files: string[];
  committed: number[];
  startedAt: number;
}

/** What the page declares about one file at its commit: each sheet's label and how much it sent. */
export interface UploadFileSpec {
  name: string;
  sheets: { label: string; rows: number; chunks: number }[];
}

export interface UploadFileReport {
  /** false: not merged (a store row unreadable); the store is unchanged. */
  ok: boolean;
  file: string;
  newOrders: number;
  updatedOrders: number;
  unchangedOrders: number;
  newPayments: number;
  updatedPayments: number;
  /** Problems of this file (rows not imported are errors). */
  problems: number;
  errorRows: number;
  /** The first problems, as lines for the report. */
  problemLines: string[];
  /** The problems sheet, when it lists something. */
  problemsSheet: string | null;
  message: string;
}

export interface UploadOpenView {
  lang: Env['lang'];
  /** Files of interrupted uploads that were cleaned up now (never merged). */
  interrupted: string[];
  /** Another upload is running (or stopped less than STALE_MS ago). */
  othersActive: boolean;
}

function stagingSheets(env: Env): Sheet[] {
  return env.ss.getSheets().filter((s) => s.getName().startsWith(STAGING_PREFIX));
}

function readMeta(sheet: Sheet): { meta: StagingMeta | null; touched: number } {
  const [[metaText, touchedText]] = sheet.getRange(1, 1, 1, 2).getValues();
  let meta: StagingMeta | null = null;
  try {
    meta = JSON.parse(String(metaText)) as StagingMeta;
  } catch {
    meta = null;
  }
  return { meta, touched: Number(touchedText) || 0 };
}

function writeMeta(sheet: Sheet, meta: StagingMeta, now: number): void {
  writeRows(sheet, 1, [[JSON.stringify(meta), String(now)]], ['text', 'text']);
}

function touch(sheet: Sheet, now: number): void {
  const cell = sheet.getRange(1, 2);
  cell.setNumberFormat('@');
  cell.setValue(String(now));
}

function stagingOf(env: Env, uploadId: string): Sheet {
  const id = String(uploadId);
  const sheet = /^[0-9a-z-]{1,64}$/i.test(id) ? env.ss.getSheetByName(STAGING_PREFIX + id) : null;
  if (!sheet) throw new Error(t('upload', env.lang).uploadGone);
  return sheet;
}

/** Deletes staging sheets untouched for STALE_MS; returns the files they held that were never merged. */
function cleanStale(env: Env): { interrupted: string[]; othersActive: boolean } {
  const interrupted: string[] = [];
  let othersActive = false;
  const now = env.clock.now;
  for (const sheet of stagingSheets(env)) {
    const { meta, touched } = readMeta(sheet);
    if (now - touched < STALE_MS) {
      othersActive = true;
      continue;
    }
    if (meta) interrupted.push(...meta.files.filter((_, i) => !meta.committed.includes(i)));
    env.ss.deleteSheet(sheet);
  }
  return { interrupted, othersActive };
}

export const uploadApi = {
  /** The sidebar opens: interrupted uploads are cleaned up and reported. */
  uploadOpen(): UploadOpenView {
    const env = currentEnv();
    return withDocumentLock(env, () => ({ lang: env.lang, ...cleanStale(env) }));
  },

  /** Starts an upload of these files (names as the seller sees them): its own hidden staging sheet. */
  uploadBegin(fileNames: string[]): { uploadId: string } {
    const env = currentEnv();
    const files = (Array.isArray(fileNames) ? fileNames : []).map((f) => String(f));
    const uploadId = Utilities.getUuid();
    return withDocumentLock(env, () => {
      cleanStale(env);
      const { ss } = env;
      const active = ss.getActiveSheet();
      const sheet = ss.insertSheet(STAGING_PREFIX + uploadId, ss.getNumSheets());
      try {
        writeMeta(sheet, { id: uploadId, files, committed: [], startedAt: env.clock.now }, env.clock.now);
        sheet.hideSheet();
        active?.activate(); // inserting a sheet shows it: give the seller back the sheet they were on
      } catch (e) {
        ss.deleteSheet(sheet); // (if this fails too, it has no time stamp: the next sidebar cleans it)
        throw e;
      }
      return { uploadId };
    });
  },

  /** Stages one chunk (core/upload.ts nextChunk's text) of sheet `sheetIndex` of file `fileIndex`. */
  uploadChunk(
    uploadId: string,
    fileIndex: number,
    sheetIndex: number,
    chunkIndex: number,
    text: string,
  ): number {
    const env = currentEnv();
    const tx = t('upload', env.lang);
    const sheet = stagingOf(env, uploadId);
    const body = String(text ?? '');
    try {
      decodeChunk(body, env.clock.timeZone);
    } catch {
      throw new Error(tx.badChunk);
    }
    const pieces = splitPieces(body);
    const key = `${int(fileIndex)}:${int(sheetIndex)}:${int(chunkIndex)}`;
    const rows = pieces.map((p, i) => [`c:${key}:${i}:${pieces.length}`, p]);
    writeRows(sheet, Math.max(sheet.getLastRow(), 1) + 1, rows, ['text', 'text']);
    touch(sheet, env.clock.now);
    return pieces.length;
  },

  /** Merges file `fileIndex` once all its chunks are staged; nothing of it is merged otherwise. */
  uploadCommit(uploadId: string, fileIndex: number, spec: UploadFileSpec): UploadFileReport {
    const env = currentEnv();
    const tx = t('upload', env.lang);
    const ts = t('sheet', env.lang);
    const file = int(fileIndex);
    const name = String(spec?.name ?? '');
    return withDocumentLock(env, () => {
      const sheet = stagingOf(env, uploadId);
      touch(sheet, env.clock.now);
      const staged = sheet.getDataRange().getValues() as Grid;
      const grids = stagedGrids(staged, file, spec, env.clock.timeZone);
      if (!grids) throw new Error(tx.uploadIncomplete(name));
      const parsed: ParsedExport[] = grids.map(({ label, grid }) =>
        parseExport(grid, label, env.clock.timeZone, env.lang),
      );
      const earlier = stagedProblems(staged, file);
      const merged = mergeIntoStore(env, parsed);
      const fileProblems = parsed.flatMap((p) => p.problems);
      const base = {
        file: name,
        problems: fileProblems.length,
        errorRows: problemRowCount(fileProblems.filter((p) => p.severity === 'error')),
      };
      if (!merged.ok) {
        return {
          ...base,
          ok: false,
          newOrders: 0,
          updatedOrders: 0,
          unchangedOrders: 0,
          newPayments: 0,
          updatedPayments: 0,
          problemLines: [],
          problemsSheet: ts.problemsSheet,
          message: merged.message,
        };
      }
      // The file is merged: what follows is bookkeeping, and failing at it must not make the seller
      // think otherwise. The problems sheet lists every file of this upload, not only the last merged.
      try {
        if (earlier.length > 0) writeProblems(env, [...earlier, ...merged.problems]);
        stageProblems(sheet, file, fileProblems);
        const { meta } = readMeta(sheet);
        if (meta && !meta.committed.includes(file)) {
          meta.committed.push(file);
          writeMeta(sheet, meta, env.clock.now);
        }
      } catch {
        // the problems sheet keeps this file's problems (mergeIntoStore wrote them)
      }
      const listed = fileProblems.slice(0, MAX_LISTED).map((p) => ts.problemLine(p));
      if (fileProblems.length > MAX_LISTED) listed.push(ts.moreProblems(fileProblems.length - MAX_LISTED));
      return {
        ...base,
        ok: true,
        ...merged.stats,
        problemLines: listed,
        problemsSheet: earlier.length + merged.problems.length > 0 ? ts.problemsSheet : null,
        message: merged.message,
      };
    });
  },

  /** Ends an upload (finished, cancelled or failed): its staging sheet goes. Merged files stay merged. */
  uploadEnd(uploadId: string): boolean {
    const env = currentEnv();
    const id = String(uploadId);
    const sheet = /^[0-9a-z-]{1,64}$/i.test(id) ? env.ss.getSheetByName(STAGING_PREFIX + id) : null;
    if (!sheet) return false;
    env.ss.deleteSheet(sheet);
    return true;
  },

  /** Shows the problems sheet (the report's link). */
  uploadShowProblems(): boolean {
    const env = currentEnv();
    const sheet = env.ss.getSheetByName(t('sheet', env.lang).problemsSheet);
    if (!sheet) return false;
    sheet.activate();
    return true;
  },
};

export type UploadApi = typeof uploadApi;

function int(v: unknown): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not an index: ${String(v)}`);
  return n;
}

/**
 * The grids of one file from the staged rows, or null when a chunk is missing or the rows do not add up
 * to what the page sent. A chunk staged twice (a call retried) counts once.
 */
function stagedGrids(
  staged: Grid,
  file: number,
  spec: UploadFileSpec,
  timeZone: string,
): { label: string; grid: Grid }[] | null {
  const sheets = Array.isArray(spec?.sheets) ? spec.sheets : [];
  // chunk key → pieces
  const chunks = new Map<string, { pieces: string[]; count: number }>();
  for (let r = 1; r < staged.length; r++) {
    const tag = String(staged[r][0]);
    const m = /^c:(\d+):(\d+):(\d+):(\d+):(\d+)$/.exec(tag);
    if (!m || Number(m[1]) !== file) continue;
    const key = `${m[2]}:${m[3]}`;
    const count = Number(m[5]);
    let c = chunks.get(key);
    if (!c || c.count !== count) {
      c = { pieces: new Array(count).fill(null), count };
      chunks.set(key, c);
    }
    c.pieces[Number(m[4])] = String(staged[r][1]);
  }
  const out: { label: string; grid: Grid }[] = [];
  for (let s = 0; s < sheets.length; s++) {
    const { label, rows, chunks: n } = sheets[s];
    const grid: Grid = [];
    for (let k = 0; k < Number(n); k++) {
      const c = chunks.get(`${s}:${k}`);
      if (!c || c.pieces.some((p) => p === null)) return null;
      for (const row of decodeChunk(c.pieces.join(''), timeZone)) grid.push(row);
    }
    if (grid.length !== Number(rows)) return null;
    out.push({ label: String(label), grid });
  }
  return out.length > 0 ? out : null;
}

/** This upload's problems of files merged before `file` (kept in the staging sheet). */
function stagedProblems(staged: Grid, file: number): Problem[] {
  const texts = new Map<number, string[]>();
  for (let r = 1; r < staged.length; r++) {
    const m = /^p:(\d+):(\d+):(\d+)$/.exec(String(staged[r][0]));
    if (!m || Number(m[1]) === file) continue;
    const f = Number(m[1]);
    const list = texts.get(f) ?? new Array(Number(m[3])).fill('');
    list[Number(m[2])] = String(staged[r][1]);
    texts.set(f, list);
  }
  return [...texts.keys()]
    .sort((a, b) => a - b)
    .flatMap((f) => JSON.parse(texts.get(f)!.join('')) as Problem[]);
}

function stageProblems(sheet: Sheet, file: number, problems: Problem[]): void {
  if (problems.length === 0) return;
  const pieces = splitPieces(JSON.stringify(problems));
  const rows = pieces.map((p, i) => [`p:${file}:${i}:${pieces.length}`, p]);
  writeRows(sheet, Math.max(sheet.getLastRow(), 1) + 1, rows, ['text', 'text']);
}

/** The menu's "Impor dari file…": the upload sidebar (300 px, beside the sheet, like the others). */
export function openUploadAction(): void {
  const env = currentEnv();
  const title = t('upload', env.lang).title;
  env.ui.showSidebar(HtmlService.createHtmlOutputFromFile('Upload').setTitle(title).setWidth(300));
}
