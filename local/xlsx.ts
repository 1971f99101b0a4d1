// .xlsx open/save with exceljs: values, formulas (with their cached value), dates, number formats,
// backgrounds, font colours, bold, horizontal alignment, frozen rows/columns, filter range, column widths,
// hidden sheets, sheet sizes, and the spreadsheet's name, time zone, locale and document properties (in a
// very hidden sheet). What the runtime does not model but a seller's file holds (notes, merges, validation,
// borders, fonts…) is kept beside it and written back (xlsx-kept.ts); what exceljs cannot write at all
// (images, charts, pivot tables…) makes a save fail with the list, unless forced. Charts the bundle builds
// are not saved: exceljs cannot write them (they stay in memory only).
//
// A file is read as a workbook only when it is one: a zip holding xl/workbook.xml and at least one sheet.
// Anything else (a text file, a zip of other things) is refused, so nobody saves over it by mistake.
//
// Dates: a Sheets date cell is an instant shown in the spreadsheet's time zone; Excel has no zone. We write
// the WALL time in the spreadsheet's zone (so LibreOffice/Excel show what Sheets would) and shift back on
// load, so a value round-trips exactly.
import { readFile, writeFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { wallClockOf } from '../src/core/time';
import { fromExcel } from './excel-value';
import { a1Notation, columnLetter, parseA1 } from './gas/a1';
import { FORMULA_VALUE, isDate } from './gas/cells';
import type { CallCounter } from './gas/counter';
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  LocalFilter,
  type LocalSheet,
} from './gas/sheet';
import { LocalSpreadsheet } from './gas/spreadsheet';
import {
  type KeptCell,
  keepBook,
  keepCell,
  keepSheet,
  keptNeedsCell,
  keptNote,
  keptValue,
  type Loss,
  losses,
  planSheet,
  restoreBook,
} from './xlsx-kept';

export type { Loss, LossKind } from './xlsx-kept';
export { losses } from './xlsx-kept';

/** The file is not an .xlsx workbook: not a zip, a zip without a workbook part, or a workbook of no sheet. */
export class NotAWorkbookError extends Error {
  constructor(readonly reason: 'not-zip' | 'no-workbook' | 'no-sheets') {
    super(`not an .xlsx workbook (${reason})`);
    this.name = 'NotAWorkbookError';
  }
}

/** A save would drop what the file holds (see xlsx-kept.ts); `force` saves anyway. */
export class WouldLoseError extends Error {
  constructor(readonly lost: Loss[]) {
    super(
      `saving would lose: ${lost.map((l) => `${l.kind}${l.sheet ? ` (${l.sheet})` : ''} ×${l.count}`).join(', ')}`,
    );
    this.name = 'WouldLoseError';
  }
}

export interface SaveOptions {
  /** Save even when something of the file cannot be written back (it is lost). */
  force?: boolean;
}

export const META_SHEET = '__kenali_local';
const FONT_NAME = 'Calibri';
const PX_PER_WIDTH_UNIT = 7;
const EXCEL_DEFAULT_WIDTH = 9;

type XCellValue = ExcelJS.CellValue;

// ---- save ----------------------------------------------------------------------------------------

export async function saveXlsx(ss: LocalSpreadsheet, path: string, opts: SaveOptions = {}): Promise<void> {
  await writeFile(path, await toXlsxBuffer(ss, opts));
}

/** Streams the workbook out (exceljs' streaming writer is faster than the in-memory one). Throws
 *  WouldLoseError, before writing anything, when something the file held cannot be written back. */
export async function toXlsxBuffer(ss: LocalSpreadsheet, opts: SaveOptions = {}): Promise<Buffer> {
  const lost = losses(ss);
  if (lost.length > 0 && !opts.force) throw new WouldLoseError(lost);
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'Kenali (local runtime)';
  for (const sheet of ss.sheets) writeSheet(wb, sheet, ss);
  restoreBook(ss, wb);
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const rows: unknown[][] = [
    ['kenali-local', 1],
    ['name', ss.name],
    ['timeZone', ss.timeZone],
    ['locale', ss.locale],
    ['documentProperties', JSON.stringify(Object.fromEntries(ss.documentProperties))],
    ...ss.sheets.map((s) => ['sheet', s.name, s.maxRows, s.maxColumns]),
  ];
  for (const r of rows) meta.addRow(r).commit();
  meta.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}

