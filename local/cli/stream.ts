// A CSV export parsed by core's parseExport without ever holding the whole file: the one-shot segment's
// path for shops with a million order lines.
//
// Three savings, each exact by construction:
// - Columns: only the columns some export format maps are kept (every format's, so core's detectHeader
//   decides exactly as on the full row); below the header only the detected format's cells are read (not
//   even its line texts when lines are not kept), plus one "witness" cell that is non-blank when a cell
//   not read was, so a row is blank for core exactly when the full row is.
// - Rows: the data rows go to parseExport in batches, cut only where the order number changes, so no order
//   is split. A batch is its header row and a run of rows, and core is told which rows they are
//   (rowNumber), so every problem names the row the seller sees, reason texts included.
// - Threads: a big file is cut into parts read at once (parallel.ts): each part starts at the first record
//   after a byte offset that starts an order (the same rule batches use), found by the part's own thread
//   with a quick pass over the bytes before it (csv-boundaries.ts lastRecordBefore: record boundaries found with
//   indexOf), which also gives its first row number.
// Three things would make batches differ from one whole parse: a second header row (stacked exports: a
// later block replaces an order as a whole), an order whose lines are not adjacent, and batches judged
// differently under core's locale rule (a block whose amounts look too small for Rupiah is refused as a
// whole; the rule compares counts, so batches that all agree agree with the whole block). Each one
// restarts the read in whole mode: one parseExport over the projected grid, on this thread.
import { HEADER_SCAN_ROWS, parseExport } from '../../src/core/exports';
import { isDescription } from '../../src/core/fields';
import {
  compileAliases,
  detectHeader,
  EXPORT_FORMATS,
  type HeaderMatch,
  isOrderSnHeader,
  MAX_ORDER_SN_HEADER,
  matchColumns,
  mayStartOrderSnHeader,
} from '../../src/core/headers';
import { CustomerSummaries, type SummariesData } from '../../src/core/summaries';
import type { CellValue, Clock, Lang, ParsedExport, Problem } from '../../src/core/types';
import { isBlank } from '../../src/core/values';
import { lastRecordBefore } from '../csv-boundaries';
import { type EncodingDecision, rememberCsvEncoding } from '../csv-encoding';
import {
  type CsvReadStats,
  type CsvRecord,
  type FieldMark,
  fieldMark,
  forEachCsvRecord,
} from '../csv-tokenizer';
import { checkReadable } from '../file-check';
import { SeenOrders } from './seen';

/** What a part's thread needs to know (no callbacks: it crosses to a worker). */
export interface ParseSettings {
  /** How problems name the file. */
  sheetName: string;
  timeZone: string;
  lang: Lang;
  /** Data rows per parseExport call (default 1,000: a batch's rows die young, before a scavenge copies them;
   *  bigger batches are slower, bench/RESULTS.md). */
  batchRows?: number;
  /** Keep order lines in the results (the segments do not need them; they are most of the memory). */
  keepItems?: boolean;
  /** Sum the orders up per customer as they are parsed (core's CustomerSummaries, for RFM as of this
   *  clock) instead of keeping them: the results' orders are then empty. */
  summarise?: Clock;
}

