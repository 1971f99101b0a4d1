// What every action needs: the spreadsheet and the services around it (document lock, document
// properties, UI), its zone, language and "now". Passed in as one Env (as apps-script-oauth2 passes its
// stores and locks), so the Apps Script side runs against small fakes as well as the real services. Every
// service call costs a round trip: an Env asks for each thing the first time it is used, not before.
import { ALL_DAYS, DEFAULT_RECENT_DAYS } from '../core/queue';
import { langFromLocale, t } from '../core/text';
import type { Clock, Lang } from '../core/types';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Properties = GoogleAppsScript.Properties.Properties;
type Lock = GoogleAppsScript.Lock.Lock;
type Ui = GoogleAppsScript.Base.Ui;

export interface Env {
  readonly ss: Spreadsheet;
  readonly clock: Clock;
  readonly lang: Lang;
  /** The document's properties (PropertiesService.getDocumentProperties()). */
  readonly properties: Properties;
  readonly ui: Ui;
  /** The document lock (LockService.getDocumentLock()). */
  documentLock(): Lock;
  /** Applies pending spreadsheet changes (SpreadsheetApp.flush()). */
  flush(): void;
}

export interface Services {
  spreadsheet: () => Spreadsheet;
  documentLock: () => Lock;
  documentProperties: () => Properties;
  ui: () => Ui;
  flush: () => void;
}

/** An Env over the given services; each is asked for once, when first used. */
export function makeEnv(services: Services, now: number = Date.now(), clock?: Partial<Clock>): Env {
  const once = <T>(get: () => T): (() => T) => {
    let done = false;
    let value: T;
    return () => {
      if (!done) {
        value = get();
        done = true;
      }
      return value;
    };
  };
  const ss = once(services.spreadsheet);
  const timeZone = once(() => clock?.timeZone ?? (ss().getSpreadsheetTimeZone() || 'Asia/Jakarta'));
  const lang = once(() => langFromLocale(ss().getSpreadsheetLocale()));
  const properties = once(services.documentProperties);
  const ui = once(services.ui);
  const at = clock?.now ?? now;
  return {
    get ss() {
      return ss();
    },
    get clock() {
      return { timeZone: timeZone(), now: at };
    },
    get lang() {
      return lang();
    },
    get properties() {
      return properties();
    },
    get ui() {
      return ui();
    },
    documentLock: services.documentLock,
    flush: services.flush,
  };
}

/** The Apps Script services of this execution. */
export const APPS_SCRIPT: Services = {
  spreadsheet: () => SpreadsheetApp.getActiveSpreadsheet(),
  documentLock: () => LockService.getDocumentLock(),
  documentProperties: () => PropertiesService.getDocumentProperties(),
  ui: () => SpreadsheetApp.getUi(),
  flush: () => SpreadsheetApp.flush(),
};

export function currentEnv(now: number = Date.now()): Env {
  return makeEnv(APPS_SCRIPT, now);
}

/** The same spreadsheet and services as `env`, with another clock (a segmentation as of a past day). */
export function withClock(env: Env, clock: Clock): Env {
  return Object.create(env, { clock: { value: clock } }) as Env;
}

/** The document property holding the recent window of the naming queue and lookup list, in days. */
export const RECENT_DAYS_PROPERTY = 'kenali.recentDays';
const MAX_RECENT_DAYS = 90;

/**
 * The recent window: `requested` when the page asks for one (remembered for this spreadsheet), else the
 * remembered one, else the spec's 2 days. A whole number from 1 to 90, or 0 (ALL_DAYS: "semua").
 */
export function recentDays(env: Env, requested?: number): number {
  const props = env.properties;
  const valid = (n: unknown): n is number =>
    Number.isInteger(n) && (n === ALL_DAYS || ((n as number) >= 1 && (n as number) <= MAX_RECENT_DAYS));
  if (requested !== undefined && requested !== null) {
    const n = Number(requested);
    if (!valid(n)) throw new Error(t('naming', env.lang).badWindow(String(MAX_RECENT_DAYS)));
    props.setProperty(RECENT_DAYS_PROPERTY, String(n));
    return n;
  }
  const text = props.getProperty(RECENT_DAYS_PROPERTY);
  const stored = text === null || text.trim() === '' ? Number.NaN : Number(text);
  return valid(stored) ? stored : DEFAULT_RECENT_DAYS;
}

/** Runs `fn` under the document lock: concurrent editors queue instead of overwriting each other.
 *  Pending writes are flushed before the lock is released, so the next editor reads them. */
export function withDocumentLock<T>(env: Env, fn: () => T, timeoutMs = 30_000): T {
  const lock = env.documentLock();
  try {
    lock.waitLock(timeoutMs);
  } catch (e) {
    // Another run (an import, usually) held the document for longer: say so in the seller's words.
    if (/lock timeout/i.test(String((e as Error)?.message))) throw new Error(t('sheet', env.lang).busy);
    throw e;
  }
  try {
    return fn();
  } finally {
    env.flush();
    lock.releaseLock();
  }
}
