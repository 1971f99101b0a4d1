// Marketplace exports → orders, order lines and payments. A sheet may hold several exports pasted one below
// another (each with its own header row, possibly from different marketplaces): every header row starts a
// new block, parsed with its own column mapping. One pass over the grid, Maps for orders: linear in rows.
//
// Decisions (see also the SPEC):
// - A row with an unreadable value is not imported and gets an 'error' Problem (sheet, 1-based row, the
//   column's header as written in the file, reason). The other lines of that order are withheld too, with
//   one Problem saying so: a partial order would replace the stored lines of that order on merge.
// - Blank status is kept as ''; blank address is kept as '' (marketplaces mask addresses of some orders);
//   blank username, order number, creation time or total is an error.
// - The same order again in a LATER block (an overlapping export pasted below) replaces the earlier one,
//   lines included, unless its status is at an earlier stage (status.ts: the status order, as between
//   imports). Within one block the later row's status wins; a differing buyer, address, time or total
//   gets a 'warning' and the later row wins — except where the format says otherwise: Lazada's items each
//   carry a status (the order counts its counted items), Tokopedia's later lines take the first line's.
// - A header row is decided by the whole header (headers.ts detectHeader); a grid with none gets one
//   problem saying which row came closest and what it lacks.
import { isDescription, MAX_CELL_CHARS, readOrderSn, readUsername, remembered, rememberLast } from './fields';
import {
  type ColumnMap,
  detectHeader,
  type ExportFormat,
  expectedHeader,
  type Field,
  type HeaderMatch,
  partialHeader,
} from './headers';
import { isCounted, stageRank, statusReplaces } from './status';
import { importText } from './text/import';
import type { CellValue, Grid, Lang, Order, OrderItem, OrderPayment, ParsedExport, Problem } from './types';
import {
  cellText,
  implausiblySmallAmounts,
  isBlank,
  parseDateValue,
  parseMoney,
  parseQuantity,
  type ValueResult,
} from './values';

/** Titles and notes may sit above the first header row; it must appear within this many rows. */
export const HEADER_SCAN_ROWS = 30;

export interface ExportBlock {
  /** 0-based grid index of the header row. */
  headerIndex: number;
  /** 0-based grid index one past the block's last row. */
  end: number;
  match: HeaderMatch;
}

/** Why a grid holds no export: the row that looks most like a header and what it lacks, or that no
 *  header row was found at all. */
function noExportProblem(grid: Grid, sheet: string, lang: Lang, rowNumber: (i: number) => number): Problem {
  const tx = importText[lang];
  for (let i = 0; i < Math.min(grid.length, HEADER_SCAN_ROWS); i++) {
    const m = grid[i] ? partialHeader(grid[i]) : null;
    if (!m) continue;
    const missing = m.missing.map((f) => `“${expectedHeader(m.format, f)}”`).join(', ');
    const reason = tx.incompleteHeader(rowNumber(i), m.format.label, missing);
    return { sheet, row: rowNumber(i), column: '', code: 'incomplete-header', reason, severity: 'error' };
  }
  return { sheet, row: rowNumber(0), column: '', code: 'no-header', reason: tx.noHeader, severity: 'error' };
}

/**
 * Which sheets of a workbook hold an export: a sheet's format is decided by its whole header (see
 * detectHeader), and a sheet of no known format is skipped, to be listed as skipped — never an error (the
 * income workbook's Summary, Service Fee Details, Adjustment and Order Processing Fee sheets). The one rule
 * for every path that reads a workbook.
 */
export function exportSheets<S extends { grid: Grid }>(sheets: readonly S[]): { exports: S[]; skipped: S[] } {
  const exports: S[] = [];
  const skipped: S[] = [];
  for (const s of sheets) (findBlocks(s.grid).length > 0 ? exports : skipped).push(s);
  return { exports, skipped };
}

/** Every header row of the grid, each starting a block that runs to the next header row (or to that
 *  header's title rows: see titlesStart). */
export function findBlocks(grid: Grid): ExportBlock[] {
  const blocks: ExportBlock[] = [];
  for (let i = 0; i < grid.length; i++) {
    if (blocks.length === 0 && i >= HEADER_SCAN_ROWS) break;
    const row = grid[i];
    if (!row) continue;
    const match = detectHeader(row);
    if (!match) continue;
    const prev = blocks[blocks.length - 1];
    if (prev) prev.end = titlesStart(grid, prev, i);
    blocks.push({ headerIndex: i, end: grid.length, match });
  }
  return blocks;
}