function argb(hex: string): string {
  return 'FF' + hex.slice(1).toUpperCase();
}

/** The runtime's formatting over what the file had and the runtime does not model (a kept font's face and
 *  size, borders, vertical alignment, a pattern fill…): the runtime decides bold, colour, fill, alignment. */
function cellStyle(
  kept: KeptCell['style'],
  fmt: string | undefined,
  bg: string | undefined,
  color: string | undefined,
  bold: string | undefined,
  align: string | undefined,
): Partial<ExcelJS.Style> {
  const font = kept?.font;
  const style: Partial<ExcelJS.Style> = {
    font: {
      ...(font ?? { name: FONT_NAME, size: 11 }),
      bold: bold === 'bold',
      color: color ? { argb: argb(color) } : (font?.color ?? { argb: argb('#000000') }),
    },
  };
  if (fmt !== undefined) style.numFmt = fmt;
  if (bg) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(bg) } };
  else if (kept?.fill) style.fill = kept.fill;
  const alignment = { ...(kept?.alignment ?? {}) } as Partial<ExcelJS.Alignment>;
  delete alignment.horizontal;
  if (align) alignment.horizontal = align as ExcelJS.Alignment['horizontal'];
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (kept?.border) style.border = kept.border;
  if (kept?.protection) style.protection = kept.protection;
  return style;
}

function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: LocalSheet, ss: LocalSpreadsheet): void {
  const plan = planSheet(sheet);
  const frozen: Partial<ExcelJS.WorksheetView> =
    sheet.frozenRows || sheet.frozenColumns
      ? { state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }
      : {};
  const view = { ...(plan.view ?? {}), ...frozen } as Partial<ExcelJS.WorksheetView>;
  const ws = wb.addWorksheet(sheet.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views: Object.keys(view).length ? [view] : [],
    // Sheets' columns are 100 px wide, Excel's 64: without this LibreOffice would show narrower columns.
    properties: { ...plan.properties, defaultColWidth: DEFAULT_COLUMN_WIDTH / PX_PER_WIDTH_UNIT },
    ...(plan.pageSetup ? { pageSetup: plan.pageSetup } : {}),
    ...(plan.headerFooter ? { headerFooter: plan.headerFooter } : {}),
  });
  // The streaming writer emits columns and the filter with the first row: set them first.
  for (const [col, px] of sheet.columnWidths) {
    const w = px / PX_PER_WIDTH_UNIT;
    ws.getColumn(col).width = w === EXCEL_DEFAULT_WIDTH ? w + 0.001 : w; // exceljs drops a width equal to its default
  }
  if (sheet.filter) ws.autoFilter = a1Notation(sheet.filter);
  plan.before(ws as unknown as ExcelJS.Worksheet);
  conditionalToXlsx(sheet, ws as unknown as ExcelJS.Worksheet);
  const tz = ss.timeZone;
  const dflt = ss.defaultDateFormat();
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const keptIds = new Map<object, number>();
  const layers = sheet.layers();
  const rows = Math.max(...layers.map((l) => l.usedRows()));
  for (let r = 0; r < rows; r++) {
    const width = Math.max(...layers.map((l) => l.row(r)?.length ?? 0));
    if (width === 0) continue;
    const xrow = ws.getRow(r + 1);
    const props = plan.row(r);
    if (props) Object.assign(xrow, props);
    for (let c = 0; c < width; c++) {
      const v = sheet.values.get(r, c);
      const f = sheet.formulas.get(r, c);
      const fmt = sheet.formats.get(r, c) ?? (isDate(v) ? dflt : undefined);
      const bg = sheet.backgrounds.get(r, c);
      const color = sheet.fontColors.get(r, c);
      const bold = sheet.fontWeights.get(r, c);
      const align = sheet.alignments.get(r, c);
      const kept = sheet.kept.get(r, c) as KeptCell | undefined;
      const note = sheet.notes.get(r, c);
      if (
        v === undefined &&
        f === undefined &&
        fmt === undefined &&
        !bg &&
        !color &&
        !bold &&
        !align &&
        note === undefined &&
        !keptNeedsCell(kept)
      )
        continue;
      if (plan.covered(r, c)) continue; // a merge's hidden cell: the merge owns it
      const cell = xrow.getCell(c + 1);
      const value: XCellValue = isDate(v) ? new Date(wallClockOf(v.getTime(), tz)) : (v ?? null);
      if (f !== undefined) {
        const result = value === FORMULA_VALUE ? undefined : value;
        cell.value = { formula: f.slice(1), result } as ExcelJS.CellFormulaValue;
      } else cell.value = keptValue(kept, value) ?? value;
      const written = keptNote(kept, note);
      if (written !== undefined) cell.note = written;
      const ks = kept?.style;
      let ksId = 0;
      if (ks) {
        ksId = keptIds.get(ks) ?? keptIds.size + 1;
        keptIds.set(ks, ksId);
      }
      const key = `${fmt ?? ''}|${bg ?? ''}|${color ?? ''}|${bold ?? ''}|${align ?? ''}|${ksId}`;
      let style = styles.get(key);
      if (!style) {
        style = cellStyle(ks, fmt, bg, color, bold, align);
        styles.set(key, style);
      }
      cell.style = style;
    }
    xrow.commit();
  }
  ws.commit();
}

