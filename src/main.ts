// The Apps Script entry: every export here becomes a top-level function in dist/Code.js (see build.mjs).
import { langFromLocale, t } from './core/text';
import { serverApi } from './gas/api';

export function onOpen(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const m = t('menu', langFromLocale(ss.getSpreadsheetLocale()));
  SpreadsheetApp.getUi()
    .createMenu(m.title)
    .addItem(m.import, 'kenaliImport')
    .addItem(m.naming, 'kenaliOpenNaming')
    .addItem(m.lookup, 'kenaliOpenLookup')
    .addItem(m.segment, 'kenaliSegment')
    .addSeparator()
    .addItem(m.setup, 'kenaliSetup')
    .addItem(m.demo, 'kenaliLoadDemo')
    .addItem(m.help, 'kenaliHelp')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export const getNamingQueue = serverApi.getNamingQueue;
export const saveBuyerName = serverApi.saveBuyerName;
export const lookupCustomers = serverApi.lookupCustomers;
export const getCustomerDetail = serverApi.getCustomerDetail;
