// `segment <exports...> --out FILE`: export files → core (parseExport, mergeImport, buildCustomers,
// segmentsTableCanonical) → the canonical Segments table, with no workbook in between. Order lines are
// dropped as soon as each file (or CSV batch) is parsed: RFM needs orders only, and lines are most of the
// memory of a big shop.
import './native';
import { buildCustomers } from '../../src/core/customers';
import { findBlocks, parseExport } from '../../src/core/exports';
import { segmentsTableCanonical } from '../../src/core/segments';
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

export interface OneShotResult {
  header: string[];
  rows: (string | number)[][];
  notice: string | null;
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
    });
    if (!r.hasHeader) throw new CliError(tx.files.noExport(path, r.problems[0]?.reason ?? ''));
    const problems = r.problems;
    if (r.csv.unterminatedQuoteRow !== null)
      problems.push(fileProblem(path, r.csv.unterminatedQuoteRow, tx.problems.unterminatedQuote));
    if (r.csv.notUtf8Row !== null) problems.push(fileProblem(path, r.csv.notUtf8Row, tx.problems.notUtf8));
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
  const parsed: ParsedExport[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    opts.onFile?.(path);
    const r = await parseFile(path, opts);
    for (const p of r.parsed) parsed.push(p);
    for (const p of r.problems) problems.push(p);
  }
  opts.onScoring?.();
  // Files in the order given: for an order in several files, the later file wins (as a later import). One
  // CSV file's batches never share an order (stream.ts checks that, or parses the file whole), so there
  // merging is concatenation.
  const { orders, payments } =
    paths.length === 1 && exportFileKind(paths[0]) === 'csv'
      ? { orders: parsed.flatMap((p) => p.orders), payments: parsed.flatMap((p) => p.payments) }
      : mergeImport({ orders: [], items: [], payments: [] }, parsed, opts.clock.now);
  parsed.length = 0; // the batches' arrays can go: only the merged orders live on
  const table = segmentsTableCanonical(
    buildCustomers({ orders, items: [], payments, profiles: [] }, { uniqueOrders: true }),
    opts.clock,
    opts.lang,
  );
  return {
    header: table.header,
    rows: table.rows,
    notice: table.notice,
    problems,
    orders: orders.length,
    customers: table.rows.length,
  };
}
