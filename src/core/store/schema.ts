// The store sheets as Kenali writes them: canonical snake_case headers in this order, one header row.
// Writers turn records into rows in that order: instants as Date objects (the sheet shows them in the
// spreadsheet's time zone), amounts as numbers, '' for an unknown price.
import type { BuyerProfile, CellValue, EpochMs, Order, OrderItem, OrderPayment } from '../types';

export interface StoreSchema {
  sheet: string;
  headers: readonly string[];
  /** Columns holding text from exports or the seller: the writer must store them as plain text so a value
   *  starting with '=', '+', '-' or '@' never becomes a formula (e.g. number format '@' on these columns). */
  textColumns: readonly string[];
}

export const STORE_SCHEMAS = {
  orders: {
    sheet: 'Orders',
    headers: [
      'order_sn',
      'buyer_username',
      'address_full',
      'total_price',
      'created_at',
      'status',
      'return_status',
    ],
    textColumns: ['order_sn', 'buyer_username', 'address_full', 'status', 'return_status'],
  },
  items: {
    sheet: 'OrderItems',
    headers: ['order_sn', 'product_name', 'variant_name', 'variant_sku', 'quantity', 'price'],
    textColumns: ['order_sn', 'product_name', 'variant_name', 'variant_sku'],
  },
  payments: {
    sheet: 'OrderPayments',
    headers: ['order_sn', 'total_income', 'admin_fee', 'service_fee'],
    textColumns: ['order_sn'],
  },
  profiles: {
    sheet: 'BuyerProfile',
    headers: ['buyer_username', 'address_identifier', 'buyer_real_name', 'updated_at', 'address_full'],
    textColumns: ['buyer_username', 'address_identifier', 'buyer_real_name', 'address_full'],
  },
  history: {
    sheet: 'OrderStatusHistory',
    headers: ['order_sn', 'old_status', 'new_status', 'changed_at'],
    textColumns: ['order_sn', 'old_status', 'new_status'],
  },
} as const satisfies Record<string, StoreSchema>;

export type StoreKind = keyof typeof STORE_SCHEMAS;

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

export function orderRowValues(o: Order): CellValue[] {
  return [
    o.orderSn,
    o.buyerUsername,
    o.addressFull,
    o.totalPrice,
    new Date(o.createdAt),
    o.status,
    o.returnStatus,
  ];
}

export function itemRowValues(i: OrderItem): CellValue[] {
  return [i.orderSn, i.productName, i.variantName, i.variantSku, i.quantity, i.price ?? ''];
}

export function paymentRowValues(p: OrderPayment): CellValue[] {
  return [p.orderSn, p.totalIncome, p.adminFee, p.serviceFee];
}

export function profileRowValues(p: BuyerProfile): CellValue[] {
  return [p.buyerUsername, p.addressIdentifier, p.buyerRealName, new Date(p.updatedAt), p.addressFull];
}

export function historyRowValues(h: StatusChange): CellValue[] {
  return [h.orderSn, h.oldStatus, h.newStatus, new Date(h.changedAt)];
}
