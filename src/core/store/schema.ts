// The store sheets, each declared once (core/table.ts): canonical snake_case headers (Kenali writes them in
// this order into a sheet it creates), kinds (number formats), the record field each column holds, and the
// marketplace headers readers also accept. Adding a column is one line here: readers, writers, formats,
// the merge's change check and the read model follow.
import { EXPORT_FORMATS, type Field } from '../headers';
import {
  type Column,
  headersOf,
  INSTANT,
  INSTANT_OR_NULL,
  MONEY,
  MONEY_OR_NULL,
  ORDER_SN,
  QUANTITY,
  recordRow,
  type SheetDecl,
  TEXT,
  TRIMMED,
  USERNAME,
} from '../table';
import type { BuyerProfile, CellValue, EpochMs, Order, OrderItem, OrderPayment } from '../types';

/** Every marketplace header for a field (a seller may keep "No. Pesanan" as the Orders header). */
function market(field: Field): string[] {
  const out: string[] = [];
  const add = (a: string) => {
    if (!out.includes(a)) out.push(a);
  };
  for (const f of EXPORT_FORMATS) for (const a of f.columns[field] ?? []) add(a);
  if (field === 'variant_sku')
    for (const f of EXPORT_FORMATS) for (const a of f.columns.variant_sku_fallback ?? []) add(a);
  return out.filter((a) => a !== field);
}

const col = (c: Column): Column => c;

/** The key of Orders, OrderItems and OrderPayments: the marketplace's order number. */
const ORDER_SN_COLUMN = col({
  header: 'order_sn',
  kind: 'text',
  required: true,
  field: 'orderSn',
  codec: ORDER_SN,
  aliases: market('order_sn'),
  width: 150,
});

export const ORDERS_SHEET: SheetDecl = {
  sheet: 'Orders',
  columns: [
    ORDER_SN_COLUMN,
    col({
      header: 'buyer_username',
      kind: 'text',
      required: true,
      field: 'buyerUsername',
      codec: USERNAME,
      aliases: market('buyer_username'),
      width: 130,
    }),
    col({
      header: 'address_full',
      kind: 'text',
      required: true,
      field: 'addressFull',
      codec: TEXT,
      aliases: market('address_full'),
      width: 260,
    }),
    col({
      header: 'total_price',
      kind: 'money',
      required: true,
      field: 'totalPrice',
      codec: MONEY,
      aliases: market('total_price'),
      width: 110,
    }),
    col({
      header: 'created_at',
      kind: 'datetime',
      required: true,
      field: 'createdAt',
      codec: INSTANT,
      aliases: market('created_at'),
      width: 130,
    }),
    col({
      header: 'status',
      kind: 'text',
      required: true,
      field: 'status',
      codec: TRIMMED,
      aliases: market('status'),
      width: 120,
    }),
    // The export's return/refund column (core/status.ts counts an order by both). Optional: a store
    // written before the column existed loads (blank), and its next write adds the header.
    col({
      header: 'return_status',
      kind: 'text',
      required: false,
      field: 'returnStatus',
      codec: TRIMMED,
      aliases: market('return_status'),
      width: 120,
    }),
  ],
};

export const ITEMS_SHEET: SheetDecl = {
  sheet: 'OrderItems',
  columns: [
    ORDER_SN_COLUMN,
    col({
      header: 'product_name',
      kind: 'text',
      required: true,
      field: 'productName',
      codec: TEXT,
      aliases: market('product_name'),
      width: 260,
    }),
    col({
      header: 'variant_name',
      kind: 'text',
      required: false,
      field: 'variantName',
      codec: TEXT,
      aliases: market('variant_name'),
      width: 130,
    }),
    col({
      header: 'variant_sku',
      kind: 'text',
      required: false,
      field: 'variantSku',
      codec: TEXT,
      aliases: market('variant_sku'),
      width: 130,
    }),
    col({
      header: 'quantity',
      kind: 'integer',
      required: true,
      field: 'quantity',
      codec: QUANTITY,
      aliases: market('quantity'),
    }),
    col({
      header: 'price',
      kind: 'money',
      required: false,
      field: 'price',
      codec: MONEY_OR_NULL,
      aliases: market('price'),
    }),
  ],
};

export const PAYMENTS_SHEET: SheetDecl = {
  sheet: 'OrderPayments',
  columns: [
    ORDER_SN_COLUMN,
    col({
      header: 'total_income',
      kind: 'money',
      required: true,
      field: 'totalIncome',
      codec: MONEY,
      aliases: market('total_income'),
      width: 120,
    }),
    col({
      header: 'admin_fee',
      kind: 'money',
      required: true,
      field: 'adminFee',
      codec: MONEY,
      aliases: market('admin_fee'),
    }),
    col({
      header: 'service_fee',
      kind: 'money',
      required: true,
      field: 'serviceFee',
      codec: MONEY,
      aliases: market('service_fee'),
    }),
  ],
};