/** The runtime's "text is exactly" rules as Excel's cell-equals rules (a quoted string), in order. */
function conditionalToXlsx(sheet: LocalSheet, ws: ExcelJS.Worksheet): void {
  const argb = (c: string) => `FF${c.slice(1).toUpperCase()}`;
  sheet.conditionalRules.forEach((rule, i) => {
    const { text, background, fontColor, bold } = rule.state;
    const style: Partial<ExcelJS.Style> = {};
    if (background) style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } };
    if (fontColor || bold !== null)
      style.font = {
        ...(fontColor ? { color: { argb: argb(fontColor) } } : {}),
        ...(bold !== null ? { bold } : {}),
      };
    ws.addConditionalFormatting({
      ref: rule.refs().join(' '),
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: i + 1,
          formulae: [`"${String(text).replace(/"/g, '""')}"`],
          style,
        },
      ],
    });
  });
}

// ---- load ----------------------------------------------------------------------------------------

export interface LoadOptions {
  /** For files we did not write (a marketplace export): the spreadsheet's zone and locale. */
  timeZone?: string;
  locale?: string;
  counter?: CallCounter;
}

export async function loadXlsx(path: string, opts: LoadOptions = {}): Promise<LocalSpreadsheet> {
  return fromXlsxBuffer(await readFile(path), opts);
}

interface Meta {
  name?: string;
  timeZone?: string;
  locale?: string;
  documentProperties?: Record<string, string>;
  sizes: Map<string, { rows: number; cols: number }>;
}

function readMeta(ws: ExcelJS.Worksheet | undefined): Meta {
  const meta: Meta = { sizes: new Map() };
  if (!ws) return meta;
  ws.eachRow((row) => {
    const [key, a, b, c] = (row.values as unknown[]).slice(1);
    if (key === 'name') meta.name = String(a);
    else if (key === 'timeZone') meta.timeZone = String(a);
    else if (key === 'locale') meta.locale = String(a);
    else if (key === 'documentProperties')
      meta.documentProperties = JSON.parse(String(a)) as Record<string, string>;
    else if (key === 'sheet') meta.sizes.set(String(a), { rows: Number(b), cols: Number(c) });
  });
  return meta;
}

function colorOf(c: Partial<ExcelJS.Color> | undefined): string | undefined {
  const v = c?.argb;
  return typeof v === 'string' && /^[0-9a-f]{8}$/i.test(v) ? '#' + v.slice(2).toLowerCase() : undefined;
}

