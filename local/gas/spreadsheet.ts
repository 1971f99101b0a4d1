// The spreadsheet (a workbook of sheets with a time zone and a locale) and the SpreadsheetApp service.
import { epochFromWallClock, wallClockOf } from '../../src/core/time';
import { splitSheetPrefix } from './a1';
import { AUTOMATIC_FORMAT, type CellValue, defaultDateTimeFormat, isDate, parseWritten } from './cells';
import { LocalConditionalFormatRuleBuilder } from './conditional';
import { CallCounter, defineGas, GasObject } from './counter';
import type { LocalRange } from './range';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, LocalSheet } from './sheet';
import { LocalTextFinder } from './textfinder';
import { LocalUi } from './ui';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets refuses to grow a spreadsheet beyond ten million cells. */
export const CELL_LIMIT = 10_000_000;

export interface SpreadsheetOptions {
  name?: string;
  /** IANA zone; Sheets' default for an Indonesian seller is Asia/Jakarta. */
  timeZone?: string;
  /** e.g. 'id_ID' or 'en_US' (Apps Script's spelling). */
  locale?: string;
  /** Initial sheet names (default ['Sheet1']; [] for none, e.g. when loading a file). */
  sheets?: string[];
  counter?: CallCounter;
  id?: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number;
}

function checkTimeZone(tz: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new Error(`Invalid argument: timeZone (${tz})`);
  }
  return tz;
}

let nextSpreadsheetId = 1;

export class LocalSpreadsheet extends GasObject {
  readonly counter: CallCounter;
  readonly sheets: LocalSheet[] = [];
  activeSheet: LocalSheet | null = null;
  name: string;
  timeZone: string;
  locale: string;
  readonly id: string;
  readonly ui: LocalUi;
  readonly toasts: ToastRecord[] = [];
  /** PropertiesService.getDocumentProperties() — stored with the workbook. */
  readonly documentProperties = new Map<string, string>();
  readonly automaticFormat = AUTOMATIC_FORMAT;
  private nextSheetId = 0;

  constructor(opts: SpreadsheetOptions = {}) {
    const counter = opts.counter ?? new CallCounter();
    super(counter);
    this.counter = counter;
    this.name = opts.name ?? 'Kenali';
    this.timeZone = checkTimeZone(opts.timeZone ?? 'Asia/Jakarta');
    this.locale = opts.locale ?? 'id_ID';
    this.id = opts.id ?? `local-spreadsheet-${nextSpreadsheetId++}`;
    this.ui = new LocalUi(counter);
    for (const n of opts.sheets ?? ['Sheet1']) this._addSheet(n);
  }