export interface StreamOptions extends ParseSettings {
  /** Threads to read a big file with (default: the machine's, at most 4); 1 reads on this thread only. */
  threads?: number;
  /** Bytes of data rows below which a part is not worth a thread (default 16 MB). */
  minPartBytes?: number;
  /** How far before its boundary a later part's thread reads records, after the quick pass (default
   *  1 MB; tests make it small so the quick pass is used on small files). */
  nearBytes?: number;
  /** Given the first part's batches while other threads still read theirs (the result starts with these
   *  same objects unless the file had to be read again whole). */
  whileWaiting?: (firstPart: readonly ParsedExport[]) => void;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface StreamResult {
  /** In file order; merge them in this order (mergeImport: a later one wins). */
  parsed: ParsedExport[];
  /** Sorted by row, without the repeats batches make of header-row problems. */
  problems: Problem[];
  /** Whether an export header row was found in the first HEADER_SCAN_ROWS rows. */
  hasHeader: boolean;
  /** Header rows (1-based) lacking a required column of their format (core imports nothing of that block). */
  missingColumns: number[];
  csv: CsvReadStats;
  /** 'batched', or 'whole' when the file's shape needed one parse (see the top of this file). */
  mode: 'batched' | 'whole';
  /** With `summarise`: every part's orders summed up (the parsed results hold none). */
  summaries: CustomerSummaries | null;
  /** Parts read at once (1: this thread alone). */
  parts: number;
}

const TABLES = EXPORT_FORMATS.map((f) => compileAliases(f.columns));
/** In bytes: up to 4 per character, plus "" escapes. Generous: this only decides what to look at. */
const MAX_HEADER_BYTES = MAX_ORDER_SN_HEADER * 8;

/** Core's header pre-filter (headers.ts), asked of raw fields before any string is made. */
function mayBeHeader(rec: CsvRecord): boolean {
  for (let i = 0; i < rec.size; i++) {
    const n = rec.rawLength(i);
    if (n === 0 || n > MAX_HEADER_BYTES) continue;
    if (mayStartOrderSnHeader(rec.firstCode(i)) && isOrderSnHeader(rec.text(i))) return true;
  }
  return false;
}

/** Columns any format maps in this header row, in order: projecting to them keeps detectHeader's verdict. */
function keptColumns(header: readonly CellValue[]): number[] {
  const cols = new Set<number>();
  for (const t of TABLES) for (const j of Object.values(matchColumns(header, t))) cols.add(j as number);
  return [...cols].sort((a, b) => a - b);
}

export class Restart extends Error {}

/** The order fields core keeps as text in every Order: worth one string per distinct value while orders
 *  are kept. Summed up at once (summarise), orders die young, and only statuses (a handful of values, which
 *  CustomerSummaries looks up per order) are worth it: looking a value up costs more than a copy. */
const SHARED_FIELDS = [
  'buyer_username',
  'address_full',
  'status',
  'return_status',
  'district',
  'province',
] as const;
const STATUS_FIELDS = ['status', 'return_status'] as const;

/** Order-line texts core copies into OrderItem without checking them: when lines are not kept, their cells
 *  need not be read (the witness still tells core such a row is not blank). */
const LINE_TEXT_FIELDS = new Set(['product_name', 'variant_name', 'variant_sku', 'variant_sku_fallback']);

/** A block's header row and its projection: plain data, so a worker can be given it. */
export interface BlockHeader {
  /** 0-based grid index of the header row. */
  index: number;
  /** Columns kept, in file order. */
  keep: number[];
  /** Per kept column: whether its data cells are read. The header's own format reads its fields; the other
   *  kept columns are there for detectHeader's verdict on the header row, and hold '' below it. */
  read: boolean[];
  /** Positions (in `keep`) of the order number and of the fields worth sharing across orders. */
  snAt: number;
  shared: number[];
  /** The projected header row (plus the witness column). */
  cells: CellValue[];
}

function blockHeader(
  row: CellValue[],
  index: number,
  match: HeaderMatch,
  settings: Pick<ParseSettings, 'keepItems' | 'summarise'>,
): BlockHeader {
  const keepItems = settings.keepItems === true;
  const shared = settings.summarise ? STATUS_FIELDS : SHARED_FIELDS;
  const keep = keptColumns(row);
  const used = new Set(
    Object.entries(match.columns)
      .filter(([field]) => keepItems || !LINE_TEXT_FIELDS.has(field))
      .map(([, j]) => j as number),
  );
  return {
    index,
    keep,
    read: keep.map((j) => used.has(j)),
    snAt: keep.indexOf(match.columns.order_sn as number),
    shared: shared.map((f) => keep.indexOf(match.columns[f] ?? -1)).filter((k) => k >= 0),
    cells: [...keep.map((j) => row[j] ?? ''), ''],
  };
}

/** Equal cells share one string: an order's fields repeat on each of its lines (the previous row's bytes
 *  catch those, in every column, before any string is made), and the shared fields (SHARED_FIELDS) repeat
 *  across orders (a map per such column catches those). Less memory, and core hashes each distinct value
 *  once per string object rather than once per order. */
class Interner {
  private readonly prev: string[];
  private readonly marks: FieldMark[];
  private readonly maps: (Map<string, string> | null)[];

