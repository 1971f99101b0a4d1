// Reading the store sheets back. Header in row 1; canonical snake_case headers or any marketplace alias for
// the same field, in any order; extra columns ignored. A wholly blank sheet is an empty store.
// A row with an unreadable value is reported and left out of the records. Callers that REWRITE a sheet
// from the records (the import) must not do so while error problems exist, or those rows would be lost.
import { readOrderSn, readUsername } from '../exports';
import { type AliasTable, matchColumns, storeAliases } from '../headers';
import { addressIdentifier } from '../identity';
import { importText } from '../text/import';
import type {
  BuyerProfile,
  CellValue,
  Grid,
  Lang,
  Order,
  OrderItem,
  OrderPayment,
  ParsedTable,
  Problem,
} from '../types';
import { cellText, isBlank, parseDateValue, parseMoney, parseQuantity, type ValueResult } from '../values';
import type { ProfileRow } from './schema';

interface RowContext<F extends string> {
  /** The cell of field `f` ('' when the sheet has no such column). */
  cell(f: F): CellValue;
  has(f: F): boolean;
  /** Unwraps a result, recording an error problem for field `f` when it failed. */
  value<T>(f: F, r: ValueResult<T>): T | undefined;
  error(f: F, reason: string): void;
  warn(f: F, reason: string): void;
  rowNo: number;
}

interface SheetSpec<F extends string> {
  table: AliasTable<F>;
  fields: readonly F[];
  required: readonly F[];
}

function spec<F extends string>(fields: readonly F[], required: readonly F[]): SheetSpec<F> {
  return { table: storeAliases(fields), fields, required };
}

/** Reads rows 2.. of a store sheet; `parse` returns null (after reporting) for a row it cannot use. */
function readSheet<F extends string, T>(
  grid: Grid,
  sheetName: string,
  s: SheetSpec<F>,
  lang: Lang,
  parse: (r: RowContext<F>) => T | null,
  checkColumns?: (
    cols: Partial<Record<F, number>>,
    problem: (column: string, reason: string, severity: Problem['severity']) => void,
  ) => void,
): ParsedTable<T> {
  const tx = importText[lang];
  const records: T[] = [];
  const problems: Problem[] = [];
  if (grid.every((row) => row.every(isBlank))) return { records, problems };
  const header = grid[0] ?? [];
  const cols = matchColumns(header, s.table);
  const problem = (column: string, reason: string, severity: Problem['severity'] = 'error') =>
    problems.push({ sheet: sheetName, row: 1, column, reason, severity });
  for (const f of s.required) if (cols[f] === undefined) problem(f, tx.missingColumn(f, 'Kenali'));
  checkColumns?.(cols, problem);
  if (problems.some((p) => p.severity === 'error')) return { records, problems };

  const columnName = (f: F) => {
    const j = cols[f];
    return j === undefined ? f : cellText(header[j]).trim();
  };
  for (let i = 1; i < grid.length; i++) {
    const row = grid[i];
    if (!row || row.every(isBlank)) continue;
    let bad = false;
    const rowNo = i + 1;
    const push = (f: F, reason: string, severity: Problem['severity']) =>
      problems.push({ sheet: sheetName, row: rowNo, column: columnName(f), reason, severity });
    const ctx: RowContext<F> = {
      rowNo,
      has: (f) => cols[f] !== undefined,
      cell: (f) => {
        const j = cols[f];
        return j === undefined ? '' : (row[j] ?? '');
      },
      value: (f, r) => {
        if (r.ok) return r.value;
        bad = true;
        push(f, r.reason, 'error');
        return undefined;
      },
      error: (f, reason) => {
        bad = true;
        push(f, reason, 'error');
      },
      warn: (f, reason) => push(f, reason, 'warning'),
    };
    const rec = parse(ctx);
    if (!bad && rec !== null) records.push(rec);
  }
  return { records, problems };
}

const ORDERS = spec(
  [
    'order_sn',
    'buyer_username',
    'address_full',
    'total_price',
    'created_at',
    'status',
    'return_status',
  ] as const,
  ['order_sn', 'buyer_username', 'address_full', 'total_price', 'created_at', 'status'] as const,
);

/** The Orders sheet. A repeated order number is reported as a warning; both rows are returned. */
export function readOrders(
  grid: Grid,
  sheetName: string,
  timeZone: string,
  lang: Lang = 'id',
): ParsedTable<Order> {
  const tx = importText[lang];
  const firstRow = new Map<string, number>();
  return readSheet(grid, sheetName, ORDERS, lang, (r) => {
    const orderSn = r.value('order_sn', readOrderSn(r.cell('order_sn'), lang));
    const buyerUsername = r.value('buyer_username', readUsername(r.cell('buyer_username'), lang)) ?? '';
    const totalPrice = r.value('total_price', parseMoney(r.cell('total_price'), lang));
    const createdAt = r.value('created_at', parseDateValue(r.cell('created_at'), timeZone, lang));
    if (
      orderSn === undefined ||
      totalPrice === undefined ||
      createdAt === undefined ||
      buyerUsername === ''
    ) {
      return null;
    }
    const seen = firstRow.get(orderSn);
    if (seen !== undefined) r.warn('order_sn', tx.duplicateInStore(orderSn, seen));
    else firstRow.set(orderSn, r.rowNo);
    return {
      orderSn,
      buyerUsername,
      addressFull: cellText(r.cell('address_full')),
      totalPrice,
      createdAt,
      status: cellText(r.cell('status')).trim(),
      // Optional: a store written before the column existed has none.
      returnStatus: cellText(r.cell('return_status')).trim(),
    };
  });
}

