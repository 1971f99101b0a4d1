// `segment <exports...> --out FILE`: export files → core (parseExport, mergeImport, buildCustomers,
// canonicalSegments) → the canonical Segments table, with no workbook in between. Order lines are
// dropped as soon as each file (or CSV batch) is parsed: RFM needs orders only, and lines are most of the
// memory of a big shop. One CSV file goes further: its orders are summed up per customer as each batch is
// parsed, on every thread that reads it (core CustomerSummaries), and none is kept.
import './native';
import { buildCustomers, CustomerGrouping, type CustomerIndex } from '../../src/core/customers';
import { exportSheets, findBlocks, parseExport } from '../../src/core/exports';
import { scoreInputs } from '../../src/core/rfm';
import { type CanonicalSegments, canonicalSegments, canonicalSegmentsOf } from '../../src/core/segments';
import { mergeImport } from '../../src/core/store';
import type { CustomerSummaries } from '../../src/core/summaries';
import { t } from '../../src/core/text';
import type { Clock, Lang, ParsedExport, Problem, ProblemCode } from '../../src/core/types';
import { exportFileKind, readExportSheets } from '../files';
import { CliError } from './args';
import { parseCsvExport } from './parallel';
import { problemLines } from './report';
import type { StreamOptions } from './stream';

export interface OneShotOptions {
  clock: Clock;
  lang: Lang;
  /** Called when a file starts (label) and as it is read (0..1). */
  onFile?: (path: string) => void;
  onFileProgress?: (fraction: number) => void;
  /** Called when the files are read and scoring starts. */
  onScoring?: () => void;
  batchRows?: number;
  /** How a CSV is read in parts (default: a part per core, at most 4, for big files only). */
  parts?: Pick<StreamOptions, 'threads' | 'minPartBytes' | 'nearBytes'>;
  /** false: group every order into customers (core's CustomerGrouping) even where they could be summed up
   *  as they are read (tests compare the two). */
  summaries?: boolean;
}

export interface OneShotResult extends CanonicalSegments {
  problems: Problem[];
  /** Distinct orders read (any status). */
  orders: number;
  customers: number;
  /** Per workbook, the sheets of no known format, skipped (the income workbook's Summary…). */
  skipped: { path: string; sheets: string[] }[];
}

function fileProblem(sheet: string, row: number, code: ProblemCode, reason: string): Problem {
  return { sheet, row, column: '', code, reason, severity: 'warning' };
}

/** A file whose export lacks a required column is unusable input: its problems, and nothing written. */
function missingColumns(
  path: string,
  headerRows: readonly number[],
  problems: readonly Problem[],
  lang: Lang,
) {
  const rows = new Set(headerRows);
  const why = problems.filter((p) => p.code === 'missing-column' && rows.has(p.row));
  return new CliError(
    [t('cli', lang).files.missingColumns(path), ...problemLines(why, lang).slice(1)].join('\n'),
  );
}

/** Parses one export file; throws CliError when it holds no recognisable export at all, or one that lacks
 *  a required column. */
