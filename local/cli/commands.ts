// The CLI's commands. Results go to stdout, diagnostics (progress, problems) to stderr.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import {
  DEFAULT_DEMO_ORDERS,
  forEachShopeeExportRow,
  generateIncomeReport,
  shopeeExportHeader,
} from '../../src/core/demo';
import { exportSheets, findBlocks, parseExport } from '../../src/core/exports';
import { parseBuyerKey } from '../../src/core/identity';
import { t } from '../../src/core/text';
import { importText } from '../../src/core/text/import';
import { formatLocalDateTime, runDateEnd } from '../../src/core/time';
import type { Lang } from '../../src/core/types';
import type { LookupListView, SaveNameResult } from '../../src/core/views';
import { checkReadable, type ExportSheet, exportFileKind, readExportSheets } from '../files';
import {
  CliError,
  checkTimeZone,
  endOfLocalDay,
  type OptionSpec,
  type ParsedArgs,
  positiveInt,
  stringOption,
  UsageError,
} from './args';
import { errorReason, writeThroughTemp } from './atomic';
import { CsvWriter } from './csv';
import { segmentExports } from './oneshot';
import { writeCsv, writeXlsx } from './output';
import type { Progress } from './progress';
import { problemLines, termSafe, termSafeLines } from './report';

// The workbook commands load the local Apps Script runtime (and exceljs) only when they run: the one-shot
// segment of a big export starts sooner without them.
const workbookApi = () => import('./workbook');

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  progress: Progress;
}

export interface Command {
  options: OptionSpec;
  run(args: ParsedArgs, lang: Lang, io: Io): Promise<void>;
}

const DEFAULT_TZ = 'Asia/Jakarta';
/** An output's folder must exist and be writable: refused before any input is read. */
function checkOutputFolder(path: string, lang: Lang): void {
  const dir = dirname(resolve(path));
  const tx = t('cli', lang).files;
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    throw new CliError(tx.outFolderMissing(path, dir));
  }
  if (!isDir) throw new CliError(tx.outFolderMissing(path, dir));
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new CliError(tx.outFolderReadOnly(path, dir));
  }
}

/** Checks every input up front, so a typo in the last file name fails before minutes of work. */
function checkInputs(paths: readonly string[]): void {
  for (const p of paths) {
    exportFileKind(p);
    checkReadable(p);
  }
}

// ---------------------------------------------------------------------------------------------- segment

const segment: Command = {
  options: {
    out: { type: 'string', short: 'o' },
    workbook: { type: 'string', short: 'w' },
    today: { type: 'string' },
    tz: { type: 'string' },
    force: { type: 'boolean' },
  },
  async run(args, lang, io) {
    const tx = t('cli', lang);
    const out = stringOption(args, 'out');
    const wb = stringOption(args, 'workbook');
    if ((out === undefined) === (wb === undefined)) throw new UsageError(tx.errors.outOrWorkbook, 'segment');
    const today = stringOption(args, 'today');
    if (wb !== undefined) {
      if (args.positionals.length > 0) throw new UsageError(tx.errors.filesWithWorkbook, 'segment');
      if (today !== undefined && runDateEnd(today, 'UTC') === null)
        throw new UsageError(tx.errors.badDate(today), 'segment');
      return segmentWorkbook(wb, today, lang, io, args.values.force === true);
    }
    const files = args.positionals;
    if (files.length === 0) throw new UsageError(tx.errors.needFiles, 'segment');
    const target = out as string;
    const ext = extname(target).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError(tx.errors.outExtension(target), 'segment');
    if (files.some((f) => resolve(f) === resolve(target)))
      throw new UsageError(tx.errors.outIsInput(target), 'segment');
    checkOutputFolder(target, lang);
    const timeZone = checkTimeZone(stringOption(args, 'tz') ?? DEFAULT_TZ, lang, 'segment');
    const now = today === undefined ? Date.now() : endOfLocalDay(today, timeZone, lang, 'segment');
    checkInputs(files);

    const started = Date.now();
    const { progress } = io;
    const result = await segmentExports(files, {
      clock: { timeZone, now },
      lang,
      onFile: (p) => progress.phase(tx.progress.reading(p)),
      onFileProgress: (f) => progress.update(f),
      onScoring: () => progress.phase(tx.progress.scoring),
    });
    progress.phase(tx.progress.writing(target));
    await writeThroughTemp(target, lang, (tmp) =>
      ext === '.csv'
        ? writeCsv(tmp, result, (f) => progress.update(f))
        : writeXlsx(tmp, result, t('sheet', lang).segmentsSheet, (f) => progress.update(f)),
    );
    progress.clear();
    for (const s of result.skipped) io.err(termSafe(tx.files.skipped(s.path, s.sheets)));
    for (const line of problemLines(result.problems, lang)) io.err(line);
    if (result.notice) io.err(result.notice);
    for (const line of result.report) io.err(termSafe(line));
    if (result.customers === 0) io.out(result.empty ?? tx.done.noCustomers);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(tx.done.segmented(result.customers, result.orders, target, seconds));
  },
};