const ITEMS = spec(
  ['order_sn', 'product_name', 'variant_name', 'variant_sku', 'quantity', 'price'] as const,
  ['order_sn', 'product_name', 'quantity'] as const,
);

/** The OrderItems sheet; variant and price columns are optional, a blank price is null (unknown). */
export function readItems(
  grid: Grid,
  sheetName: string,
  timeZone: string,
  lang: Lang = 'id',
): ParsedTable<OrderItem> {
  void timeZone; // same signature as the other readers: items hold no dates
  return readSheet(grid, sheetName, ITEMS, lang, (r) => {
    const orderSn = r.value('order_sn', readOrderSn(r.cell('order_sn'), lang));
    const quantity = r.value('quantity', parseQuantity(r.cell('quantity'), lang));
    const p = parseMoney(r.cell('price'), lang);
    const price: number | null | undefined = p.ok ? p.value : p.empty ? null : r.value<number>('price', p);
    if (orderSn === undefined || quantity === undefined || price === undefined) return null;
    return {
      orderSn,
      productName: cellText(r.cell('product_name')),
      variantName: cellText(r.cell('variant_name')),
      variantSku: cellText(r.cell('variant_sku')),
      quantity,
      price,
    };
  });
}

const PAYMENTS = spec(
  ['order_sn', 'total_income', 'admin_fee', 'service_fee'] as const,
  ['order_sn', 'total_income', 'admin_fee', 'service_fee'] as const,
);

export function readPayments(
  grid: Grid,
  sheetName: string,
  timeZone: string,
  lang: Lang = 'id',
): ParsedTable<OrderPayment> {
  void timeZone;
  return readSheet(grid, sheetName, PAYMENTS, lang, (r) => {
    const orderSn = r.value('order_sn', readOrderSn(r.cell('order_sn'), lang));
    const totalIncome = r.value('total_income', parseMoney(r.cell('total_income'), lang));
    const adminFee = r.value('admin_fee', parseMoney(r.cell('admin_fee'), lang));
    const serviceFee = r.value('service_fee', parseMoney(r.cell('service_fee'), lang));
    if (
      orderSn === undefined ||
      totalIncome === undefined ||
      adminFee === undefined ||
      serviceFee === undefined
    ) {
      return null;
    }
    return { orderSn, totalIncome, adminFee, serviceFee };
  });
}

const PROFILES = spec(
  ['buyer_username', 'address_identifier', 'buyer_real_name', 'updated_at', 'address_full'] as const,
  ['buyer_username', 'buyer_real_name'] as const,
);
const SHA1_HEX = /^[0-9a-f]{40}$/i;

/**
 * The BuyerProfile sheet, with each profile's sheet row. These rows are typed by the seller and never lost:
 * a blank address_identifier is computed from address_full (a hand-added row), a blank updated_at is kept
 * as 0 with a warning; only a row that cannot be linked to any buyer is an error.
 */
export function readProfiles(
  grid: Grid,
  sheetName: string,
  timeZone: string,
  lang: Lang = 'id',
): ParsedTable<ProfileRow> {
  const tx = importText[lang];
  const firstRow = new Map<string, number>();
  return readSheet(
    grid,
    sheetName,
    PROFILES,
    lang,
    (r): ProfileRow | null => {
      const buyerUsername = cellText(r.cell('buyer_username')).trim();
      if (buyerUsername === '') r.error('buyer_username', tx.usernameEmpty);
      const addressFull = cellText(r.cell('address_full'));
      const rawId = cellText(r.cell('address_identifier')).trim();
      let id: string | undefined;
      if (rawId !== '') {
        if (SHA1_HEX.test(rawId)) id = rawId.toLowerCase();
        else r.error('address_identifier', tx.addressIdInvalid(rawId));
      } else if (addressFull.trim() !== '') id = addressIdentifier(addressFull);
      else r.error('address_identifier', tx.profileKeyMissing);
      let updatedAt = 0;
      if (r.has('updated_at')) {
        const u = parseDateValue(r.cell('updated_at'), timeZone, lang);
        if (u.ok) updatedAt = u.value;
        else if (u.empty) r.warn('updated_at', tx.updatedAtMissing);
        else if (r.value('updated_at', u) === undefined) return null;
      }
      if (id === undefined || buyerUsername === '') return null;
      const key = `${buyerUsername}|${id}`;
      const seen = firstRow.get(key);
      if (seen !== undefined) r.warn('buyer_username', tx.duplicateProfile(seen));
      else firstRow.set(key, r.rowNo);
      const profile: BuyerProfile = {
        buyerUsername,
        addressIdentifier: id,
        buyerRealName: cellText(r.cell('buyer_real_name')),
        updatedAt,
        addressFull,
      };
      return { ...profile, row: r.rowNo };
    },
    (cols, problem) => {
      if (cols.address_identifier === undefined && cols.address_full === undefined) {
        problem('address_identifier', tx.missingColumn('address_identifier', 'Kenali'), 'error');
      }
      if (cols.updated_at === undefined) problem('updated_at', tx.updatedAtMissing, 'warning');
    },
  );
}