  // ---- Apps Script surface ----
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  rename(newName: string): void {
    this.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSheets(): LocalSheet[] {
    return [...this.sheets];
  }
  getNumSheets(): number {
    return this.sheets.length;
  }
  /** Case-insensitive, like Sheets (which also refuses two names differing only in case). */
  getSheetByName(name: string): LocalSheet | null {
    return this._findSheet(name);
  }
  getSheetById(id: number): LocalSheet | null {
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }
  insertSheet(a?: string | number | object, b?: number | object): LocalSheet {
    const name = typeof a === 'string' ? a : undefined;
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : undefined;
    const sheet = this._addSheet(name ?? this.nextDefaultName(), index);
    this.activeSheet = sheet; // Sheets activates the new sheet
    return sheet;
  }
  deleteSheet(sheet: LocalSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('The sheet does not belong to this spreadsheet.');
    if (this.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    this.sheets.splice(i, 1);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0];
  }
  getActiveSheet(): LocalSheet {
    return this.activeSheet ?? this.sheets[0];
  }
  setActiveSheet(sheet: LocalSheet): LocalSheet {
    if (!this.sheets.includes(sheet)) throw new Error('The sheet does not belong to this spreadsheet.');
    this.activeSheet = sheet;
    return sheet;
  }
  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  /** Sheets keeps each date cell's wall-clock time when the zone changes, so the instants move. */
  setSpreadsheetTimeZone(timezone: string): void {
    const next = checkTimeZone(timezone);
    const prev = this.timeZone;
    if (next === prev) return;
    for (const sheet of this.sheets) {
      for (const row of sheet.values.rows) {
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (isDate(v)) row[c] = new Date(epochFromWallClock(wallClockOf(v.getTime(), prev), next));
        }
      }
    }
    this.timeZone = next;
  }
  getSpreadsheetLocale(): string {
    return this.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = String(locale);
  }
  toast(msg: string, title?: string, timeoutSeconds?: number): void {
    this.toasts.push({
      message: String(msg),
      title: title === undefined ? '' : String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }
  /** 'Orders!A1:C3' (or 'A1' on the active sheet). */
  getRange(a1Notation: string): LocalRange {
    const { sheet, ref } = splitSheetPrefix(String(a1Notation));
    const target = sheet === null ? this.getActiveSheetUncounted() : this._findSheet(sheet);
    if (!target) throw new Error('Range not found');
    return target._rangeA1(ref);
  }

  /** Searches every sheet, in order (see textfinder.ts). */
  createTextFinder(findText: string): LocalTextFinder {
    return new LocalTextFinder(this.counter, () => this.sheets.map((s) => s._usedArea()), findText);
  }

  // ---- helpers for tests, the CLI and the preview (not visible to bundles, not counted) ----

  /** The sheet called `name`; throws when missing (tests want a loud failure). */
  sheet(name: string): LocalSheet {
    const s = this._findSheet(name);
    if (!s) throw new Error(`No sheet named ${name}`);
    return s;
  }

  hasSheet(name: string): boolean {
    return this._findSheet(name) !== null;
  }

  /**
   * Puts rows into a sheet as a seller pasting them would (the same parsing as setValues: '=…' becomes a
   * formula, '123' a number) — or verbatim as text when `asText` — creating and growing the sheet as needed.
   */
  putValues(name: string, rows: unknown[][], opts: { asText?: boolean; startRow?: number } = {}): LocalSheet {
    const sheet = this._findSheet(name) ?? this._addSheet(name);
    const startRow = opts.startRow ?? 1;
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    const needRows = startRow - 1 + rows.length;
    if (needRows > sheet.maxRows) sheet._growRows(needRows - sheet.maxRows);
    if (width > sheet.maxColumns) sheet._growColumns(width - sheet.maxColumns);
    if (rows.length === 0 || width === 0) return sheet;
    const fmt = opts.asText ? '@' : undefined;
    if (fmt) sheet.formats.fill(startRow - 1, 0, rows.length, width, () => fmt);
    const formulas: [number, number, string][] = [];
    const dateCells: [number, number, 'date' | 'datetime'][] = [];
    const ctx = { locale: this.locale, timeZone: this.timeZone };
    sheet.values.fill(startRow - 1, 0, rows.length, width, (i, j) => {
      const w = parseWritten(rows[i][j], sheet.formats.get(startRow - 1 + i, j), ctx);
      if (w.formula) formulas.push([startRow - 1 + i, j, w.formula]);
      if (w.autoFormat) dateCells.push([startRow - 1 + i, j, w.autoFormat]);
      return w.value;
    });
    for (const [r, c, f] of formulas) sheet.formulas.set(r, c, f);
    for (const [r, c, kind] of dateCells) sheet.formats.set(r, c, this.defaultDateFormat(kind));
    return sheet;
  }

  /** All values of a sheet as getDataRange().getValues() returns them, without counting a call. */
  readValues(name: string): CellValue[][] {
    const s = this.sheet(name);
    return s._range(1, 1, Math.max(1, s._lastRow()), Math.max(1, s._lastColumn()))._readValues();
  }

  /** The format Sheets gives a date written into an automatic cell (a date-time unless told 'date'). */
  defaultDateFormat(kind: 'date' | 'datetime' = 'datetime'): string {
    return defaultDateTimeFormat(this.locale, kind);
  }

  /** '' / 'General' / Sheets' automatic pattern all mean "automatic" (stored as no format). */
  normalizeFormat(fmt: string): string | undefined {
    return fmt === '' || fmt === AUTOMATIC_FORMAT || /^general$/i.test(fmt) ? undefined : fmt;
  }

  cellCount(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
  }

  _checkCells(extra: number): void {
    if (this.cellCount() + extra > CELL_LIMIT) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
    }
  }

  _checkSheetName(name: unknown, self?: LocalSheet): void {
    if (typeof name !== 'string' || name.trim() === '') throw new Error('Invalid argument: name');
    if (name.length > 100) throw new Error('The sheet name cannot be longer than 100 characters.');
    const other = this._findSheet(name);
    if (other && other !== self) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  _addSheet(name: string, index?: number, maxRows = DEFAULT_ROWS, maxColumns = DEFAULT_COLUMNS): LocalSheet {
    this._checkSheetName(name);
    this._checkCells(maxRows * maxColumns);
    const sheet = new LocalSheet(this, this.nextSheetId++, name, maxRows, maxColumns);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    return sheet;
  }

  _findSheet(name: string): LocalSheet | null {
    const lower = String(name).toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  private getActiveSheetUncounted(): LocalSheet {
    return this.activeSheet ?? this.sheets[0];
  }

  private nextDefaultName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this._findSheet(`Sheet${n}`)) return `Sheet${n}`;
  }
}

/** The SpreadsheetApp global: one active (container-bound) spreadsheet. */
export class LocalSpreadsheetApp extends GasObject {
  constructor(readonly spreadsheet: LocalSpreadsheet) {
    super(spreadsheet.counter);
  }
  getActive(): LocalSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSpreadsheet(): LocalSpreadsheet {
    return this.spreadsheet;
  }
  getActiveSheet(): LocalSheet {
    return this.spreadsheet.activeSheet ?? this.spreadsheet.sheets[0];
  }
  setActiveSheet(sheet: LocalSheet): LocalSheet {
    this.spreadsheet.activeSheet = sheet;
    return sheet;
  }
  getUi(): LocalUi {
    return this.spreadsheet.ui;
  }
  /** Writes are applied at once here, so there is nothing to flush; counted like any call. */
  flush(): void {}
  newConditionalFormatRule(): LocalConditionalFormatRuleBuilder {
    return new LocalConditionalFormatRuleBuilder(this.spreadsheet.counter);
  }
}

export const SPREADSHEET_METHODS = [
  'getId',
  'getName',
  'rename',
  'getUrl',
  'getSheets',
  'getNumSheets',
  'getSheetByName',
  'getSheetById',
  'insertSheet',
  'deleteSheet',
  'getActiveSheet',
  'setActiveSheet',
  'getSpreadsheetTimeZone',
  'setSpreadsheetTimeZone',
  'getSpreadsheetLocale',
  'setSpreadsheetLocale',
  'toast',
  'getRange',
  'createTextFinder',
] as const satisfies readonly (keyof GasSpreadsheet)[];

defineGas(LocalSpreadsheet, 'Spreadsheet', SPREADSHEET_METHODS);
defineGas(LocalSpreadsheetApp, 'SpreadsheetApp', [
  'getActive',
  'getActiveSpreadsheet',
  'getActiveSheet',
  'setActiveSheet',
  'getUi',
  'flush',
  'newConditionalFormatRule',
] satisfies (keyof GoogleAppsScript.Spreadsheet.SpreadsheetApp)[]);
