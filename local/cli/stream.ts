// A CSV export parsed by core's parseExport without ever holding the whole file: the one-shot segment's
// path for shops with a million order lines.
//
// Two savings, each exact by construction:
// - Columns: only the columns some export format maps are kept (every format's, so core's detectHeader
//   decides exactly as on the full row), plus one "witness" cell that is non-blank when a dropped cell was,
//   so a row is blank for core exactly when the full row is.
// - Rows: the data rows go to parseExport in batches, cut only where the order number changes, so no order
//   is split. Each batch sits at its true row indices in a holey grid (holes are skipped by core), so every
//   problem names the row the seller sees, reason texts included.
// Three things would make batches differ from one whole parse: a second header row (stacked exports: a
// later block replaces an order as a whole), an order whose lines are not adjacent, and batches judged
// differently under core's locale rule (a block whose amounts look too small for Rupiah is refused as a
// whole; the rule compares counts, so batches that all agree agree with the whole block). Each one
// restarts the read in whole mode: one parseExport over the projected grid.
import { HEADER_SCAN_ROWS, parseExport } from '../../src/core/exports';
import {
  compileAliases,
  detectHeader,
  EXPORT_FORMATS,
  type HeaderMatch,
  matchColumns,
  normaliseHeader,
} from '../../src/core/headers';
import { importText } from '../../src/core/text/import';
import type { CellValue, Lang, ParsedExport, Problem } from '../../src/core/types';
import { isBlank } from '../../src/core/values';
import { type CsvReadStats, type CsvRecord, forEachCsvRecord, ownString } from '../files';

export interface StreamOptions {
  /** How problems name the file. */
  sheetName: string;
  timeZone: string;
  lang: Lang;
  /** Data rows per parseExport call (default 50,000). */
  batchRows?: number;
  /** Keep order lines in the results (the segments do not need them; they are most of the memory). */
  keepItems?: boolean;
  onProgress?: (bytesRead: number, totalBytes: number) => void;
}

export interface StreamResult {
  /** In file order; merge them in this order (mergeImport: a later one wins). */
  parsed: ParsedExport[];
  /** Sorted by row, without the repeats batches make of header-row problems. */
  problems: Problem[];
  /** Whether an export header row was found in the first HEADER_SCAN_ROWS rows. */
  hasHeader: boolean;
  csv: CsvReadStats;
  /** 'batched', or 'whole' when the file's shape needed one parse (see the top of this file). */
  mode: 'batched' | 'whole';
}

// Core's pre-filter for header rows (headers.ts mayHoldOrderSnHeader), applied to raw fields before any
// string is made: a header row must hold a cell whose normalised text is a known order-number header.
const ORDER_SN_HEADERS = new Set(
  EXPORT_FORMATS.flatMap((f) => (f.columns.order_sn ?? []).map((a) => normaliseHeader(a.replace(/\*$/, '')))),
);
const ORDER_SN_FIRST = new Set([...ORDER_SN_HEADERS].map((h) => h.charCodeAt(0)));
/** In bytes: up to 4 per character, plus "" escapes. Generous: this only decides what to look at. */
const MAX_HEADER_BYTES = (Math.max(...[...ORDER_SN_HEADERS].map((h) => h.length)) + 16) * 8;
const TABLES = EXPORT_FORMATS.map((f) => compileAliases(f.columns));

function mayBeHeader(rec: CsvRecord): boolean {
  for (let i = 0; i < rec.size; i++) {
    const n = rec.rawLength(i);
    if (n === 0 || n > MAX_HEADER_BYTES) continue;
    const c = rec.firstCode(i);
    if (c < 0x80 && c > 0x20 && !ORDER_SN_FIRST.has(c | 0x20)) continue;
    if (ORDER_SN_HEADERS.has(normaliseHeader(rec.text(i)))) return true;
  }
  return false;
}

