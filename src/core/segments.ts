// The Segments sheet as pure data (the gas side writes it in one batch), the CSV variant for the CLI,
// and the reader that gives the lookup a customer's segment back from the sheet.
import type { CustomerIndex } from './customers';
import {
  CHANGE_COLOURS,
  type Change,
  changeOf,
  GONE_COLUMN,
  HIGHLIGHT_COLOURS,
  type HistoryRow,
  highlightOf,
  historyRowOf,
  historyTable,
  type Movement,
  movementOf,
  NEW_ROW,
  recordRun,
  runDateNote,
} from './movement';
import {
  type RfmResult,
  type RfmRow,
  SEGMENTS,
  type SegmentId,
  scoreRfm,
  segmentById,
  segmentForCode,
  segmentLabel,
  segmentOrder,
  segmentView,
  summariseSegments,
} from './rfm';
import { type StatusPair, type UnnamedStatus, unnamedStatuses } from './status';
import type { ColumnKind } from './table';
import { t, texts } from './text';
import { importText } from './text/import';
import { formatLocalDate, formatLocalDateTime } from './time';
import type { CellValue, Clock, Grid, Lang } from './types';
import type { SegmentView } from './views';

type Headers = (typeof texts.segments.id)['header'];
type Column = keyof Headers;

/** The Segments sheet's columns, declared once: order (of the sheet and the canonical CSV), the CSV's
 *  canonical header, the kind (number format; text columns are plain text, so '545' stays a code and a
 *  username never becomes a formula) and the width. The sheet's own headers are in text/segments.ts. The movement columns
 *  (`csv: false`) are the sheet's only: the CLI has no previous run. */
export const SEGMENTS_DECL: readonly {
  id: Column;
  canonical: string;
  kind: ColumnKind;
  width?: number;
  csv?: false;
}[] = [
  { id: 'buyerKey', canonical: 'buyer_key', kind: 'text', width: 120 },
  { id: 'name', canonical: 'name', kind: 'text', width: 160 },
  { id: 'username', canonical: 'buyer_username', kind: 'text', width: 130 },
  { id: 'address', canonical: 'address_full', kind: 'text', width: 260 },
  { id: 'firstOrder', canonical: 'first_order_at', kind: 'datetime', width: 120 },
  { id: 'lastOrder', canonical: 'last_order_at', kind: 'datetime', width: 120 },
  { id: 'recencyDays', canonical: 'recency_days', kind: 'integer' },
  { id: 'frequency', canonical: 'frequency', kind: 'integer' },
  { id: 'monetary', canonical: 'monetary', kind: 'money', width: 120 },
  { id: 'r', canonical: 'r', kind: 'integer' },
  { id: 'f', canonical: 'f', kind: 'integer' },
  { id: 'm', canonical: 'm', kind: 'integer' },
  { id: 'rfm', canonical: 'rfm', kind: 'text' },
  { id: 'segment', canonical: 'segment', kind: 'text', width: 150 },
  // Written without a number format (our own labels and words): no format cell per customer.
  { id: 'previous', canonical: 'previous_segment', kind: 'text', width: 150, csv: false },
  { id: 'change', canonical: 'change', kind: 'text', width: 90, csv: false },
];

/** Column order of the canonical CSV (the Segments sheet's first columns). */
export const SEGMENT_COLUMNS: readonly Column[] = SEGMENTS_DECL.filter((c) => c.csv !== false).map(
  (c) => c.id,
);

/** Column order of the Segments sheet: the CSV's, then the movement columns. */
export const SHEET_COLUMNS: readonly Column[] = SEGMENTS_DECL.map((c) => c.id);

export const CANONICAL_HEADER: Readonly<Record<Column, string>> = Object.fromEntries(
  SEGMENTS_DECL.map((c) => [c.id, c.canonical]),
) as Record<Column, string>;

const col = (c: Column) => SHEET_COLUMNS.indexOf(c);