function filterRect(f: ExcelJS.AutoFilter, maxRows: number, maxCols: number) {
  const ref = (p: string | { row: number; column: number }) =>
    typeof p === 'string' ? p : `${columnLetter(p.column)}${p.row}`;
  const text = typeof f === 'string' ? f : `${ref(f.from)}:${ref(f.to)}`;
  try {
    return parseA1(text.replace(/\$/g, ''), maxRows, maxCols);
  } catch {
    return null;
  }
}

export async function fromXlsxBuffer(
  buf: Buffer | ArrayBuffer,
  opts: LoadOptions = {},
): Promise<LocalSpreadsheet> {
  let entries: string[];
  try {
    entries = Object.keys((await JSZip.loadAsync(buf)).files);
  } catch {
    throw new NotAWorkbookError('not-zip');
  }
  if (!entries.includes('xl/workbook.xml')) throw new NotAWorkbookError('no-workbook');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as ArrayBuffer);
  if (!wb.worksheets.some((ws) => ws.name !== META_SHEET)) throw new NotAWorkbookError('no-sheets');
  const meta = readMeta(wb.getWorksheet(META_SHEET));
  const ss = new LocalSpreadsheet({
    sheets: [],
    name: meta.name,
    timeZone: opts.timeZone ?? meta.timeZone,
    locale: opts.locale ?? meta.locale,
    counter: opts.counter,
  });
  for (const [k, v] of Object.entries(meta.documentProperties ?? {})) ss.documentProperties.set(k, v);
  const tz = ss.timeZone;
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    const size = meta.sizes.get(ws.name);
    const maxRows = Math.max(size?.rows ?? DEFAULT_ROWS, ws.rowCount);
    const maxCols = Math.max(size?.cols ?? DEFAULT_COLUMNS, ws.columnCount);
    const sheet = ss._addSheet(ws.name, undefined, maxRows, maxCols);
    sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const r = rowNumber - 1;
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const c = colNumber - 1;
        keepCell(sheet, cell, r, c);
        // A merge's hidden cells read as the merge's value in exceljs; in Sheets they are blank.
        const slave = cell.isMerged && cell.master !== cell;
        const { value, formula } = slave ? { value: '' } : fromExcel(cell.value, tz);
        if (value !== '') sheet.values.set(r, c, value);
        // A shared formula's other cells carry only a reference to the first: exceljs translates it.
        const shared = formula === undefined && !slave && cell.type === ExcelJS.ValueType.Formula;
        const text = shared ? cell.formula : undefined;
        if (formula !== undefined) sheet.formulas.set(r, c, formula);
        else if (text) sheet.formulas.set(r, c, `=${text}`);
        const fmt = cell.numFmt;
        if (fmt && !/^general$/i.test(fmt)) sheet.formats.set(r, c, fmt);
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const bg = fill?.type === 'pattern' && fill.pattern === 'solid' ? colorOf(fill.fgColor) : undefined;
        if (bg && bg !== '#ffffff') sheet.backgrounds.set(r, c, bg);
        const color = colorOf(cell.font?.color);
        if (color && color !== '#000000') sheet.fontColors.set(r, c, color);
        if (cell.font?.bold) sheet.fontWeights.set(r, c, 'bold');
        const h = cell.alignment?.horizontal;
        if (h === 'left' || h === 'center' || h === 'right') sheet.alignments.set(r, c, h);
      });
    });
    const view = ws.views?.[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined;
    if (view?.state === 'frozen') {
      sheet.frozenRows = view.ySplit ?? 0;
      sheet.frozenColumns = view.xSplit ?? 0;
    }
    (ws.columns ?? []).forEach((col, i) => {
      if (col?.width) sheet.columnWidths.set(i + 1, Math.round(col.width * PX_PER_WIDTH_UNIT));
    });
    if (ws.autoFilter) {
      const rect = filterRect(ws.autoFilter, maxRows, maxCols);
      if (rect) sheet.filter = new LocalFilter(sheet, rect.row, rect.col, rect.numRows, rect.numCols);
    }
    keepSheet(sheet, ws);
  }
  keepBook(ss, wb, entries);
  return ss;
}
