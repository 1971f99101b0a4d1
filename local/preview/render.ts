// The preview's own pages: the workbook as read-only HTML tables and the sidebar frames. Every cell text,
// sheet name and message comes from the workbook or from exports: untrusted, so all of it goes through
// escapeHtml, and colours are used only when they are plain #rrggbb.
import { t } from '../../src/core/text';
import type { Lang } from '../../src/core/types';
import type { LocalSheet } from '../gas/sheet';
import type { LocalSpreadsheet, ToastRecord } from '../gas/spreadsheet';
import type { MenuRecord } from '../gas/ui';
import { chartData, chartSvg } from './chart-svg';
import { escapeHtml } from './html';

const COLOR = /^#[0-9a-f]{6}$/i;
const safeColor = (c: string | null | undefined) => (c && COLOR.test(c) ? c.toLowerCase() : null);

/** Short paths for the commonest actions (kept for links and tests); any menu item runs by its function. */
export const ACTIONS = [
  { path: 'import', fn: 'kenaliImport', label: 'import' },
  { path: 'segment', fn: 'kenaliSegment', label: 'segment' },
  { path: 'demo', fn: 'kenaliLoadDemo', label: 'demo' },
  { path: 'setup', fn: 'kenaliSetup', label: 'setup' },
] as const;

/** Menu items that open a sidebar: the preview shows that sidebar in its frame instead. */
export const SIDEBAR_PAGES: Record<string, string> = {
  kenaliOpenNaming: 'naming',
  kenaliOpenLookup: 'lookup',
  kenaliOpenUpload: 'upload',
  kenaliSelfCheck: 'selfcheck',
};

/** A prompt an action raised before doing anything: the preview asks it, then runs the action again. */
export interface PendingPrompt {
  functionName: string;
  caption: string;
  title: string;
  prompt: string;
}

/** Rows shown per sheet: enough to look at, light enough for a browser. */
export const MAX_ROWS_SHOWN = 500;

const STYLE = `
  body { font: 14px/1.4 system-ui, 'Segoe UI', Roboto, Arial, sans-serif; margin: 0; color: #202124; background: #f8f9fa; }
  header { background: #fff; border-bottom: 1px solid #dadce0; padding: 10px 16px; display: flex; gap: 16px; align-items: center; flex-wrap: wrap; }
  header h1 { font-size: 18px; margin: 0; color: #188038; }
  header .file { color: #5f6368; font-size: 13px; }
  nav.menu { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
  nav.menu form { margin: 0; }
  button, a.button { font: inherit; border: 1px solid #dadce0; background: #fff; border-radius: 4px; padding: 5px 12px; cursor: pointer; color: #1a73e8; text-decoration: none; }
  button:hover, a.button:hover { background: #e8f0fe; }
  .message { white-space: pre-wrap; background: #fff8e1; border: 1px solid #f9e0a0; margin: 12px 16px; padding: 10px 12px; border-radius: 4px; }
  .message h2 { font-size: 14px; margin: 0 0 4px; }
  .tabs { display: flex; gap: 2px; padding: 8px 16px 0; flex-wrap: wrap; }
  .tabs a { padding: 6px 12px; background: #e8eaed; color: #202124; text-decoration: none; border-radius: 4px 4px 0 0; }
  .tabs a.active { background: #fff; color: #188038; font-weight: 600; }
  .sheet { background: #fff; margin: 0 16px 16px; overflow: auto; max-height: calc(100vh - 220px); border: 1px solid #dadce0; }
  table { border-collapse: collapse; font-size: 13px; }
  th, td { border: 1px solid #e2e3e5; padding: 3px 6px; white-space: pre; max-width: 320px; overflow: hidden; text-overflow: ellipsis; }
  thead th { background: #f1f3f4; color: #5f6368; font-weight: normal; position: sticky; top: 0; z-index: 2; }
  tbody th { background: #f1f3f4; color: #5f6368; font-weight: normal; text-align: right; position: sticky; left: 0; z-index: 1; }
  td.num { text-align: right; }
  tr.frozen td { border-bottom: 2px solid #bdc1c6; }
  .note { color: #5f6368; margin: 8px 16px; }
  td[data-note] { background-image: linear-gradient(225deg, #f9ab00 5px, transparent 5px); }
  .menupath { color: #5f6368; font-size: 13px; }
  .sep { width: 1px; align-self: stretch; background: #dadce0; }
  .toasts { margin: 12px 16px; } .toasts ul { margin: 0; padding: 0; list-style: none; }
  .toasts li { background: #323232; color: #fff; border-radius: 4px; padding: 8px 12px; margin-bottom: 4px; display: inline-block; }
  .charts { margin: 0 16px 16px; } .charts svg { background: #fff; border: 1px solid #dadce0; margin: 0 8px 8px 0; }
`;

