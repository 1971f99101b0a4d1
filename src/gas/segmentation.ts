// Segmentasi RFM: the Segments sheet (the customer table alone: every column beside it would cost a cell
// per customer) and its summary sheet (summary, movement matrix, history, charts) are each built complete in
// a staging sheet, then swapped in, Segments first: a failure never leaves a half-written sheet (the old one
// stays until the new one is whole), and a run stopped between the two swaps leaves a new Segments sheet
// whose run the next run puts back into the history (gas/movement.ts).
import { buildCustomers, type CustomerIndex } from '../core/customers';
import { findHistory } from '../core/movement';
import { customerRows } from '../core/readmodel';
import { buildSegmentsSheet, SEGMENTS_DECL } from '../core/segments';
import type { CarriedCells } from '../core/seller-columns';
import { t, texts } from '../core/text';
import type { Clock } from '../core/types';
import type { Env } from './context';
import { carryOver, isOurSummary, readOldSegments, setAside, writeCarried } from './kept';
import { readMovement, writeSegmentsMovement, writeSummarySheet } from './movement';
import { writeProblems } from './problems';
import { syncCustomers } from './readmodel';
import { writeTable } from './sheets';
import { GENERATION, loadStore, readConsistently } from './store';
import { withStoreLock } from './undo';

export interface SegmentationReport {
  customers: number;
  message: string;
  notice: string | null;
}

export function runSegmentation(env: Env, clock: Clock = env.clock, toast = true): SegmentationReport {
  const { ss, lang } = env;
  const tx = t('sheet', lang);
  if (toast) ss.toast(tx.segmentReading, tx.segmentTitle, 5);

  // The store as one import left it (never half of one); lines only for the Customers read model, and
  // only the three columns it needs of them.
  const generation = env.properties.getProperty(GENERATION);
  const store = readConsistently(env, () => loadStore(env, undefined, { itemHeaders: ITEM_HEADERS }));
  // A store sheet without a column Kenali needs (its header row deleted by hand) reads as no orders: say
  // so and where, and leave Segments and Customers as they are (a repair from it would empty Customers).
  const unreadable = store.problems.filter((p) => p.code === 'missing-column');
  if (unreadable.length > 0) {
    writeProblems(env, store.problems);
    const listed = unreadable.slice(0, 8).map((p) => tx.problemLine(p));
    return {
      customers: 0,
      message: [tx.segmentStoreUnreadable(tx.problemsSheet), ...listed].join('\n'),
      notice: null,
    };
  }
  const index = buildCustomers(store);
  // What this run compares with, read before the sheets are replaced.
  const runs = runsOf(env.properties);
  const found = {
    segments: findSheet(ss, runs, [tx.segmentsSheet]),
    summary: findSheet(ss, runs, SUMMARY_NAMES(lang)),
  };
  // A sheet of the seller's under one of these names is neither read nor replaced: it is set aside below.
  const oldSegments = readOldSegments(found.segments);
  const foreignSummary = found.summary !== null && !isOurSummary(found.summary, findHistory);
  const replaced = {
    segments: oldSegments.foreign ? null : found.segments,
    summary: foreignSummary ? null : found.summary,
  };
  const movement = readMovement(replaced, index, clock);
  const content = buildSegmentsSheet(index, clock, lang, movement.previous, movement.history);
  // Customers checked against the store and repaired (a hand edit, an interrupted import): under the lock,
  // and only when no import changed the store since it was read.
  repairCustomers(env, index, generation, store.profilesThrough);
  if (content.rows.length === 0) {
    return { customers: 0, message: content.empty ?? tx.segmentNoOrders, notice: null };
  }
  if (toast) ss.toast(tx.segmentWriting(content.rows.length), tx.segmentTitle, 5);
  const kept: string[] = [];
  for (const sheet of [oldSegments.foreign ? found.segments : null, foreignSummary ? found.summary : null]) {
    if (!sheet) continue;
    const name = sheet.getName();
    kept.push(tx.sheetSetAside(name, setAside(ss, sheet, name, lang)));
  }
  const carried = carryOver(
    oldSegments,
    content.rows.map((r) => String(r[0])),
  );

  const finals = [tx.segmentsSheet, tx.summarySheet];
  // Named by the real time (not the run date): its age tells a leftover from a run still going.
  const now = env.clock.now;
  const run = trackRun(ss, runs, env.properties, finals, now);
  try {
    const segments = namesOf(tx.segmentsSheet, now);
    const summary = namesOf(tx.summarySheet, now);
    const stagings: Sheet[] = [];
    let olds: { segments: Sheet | null; summary: Sheet | null };
    try {
      stagings.push(ss.insertSheet(segments.staging));
      writeSegments(
        stagings[0],
        content,
        carried && { carried, index, gone: texts.segments[lang].movementGone },
      );
      stagings.push(ss.insertSheet(summary.staging));
      writeSummarySheet(stagings[1], content, lang);
      olds = {
        segments: ss.getSheetByName(segments.final),
        summary: findSheet(ss, [], SUMMARY_NAMES(lang)),
      };
    } catch (e) {
      for (const sheet of stagings) ss.deleteSheet(sheet);
      throw e;
    }
    swapIn(ss, [
      { sheet: stagings[0], old: olds.segments, names: segments },
      { sheet: stagings[1], old: olds.summary, names: summary },
    ]);
  } finally {
    run.release();
  }

  const done = tx.segmentDone(content.rows.length, tx.segmentsSheet);
  if (toast) ss.toast(done, tx.segmentTitle, 5);
  const lines = [done, ...kept];
  if (carried)
    lines.push(tx.sellerColumnsKept(tx.segmentsSheet, carried.headers.length, carried.leftovers.length));
  if (content.notice) lines.push(content.notice);
  lines.push(...content.report);
  // Rows of the store we could not read were left out of the scores: say so, and where.
  if (store.problems.length > 0) {
    writeProblems(env, store.problems);
    lines.push(tx.storeProblems(store.problems.length, tx.problemsSheet));
  }
  return { customers: content.rows.length, message: lines.join('\n'), notice: content.notice };
}

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Properties = GoogleAppsScript.Properties.Properties;

