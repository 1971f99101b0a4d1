// The one place that decides whether an order counts for statistics and RFM.

const normalise = (status: string) =>
  status
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

const CANCELLED = ['batal', 'dibatalkan', 'cancelled', 'canceled', 'in cancel', 'pembatalan'];
const UNPAID = ['belum bayar', 'unpaid', 'belum dibayar'];
const RETURNED = ['pengembalian', 'to return', 'returned', 'pengembalian dana/barang', 'return'];

export type StatusClass = 'counted' | 'cancelled' | 'unpaid' | 'returned';

const classes = new Map<string, StatusClass>([
  ...CANCELLED.map((s) => [s, 'cancelled'] as const),
  ...UNPAID.map((s) => [s, 'unpaid'] as const),
  ...RETURNED.map((s) => [s, 'returned'] as const),
]);

export function classifyStatus(status: string): StatusClass {
  const n = normalise(status);
  const exact = classes.get(n);
  if (exact) return exact;
  // Marketplaces word these with suffixes ("Pengembalian Dana/Barang", "Return/Refund", "Dibatalkan oleh
  // Pembeli").
  if (n.startsWith('pengembalian') || n.startsWith('return') || n.startsWith('refund')) return 'returned';
  if (n.startsWith('dibatalkan') || n.startsWith('batal')) return 'cancelled';
  return 'counted';
}

/** Cancelled, unpaid and returned orders do not count; everything else does. */
export function isCounted(status: string): boolean {
  return classifyStatus(status) === 'counted';
}