export interface SegmentsSheet {
  header: string[];
  rows: CellValue[][];
  /** 0-based column of the segment label, whose cells take the colours below (one per row). */
  labelColumn: number;
  /** Colours of the change column as conditional format rules (a constant number of them, whatever the
   *  rows; they follow the seller's sorting and filtering): 0-based column, the whole cell's text, colours. */
  movementRules: { column: number; text: string; background: string; color: string }[];
  /** The from → to matrix between the previous run and this one, on the summary sheet. */
  movement: {
    title: string;
    grid: CellValue[][];
    backgrounds: string[][];
    fontColors: string[][];
  };
  /** This run's date ('YYYY-MM-DD') and row of the history (customers per segment). */
  runDate: string;
  /** The note on the table's first header cell that carries the run date (movement.ts runDateNote). */
  runDateNote: string;
  historyRow: HistoryRow;
  /** The history with this run's row (recordRun: in date order, a rerun replacing its date, capped). */
  history: { header: string[]; rows: CellValue[][] };
  backgrounds: string[];
  fontColors: string[];
  /** 0-based columns holding untrusted or digit-only text: write them as plain text ('@'), so a
   *  username like '=HYPERLINK(…)' stays text and the RFM code '545' is not turned into a number. */
  textColumns: number[];
  summary: {
    header: string[];
    /** label, customers, orders, revenue, share of customers, share of revenue (fractions 0..1), who they
     *  are, suggested action. */
    rows: CellValue[][];
    /** Colours of the label cells (column 0), one per summary row. */
    backgrounds: string[];
    fontColors: string[];
  };
  /** The too-thin message, or null when the scores are meaningful. */
  notice: string | null;
  /** Lines for the run's report: orders after the run date, status values the rules do not name. */
  report: string[];
  /** When no customer is scored because every counted order is after the run date: the message to give
   *  instead of "no counted orders". */
  empty: string | null;
}

/** Sheet order: segment table order, then monetary descending, then key (deterministic). */
export function sortForSheet(rows: readonly RfmRow[]): RfmRow[] {
  // The sort fields in typed arrays, indices sorted: a pointer hop per comparison, let alone a Map lookup,
  // is noticeable with 100k+ customers.
  const n = rows.length;
  const order = new Uint8Array(n);
  const monetary = new Float64Array(n);
  const keys = new Array<string>(n);
  const index = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    order[i] = segmentOrder(r.segmentId);
    monetary[i] = r.monetary;
    keys[i] = r.key;
    index[i] = i;
  }
  index.sort(
    (a, b) =>
      order[a] - order[b] ||
      monetary[b] - monetary[a] ||
      (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0),
  );
  const sorted = new Array<RfmRow>(n);
  for (let i = 0; i < n; i++) sorted[i] = rows[index[i]];
  return sorted;
}

const displayName = (r: RfmRow) =>
  r.customer.profile ? r.customer.profile.buyerRealName.trim() : r.customer.buyerUsername;

/** The run's report: counted orders dated after the run date (left out), and every status value
 *  counted as a sale that the rules do not name, with its count. */
function reportFor(
  result: RfmResult,
  unnamed: readonly UnnamedStatus[],
  clock: Clock,
  lang: Lang,
): { report: string[]; empty: string | null } {
  const report: string[] = [];
  let empty: string | null = null;
  const after = result.afterRunDate;
  if (after) {
    const tx = t('segments', lang);
    const when = (at: number) => formatLocalDateTime(at, clock.timeZone);
    const runDate = formatLocalDate(clock.now, clock.timeZone);
    if (result.rows.length === 0)
      empty = tx.allAfterRunDate(after.count, runDate, when(after.first), when(after.last));
    else report.push(tx.afterRunDate(after.count, runDate, when(after.first), when(after.last)));
  }
  if (unnamed.length > 0) report.push(importText[lang].unnamedStatuses(unnamed));
  return { report, empty };
}

