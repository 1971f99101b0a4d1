// `segment <exports...> --out FILE`: export files → core (parseExport, mergeImport, buildCustomers,
// segmentsTableCanonical) → the canonical Segments table, with no workbook in between. Order lines are
// dropped as soon as each file (or CSV batch) is parsed: RFM needs orders only, and lines are most of the
// memory of a big shop.
import './native';
import { buildCustomers, CustomerGrouping, type CustomerIndex } from '../../src/core/customers';
import { findBlocks, parseExport } from '../../src/core/exports';
import { type CanonicalSegments, canonicalSegments } from '../../src/core/segments';
import { mergeImport } from '../../src/core/store';
import { t } from '../../src/core/text';
import type { Clock, Lang, ParsedExport, Problem } from '../../src/core/types';
import { exportFileKind, readExportSheets } from '../files';
import { CliError } from './args';
import { parseCsvExport } from './parallel';

export interface OneShotOptions {
  clock: Clock;
  lang: Lang;
  /** Called when a file starts (label) and as it is read (0..1). */
  onFile?: (path: string) => void;
  onFileProgress?: (fraction: number) => void;
  /** Called when the files are read and scoring starts. */
  onScoring?: () => void;
  batchRows?: number;
}

export interface OneShotResult extends CanonicalSegments {
  problems: Problem[];
  /** Distinct orders read (any status). */
  orders: number;
  customers: number;
}

function fileProblem(sheet: string, row: number, reason: string): Problem {
  return { sheet, row, column: '', reason, severity: 'warning' };
}

/** Parses one export file; throws CliError when it holds no recognisable export at all. */
async function parseFile(
  path: string,
  opts: OneShotOptions,
  whileWaiting?: (firstPart: readonly ParsedExport[]) => void,
): Promise<{ parsed: ParsedExport[]; problems: Problem[] }> {
  const { clock, lang } = opts;
  const tx = t('cli', lang);
  if (exportFileKind(path) === 'csv') {
    const r = await parseCsvExport(path, {
      sheetName: path,
      timeZone: clock.timeZone,
      lang,
      batchRows: opts.batchRows,
      onProgress: (read, total) => opts.onFileProgress?.(total > 0 ? read / total : 1),
      whileWaiting,
    });
    if (!r.hasHeader) throw new CliError(tx.files.noExport(path, r.problems[0]?.reason ?? ''));
    const problems = r.problems;
    if (r.csv.unterminatedQuoteRow !== null)
      problems.push(fileProblem(path, r.csv.unterminatedQuoteRow, tx.problems.unterminatedQuote));
    if (r.csv.encoding === 'windows-1252') problems.push(fileProblem(path, 1, t('upload', lang).windows1252));
    return { parsed: r.parsed, problems };
  }
  // XLSX: exceljs holds the workbook anyway; every sheet holding an export counts, other sheets are
  // ignored (a notes sheet is not an error), and a file with none is.
  const sheets = await readExportSheets(path, { timeZone: clock.timeZone });
  opts.onFileProgress?.(1);
  const parsed: ParsedExport[] = [];
  const problems: Problem[] = [];
  let firstReason = '';
  for (const sheet of sheets) {
    if (findBlocks(sheet.grid).length === 0) {
      if (!firstReason)
        firstReason = parseExport(sheet.grid, sheet.name, clock.timeZone, lang).problems[0]?.reason ?? '';
      continue;
    }
    const p = parseExport(sheet.grid, sheet.name, clock.timeZone, lang);
    problems.push(...p.problems);
    parsed.push({ ...p, items: [], problems: [] });
  }
  if (parsed.length === 0) throw new CliError(tx.files.noExport(path, firstReason));
  return { parsed, problems };
}

export async function segmentExports(paths: readonly string[], opts: OneShotOptions): Promise<OneShotResult> {
  // One CSV file: its batches never share an order (stream.ts checks that, or parses the file whole), so
  // merging them is concatenation, and the first part's orders can be grouped into customers while other
  // threads still read the rest.
  const single = paths.length === 1 && exportFileKind(paths[0]) === 'csv';
  const early = { grouping: new CustomerGrouping(), batches: [] as readonly ParsedExport[] };
  const parsed: ParsedExport[] = [];
  const problems: Problem[] = [];
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
  }
  opts.onScoring?.();
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
  return { ...table, problems, orders: orderCount, customers: table.count };
}
