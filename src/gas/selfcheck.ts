// "Periksa Kenali": the server half of the self-check. It writes into a temporary sheet of the seller's own
// spreadsheet what Kenali's code relies on (see src/core/selfcheck/checks.ts), reads it back, and deletes
// the sheet again, even when a check throws. It touches no other sheet and leaves no document property
// behind; it needs nothing beyond the manifest's two scopes. The services come through Env (context.ts),
// the same ones every other action uses. The sidebar (sidebar/selfcheck) adds the
// google.script.run round trips and shows the report.
import { localeConventions } from '../core/locale';
import { type BlockContext, derivedContext } from '../core/selfcheck/block';
import {
  CELL_CHARS,
  CELL_PROBES,
  type CheckResult,
  CLEANUP_EXPECTED,
  cellCheckId,
  DATETIME_FORMAT,
  DISPLAY_FORMAT,
  DISPLAY_NUMBER,
  describeCell,
  describeOrderTime,
  describeSerial,
  expectedCell,
  expectedDisplay,
  expectedOrderTime,
  expectedSerial,
  hasNoYear,
  LOCK_EXPECTED,
  LONG_CELL_EXPECTED,
  NUMBER_FORMAT_FOR_DATE,
  ORDER_TIMES,
  orderTimeEpoch,
  PROPERTY_CHARS,
  PROPERTY_EXPECTED,
  PROPERTY_KEY,
  result,
  SERIAL_EXPECTED,
  SERIAL_PROBE,
} from '../core/selfcheck/checks';
import { fingerprint, payloadText } from '../core/selfcheck/payload';
import { t } from '../core/text';
import { toIso } from '../core/time';
import type { Lang } from '../core/types';
import { currentEnv, type Env } from './context';
import { TEXT_FORMAT } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SelfCheckServerReport extends BlockContext {
  lang: Lang;
  checks: CheckResult[];
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Runs `observe`; a throw becomes what was seen ("error: …"), so one broken check never hides the rest. */
function attempt(observe: () => string): string {
  try {
    return observe();
  } catch (e) {
    return `error: ${message(e)}`;
  }
}

/** A sheet name no seller uses: the check must never write into an existing sheet. */
function temporaryName(ss: Spreadsheet): string {
  const base = `Kenali periksa ${Date.now()}`;
  let name = base;
  for (let n = 2; ss.getSheetByName(name); n++) name = `${base} (${n})`;
  return name;
}

/** Each probe into a plain-text column (A) and an automatic one (B); one write, one read of each kind. */
function cellChecks(sheet: Sheet, timeZone: string, locale: string): CheckResult[] {
  const conventions = localeConventions(locale);
  const n = CELL_PROBES.length;
  let values: unknown[][] = [];
  let formulas: string[][] = [];
  const failure = attempt(() => {
    sheet.getRange(1, 1, n, 1).setNumberFormat(TEXT_FORMAT); // the format first, as Kenali writes
    const range = sheet.getRange(1, 1, n, 2);
    range.setValues(CELL_PROBES.map((p) => [p, p]));
    values = range.getValues();
    formulas = range.getFormulas();
    return '';
  });
  return CELL_PROBES.flatMap((probe, i) =>
    (['text', 'auto'] as const).map((column, j) =>
      result(
        cellCheckId(column, probe),
        expectedCell(probe, column, conventions),
        failure || attempt(() => describeCell(values[i][j], formulas[i][j], timeZone, hasNoYear(probe))),
      ),
    ),
  );
}

/** Dates at 23:30 and 00:30 local (automatic cells in C, Kenali's date-time format in D), a serial in a
 *  date-time cell, a Date in a number cell, and a number's display: one write, two reads. */
function dateChecks(sheet: Sheet, timeZone: string, locale: string): CheckResult[] {
  const [late, early] = ORDER_TIMES.map((p) => new Date(orderTimeEpoch(p, timeZone)));
  let values: unknown[][] = [];
  let shown: string[][] = [];
  const failure = attempt(() => {
    sheet
      .getRange(1, 4, 5, 1)
      .setNumberFormats([
        [DATETIME_FORMAT],
        [DATETIME_FORMAT],
        [DATETIME_FORMAT],
        [NUMBER_FORMAT_FOR_DATE],
        [DISPLAY_FORMAT],
      ]);
    const range = sheet.getRange(1, 3, 5, 2);
    range.setValues([
      [late, late],
      [early, early],
      ['', SERIAL_PROBE],
      ['', late],
      ['', DISPLAY_NUMBER],
    ]);
    values = range.getValues();
    shown = range.getDisplayValues();
    return '';
  });
  const seen = (observe: () => string) => failure || attempt(observe);
  return [
    ...ORDER_TIMES.map((p, i) =>
      result(
        p.id,
        expectedOrderTime(p),
        seen(() =>
          describeOrderTime([late, early][i].getTime(), values[i][0], values[i][1], shown[i][1], timeZone),
        ),
      ),
    ),
    result(
      'date:serial',
      SERIAL_EXPECTED,
      seen(() => describeCell(values[2][1], '', timeZone)),
    ),
    result(
      'date:as-number',
      expectedSerial(timeZone),
      seen(() => describeSerial(values[3][1], timeZone)),
    ),
    result(
      `display:${DISPLAY_FORMAT}`,
      expectedDisplay(localeConventions(locale)),
      seen(() => `shown=${shown[4][1]}`),
    ),
  ];
}

/** 50,000 characters fit in a cell; 50,001 must be refused (not cut: a cut address would go unnoticed). */
function longCellCheck(env: Env, sheet: Sheet): CheckResult {
  const seen = attempt(() => {
    const text = payloadText(CELL_CHARS);
    const cell = sheet.getRange(1, 5);
    cell.setValue(text);
    const back = cell.getValue();
    const fits = back === text ? 'same' : `different (${fingerprint(back)})`;
    const over = sheet.getRange(2, 5);
    let refused: string;
    try {
      over.setValue(payloadText(CELL_CHARS + 1));
      env.flush(); // Sheets may report a bad write only when the batch is sent
      const kept = over.getValue();
      refused = typeof kept === 'string' && kept.length > 0 ? `stored ${kept.length}` : 'dropped';
    } catch {
      refused = 'refused';
    }
    return `${CELL_CHARS}=${fits} ${CELL_CHARS + 1}=${refused}`;
  });
  return result('cell:50000', LONG_CELL_EXPECTED, seen);
}

function lockCheck(env: Env): CheckResult {
  const seen = attempt(() => {
    const lock = env.documentLock();
    const got = lock.tryLock(10_000);
    const held = lock.hasLock();
    if (got) lock.releaseLock();
    return `tryLock=${got} hasLock=${held} afterRelease=${lock.hasLock()}`;
  });
  return result('lock:document', LOCK_EXPECTED, seen);
}

function propertiesCheck(env: Env): CheckResult {
  const seen = attempt(() => {
    const props = env.properties;
    const value = payloadText(PROPERTY_CHARS);
    try {
      props.setProperty(PROPERTY_KEY, value);
      const back = props.getProperty(PROPERTY_KEY);
      return `${back === value ? 'same' : `different (${fingerprint(back)})`} ${PROPERTY_CHARS} chars`;
    } finally {
      props.deleteProperty(PROPERTY_KEY);
    }
  });
  const deleted = attempt(() => (env.properties.getProperty(PROPERTY_KEY) === null ? 'true' : 'false'));
  return result('properties:document', PROPERTY_EXPECTED, `${seen}, deleted=${deleted}`);
}

/** Every server check, the temporary sheet deleted (and the seller's active sheet back) whatever happens. */
export function runServerChecks(): SelfCheckServerReport {
  const env = currentEnv();
  const ss = env.ss;
  const timeZone = env.clock.timeZone;
  const locale = ss.getSpreadsheetLocale();
  const checks: CheckResult[] = [];
  const active = ss.getActiveSheet();
  const name = temporaryName(ss);
  const sheet = ss.insertSheet(name, ss.getNumSheets());
  try {
    checks.push(...cellChecks(sheet, timeZone, locale));
    checks.push(...dateChecks(sheet, timeZone, locale));
    checks.push(longCellCheck(env, sheet));
  } finally {
    const removed = attempt(() => {
      ss.deleteSheet(sheet);
      return ss.getSheetByName(name) === null ? CLEANUP_EXPECTED : 'still there';
    });
    if (active) attempt(() => ss.setActiveSheet(active).getName());
    checks.push(result('cleanup', CLEANUP_EXPECTED, removed));
  }
  checks.push(lockCheck(env), propertiesCheck(env));
  return {
    lang: env.lang,
    ranAt: toIso(env.clock.now),
    locale,
    timeZone,
    derived: derivedContext(localeConventions(locale), timeZone),
    checks,
  };
}

/** The menu item: the report is a sidebar (the seller copies its JSON block from there). */
export function selfCheckAction(): void {
  const env = currentEnv();
  const lang = env.lang;
  env.ui.showSidebar(
    HtmlService.createHtmlOutputFromFile('SelfCheck').setTitle(t('menu', lang).selfCheck).setWidth(300),
  );
}

/** What google.script.run delivered, as JSON (null, undefined members and all): the sidebar compares. */
export function selfCheckEcho(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/** The fingerprint of a big argument (`text`), and a big text back when `length` is given. */
export function selfCheckPayload(text: unknown, length?: number): { received: string; text: string | null } {
  const n = Number(length);
  return {
    received: fingerprint(text),
    text: Number.isInteger(n) && n > 0 && n <= 10_000_000 ? payloadText(n) : null,
  };
}

/** A result google.script.run cannot carry (a Date): the page must receive null. */
export function selfCheckDateResult(): { when: Date } {
  return { when: new Date(0) };
}

/** The functions the self-check sidebar calls (sidebar/selfcheck/main.ts types its client from this). */
export const selfCheckApi = {
  runSelfCheck: runServerChecks,
  selfCheckEcho,
  selfCheckPayload,
  selfCheckDateResult,
};

export type SelfCheckApi = typeof selfCheckApi;
