// The one place for order statuses: whether an order counts for statistics and RFM (its status, and the
// export's return/refund column), the stage of its life (which status may replace which: exports arrive in
// any order), and which values the rules do not name (listed in the reports, so a seller sees a surprise).
//
// Values are compared after normalising: case, white space runs, '_' and '-' (TO_RETURN, in-cancel),
// spaces around '/', and invisible characters (zero-width, soft hyphen, BOM, bidi marks) copied along with
// a status from a web page or a spreadsheet.

/** Whether an order counts: every stage but these three does (an unknown status counts, and is listed). */
export type StatusClass = 'counted' | 'cancelled' | 'unpaid' | 'returned';

/**
 * The stage of an order's life. Forward: unpaid → to-ship → shipped → delivered → completed; cancelled and
 * returned are end states, reachable from any stage (a return may follow completion); 'return-refused' is
 * the documented correction: a completed order whose return/refund request the export's return column
 * records as refused, which follows a returned state (the return did not happen after all).
 */
export type Stage =
  | 'unpaid'
  | 'to-ship'
  | 'shipped'
  | 'delivered'
  | 'completed'
  | 'cancelled'
  | 'returned'
  | 'return-refused';

const RANK: Record<Stage, number> = {
  unpaid: 0,
  'to-ship': 1,
  shipped: 2,
  delivered: 3,
  completed: 4,
  cancelled: 5,
  returned: 5,
  'return-refused': 6,
};

/** What the return/refund column records: an accepted or completed return does not count; a refused,
 *  withdrawn or pending request leaves the status column to decide. */
export type ReturnClass = 'accepted' | 'refused' | 'withdrawn' | 'pending' | 'none';

// Every variant we know, as normalise() leaves it. Sources: Shopee (id/en), TikTok Shop (id/en), Lazada
// (camelCase and Title Case exports), Tokopedia's Laporan Penjualan, and other projects' parsers of them.
const STAGES: Record<Stage, readonly string[]> = {
  unpaid: [
    'belum bayar',
    'belum dibayar',
    'menunggu pembayaran',
    'menunggu bayar',
    'unpaid',
    'awaiting payment',
    'pending payment',
    'waiting payment',
    'waiting for payment',
    'not paid',
  ],
  'to-ship': [
    'perlu dikirim',
    'akan dikirim',
    'siap dikirim',
    'siap kirim',
    'perlu diproses',
    'sedang dikemas',
    'dikemas',
    'diproses',
    'sedang diproses',
    'pesanan diproses',
    'telah diproses',
    'pesanan baru',
    'menunggu konfirmasi',
    'menunggu diproses',
    'menunggu pengiriman',
    'menunggu dikirim',
    'menunggu kurir',
    'menunggu pickup',
    'menunggu pengambilan',
    'to ship',
    'awaiting shipment',
    'awaiting collection',
    'ready to ship',
    'ready to ship pending',
    'packed',
    'pending',
    'processing',
    'in process',
    'on hold',
  ],
  shipped: [
    'dikirim',
    'sedang dikirim',
    'telah dikirim',
    'sudah dikirim',
    'pesanan dikirim',
    'dalam pengiriman',
    'dalam perjalanan',
    'sedang diantar',
    'shipped',
    'shipping',
    'in transit',
    'out for delivery',
    'partially shipping',
    'partially shipped',
    'to receive',
  ],
  delivered: [
    'delivered',
    'terkirim',
    'diterima',
    'sudah diterima',
    'telah diterima',
    'pesanan diterima',
    'pesanan tiba',
    'tiba di tujuan',
    'sampai di tujuan',
    'sampai tujuan',
  ],
  completed: ['selesai', 'pesanan selesai', 'completed', 'complete', 'done', 'finished', 'confirmed'],
  cancelled: [
    'batal',
    'dibatalkan',
    'pesanan dibatalkan',
    'pembatalan',
    'cancelled',
    'canceled',
    'cancel',
    'cancellation',
    'in cancel',
  ],
  returned: [
    'pengembalian',
    'pengembalian dana',
    'pengembalian barang',
    'pengembalian dana/barang',
    'dikembalikan',
    'pesanan dikembalikan',
    'paket dikembalikan',
    'retur',
    'to return',
    'return',
    'returned',
    'package returned',
    'returned to seller',
    'shipped back',
    'shipped back success',
    'refund',
    'refunded',
    'return/refund',
    // The parcel went back to the seller: Lazada 'failed', couriers' "failed delivery".
    'failed',
    'failed delivery',
    'delivery failed',
    'pengiriman gagal',
    'gagal dikirim',
    'gagal kirim',
  ],
  'return-refused': [],
};

