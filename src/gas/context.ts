// What every action needs to know about the spreadsheet it runs in: its zone, language and "now".
import { langFromLocale } from '../core/text';
import type { Clock, Lang } from '../core/types';

export interface Env {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  clock: Clock;
  lang: Lang;
}

export function currentEnv(now: number = Date.now()): Env {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    ss,
    clock: { timeZone: ss.getSpreadsheetTimeZone() || 'Asia/Jakarta', now },
    lang: langFromLocale(ss.getSpreadsheetLocale()),
  };
}
