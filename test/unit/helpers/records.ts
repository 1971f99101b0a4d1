// Small builders for core records, so a test states only what it is about.
import type { StoreRecords } from '../../../src/core/customers';
import { addressIdentifier } from '../../../src/core/identity';
import { epochFromLocal } from '../../../src/core/time';
import type { BuyerProfile, Clock, EpochMs, Order, OrderItem, OrderPayment } from '../../../src/core/types';

export const JKT = 'Asia/Jakarta';

/** The instant of a local wall-clock time 'YYYY-MM-DD HH:mm' (or 'YYYY-MM-DD') in `timeZone`. */
export function at(local: string, timeZone = JKT): EpochMs {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`bad local time ${local}`);
  return epochFromLocal(
    { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: 0 },
    timeZone,
  );
}

export function clockAt(local: string, timeZone = JKT): Clock {
  return { timeZone, now: at(local, timeZone) };
}

let seq = 0;

export function order(p: Partial<Order> & { at?: string } = {}): Order {
  const { at: local, ...rest } = p;
  seq++;
  return {
    orderSn: `SN${String(seq).padStart(6, '0')}`,
    buyerUsername: 'budi',
    addressFull: 'Jl. Merdeka 1, Bandung',
    totalPrice: 100_000,
    createdAt: local ? at(local) : at('2024-05-01 10:00'),
    status: 'Selesai',
    returnStatus: '',
    ...rest,
  };
}

export function item(
  orderSn: string,
  productName: string,
  quantity = 1,
  variantName = '',
  price: number | null = null,
): OrderItem {
  return { orderSn, productName, variantName, variantSku: '', quantity, price };
}

export function payment(orderSn: string, totalIncome: number, adminFee = 0, serviceFee = 0): OrderPayment {
  return { orderSn, totalIncome, adminFee, serviceFee };
}

export function profile(
  buyerUsername: string,
  addressFull: string,
  buyerRealName: string,
  updatedAt = 0,
): BuyerProfile {
  return {
    buyerUsername,
    addressIdentifier: addressIdentifier(addressFull),
    buyerRealName,
    updatedAt,
    addressFull,
  };
}

export function store(p: Partial<StoreRecords>): StoreRecords {
  return {
    orders: p.orders ?? [],
    items: p.items ?? [],
    payments: p.payments ?? [],
    profiles: p.profiles ?? [],
  };
}