/** Marketplaces add who or why ("Dibatalkan Sistem - Stok habis", "Cancelled by buyer", "Pengembalian
 *  Dana/Barang", "Return/Refund"): these beginnings decide alone. */
const PREFIXES: readonly [string, Stage][] = [
  ['dibatalkan', 'cancelled'],
  ['batal', 'cancelled'],
  ['pesanan dibatalkan', 'cancelled'],
  ['pembatalan', 'cancelled'],
  ['cancel', 'cancelled'],
  ['pengembalian', 'returned'],
  ['dikembalikan', 'returned'],
  ['return', 'returned'],
  ['refund', 'returned'],
  ['retur', 'returned'],
];

const RETURNS: Record<Exclude<ReturnClass, 'none'>, readonly string[]> = {
  accepted: [
    'permintaan disetujui',
    'disetujui',
    'pengembalian disetujui',
    'pengembalian dana disetujui',
    'pengembalian berhasil',
    'pengembalian dana berhasil',
    'pengembalian selesai',
    'pengembalian dana selesai',
    'dana dikembalikan',
    'dana telah dikembalikan',
    'pengembalian dana',
    'pengembalian barang/dana',
    'pengembalian dana/barang',
    'pengembalian barang dan dana',
    'pengembalian/pengembalian dana',
    'request approved',
    'approved',
    'accepted',
    'return approved',
    'refund approved',
    'refund paid',
    'refunded',
    'refund completed',
    'refund successful',
    'return completed',
    // TikTok Shop's "Cancelation/Return Type" names the kind of after-sale: a return/refund happened.
    'return/refund',
    'return and refund',
    'return refund',
    'refund only',
    'return',
    'refund',
  ],
  refused: [
    'permintaan ditolak',
    'ditolak',
    'ditolak penjual',
    'ditolak oleh penjual',
    'pengembalian ditolak',
    'pengembalian dana ditolak',
    'request rejected',
    'rejected',
    'refund rejected',
    'return rejected',
    'request declined',
    'declined',
    'refused',
  ],
  withdrawn: [
    'permintaan dibatalkan',
    'pengajuan dibatalkan',
    'pengembalian dibatalkan',
    'dibatalkan',
    'dibatalkan oleh pembeli',
    'ditutup',
    'masalah diselesaikan',
    'request cancelled',
    'request withdrawn',
    'withdrawn',
    'cancelled',
    'canceled',
    'closed',
  ],
  pending: [
    'menunggu persetujuan',
    'menunggu respon',
    'menunggu respon penjual',
    'menunggu respons penjual',
    'sedang diproses',
    'diproses',
    'dalam proses',
    'diajukan',
    'permintaan diajukan',
    'pengajuan',
    'pengajuan pengembalian',
    'dalam sengketa',
    'sengketa',
    'requested',
    'return requested',
    'refund requested',
    'processing',
    'pending',
    'judging',
    'in dispute',
    'seller dispute',
    'under review',
  ],
};
/** Nothing for the count: blank, or a cancellation (the column also records those; the status column says
 *  whether the order was cancelled). TikTok's type of a cancelled order is "Cancel". */
const NO_RETURN = [
  '',
  '-',
  '–',
  '—',
  'cancel',
  'pembatalan',
  'pembatalan diajukan',
  'pembatalan diterima',
  'pembatalan disetujui',
  'pembatalan ditolak',
  'cancellation',
  'cancellation requested',
  'cancellation accepted',
  'cancellation approved',
  'cancellation rejected',
];

// Zero-width and format characters, soft hyphen, BOM, bidi marks and isolates.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** A status as the rules compare it. */
export function normaliseStatus(status: string): string {
  return status
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/ ?\/ ?/g, '/')
    .trim();
}

const stageOf = new Map<string, Stage>();
for (const [stage, list] of Object.entries(STAGES) as [Stage, readonly string[]][])
  for (const s of list) stageOf.set(s, stage);
const returnOf = new Map<string, ReturnClass>(NO_RETURN.map((s) => [s, 'none']));
for (const [cls, list] of Object.entries(RETURNS) as [ReturnClass, readonly string[]][])
  for (const s of list) returnOf.set(s, cls);