async function segmentWorkbook(
  path: string,
  today: string | undefined,
  lang: Lang,
  io: Io,
  force: boolean,
): Promise<void> {
  const tx = t('cli', lang);
  const { bundleFor, callBundle, checkWorkbookPath, ensureBuilt, openWorkbook, saveWorkbook } =
    await workbookApi();
  checkWorkbookPath(path, lang, 'segment');
  await ensureBuilt();
  io.progress.phase(tx.progress.loading(path));
  const { workbook, stamp } = await openWorkbook(path, { lang, force });
  io.progress.phase(tx.progress.running(t('menu', lang).segment));
  const report = callBundle<{ message: string }>(bundleFor(workbook), 'kenaliSegmentJson_', today ?? '');
  io.progress.phase(tx.progress.saving(path));
  await saveWorkbook(workbook, path, lang, { force, expected: stamp });
  io.progress.clear();
  io.out(termSafeLines(report.message));
  io.out(tx.done.saved(path));
}

// ---------------------------------------------------------------------------------------------- import

const importCommand: Command = {
  options: { workbook: { type: 'string', short: 'w' }, tz: { type: 'string' }, force: { type: 'boolean' } },
  async run(args, lang, io) {
    const tx = t('cli', lang);
    const { checkWorkbookPath, ensureBuilt, importBlocks, openWorkbook, saveWorkbook } = await workbookApi();
    const wb = stringOption(args, 'workbook');
    if (wb === undefined) throw new UsageError(tx.errors.needWorkbook, 'import');
    checkWorkbookPath(wb, lang, 'import');
    const files = args.positionals;
    if (files.length === 0) throw new UsageError(tx.errors.needFiles, 'import');
    const timeZone = checkTimeZone(stringOption(args, 'tz') ?? DEFAULT_TZ, lang, 'import');
    checkInputs(files);
    await ensureBuilt();

    // Every file is read before the workbook is touched: a wrong file fails with nothing changed. Each
    // sheet's format is decided by its whole header (core's exportSheets): XLSX sheets of no known format
    // (a notes sheet, the income workbook's Summary) are skipped and listed; a file with no export at all,
    // or with an export lacking a required column, is fatal.
    const blocks: ExportSheet[] = [];
    const skippedLines: string[] = [];
    for (const f of files) {
      io.progress.phase(tx.progress.reading(f));
      const sheets = (await readExportSheets(f, { timeZone })).filter((s) => s.grid.length > 0);
      const { exports, skipped } = exportSheets(sheets);
      if (exports.length === 0) {
        const why = sheets[0] ? parseExport(sheets[0].grid, f, timeZone, lang).problems[0]?.reason : '';
        throw new CliError(tx.files.noExport(f, why ?? ''));
      }
      for (const s of exports) {
        const name = exportFileKind(f) === 'csv' ? f : s.name;
        const incomplete = findBlocks(s.grid).filter((b) => b.match.missing.length > 0);
        if (incomplete.length > 0) {
          const rows = new Set(incomplete.map((b) => b.headerIndex + 1));
          const why = parseExport(s.grid, name, timeZone, lang).problems.filter(
            (p) => p.code === 'missing-column' && rows.has(p.row),
          );
          throw new CliError([tx.files.missingColumns(name), ...problemLines(why, lang).slice(1)].join('\n'));
        }
        blocks.push({ name, grid: s.grid });
      }
      if (skipped.length > 0) {
        skippedLines.push(
          tx.files.skipped(
            f,
            skipped.map((s) => s.name.slice(s.name.indexOf(' › ') + 3)),
          ),
        );
      }
    }
    io.progress.phase(tx.progress.loading(wb));
    const force = args.values.force === true;
    const { workbook, created, stamp } = await openWorkbook(wb, { lang, create: { timeZone }, force });
    io.progress.phase(tx.progress.running(t('menu', lang).import));
    let reports: ReturnType<typeof importBlocks>;
    try {
      reports = importBlocks(workbook, blocks);
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(tx.files.tooBig(wb, errorReason(e)));
    }
    io.progress.phase(tx.progress.saving(wb));
    await saveWorkbook(workbook, wb, lang, { force, expected: stamp });
    io.progress.clear();
    for (const line of skippedLines) io.err(termSafe(line));
    // The product's message speaks of inbox rows; the CLI lists the problems by file and row instead.
    const itx = importText[lang];
    for (const r of reports) {
      const lines = r.message.split('\n');
      io.out(`${termSafe(r.name)}: ${termSafe(lines[0])}`);
      if (r.olderOrders > 0) io.out(`  ${itx.olderInFile(r.olderOrders)}`);
      if (r.unnamedStatuses.length > 0) io.out(termSafe(`  ${itx.unnamedStatuses(r.unnamedStatuses)}`));
    }
    for (const line of problemLines(
      reports.flatMap((r) => r.problems),
      lang,
    ))
      io.err(line);
    const last = reports[reports.length - 1]?.message.split('\n') ?? [];
    if (last.length > 1) io.out(termSafe(last[last.length - 1]));
    io.out(created ? tx.done.created(wb) : tx.done.saved(wb));
  },
};

