// Range: a rectangle of one sheet. Reads and writes go straight to the sheet's layers.
import { a1Notation } from './a1';
import {
  type CellValue,
  dateToSerial,
  isDate,
  isDateFormat,
  isNumericFormat,
  type Layer,
  parseWritten,
  serialToDate,
} from './cells';
import { normalizeColor } from './colors';
import { defineGas, GasObject } from './counter';
import { displayValue } from './numfmt';
import type { LocalFilter, LocalSheet } from './sheet';
import { LocalTextFinder } from './textfinder';
import { LocalDataValidation } from './validation';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/** Sheets holds at most 50,000 characters in one cell; a longer value makes setValue(s) fail. */
export const MAX_CELL_CHARS = 50_000;
export const CELL_TOO_LONG_MESSAGE = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Apps Script's wording when a 2-D argument has the wrong shape. */
function checkShape(grid: unknown, numRows: number, numCols: number, method: string): unknown[][] {
  if (!Array.isArray(grid) || !grid.every(Array.isArray)) throw signatureError(method, grid);
  if (grid.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${numRows}.`,
    );
  }
  for (const row of grid as unknown[][]) {
    if (row.length !== numCols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
  return grid as unknown[][];
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'number[][]' : 'number[]';
  if (isDate(v)) return 'Date';
  const t = typeof v;
  return t === 'object' ? 'Object' : t === 'string' ? 'String' : t;
}

export function signatureError(method: string, ...args: unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for SpreadsheetApp.${method}.`,
  );
}

export class LocalRange extends GasObject {
  constructor(
    readonly sheet: LocalSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    super(sheet.spreadsheet.counter);
  }

