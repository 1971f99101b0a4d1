// What a seller's workbook holds that the runtime does not model — notes, borders, fonts other than ours,
// alignment beyond left/center/right, non-solid fills, cell protection, hyperlinks, rich text, data
// validation, merged cells, conditional formats, row heights, hidden columns, tab colours, sheet views,
// protection and page setup, defined names — read with each sheet on load and written back on save, so a
// CLI or preview save loses none of it (issue #14). Per-cell features live in the sheet's `kept` layer and
// move with inserted and deleted rows like the cells; range features (a merge, a conditional format, a
// row's height) live in its `keptRanges`, which rows and columns inserted or deleted move, stretch and
// shrink as Sheets does. What cannot be written back (images, charts, pivot tables, macros…) is listed by
// `losses`: the CLI refuses to save over it unless told --force.
import type ExcelJS from 'exceljs';
import { a1Notation, parseA1 } from './gas/a1';
import type { LocalSheet } from './gas/sheet';
import type { LocalSpreadsheet } from './gas/spreadsheet';

/** What cannot be saved: parts of the file exceljs cannot write, or features whose cells are gone. */
export type LossKind =
  | 'images'
  | 'charts'
  | 'chartSheets'
  | 'pivotTables'
  | 'macros'
  | 'externalLinks'
  | 'slicers'
  | 'threadedComments'
  | 'tables'
  | 'drawings'
  | 'connections'
  | 'formControls'
  | 'embeddedObjects'
  | 'cellImages';

export interface Loss {
  kind: LossKind;
  /** The sheet it belongs to, when known. */
  sheet?: string;
  count: number;
}

/** Zip parts of an .xlsx that exceljs drops on load, by what a seller would call them. */
const PARTS: [RegExp, LossKind][] = [
  [/^xl\/charts\/chart\d*\.xml$/i, 'charts'],
  [/^xl\/chartsheets\/[^/]+\.xml$/i, 'chartSheets'],
  [/^xl\/pivotTables\/[^/]+\.xml$/i, 'pivotTables'],
  [/^xl\/vbaProject\.bin$/i, 'macros'],
  [/^xl\/externalLinks\/[^/]+\.xml$/i, 'externalLinks'],
  [/^xl\/slicers\/[^/]+\.xml$/i, 'slicers'],
  [/^xl\/threadedComments\/[^/]+\.xml$/i, 'threadedComments'],
  [/^xl\/tables\/[^/]+\.xml$/i, 'tables'],
  [/^xl\/connections\.xml$/i, 'connections'],
  [/^xl\/ctrlProps\/[^/]+\.xml$/i, 'formControls'],
  [/^xl\/embeddings\/[^/]+$/i, 'embeddedObjects'],
  [/^xl\/richData\/[^/]+\.xml$/i, 'cellImages'],
];