// ---------------------------------------------------------------------------------------------- name

const name: Command = {
  options: { workbook: { type: 'string', short: 'w' }, force: { type: 'boolean' } },
  async run(args, lang, io) {
    const tx = t('cli', lang);
    const { bundleFor, callBundle, checkWorkbookPath, ensureBuilt, openWorkbook, saveWorkbook } =
      await workbookApi();
    const wb = stringOption(args, 'workbook');
    if (wb === undefined) throw new UsageError(tx.errors.needWorkbook, 'name');
    checkWorkbookPath(wb, lang, 'name');
    const [key, ...words] = args.positionals;
    const realName = words.join(' ');
    if (key === undefined || realName.trim() === '') throw new UsageError(tx.errors.needKeyAndName, 'name');
    if (!parseBuyerKey(key)) throw new UsageError(tx.errors.badKey(termSafe(key)), 'name');
    await ensureBuilt();
    const force = args.values.force === true;
    const { workbook, stamp } = await openWorkbook(wb, { lang, force });
    const result = callBundle<SaveNameResult>(bundleFor(workbook), 'saveBuyerName', key, realName);
    await saveWorkbook(workbook, wb, lang, { force, expected: stamp });
    io.out(termSafe(tx.done.nameSaved(result.buyerKey, result.buyerRealName, result.updated)));
  },
};

// ---------------------------------------------------------------------------------------------- lookup

function clip(s: string, n: number): string {
  const chars = [...s];
  return chars.length > n ? `${chars.slice(0, n - 1).join('')}…` : s;
}

function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  return len >= n ? s : right ? ' '.repeat(n - len) + s : s + ' '.repeat(n - len);
}

export function lookupTable(view: LookupListView, lang: Lang): string[] {
  const tx = t('cli', lang).lookup;
  const tz = view.timeZone ?? DEFAULT_TZ;
  const rows = view.items.map((c) => [
    clip(termSafe(c.realName ?? c.buyerUsername), 24),
    clip(termSafe(c.buyerUsername), 20),
    clip(termSafe(c.addressFull), 40),
    String(c.orderCount),
    formatLocalDateTime(Date.parse(c.lastActivityAt), tz),
    termSafe(c.buyerKey),
  ]);
  const widths = tx.header.map((h, j) => Math.max([...h].length, ...rows.map((r) => [...r[j]].length)));
  const line = (r: string[]) =>
    r
      .map((v, j) => (j === r.length - 1 ? v : pad(v, widths[j], j === 3)))
      .join('  ')
      .trimEnd();
  const title =
    view.mode === 'recent'
      ? tx.recent(view.days, view.items.length, view.total)
      : tx.found(termSafe(view.query), view.items.length, view.total);
  if (rows.length === 0) return [title, tx.none];
  return [title, '', line(tx.header), ...rows.map(line)];
}

