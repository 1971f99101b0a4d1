// The "Impor dari file" sidebar: the seller picks or drops export files; each is read here (read.ts),
// projected to the columns its format needs (core/upload.ts), sent in chunks, and merged by the server
// once all its chunks are there (src/gas/upload.ts). One file after another; nothing of a file is merged
// before its commit.
import '../shared/base.css';
import './style.css';
import { formatNumber } from '../../src/core/format';
import { common } from '../../src/core/text/common';
import { upload } from '../../src/core/text/upload';
import type { Lang } from '../../src/core/types';
import type { UploadFileReport } from '../../src/gas/upload';
import { server } from '../shared/client';
import { el, errorMessage, titlePage } from '../shared/dom';
import { xlsxLibrary } from './lib';
import { fileKind, readExportFile } from './read';
import { planFile, sendFile } from './send';

let lang: Lang = 'id';
let tx = upload.id;
let running = false;
let cancelled = false;
let currentUpload: string | null = null;

// ---- the page skeleton, built once
const app = document.getElementById('app')!;
const title = el('h1');
const intro = el('p', { className: 'intro muted' });
const notice = el('div', { className: 'notice', attrs: { role: 'status' }, hidden: true });
const input = el('input', {
  className: 'visually-hidden',
  attrs: { id: 'files', type: 'file', multiple: '', accept: '.xlsx,.csv,.tsv,.txt' },
});
const chooseLabel = el('label', { className: 'choose action', attrs: { for: 'files' } });
const dropHint = el('p', { className: 'drop-hint muted' });
const drop = el('div', { className: 'drop-zone' }, [input, chooseLabel, dropHint]);
const bar = el('progress', { className: 'bar', attrs: { max: '1', value: '0' } });
const step = el('p', { className: 'step', attrs: { 'aria-live': 'polite' } });
const rowsLine = el('p', { className: 'stat rows muted' });
const chunksLine = el('p', { className: 'stat chunks muted' });
const mergedLine = el('p', { className: 'stat merged muted' });
const cancelButton = el('button', { className: 'cancel', attrs: { type: 'button' } });
const progress = el('section', { className: 'progress', hidden: true }, [
  bar,
  step,
  rowsLine,
  chunksLine,
  mergedLine,
  cancelButton,
]);
const reportList = el('ul', { className: 'report' });
const problemsButton = el('button', {
  className: 'link open-problems',
  attrs: { type: 'button' },
  hidden: true,
});
const againButton = el('button', { className: 'again', attrs: { type: 'button' }, hidden: true });
const report = el('section', { className: 'final', hidden: true }, [reportList, problemsButton, againButton]);
app.append(el('header', { className: 'top' }, [title]), intro, notice, drop, progress, report);

function applyTexts(): void {
  titlePage(lang, tx.title, title);
  intro.textContent = tx.intro;
  chooseLabel.textContent = tx.choose;
  dropHint.textContent = tx.dropHere;
  cancelButton.textContent = tx.cancel;
  againButton.textContent = tx.again;
}

const n = (x: number) => formatNumber(x, lang);

// ---- progress
interface Counts {
  files: number;
  fileAt: number;
  rows: number;
  sent: number;
  chunks: number;
  merged: number;
}
const counts: Counts = { files: 0, fileAt: 0, rows: 0, sent: 0, chunks: 0, merged: 0 };

function showCounts(fraction: number): void {
  rowsLine.textContent = tx.rowsRead(n(counts.rows));
  chunksLine.textContent = tx.chunksSent(n(counts.sent), n(counts.chunks));
  mergedLine.textContent = tx.merged(n(counts.merged), n(counts.files));
  // Each file weighs the same: reading 10 %, sending 80 %, merging the last 10 %.
  const value = counts.files === 0 ? 0 : (counts.fileAt + fraction) / counts.files;
  bar.value = Math.min(1, value);
}