// A shop has a handful of distinct values, asked about once per order: remember the answers (bounded, so a
// hostile file with a distinct status on every row cannot grow it without end).
const MEMO_LIMIT = 4096;
const statusMemo = new Map<string, Stage | null>();
const returnMemo = new Map<string, ReturnClass | null>();
function remember<V>(memo: Map<string, V>, key: string, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The stage a status column value names, or null when the rules do not know it (blank included). */
export function statusStage(status: string): Stage | null {
  const hit = statusMemo.get(status);
  if (hit !== undefined) return hit;
  const n = normaliseStatus(status);
  let stage: Stage | null = stageOf.get(n) ?? null;
  if (stage === null) {
    for (const [prefix, s] of PREFIXES) {
      if (n.startsWith(prefix)) {
        stage = s;
        break;
      }
    }
  }
  return remember(statusMemo, status, stage);
}

/** What a return/refund column value records, or null when the rules do not know it. Blank is 'none'. */
export function returnClass(returnStatus: string): ReturnClass | null {
  const hit = returnMemo.get(returnStatus);
  if (hit !== undefined) return hit;
  return remember(returnMemo, returnStatus, returnOf.get(normaliseStatus(returnStatus)) ?? null);
}

/** The stage of an order from both columns, or null when its status is unknown and its return column does
 *  not decide. The return column matters only for an order that was paid and not cancelled or returned. */
export function orderStage(status: string, returnStatus = ''): Stage | null {
  const base = statusStage(status);
  if (base === 'unpaid' || base === 'cancelled' || base === 'returned') return base;
  const ret = returnStatus === '' ? 'none' : returnClass(returnStatus);
  if (ret === 'accepted') return 'returned';
  if (ret === 'refused' && base === 'completed') return 'return-refused';
  return base;
}

export function classifyStatus(status: string, returnStatus = ''): StatusClass {
  const stage = orderStage(status, returnStatus);
  return stage === 'unpaid' || stage === 'cancelled' || stage === 'returned' ? stage : 'counted';
}

/** Cancelled, unpaid and returned orders do not count (a return recorded in the return/refund column
 *  included); everything else does. */
export function isCounted(status: string, returnStatus = ''): boolean {
  return classifyStatus(status, returnStatus) === 'counted';
}

export interface StatusPair {
  status: string;
  returnStatus: string;
}

/**
 * The status order: whether `incoming` may replace `stored` — only a status at the same or a later stage
 * does, so an older export imported after a newer one changes nothing. When either is unknown the import
 * order decides (the incoming one replaces), as for any other field.
 */
export function statusReplaces(stored: StatusPair, incoming: StatusPair): boolean {
  const from = orderStage(stored.status, stored.returnStatus);
  const to = orderStage(incoming.status, incoming.returnStatus);
  if (from === null || to === null) return true;
  return RANK[to] >= RANK[from];
}

/** The rank of a status's stage in the order of an order's life (-1 when unknown): for choosing one
 *  status among several, such as the items of a Lazada order. */
export function stageRank(status: string, returnStatus = ''): number {
  const stage = orderStage(status, returnStatus);
  return stage === null ? -1 : RANK[stage];
}

export interface UnnamedStatus {
  /** The value as written (trimmed). */
  value: string;
  /** Which column it came from. */
  column: 'status' | 'return';
  /** Counted orders carrying it. */
  count: number;
}

/**
 * Every value counted as a sale that the rules do not name: an unknown status (blank included) of a counted
 * order, and an unknown return/refund value of a counted order. Most frequent first, then by value, then
 * the status column before the return column (a total order: the order the orders come in never matters).
 */
export function unnamedStatuses(orders: Iterable<StatusPair>): UnnamedStatus[] {
  const counts = new UnnamedCounts();
  for (const o of orders) counts.add(o, 1);
  return counts.list();
}

/** unnamedStatuses of orders given as distinct status pairs, each with how many orders carry it. */
export function unnamedStatusesOf(pairs: Iterable<readonly [StatusPair, number]>): UnnamedStatus[] {
  const counts = new UnnamedCounts();
  for (const [pair, n] of pairs) counts.add(pair, n);
  return counts.list();
}

class UnnamedCounts {
  private readonly counts = new Map<string, UnnamedStatus>();

  add(o: StatusPair, n: number): void {
    if (!isCounted(o.status, o.returnStatus)) return;
    if (statusStage(o.status) === null) this.count('status', o.status, n);
    if (o.returnStatus.trim() !== '' && returnClass(o.returnStatus) === null)
      this.count('return', o.returnStatus, n);
  }

  private count(column: UnnamedStatus['column'], raw: string, n: number): void {
    const value = raw.trim();
    const key = `${column}\u0000${value}`;
    const u = this.counts.get(key);
    if (u) u.count += n;
    else this.counts.set(key, { value, column, count: n });
  }

  list(): UnnamedStatus[] {
    return [...this.counts.values()].sort(
      (a, b) =>
        b.count - a.count ||
        (a.value < b.value ? -1 : a.value > b.value ? 1 : 0) ||
        (a.column === b.column ? 0 : a.column === 'status' ? -1 : 1),
    );
  }
}
