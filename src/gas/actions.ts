// The menu's actions: thin glue between the Kenali menu, the spreadsheet UI and the domain.
import { generateIncomeReport, generateShopeeExport } from '../core/demo';
import { STORE_SCHEMAS, STORE_SHEETS } from '../core/store';
import { t } from '../core/text';
import { runClock } from '../core/time';
import type { CellValue } from '../core/types';
import { currentEnv, type Env, withClock, withDocumentLock } from './context';
import { rebuildCustomers, runImport } from './importer';
import { openCustomers } from './readmodel';
import { runSegmentation } from './segmentation';
import { ensureSize, TEXT_FORMAT } from './sheets';
import { annotateHeaders, openTable } from './table';

function alert(env: Env, title: string, message: string): void {
  const ui = env.ui;
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function importAction(): void {
  const env = currentEnv();
  const tx = t('sheet', env.lang);
  const report = runImport(env);
  env.ss.toast(report.message.split('\n')[0], tx.importTitle, 8);
  alert(env, tx.importTitle, report.message);
}

export function segmentAction(): void {
  const env = currentEnv();
  const report = runSegmentation(env);
  alert(env, t('sheet', env.lang).segmentTitle, report.message);
}

/** Segmentation as of a date the seller types (old data; the scores of a past day). */
export function segmentAtAction(): void {
  const env = currentEnv();
  const tx = t('sheet', env.lang);
  const ui = env.ui;
  const answer = ui.prompt(tx.segmentAtTitle, tx.segmentAtPrompt, ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const text = answer.getResponseText();
  const clock = runClock(text, env.clock);
  if (clock === null) {
    alert(env, tx.segmentAtTitle, tx.segmentAtInvalid(text.trim()));
    return;
  }
  const report = runSegmentation(withClock(env, clock));
  alert(env, tx.segmentAtTitle, report.message);
}

/**
 * Creates the store sheets, the Customers read model and the inbox where missing; never touches existing
 * data. A workbook of an earlier layout (orders, no Customers) gets its Customers sheet built from the
 * store: the upgrade in place.
 */
export function setupSheets(env: Env): string[] {
  return withDocumentLock(env, () => {
    const created: string[] = [];
    // A sheet made by an earlier layout gets the header notes new sheets are created with.
    for (const decl of Object.values(STORE_SHEETS)) {
      const tb = openTable(env, decl, { create: true });
      if (tb?.created) created.push(decl.sheet);
      else if (tb) annotateHeaders(tb);
    }
    const orders = openTable(env, STORE_SHEETS.orders);
    const customers = openCustomers(env, true);
    if (customers?.created) {
      created.push(customers.decl.sheet);
      if (orders && orders.lastRow > 1) rebuildCustomers(env);
    } else if (customers) annotateHeaders(customers);
    const inbox = t('sheet', env.lang).inboxSheet;
    let sheet = env.ss.getSheetByName(inbox);
    if (!sheet) {
      sheet = env.ss.insertSheet(inbox);
      created.push(inbox);
    }
    // Plain text: a paste of values only (Ctrl+Shift+V) keeps every value as written (SKU 007, a variant
    // 1/2, 16-digit numbers, 150.000), whatever the spreadsheet's locale. Formats only, never a value.
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).setNumberFormat(TEXT_FORMAT);
    return created;
  });
}

export function setupAction(): void {
  const env = currentEnv();
  const created = setupSheets(env);
  alert(env, t('menu', env.lang).setup, t('sheet', env.lang).setupDone(created));
}

/** Demo data: a synthetic shop's raw Shopee export and income report pasted into the inbox, then imported,
 *  so the seller sees the same path their own exports take. Only into a spreadsheet without orders. */
export function loadDemo(env: Env, seed = 20240501): { ok: boolean; message: string; orders: number } {
  const tx = t('sheet', env.lang);
  const orders = env.ss.getSheetByName(STORE_SCHEMAS.orders.sheet);
  if (orders && orders.getLastRow() > 1) return { ok: false, message: tx.demoRefused, orders: 0 };
  setupSheets(env);
  const options = { seed, now: env.clock.now, timeZone: env.clock.timeZone, lang: env.lang };
  const exportGrid = generateShopeeExport(options).grid;
  const income = generateIncomeReport({ seed, exportOptions: options }).grid;
  const width = Math.max(exportGrid[0].length, ...income.map((r) => r.length));
  const pad = (r: CellValue[]) => (r.length < width ? [...r, ...Array(width - r.length).fill('')] : r);
  const values = [...exportGrid, Array(width).fill(''), ...income].map(pad);
  const inbox = env.ss.getSheetByName(tx.inboxSheet)!;
  inbox.clearContents();
  ensureSize(inbox, values.length, width);
  const range = inbox.getRange(1, 1, values.length, width);
  range.setNumberFormat(TEXT_FORMAT); // as a seller pastes an export: text stays text
  range.setValues(values);
  const report = runImport(env);
  return {
    ok: report.ok,
    message: `${tx.demoDone(report.newOrders)}\n\n${report.message}`,
    orders: report.newOrders,
  };
}

export function loadDemoAction(): void {
  const env = currentEnv();
  const result = loadDemo(env);
  alert(env, t('menu', env.lang).demo, result.message);
}

export function helpAction(): void {
  const env = currentEnv();
  const tx = t('sheet', env.lang);
  alert(env, tx.helpTitle, tx.help);
}

/** Both pages are 300 px sidebars: the seller keeps the sheet in view while naming or looking up
 *  (sidebar/lookup/main.ts says why lookup is not a modal dialog). */
function showSidebar(file: 'Naming' | 'Lookup', title: string): void {
  currentEnv().ui.showSidebar(HtmlService.createHtmlOutputFromFile(file).setTitle(title).setWidth(300));
}

export function openNamingAction(): void {
  showSidebar('Naming', t('sheet', currentEnv().lang).namingTitle);
}

export function openLookupAction(): void {
  showSidebar('Lookup', t('sheet', currentEnv().lang).lookupTitle);
}