/**
 * Where the title rows of a report pasted below another begin ("Penghasilan Saya", "Periode …" above the
 * income report's header): the rows between a blank row after the previous block's last order line and
 * the new header, when none of them looks like an order line of the previous block. They are skipped like
 * the titles above the first header. Rows glued to the previous block's lines stay its rows (and are
 * reported if unreadable): without the blank row they may be lines.
 */
function titlesStart(grid: Grid, prev: ExportBlock, headerIndex: number): number {
  let i = headerIndex;
  while (i - 1 > prev.headerIndex && headerIndex - (i - 1) <= HEADER_SCAN_ROWS) {
    const row = grid[i - 1];
    if (row && !rowIsBlank(row) && looksLikeLine(row, prev.match)) break;
    i--;
  }
  const row = grid[i];
  return i < headerIndex && (!row || rowIsBlank(row)) ? i : headerIndex;
}

/** A row with values in at least two of a format's required columns besides the order number. */
function looksLikeLine(row: readonly CellValue[], match: HeaderMatch): boolean {
  let filled = 0;
  for (const f of match.format.required) {
    if (f === 'order_sn') continue;
    const j = match.columns[f];
    const v = j === undefined ? undefined : row[j];
    if (v !== undefined && !isBlank(v) && ++filled >= 2) return true;
  }
  return false;
}

