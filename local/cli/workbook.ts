// The workbook commands run the REAL product: dist/Code.js loaded into the local Apps Script runtime over
// the .xlsx workbook, its top-level functions called as Apps Script would, the workbook saved afterwards.
// Shared by the CLI and the preview server.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { langFromLocale, t } from '../../src/core/text';
import type { CellValue, Lang } from '../../src/core/types';
import type { ImportReport } from '../../src/gas/importer';
import { type Bundle, loadBundle } from '../bundle';
import { DIST_DIR, REPO_ROOT } from '../gas/runtime';
import { LocalSpreadsheet } from '../gas/spreadsheet';
import { fromXlsxBuffer, type Loss, losses, NotAWorkbookError, toXlsxBuffer, WouldLoseError } from '../xlsx';
import { CliError, UsageError } from './args';
import { errorReason, writeThroughTemp } from './atomic';

const SOURCES = ['src', 'sidebar', 'build.mjs', 'appsscript.json'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** Builds dist/ (build.mjs) when it is missing or older than the sources: the CLI runs what we ship. */
export async function ensureBuilt(log?: (line: string) => void): Promise<void> {
  const code = join(DIST_DIR, 'Code.js');
  const pages = ['Naming.html', 'Lookup.html', 'Upload.html', 'SelfCheck.html'].map((p) => join(DIST_DIR, p));
  const built = [code, ...pages].every((p) => existsSync(p))
    ? Math.min(...[code, ...pages].map((p) => statSync(p).mtimeMs))
    : 0;
  const sources = Math.max(
    ...SOURCES.map((s) => join(REPO_ROOT, s))
      .filter((p) => existsSync(p))
      .map(newestMtime),
  );
  if (built >= sources) return;
  log?.('build…');
  const mod = (await import(pathToFileURL(join(REPO_ROOT, 'build.mjs')).href)) as {
    build: () => Promise<unknown>;
  };
  await mod.build();
}

export function checkWorkbookPath(path: string, lang: Lang, command: string): void {
  if (extname(path).toLowerCase() !== '.xlsx')
    throw new UsageError(t('cli', lang).errors.workbookExtension(path), command);
}

/** The workbook file as Kenali last read or wrote it: a change by another program shows in one of these. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
  sha1: string;
}

const sha1 = (buf: Buffer) => createHash('sha1').update(buf).digest('hex');
const stampOf = (buf: Buffer, st: { size: number; mtimeMs: number; ino: number }): FileStamp => ({
  size: st.size,
  mtimeMs: st.mtimeMs,
  ino: st.ino,
  sha1: sha1(buf),
});

/** Whether the file now differs from `stamp` (size, time and inode first; the content when they moved). */
export function fileChanged(path: string, stamp: FileStamp): boolean {
  if (!existsSync(path)) return true;
  const st = statSync(path);
  if (st.size === stamp.size && st.mtimeMs === stamp.mtimeMs && st.ino === stamp.ino) return false;
  return st.size !== stamp.size || sha1(readFileSync(path)) !== stamp.sha1;
}

function lossMessage(path: string, lost: Loss[], lang: Lang): string {
  const tx = t('cli', lang).files;
  return tx.wouldLose(
    path,
    lost.map((l) => tx.loss(l.kind, l.count, l.sheet)),
  );
}

/**
 * Opens a workbook; a missing one is created when `create` says so (zone and language given). A file that is
 * not an .xlsx workbook is refused, and so (unless `force`, or `readOnly` for a caller that never saves) is
 * one holding what a save would drop: nothing runs on a workbook Kenali cannot write back whole.
 */
export async function openWorkbook(
  path: string,
  opts: { lang: Lang; create?: { timeZone: string }; force?: boolean; readOnly?: boolean },
): Promise<{ workbook: LocalSpreadsheet; created: boolean; stamp: FileStamp | null }> {
  const tx = t('cli', opts.lang).files;
  if (!existsSync(path)) {
    if (!opts.create) throw new CliError(tx.missing(path));
    const workbook = new LocalSpreadsheet({
      name: basename(path, extname(path)),
      timeZone: opts.create.timeZone,
      locale: opts.lang === 'en' ? 'en_US' : 'id_ID',
    });
    return { workbook, created: true, stamp: null };
  }
  const st = statSync(path);
  if (st.isDirectory()) throw new CliError(tx.directory(path));
  let workbook: LocalSpreadsheet;
  const buf = readFileSync(path);
  try {
    workbook = await fromXlsxBuffer(buf);
  } catch (e) {
    if (e instanceof NotAWorkbookError) throw new CliError(tx.notWorkbook(path, e.reason));
    throw new CliError(tx.workbookUnreadable(path, errorReason(e)));
  }
  const lost = losses(workbook);
  if (lost.length > 0 && !opts.force && !opts.readOnly)
    throw new CliError(lossMessage(path, lost, opts.lang));
  return { workbook, created: false, stamp: stampOf(buf, st) };
}

export interface SaveWorkbookOptions {
  /** Save even what loses something of the file (see openWorkbook). */
  force?: boolean;
  /** The file as it was read: when another program changed it since, nothing is saved. */
  expected?: FileStamp | null;
}

/**
 * Saves through a temporary file (writeThroughTemp): a crash mid-write never leaves a half-written workbook.
 * Refuses (file untouched) when the save would drop something of the file, or when the file changed on
 * disk since `expected`. Returns the stamp of what it wrote.
 */
export async function saveWorkbook(
  workbook: LocalSpreadsheet,
  path: string,
  lang: Lang,
  opts: SaveWorkbookOptions = {},
): Promise<FileStamp> {
  const tx = t('cli', lang).files;
  let buf: Buffer;
  try {
    buf = await toXlsxBuffer(workbook, { force: opts.force });
  } catch (e) {
    if (e instanceof WouldLoseError) throw new CliError(lossMessage(path, e.lost, lang));
    throw new CliError(tx.writeFailed(path, errorReason(e)));
  }
  if (opts.expected && fileChanged(path, opts.expected)) throw new CliError(tx.changedWhileRunning(path));
  const st = await writeThroughTemp(path, lang, (tmp) => {
    writeFileSync(tmp, buf);
    return statSync(tmp); // the rename keeps size, time and inode: this is what `path` will be
  });
  return stampOf(buf, st);
}

export function bundleFor(workbook: LocalSpreadsheet): Bundle {
  return loadBundle({ workbook });
}

/** A bundle function's error as the seller should read it (Apps Script shows the message only). */
export function callBundle<T>(bundle: Bundle, name: string, ...args: unknown[]): T {
  try {
    return bundle.call<T>(name, ...args);
  } catch (e) {
    throw new CliError(errorReason(e));
  }
}

/** The workbook's language, as the bundle decides it (Indonesian unless the locale says otherwise). */
export function workbookLang(workbook: LocalSpreadsheet): Lang {
  return langFromLocale(workbook.locale);
}

// ---------------------------------------------------------------------------------------------- import

export interface ExportBlock {
  /** How problems name it (file, or file › sheet). */
  name: string;
  grid: CellValue[][];
}

/** What the bundle's import reports (src/gas/importer.ts). */
export type ImportResult = ImportReport;

/**
 * Imports each export (a CSV, or one sheet of an XLSX) in its own run, as a seller pasting one file at a
 * time: the export goes into the inbox sheet as plain text and the bundle's import runs. One file per run
 * because exports stacked in one sheet read the title rows of a later file (Shopee's income report has
 * four) as data rows of the file above. Problems on inbox rows are given back with the file's name; the
 * rows are the file's own, since each export starts on row 1.
 */
export function importBlocks(
  workbook: LocalSpreadsheet,
  blocks: readonly ExportBlock[],
): (ImportResult & { name: string })[] {
  const inbox = t('sheet', workbookLang(workbook)).inboxSheet;
  const inboxKey = inbox.toLowerCase();
  const bundle = bundleFor(workbook);
  return blocks.map((b) => {
    if (workbook.hasSheet(inbox)) workbook.sheet(inbox).clearContents();
    workbook.putValues(inbox, b.grid, { asText: true });
    const report = callBundle<ImportResult>(bundle, 'kenaliImportJson_');
    const problems = report.problems.map((p) =>
      p.sheet.toLowerCase() === inboxKey ? { ...p, sheet: b.name } : p,
    );
    return { ...report, problems, name: b.name };
  });
}
