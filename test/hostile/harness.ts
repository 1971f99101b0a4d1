// Shared plumbing of the hostile suite: the BUILT bundle (dist/Code.js, built once per run by
// test/global-setup.ts), fresh workbooks, and whole-workbook
// observations (formulas in any cell, every sheet's values and formats) to compare before and after.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bundle, LocalSpreadsheet, loadBundle } from '../../local';
import { buildCustomers } from '../../src/core/customers';
import { generateShopeeExport } from '../../src/core/demo';
import { CUSTOMERS_SHEET, type CustomerRow, customerRows, fromRecord } from '../../src/core/readmodel';
import { readItems, readOrders, readPayments, readProfiles } from '../../src/core/store';
import { readRows } from '../../src/core/table';
import { epochFromLocal } from '../../src/core/time';
import type { CellValue } from '../../src/core/types';

export const TZ = 'Asia/Jakarta';
export const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);
export const ROOT = join(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');
export const STORE_SHEETS = ['Orders', 'OrderItems', 'OrderPayments', 'BuyerProfile', 'OrderStatusHistory'];

let code: string | undefined;

/** dist/Code.js's text, as test/global-setup.ts built it for this run (kept in memory per file).
 *  KENALI_BUNDLE=<path to a Code.js> runs the suite against another build instead (e.g. an older one, to
 *  see a test fail without the fix it checks). */
export function builtCode(): string {
  code ??= readFileSync(process.env.KENALI_BUNDLE || join(DIST, 'Code.js'), 'utf8');
  return code;
}

export interface Shop {
  wb: LocalSpreadsheet;
  bundle: Bundle;
  /** The bundle's clock (`new Date()` inside it): set `now` to run later. */
  clock: { now: number };
}

/** A fresh spreadsheet with the built bundle bound to it (the clock at NOW unless told). */
export function openShop(opts: { locale?: string; now?: number; wb?: LocalSpreadsheet } = {}): Shop {
  const wb = opts.wb ?? new LocalSpreadsheet({ timeZone: TZ, locale: opts.locale ?? 'id_ID' });
  const clock = { now: opts.now ?? NOW };
  return { wb, clock, bundle: loadBundle({ workbook: wb, code: builtCode(), now: () => clock.now }) };
}

const exports = new Map<string, CellValue[][]>();

/** A demo Shopee export (raw, as the marketplace gives it). Cached: treat it as read-only. */
export function demoExport(lines: number, seed = 11): CellValue[][] {
  const id = `${lines}/${seed}`;
  let grid = exports.get(id);
  if (!grid) {
    grid = generateShopeeExport({ seed, lines, now: NOW, timeZone: TZ }).grid;
    exports.set(id, grid);
  }
  return grid;
}

/** Replaces the inbox's content with `grid`, as text cells (an .xlsx export's strings stay strings). */
export function paste(shop: Shop, grid: CellValue[][]): void {
  if (shop.wb.hasSheet('Impor')) shop.wb.sheet('Impor').clearContents();
  shop.wb.putValues('Impor', grid, { asText: true });
}

/** Pastes `grid` into the inbox as an .xlsx export's text cells arrive, and runs the menu's Impor. */
export function importGrid(shop: Shop, grid: CellValue[][]): string {
  paste(shop, grid);
  shop.bundle.call('kenaliImport');
  return lastAlert(shop);
}

export const lastAlert = (shop: Shop): string => shop.bundle.ui.alerts.at(-1)?.prompt ?? '';

/** Every cell of every sheet that holds a formula, as 'Sheet!R1C1: formula' (via Range.getFormulas). */
export function formulaCells(wb: LocalSpreadsheet): string[] {
  const found: string[] = [];
  for (const sheet of wb.getSheets()) {
    const formulas = sheet.getDataRange().getFormulas();
    formulas.forEach((row, i) => {
      row.forEach((f, j) => {
        if (f !== '') found.push(`${sheet.getName()}!R${i + 1}C${j + 1}: ${f}`);
      });
    });
  }
  return found;
}

const comparable = (v: CellValue) => (v instanceof Date ? `date:${v.getTime()}` : v);

export interface SheetState {
  values: unknown[][];
  formats: string[][];
  backgrounds: string[][];
  fontColors: string[][];
  frozenRows: number;
  filter: string | null;
}

/** Everything a seller could see of a sheet that Kenali writes (Dates as instants, for toEqual). */
export function sheetState(wb: LocalSpreadsheet, name: string): SheetState {
  const sheet = wb.sheet(name);
  const range = sheet.getDataRange();
  return {
    values: range.getValues().map((r) => r.map(comparable)),
    formats: range.getNumberFormats(),
    backgrounds: range.getBackgrounds(),
    fontColors: range.getFontColors(),
    frozenRows: sheet.getFrozenRows(),
    filter: sheet.getFilter()?.getRange().getA1Notation() ?? null,
  };
}

/** Every sheet of the workbook, by name (sheet order included), and the document properties. */
export function workbookState(wb: LocalSpreadsheet): {
  names: string[];
  sheets: Record<string, SheetState>;
  properties: Record<string, string>;
} {
  const names = wb.getSheets().map((s) => s.getName());
  return {
    names,
    sheets: Object.fromEntries(names.map((n) => [n, sheetState(wb, n)])),
    properties: Object.fromEntries([...wb.documentProperties].sort()),
  };
}

/** The store sheets' values only (Dates as instants). */
export function storeValues(wb: LocalSpreadsheet): Record<string, unknown[][]> {
  return Object.fromEntries(
    STORE_SHEETS.filter((s) => wb.hasSheet(s)).map((s) => [
      s,
      wb.readValues(s).map((r) => r.map(comparable)),
    ]),
  );
}

/** Rows of a sheet as objects keyed by its header row. */
export function records(wb: LocalSpreadsheet, name: string): Record<string, CellValue>[] {
  const [header, ...rows] = wb.readValues(name);
  return rows.map((r) => Object.fromEntries(header.map((h, j) => [String(h), r[j]])));
}

/** toEqual on whole workbooks is slow: compare their JSON first, and let toEqual show the diff only on a
 *  mismatch. */
export function expectSameState(actual: unknown, expected: unknown, label: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, label).toEqual(expected);
}

