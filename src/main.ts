// The Apps Script entry: every export here becomes a top-level function in dist/Code.js (see build.mjs).
import { t } from './core/text';
import { runClock } from './core/time';
import type { Lang } from './core/types';
import {
  helpAction,
  importAction,
  loadDemoAction,
  openLookupAction,
  openNamingAction,
  segmentAction,
  segmentAtAction,
  setupAction,
} from './gas/actions';
import { serverApi } from './gas/api';
import { currentEnv } from './gas/context';
import { type ImportReport, runImport } from './gas/importer';
import { runSegmentation, type SegmentationReport } from './gas/segmentation';
import { selfCheckAction, selfCheckApi } from './gas/selfcheck';
import { openUploadAction, uploadApi } from './gas/upload';

/** Adds the Kenali menu under Extensions ▸ Kenali (createAddonMenu, as Google requires of an Editor
 *  add-on; a bound script gets the same place). Indonesian; English when the spreadsheet's locale is not. */
export function onOpen(e?: { authMode?: unknown }): void {
  // In AuthMode.NONE (an add-on not yet used in this document) the document cannot be read: the menu
  // must still appear, in Indonesian by default.
  let lang: Lang = 'id';
  if (String(e?.authMode ?? '') !== 'NONE') {
    try {
      lang = currentEnv().lang;
    } catch {
      // keep Indonesian
    }
  }
  const m = t('menu', lang);
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem(m.import, 'kenaliImport')
    .addItem(m.importFile, 'kenaliOpenUpload')
    .addItem(m.naming, 'kenaliOpenNaming')
    .addItem(m.lookup, 'kenaliOpenLookup')
    .addItem(m.segment, 'kenaliSegment')
    .addItem(m.segmentAt, 'kenaliSegmentAt')
    .addSeparator()
    .addItem(m.setup, 'kenaliSetup')
    .addItem(m.demo, 'kenaliLoadDemo')
    .addItem(m.help, 'kenaliHelp')
    .addItem(m.selfCheck, 'kenaliSelfCheck')
    .addToUi();
}

export function onInstall(e?: { authMode?: unknown }): void {
  onOpen(e);
}

// Menu actions.
export const kenaliImport = importAction;
export const kenaliOpenNaming = openNamingAction;
export const kenaliOpenLookup = openLookupAction;
export const kenaliSegment = segmentAction;
export const kenaliSegmentAt = segmentAtAction;
export const kenaliSetup = setupAction;
export const kenaliLoadDemo = loadDemoAction;
export const kenaliHelp = helpAction;
export const kenaliOpenUpload = openUploadAction;
export const kenaliSelfCheck = selfCheckAction;

// Functions the sidebars call (google.script.run).
export const getNamingQueue = serverApi.getNamingQueue;
export const saveBuyerName = serverApi.saveBuyerName;
export const lookupCustomers = serverApi.lookupCustomers;
export const getCustomerDetail = serverApi.getCustomerDetail;
// The upload sidebar (src/gas/upload.ts).
export const uploadOpen = uploadApi.uploadOpen;
export const uploadBegin = uploadApi.uploadBegin;
export const uploadChunk = uploadApi.uploadChunk;
export const uploadCommit = uploadApi.uploadCommit;
export const uploadEnd = uploadApi.uploadEnd;
export const uploadShowProblems = uploadApi.uploadShowProblems;

// The self-check sidebar's functions ("Periksa Kenali").
export const runSelfCheck = selfCheckApi.runSelfCheck;
export const selfCheckEcho = selfCheckApi.selfCheckEcho;
export const selfCheckPayload = selfCheckApi.selfCheckPayload;
export const selfCheckDateResult = selfCheckApi.selfCheckDateResult;

// For the local CLI (local/cli): the menu's Impor and Segmentasi returning their report instead of an alert.
// Private (trailing _): Apps Script hides them from google.script.run and the Run menu.
export function kenaliImportJson_(): ImportReport {
  return runImport(currentEnv());
}

/** `todayIso` ('YYYY-MM-DD') sets the run date, as "Segmentasi RFM per tanggal" does; default now. */
export function kenaliSegmentJson_(todayIso?: string): SegmentationReport {
  const env = currentEnv();
  const clock = runClock(String(todayIso ?? ''), env.clock);
  if (clock === null) throw new Error(t('sheet', env.lang).segmentAtInvalid(String(todayIso)));
  return runSegmentation(env, clock, false);
}
