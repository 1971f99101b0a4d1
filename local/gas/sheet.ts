// Sheet: the grid (values, formulas and formats as sparse layers), its size, frozen rows, filter, charts,
// column widths. Like Sheets, a new sheet is 1000 rows × 26 columns and a range outside the grid is an
// error: grow it with insertRowsAfter/insertColumnsAfter (or appendRow, which grows by itself).

import { type GridRect, parseA1, splitSheetPrefix } from './a1';
import { type CellValue, Layer } from './cells';
import { LocalChartBuilder, type LocalEmbeddedChart } from './chart';
import type { LocalConditionalFormatRule } from './conditional';
import { defineGas, GasObject } from './counter';
import { displayValue } from './numfmt';
import { LocalRange, signatureError } from './range';
import { LocalRangeList } from './rangelist';
import type { LocalSpreadsheet } from './spreadsheet';
import { LocalTextFinder, type SearchArea } from './textfinder';
import type { LocalDataValidation } from './validation';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

export class LocalSheet extends GasObject {
  readonly values = new Layer<CellValue>();
  readonly formulas = new Layer<string>();
  readonly formats = new Layer<string>();
  readonly backgrounds = new Layer<string>();
  readonly fontColors = new Layer<string>();
  readonly fontWeights = new Layer<'bold'>();
  readonly alignments = new Layer<string>();
  /** Plain-text notes (Range.setNote): they move with their cell, and clear() leaves them, as in Sheets. */
  readonly notes = new Layer<string>();
  /** Data validation rules (Range.setDataValidations, insertCheckboxes): they move with their cell. */
  readonly validations = new Layer<LocalDataValidation>();
  /** Cell features the runtime does not model (a note's formatting, borders, validation…), kept only so that a .xlsx
   *  round trip loses nothing (local/xlsx-kept.ts). A layer, so they move with inserted/deleted rows. */
  readonly kept = new Layer<object>();
  /** Range features kept the same way (merges, conditional formats, row heights): moved, stretched and
   *  shrunk by inserted and deleted rows and columns as Sheets does; gone when all their cells are. */
  keptRanges: { rect: GridRect; data: object }[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  filter: LocalFilter | null = null;
  readonly charts: LocalEmbeddedChart[] = [];
  /** Replaced whole by setConditionalFormatRules, as in Sheets. */
  conditionalRules: LocalConditionalFormatRule[] = [];
  readonly columnWidths = new Map<number, number>();
  hidden = false;

  constructor(
    readonly spreadsheet: LocalSpreadsheet,
    readonly sheetId: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {
    super(spreadsheet.counter);
  }

  // ---- identity ----
  getName(): string {
    return this.name;
  }
  getSheetName(): string {
    return this.name;
  }
  setName(name: string): this {
    this.spreadsheet._checkSheetName(name, this);
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    return this.spreadsheet.sheets.indexOf(this) + 1;
  }
  getParent(): LocalSpreadsheet {
    return this.spreadsheet;
  }
  activate(): this {
    this.spreadsheet.activeSheet = this;
    return this;
  }
  hideSheet(): this {
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }
  showSheet(): this {
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }

  // ---- ranges ----
  getRange(a1OrRow: string | number, column?: number, numRows?: number, numColumns?: number): LocalRange {
    if (typeof a1OrRow === 'string' && column === undefined) {
      const { sheet, ref } = splitSheetPrefix(a1OrRow);
      if (sheet !== null && sheet.toLowerCase() !== this.name.toLowerCase())
        throw new Error('Range not found');
      return this._rangeA1(ref);
    }
    const args = [a1OrRow, column, numRows, numColumns].filter((a) => a !== undefined);
    if (typeof a1OrRow !== 'number' || typeof column !== 'number')
      throw signatureError('Sheet.getRange', ...args);
    return this._range(a1OrRow, column, numRows ?? 1, numColumns ?? 1);
  }
  /** Ranges of this sheet by A1 notation, for one call over many non-adjacent ranges. */
  getRangeList(a1Notations: string[]): LocalRangeList {
    if (
      !Array.isArray(a1Notations) ||
      a1Notations.length === 0 ||
      a1Notations.some((a) => typeof a !== 'string')
    )
      throw signatureError('Sheet.getRangeList', a1Notations);
    return new LocalRangeList(
      this,
      a1Notations.map((a) => {
        const { sheet, ref } = splitSheetPrefix(a);
        if (sheet !== null && sheet.toLowerCase() !== this.name.toLowerCase())
          throw new Error('Range not found');
        return this._rangeA1(ref);
      }),
    );
  }
  /** Searches the sheet's used cells (see textfinder.ts). */
  createTextFinder(findText: string): LocalTextFinder {
    return new LocalTextFinder(this._counter, () => [this._usedArea()], findText);
  }
  getDataRange(): LocalRange {
    return this._range(1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }
  getLastRow(): number {
    return this._lastRow();
  }
  getLastColumn(): number {
    return this._lastColumn();
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): CellValue[][] {
    const nr = numRows === -1 ? Math.max(1, this._lastRow() - startRow + 1) : numRows;
    const nc = numColumns === -1 ? Math.max(1, this._lastColumn() - startColumn + 1) : numColumns;
    return this._range(startRow, startColumn, nr, nc)._readValues();
  }

  // ---- growing and shrinking ----
  appendRow(rowContents: unknown[]): this {
    if (!Array.isArray(rowContents)) throw signatureError('Sheet.appendRow', rowContents);
    const row = this._lastRow() + 1;
    if (row > this.maxRows) this._growRows(row - this.maxRows);
    if (rowContents.length > this.maxColumns) this._growColumns(rowContents.length - this.maxColumns);
    if (rowContents.length > 0) this._range(row, 1, 1, rowContents.length)._setValues([rowContents]);
    return this;
  }
  insertRowsAfter(afterPosition: number, howMany: number): this {
    this._insertRows(afterPosition, howMany);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): this {
    this._insertRows(beforePosition - 1, howMany);
    return this;
  }
  insertRowAfter(afterPosition: number): this {
    this._insertRows(afterPosition, 1);
    return this;
  }
  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this._insertColumns(afterPosition, howMany);
    return this;
  }
  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this._insertColumns(beforePosition - 1, howMany);
    return this;
  }
  deleteRows(rowPosition: number, howMany: number): void {
    this._deleteRows(rowPosition, howMany);
  }
  deleteRow(rowPosition: number): void {
    this._deleteRows(rowPosition, 1);
  }
  private _deleteRows(rowPosition: number, howMany: number): void {
    if (!isInt(rowPosition) || !isInt(howMany) || rowPosition < 1 || howMany < 1) {
      throw signatureError('Sheet.deleteRows', rowPosition, howMany);
    }
    if (rowPosition + howMany - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= this.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    for (const layer of this.layers()) layer.deleteRows(rowPosition - 1, howMany);
    this._moveKeptRanges('rows', rowPosition, -howMany);
    this.maxRows -= howMany;
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    if (!isInt(columnPosition) || !isInt(howMany) || columnPosition < 1 || howMany < 1) {
      throw signatureError('Sheet.deleteColumns', columnPosition, howMany);
    }
    if (columnPosition + howMany - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany >= this.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    for (const layer of this.layers()) layer.deleteCols(columnPosition - 1, howMany);
    this._moveKeptRanges('cols', columnPosition, -howMany);
    this.maxColumns -= howMany;
  }

  // ---- clearing ----
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    if (!options?.formatOnly) this._clearContent(0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    if (!options?.contentsOnly) this._clearFormat(0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return this;
  }
  clearContents(): this {
    this._clearContent(0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return this;
  }
  clearFormats(): this {
    this._clearFormat(0, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    return this;
  }

  // ---- view ----
  setFrozenRows(rows: number): void {
    if (!isInt(rows) || rows < 0) throw signatureError('Sheet.setFrozenRows', rows);
    if (rows > this.maxRows) throw new Error('Frozen rows cannot exceed the number of rows in the sheet.');
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    if (!isInt(columns) || columns < 0) throw signatureError('Sheet.setFrozenColumns', columns);
    if (columns > this.maxColumns) throw new Error('Frozen columns cannot exceed the number of columns.');
    this.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.frozenColumns;
  }
  getFilter(): LocalFilter | null {
    return this.filter;
  }
  setColumnWidth(columnPosition: number, width: number): this {
    this._setWidths(columnPosition, 1, width);
    return this;
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this._setWidths(startColumn, numColumns, width);
    return this;
  }
  getColumnWidth(columnPosition: number): number {
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumn(columnPosition: number): this {
    this._autoResize(columnPosition, 1);
    return this;
  }
  autoResizeColumns(startColumn: number, numColumns: number): this {
    this._autoResize(startColumn, numColumns);
    return this;
  }

  // ---- charts (kept in memory only: exceljs cannot write charts) ----
  newChart(): LocalChartBuilder {
    return new LocalChartBuilder(this);
  }
  insertChart(chart: LocalEmbeddedChart): void {
    if (!this.charts.includes(chart)) this.charts.push(chart);
  }
  updateChart(chart: LocalEmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.chartId === chart.chartId);
    if (i < 0) throw new Error('Chart not found on this sheet.');
    this.charts[i] = chart;
  }
  removeChart(chart: LocalEmbeddedChart): void {
    const i = this.charts.findIndex((c) => c.chartId === chart.chartId);
    if (i >= 0) this.charts.splice(i, 1);
  }
  getCharts(): LocalEmbeddedChart[] {
    return [...this.charts];
  }

  // ---- conditional format rules (conditional.ts) ----
  setConditionalFormatRules(rules: LocalConditionalFormatRule[]): void {
    if (!Array.isArray(rules)) throw new Error('Invalid argument: rules');
    for (const r of rules)
      if (r.state.ranges.some((g) => g.sheet !== this))
        throw new Error('The conditional format rule ranges must be on the sheet they are set on.');
    this.conditionalRules = [...rules];
  }
  getConditionalFormatRules(): LocalConditionalFormatRule[] {
    return [...this.conditionalRules];
  }

  // ---- internals (not visible to bundles, not counted) ----

  layers(): Layer<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.alignments,
      this.notes,
      this.validations,
      this.kept,
    ];
  }

  _usedArea(): SearchArea {
    return {
      sheet: this,
      row: 1,
      col: 1,
      numRows: Math.max(1, this._lastRow()),
      numCols: Math.max(1, this._lastColumn()),
    };
  }

  _lastRow(): number {
    return Math.max(this.values.usedRows(), this.formulas.usedRows());
  }

  _lastColumn(): number {
    return Math.max(this.values.usedCols(), this.formulas.usedCols());
  }

  /** A range by 1-based coordinates, with Apps Script's errors for bad or out-of-grid coordinates. */
  _range(row: number, col: number, numRows: number, numCols: number): LocalRange {
    for (const n of [row, col, numRows, numCols]) {
      if (typeof n !== 'number' || Number.isNaN(n))
        throw signatureError('Sheet.getRange', row, col, numRows, numCols);
      if (!Number.isInteger(n)) throw new Error(`Cannot convert '${n}' to int.`);
    }
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new LocalRange(this, row, col, numRows, numCols);
  }

  _rangeA1(ref: string): LocalRange {
    const r = parseA1(ref, this.maxRows, this.maxColumns);
    return this._range(r.row, r.col, r.numRows, r.numCols);
  }

  _clearContent(r0: number, c0: number, numRows: number, numCols: number): void {
    this.values.clearRect(r0, c0, numRows, numCols);
    this.formulas.clearRect(r0, c0, numRows, numCols);
  }

  _clearFormat(r0: number, c0: number, numRows: number, numCols: number): void {
    for (const layer of [
      this.formats,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.alignments,
    ]) {
      layer.clearRect(r0, c0, numRows, numCols);
    }
  }

  _createFilter(range: LocalRange): LocalFilter {
    if (this.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
    this.filter = new LocalFilter(this, range.row, range.col, range.numRows, range.numCols);
    return this.filter;
  }

  _growRows(n: number): void {
    this.spreadsheet._checkCells(n * this.maxColumns);
    this.maxRows += n;
  }

  _growColumns(n: number): void {
    this.spreadsheet._checkCells(n * this.maxRows);
    this.maxColumns += n;
  }

  private _insertRows(after: number, howMany: number): void {
    if (!isInt(after) || !isInt(howMany) || after < 0 || howMany < 1 || after > this.maxRows) {
      throw signatureError('Sheet.insertRowsAfter', after, howMany);
    }
    this._growRows(howMany);
    for (const layer of this.layers()) layer.insertRows(after, howMany);
    this._moveKeptRanges('rows', after + 1, howMany);
  }

  private _insertColumns(after: number, howMany: number): void {
    if (!isInt(after) || !isInt(howMany) || after < 0 || howMany < 1 || after > this.maxColumns) {
      throw signatureError('Sheet.insertColumnsAfter', after, howMany);
    }
    this._growColumns(howMany);
    for (const layer of this.layers()) layer.insertCols(after, howMany);
    this._moveKeptRanges('cols', after + 1, howMany);
  }

  /** `n` rows (columns) inserted before `at` (n > 0) or deleted from `at` on (n < 0), 1-based. */
  private _moveKeptRanges(axis: 'rows' | 'cols', at: number, n: number): void {
    if (this.keptRanges.length === 0) return;
    const [start, size] = axis === 'rows' ? (['row', 'numRows'] as const) : (['col', 'numCols'] as const);
    this.keptRanges = this.keptRanges.filter(({ rect }) => {
      const first = rect[start];
      const last = first + rect[size] - 1;
      if (n > 0) {
        if (first >= at) rect[start] += n;
        else if (last >= at) rect[size] += n; // inserted inside: the range stretches
        return true;
      }
      const end = at - n - 1; // the last deleted
      const inside = Math.max(0, Math.min(last, end) - Math.max(first, at) + 1);
      rect[start] = first > end ? first + n : Math.min(first, at);
      rect[size] -= inside;
      return rect[size] > 0;
    });
  }

  private _setWidths(start: number, num: number, width: number): void {
    if (!isInt(start) || !isInt(num) || !isInt(width) || start < 1 || num < 1 || width < 0) {
      throw signatureError('Sheet.setColumnWidths', start, num, width);
    }
    for (let c = start; c < start + num; c++) this.columnWidths.set(c, width);
  }

  /** Widest displayed text × an average glyph width; bold text is wider. Close enough for a preview. */
  private _autoResize(start: number, num: number): void {
    const ss = this.spreadsheet;
    const dflt = ss.defaultDateFormat();
    const widest = new Array<number>(num).fill(0);
    const rows = this._lastRow();
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < num; j++) {
        const c = start - 1 + j;
        const v = this.values.get(r, c);
        if (v === undefined) continue;
        const text = displayValue(v, this.formats.get(r, c), ss.timeZone, ss.locale, dflt);
        const w = text.length * (this.fontWeights.get(r, c) ? 8 : 7);
        if (w > widest[j]) widest[j] = w;
      }
    }
    for (let j = 0; j < num; j++)
      this.columnWidths.set(start + j, Math.max(20, Math.min(1000, widest[j] + 12)));
  }
}

export class LocalFilter extends GasObject {
  constructor(
    readonly sheet: LocalSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    super(sheet.spreadsheet.counter);
  }
  getRange(): LocalRange {
    return new LocalRange(this.sheet, this.row, this.col, this.numRows, this.numCols);
  }
  remove(): void {
    if (this.sheet.filter === this) this.sheet.filter = null;
  }
}

export const SHEET_METHODS = [
  'getName',
  'getSheetName',
  'setName',
  'getSheetId',
  'getIndex',
  'getParent',
  'activate',
  'hideSheet',
  'showSheet',
  'isSheetHidden',
  'getRange',
  'getRangeList',
  'createTextFinder',
  'getDataRange',
  'getLastRow',
  'getLastColumn',
  'getMaxRows',
  'getMaxColumns',
  'getSheetValues',
  'appendRow',
  'insertRowsAfter',
  'insertRowsBefore',
  'insertRowAfter',
  'insertColumnsAfter',
  'insertColumnsBefore',
  'deleteRows',
  'deleteRow',
  'deleteColumns',
  'clear',
  'clearContents',
  'clearFormats',
  'setFrozenRows',
  'getFrozenRows',
  'setFrozenColumns',
  'getFrozenColumns',
  'getFilter',
  'setColumnWidth',
  'setColumnWidths',
  'getColumnWidth',
  'autoResizeColumn',
  'autoResizeColumns',
  'newChart',
  'insertChart',
  'updateChart',
  'removeChart',
  'getCharts',
  'setConditionalFormatRules',
  'getConditionalFormatRules',
] as const satisfies readonly (keyof GasSheet)[];

defineGas(LocalSheet, 'Sheet', SHEET_METHODS);
defineGas(LocalFilter, 'Filter', [
  'getRange',
  'remove',
] satisfies (keyof GoogleAppsScript.Spreadsheet.Filter)[]);