/** The parts of a zip listing that a save would drop (images are counted per sheet instead). */
export function unsavedParts(entries: readonly string[]): Loss[] {
  const counts = new Map<LossKind, number>();
  for (const e of entries) {
    const hit = PARTS.find(([re]) => re.test(e));
    if (hit) counts.set(hit[1], (counts.get(hit[1]) ?? 0) + 1);
  }
  // Shapes and text boxes are drawings without an image or a chart: exceljs keeps neither.
  const drawings = entries.filter((e) => /^xl\/drawings\/drawing\d*\.xml$/i.test(e)).length;
  const explained = (counts.get('charts') ?? 0) + entries.filter((e) => /^xl\/media\//i.test(e)).length;
  if (drawings > 0 && explained === 0) counts.set('drawings', drawings);
  return [...counts].map(([kind, count]) => ({ kind, count }));
}

// ---- per cell -------------------------------------------------------------------------------------------

interface KeptStyle {
  font?: Partial<ExcelJS.Font>;
  border?: Partial<ExcelJS.Borders>;
  alignment?: Partial<ExcelJS.Alignment>;
  fill?: ExcelJS.Fill;
  protection?: Partial<ExcelJS.Protection>;
}

export interface KeptCell {
  style?: KeptStyle;
  note?: ExcelJS.Comment | string;
  hyperlink?: { text: string; hyperlink: string; tooltip?: string };
  richText?: { text: string; runs: ExcelJS.RichText[] };
  validation?: ExcelJS.DataValidation;
}

/** What one of a sheet's keptRanges is. */
type KeptRange =
  | { kind: 'merge' }
  | { kind: 'conditionalFormat'; group: number; rules: ExcelJS.ConditionalFormattingRule[] }
  | { kind: 'row'; height?: number; hidden?: boolean; outlineLevel?: number };

interface KeptSheet {
  hiddenColumns: number[];
  properties?: Partial<ExcelJS.WorksheetProperties>;
  pageSetup?: Partial<ExcelJS.PageSetup>;
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
  /** The first view minus what the runtime models (frozen panes). */
  view?: Partial<ExcelJS.WorksheetView>;
  protection?: unknown;
  images: number;
}

interface KeptBook {
  definedNames?: unknown;
  parts: Loss[];
}

const sheets = new WeakMap<LocalSheet, KeptSheet>();
const books = new WeakMap<LocalSpreadsheet, KeptBook>();

/** Style-only KeptCells are shared by every cell of that style: never mutated, copied on write. */
const shared = new WeakSet<object>();
const byStyle = new WeakMap<object, KeptCell | null>();

const OUR_FONT = 'Calibri';
const OUR_SIZE = 11;
const PLAIN_FONT_KEYS = new Set(['name', 'size', 'bold', 'color', 'family', 'scheme', 'charset']);

function keptFont(font: Partial<ExcelJS.Font> | undefined): Partial<ExcelJS.Font> | undefined {
  if (!font) return undefined;
  const color = font.color as Record<string, unknown> | undefined;
  const argbOnly = color === undefined || (typeof color.argb === 'string' && Object.keys(color).length === 1);
  const special = Object.entries(font).some(
    ([k, v]) => !PLAIN_FONT_KEYS.has(k) && v !== undefined && v !== false && v !== 'none',
  );
  const ours = (font.name ?? OUR_FONT) === OUR_FONT && (font.size ?? OUR_SIZE) === OUR_SIZE;
  return special || !ours || !argbOnly ? font : undefined;
}

function keptStyle(style: Partial<ExcelJS.Style> | undefined): KeptCell | null {
  if (!style) return null;
  let k = byStyle.get(style);
  if (k !== undefined) return k;
  const s: KeptStyle = {};
  const font = keptFont(style.font);
  if (font) s.font = font;
  const border = style.border as Record<string, { style?: string } | undefined> | undefined;
  if (border && Object.values(border).some((side) => side?.style)) s.border = style.border;
  const al = style.alignment as Record<string, unknown> | undefined;
  if (al && Object.entries(al).some(([key, v]) => key !== 'horizontal' && v !== undefined && v !== false))
    s.alignment = style.alignment;
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  const solid =
    fill?.type === 'pattern' &&
    fill.pattern === 'solid' &&
    typeof fill.fgColor?.argb === 'string' &&
    Object.keys(fill.fgColor).length === 1;
  if (fill && !solid && !(fill.type === 'pattern' && fill.pattern === 'none')) s.fill = style.fill;
  const p = style.protection;
  if (p && (p.locked === false || p.hidden)) s.protection = p;
  k = Object.keys(s).length ? { style: s } : null;
  if (k) shared.add(k);
  byStyle.set(style, k);
  return k;
}

function addTo(sheet: LocalSheet, r: number, c: number, patch: KeptCell): void {
  const old = sheet.kept.get(r, c) as KeptCell | undefined;
  const next: KeptCell = old && !shared.has(old) ? old : { ...old };
  Object.assign(next, patch);
  sheet.kept.set(r, c, next);
}

function textOfRich(v: ExcelJS.CellRichTextValue): string {
  return v.richText.map((t) => t.text).join('');
}

// ---- load -------------------------------------------------------------------------------------------------

/** Records one cell's unmodelled features (called for every cell the loader visits). */
export function keepCell(sheet: LocalSheet, cell: ExcelJS.Cell, r: number, c: number): void {
  const base = keptStyle(cell.style);
  if (base) sheet.kept.set(r, c, base);
  const patch: KeptCell = {};
  if (cell.note) {
    // The text is modelled (Range.getNote); the note as the file had it (its formatting) is kept for the save.
    const text = noteTextOf(cell.note);
    if (text !== '') sheet.notes.set(r, c, text);
    patch.note = cell.note;
  }
  const v = cell.value as ExcelJS.CellValue;
  if (v && typeof v === 'object' && 'hyperlink' in v) {
    const h = v as ExcelJS.CellHyperlinkValue;
    const text =
      typeof h.text === 'string' ? h.text : textOfRich(h.text as unknown as ExcelJS.CellRichTextValue);
    patch.hyperlink = { text, hyperlink: h.hyperlink, tooltip: h.tooltip };
  } else if (v && typeof v === 'object' && 'richText' in v) {
    const rt = v as ExcelJS.CellRichTextValue;
    patch.richText = { text: textOfRich(rt), runs: rt.richText };
  }
  if (Object.keys(patch).length) addTo(sheet, r, c, patch);
}

/** What exceljs keeps of a loaded sheet beyond its typings. */
interface LoadedSheet {
  dataValidations?: { model?: Record<string, ExcelJS.DataValidation | undefined> };
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  sheetProtection?: unknown;
  model: { merges?: string[] };
}

/** Records the sheet's unmodelled features: validation, merges, conditional formats, rows, columns, views. */
export function keepSheet(sheet: LocalSheet, ws: ExcelJS.Worksheet): void {
  const loaded = ws as unknown as LoadedSheet;
  const kept: KeptSheet = { hiddenColumns: [], images: ws.getImages().length };
  const at = (ref: string) => {
    try {
      return parseA1(ref.replace(/\$/g, ''), Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    } catch {
      return null;
    }
  };
  const keepRange = (ref: string, data: KeptRange) => {
    const rect = at(ref);
    if (rect) sheet.keptRanges.push({ rect, data });
  };
  const model = loaded.dataValidations?.model ?? {};
  for (const [address, validation] of Object.entries(model)) {
    const rect = at(address);
    if (rect && validation) addTo(sheet, rect.row - 1, rect.col - 1, { validation });
  }
  for (const ref of loaded.model.merges ?? []) keepRange(ref, { kind: 'merge' });
  loaded.conditionalFormattings?.forEach((cf, group) => {
    for (const ref of String(cf.ref).split(/\s+/).filter(Boolean))
      keepRange(ref, { kind: 'conditionalFormat', group, rules: cf.rules });
  });
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height === undefined && !row.hidden && !row.outlineLevel) return;
    // A whole row: no column deletion empties it, only deleting the row does.
    const data: KeptRange = {
      kind: 'row',
      height: row.height,
      hidden: row.hidden || undefined,
      outlineLevel: row.outlineLevel || undefined,
    };
    sheet.keptRanges.push({ rect: { row: n, col: 1, numRows: 1, numCols: COLUMN_SPAN }, data });
  });
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.hidden) kept.hiddenColumns.push(i + 1);
  });
  const { tabColor, outlineLevelCol, outlineLevelRow, defaultRowHeight } = ws.properties ?? {};
  kept.properties = { tabColor, outlineLevelCol, outlineLevelRow, defaultRowHeight };
  kept.pageSetup = ws.pageSetup;
  kept.headerFooter = ws.headerFooter;
  const view = { ...(ws.views?.[0] ?? {}) } as Record<string, unknown>;
  for (const k of ['state', 'xSplit', 'ySplit', 'topLeftCell', 'activeCell', 'activePane']) delete view[k];
  kept.view = view as Partial<ExcelJS.WorksheetView>;
  if (loaded.sheetProtection) kept.protection = loaded.sheetProtection;
  sheets.set(sheet, kept);
}