function* allOrders(index: CustomerIndex): Generator<StatusPair> {
  for (const c of index.list) for (const co of c.orders) yield co.order;
}

function noticeFor(result: RfmResult, lang: Lang): string | null {
  const tx = t('segments', lang);
  if (result.thinReason === 'few') return tx.thinFew(result.rows.length);
  if (result.thinReason === 'equal') return tx.thinEqual(result.rows.length);
  return null;
}

/** One customer's row in SEGMENT_COLUMNS order; instants rendered by `when` (a Date for the sheet,
 *  local text for a CSV). */
function segmentRow<D>(r: RfmRow, lang: Lang, when: (at: number) => D): (string | number | D)[] {
  return [
    r.key,
    displayName(r),
    r.customer.buyerUsername,
    r.customer.addressFull,
    when(r.firstOrderAt),
    when(r.lastOrderAt),
    r.recencyDays,
    r.frequency,
    r.monetary,
    r.r,
    r.f,
    r.m,
    r.code,
    segmentLabel(r.segmentId, lang),
  ];
}

/** The previous run's segment per buyer key (movement.ts says which run that is), and its date for the
 *  matrix's title (null: no earlier run, or a sheet of unknown date when `segments` is not empty). */
export interface PreviousRun {
  segments: ReadonlyMap<string, SegmentId>;
  date: string | null;
  /** Set when `segments` holds only this run's customers (a rerun on the same date: its own sheet's
   *  "Segmen sebelumnya"): the previous run's customers per segment (its history row), for those gone. */
  counts?: readonly number[];
}

const NO_PREVIOUS: PreviousRun = { segments: new Map(), date: null };

export function buildSegmentsSheet(
  index: CustomerIndex,
  clock: Clock,
  lang: Lang,
  previous: PreviousRun = NO_PREVIOUS,
  history: readonly HistoryRow[] = [],
): SegmentsSheet {
  const result = scoreRfm(index, clock);
  const sorted = sortForSheet(result.rows);
  const tx = t('segments', lang);
  const h = tx.header;
  const rows: CellValue[][] = [];
  const backgrounds: string[] = [];
  const fontColors: string[] = [];
  for (const r of sorted) {
    const seg = segmentById(r.segmentId);
    const row: CellValue[] = segmentRow(r, lang, (at) => new Date(at));
    const before = previous.segments.get(r.key) ?? null;
    row.push(before === null ? '' : segmentLabel(before, lang), tx.changes[changeOf(before, r.segmentId)]);
    rows.push(row);
    backgrounds.push(seg.background);
    fontColors.push(seg.color);
  }

  const sh = tx.summaryHeader;
  const summary = summariseSegments(result.rows);
  const runDate = formatLocalDate(clock.now, clock.timeZone);
  const moved = movementOf(previous.segments, result.rows, previous.counts);
  const historyRow = historyRowOf(runDate, result.rows);
  const { report, empty } = reportFor(result, unnamedStatuses(allOrders(index)), clock, lang);
  const from = previous.date ?? (previous.segments.size > 0 ? tx.movementEarlier : null);
  if (from !== null && result.rows.length > 0)
    report.unshift(tx.movementReport(from, moved.up, moved.down, moved.same, moved.added, moved.gone));
  return {
    header: SHEET_COLUMNS.map((c) => h[c]),
    rows,
    labelColumn: col('segment'),
    backgrounds,
    fontColors,
    textColumns: SEGMENTS_DECL.filter((c) => c.kind === 'text').map((c) => col(c.id)),
    movementRules: movementRules(lang),
    movement: {
      title: from === null ? tx.movementFirst(runDate) : tx.movementTitle(from, runDate),
      ...matrixOf(moved, lang),
    },
    runDate,
    runDateNote: runDateNote(runDate, lang),
    historyRow,
    history: historyTable(recordRun(history, historyRow), lang),
    summary: {
      header: [
        sh.segment,
        sh.customers,
        sh.orders,
        sh.revenue,
        sh.customerShare,
        sh.revenueShare,
        sh.who,
        sh.action,
      ],
      rows: summary.map((s) => [
        segmentLabel(s.segmentId, lang),
        s.customers,
        s.orders,
        s.revenue,
        s.customerShare,
        s.revenueShare,
        tx.profiles[s.segmentId].who,
        tx.profiles[s.segmentId].action,
      ]),
      backgrounds: summary.map((s) => segmentById(s.segmentId).background),
      fontColors: summary.map((s) => segmentById(s.segmentId).color),
    },
    notice: noticeFor(result, lang),
    report,
    empty,
  };
}

