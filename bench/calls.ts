// One size of the store benchmark, in its own process: the BUILT bundle (dist/Code.js) in the local Apps
// Script runtime, a demo shop loaded through the inbox as a seller would (in chunks: Google's 10M cells
// hold no 300k-line paste), then a day of work measured action by action: the daily import (the newest
// 1,000 lines, half of them already stored with an earlier status), the naming queue, a save, the lookup
// list, a search, a customer's detail, and the same daily export again. Counted per action: service calls
// (the runtime's counter) and cells moved by them (read; written = values + formats sent cell by cell).
//   node --import tsx --expose-gc bench/calls.ts <lines>
// The shop's pace is fixed (the demo's 100k-line shop: 6 months), so a bigger shop is an older one: the
// recent window shows the same number of orders at every size, as a growing shop's would.
import { type Bundle, LocalRange, LocalRangeList, LocalSheet, LocalSpreadsheet, loadBundle } from '../local';
import { generateIncomeReport, generateShopeeExport } from '../src/core/demo';
import { STORE_SCHEMAS } from '../src/core/store';
import { t } from '../src/core/text';
import type { CellValue, Grid } from '../src/core/types';
import type { LookupListView, NamingQueueView } from '../src/core/views';
import { collect, emitResult, maxRssBytes, NOW, progress, SEED, TZ } from './shared';

export interface CellTally {
  read: number;
  /** Values written (setValue(s), RangeList.setValue). */
  written: number;
  /** Number formats sent cell by cell (setNumberFormats and the like: one format per cell in the request). */
  formats: number;
  /** Cells given one number format by a range-wide request (Range/RangeList.setNumberFormat): one format
   *  sent for a whole range, so shown apart, as clears are. */
  rangeFormats: number;
  /** Cells emptied by a clear (one request, no values sent: shown apart, as the figures did). */
  cleared: number;
}

export interface OperationFigure {
  name: string;
  /** Service calls by 'Class.method'. */
  calls: Record<string, number>;
  total: number;
  ms: number;
  cells: CellTally;
  /** Set when the operation threw: the later operations did not run. */
  error?: string;
}

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
  orders: number;
  customers: number;
  /** Lines of the daily paste, and of it already in the store before. */
  dailyLines: number;
  dailyOverlapLines: number;
  /** The initial load: imports of chunks (summed; not a goal, a catch-up). */
  load: { imports: number; calls: number; cells: CellTally; ms: number };
  operations: OperationFigure[];
  sheets: SheetCells[];
  inboxColumns: number;
  gridCells: number;
  maxRss: number;
}

/** The demo's 100k-line shop spans 6 months: every size keeps its pace. */
const MONTHS_PER_LINE = 6 / 100_000;
const DAILY_LINES = 1_000;
/** The newest lines of the daily paste the store has never seen (the rest it holds with an older status). */
const NEW_LINES = 500;
/** Lines per pasted chunk of the initial load. */
const CHUNK_LINES = 25_000;

// The counter counts calls, not how much each moves: wrap the bulk methods (in this child process only)
// to add up the cells. Service time in Apps Script grows with both.
const tally: CellTally = { read: 0, written: 0, formats: 0, rangeFormats: 0, cleared: 0 };
const size2d = (v: unknown) => (Array.isArray(v) ? v.length * (Array.isArray(v[0]) ? v[0].length : 0) : 0);
const rangeCells = (r: LocalRange) => r.numRows * r.numCols;
const listCells = (l: LocalRangeList) => l.ranges.reduce((n, r) => n + rangeCells(r), 0);

function wrap<T extends object>(
  proto: T,
  method: string,
  count: (self: never, args: unknown[], out: unknown) => void,
) {
  const p = proto as unknown as Record<string, (...a: unknown[]) => unknown>;
  const orig = p[method];
  if (typeof orig !== 'function') throw new Error(`no ${method}`);
  const wrapped = function (this: never, ...args: unknown[]) {
    const out = orig.apply(this, args);
    count(this, args, out);
    return out;
  };
  Object.defineProperty(wrapped, 'name', { value: method });
  p[method] = wrapped;
}

const R = LocalRange.prototype;
for (const m of ['getValues', 'getDisplayValues', 'getFormulas', 'getNumberFormats', 'getBackgrounds'])
  wrap(R, m, (_s, _a, out) => {
    tally.read += size2d(out);
  });
wrap(R, 'getValue', () => {
  tally.read += 1;
});
for (const m of ['setValues', 'setFormulas'])
  wrap(R, m, (_s, a) => {
    tally.written += size2d(a[0]);
  });
for (const m of ['setNumberFormats', 'setBackgrounds', 'setFontColors', 'setFontWeights'])
  wrap(R, m, (_s, a) => {
    tally.formats += size2d(a[0]);
  });
