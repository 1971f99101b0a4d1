// Views as the server sends them, built with the real identity rule (buyerKey = username|sha1(address)).
import { buyerKeyOf } from '../../src/core/identity';
import type {
  CustomerDetailView,
  CustomerListItemView,
  LookupListView,
  NamingQueueView,
  QueueEntryView,
} from '../../src/core/views';

export function queueEntry(
  username: string,
  address: string,
  extra: Partial<QueueEntryView> = {},
): QueueEntryView {
  return {
    buyerKey: buyerKeyOf(username, address),
    buyerUsername: username,
    addressFull: address,
    orderSns: ['240501ABCDEF01'],
    lastActivityAt: '2024-05-01T06:45:00.000Z',
    products: ['Kaos Polos (Hitam, XL) ×2'],
    ...extra,
  };
}

export function queue(entries: QueueEntryView[], extra: Partial<NamingQueueView> = {}): NamingQueueView {
  return {
    lang: 'id',
    days: 2,
    timeZone: 'Asia/Jakarta',
    entries,
    ordersInWindow: entries.length,
    unnamedOverall: entries.length,
    ...extra,
  };
}

/** Three ordinary buyers with distinct products, orders and towns (for filtering). */
export function threeBuyers(): QueueEntryView[] {
  return [
    queueEntry('budi_s', 'Jl. Melati No. 5, Bandung, Jawa Barat', {
      orderSns: ['240501AAA111'],
      products: ['Kaos Polos (Hitam, XL) ×2'],
    }),
    queueEntry('sari.dewi', 'Jl. Kenanga 12, Surabaya, Jawa Timur', {
      orderSns: ['240501BBB222', '240430BBB999'],
      lastActivityAt: '2024-04-30T17:10:00.000Z',
      products: ['Hijab Segi Empat (Mocca) ×1', 'Gamis Katun ×1'],
    }),
    queueEntry('andi99', 'Perum Griya Asri Blok C3, Medan', {
      orderSns: ['240430CCC333'],
      lastActivityAt: '2024-04-30T02:00:00.000Z',
      products: ['Sepatu Lari (42) ×1'],
    }),
  ];
}

export function manyBuyers(n: number): QueueEntryView[] {
  return Array.from({ length: n }, (_, i) =>
    queueEntry(`pembeli${i}`, `Jl. Nomor ${i}, Kota ${i % 17}`, {
      orderSns: [`2405${String(i).padStart(8, '0')}`],
      products: [`Produk ${i} ×1`, `Bonus ${i % 7} ×1`],
    }),
  );
}

export function listItem(
  username: string,
  address: string,
  extra: Partial<CustomerListItemView> = {},
): CustomerListItemView {
  return {
    buyerKey: buyerKeyOf(username, address),
    buyerUsername: username,
    realName: null,
    addressFull: address,
    lastActivityAt: '2024-05-01T06:45:00.000Z',
    lastActivitySn: '240501AAA111',
    orderCount: 1,
    ...extra,
  };
}

export function listView(items: CustomerListItemView[], extra: Partial<LookupListView> = {}): LookupListView {
  return {
    lang: 'id',
    mode: 'recent',
    query: '',
    days: 2,
    items,
    total: items.length,
    timeZone: 'Asia/Jakarta',
    ...extra,
  };
}

export function detailOf(
  item: CustomerListItemView,
  extra: Partial<CustomerDetailView> = {},
): CustomerDetailView {
  return {
    buyerKey: item.buyerKey,
    buyerUsername: item.buyerUsername,
    realName: item.realName,
    displayName: item.realName ?? item.buyerUsername,
    hasProfile: item.realName !== null,
    addressFull: item.addressFull,
    stats: {
      totalSpend: 1234567,
      orderCount: 3,
      averageOrderValue: 411522.33,
      firstOrderAt: '2023-12-31T20:30:00.000Z',
      lastOrderAt: '2024-05-01T06:45:00.000Z',
      daysSinceLastOrder: 3,
      totalItems: 7,
      netIncome: 1100000,
      adminFees: 98765,
      serviceFees: 35802,
      ordersWithPayment: 2,
      allOrderCount: 4,
    },
    lastOrder: {
      orderSn: '240501AAA111',
      createdAt: '2024-05-01T06:45:00.000Z',
      status: 'Selesai',
      counted: true,
      totalPrice: 250000,
      lines: [
        {
          productName: 'Kaos Polos',
          variantName: 'Hitam, XL',
          variantSku: 'KP-HT-XL',
          quantity: 2,
          price: 75000,
        },
        { productName: 'Topi Bucket', variantName: '', variantSku: '', quantity: 1, price: null },
      ],
    },
    topProducts: [
      { productName: 'Kaos Polos', quantity: 5, orders: 3 },
      { productName: 'Topi Bucket', quantity: 2, orders: 2 },
    ],
    segment: { rfm: '545', segmentId: 'champions', label: 'Juara', background: '#1b5e20', color: '#ffffff' },
    previousSegment: null,
    ...extra,
  };
}