/** The change column coloured by its word. */
function movementRules(lang: Lang): SegmentsSheet['movementRules'] {
  // The change column only: it is what the seller scans for. Every rule costs six builder calls each run,
  // and a label of the previous segment reads well enough in plain text.
  const tx = t('segments', lang);
  const change = col('change');
  return (Object.keys(CHANGE_COLOURS) as Change[]).map((c) => ({
    column: change,
    text: tx.changes[c],
    ...CHANGE_COLOURS[c],
  }));
}

const WHITE = '#FFFFFF';
const ZERO = '#757575';
const INK = '#202124';

/** The matrix as cells: segment labels down (previous run, then "new") and across (this run, then "gone"),
 *  labels in their segment's colours, counts highlighted where movementOf's highlightOf says so. */
function matrixOf(m: Movement, lang: Lang): Omit<SegmentsSheet['movement'], 'title'> {
  const tx = t('segments', lang);
  const labels = SEGMENTS.map((s) => tx.labels[s.id]);
  const grid: CellValue[][] = [[tx.movementCorner, ...labels, tx.movementGone]];
  const backgrounds: string[][] = [[WHITE, ...SEGMENTS.map((s) => s.background), WHITE]];
  const fontColors: string[][] = [[INK, ...SEGMENTS.map((s) => s.color), INK]];
  for (let from = 0; from <= NEW_ROW; from++) {
    const seg = SEGMENTS[from];
    const row: CellValue[] = [seg ? labels[from] : tx.movementNew];
    const bg = [seg ? seg.background : WHITE];
    const fg = [seg ? seg.color : INK];
    for (let to = 0; to <= GONE_COLUMN; to++) {
      if (from === NEW_ROW && to === GONE_COLUMN) {
        row.push('');
        bg.push(WHITE);
        fg.push(INK);
        continue;
      }
      const n = m.counts[from][to];
      const hl = highlightOf(from, to);
      const colours = hl && (n > 0 || hl === 'same') ? HIGHLIGHT_COLOURS[hl] : null;
      row.push(n);
      bg.push(colours ? colours.background : WHITE);
      fg.push(colours ? colours.color : n === 0 ? ZERO : INK);
    }
    grid.push(row);
    backgrounds.push(bg);
    fontColors.push(fg);
  }
  return { grid, backgrounds, fontColors };
}

/**
 * The CLI's table: canonical snake_case header, the same rows and order as the sheet, instants as
 * local 'YYYY-MM-DD HH:mm' in the spreadsheet's zone (what the seller sees in the sheet; a CSV has no
 * date type and UTC would shift evening orders to the next day), segment label in `lang`. Its rows are
 * made one at a time as they are written (a big shop's rows need not all be held at once).
 */
export interface CanonicalSegments {
  header: string[];
  /** Number of rows. */
  count: number;
  /** Made afresh on each iteration. */
  rows: Iterable<(string | number)[]>;
  notice: string | null;
  /** As SegmentsSheet's. */
  report: string[];
  empty: string | null;
}

export function canonicalSegments(index: CustomerIndex, clock: Clock, lang: Lang): CanonicalSegments {
  return canonicalSegmentsOf(scoreRfm(index, clock), unnamedStatuses(allOrders(index)), clock, lang);
}