wrap(R, 'setValue', (s: LocalRange) => {
  tally.written += rangeCells(s);
});
wrap(R, 'setNumberFormat', (s: LocalRange) => {
  tally.rangeFormats += rangeCells(s);
});
wrap(R, 'clearContent', (s: LocalRange) => {
  tally.cleared += rangeCells(s);
});
wrap(LocalSheet.prototype, 'getSheetValues', (_s, _a, out) => {
  tally.read += size2d(out);
});
wrap(LocalSheet.prototype, 'appendRow', (_s, a) => {
  tally.written += Array.isArray(a[0]) ? a[0].length : 0;
});
const L = LocalRangeList.prototype;
wrap(L, 'setValue', (s: LocalRangeList) => {
  tally.written += listCells(s);
});
wrap(L, 'setNumberFormat', (s: LocalRangeList) => {
  tally.rangeFormats += listCells(s);
});
wrap(L, 'clearContent', (s: LocalRangeList) => {
  tally.cleared += listCells(s);
});
// A whole-sheet clear empties what the sheet held.
const clearSheet = LocalSheet.prototype.clearContents;
LocalSheet.prototype.clearContents = function (this: LocalSheet) {
  tally.cleared += this._lastRow() * this._lastColumn();
  return clearSheet.call(this);
};

// ---------------------------------------------------------------------------------------------- the shop

const STATUS = 'Status Pesanan';
/** The status an order had a day or two earlier, as yesterday's export showed it. */
const EARLIER: Record<string, string> = {
  Dikirim: 'Perlu Dikirim',
  Selesai: 'Dikirim',
  Batal: 'Perlu Dikirim',
  'Perlu Dikirim': 'Belum Bayar',
};

/** Index just past the order that holds line `n` (rows are grouped by order; row 0 is the header). */
function orderBoundary(rows: Grid, n: number): number {
  const sn = rows[0].indexOf('No. Pesanan');
  let i = Math.min(n, rows.length - 1);
  while (i + 1 < rows.length && rows[i + 1][sn] === rows[i][sn]) i++;
  return i + 1;
}

/** A grid pasted in chunks of whole orders, oldest chunk first (a seller catching up month by month). */
function chunks(header: CellValue[], rows: Grid, size: number): Grid[] {
  const out: Grid[] = [];
  const sn = header.indexOf('No. Pesanan');
  let end = rows.length;
  while (end > 0) {
    let start = Math.max(0, end - size);
    while (start > 0 && rows[start][sn] === rows[start - 1][sn]) start--;
    out.push([header, ...rows.slice(start, end)]);
    end = start;
  }
  return out;
}

function cellsOf(wb: LocalSpreadsheet, name: string): SheetCells | null {
  if (!wb.hasSheet(name)) return null;
  const s = wb.sheet(name);
  const rows = s._lastRow();
  const columns = s._lastColumn();
  return { sheet: name, rows, columns, cells: rows * columns, grid: s.maxRows * s.maxColumns };
}