  constructor(width: number, shared: readonly number[]) {
    this.prev = new Array(width).fill('');
    this.marks = Array.from({ length: width }, fieldMark);
    this.maps = Array.from({ length: width }, (_, k) => (shared.includes(k) ? new Map() : null));
  }

  /** Field i of `rec`, kept column k. */
  take(k: number, rec: CsvRecord, i: number): string {
    const mark = this.marks[k];
    if (rec.same(i, mark)) return this.prev[k];
    let s = rec.text(i);
    const map = this.maps[k];
    if (s === this.prev[k]) s = this.prev[k];
    else if (map) {
      const had = map.get(s);
      if (had === undefined) map.set(s, s);
      else s = had;
    }
    rec.mark(i, mark);
    this.prev[k] = s;
    return s;
  }
}

/**
 * Where batches and parts may be cut: at a record whose order number is not blank, is not what core takes
 * for TikTok's description row (core's isDescription: a batch's first row is tested as the first row under
 * a header) and differs from the previous record's. `test` is asked of every record in
 * file order; a part boundary is the first record at or after `at` that passes.
 */
class OrderStarts {
  /** The previous record's order number, trimmed. */
  private prev = '';

  constructor(
    private readonly at: number,
    private readonly snCol: number,
  ) {}

  test(rec: CsvRecord): boolean {
    // Only the records at or after `at`, and the one just before, need their order number read.
    if (rec.end < this.at) return false;
    const sn = rec.text(this.snCol).trim();
    if (rec.offset >= this.at && sn !== this.prev && sn !== '' && !isDescription(sn)) return true;
    this.prev = sn;
    return false;
  }
}

/**
 * Collects projected rows and parses them. Batched: each batch is its header row and a run of data rows,
 * and core is told which rows they are (rowNumber). Whole: every row at its own index (holes skipped by
 * core), with every block's header where it is.
 */
class Collector {
  private grid: (CellValue[] | undefined)[] = [];
  /** Batched: the 0-based file indices of the header and of grid[1]. */
  private headerIndex = -1;
  private firstIndex = -1;
  parsed: ParsedExport[] = [];
  problems = new Map<string, Problem>();
  dataRows = 0;
  /** Per batch of the block: did core refuse it under the locale rule? */
  readonly localeVerdicts = new Set<boolean>();
  readonly summaries: CustomerSummaries | null;

  constructor(
    private readonly opts: ParseSettings,
    private readonly batched: boolean,
    bytes: number,
  ) {
    this.summaries = opts.summarise
      ? new CustomerSummaries(opts.summarise, bytes / BYTES_PER_CUSTOMER)
      : null;
  }

  /** A block's header row (batched: the start of every batch). */
  header(index: number, cells: CellValue[]): void {
    if (!this.batched) {
      this.put(index, cells);
      return;
    }
    this.grid = [cells];
    this.headerIndex = index;
    this.firstIndex = -1;
  }

  row(index: number, cells: CellValue[]): void {
    if (!this.batched) {
      this.put(index, cells);
      return;
    }
    if (this.firstIndex < 0) this.firstIndex = index;
    else if (index !== this.firstIndex + this.grid.length - 1)
      throw new Error('CSV batch rows must be a run');
    this.grid.push(cells);
  }

  private put(index: number, row: CellValue[]): void {
    while (this.grid.length < index) this.grid.push(undefined);
    this.grid[index] = row;
  }

