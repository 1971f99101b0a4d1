// What every action needs to know about the spreadsheet it runs in: its zone, language and "now".
import { DEFAULT_RECENT_DAYS } from '../core/queue';
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

/** The document property holding the recent window of the naming queue and lookup list, in days. */
export const RECENT_DAYS_PROPERTY = 'kenali.recentDays';
const MAX_RECENT_DAYS = 90;

/**
 * The recent window: `requested` when the page asks for one (remembered for this spreadsheet), else the
 * remembered one, else the spec's 2 days. Always a whole number from 1 to 90.
 */
export function recentDays(requested?: number): number {
  const props = PropertiesService.getDocumentProperties();
  const valid = (n: unknown): n is number =>
    Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_RECENT_DAYS;
  if (requested !== undefined && requested !== null) {
    const n = Number(requested);
    if (!valid(n)) throw new Error(`days must be a whole number from 1 to ${MAX_RECENT_DAYS}`);
    props.setProperty(RECENT_DAYS_PROPERTY, String(n));
    return n;
  }
  const stored = Number(props.getProperty(RECENT_DAYS_PROPERTY));
  return valid(stored) ? stored : DEFAULT_RECENT_DAYS;
}
