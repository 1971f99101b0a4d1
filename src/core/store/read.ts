// Reading the store sheets back, by their declarations (schema.ts): header in row 1; canonical headers or
// any marketplace alias, in any order; columns the seller added are ignored. A wholly blank sheet is an
// empty store. A row with an unreadable value is reported and left out of the records.
// `readStoreRows` reads any run of data rows (a tail of the sheet, one row before a write): the same rules.
import { buyerKey } from '../identity';
import { profileAddressId } from '../profiles';
import { type RowReader, readRows, resolveLayout, type SheetDecl } from '../table';
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
import { isBlank } from '../values';
import {
  HISTORY_SHEET,
  ITEMS_SHEET,
  ORDERS_SHEET,
  PAYMENTS_SHEET,
  PROFILES_SHEET,
  type ProfileRow,
  type StatusChange,
} from './schema';

export interface StoreRows<T> extends ParsedTable<T> {
  /** The sheet row (1-based) of each record. */
  rows: number[];
}

export interface RowsInput {
  sheetName: string;
  header: readonly CellValue[];
  rows: readonly (readonly CellValue[])[];
  /** The sheet row of rows[0]. */
  firstRow: number;
  timeZone: string;
  lang: Lang;
}

type Builder<T> = (fields: Record<string, unknown>, r: RowReader) => T | null;

function reader<T>(decl: SheetDecl, build?: (input: RowsInput) => Builder<T>) {
  return (input: RowsInput): StoreRows<T> =>
    readRows<T>(decl, {
      sheetName: input.sheetName,
      header: input.header,
      rows: input.rows,
      firstRow: input.firstRow,
      ctx: { timeZone: input.timeZone, lang: input.lang },
      build: build?.(input),
    });
}

/** Orders: a repeated order number is a warning (both rows are returned). */
export const readOrderRows = reader<Order>(ORDERS_SHEET, (input) => {
  const tx = importText[input.lang];
  const firstRow = new Map<string, number>();
  return (f, r) => {
    const o = f as unknown as Order;
    const seen = firstRow.get(o.orderSn);
    if (seen !== undefined) r.warn('order_sn', tx.duplicateInStore(o.orderSn, seen), 'duplicate');
    else firstRow.set(o.orderSn, r.rowNo);
    return o;
  };
});

/** Order lines; variant and price columns are optional, a blank price is null (unknown). */
export const readItemRows = reader<OrderItem>(ITEMS_SHEET);
export const readPaymentRows = reader<OrderPayment>(PAYMENTS_SHEET);
export const readHistoryRows = reader<StatusChange>(HISTORY_SHEET);

/**
 * BuyerProfile rows. These are typed by the seller and never lost: a blank address_identifier is computed
 * from address_full (a hand-added row: profiles.ts profileAddressId), a blank updated_at is kept as 0 with
 * a warning; only a row that cannot be linked to any buyer is an error.
 */
export function readProfileRows(input: RowsInput): StoreRows<ProfileRow> {
  const tx = importText[input.lang];
  const firstRow = new Map<string, number>();
  const layout = resolveLayout(PROFILES_SHEET, input.header);
  if (layout.missing.length === 0 && !layout.at.has('address_identifier') && !layout.at.has('address_full')) {
    const problem: Problem = {
      sheet: input.sheetName,
      row: 1,
      column: 'address_identifier',
      code: 'missing-column',
      reason: tx.missingColumn('address_identifier', 'Kenali'),
      severity: 'error',
    };
    return { records: [], rows: [], problems: [problem] };
  }
  const out = reader<ProfileRow>(PROFILES_SHEET, () => (f, r) => {
    const buyerUsername = String(f.buyerUsername);
    if (buyerUsername === '') {
      r.error('buyer_username', tx.usernameEmpty);
      return null;
    }
    const addressFull = String(f.addressFull ?? '');
    const rawId = String(f.addressIdentifier ?? '');
    const address = profileAddressId(rawId, addressFull);
    const id = 'id' in address ? address.id : undefined;
    if ('error' in address)
      r.error(
        'address_identifier',
        address.error === 'invalid' ? tx.addressIdInvalid(rawId) : tx.profileKeyMissing,
      );
    let updatedAt = f.updatedAt as number | null;
    if (updatedAt === null) {
      if (r.has('updated_at')) r.warn('updated_at', tx.updatedAtMissing, 'updated-at-missing');
      updatedAt = 0;
    }
    if (id === undefined) return null;
    const key = buyerKey(buyerUsername, id);
    const seen = firstRow.get(key);
    if (seen !== undefined) r.warn('buyer_username', tx.duplicateProfile(seen), 'duplicate');
    else firstRow.set(key, r.rowNo);
    const profile: BuyerProfile = {
      buyerUsername,
      addressIdentifier: id,
      buyerRealName: String(f.buyerRealName ?? ''),
      updatedAt,
      addressFull,
    };
    return { ...profile, row: r.rowNo };
  })(input);
  if (layout.missing.length > 0 || layout.at.has('updated_at')) return out;
  const warning: Problem = {
    sheet: input.sheetName,
    row: 1,
    column: 'updated_at',
    code: 'updated-at-missing',
    reason: tx.updatedAtMissing,
    severity: 'warning',
  };
  return { ...out, problems: [warning, ...out.problems] };
}

/** A whole sheet's values (header in row 1) as RowsInput; null for a wholly blank sheet. */
function whole(grid: Grid, sheetName: string, timeZone: string, lang: Lang): RowsInput | null {
  if (grid.every((row) => row.every(isBlank))) return null;
  return { sheetName, header: grid[0] ?? [], rows: grid.slice(1), firstRow: 2, timeZone, lang };
}

const wholeSheet =
  <T>(read: (i: RowsInput) => StoreRows<T>) =>
  (grid: Grid, sheetName: string, timeZone: string, lang: Lang = 'id'): ParsedTable<T> => {
    const input = whole(grid, sheetName, timeZone, lang);
    if (!input) return { records: [], problems: [] };
    const { records, problems } = read(input);
    return { records, problems };
  };

/** The Orders sheet. A repeated order number is reported as a warning; both rows are returned. */
export const readOrders = wholeSheet(readOrderRows);
/** The OrderItems sheet; variant and price columns are optional, a blank price is null (unknown). */
export const readItems = wholeSheet(readItemRows);
export const readPayments = wholeSheet(readPaymentRows);
export const readHistory = wholeSheet(readHistoryRows);
/** The BuyerProfile sheet, with each profile's sheet row. */
export const readProfiles = wholeSheet(readProfileRows);
