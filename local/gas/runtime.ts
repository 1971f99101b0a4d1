// One local "Apps Script project bound to a spreadsheet": the workbook, locks, property stores, the user,
// and a fresh set of service globals per execution.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalCharts } from './chart';
import type { CallCounter } from './counter';
import { LocalHtmlService } from './html';
import { type Execution, LocalLockService, LockRegistry } from './lock';
import { LocalPropertiesService } from './properties';
import { LocalSpreadsheet, LocalSpreadsheetApp } from './spreadsheet';
import { LocalUtilities } from './utilities';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');

export interface RuntimeOptions {
  /** The bound spreadsheet (default: a new one with 'Sheet1', Asia/Jakarta, id_ID). */
  workbook?: LocalSpreadsheet;
  /** Where HtmlService.createHtmlOutputFromFile finds <name>.html (default dist/). */
  htmlDir?: string;
  /** Whose user properties and locks these are. */
  user?: string;
}

/** The globals a bundle sees, by their Apps Script names. */
export interface Services {
  SpreadsheetApp: LocalSpreadsheetApp;
  LockService: LocalLockService;
  PropertiesService: LocalPropertiesService;
  Utilities: LocalUtilities;
  HtmlService: LocalHtmlService;
  Charts: LocalCharts;
}

export const SERVICE_NAMES = [
  'SpreadsheetApp',
  'LockService',
  'PropertiesService',
  'Utilities',
  'HtmlService',
  'Charts',
] as const satisfies readonly (keyof Services)[];

export class Runtime {
  readonly workbook: LocalSpreadsheet;
  readonly locks = new LockRegistry();
  readonly scriptProperties = new Map<string, string>();
  private readonly userProperties = new Map<string, Map<string, string>>();
  htmlDir: string;
  user: string;
  private nextExecution = 1;

  constructor(opts: RuntimeOptions = {}) {
    this.workbook = opts.workbook ?? new LocalSpreadsheet();
    this.htmlDir = opts.htmlDir ?? DIST_DIR;
    this.user = opts.user ?? 'penjual@example.com';
  }

  get counter(): CallCounter {
    return this.workbook.counter;
  }

  newExecution(): Execution {
    return { id: this.nextExecution++ };
  }

  /** Apps Script releases what an execution still holds when it ends. */
  endExecution(exec: Execution): void {
    this.locks.releaseAll(exec.id);
  }

  userPropertiesOf(email: string): Map<string, string> {
    let m = this.userProperties.get(email);
    if (!m) {
      m = new Map();
      this.userProperties.set(email, m);
    }
    return m;
  }

  /**
   * Puts the service objects on `target` (default globalThis) as one execution, for src/gas code run
   * directly in Node (a unit test without building). Returns the undo function, which also ends the
   * execution. Prefer loadBundle for anything that should behave like Apps Script.
   */
  installGlobals(target: object = globalThis): () => void {
    const exec = this.newExecution();
    const t = target as Record<string, unknown>;
    const saved = new Map(SERVICE_NAMES.map((n) => [n, Object.getOwnPropertyDescriptor(t, n)]));
    Object.assign(t, this.services(exec));
    return () => {
      for (const [n, d] of saved) {
        if (d) Object.defineProperty(t, n, d);
        else delete t[n];
      }
      this.endExecution(exec);
    };
  }

  /** Service globals whose locks belong to `exec`. */
  services(exec: Execution): Services {
    const c = this.counter;
    return {
      SpreadsheetApp: new LocalSpreadsheetApp(this.workbook),
      LockService: new LocalLockService(c, this.locks, exec, this.user),
      PropertiesService: new LocalPropertiesService(c, {
        document: this.workbook.documentProperties,
        script: this.scriptProperties,
        user: this.userPropertiesOf(this.user),
      }),
      Utilities: new LocalUtilities(c),
      HtmlService: new LocalHtmlService(c, this.htmlDir),
      Charts: new LocalCharts(c),
    };
  }
}