/** The summary sheet's names, this language's first (a spreadsheet whose language changed keeps its
 *  history). */
const SUMMARY_NAMES = (lang: Env['lang']) => [
  texts.sheet[lang].summarySheet,
  texts.sheet[lang === 'id' ? 'en' : 'id'].summarySheet,
];

/** Older than any execution can run (Apps Script stops one at 6 minutes): a leftover, not work in progress. */
const LEFTOVER_AFTER_MS = 30 * 60_000;
/** One document property per run in progress, `<prefix><start ms>` → the names of the sheets it replaces,
 *  one a line (a run of an older version: the Segments sheet's only). */
const RUN_PROPERTY = 'kenali.segmentsRun.';

/** A sheet of the run started at `started`: the new one while it is written, the old one set aside. */
function namesOf(finalName: string, started: number) {
  return {
    final: finalName,
    staging: `${finalName} (baru ${started})`,
    aside: `${finalName} (lama ${started})`,
  };
}

interface Run {
  key: string;
  started: number;
  finals: string[];
}

/** The runs the document properties say are in progress (or were stopped dead): one read. */
function runsOf(props: Properties): Run[] {
  const out: Run[] = [];
  for (const [key, value] of Object.entries(props.getProperties())) {
    if (!key.startsWith(RUN_PROPERTY)) continue;
    const finals = value.split('\n').filter((n) => n !== '');
    out.push({ key, started: Number(key.slice(RUN_PROPERTY.length)), finals });
  }
  return out;
}

/**
 * The sheet this run replaces, by any of its `names`; or, when a run stopped dead between setting the old
 * one aside and putting its own in place (Apps Script's time limit), the one it set aside: the last whole
 * one (trackRun puts it back afterwards). A call per name tried.
 */
function findSheet(ss: Spreadsheet, runs: readonly Run[], names: readonly string[]): Sheet | null {
  for (const name of names) {
    const sheet = ss.getSheetByName(name);
    if (sheet) return sheet;
  }
  for (const run of runs)
    for (const name of names) {
      if (!run.finals.includes(name)) continue;
      const aside = ss.getSheetByName(namesOf(name, run.started).aside);
      if (aside) return aside;
    }
  return null;
}

/**
 * Records this run until it ends (even by an exception), after tidying what runs stopped dead (Apps
 * Script's time limit: no catch or finally of theirs ran) left behind: their staging sheets are removed,
 * a sheet they set aside is put back under its name when nothing took its place, else removed. A few
 * calls per leftover run, whatever the number of rows.
 */
function trackRun(
  ss: Spreadsheet,
  runs: readonly Run[],
  props: Properties,
  finals: readonly string[],
  now: number,
): { release(): void } {
  for (const run of runs) {
    if (now - run.started <= LEFTOVER_AFTER_MS) continue; // still running, perhaps
    for (const final of run.finals) {
      const names = namesOf(final, run.started);
      const staging = ss.getSheetByName(names.staging);
      if (staging) ss.deleteSheet(staging);
      const aside = ss.getSheetByName(names.aside);
      if (!aside) continue;
      if (ss.getSheetByName(final)) ss.deleteSheet(aside);
      else aside.setName(final);
    }
    props.deleteProperty(run.key);
  }
  const own = `${RUN_PROPERTY}${now}`;
  props.setProperty(own, finals.join('\n'));
  return { release: () => props.deleteProperty(own) };
}