/** A copy of a workbook (values, formulas, formats, colours, sizes, frozen rows, filter, properties; not
 *  charts): one prepared shop serves a sweep of many runs without preparing it again each time. */
export function cloneWorkbook(wb: LocalSpreadsheet): LocalSpreadsheet {
  const copy = new LocalSpreadsheet({ timeZone: wb.timeZone, locale: wb.locale, sheets: [] });
  const cell = (v: unknown) => (v instanceof Date ? new Date(v.getTime()) : v);
  for (const s of wb.sheets) {
    const t = copy._addSheet(s.name, undefined, s.maxRows, s.maxColumns);
    const layers = s.layers();
    t.layers().forEach((layer, i) => {
      layer.rows = layers[i].rows.map((r) => (r ? r.map(cell) : r)) as typeof layer.rows;
    });
    t.frozenRows = s.frozenRows;
    t.frozenColumns = s.frozenColumns;
    t.hidden = s.hidden;
    for (const [c, w] of s.columnWidths) t.columnWidths.set(c, w);
    if (s.filter) t._createFilter(t._range(s.filter.row, s.filter.col, s.filter.numRows, s.filter.numCols));
  }
  for (const [k, v] of wb.documentProperties) copy.documentProperties.set(k, v);
  if (wb.activeSheet) copy.activeSheet = copy.getSheetByName(wb.activeSheet.name);
  return copy;
}

/**
 * An execution killed dead just before its `nth` call matching `match` (Apps Script's 6-minute stop):
 * `taken()` gives the workbook as it stood at that instant, so nothing of the script after it ran: no
 * catch, no finally, no lock released by the script (Apps Script drops it with the execution). The
 * execution itself fails at that call and every later one (sticky), only so that it ends quickly; its
 * workbook is then thrown away. null from `taken()`: the action made fewer calls.
 */
export function killAt(
  wb: LocalSpreadsheet,
  nth: number,
  match: (label: string) => boolean = () => true,
): { taken: () => LocalSpreadsheet | null } {
  let copy: LocalSpreadsheet | null = null;
  // (one fault: `match` is asked once per call, so a matcher may count what it sees)
  wb.counter.at(match, nth, (label) => {
    copy = cloneWorkbook(wb);
    wb.counter.failOn(() => true, 1, { sticky: true, message: 'killed' });
    throw new Error(`killed [${label}]`);
  });
  return {
    taken: () => {
      wb.counter.clearFaults();
      return copy;
    },
  };
}

/** The Customers sheet's rows as the read model reads them (batch stamps zeroed: they count runs). */
export function customersInSheet(wb: LocalSpreadsheet): CustomerRow[] {
  const g = wb.readValues('Customers');
  return readRows<Record<string, unknown>>(CUSTOMERS_SHEET, {
    sheetName: 'Customers',
    header: g[0],
    rows: g.slice(1),
    firstRow: 2,
    ctx: { timeZone: TZ, lang: 'id' },
  }).records.map((r) => ({ ...fromRecord(r)!, batch: 0 }));
}

/** The store sheets grouped into customers, as core sees them right now. */
export function storeIndex(wb: LocalSpreadsheet) {
  return buildCustomers({
    orders: readOrders(wb.readValues('Orders'), 'Orders', TZ).records,
    items: readItems(wb.readValues('OrderItems'), 'OrderItems', TZ).records,
    payments: readPayments(wb.readValues('OrderPayments'), 'OrderPayments', TZ).records,
    profiles: readProfiles(wb.readValues('BuyerProfile'), 'BuyerProfile', TZ).records,
  });
}

/** What Customers must hold: every customer of the store, exactly. */
export const exactCustomers = (wb: LocalSpreadsheet): CustomerRow[] => customerRows(storeIndex(wb));

// ------------------------------------------------------------------------------------- first names

/** What a naming-queue entry tells a save. */
export interface QueueEntry {
  buyerKey: string;
  addressFull: string;
  buyerUsername: string;
}

/** A shop of `lines` demo lines imported (then segmented, if asked) and its naming queue of 90 days. */
export function shopWithQueue(
  lines: number,
  seed: number,
  opts: { segment?: boolean } = {},
): { shop: Shop; entries: QueueEntry[] } {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  importGrid(shop, demoExport(lines, seed));
  if (opts.segment) shop.bundle.call('kenaliSegment');
  const entries = shop.bundle.call<{ entries: QueueEntry[] }>('getNamingQueue', 90).entries;
  return { shop, entries };
}

/** A first name as the sidebar saves it for a buyer it showed unnamed (the one-call hint set). */
export const saveFirstName = <T = unknown>(shop: Shop, e: QueueEntry, name: string): T =>
  shop.bundle.call<T>('saveBuyerName', e.buyerKey, name, e.addressFull, true);

/** The buyer's name in Customers' copy (undefined: no row). */
export const copiedName = (shop: Shop, key: string): CellValue | undefined =>
  records(shop.wb, 'Customers').find((c) => c.buyer_key === key)?.buyer_real_name;

/** How many appendRow calls `fn` made. */
export const appendRowCalls = (shop: Shop, fn: () => void): number =>
  shop.wb.counter.measure(fn).calls['Sheet.appendRow'] ?? 0;
