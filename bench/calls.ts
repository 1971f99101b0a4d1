// One size of the spreadsheet-call benchmark, in its own process: the BUILT bundle (dist/Code.js) in the
// local Apps Script runtime, on a demo shop pasted into the inbox as a seller pastes an export and its
// income report. Counts the service calls of each operation (the runtime's counter), times it (local
// runtime time, NOT Apps Script time), and measures what the store occupies in cells.
//   node --import tsx --expose-gc bench/calls.ts <lines> [as-built|trimmed]
// 'trimmed' first cuts the store sheets' grids to their schema's columns (a new sheet has 26): the
// as-built store can hit Google's 10M-cell limit before the operations can be measured at 100k lines.
import { type Bundle, LocalRange, LocalSpreadsheet, loadBundle } from '../local';
import { generateIncomeReport, generateShopeeExport } from '../src/core/demo';
import { STORE_SCHEMAS } from '../src/core/store';
import { t } from '../src/core/text';
import type { CellValue } from '../src/core/types';
import type { LookupListView, NamingQueueView } from '../src/core/views';
import { collect, emitResult, maxRssBytes, NOW, progress, SEED, TZ } from './shared';

export interface OperationFigure {
  name: string;
  /** Service calls by 'Class.method'. */
  calls: Record<string, number>;
  total: number;
  ms: number;
  /** Cells moved by bulk Range calls: read (getValues, getFormulas, getNumberFormats…), written
   *  (setValues), formats written (setNumberFormats, setBackgrounds, setFontColors). */
  cells: CellTally;
  /** Set when the operation threw (e.g. the 10M-cell limit): the later operations did not run. */
  error?: string;
}

export interface CellTally {
  read: number;
  written: number;
  formats: number;
}

export type CallsMode = 'as-built' | 'trimmed';

export interface SheetCells {
  sheet: string;
  rows: number;
  columns: number;
  /** rows × columns of the data range, header included. */
  cells: number;
  /** The sheet's whole grid (max rows × max columns): what counts against the 10M-cell limit. */
  grid: number;
}

export interface CallsResult {
  lines: number;
  mode: CallsMode;
  orders: number;
  operations: OperationFigure[];
  /** The store sheets (Orders, OrderItems, OrderPayments, BuyerProfile) after import and one saved name. */
  store: SheetCells[];
  /** Other sheets Kenali writes (Segments, status history, problems): they count against the limit too. */
  others: SheetCells[];
  /** Width of the pasted export (its columns are cells too, while it sits in the inbox). */
  inboxColumns: number;
  /** Σ rows × columns of every sheet's grid at the end: what Google's 10M-cell limit counts. */
  gridCells: number;
  /** The inbox sheet's grid at the end (the importer clears its contents; the grid stays). */
  inboxGrid: number;
  /** Σ grid cells of the store sheets (as built, a store sheet keeps the 26 columns of a new sheet). */
  storeGrid: number;
  maxRss: number;
}

const STORE_SHEETS = ['orders', 'items', 'payments', 'profiles'] as const;

/** The demo export and its income report, each a grid as the seller pastes it into the inbox. */
function demoGrids(lines: number): { exportGrid: CellValue[][]; income: CellValue[][] } {
  const exportGrid = generateShopeeExport({ seed: SEED, lines, now: NOW, timeZone: TZ }).grid;
  const income = generateIncomeReport({ seed: SEED, exportGrid, now: NOW, timeZone: TZ }).grid;
  return { exportGrid, income };
}

function cellsOf(wb: LocalSpreadsheet, name: string): SheetCells | null {
  if (!wb.hasSheet(name)) return null;
  const s = wb.sheet(name);
  const rows = s._lastRow();
  const columns = s._lastColumn();
  return { sheet: name, rows, columns, cells: rows * columns, grid: s.maxRows * s.maxColumns };
}

// The counter counts calls, not how much each moves: wrap the bulk Range methods (in this child process
// only) to add up the cells. Service time in Apps Script grows with both.
const tally: CellTally = { read: 0, written: 0, formats: 0 };
const BULK: Record<string, keyof CellTally> = {
  getValues: 'read',
  getDisplayValues: 'read',
  getFormulas: 'read',
  getNumberFormats: 'read',
  getBackgrounds: 'read',
  setValues: 'written',
  setFormulas: 'written',
  setNumberFormats: 'formats',
  setBackgrounds: 'formats',
  setFontColors: 'formats',
  setFontWeights: 'formats',
};
const size2d = (v: unknown) => (Array.isArray(v) ? v.length * (Array.isArray(v[0]) ? v[0].length : 0) : 0);
for (const [method, kind] of Object.entries(BULK)) {
  const proto = LocalRange.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const orig = proto[method];
  if (typeof orig !== 'function') continue;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const out = orig.apply(this, args);
    tally[kind] += kind === 'read' ? size2d(out) : size2d(args[0]);
    return out;
  };
  Object.defineProperty(wrapped, 'name', { value: method });
  proto[method] = wrapped;
}