function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

function sheetTable(sheet: LocalSheet, lang: Lang): string {
  const tx = t('cli', lang).preview;
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return `<p class="note">${escapeHtml(tx.emptySheet)}</p>`;
  const rows = Math.min(lastRow, MAX_ROWS_SHOWN);
  const range = sheet.getRange(1, 1, rows, lastCol);
  const values = range.getDisplayValues();
  const raw = range.getValues();
  const backgrounds = range.getBackgrounds();
  const colors = range.getFontColors();
  const weights = range.getFontWeights();
  const notes = range.getNotes();
  const frozen = sheet.getFrozenRows();
  const rules = sheet.conditionalRules;
  const head = Array.from({ length: lastCol }, (_, j) => `<th>${columnLetter(j + 1)}</th>`).join('');
  const body: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cells: string[] = [`<th>${i + 1}</th>`];
    for (let j = 0; j < lastCol; j++) {
      const style: string[] = [];
      // A conditional format shows over the cell's own, as in Sheets.
      const rule = rules.find((r) => r.appliesTo(i + 1, j + 1, values[i][j]))?.state;
      const bg = safeColor(rule?.background ?? backgrounds[i][j]);
      const fg = safeColor(rule?.fontColor ?? colors[i][j]);
      if (bg && bg !== '#ffffff') style.push(`background:${bg}`);
      if (fg && fg !== '#000000') style.push(`color:${fg}`);
      if ((rule?.bold ?? weights[i][j] === 'bold') === true) style.push('font-weight:bold');
      const cls = typeof raw[i][j] === 'number' ? ' class="num"' : '';
      const st = style.length ? ` style="${style.join(';')}"` : '';
      // A note shows as the cell's tooltip, with Sheets' corner mark.
      const note = notes[i][j] ? ` title="${escapeHtml(notes[i][j])}" data-note=""` : '';
      cells.push(`<td${cls}${st}${note}>${escapeHtml(values[i][j])}</td>`);
    }
    body.push(`<tr${i < frozen ? ' class="frozen"' : ''}>${cells.join('')}</tr>`);
  }
  const more = lastRow > rows ? `<p class="note">${escapeHtml(tx.rowsShown(rows, lastRow))}</p>` : '';
  return `${more}<div class="sheet"><table><thead><tr><th></th>${head}</tr></thead><tbody>${body.join('')}</tbody></table></div>`;
}

