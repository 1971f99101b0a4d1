// The local Apps Script runtime (see local/README.md).

export {
  type BridgeRequest,
  type BridgeResponse,
  createBridge,
  createJsonBridge,
  type Transport,
} from './bridge';
export {
  clientShimScript,
  createGoogleScript,
  type GoogleScript,
  installGoogleScript,
  SCRIPT_RUN_SOURCE,
  type ScriptRunOptions,
} from './bridge-client';
export { Bundle, type LoadBundleOptions, loadBundle } from './bundle';
export {
  type ConcurrentRun,
  type ExecutionCall,
  type ExecutionOutcome,
  type RunConcurrentlyOptions,
  runConcurrently,
} from './executions';
export { a1Notation, columnLetter, columnNumber, parseA1 } from './gas/a1';
export { AUTOMATIC_FORMAT, type CellValue, FORMULA_VALUE, TEXT_FORMAT } from './gas/cells';
export { ChartType, LocalChartBuilder, LocalEmbeddedChart } from './gas/chart';
export { CallCounter, GasObject } from './gas/counter';
export { LocalHtmlOutput, LocalHtmlService } from './gas/html';
export { LOCK_TIMEOUT_MESSAGE, LocalLock, LockManager } from './gas/lock';
export { LocalProperties } from './gas/properties';
export { LocalRange } from './gas/range';
export { LocalRangeList } from './gas/rangelist';
export {
  DIST_DIR,
  REPO_ROOT,
  Runtime,
  type RuntimeOptions,
  SERVICE_NAMES,
  type Services,
} from './gas/runtime';
export { LocalFilter, LocalSheet } from './gas/sheet';
export {
  CELL_LIMIT,
  LocalSpreadsheet,
  LocalSpreadsheetApp,
  type SpreadsheetOptions,
} from './gas/spreadsheet';
export { LocalTextFinder } from './gas/textfinder';
export { type AlertRecord, type DialogRecord, LocalUi, type MenuRecord } from './gas/ui';
export { LocalUtilities } from './gas/utilities';
export { fromXlsxBuffer, type LoadOptions, loadXlsx, saveXlsx, toXlsxBuffer } from './xlsx';

import type { LocalRange } from './gas/range';
import type { LocalSheet } from './gas/sheet';
import type { LocalSpreadsheet } from './gas/spreadsheet';

/** Hands a local object to code typed against Apps Script (src/gas), e.g. writeTable(asGas.sheet(s), …). */
export const asGas = {
  spreadsheet: (s: LocalSpreadsheet) => s as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: (s: LocalSheet) => s as unknown as GoogleAppsScript.Spreadsheet.Sheet,
  range: (r: LocalRange) => r as unknown as GoogleAppsScript.Spreadsheet.Range,
};