function gridOf(wb: LocalSpreadsheet, name: string): number {
  if (!wb.hasSheet(name)) return 0;
  const s = wb.sheet(name);
  return s.maxRows * s.maxColumns;
}

function main(lines: number, mode: CallsMode): void {
  const tx = t('sheet', 'id');
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  const bundle: Bundle = loadBundle({ workbook: wb, now: NOW });
  bundle.call('kenaliSetup');
  if (mode === 'trimmed') {
    for (const k of STORE_SHEETS) {
      const s = wb.sheet(STORE_SCHEMAS[k].sheet);
      const width = STORE_SCHEMAS[k].headers.length;
      if (s.maxColumns > width) s.deleteColumns(width + 1, s.maxColumns - width);
    }
  }

  progress(`calls ${lines.toLocaleString('en')} lines (${mode}): generating the export`);
  let grids: ReturnType<typeof demoGrids> | null = demoGrids(lines);
  const inboxColumns = grids.exportGrid[0].length;
  const paste = (grid: CellValue[][]) => wb.putValues(tx.inboxSheet, grid, { asText: true });

  const operations: OperationFigure[] = [];
  let failed = false;
  const op = <T>(name: string, fn: () => T): T | null => {
    if (failed) return null;
    progress(`calls ${lines.toLocaleString('en')} lines (${mode}): ${name}`);
    const start = performance.now();
    const before = bundle.counter.snapshot();
    const cells0 = { ...tally };
    const moved = (): CellTally => ({
      read: tally.read - cells0.read,
      written: tally.written - cells0.written,
      formats: tally.formats - cells0.formats,
    });
    try {
      const m = bundle.counter.measure(fn);
      operations.push({
        name,
        calls: m.calls,
        total: m.total,
        ms: performance.now() - start,
        cells: moved(),
      });
      return m.result;
    } catch (e) {
      // The calls made before the failure still count: they are what Apps Script would have done.
      const calls: Record<string, number> = {};
      let total = 0;
      for (const [k, v] of Object.entries(bundle.counter.snapshot())) {
        const d = v - (before[k] ?? 0);
        if (d > 0) {
          calls[k] = d;
          total += d;
        }
      }
      const error = e instanceof Error ? e.message : String(e);
      operations.push({ name, calls, total, ms: performance.now() - start, cells: moved(), error });
      failed = true;
      return null;
    }
  };

  paste(grids.exportGrid);
  op('import: orders export', () => bundle.call('kenaliImport'));
  paste(grids.income);
  op('import: income report', () => bundle.call('kenaliImport'));
  grids = null;
  collect();

  op('segmentation', () => bundle.call('kenaliSegment'));
  const queue = op('queue load (getNamingQueue)', () => bundle.call<NamingQueueView>('getNamingQueue'));
  const entry = queue?.entries[0];
  if (queue && !entry) throw new Error('the naming queue is empty: nothing to save');
  if (entry) {
    op('save name (saveBuyerName)', () =>
      bundle.call('saveBuyerName', entry.buyerKey, 'Nama Uji', entry.addressFull),
    );
    const list = op('lookup list', () => bundle.call<LookupListView>('lookupCustomers', ''));
    if (list && list.items.length === 0) throw new Error('the lookup list is empty');
    // A search that matches many customers: the first three letters of a username.
    const query = entry.buyerUsername.slice(0, 3);
    op(`lookup search "${query}"`, () => bundle.call('lookupCustomers', query));
    op('customer detail', () => bundle.call('getCustomerDetail', entry.buyerKey));
  }
  // The same export again (an overlapping export pasted twice): nothing changes, the calls must not grow.
  if (!failed) {
    const again = demoGrids(lines).exportGrid;
    paste(again);
    again.length = 0;
    op('re-import, same export', () => bundle.call('kenaliImport'));
  }

  const store = STORE_SHEETS.map((k) => cellsOf(wb, STORE_SCHEMAS[k].sheet)).filter((c) => c !== null);
  const others = [STORE_SCHEMAS.history.sheet, tx.segmentsSheet, tx.problemsSheet]
    .map((name) => cellsOf(wb, name))
    .filter((c) => c !== null);
  const orders = cellsOf(wb, STORE_SCHEMAS.orders.sheet);
  const result: CallsResult = {
    lines,
    mode,
    orders: orders ? orders.rows - 1 : 0,
    operations,
    store,
    others,
    inboxColumns,
    gridCells: wb.cellCount(),
    inboxGrid: gridOf(wb, tx.inboxSheet),
    storeGrid: STORE_SHEETS.reduce((n, k) => n + gridOf(wb, STORE_SCHEMAS[k].sheet), 0),
    maxRss: maxRssBytes(),
  };
  emitResult(result);
}

const lines = Number(process.argv[2]);
const mode = process.argv[3] ?? 'as-built';
if (!Number.isInteger(lines) || lines < 1 || (mode !== 'as-built' && mode !== 'trimmed')) {
  process.stderr.write('usage: bench/calls.ts <lines> [as-built|trimmed]\n');
  process.exit(2);
}
main(lines, mode);