  /** Parses what was collected; `headerRow` is the block's 1-based header row. A part's first batch is
   *  parsed even without data rows (core reports a header's problems) unless `parseEmpty` is false. */
  flush(headerRow: number, parseEmpty = true): void {
    if (this.dataRows === 0 && (this.parsed.length > 0 || !parseEmpty)) return;
    const { sheetName, timeZone, lang, keepItems } = this.opts;
    const { headerIndex, firstIndex } = this;
    const rowNumber = this.batched ? (j: number) => (j === 0 ? headerIndex + 1 : firstIndex + j) : undefined;
    const result = parseExport(this.grid as CellValue[][], sheetName, timeZone, lang, {
      rowNumber,
      lines: keepItems === true,
    });
    this.localeVerdicts.add(result.problems.some((p) => p.row === headerRow && p.code === 'locale'));
    addProblems(this.problems, result.problems);
    result.problems = [];
    if (this.summaries) {
      // Summed up at once: a batch's orders die young, before a scavenge would copy them.
      this.summaries.add(result.orders);
      result.orders = [];
    }
    this.parsed.push(result);
    this.grid = [];
    this.dataRows = 0;
  }
}

function addProblems(into: Map<string, Problem>, list: readonly Problem[]): void {
  for (const p of list) {
    const key = `${p.row}\u0000${p.column}\u0000${p.code}\u0000${p.reason}`;
    if (!into.has(key)) into.set(key, p);
  }
}

/** For the first size of tables (a guess: they grow past it): a shop's export has a line per ~400 bytes
 *  (Shopee's 47 columns: ~480), and an order or a customer per few lines. */
const BYTES_PER_ORDER = 600;
const BYTES_PER_CUSTOMER = 1500;

/** How far before a part's boundary its thread starts reading records (after a quick pass to there). */
const NEAR_BYTES = 1 << 20;

/** One part of the file, as a worker is given it. */
export interface PartSpec {
  path: string;
  settings: ParseSettings;
  delimiter: string;
  header: BlockHeader;
  /** The part starts at the first order start at or after this offset (found by a pass from the file's
   *  start); 0 for the first part. */
  from: number;
  /** The next part's `from` (this part stops before its first record), or null for the last part. */
  to: number | null;
  /** The file's encoding as the first thread decided it (csvEncodingDecision). */
  encoding?: EncodingDecision;
  nearBytes?: number;
}

export interface PartResult {
  parsed: ParsedExport[];
  problems: Problem[];
  localeVerdicts: boolean[];
  /** Order number of every run of lines (an order's adjacent lines), for the check across parts: as a
   *  table where the part was read, as its fingerprints when it crossed from a worker. */
  runs: SeenOrders | Int32Array;
  csv: CsvReadStats;
  /** Header rows this part read that lack a required column (later parts take the file's header as given). */
  missingColumns: number[];
  /** Byte offset of the part's first record. */
  start: number;
  restart: string | null;
  /** With `summarise`: the part's orders summed up (as plain data when it crossed from a worker). */
  summaries: CustomerSummaries | SummariesData | null;
}

/**
 * Reads one part (or, with `spec` null, the whole file on this thread). Throws Restart when the file's
 * shape needs a whole parse (batched mode only).
 */
export function readPart(
  path: string,
  settings: ParseSettings,
  batched: boolean,
  spec: Pick<PartSpec, 'delimiter' | 'header' | 'from' | 'to' | 'nearBytes'> | null,
  onProgress?: (bytesRead: number, totalBytes: number) => void,
): PartResult & { hasHeader: boolean } {
  const batchRows = batched ? Math.max(1, settings.batchRows ?? 1_000) : Number.POSITIVE_INFINITY;
  const bytes = (spec?.to ?? checkReadable(path)) - (spec?.from ?? 0);
  const out = new Collector(settings, batched, bytes);
  let header: BlockHeader | null = null;
  let hasHeader = false;
  const missingColumns: number[] = [];
  let prevSn = '';
  /** Order numbers of earlier batches: seeing one again means its lines are not adjacent. */
  const closed = new SeenOrders(bytes / BYTES_PER_ORDER);
  const current: string[] = [];
  let interner = new Interner(0, []);

  const startBlock = (h: BlockHeader) => {
    header = h;
    interner = new Interner(h.keep.length, h.shared);
    hasHeader = true;
    out.header(h.index, h.cells);
    prevSn = '';
  };

  // Where this part starts (a later part: found by a pass from the file's start) and where it stops.
  let start = 0;
  let firstRow = 1;
  let stop: OrderStarts | null = null;
  if (spec) {
    const snCol = spec.header.keep[spec.header.snAt];
    if (spec.from > 0) {
      // Records before the boundary only need counting: a quick pass to a record well before it, then
      // the records themselves, so OrderStarts sees the one before the boundary as a pass from the
      // file's start would (its state is only the previous record's order number).
      const near = lastRecordBefore(path, spec.from - (spec.nearBytes ?? NEAR_BYTES), spec.delimiter);
      const starts = new OrderStarts(spec.from, snCol);
      const scan = forEachCsvRecord(path, () => {}, {
        delimiter: spec.delimiter,
        start: near.offset,
        firstRow: near.row,
        stopBefore: (rec) => starts.test(rec),
      });
      start = scan.end;
      firstRow = scan.records + 1;
      startBlock(spec.header);
      // Its first record passed OrderStarts, so it passes again with any previous order number: the
      // next boundary is found as the pass from the file's start finds it.
      stop = spec.to === null ? null : new OrderStarts(spec.to, snCol);
    } else if (spec.to !== null) stop = new OrderStarts(spec.to, snCol);
  }

  const csv = forEachCsvRecord(
    path,
    (rec) => {
      const index = rec.row - 1;
      if (!header) {
        if (rec.row > HEADER_SCAN_ROWS) throw new Restart('no header'); // core looks no further either
        const row = rec.all();
        const match = detectHeader(row);
        if (match) {
          if (match.missing.length > 0) missingColumns.push(rec.row);
          startBlock(blockHeader(row, index, match, settings));
        }
        return;
      }
      if (mayBeHeader(rec)) {
        const row = rec.all();
        const match = detectHeader(row);
        if (match) {
          if (batched) throw new Restart('stacked');
          if (match.missing.length > 0) missingColumns.push(rec.row);
          startBlock(blockHeader(row, index, match, settings));
          return;
        }
      }
      const h: BlockHeader = header;
      const { keep, read } = h;
      const cells: CellValue[] = new Array(keep.length + 1);
      let blank = true;
      for (let k = 0; k < keep.length; k++) {
        if (!read[k]) {
          cells[k] = '';
          continue;
        }
        const v = interner.take(k, rec, keep[k]);
        cells[k] = v;
        if (blank && v !== '' && !isBlank(v)) blank = false;
      }
      // The witness: non-blank when a cell not read holds something (then core reports the row, not skips it).
      cells[keep.length] = blank && rec.all().some((v) => !isBlank(v)) ? '…' : '';
      const sn = (cells[h.snAt] as string).trim();
      if (sn !== prevSn) {
        if (batched && sn !== '') {
          if (closed.has(sn)) throw new Restart('split order');
          // A batch ends only where a part may (OrderStarts), and never between two runs of one order's
          // lines (the batch would get one and the next the other; within a batch core joins them).
          if (out.dataRows >= batchRows && !/\s/.test(sn) && !current.includes(sn)) {
            out.flush(h.index + 1);
            if (out.localeVerdicts.size > 1) throw new Restart('locale');
            for (const s of current) closed.add(s);
            current.length = 0;
            out.header(h.index, h.cells);
          }
          current.push(sn);
        }
        prevSn = sn;
      }
      out.row(index, cells);
      out.dataRows++;
    },
    {
      onProgress,
      delimiter: spec?.delimiter,
      start,
      firstRow,
      stopBefore: stop ? (rec) => stop.test(rec) : undefined,
    },
  );
  // A later part with no data rows parses nothing: the first part reports the header's problems.
  if (header) out.flush((header as BlockHeader).index + 1, !(spec !== null && spec.from > 0));
  for (const s of current) closed.add(s);
  return {
    parsed: out.parsed,
    problems: [...out.problems.values()],
    localeVerdicts: [...out.localeVerdicts],
    runs: closed,
    csv,
    missingColumns,
    start,
    restart: null,
    hasHeader,
    summaries: out.summaries,
  };
}

/** A worker's whole job (parse-worker.ts): its part, or the reason the file needs a whole parse. */
export function readPartInWorker(spec: PartSpec): PartResult {
  if (spec.encoding) rememberCsvEncoding(spec.path, spec.encoding);
  try {
    const { hasHeader: _, ...r } = readPart(spec.path, spec.settings, true, spec);
    return {
      ...r,
      runs: (r.runs as SeenOrders).fingerprints(),
      summaries: (r.summaries as CustomerSummaries | null)?.data() ?? null,
    };
  } catch (e) {
    if (!(e instanceof Restart)) throw e;
    return {
      parsed: [],
      problems: [],
      localeVerdicts: [],
      runs: new Int32Array(0),
      csv: emptyStats(spec.delimiter),
      missingColumns: [],
      start: 0,
      restart: e.message,
      summaries: null,
    };
  }
}

function emptyStats(delimiter: string): CsvReadStats {
  return {
    records: 0,
    delimiter,
    bytes: 0,
    unterminatedQuoteRow: null,
    encoding: 'utf-8',
    end: 0,
    transcoded: false,
  };
}

/** The header block of the file's first rows, with where its data rows start; Restart when none. */
export function findHeader(
  path: string,
  settings: Pick<ParseSettings, 'keepItems' | 'summarise'>,
): {
  header: BlockHeader;
  delimiter: string;
  dataStart: number;
  stats: CsvReadStats;
} {
  let header: BlockHeader | null = null;
  const stats = forEachCsvRecord(
    path,
    (rec) => {
      if (rec.row > HEADER_SCAN_ROWS) throw new Restart('no header');
      const row = rec.all();
      const match = detectHeader(row);
      if (match) header = blockHeader(row, rec.row - 1, match, settings);
    },
    { stopBefore: () => header !== null },
  );
  if (!header) throw new Restart('no header');
  return { header, delimiter: stats.delimiter, dataStart: stats.end, stats };
}

export function finish(
  parts: readonly PartResult[],
  hasHeader: boolean,
  mode: 'batched' | 'whole',
): StreamResult {
  const verdicts = new Set(parts.flatMap((p) => p.localeVerdicts));
  if (mode === 'batched' && verdicts.size > 1) throw new Restart('locale');
  // The first part was read on this thread: the others' summaries join its own.
  const summaries = parts[0].summaries as CustomerSummaries | null;
  for (const p of parts.slice(1)) summaries?.merge(p.summaries as SummariesData);
  const problems = new Map<string, Problem>();
  for (const p of parts) addProblems(problems, p.problems);
  const last = parts[parts.length - 1].csv;
  const firstOf = (get: (s: CsvReadStats) => number | null) =>
    parts.map((p) => get(p.csv)).find((v) => v !== null) ?? null;
  return {
    parsed: parts.flatMap((p) => p.parsed),
    problems: [...problems.values()].sort((a, b) => a.row - b.row),
    hasHeader,
    missingColumns: parts.flatMap((p) => p.missingColumns),
    csv: {
      ...last,
      delimiter: parts[0].csv.delimiter,
      unterminatedQuoteRow: firstOf((s) => s.unterminatedQuoteRow),
      encoding: parts[0].csv.encoding,
    },
    mode,
    parts: parts.length,
    summaries,
  };
}

/** No header in the first rows: core's own verdict on them (a 'no header' problem, nothing imported). */
export function noHeader(path: string, opts: StreamOptions): StreamResult {
  const rows: CellValue[][] = [];
  const stats = forEachCsvRecord(path, (rec) => rows.push(rec.all()), {
    stopBefore: (rec) => rec.row > HEADER_SCAN_ROWS,
  });
  const result = parseExport(rows, opts.sheetName, opts.timeZone, opts.lang);
  const problems = result.problems;
  result.problems = [];
  return {
    parsed: [result],
    problems,
    hasHeader: false,
    missingColumns: [],
    csv: stats,
    mode: 'whole',
    parts: 1,
    summaries: opts.summarise ? new CustomerSummaries(opts.summarise) : null,
  };
}