  // ---- geometry ----
  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numCols;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numCols;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    return a1Notation(this);
  }
  getSheet(): LocalSheet {
    return this.sheet;
  }
  getCell(row: number, column: number): LocalRange {
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new LocalRange(this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): LocalRange {
    return this.sheet._range(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }

  // ---- values ----
  getValues(): CellValue[][] {
    return this._readValues();
  }
  getValue(): CellValue {
    return this._readValues(1, 1)[0][0];
  }
  getDisplayValues(): string[][] {
    return this._readDisplay();
  }
  getDisplayValue(): string {
    return this._readDisplay(1, 1)[0][0];
  }
  getFormulas(): string[][] {
    return this._readLayer(this.sheet.formulas, '', this.numRows, this.numCols);
  }
  getFormula(): string {
    return this._readLayer(this.sheet.formulas, '', 1, 1)[0][0];
  }
  isBlank(): boolean {
    const { values, formulas } = this.sheet;
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const r = this.row - 1 + i;
        const c = this.col - 1 + j;
        if (values.get(r, c) !== undefined || formulas.get(r, c) !== undefined) return false;
      }
    }
    return true;
  }

  setValues(values: unknown[][]): this {
    this._setValues(values);
    return this;
  }
  setValue(value: unknown): this {
    if (Array.isArray(value)) throw signatureError('Range.setValue', value);
    this._write(() => value);
    return this;
  }
  setFormula(formula: string): this {
    this._write(() => formula, true);
    return this;
  }
  setFormulas(formulas: string[][]): this {
    const grid = checkShape(formulas, this.numRows, this.numCols, 'Range.setFormulas');
    this._write((i, j) => grid[i][j], true);
    return this;
  }

  clearContent(): this {
    this._clearContent();
    return this;
  }
  clearFormat(): this {
    this._clearFormat();
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    if (!options?.formatOnly)
      this.sheet._clearContent(this.row - 1, this.col - 1, this.numRows, this.numCols);
    if (!options?.contentsOnly)
      this.sheet._clearFormat(this.row - 1, this.col - 1, this.numRows, this.numCols);
    return this;
  }

  // ---- formats ----
  getNumberFormats(): string[][] {
    return this._readLayer(
      this.sheet.formats,
      this.sheet.spreadsheet.automaticFormat,
      this.numRows,
      this.numCols,
    );
  }
  getNumberFormat(): string {
    return this._readLayer(this.sheet.formats, this.sheet.spreadsheet.automaticFormat, 1, 1)[0][0];
  }
  setNumberFormat(format: string): this {
    if (typeof format !== 'string') throw signatureError('Range.setNumberFormat', format);
    this._setNumberFormat(format);
    return this;
  }
  setNumberFormats(formats: string[][]): this {
    const ss = this.sheet.spreadsheet;
    return this._setLayer(this.sheet.formats, formats, 'setNumberFormats', (f) =>
      ss.normalizeFormat(String(f)),
    );
  }

  getBackgrounds(): string[][] {
    return this._readLayer(this.sheet.backgrounds, '#ffffff', this.numRows, this.numCols);
  }
  getBackground(): string {
    return this._readLayer(this.sheet.backgrounds, '#ffffff', 1, 1)[0][0];
  }
  setBackground(color: string | null): this {
    this._setBackground(color);
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): this {
    return this._setLayer(this.sheet.backgrounds, colors, 'setBackgrounds', (c) =>
      normalizeColor(c as string | null, '#ffffff'),
    );
  }

  getFontColors(): string[][] {
    return this._readLayer(this.sheet.fontColors, '#000000', this.numRows, this.numCols);
  }
  getFontColor(): string {
    return this._readLayer(this.sheet.fontColors, '#000000', 1, 1)[0][0];
  }
  setFontColor(color: string | null): this {
    this._setFontColor(color);
    return this;
  }
  setFontColors(colors: (string | null)[][]): this {
    return this._setLayer(this.sheet.fontColors, colors, 'setFontColors', (c) =>
      normalizeColor(c as string | null, '#000000'),
    );
  }

  getFontWeights(): string[][] {
    return this._readLayer(this.sheet.fontWeights, 'normal', this.numRows, this.numCols);
  }
  getFontWeight(): string {
    return this._readLayer(this.sheet.fontWeights, 'normal', 1, 1)[0][0];
  }
  setFontWeight(weight: string | null): this {
    this._setFontWeight(weight);
    return this;
  }
  setFontWeights(weights: (string | null)[][]): this {
    return this._setLayer(this.sheet.fontWeights, weights, 'setFontWeights', (w) =>
      fontWeight(w as string | null),
    );
  }

  getHorizontalAlignments(): string[][] {
    return this._readLayer(this.sheet.alignments, 'general', this.numRows, this.numCols);
  }
  getHorizontalAlignment(): string {
    return this._readLayer(this.sheet.alignments, 'general', 1, 1)[0][0];
  }
  setHorizontalAlignment(alignment: string | null): this {
    this._fillLayer(this.sheet.alignments, horizontalAlignment(alignment));
    return this;
  }
  setHorizontalAlignments(alignments: (string | null)[][]): this {
    return this._setLayer(this.sheet.alignments, alignments, 'setHorizontalAlignments', (a) =>
      horizontalAlignment(a as string | null),
    );
  }

  // ---- notes ----
  // A note is plain text on a cell; setting '' (or null) removes it, and getNote reads the top-left cell.
  getNotes(): string[][] {
    return this._readLayer(this.sheet.notes, '', this.numRows, this.numCols);
  }
  getNote(): string {
    return this._readLayer(this.sheet.notes, '', 1, 1)[0][0];
  }
  setNote(note: string | null): this {
    if (Array.isArray(note)) throw signatureError('Range.setNote', note);
    this._fillLayer(this.sheet.notes, noteText(note));
    return this;
  }
  setNotes(notes: (string | null)[][]): this {
    return this._setLayer(this.sheet.notes, notes, 'setNotes', noteText);
  }
  clearNote(): this {
    this.sheet.notes.clearRect(this.row - 1, this.col - 1, this.numRows, this.numCols);
    return this;
  }

  // ---- data validation ----
  // A cell without a rule reads null; setting null removes it. insertCheckboxes also sets every cell to
  // false ("Sets the value of all cells in the range to false").
  getDataValidations(): (LocalDataValidation | null)[][] {
    return this._readLayer<LocalDataValidation | null>(
      this.sheet.validations,
      null,
      this.numRows,
      this.numCols,
    );
  }
  getDataValidation(): LocalDataValidation | null {
    return this._readLayer<LocalDataValidation | null>(this.sheet.validations, null, 1, 1)[0][0];
  }
  setDataValidations(rules: (LocalDataValidation | null)[][]): this {
    return this._setLayer(this.sheet.validations, rules, 'setDataValidations', validationRule);
  }
  setDataValidation(rule: LocalDataValidation | null): this {
    this._fillLayer(this.sheet.validations, validationRule(rule));
    return this;
  }
  insertCheckboxes(): this {
    this._fillLayer(this.sheet.validations, new LocalDataValidation(this._counter, 'CHECKBOX', []));
    this._write(() => false);
    return this;
  }

  // ---- filter ----
  createFilter(): LocalFilter {
    return this.sheet._createFilter(this);
  }
  getFilter(): LocalFilter | null {
    return this.sheet.filter;
  }

  // ---- sorting and searching ----

  /**
   * Sorts the range's rows by the given sheet column(s): a column number, {column, ascending}, or a list
   * of them (later ones break ties). Every cell of the range moves with its row (values, formulas and
   * formats); cells outside the range stay. See sortRows for the order of values.
   */
  sort(sortSpecObj: unknown): this {
    const specs = sortSpecs(sortSpecObj, this);
    const { sheet } = this;
    const r0 = this.row - 1;
    const c0 = this.col - 1;
    const keys: CellValue[][] = [];
    for (let i = 0; i < this.numRows; i++) {
      keys.push(specs.map((s) => sheet.values.get(r0 + i, s.column - 1) ?? ''));
    }
    const order = sortRows(
      keys,
      specs.map((s) => s.ascending),
    );
    for (const layer of sheet.layers()) {
      const before: unknown[][] = [];
      for (let i = 0; i < this.numRows; i++) {
        const row: unknown[] = [];
        for (let j = 0; j < this.numCols; j++) row.push(layer.get(r0 + i, c0 + j));
        before.push(row);
      }
      (layer as Layer<unknown>).fill(r0, c0, this.numRows, this.numCols, (i, j) => before[order[i]][j]);
    }
    return this;
  }

  createTextFinder(findText: string): LocalTextFinder {
    const area = {
      sheet: this.sheet,
      row: this.row,
      col: this.col,
      numRows: this.numRows,
      numCols: this.numCols,
    };
    return new LocalTextFinder(this._counter, () => [area], findText);
  }

  // ---- internals (not visible to bundles, not counted) ----

  /** A grid of this range's shape holding `value` everywhere. */
  _fill(value: unknown): unknown[][] {
    return Array.from({ length: this.numRows }, () => new Array<unknown>(this.numCols).fill(value));
  }

  _clearContent(): void {
    this.sheet._clearContent(this.row - 1, this.col - 1, this.numRows, this.numCols);
  }

  _clearFormat(): void {
    this.sheet._clearFormat(this.row - 1, this.col - 1, this.numRows, this.numCols);
  }

  _setNumberFormat(format: string): void {
    this._fillLayer(this.sheet.formats, this.sheet.spreadsheet.normalizeFormat(format));
  }

  _setBackground(color: string | null): void {
    this._fillLayer(this.sheet.backgrounds, normalizeColor(color, '#ffffff'));
  }

  _setFontColor(color: string | null): void {
    this._fillLayer(this.sheet.fontColors, normalizeColor(color, '#000000'));
  }

  _setFontWeight(weight: string | null): void {
    this._fillLayer(this.sheet.fontWeights, fontWeight(weight));
  }

  /** One value into every cell of the range, in one format layer. */
  private _fillLayer<T>(layer: Layer<T>, value: T): void {
    layer.fill(this.row - 1, this.col - 1, this.numRows, this.numCols, () => value);
  }

  /** A plural format setter: `values` checked against the range's shape, each cell read by `norm`. */
  private _setLayer<T>(layer: Layer<T>, values: unknown, method: string, norm: (v: unknown) => T): this {
    const grid = checkShape(values, this.numRows, this.numCols, `Range.${method}`);
    const cells = grid.map((row) => row.map(norm));
    layer.fill(this.row - 1, this.col - 1, this.numRows, this.numCols, (i, j) => cells[i][j]);
    return this;
  }

  _setValues(values: unknown[][]): void {
    const grid = checkShape(values, this.numRows, this.numCols, 'Range.setValues');
    this._write((i, j) => grid[i][j]);
  }

  /** Values as getValues returns them: the cell's format decides whether a number reads as a Date. */
  _readValues(numRows = this.numRows, numCols = this.numCols): CellValue[][] {
    const { values, formats } = this.sheet;
    const tz = this.sheet.spreadsheet.timeZone;
    const out: CellValue[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const r = this.row - 1 + i;
      const vrow = values.row(r);
      const frow = formats.row(r);
      const line: CellValue[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) {
        const c = this.col - 1 + j;
        const v = vrow === undefined ? undefined : vrow[c];
        if (v === undefined) {
          line[j] = '';
        } else if (typeof v === 'number') {
          const f = frow === undefined ? undefined : frow[c];
          line[j] = f !== undefined && isDateFormat(f) ? serialToDate(v, tz) : v;
        } else if (isDate(v)) {
          const f = frow === undefined ? undefined : frow[c];
          line[j] = isNumericFormat(f) ? dateToSerial(v, tz) : new Date(v.getTime());
        } else line[j] = v;
      }
      out[i] = line;
    }
    return out;
  }

  private _readDisplay(numRows = this.numRows, numCols = this.numCols): string[][] {
    const { values, formats } = this.sheet;
    const ss = this.sheet.spreadsheet;
    const dflt = ss.defaultDateFormat();
    const out: string[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const r = this.row - 1 + i;
      const line: string[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) {
        const c = this.col - 1 + j;
        line[j] = displayValue(values.get(r, c), formats.get(r, c), ss.timeZone, ss.locale, dflt);
      }
      out[i] = line;
    }
    return out;
  }

  private _readLayer<T>(layer: Layer<T>, dflt: T, numRows: number, numCols: number): T[][] {
    const out: T[][] = new Array(numRows);
    for (let i = 0; i < numRows; i++) {
      const row = layer.row(this.row - 1 + i);
      const line: T[] = new Array(numCols);
      for (let j = 0; j < numCols; j++) {
        const v = row === undefined ? undefined : row[this.col - 1 + j];
        line[j] = v === undefined ? dflt : v;
      }
      out[i] = line;
    }
    return out;
  }

  /** Writes values as Sheets parses them (formulas, numbers, auto date format) into every cell. */
  private _write(value: (i: number, j: number) => unknown, asFormula = false): void {
    // Sheets refuses the whole write when one cell would exceed its size limit: check before writing.
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const v = value(i, j);
        if (typeof v === 'string' && v.length > MAX_CELL_CHARS) throw new Error(CELL_TOO_LONG_MESSAGE);
      }
    }
    const { values, formulas, formats } = this.sheet;
    const r0 = this.row - 1;
    const c0 = this.col - 1;
    const ss = this.sheet.spreadsheet;
    const ctx = { locale: ss.locale, timeZone: ss.timeZone };
    const formulaCells: [number, number, string | undefined][] = [];
    const autoFormats: [number, number, 'date' | 'datetime'][] = [];
    values.fill(r0, c0, this.numRows, this.numCols, (i, j) => {
      let v = value(i, j);
      if (asFormula && typeof v === 'string' && v !== '' && !v.startsWith('=')) v = '=' + v;
      const fmt = formats.get(r0 + i, c0 + j);
      const w = parseWritten(v, asFormula && typeof v === 'string' ? undefined : fmt, ctx);
      if (w.formula !== undefined || formulas.get(r0 + i, c0 + j) !== undefined) {
        formulaCells.push([r0 + i, c0 + j, w.formula]);
      }
      if (w.autoFormat) autoFormats.push([r0 + i, c0 + j, w.autoFormat]);
      return w.value;
    });
    for (const [r, c, f] of formulaCells) formulas.set(r, c, f);
    for (const [r, c, kind] of autoFormats) formats.set(r, c, ss.defaultDateFormat(kind));
  }
}