const lookup: Command = {
  options: { workbook: { type: 'string', short: 'w' }, json: { type: 'boolean' } },
  async run(args, lang, io) {
    const tx = t('cli', lang);
    const { bundleFor, callBundle, checkWorkbookPath, ensureBuilt, openWorkbook } = await workbookApi();
    const wb = stringOption(args, 'workbook');
    if (wb === undefined) throw new UsageError(tx.errors.needWorkbook, 'lookup');
    checkWorkbookPath(wb, lang, 'lookup');
    const query = args.positionals.join(' ');
    await ensureBuilt();
    const { workbook } = await openWorkbook(wb, { lang, readOnly: true });
    const view = callBundle<LookupListView>(bundleFor(workbook), 'lookupCustomers', query);
    if (args.values.json === true) io.out(JSON.stringify(view, null, 2));
    else for (const l of lookupTable(view, lang)) io.out(l);
  },
};

// ---------------------------------------------------------------------------------------------- demo

const demo: Command = {
  options: {
    out: { type: 'string', short: 'o' },
    lines: { type: 'string' },
    orders: { type: 'string' },
    seed: { type: 'string' },
    today: { type: 'string' },
    tz: { type: 'string' },
    income: { type: 'string' },
    header: { type: 'string' },
  },
  async run(args, lang, io) {
    const tx = t('cli', lang);
    const out = stringOption(args, 'out');
    if (out === undefined) throw new UsageError(tx.errors.missingValue('out'), 'demo');
    if (args.positionals.length > 0) throw new UsageError(tx.errors.tooManyArgs(args.positionals[0]), 'demo');
    const income = stringOption(args, 'income');
    for (const p of [out, income]) {
      if (p !== undefined && extname(p).toLowerCase() !== '.csv')
        throw new UsageError(tx.errors.demoExtension(p), 'demo');
    }
    for (const p of [out, income]) if (p !== undefined) checkOutputFolder(p, lang);
    const header = stringOption(args, 'header') ?? 'id';
    if (header !== 'id' && header !== 'en') throw new UsageError(tx.errors.badHeaderLang(header), 'demo');
    const timeZone = checkTimeZone(stringOption(args, 'tz') ?? DEFAULT_TZ, lang, 'demo');
    const today = stringOption(args, 'today');
    const now = today === undefined ? Date.now() : endOfLocalDay(today, timeZone, lang, 'demo');
    const count = (o: string) => {
      const v = stringOption(args, o);
      return v === undefined ? undefined : positiveInt(v, o, lang, 'demo');
    };
    const lines = count('lines');
    const orders = count('orders') ?? (lines === undefined ? DEFAULT_DEMO_ORDERS : undefined);
    const seed = count('seed') ?? 20240501;
    const options = { seed, orders, lines, now, timeZone, lang: header } as const;

    io.progress.phase(tx.progress.writing(out));
    let rows = 0;
    let orderCount = 0;
    let lastSn = '';
    await writeThroughTemp(out, lang, (tmp) => {
      const w = new CsvWriter(tmp);
      try {
        w.row(shopeeExportHeader(header));
        forEachShopeeExportRow(options, (row) => {
          w.row(row);
          rows++;
          if (row[0] !== lastSn) {
            orderCount++;
            lastSn = String(row[0]);
          }
        });
      } finally {
        w.close();
      }
    });
    io.progress.clear();
    io.out(tx.done.demoWritten(rows, orderCount, out));
    if (income !== undefined) {
      const grid = generateIncomeReport({ seed, exportOptions: options }).grid;
      await writeThroughTemp(income, lang, (tmp) => {
        const w = new CsvWriter(tmp);
        try {
          for (const r of grid) w.row(r);
        } finally {
          w.close();
        }
      });
      io.out(tx.done.incomeWritten(grid.length, income));
    }
  },
};

export const COMMANDS: Record<string, Command> = { segment, import: importCommand, name, lookup, demo };