/** Columns any format maps in this header row, in order: projecting to them keeps detectHeader's verdict. */
function keptColumns(header: readonly CellValue[]): number[] {
  const cols = new Set<number>();
  for (const t of TABLES) for (const j of Object.values(matchColumns(header, t))) cols.add(j as number);
  return [...cols].sort((a, b) => a - b);
}

class Restart extends Error {}

interface Block {
  keep: number[];
  /** Position of the order number in the projected row. */
  snAt: number;
}

/** Equal cells share one string: an order's fields repeat on each of its lines (the previous row catches
 *  those, in every column), and usernames, addresses and statuses, which core keeps in every order,
 *  repeat across orders (a map per such column catches those). Less memory, and core hashes each distinct
 *  address once per string object rather than once per order. */
class Interner {
  private readonly prev: string[];
  private readonly maps: (Map<string, string> | null)[];

  constructor(width: number, shared: ReadonlySet<number>) {
    this.prev = new Array(width).fill('');
    this.maps = Array.from({ length: width }, (_, k) => (shared.has(k) ? new Map() : null));
  }

  take(k: number, view: string): string {
    if (view === this.prev[k]) return this.prev[k];
    const map = this.maps[k];
    let s = map?.get(view);
    if (s === undefined) {
      s = ownString(view);
      map?.set(s, s);
    }
    this.prev[k] = s;
    return s;
  }
}

/** The order fields core keeps as text in every Order. */
const SHARED_FIELDS = ['buyer_username', 'address_full', 'status', 'district', 'province'] as const;

/** Collects projected rows at their 0-based row index (holes elsewhere) and parses them. */
class Collector {
  grid: (CellValue[] | undefined)[] = [];
  /** Indices filled since the last flush (header first). */
  filled: number[] = [];
  parsed: ParsedExport[] = [];
  problems = new Map<string, Problem>();
  dataRows = 0;
  /** Per batch of the block: did core refuse it under the locale rule? */
  readonly localeVerdicts = new Set<boolean>();
  private readonly localeReason: string;

  constructor(private readonly opts: StreamOptions) {
    this.localeReason = importText[opts.lang].localeWarning(opts.sheetName);
  }

  put(index: number, row: CellValue[]): void {
    while (this.grid.length < index) this.grid.push(undefined);
    this.grid[index] = row;
    this.filled.push(index);
  }

  /** Parses what was put; `headerRow` is the block's 1-based header row. */
  flush(headerRow: number): void {
    if (this.dataRows === 0 && this.parsed.length > 0) return;
    const { sheetName, timeZone, lang, keepItems } = this.opts;
    const result = parseExport(this.grid as CellValue[][], sheetName, timeZone, lang);
    if (!keepItems) result.items = [];
    this.localeVerdicts.add(
      result.problems.some(
        (p) => p.row === headerRow && p.severity === 'error' && p.reason === this.localeReason,
      ),
    );
    for (const p of result.problems) {
      const key = `${p.row}\u0000${p.column}\u0000${p.reason}\u0000${p.severity}`;
      if (!this.problems.has(key)) this.problems.set(key, p);
    }
    result.problems = [];
    this.parsed.push(result);
    for (const i of this.filled) this.grid[i] = undefined;
    this.filled.length = 0;
    this.dataRows = 0;
  }
}