/** BuyerProfile: typed by the seller. Its reader (read.ts) links a row by address_identifier or, for a
 *  hand-added row, by the hash of address_full; one of the two columns must exist. */
export const PROFILES_SHEET: SheetDecl = {
  sheet: 'BuyerProfile',
  columns: [
    col({
      header: 'buyer_username',
      kind: 'text',
      required: true,
      field: 'buyerUsername',
      codec: TRIMMED,
      aliases: market('buyer_username'),
      width: 130,
    }),
    col({
      header: 'address_identifier',
      kind: 'text',
      required: false,
      field: 'addressIdentifier',
      codec: TRIMMED,
      width: 120,
    }),
    col({
      header: 'buyer_real_name',
      kind: 'text',
      required: true,
      field: 'buyerRealName',
      codec: TEXT,
      width: 160,
    }),
    col({
      header: 'updated_at',
      kind: 'datetime',
      required: false,
      field: 'updatedAt',
      codec: INSTANT_OR_NULL,
      width: 130,
    }),
    col({
      header: 'address_full',
      kind: 'text',
      required: false,
      field: 'addressFull',
      codec: TEXT,
      aliases: market('address_full'),
      width: 260,
    }),
  ],
};

export const HISTORY_SHEET: SheetDecl = {
  sheet: 'OrderStatusHistory',
  columns: [
    col({ header: 'order_sn', kind: 'text', required: true, field: 'orderSn', codec: ORDER_SN, width: 150 }),
    col({
      header: 'old_status',
      kind: 'text',
      required: true,
      field: 'oldStatus',
      codec: TRIMMED,
      width: 120,
    }),
    col({
      header: 'new_status',
      kind: 'text',
      required: true,
      field: 'newStatus',
      codec: TRIMMED,
      width: 120,
    }),
    col({
      header: 'changed_at',
      kind: 'datetime',
      required: true,
      field: 'changedAt',
      codec: INSTANT,
      width: 130,
    }),
  ],
};

export const STORE_SHEETS = {
  orders: ORDERS_SHEET,
  items: ITEMS_SHEET,
  payments: PAYMENTS_SHEET,
  profiles: PROFILES_SHEET,
  history: HISTORY_SHEET,
} as const satisfies Record<string, SheetDecl>;

export type StoreKind = keyof typeof STORE_SHEETS;

export interface StoreSchema {
  sheet: string;
  headers: readonly string[];
  /** Columns holding text from exports or the seller: stored as plain text ('@'), so a value starting
   *  with '=', '+', '-' or '@' never becomes a formula. */
  textColumns: readonly string[];
  decl: SheetDecl;
}

const schema = (decl: SheetDecl): StoreSchema => ({
  sheet: decl.sheet,
  headers: headersOf(decl),
  textColumns: decl.columns.filter((c) => c.kind === 'text').map((c) => c.header),
  decl,
});

/** The store sheets' names and canonical headers (derived from the declarations). */
export const STORE_SCHEMAS: Record<StoreKind, StoreSchema> = {
  orders: schema(ORDERS_SHEET),
  items: schema(ITEMS_SHEET),
  payments: schema(PAYMENTS_SHEET),
  profiles: schema(PROFILES_SHEET),
  history: schema(HISTORY_SHEET),
};

/** A status change seen on a re-import (the OrderStatusHistory sheet). */
export interface StatusChange {
  orderSn: string;
  oldStatus: string;
  newStatus: string;
  changedAt: EpochMs;
}

/** A BuyerProfile with the 1-based sheet row it was read from (to update that row in place). */
export interface ProfileRow extends BuyerProfile {
  row: number;
}

// Rows in declaration order: instants as Date objects (the sheet shows them in the spreadsheet's zone),
// amounts as numbers, '' for an unknown price.
export const orderRowValues = (o: Order): CellValue[] => recordRow(ORDERS_SHEET, o);
export const itemRowValues = (i: OrderItem): CellValue[] => recordRow(ITEMS_SHEET, i);
export const paymentRowValues = (p: OrderPayment): CellValue[] => recordRow(PAYMENTS_SHEET, p);
export const profileRowValues = (p: BuyerProfile): CellValue[] => recordRow(PROFILES_SHEET, p);
export const historyRowValues = (h: StatusChange): CellValue[] => recordRow(HISTORY_SHEET, h);