/** canonicalSegments from the scores and the unnamed status values (of every order, as unnamedStatuses
 *  gives them): for a caller that scored customers it summed up itself (CustomerSummaries). */
export function canonicalSegmentsOf(
  result: RfmResult,
  unnamed: readonly UnnamedStatus[],
  clock: Clock,
  lang: Lang,
): CanonicalSegments {
  const sorted = sortForSheet(result.rows);
  const when = (at: number) => formatLocalDateTime(at, clock.timeZone);
  return {
    header: SEGMENT_COLUMNS.map((c) => CANONICAL_HEADER[c]),
    count: sorted.length,
    rows: {
      *[Symbol.iterator]() {
        for (const r of sorted) yield segmentRow(r, lang, when);
      },
    },
    notice: noticeFor(result, lang),
    ...reportFor(result, unnamed, clock, lang),
  };
}

const norm = (v: CellValue) => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/** Where a header may be: ours in either language, or the canonical CSV name. */
function headerNames(c: Column): Set<string> {
  return new Set([texts.segments.id.header[c], texts.segments.en.header[c], CANONICAL_HEADER[c]].map(norm));
}

/** Whether a Segments header cell is one of Kenali's columns (either language, or the CSV name). */
export function isSegmentsHeader(v: CellValue): boolean {
  const h = norm(v);
  return h !== '' && SHEET_COLUMNS.some((c) => headerNames(c).has(h));
}

/** How far down to look for the header row (a notice may stand above it): a caller may read these rows
 *  first, then only the columns it needs. */
export const SEGMENTS_HEADER_ROWS = 10;

/** Where the Segments header is in the sheet's first rows (0-based row and the key, RFM code and previous
 *  segment columns; prevCol -1 on a sheet written before movement was kept), found by the columns' names in
 *  either language; null when the sheet is not ours. */
export function segmentsColumns(
  head: Grid,
): { headerRow: number; keyCol: number; codeCol: number; prevCol: number } | null {
  const keyNames = headerNames('buyerKey');
  const codeNames = headerNames('rfm');
  const prevNames = headerNames('previous');
  for (let h = 0; h < Math.min(head.length, SEGMENTS_HEADER_ROWS); h++) {
    const header = head[h].map(norm);
    const keyCol = header.findIndex((v) => keyNames.has(v));
    const codeCol = header.findIndex((v) => codeNames.has(v));
    const prevCol = header.findIndex((v) => prevNames.has(v));
    if (keyCol >= 0 && codeCol >= 0) return { headerRow: h, keyCol, codeCol, prevCol };
  }
  return null;
}

/** An RFM code cell's text: a number 545 as well as the text '545' (a person may retype one); '' else. */
export function codeOfCell(raw: CellValue): string {
  return typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
}

/** An RFM code cell's segment; null when it is not a code. */
export function segmentOfCode(raw: CellValue): SegmentId | null {
  return segmentForCode(codeOfCell(raw))?.id ?? null;
}

/**
 * Segments per buyer key from the Segments sheet's values, for the lookup. The header row is found by
 * the key column's name in either language; the segment comes from the RFM code (the authoritative
 * cell: a number 545 is accepted as well as the text '545'), the label in `lang`. Rows without a key or
 * a valid code give no segment; an empty map when the sheet is missing or not ours.
 */
export function readSegmentsSheet(grid: Grid, lang: Lang = 'id'): Map<string, SegmentView> {
  const out = new Map<string, SegmentView>();
  const found = segmentsColumns(grid);
  if (found) {
    const { headerRow: h, keyCol, codeCol } = found;
    for (let i = h + 1; i < grid.length; i++) {
      const row = grid[i];
      const key = typeof row[keyCol] === 'string' ? (row[keyCol] as string).trim() : '';
      const view = segmentView(codeOfCell(row[codeCol]), lang);
      if (key === '' || !view) continue;
      out.set(key, view);
    }
  }
  return out;
}