function run(path: string, opts: StreamOptions, batched: boolean): StreamResult {
  const batchRows = batched ? Math.max(1, opts.batchRows ?? 50_000) : Number.POSITIVE_INFINITY;
  const out = new Collector(opts);
  let block: Block | null = null;
  let headerRow: CellValue[] = [];
  let headerIndex = -1;
  let hasHeader = false;
  let prevSn = '';
  /** Order numbers of earlier batches of this block: seeing one again means its lines are not adjacent. */
  const closed = new Set<string>();
  const current: string[] = [];

  let interner = new Interner(0, new Set());
  const startBlock = (row: CellValue[], index: number, match: HeaderMatch) => {
    const keep = keptColumns(row);
    const snAt = keep.indexOf(match.columns.order_sn as number);
    block = { keep, snAt };
    const shared = new Set(
      SHARED_FIELDS.map((f) => keep.indexOf(match.columns[f] ?? -1)).filter((k) => k >= 0),
    );
    interner = new Interner(keep.length, shared);
    headerRow = [...keep.map((j) => row[j] ?? ''), ''];
    headerIndex = index;
    hasHeader = true;
    out.put(index, headerRow);
    prevSn = '';
  };

  const csv = forEachCsvRecord(
    path,
    (rec) => {
      const index = rec.row - 1;
      if (!block) {
        if (rec.row > HEADER_SCAN_ROWS) throw new Restart('no header'); // core looks no further either
        const row = rec.all();
        const match = detectHeader(row);
        if (match) startBlock(row, index, match);
        return;
      }
      if (mayBeHeader(rec)) {
        const row = rec.all();
        const match = detectHeader(row);
        if (match) {
          if (batched) throw new Restart('stacked');
          startBlock(row, index, match);
          return;
        }
      }
      const b: Block = block;
      const cells: CellValue[] = new Array(b.keep.length + 1);
      let blank = true;
      for (let k = 0; k < b.keep.length; k++) {
        const v = interner.take(k, rec.view(b.keep[k]));
        cells[k] = v;
        if (blank && !isBlank(v)) blank = false;
      }
      // The witness: non-blank when a dropped cell holds something (then core reports the row, not skips it).
      cells[b.keep.length] = blank && rec.all().some((v) => !isBlank(v)) ? '…' : '';
      const sn = String(cells[b.snAt] ?? '').trim();
      if (sn !== prevSn) {
        if (batched && sn !== '') {
          if (closed.has(sn)) throw new Restart('split order');
          // A batch ends only between orders, and never just before a row core might take for TikTok's
          // description row (the first row under the header whose order cell holds words).
          if (out.dataRows >= batchRows && !/\s/.test(sn)) {
            out.flush(headerIndex + 1);
            if (out.localeVerdicts.size > 1) throw new Restart('locale');
            for (const s of current) closed.add(s);
            current.length = 0;
            out.put(headerIndex, headerRow);
          }
          current.push(sn);
        }
        prevSn = sn;
      }
      out.put(index, cells);
      out.dataRows++;
    },
    { onProgress: opts.onProgress },
  );
  out.flush(headerIndex + 1);
  if (batched && out.localeVerdicts.size > 1) throw new Restart('locale');
  const problems = [...out.problems.values()].sort((a, b) => a.row - b.row);
  return { parsed: out.parsed, problems, hasHeader, csv, mode: batched ? 'batched' : 'whole' };
}

/** Parses a CSV export file as parseExport would parse its whole grid, in bounded memory when it can. */
export function parseCsvExport(path: string, opts: StreamOptions): StreamResult {
  try {
    return run(path, opts, true);
  } catch (e) {
    if (!(e instanceof Restart)) throw e;
    if (e.message === 'no header') return noHeader(path, opts);
    return run(path, opts, false);
  }
}

/** No header in the first rows: core's own verdict on them (a 'no header' problem, nothing imported). */
function noHeader(path: string, opts: StreamOptions): StreamResult {
  const rows: CellValue[][] = [];
  let stats: CsvReadStats | null = null;
  try {
    stats = forEachCsvRecord(path, (rec) => {
      if (rec.row > HEADER_SCAN_ROWS) throw new Restart('enough');
      rows.push(rec.all());
    });
  } catch (e) {
    if (!(e instanceof Restart)) throw e;
  }
  const result = parseExport(rows, opts.sheetName, opts.timeZone, opts.lang);
  const problems = result.problems;
  result.problems = [];
  return {
    parsed: [result],
    problems,
    hasHeader: false,
    csv: stats ?? {
      records: rows.length,
      delimiter: ',',
      bytes: 0,
      unterminatedQuoteRow: null,
      notUtf8Row: null,
    },
    mode: 'whole',
  };
}