function main(lines: number): void {
  const tx = t('sheet', 'id');
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  const bundle: Bundle = loadBundle({ workbook: wb, now: NOW });
  bundle.call('kenaliSetup');
  const months = lines * MONTHS_PER_LINE;
  const at = `${lines.toLocaleString('en')} lines`;

  progress(`store ${at}: generating the export`);
  const exportGrid = generateShopeeExport({ seed: SEED, lines, now: NOW, timeZone: TZ, months }).grid;
  const header = exportGrid[0];
  const dailyEnd = orderBoundary(exportGrid, DAILY_LINES);
  const newEnd = orderBoundary(exportGrid, NEW_LINES);
  const daily = exportGrid.slice(0, dailyEnd);
  // Yesterday's view of the overlapping orders: an earlier status.
  const status = header.indexOf(STATUS);
  const stored = exportGrid.slice(newEnd).map((r, i) => {
    if (i + newEnd >= dailyEnd) return r;
    const earlier = EARLIER[String(r[status])];
    return earlier ? r.map((v, j) => (j === status ? earlier : v)) : r;
  });
  const paste = (grid: Grid) => {
    if (wb.hasSheet(tx.inboxSheet)) wb.sheet(tx.inboxSheet).clearContents();
    wb.putValues(tx.inboxSheet, grid, { asText: true });
  };

  const operations: OperationFigure[] = [];
  let failed = false;
  const measure = <T>(name: string, fn: () => T): { result: T | null; figure: OperationFigure } => {
    const start = performance.now();
    const before = bundle.counter.snapshot();
    const cells0 = { ...tally };
    let result: T | null = null;
    let error: string | undefined;
    try {
      result = fn();
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const calls: Record<string, number> = {};
    let total = 0;
    for (const [k, v] of Object.entries(bundle.counter.snapshot())) {
      const d = v - (before[k] ?? 0);
      if (d > 0) {
        calls[k] = d;
        total += d;
      }
    }
    const cells = {
      read: tally.read - cells0.read,
      written: tally.written - cells0.written,
      formats: tally.formats - cells0.formats,
      rangeFormats: tally.rangeFormats - cells0.rangeFormats,
      cleared: tally.cleared - cells0.cleared,
    };
    return { result, figure: { name, calls, total, ms: performance.now() - start, cells, error } };
  };
  const op = <T>(name: string, fn: () => T): T | null => {
    if (failed) return null;
    progress(`store ${at}: ${name}`);
    const { result, figure } = measure(name, fn);
    operations.push(figure);
    if (figure.error) failed = true;
    return result;
  };

  // The initial load: the stored part in chunks (oldest first), then its income report.
  const load = {
    imports: 0,
    calls: 0,
    cells: { read: 0, written: 0, formats: 0, rangeFormats: 0, cleared: 0 },
    ms: 0,
  };
  const loadOne = (grid: Grid, what: string) => {
    paste(grid);
    progress(`store ${at}: loading ${what}`);
    const { figure } = measure(what, () => bundle.call('kenaliImport'));
    if (figure.error) throw new Error(`${what}: ${figure.error}`);
    load.imports++;
    load.calls += figure.total;
    load.ms += figure.ms;
    load.cells.read += figure.cells.read;
    load.cells.written += figure.cells.written;
    load.cells.formats += figure.cells.formats;
    load.cells.rangeFormats += figure.cells.rangeFormats;
    load.cells.cleared += figure.cells.cleared;
  };
  const storedChunks = chunks(header, stored, CHUNK_LINES);
  for (const [i, g] of storedChunks.entries()) loadOne(g, `orders chunk ${i + 1}/${storedChunks.length}`);
  const income = generateIncomeReport({
    seed: SEED,
    exportGrid: [header, ...stored],
    now: NOW,
    timeZone: TZ,
  }).grid;
  const incomeHead = income.findIndex((r) => r.includes('No. Pesanan'));
  const incomeChunks = chunks(income[incomeHead], income.slice(incomeHead + 1), CHUNK_LINES * 2).map((g) => [
    ...income.slice(0, incomeHead),
    ...g,
  ]);
  for (const [i, g] of incomeChunks.entries()) loadOne(g, `income chunk ${i + 1}/${incomeChunks.length}`);
  exportGrid.length = 0;
  collect();

  op('segmentation', () => bundle.call('kenaliSegment'));
  paste(daily);
  op('daily import (newest 1,000 lines)', () => bundle.call('kenaliImport'));
  const queue = op('naming queue', () => bundle.call<NamingQueueView>('getNamingQueue'));
  const entry = queue?.entries[0];
  if (queue && !entry) throw new Error('the naming queue is empty: nothing to save');
  if (entry) {
    // As the naming sidebar sends it: the first try for a buyer it showed unnamed.
    op('save name', () => bundle.call('saveBuyerName', entry.buyerKey, 'Nama Uji', entry.addressFull, true));
    // The upsert under the lock: a buyer named before (a retry, a correction from the lookup detail).
    op('rename (a named buyer)', () =>
      bundle.call('saveBuyerName', entry.buyerKey, 'Nama Uji Baru', entry.addressFull, false),
    );
    const list = op('lookup list (recent buyers)', () => bundle.call<LookupListView>('lookupCustomers', ''));
    if (list && list.items.length === 0) throw new Error('the lookup list is empty');
    const query = entry.buyerUsername.slice(0, 3);
    op(`lookup search "${query}"`, () => bundle.call('lookupCustomers', query));
    op('customer detail', () => bundle.call('getCustomerDetail', entry.buyerKey));
  }
  if (!failed) {
    paste(daily);
    op('daily import again (same export)', () => bundle.call('kenaliImport'));
  }

  const names = [
    ...Object.values(STORE_SCHEMAS).map((s) => s.sheet),
    'Customers',
    tx.segmentsSheet,
    tx.summarySheet,
    tx.problemsSheet,
  ];
  const sheets = names.map((n) => cellsOf(wb, n)).filter((c) => c !== null);
  const result: CallsResult = {
    lines,
    orders: (cellsOf(wb, 'Orders')?.rows ?? 1) - 1,
    customers: (cellsOf(wb, 'Customers')?.rows ?? 1) - 1,
    dailyLines: dailyEnd - 1,
    dailyOverlapLines: dailyEnd - newEnd,
    load,
    operations,
    sheets,
    inboxColumns: header.length,
    gridCells: wb.cellCount(),
    maxRss: maxRssBytes(),
  };
  emitResult(result);
}

const lines = Number(process.argv[2]);
if (!Number.isInteger(lines) || lines < 1) {
  process.stderr.write('usage: bench/calls.ts <lines>\n');
  process.exit(2);
}
main(lines);