/** Workbook-level: defined names, and the parts no save can write (from the zip listing). */
export function keepBook(ss: LocalSpreadsheet, wb: ExcelJS.Workbook, entries: readonly string[]): void {
  const definedNames = (wb.definedNames as unknown as { model?: unknown[] }).model;
  books.set(ss, {
    definedNames: definedNames?.length ? definedNames : undefined,
    parts: unsavedParts(entries),
  });
}

// ---- save -------------------------------------------------------------------------------------------------

export interface SheetPlan {
  /** Options for addWorksheet (merged with the runtime's own). */
  properties?: Partial<ExcelJS.WorksheetProperties>;
  pageSetup?: Partial<ExcelJS.PageSetup>;
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
  view?: Partial<ExcelJS.WorksheetView>;
  /** Before any row is written: hidden columns, merges, conditional formats, validation, protection. */
  before(ws: ExcelJS.Worksheet): void;
  /** Row r (0-based): height, hidden, outline level. */
  row(r: number): { height?: number; hidden?: boolean; outlineLevel?: number } | undefined;
  /** Slave cells of a merge: the writer leaves them to the merge. */
  covered(r: number, c: number): boolean;
  lost: Loss[];
}

/** More columns than a sheet can have (Sheets: 18,278), so r * COLUMN_SPAN + c names one cell. */
const COLUMN_SPAN = 32_768;

const NO_PLAN: SheetPlan = { before() {}, row: () => undefined, covered: () => false, lost: [] };

