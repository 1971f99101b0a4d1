// The Apps Script entry: every export here becomes a top-level function in dist/Code.js (see build.mjs).
import { t } from './core/text';
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

/** Adds the Kenali menu (Indonesian; English when the spreadsheet's locale is not Indonesian). */
export function onOpen(): void {
  const m = t('menu', currentEnv().lang);
  SpreadsheetApp.getUi()
    .createMenu(m.title)
    .addItem(m.import, 'kenaliImport')
    .addItem(m.naming, 'kenaliOpenNaming')
    .addItem(m.lookup, 'kenaliOpenLookup')
    .addItem(m.segment, 'kenaliSegment')
    .addItem(m.segmentAt, 'kenaliSegmentAt')
    .addSeparator()
    .addItem(m.setup, 'kenaliSetup')
    .addItem(m.demo, 'kenaliLoadDemo')
    .addItem(m.help, 'kenaliHelp')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
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

// Functions the sidebars call (google.script.run).
export const getNamingQueue = serverApi.getNamingQueue;
export const saveBuyerName = serverApi.saveBuyerName;
export const lookupCustomers = serverApi.lookupCustomers;
export const getCustomerDetail = serverApi.getCustomerDetail;
