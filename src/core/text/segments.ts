// Texts for the segments area. Indonesian first; `en` must have the same keys (typed by `typeof id`).
import type { Movement } from '../movement';
import type { SegmentId } from '../rfm';

const id = {
  /** Segment labels as the SPEC's table names them. */
  labels: {
    champions: 'Juara',
    'loyal-customers': 'Pelanggan Setia',
    'potential-loyalist': 'Potensial',
    'new-customers': 'Pelanggan Baru',
    promising: 'Menjanjikan',
    'need-attention': 'Butuh Perhatian',
    'about-to-sleep': 'Hampir Tidur',
    'at-risk': 'Berisiko',
    'cant-lose-them': 'Jangan Sampai Hilang',
    hibernating: 'Hibernasi',
    lost: 'Hilang',
  } satisfies Record<SegmentId, string>,
  /** Columns of the Segments sheet, in order. */
  header: {
    buyerKey: 'ID Pelanggan',
    name: 'Nama',
    username: 'Username',
    address: 'Alamat',
    firstOrder: 'Pesanan Pertama',
    lastOrder: 'Pesanan Terakhir',
    recencyDays: 'Hari sejak pesanan terakhir',
    frequency: 'Frekuensi (pesanan)',
    monetary: 'Nilai Belanja (Rp)',
    r: 'R',
    f: 'F',
    m: 'M',
    rfm: 'Kode RFM',
    segment: 'Segmen',
    previousSegment: 'Segmen sebelumnya',
    change: 'Perubahan',
  },
  /** The Perubahan column: against the previous segmentation, by the order in core/movement.ts. */
  movement: { naik: 'naik', turun: 'turun', tetap: 'tetap', baru: 'baru' } satisfies Record<Movement, string>,
  summaryHeader: {
    segment: 'Segmen',
    customers: 'Pelanggan',
    orders: 'Pesanan',
    revenue: 'Pendapatan (Rp)',
    customerShare: '% Pelanggan',
    revenueShare: '% Pendapatan',
    who: 'Siapa mereka',
    action: 'Saran tindakan',
  },
  /** Per segment: one line of who they are, one suggested action (the summary shows both). */
  guide: {
    champions: {
      who: 'Baru saja belanja, sering, dan paling besar nilainya',
      action: 'Beri hadiah atau akses awal produk baru; minta ulasan',
    },
    'loyal-customers': {
      who: 'Belanja rutin dengan nilai yang baik',
      action: 'Tawarkan paket hemat atau poin loyalitas',
    },
    'potential-loyalist': {
      who: 'Belanja baru-baru ini, lebih dari sekali',
      action: 'Ajak jadi langganan: voucher untuk pesanan berikutnya',
    },
    'new-customers': {
      who: 'Baru pertama kali belanja, belum lama ini',
      action: 'Ucapkan terima kasih lewat chat; bantu pesanan kedua',
    },
    promising: {
      who: 'Belanja baru-baru ini, belum sering, nilainya lumayan',
      action: 'Rekomendasikan produk terkait dengan promo kecil',
    },
    'need-attention': {
      who: 'Dulu cukup aktif, mulai jarang belanja',
      action: 'Kirim penawaran terbatas waktu',
    },
    'about-to-sleep': {
      who: 'Sudah agak lama tidak belanja, jarang dan kecil',
      action: 'Ingatkan lewat chat dengan produk terlaris',
    },
    'at-risk': {
      who: 'Dulu sering belanja, sudah lama tidak',
      action: 'Kirim voucher personal lewat chat',
    },
    'cant-lose-them': {
      who: 'Pembeli besar yang sudah lama tidak kembali',
      action: 'Hubungi langsung; tawarkan voucher terbaik',
    },
    hibernating: {
      who: 'Lama tidak belanja, jarang dan kecil',
      action: 'Sertakan dalam promo umum saja',
    },
    lost: {
      who: 'Sangat lama tidak belanja, sekali dan kecil',
      action: 'Tak perlu usaha khusus; coba sekali saat promo besar',
    },
  } satisfies Record<SegmentId, { who: string; action: string }>,
  thinFew: (customers: number) =>
    `Data terlalu sedikit untuk skor RFM yang bermakna: baru ${customers} pelanggan dengan pesanan yang dihitung (minimal 5).`,
  thinEqual: (customers: number) =>
    `Data terlalu sedikit untuk skor RFM yang bermakna: ke-${customers} pelanggan punya recency, frekuensi dan nilai belanja yang sama.`,
  afterRunDate: (n: number, runDate: string, first: string, last: string) =>
    `${n} pesanan bertanggal setelah tanggal acuan ${runDate} tidak ikut dihitung (pertama ${first}, terakhir ${last}).`,
  allAfterRunDate: (n: number, runDate: string, first: string, last: string) =>
    `Semua ${n} pesanan yang dihitung bertanggal setelah tanggal acuan ${runDate} (pertama ${first}, terakhir ${last}): pilih tanggal acuan yang lebih baru, atau periksa tanggal pesanannya.`,
};