async function parseFile(
  path: string,
  opts: OneShotOptions,
  whileWaiting?: (firstPart: readonly ParsedExport[]) => void,
): Promise<{
  parsed: ParsedExport[];
  problems: Problem[];
  skipped: string[];
  summaries: CustomerSummaries | null;
}> {
  const { clock, lang } = opts;
  const tx = t('cli', lang);
  if (exportFileKind(path) === 'csv') {
    const r = await parseCsvExport(path, {
      sheetName: path,
      timeZone: clock.timeZone,
      lang,
      batchRows: opts.batchRows,
      ...opts.parts,
      onProgress: (read, total) => opts.onFileProgress?.(total > 0 ? read / total : 1),
      whileWaiting,
      // One file: its orders never repeat (stream.ts checks that), so they can be summed up as they are
      // read, on every thread, instead of kept (see core's summaries.ts).
      summarise: whileWaiting && opts.summaries !== false ? clock : undefined,
    });
    if (!r.hasHeader) throw new CliError(tx.files.noExport(path, r.problems[0]?.reason ?? ''));
    if (r.missingColumns.length > 0) throw missingColumns(path, r.missingColumns, r.problems, lang);
    const problems = r.problems;
    if (r.csv.unterminatedQuoteRow !== null)
      problems.push(
        fileProblem(path, r.csv.unterminatedQuoteRow, 'unterminated-quote', tx.problems.unterminatedQuote),
      );
    if (r.csv.encoding === 'windows-1252')
      problems.push(fileProblem(path, 1, 'encoding', t('upload', lang).windows1252));
    return { parsed: r.parsed, problems, skipped: [], summaries: r.summaries };
  }
  // XLSX: exceljs holds the workbook anyway. Each sheet's format is decided by its whole header (core's
  // exportSheets): sheets of no known format are skipped and listed (a notes sheet, the income workbook's
  // Summary), not errors; a file with no export at all is one.
  const sheets = await readExportSheets(path, { timeZone: clock.timeZone });
  opts.onFileProgress?.(1);
  const { exports, skipped } = exportSheets(sheets);
  if (exports.length === 0) {
    const first = sheets.find((s) => s.grid.length > 0);
    const why = first ? parseExport(first.grid, first.name, clock.timeZone, lang).problems[0]?.reason : '';
    throw new CliError(tx.files.noExport(path, why ?? ''));
  }
  const parsed: ParsedExport[] = [];
  const problems: Problem[] = [];
  for (const sheet of exports) {
    const p = parseExport(sheet.grid, sheet.name, clock.timeZone, lang, { lines: false });
    const incomplete = findBlocks(sheet.grid).filter((b) => b.match.missing.length > 0);
    if (incomplete.length > 0) {
      throw missingColumns(
        sheet.name,
        incomplete.map((b) => b.headerIndex + 1),
        p.problems,
        lang,
      );
    }
    problems.push(...p.problems);
    parsed.push({ ...p, problems: [] });
  }
  // "file.xlsx › Summary" → "Summary": the message names the file once.
  const names = skipped.map((s) => s.name.slice(s.name.indexOf(' › ') + 3));
  return { parsed, problems, skipped: names, summaries: null };
}

export async function segmentExports(paths: readonly string[], opts: OneShotOptions): Promise<OneShotResult> {
  // One CSV file: its batches never share an order (stream.ts checks that, or parses the file whole), so
  // merging them is concatenation, and the first part's orders can be grouped into customers while other
  // threads still read the rest.
  const single = paths.length === 1 && exportFileKind(paths[0]) === 'csv';
  const early = { grouping: new CustomerGrouping(), batches: [] as readonly ParsedExport[] };
  const parsed: ParsedExport[] = [];
  const problems: Problem[] = [];
  const skipped: OneShotResult['skipped'] = [];
  let summaries: CustomerSummaries | null = null;
  for (const path of paths) {
    opts.onFile?.(path);
    const r = await parseFile(
      path,
      opts,
      single
        ? (first) => {
            if (first.some((p) => p.payments.length > 0)) return; // payments join orders: group at the end
            for (const p of first) early.grouping.add(p.orders);
            early.batches = first;
          }
        : undefined,
    );
    for (const p of r.parsed) parsed.push(p);
    for (const p of r.problems) problems.push(p);
    if (r.skipped.length > 0) skipped.push({ path, sheets: r.skipped });
    summaries = r.summaries;
  }
  opts.onScoring?.();
  if (summaries) {
    const { inputs, afterRunDate } = summaries.scoring();
    const result = scoreInputs(inputs, summaries.runDay, afterRunDate);
    const table = canonicalSegmentsOf(result, summaries.unnamed(), opts.clock, opts.lang);
    return { ...table, problems, orders: summaries.orders, customers: table.count, skipped };
  }
  let index: CustomerIndex;
  let orderCount: number;
  if (single && !parsed.some((p) => p.payments.length > 0)) {
    // The early grouping holds the result's first batches, unless the file had to be read again whole.
    const reused = early.batches.length > 0 && early.batches.every((p, i) => parsed[i] === p);
    const grouping = reused ? early.grouping : new CustomerGrouping();
    for (const p of parsed.slice(reused ? early.batches.length : 0)) grouping.add(p.orders);
    orderCount = parsed.reduce((n, p) => n + p.orders.length, 0);
    index = grouping.finish();
  } else {
    // Files in the order given: for an order in several files, the later file wins (as a later import).
    const { orders, payments } = single
      ? { orders: parsed.flatMap((p) => p.orders), payments: parsed.flatMap((p) => p.payments) }
      : mergeImport({ orders: [], items: [], payments: [] }, parsed, opts.clock.now);
    orderCount = orders.length;
    index = buildCustomers({ orders, items: [], payments, profiles: [] }, { uniqueOrders: true });
  }
  parsed.length = 0; // the batches' arrays can go: only the orders in the index live on
  const table = canonicalSegments(index, opts.clock, opts.lang);
  return { ...table, problems, orders: orderCount, customers: table.count, skipped };
}