interface SortSpec {
  column: number;
  ascending: boolean;
}

/** Apps Script's sort specification: a column number, {column, ascending}, or an array of them. The
 *  columns are the sheet's, and must lie within the range. */
function sortSpecs(spec: unknown, range: LocalRange): SortSpec[] {
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) throw signatureError('Range.sort', spec);
  return list.map((s) => {
    const one: SortSpec =
      typeof s === 'number'
        ? { column: s, ascending: true }
        : typeof s === 'object' && s !== null && typeof (s as SortSpec).column === 'number'
          ? { column: (s as SortSpec).column, ascending: (s as Partial<SortSpec>).ascending !== false }
          : (() => {
              throw signatureError('Range.sort', spec);
            })();
    if (!Number.isInteger(one.column) || one.column < range.col || one.column > range.col + range.numCols - 1)
      throw new Error(`Sort column ${one.column} is out of the range ${a1Notation(range)}.`);
    return one;
  });
}

/** Sheets' order of kinds when sorting up: numbers (dates are numbers), then text (case-insensitive),
 *  then booleans (FALSE first); blank cells go last whichever the direction. */
function kindRank(v: CellValue): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function compareSortValues(a: CellValue, b: CellValue): number {
  const ka = kindRank(a);
  const kb = kindRank(b);
  if (ka !== kb) return ka - kb;
  if (ka === 0) {
    const x = isDate(a) ? a.getTime() / 86_400_000 : (a as number);
    const y = isDate(b) ? b.getTime() / 86_400_000 : (b as number);
    return x - y;
  }
  if (ka === 1) {
    const x = (a as string).toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

/** The permutation (new row i holds old row order[i]) that sorts rows by their keys; stable. */
export function sortRows(keys: CellValue[][], ascending: boolean[]): number[] {
  const order = keys.map((_, i) => i);
  order.sort((i, j) => {
    for (let k = 0; k < ascending.length; k++) {
      const a = keys[i][k];
      const b = keys[j][k];
      const blankA = a === '';
      const blankB = b === '';
      if (blankA || blankB) {
        if (blankA && blankB) continue;
        return blankA ? 1 : -1;
      }
      const d = compareSortValues(a, b);
      if (d !== 0) return ascending[k] ? d : -d;
    }
    return i - j;
  });
  return order;
}

function noteText(note: unknown): string | undefined {
  if (note === null || note === undefined || note === '') return undefined;
  return isDate(note) ? note.toString() : String(note);
}

function fontWeight(w: string | null): 'bold' | undefined {
  if (w === null || w === 'normal') return undefined;
  if (w === 'bold') return 'bold';
  throw new Error(`Invalid argument: fontWeight (${String(w)})`);
}

const ALIGNMENTS = new Set(['left', 'center', 'right', 'normal', 'general', 'general-left', 'general-right']);

function validationRule(v: unknown): LocalDataValidation | undefined {
  if (v === null || v === undefined) return undefined;
  if (!(v instanceof LocalDataValidation)) throw new Error('Invalid argument: rule');
  return v;
}

function horizontalAlignment(a: string | null): string | undefined {
  if (a === null || a === 'general' || a === 'normal') return undefined;
  const v = String(a).toLowerCase();
  if (!ALIGNMENTS.has(v)) throw new Error(`Invalid argument: alignment (${String(a)})`);
  return v;
}

export const RANGE_METHODS = [
  'getRow',
  'getRowIndex',
  'getColumn',
  'getNumRows',
  'getNumColumns',
  'getHeight',
  'getWidth',
  'getLastRow',
  'getLastColumn',
  'getA1Notation',
  'getSheet',
  'getCell',
  'offset',
  'getValues',
  'getValue',
  'getDisplayValues',
  'getDisplayValue',
  'getFormulas',
  'getFormula',
  'isBlank',
  'setValues',
  'setValue',
  'setFormula',
  'setFormulas',
  'clearContent',
  'clearFormat',
  'clear',
  'getNumberFormats',
  'getNumberFormat',
  'setNumberFormat',
  'setNumberFormats',
  'getBackgrounds',
  'getBackground',
  'setBackground',
  'setBackgrounds',
  'getFontColors',
  'getFontColor',
  'setFontColor',
  'setFontColors',
  'getFontWeights',
  'getFontWeight',
  'setFontWeight',
  'setFontWeights',
  'getHorizontalAlignments',
  'getHorizontalAlignment',
  'setHorizontalAlignment',
  'setHorizontalAlignments',
  'getNotes',
  'getNote',
  'setNote',
  'setNotes',
  'clearNote',
  'getDataValidations',
  'getDataValidation',
  'setDataValidations',
  'setDataValidation',
  'insertCheckboxes',
  'createFilter',
  'getFilter',
  'sort',
  'createTextFinder',
] as const satisfies readonly (keyof GasRange | 'getFontColors' | 'getFontColor')[];

defineGas(LocalRange, 'Range', RANGE_METHODS);