/** Lets the browser paint (the label of a step about to block the page while a big file is parsed). */
function paint(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function addReport(lines: string[], kind: 'ok' | 'error' | 'note'): void {
  const li = el('li', { className: `file-report ${kind}` });
  for (const line of lines) li.appendChild(el('p', { text: line }));
  reportList.appendChild(li);
}

function fileReportLines(r: UploadFileReport, notes: string[]): string[] {
  if (!r.ok) return [tx.notImported(r.file, r.message), tx.storeUnchanged];
  const lines = [
    tx.fileDone(r.file, tx.summary(n(r.newOrders), n(r.updatedOrders), n(r.unchangedOrders), n(r.problems))),
  ];
  if (r.newPayments + r.updatedPayments > 0) lines.push(tx.payments(n(r.newPayments), n(r.updatedPayments)));
  lines.push(...notes, ...r.problemLines);
  return lines;
}

// ---- one upload of several files
async function run(files: File[]): Promise<void> {
  if (running || files.length === 0) return;
  running = true;
  cancelled = false;
  Object.assign(counts, { files: files.length, fileAt: 0, rows: 0, sent: 0, chunks: 0, merged: 0 });
  reportList.replaceChildren();
  report.hidden = true;
  problemsButton.hidden = true;
  drop.hidden = true;
  progress.hidden = false;
  cancelButton.disabled = false;
  showCounts(0);
  let problemsSheet: string | null = null;
  let uploadId: string | null = null;
  // Whether the failing call (if one fails) is a file's commit: the merge may have begun, so the page
  // must not say the store is unchanged (the server's message says what to do).
  let committing = false;
  try {
    uploadId = (await server.uploadBegin(files.map((f) => f.name))).uploadId;
    currentUpload = uploadId;
    for (let i = 0; i < files.length && !cancelled; i++) {
      counts.fileAt = i;
      const file = files[i];
      step.textContent = fileKind(file.name) === 'xlsx' ? tx.loadingLibrary : tx.reading(file.name);
      showCounts(0);
      // Reading a big file blocks the page for a while (SheetJS parses it in one go): the bar shows that
      // work goes on (indeterminate) rather than sitting at a number.
      bar.removeAttribute('value');
      await paint();
      const read = await readExportFile(file, lang, () => {
        const lib = xlsxLibrary();
        step.textContent = tx.reading(file.name);
        return lib;
      });
      if (!read.ok) {
        addReport([tx.notImported(file.name, read.reason)], 'error');
        continue;
      }
      counts.rows += read.sheets.reduce((sum, sh) => sum + sh.grid.length, 0);
      const plan = planFile(file.name, read.sheets, read.encoding);
      if (!plan) {
        addReport([tx.notImported(file.name, tx.noExport)], 'error');
        continue;
      }
      const notes: string[] = [];
      if (plan.encoding === 'windows-1252') notes.push(tx.readAs1252);
      if (plan.skipped.length > 0) notes.push(tx.skippedSheets(plan.skipped.join(', ')));
      counts.chunks += plan.chunks;
      showCounts(0.1);
      step.textContent = tx.sending(file.name);
      const result = await sendFile(server, uploadId, i, plan, {
        cancelled: () => cancelled,
        onChunk: (sent) => {
          counts.sent++;
          showCounts(0.1 + (0.8 * sent) / Math.max(1, plan.chunks));
        },
        onCommit: () => {
          committing = true;
          step.textContent = tx.merging(file.name);
        },
      });
      committing = false;
      if (!result) break;
      counts.merged += result.ok ? 1 : 0;
      showCounts(1);
      if (result.problemsSheet) problemsSheet = result.problemsSheet;
      addReport(fileReportLines(result, notes), result.ok ? 'ok' : 'error');
    }
    if (cancelled) addReport([tx.cancelled], 'note');
  } catch (e) {
    const reason = errorMessage(e) || common[lang].unknownError;
    const file = files[counts.fileAt]?.name ?? '';
    addReport(
      committing ? [tx.notFinished(file, reason)] : [tx.notImported(file, reason), tx.storeUnchanged],
      'error',
    );
  } finally {
    currentUpload = null;
    if (uploadId) await server.uploadEnd(uploadId).catch(() => false);
    running = false;
    counts.fileAt = counts.files;
    showCounts(0);
    progress.hidden = true;
    report.hidden = false;
    againButton.hidden = false;
    if (problemsSheet) {
      problemsButton.textContent = tx.openProblems(problemsSheet);
      problemsButton.hidden = false;
    }
  }
}

cancelButton.addEventListener('click', () => {
  cancelled = true;
  cancelButton.disabled = true;
});

againButton.addEventListener('click', () => {
  report.hidden = true;
  againButton.hidden = true;
  drop.hidden = false;
  input.value = '';
});

problemsButton.addEventListener('click', () => {
  server.uploadShowProblems().catch(() => false);
});

input.addEventListener('change', () => {
  void run([...(input.files ?? [])]);
});

drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  void run([...(e.dataTransfer?.files ?? [])]);
});

// Closing the sidebar mid-upload: tell the server now if the browser still can (otherwise the staging
// sheet is cleaned up as interrupted by the next sidebar that opens). Nothing unmerged is merged.
window.addEventListener('pagehide', () => {
  if (currentUpload) void server.uploadEnd(currentUpload).catch(() => false);
});

applyTexts();
server.uploadOpen().then(
  (view) => {
    lang = view.lang === 'en' ? 'en' : 'id';
    tx = upload[lang];
    applyTexts();
    const lines: string[] = [];
    if (view.interrupted.length > 0) lines.push(tx.interrupted(view.interrupted.join(', ')));
    if (view.othersActive) lines.push(tx.busyElsewhere);
    notice.replaceChildren(...lines.map((text) => el('p', { text })));
    notice.hidden = lines.length === 0;
  },
  (e: unknown) => {
    notice.replaceChildren(el('p', { text: tx.failed(errorMessage(e)) }));
    notice.hidden = false;
  },
);