/** What to write of the sheet's kept features, where they are now. */
export function planSheet(sheet: LocalSheet): SheetPlan {
  const kept = sheets.get(sheet);
  if (!kept) return NO_PLAN;
  const validations: [number, number, ExcelJS.DataValidation][] = [];
  const rows = sheet.kept.rows;
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r];
    if (!line) continue;
    for (let c = 0; c < line.length; c++) {
      const v = (line[c] as KeptCell | undefined)?.validation;
      if (v) validations.push([r, c, v]);
    }
  }
  const merges: string[] = [];
  const covered = new Set<number>(); // r * COLUMN_SPAN + c: no string per cell on the hot path
  const formats = new Map<number, { refs: string[]; rules: ExcelJS.ConditionalFormattingRule[] }>();
  const rowProps = new Map<number, { height?: number; hidden?: boolean; outlineLevel?: number }>();
  for (const { rect, data } of sheet.keptRanges) {
    const item = data as KeptRange;
    if (item.kind === 'row') {
      rowProps.set(rect.row - 1, {
        height: item.height,
        hidden: item.hidden,
        outlineLevel: item.outlineLevel,
      });
    } else if (item.kind === 'merge') {
      if (rect.numRows * rect.numCols < 2) continue; // shrunk to one cell: nothing left to merge
      merges.push(a1Notation(rect));
      for (let i = 0; i < rect.numRows; i++)
        for (let j = 0; j < rect.numCols; j++)
          if (i || j) covered.add((rect.row - 1 + i) * COLUMN_SPAN + rect.col - 1 + j);
    } else {
      const f = formats.get(item.group) ?? { refs: [], rules: item.rules };
      f.refs.push(a1Notation(rect));
      formats.set(item.group, f);
    }
  }
  const lost: Loss[] = kept.images > 0 ? [{ kind: 'images', sheet: sheet.name, count: kept.images }] : [];
  return {
    properties: kept.properties,
    pageSetup: kept.pageSetup,
    headerFooter: kept.headerFooter,
    view: kept.view,
    before(ws) {
      for (const c of kept.hiddenColumns) ws.getColumn(c).hidden = true;
      for (const m of merges) ws.mergeCells(m);
      for (const f of formats.values())
        ws.addConditionalFormatting({ ref: f.refs.join(' '), rules: f.rules });
      const dv = (ws as unknown as { dataValidations: { add(a: string, v: ExcelJS.DataValidation): void } })
        .dataValidations;
      for (const [r, c, v] of validations)
        dv.add(a1Notation({ row: r + 1, col: c + 1, numRows: 1, numCols: 1 }), v);
      if (kept.protection) (ws as unknown as { sheetProtection: unknown }).sheetProtection = kept.protection;
    },
    row: (r) => rowProps.get(r),
    covered: (r, c) => covered.size > 0 && covered.has(r * COLUMN_SPAN + c),
    lost,
  };
}

/** The cell's value as written: a kept hyperlink or rich text while the cell still shows that text. */
export function keptValue(k: KeptCell | undefined, value: unknown): ExcelJS.CellValue | undefined {
  if (!k || typeof value !== 'string') return undefined;
  if (k.hyperlink && k.hyperlink.text === value) return { ...k.hyperlink } as ExcelJS.CellHyperlinkValue;
  if (k.richText && k.richText.text === value) return { richText: k.richText.runs };
  return undefined;
}

/** The plain text of a note as exceljs reads it (a string, or a comment of rich-text runs). */
export function noteTextOf(note: ExcelJS.Comment | string): string {
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
}

/** The note as written: the file's own (formatted) note while its text is still the cell's note. */
export function keptNote(
  k: KeptCell | undefined,
  text: string | undefined,
): ExcelJS.Comment | string | undefined {
  if (text === undefined) return undefined;
  return k?.note !== undefined && noteTextOf(k.note) === text ? k.note : text;
}

/** Whether anything besides validation and the note (the notes layer decides) needs a cell written. */
export function keptNeedsCell(k: KeptCell | undefined): boolean {
  return !!k && (k.style !== undefined || !!k.hyperlink || !!k.richText);
}

/** Defined names back into the workbook being written. */
export function restoreBook(ss: LocalSpreadsheet, wb: { definedNames: unknown }): void {
  const kept = books.get(ss);
  if (kept?.definedNames) (wb.definedNames as { model: unknown }).model = kept.definedNames;
}

/** Everything a save of `ss` would drop: the parts of the file it came from that exceljs cannot write, and
 *  images. Empty for a workbook we made ourselves. */
export function losses(ss: LocalSpreadsheet): Loss[] {
  return [...(books.get(ss)?.parts ?? []), ...ss.sheets.flatMap((s) => planSheet(s).lost)];
}