interface Swap {
  /** The complete staging sheet. */
  sheet: Sheet;
  /** The sheet it replaces, if any. */
  old: Sheet | null;
  names: ReturnType<typeof namesOf>;
}

/**
 * Puts each complete staging sheet in place of its old sheet, in order: every old one set aside and its
 * new one renamed, then the old ones deleted. A failing step puts every old one back and removes the new
 * ones, so the seller sees the old sheets or the new ones; only once the first old sheet is deleted does a
 * failure undo the later sheets alone (Segments new, its summary old: what the next run repairs).
 */
function swapIn(ss: Spreadsheet, swaps: readonly Swap[]): void {
  // Each undo step on its own: with another editor segmenting at the same moment one may fail (their
  // sheet took the name), and the others must still run. The latest step is undone first.
  let undo: (() => void)[] = swaps.map((s) => () => ss.deleteSheet(s.sheet));
  const step = (action: () => void, back?: () => void) => {
    try {
      action();
    } catch (e) {
      for (const u of undo) {
        try {
          u();
        } catch {
          // the sheet is gone or the name taken: nothing more to put back with this step
        }
      }
      throw e;
    }
    if (back) undo.unshift(back);
  };
  // The old sheets' names as found (the summary may carry the other language's).
  let oldNames: string[] = [];
  step(() => {
    oldNames = swaps.map(({ old }) => (old ? old.getName() : ''));
  });
  swaps.forEach(({ sheet, old, names }, i) => {
    if (old)
      step(
        () => old.setName(names.aside),
        () => old.setName(oldNames[i]),
      );
    step(
      () => sheet.setName(names.final),
      () => sheet.setName(names.staging),
    );
  });
  swaps.forEach(({ old }, i) => {
    if (!old) return;
    step(() => ss.deleteSheet(old));
    // From here the earlier sheets cannot be put back: a failure undoes only the later ones.
    undo = swaps
      .slice(i + 1)
      .flatMap(({ sheet, old: o }, j) => [
        () => sheet.setName(swaps[i + 1 + j].names.staging),
        ...(o ? [() => o.setName(oldNames[i + 1 + j])] : []),
        () => ss.deleteSheet(sheet),
      ]);
  });
}

type SegmentsContent = ReturnType<typeof buildSegmentsSheet>;

/** One setValues for the table, one setBackgrounds and one setFontColors for the label column, frozen
 *  header, filter, widths, the movement parts (no column): the grid cut to the table. */
function writeSegments(
  sheet: Sheet,
  c: SegmentsContent,
  /** The seller's columns of the old sheet, carried right of the table (and their leftover rows under it). */
  seller: { carried: CarriedCells; index: CustomerIndex; gone: string } | null = null,
): void {
  const kinds = SEGMENTS_DECL.map((c) => c.kind);
  const n = c.rows.length;
  const width = c.header.length;
  writeTable(sheet, c.header, c.rows, kinds, { fitRows: true });
  sheet.setFrozenRows(1);
  const label = sheet.getRange(2, c.labelColumn + 1, n, 1);
  label.setBackgrounds(c.backgrounds.map((b) => [b]));
  label.setFontColors(c.fontColors.map((f) => [f]));
  label.setFontWeight('bold');
  const size = seller
    ? writeCarried(
        sheet,
        seller.carried,
        { width, n, segmentColumn: c.labelColumn },
        seller.index,
        seller.gone,
      )
    : { rows: n + 1, columns: width };
  sheet.getRange(1, 1, size.rows, size.columns).createFilter();
  SEGMENTS_DECL.forEach((c, i) => {
    if (c.width) sheet.setColumnWidth(i + 1, c.width);
  });
  writeSegmentsMovement(sheet, c);
}

/** OrderItems columns the read model needs (not variants, SKUs or prices). */
const ITEM_HEADERS = ['order_sn', 'product_name', 'quantity'];

/** Writes Customers exactly as the store (read at `generation`) gives it, unless an import ran since. */
function repairCustomers(
  env: Env,
  index: CustomerIndex,
  generation: string | null,
  profilesThrough: string,
): void {
  // (a merge stopped dead since the read is undone first, and moves the generation: no repair then)
  withStoreLock(env, () => {
    if ((env.properties.getProperty(GENERATION) ?? null) !== generation) return;
    syncCustomers(env, customerRows(index), profilesThrough);
  });
}