const en: typeof id = {
  labels: {
    champions: 'Champions',
    'loyal-customers': 'Loyal Customers',
    'potential-loyalist': 'Potential Loyalist',
    'new-customers': 'New Customers',
    promising: 'Promising',
    'need-attention': 'Need Attention',
    'about-to-sleep': 'About To Sleep',
    'at-risk': 'At Risk',
    'cant-lose-them': "Can't Lose Them",
    hibernating: 'Hibernating',
    lost: 'Lost',
  },
  header: {
    buyerKey: 'Customer ID',
    name: 'Name',
    username: 'Username',
    address: 'Address',
    firstOrder: 'First order',
    lastOrder: 'Last order',
    recencyDays: 'Days since last order',
    frequency: 'Frequency (orders)',
    monetary: 'Monetary (Rp)',
    r: 'R',
    f: 'F',
    m: 'M',
    rfm: 'RFM code',
    segment: 'Segment',
    previousSegment: 'Previous segment',
    change: 'Change',
  },
  movement: { naik: 'up', turun: 'down', tetap: 'same', baru: 'new' },
  summaryHeader: {
    segment: 'Segment',
    customers: 'Customers',
    orders: 'Orders',
    revenue: 'Revenue (Rp)',
    customerShare: '% of customers',
    revenueShare: '% of revenue',
    who: 'Who they are',
    action: 'Suggested action',
  },
  guide: {
    champions: {
      who: 'Bought recently, often, and spend the most',
      action: 'Reward them or give early access to new products; ask for a review',
    },
    'loyal-customers': {
      who: 'Buy regularly with good value',
      action: 'Offer bundles or loyalty points',
    },
    'potential-loyalist': {
      who: 'Bought recently, more than once',
      action: 'Turn them regular: a voucher for the next order',
    },
    'new-customers': {
      who: 'First purchase, not long ago',
      action: 'Thank them by chat; help the second order along',
    },
    promising: {
      who: 'Bought recently, not often yet, fair value',
      action: 'Recommend related products with a small promo',
    },
    'need-attention': {
      who: 'Were fairly active, now buying less often',
      action: 'Send a time-limited offer',
    },
    'about-to-sleep': {
      who: 'Not bought for a while, rarely and little',
      action: 'Remind them by chat with your best sellers',
    },
    'at-risk': {
      who: 'Used to buy often, not for a long time',
      action: 'Send a personal voucher by chat',
    },
    'cant-lose-them': {
      who: 'Big buyers who have not come back in a long time',
      action: 'Contact them directly; offer your best voucher',
    },
    hibernating: {
      who: 'Long since their last order, rarely and little',
      action: 'Include them in general promos only',
    },
    lost: {
      who: 'Very long since one small order',
      action: 'No special effort; try once in a big sale',
    },
  },
  thinFew: (customers: number) =>
    `Too little data for meaningful RFM scores: only ${customers} customers with counted orders (at least 5 needed).`,
  thinEqual: (customers: number) =>
    `Too little data for meaningful RFM scores: all ${customers} customers have the same recency, frequency and monetary value.`,
  afterRunDate: (n: number, runDate: string, first: string, last: string) =>
    `${n} orders dated after the run date ${runDate} were not counted (first ${first}, last ${last}).`,
  allAfterRunDate: (n: number, runDate: string, first: string, last: string) =>
    `All ${n} counted orders are dated after the run date ${runDate} (first ${first}, last ${last}): choose a later run date, or check the order dates.`,
};

export const segments = { id, en };