function page(title: string, lang: Lang, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface WorkbookPageState {
  workbook: LocalSpreadsheet;
  workbookPath: string;
  lang: Lang;
  /** The sheet to show (by name); the first visible one when missing. */
  sheet: string | null;
  /** The last alert(s) the bundle showed, or an error: shown once, on the page that follows the action. */
  message: { title: string; text: string } | null;
  /** The add-on menu onOpen built (Extensions ▸ Kenali), or null when it built none. */
  menu: MenuRecord | null;
  /** Toasts raised since the last page was shown. */
  toasts: ToastRecord[];
  /** A prompt waiting for an answer. */
  pending: PendingPrompt | null;
}

/** One button (or sidebar link) per item of the real menu, in its order, separators kept. */
function menuBar(menu: MenuRecord | null, lang: Lang): string {
  const items =
    menu?.items ??
    ACTIONS.map((a) => ({ kind: 'item' as const, caption: t('menu', lang)[a.label], functionName: a.fn }));
  return items
    .map((e) => {
      if (e.kind === 'separator') return '<span class="sep" aria-hidden="true"></span>';
      if (e.kind === 'submenu') return menuBar(e.menu, lang);
      const page = SIDEBAR_PAGES[e.functionName];
      if (page) {
        return `<a class="button" target="_top" href="/${page}" data-action="${escapeHtml(e.functionName)}">${escapeHtml(e.caption)}</a>`;
      }
      const short = ACTIONS.find((a) => a.fn === e.functionName)?.path ?? e.functionName;
      return `<form method="post" action="/action/${encodeURIComponent(e.functionName)}"><button type="submit" data-action="${escapeHtml(short)}">${escapeHtml(e.caption)}</button></form>`;
    })
    .join('');
}

function promptForm(p: PendingPrompt, lang: Lang): string {
  const tx = t('cli', lang).preview;
  return `<section class="message prompt" id="prompt"><h2>${escapeHtml(p.title || p.caption)}</h2><form method="post" action="/action/${encodeURIComponent(p.functionName)}"><label>${escapeHtml(p.prompt)}<br><input name="answer" autofocus aria-label="${escapeHtml(tx.promptAnswer)}"></label> <button type="submit" name="button" value="OK">OK</button> <button type="submit" name="button" value="CANCEL">${escapeHtml(tx.cancel)}</button></form></section>`;
}

function toastList(toasts: ToastRecord[], lang: Lang): string {
  if (toasts.length === 0) return '';
  const tx = t('cli', lang).preview;
  const items = toasts
    .map(
      (x) => `<li>${x.title ? `<strong>${escapeHtml(x.title)}</strong> ` : ''}${escapeHtml(x.message)}</li>`,
    )
    .join('');
  return `<section class="toasts" id="toasts" aria-label="${escapeHtml(tx.toasts)}"><ul>${items}</ul></section>`;
}

function chartsOf(sheet: LocalSheet, lang: Lang): string {
  const charts = sheet.getCharts();
  if (charts.length === 0) return '';
  const tx = t('cli', lang).preview;
  return `<section class="charts">${charts.map((c) => chartSvg(chartData(c))).join('')}<p class="note">${escapeHtml(tx.chartNote)}</p></section>`;
}

export function workbookPage(s: WorkbookPageState): string {
  const tx = t('cli', s.lang).preview;
  const menu = t('menu', s.lang);
  const sheets = s.workbook.getSheets().filter((sh) => !sh.isSheetHidden());
  // The sheet asked for, else the first one holding something (a new workbook's Sheet1 is empty).
  const current =
    sheets.find((sh) => sh.getName() === s.sheet) ??
    sheets.find((sh) => sh.getLastRow() > 0) ??
    sheets[0] ??
    null;
  const buttons = menuBar(s.menu, s.lang);
  const message = s.message
    ? `<section class="message" id="message"><h2>${escapeHtml(s.message.title)}</h2>${escapeHtml(s.message.text)}</section>`
    : '';
  const tabs = sheets
    .map((sh) => {
      const name = sh.getName();
      const active = sh === current ? ' class="active"' : '';
      return `<a${active} href="/?sheet=${encodeURIComponent(name)}">${escapeHtml(name)}</a>`;
    })
    .join('');
  const table = current
    ? sheetTable(current, s.lang) + chartsOf(current, s.lang)
    : `<p class="note">${escapeHtml(tx.noSheets)}</p>`;
  const menuTitle = s.menu?.addon ? tx.menuPath : menu.title;
  return page(
    tx.title,
    s.lang,
    `<header><h1>${escapeHtml(tx.title)}</h1><span class="file">${escapeHtml(tx.workbook(s.workbookPath))}</span>
<nav class="menu" aria-label="${escapeHtml(menuTitle)}"><span class="menupath">${escapeHtml(menuTitle)}</span>${buttons}</nav></header>
<p class="note">${escapeHtml(tx.readOnly)}</p>
${s.pending ? promptForm(s.pending, s.lang) : ''}${message}${toastList(s.toasts, s.lang)}
<nav class="tabs" aria-label="${escapeHtml(tx.sheets)}">${tabs}</nav>
${table}`,
  );
}

/** A sidebar as Sheets shows it: a 300 px frame at the right of the window, with its title above, and
 *  the workbook beside it. */
export function sidebarFrame(title: string, src: string, lang: Lang): string {
  const tx = t('cli', lang).preview;
  return page(
    title,
    lang,
    `<style>
  .layout { display: flex; height: 100vh; }
  .layout main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  .layout main .bar { padding: 8px 16px; border-bottom: 1px solid #dadce0; background: #fff; }
  .layout main iframe { flex: 1; border: 0; width: 100%; }
  .layout aside { width: 300px; border-left: 1px solid #dadce0; background: #fff; display: flex; flex-direction: column; }
  .layout aside h2 { font-size: 16px; margin: 0; padding: 12px 16px; border-bottom: 1px solid #dadce0; font-weight: 500; }
  .layout iframe { border: 0; width: 300px; flex: 1; }
</style>
<div class="layout"><main><div class="bar"><a class="button" href="/">${escapeHtml(tx.back)}</a></div>
<iframe title="${escapeHtml(tx.title)}" src="/"></iframe></main>
<aside><h2>${escapeHtml(title)}</h2><iframe title="${escapeHtml(title)}" src="${escapeHtml(src)}"></iframe></aside></div>`,
  );
}