function rowIsBlank(row: readonly CellValue[]): boolean {
  for (const c of row) if (!isBlank(c)) return false;
  return true;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Lazada: one row per item, each with its own status. */
interface Unit {
  status: string;
  price: number;
  item: OrderItem | null;
}

/** Per-order state while reading; started again when the order shows up in a later block. */
interface OrderAcc {
  block: number;
  format: ExportFormat;
  order: Order | null;
  items: OrderItem[];
  /** Lazada: the items by item id (a row pasted twice is one item), or by row when there is no id. */
  units: Map<string, Unit> | null;
  /** The block's total is made from its lines (Tokopedia without a total column): Σ price × quantity. */
  lineTotal: boolean;
  sum: number;
  goodRows: number;
  firstGoodRow: number;
  badRows: number[];
  snColumn: string;
  /** The order as an earlier block had it (stacked exports), kept when this block's is at an earlier
   *  stage (the status order, as between imports). */
  earlier: Finished | null;
}

interface Finished {
  order: Order;
  items: OrderItem[];
}

/** The later-stage one of two versions of an order (status.ts statusReplaces; b on a tie or unknown). */
function later(a: Finished | null, b: Finished | null): Finished | null {
  if (!a || !b) return a ?? b;
  return statusReplaces(a.order, b.order) ? b : a;
}

export interface ParseOptions {
  /** The 1-based row the seller sees for grid index i (default i + 1): a caller that parses a big file in
   *  pieces passes each piece as its header row and a run of data rows, and says where they are. */
  rowNumber?: (index: number) => number;
  /** false: order lines are checked (quantity, price) as always, but none is kept in `items` (a caller
   *  that needs orders only, as RFM does, saves a million objects). Default true. */
  lines?: boolean;
}

const NEXT_ROW = (index: number) => index + 1;

/**
 * Parses a sheet holding one or more marketplace exports (or income reports). `timeZone` is the
 * spreadsheet's: local date texts are read in it. Problems are sorted by row.
 */
export function parseExport(
  grid: Grid,
  sheetName: string,
  timeZone: string,
  lang: Lang = 'id',
  opts: ParseOptions = {},
): ParsedExport {
  const rowNumber = opts.rowNumber ?? NEXT_ROW;
  const tx = importText[lang];
  const problems: Problem[] = [];
  const blocks = findBlocks(grid);
  if (blocks.length === 0) {
    problems.push(noExportProblem(grid, sheetName, lang, rowNumber));
    return { source: 'unknown', orders: [], items: [], payments: [], problems };
  }

  const accs = new Map<string, OrderAcc>();
  const payments = new Map<string, OrderPayment>();

  blocks.forEach((block, b) => {
    const { format, columns: cols, missing } = block.match;
    const header = grid[block.headerIndex];
    const headerRow = rowNumber(block.headerIndex);
    if (missing.length > 0) {
      for (const f of missing) {
        const column = expectedHeader(format, f);
        problems.push({
          sheet: sheetName,
          row: headerRow,
          column,
          code: 'missing-column',
          reason: tx.missingColumn(column, format.label),
          severity: 'error',
        });
      }
      return;
    }
    const columnName = (f: Field) => {
      const j = cols[f];
      return j === undefined ? expectedHeader(format, f) : cellText(header[j]).trim();
    };
    const ctx: BlockContext = {
      format,
      cols,
      columnName,
      sheetName,
      timeZone,
      lang,
      problems,
      rowNumber,
      keepLines: opts.lines !== false,
    };
    // The SPEC's locale rule: amounts that look implausibly small for Rupiah mean the spreadsheet's locale
    // read "150.000" as 150. Import nothing of such a block rather than wrong money figures.
    const moneyField: Field =
      format.kind === 'payments' ? 'total_income' : derivedTotal(format, cols) ? 'price' : 'total_price';
    if (implausiblySmallAmounts(blockAmounts(grid, block, cols[moneyField]))) {
      problems.push({
        sheet: sheetName,
        row: headerRow,
        column: columnName(moneyField),
        code: 'locale',
        reason: tx.localeWarning(sheetName),
        severity: 'error',
      });
      return;
    }
    if (format.kind === 'payments') readPaymentRows(grid, block, ctx, payments);
    else readLineRows(grid, block, b, ctx, accs);
  });

  const orders: Order[] = [];
  const items: OrderItem[] = [];
  for (const [orderSn, acc] of accs) {
    if (acc.badRows.length > 0) {
      if (acc.goodRows > 0) {
        problems.push({
          sheet: sheetName,
          row: acc.firstGoodRow,
          column: acc.snColumn,
          code: 'order-withheld',
          reason: tx.orderWithheld(orderSn, acc.badRows.join(', ')),
          severity: 'error',
        });
      }
      continue;
    }
    const kept = later(acc.earlier, finish(acc, sheetName, lang, problems));
    if (!kept) continue;
    orders.push(kept.order);
    for (const it of kept.items) items.push(it);
  }
  problems.sort((a, b) => a.row - b.row); // stable: same-row problems keep their order
  const sources = [...new Set(blocks.map((bl) => bl.match.format.source))];
  return { source: sources.join('+'), orders, items, payments: [...payments.values()], problems };
}

interface BlockContext {
  format: ExportFormat;
  cols: ColumnMap;
  columnName: (f: Field) => string;
  sheetName: string;
  timeZone: string;
  lang: Lang;
  problems: Problem[];
  rowNumber: (index: number) => number;
  keepLines: boolean;
}

/** Data rows of a block: blank rows skipped, and a description row right under the header. */
function* dataRows(grid: Grid, block: ExportBlock, snCol: number): Generator<number> {
  let first = true;
  for (let i = block.headerIndex + 1; i < block.end; i++) {
    const row = grid[i];
    if (!row || rowIsBlank(row)) continue;
    if (first) {
      first = false;
      if (isDescription(row[snCol])) continue;
    }
    yield i;
  }
}

/** The readable amounts of a block's money column, for the locale check (one cheap pass). */
function blockAmounts(grid: Grid, block: ExportBlock, col: number | undefined): number[] {
  const amounts: number[] = [];
  if (col === undefined) return amounts;
  for (let i = block.headerIndex + 1; i < block.end; i++) {
    const v = grid[i]?.[col];
    if (v === undefined || isBlank(v)) continue;
    const m = parseMoney(v);
    if (m.ok) amounts.push(m.value);
  }
  return amounts;
}

/** Whether a block's order total is made from its lines rather than read from a column: Lazada (the sum of
 *  its items' price), or a format whose total column is optional and absent (Tokopedia). */
function derivedTotal(format: ExportFormat, cols: ColumnMap): boolean {
  return format.unitRows === true || (format.lineTotals === true && cols.total_price === undefined);
}

/** Order-level fields: the same on every line of an order (Tokopedia leaves them blank after its first). */
const ORDER_LEVEL: readonly Field[] = [
  'order_sn',
  'status',
  'return_status',
  'buyer_username',
  'address_full',
  'district',
  'city',
  'province',
  'created_at',
  'total_price',
];
/** Appended to the address, in this order, when the export has them in their own columns. */
const ADDRESS_PARTS: readonly Field[] = ['district', 'city', 'province'];

/** Reads an order-export block into `accs`. */
function readLineRows(
  grid: Grid,
  block: ExportBlock,
  b: number,
  ctx: BlockContext,
  accs: Map<string, OrderAcc>,
) {
  const { format, cols, columnName, sheetName, timeZone, lang, problems, rowNumber, keepLines } = ctx;
  const tx = importText[lang];
  const snCol = cols.order_sn!;
  const cell = (row: CellValue[], f: Field): CellValue => {
    const j = cols[f];
    return j === undefined ? '' : (row[j] ?? '');
  };
  const text = (row: CellValue[], f: Field) => cellText(cell(row, f));
  const hasItems = cols.product_name !== undefined;
  const units = format.unitRows === true;
  const lineTotal = !units && derivedTotal(format, cols);
  const orderLevel = ORDER_LEVEL.filter((f) => cols[f] !== undefined);
  const addressParts = ADDRESS_PARTS.filter((f) => cols[f] !== undefined);
  // Per-row state lives outside the loop (no closures per row: a million lines is the design size).
  let rowNo = 0;
  const errors: Problem[] = [];
  const err = (f: Field, reason: string) =>
    errors.push({
      sheet: sheetName,
      row: rowNo,
      column: columnName(f),
      code: 'bad-value',
      reason,
      severity: 'error',
    });
  // Order fields repeat on every line of an order: reuse the last parse when the cell is the same.
  const created = rememberLast((v: CellValue) => parseDateValue(v, timeZone, lang));
  const money = rememberLast((v: CellValue) => parseMoney(v, lang));
  // Line cells: a shop's catalogue has few distinct prices and quantities.
  const readPrice = remembered((v: CellValue) => parseMoney(v, lang));
  const readQuantity = remembered((v: CellValue) => parseQuantity(v, lang));
  /** fillDown: the first line of the order being read. */
  let first: CellValue[] | null = null;

  for (const i of dataRows(grid, block, snCol)) {
    let row = grid[i];
    rowNo = rowNumber(i);
    errors.length = 0;
    if (format.fillDown) {
      const own = cell(row, 'order_sn');
      if (first && (isBlank(own) || cellText(own).trim() === cellText(cell(first, 'order_sn')).trim())) {
        row = fromFirstLine(row, first, orderLevel, cols, (f) =>
          problems.push(
            conflict(
              sheetName,
              rowNo,
              columnName(f),
              tx.firstLineWins(text(first!, 'order_sn').trim(), columnName(f)),
            ),
          ),
        );
      } else first = row;
    }

    const sn = readOrderSn(cell(row, 'order_sn'), lang);
    if (!sn.ok) err('order_sn', sn.reason);
    const username = readUsername(cell(row, 'buyer_username'), lang);
    if (!username.ok) err('buyer_username', username.reason);
    const buyerUsername = username.ok ? username.value : '';
    let addressFull = text(row, 'address_full');
    if (addressParts.length > 0) {
      addressFull = [addressFull, ...addressParts.map((f) => text(row, f))]
        .map((s) => s.trim())
        .filter((s) => s !== '')
        .join(', ');
      // Joined from several cells, it may no longer fit in the one cell the store keeps it in.
      if (addressFull.length > MAX_CELL_CHARS) {
        err('address_full', tx.textTooLong(addressFull.length, MAX_CELL_CHARS));
      }
    }
    const createdAt = created(cell(row, 'created_at'));
    if (!createdAt.ok) err('created_at', createdAt.reason);
    let total = 0;
    if (!units && !lineTotal) {
      const t = money(cell(row, 'total_price'));
      if (!t.ok) err('total_price', t.reason);
      else if (t.value < 0) err('total_price', tx.negative(text(row, 'total_price')));
      else total = t.value;
    }
    const status = text(row, 'status').trim();
    const returnStatus = text(row, 'return_status').trim();

    let item: OrderItem | null = null;
    let linePrice = 0;
    let quantity = 1;
    if (hasItems) {
      if (!units) {
        const q = readQuantity(cell(row, 'quantity'));
        if (q.ok) quantity = q.value;
        else err('quantity', q.reason);
      }
      let price: number | null = null;
      if (cols.price !== undefined) {
        const p = readPrice(cell(row, 'price'));
        if (p.ok && p.value < 0) err('price', tx.negative(text(row, 'price')));
        else if (p.ok) price = p.value;
        // A total made from the prices cannot do without one.
        else if (!p.empty || units || lineTotal) err('price', p.reason);
      }
      linePrice = price ?? 0;
      if (keepLines) {
        let variantSku = text(row, 'variant_sku');
        if (variantSku.trim() === '' && cols.variant_sku_fallback !== undefined) {
          variantSku = text(row, 'variant_sku_fallback');
        }
        item = {
          orderSn: sn.ok ? sn.value : '',
          productName: text(row, 'product_name'),
          variantName: text(row, 'variant_name'),
          variantSku,
          quantity,
          price,
        };
      }
    }

    if (!sn.ok) {
      for (const e of errors) problems.push(e);
      continue;
    }
    let acc = accs.get(sn.value);
    if (!acc) {
      acc = newAcc(b, format, lineTotal, columnName('order_sn'));
      accs.set(sn.value, acc);
    } else if (acc.block !== b) {
      // A later block (an overlapping export pasted below) starts the order again; the earlier block's
      // version is kept aside, and wins if this one turns out older.
      const earlier =
        acc.badRows.length > 0 ? acc.earlier : later(acc.earlier, finish(acc, sheetName, lang, problems));
      Object.assign(acc, newAcc(b, format, lineTotal, columnName('order_sn')), { earlier });
    }
    if (errors.length > 0) {
      for (const e of errors) problems.push(e);
      acc.badRows.push(rowNo);
      continue;
    }

    const createdAtMs = createdAt.ok ? createdAt.value : 0; // ok whenever errors is empty
    const prev = acc.order;
    if (prev) {
      const c = (f: Field, what: string) =>
        conflict(sheetName, rowNo, columnName(f), tx.conflict(sn.value, what));
      if (prev.buyerUsername !== buyerUsername) problems.push(c('buyer_username', tx.fields.buyer_username));
      if (prev.addressFull !== addressFull) problems.push(c('address_full', tx.fields.address_full));
      if (prev.createdAt !== createdAtMs) problems.push(c('created_at', tx.fields.created_at));
      if (!units && !lineTotal && prev.totalPrice !== total)
        problems.push(c('total_price', tx.fields.total_price));
    }
    acc.order = {
      orderSn: sn.value,
      buyerUsername,
      addressFull,
      totalPrice: total,
      createdAt: createdAtMs,
      status,
      returnStatus,
    };
    if (acc.goodRows++ === 0) acc.firstGoodRow = rowNo;
    if (units && hasItems) {
      const id = cols.item_id === undefined ? '' : text(row, 'item_id').trim();
      addUnit(acc.units!, id === '' ? `\u0000${rowNo}` : id, { status, price: linePrice, item }, () =>
        problems.push(conflict(sheetName, rowNo, columnName('item_id'), tx.duplicateItem(id))),
      );
    } else if (item) acc.items.push(item);
    if (lineTotal) acc.sum += linePrice * quantity;
  }
}

/** A continuation line with its order-level cells taken from the order's first line: blank ones silently,
 *  differing ones with `differs` told (the first line's value is used). */
function fromFirstLine(
  row: CellValue[],
  first: readonly CellValue[],
  fields: readonly Field[],
  cols: ColumnMap,
  differs: (f: Field) => void,
): CellValue[] {
  const out = row.slice();
  for (const f of fields) {
    const j = cols[f]!;
    const v = row[j] ?? '';
    if (!isBlank(v) && cellText(v).trim() !== cellText(first[j] ?? '').trim()) differs(f);
    out[j] = first[j] ?? '';
  }
  return out;
}

/** Lazada: an item id counted once, however often its row is pasted. A repeat with another status or price
 *  keeps the later-stage one (with a warning); an identical repeat is silent. */
function addUnit(units: Map<string, Unit>, key: string, u: Unit, differs: () => void): void {
  const had = units.get(key);
  if (!had) {
    units.set(key, u);
    return;
  }
  if (had.status === u.status && had.price === u.price) return;
  differs();
  if (statusReplaces({ status: had.status, returnStatus: '' }, { status: u.status, returnStatus: '' })) {
    units.set(key, u);
  }
}

/**
 * An order's final record from its rows. Lazada: the order counts exactly its counted items, whatever the
 * row order — its total is their price, its lines are them, its status the latest of theirs — and items
 * of mixed counting get a warning. A total made from lines (Tokopedia) is their Σ price × quantity.
 */
function finish(acc: OrderAcc, sheetName: string, lang: Lang, problems: Problem[]): Finished | null {
  const order = acc.order;
  if (!order) return null;
  if (acc.units) {
    const all = [...acc.units.values()];
    const counted = all.filter((u) => isCounted(u.status));
    const chosen = counted.length > 0 ? counted : all;
    if (counted.length > 0 && counted.length < all.length) {
      const byStatus = new Map<string, number>();
      for (const u of all) byStatus.set(u.status, (byStatus.get(u.status) ?? 0) + 1);
      const statuses = [...byStatus].map(([st, n]) => `${n} ${st === '' ? '–' : st}`).join(', ');
      problems.push(
        conflict(
          sheetName,
          acc.firstGoodRow,
          acc.snColumn,
          importText[lang].itemStatusConflict(order.orderSn, statuses, counted.length, all.length),
        ),
      );
    }
    let status = chosen[0].status;
    let total = 0;
    const items: OrderItem[] = [];
    for (const u of chosen) {
      if (latestStatus(u.status, status)) status = u.status;
      total += u.price;
      if (u.item) items.push(u.item);
    }
    return { order: { ...order, totalPrice: round2(total), status }, items };
  }
  if (acc.lineTotal) {
    return { order: { ...order, totalPrice: round2(acc.sum) }, items: acc.items };
  }
  return { order, items: acc.items };
}

/** Whether status `a` is later than `b` for choosing one status for an order of several items: the later
 *  stage, then (equal or unknown stages) the greater text, so the row order never decides. */
function latestStatus(a: string, b: string): boolean {
  const ra = stageRank(a);
  const rb = stageRank(b);
  return ra !== rb ? ra > rb : a > b;
}

function conflict(sheet: string, row: number, column: string, reason: string): Problem {
  return { sheet, row, column, code: 'conflict', reason, severity: 'warning' };
}

function newAcc(block: number, format: ExportFormat, lineTotal: boolean, snColumn: string): OrderAcc {
  return {
    block,
    format,
    order: null,
    items: [],
    units: format.unitRows ? new Map() : null,
    lineTotal,
    sum: 0,
    goodRows: 0,
    firstGoodRow: 0,
    badRows: [],
    snColumn,
    earlier: null,
  };
}

/** Reads an income-report block into `payments` (by order number, the later row wins). */
function readPaymentRows(
  grid: Grid,
  block: ExportBlock,
  ctx: BlockContext,
  payments: Map<string, OrderPayment>,
) {
  const { cols, columnName, sheetName, lang, problems, rowNumber } = ctx;
  for (const i of dataRows(grid, block, cols.order_sn!)) {
    const row = grid[i];
    const rowNo = rowNumber(i);
    let bad = false;
    const read = <T>(f: Field, r: ValueResult<T>): T | undefined => {
      if (r.ok) return r.value;
      bad = true;
      problems.push({
        sheet: sheetName,
        row: rowNo,
        column: columnName(f),
        code: 'bad-value',
        reason: r.reason,
        severity: 'error',
      });
      return undefined;
    };
    const at = (f: Field) => row[cols[f]!] ?? '';
    const orderSn = read('order_sn', readOrderSn(at('order_sn'), lang));
    const totalIncome = read('total_income', parseMoney(at('total_income'), lang));
    const adminFee = read('admin_fee', parseMoney(at('admin_fee'), lang));
    const serviceFee = read('service_fee', parseMoney(at('service_fee'), lang));
    if (bad) continue;
    // Fees keep the sign the report gives them (Shopee shows them as negative amounts).
    payments.set(orderSn!, {
      orderSn: orderSn!,
      totalIncome: totalIncome!,
      adminFee: adminFee!,
      serviceFee: serviceFee!,
    });
  }
}
