// Texts for the segments area. Indonesian first; `en` must have the same keys (typed by `typeof id`).
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
    previous: 'Segmen sebelumnya',
    change: 'Perubahan',
  },
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
  /** The Perubahan column's words: the segment table's order runs from most to least engaged (movement.ts). */
  changes: { up: 'naik', down: 'turun', same: 'tetap', new: 'baru' },
  /** Per segment: who they are, and one thing to do (the summary sheet). */
  profiles: {
    champions: {
      who: 'Baru saja belanja, sering, dan paling banyak.',
      action: 'Ucapkan terima kasih lewat chat, beri akses duluan ke produk baru; jangan banjiri diskon.',
    },
    'loyal-customers': {
      who: 'Belanja rutin dengan nilai yang baik.',
      action: 'Tawarkan bundling atau produk pelengkap; minta ulasan toko.',
    },
    'potential-loyalist': {
      who: 'Belanja baru-baru ini, belum sering.',
      action: 'Kirim voucher belanja berikutnya agar jadi langganan.',
    },
    'new-customers': {
      who: 'Baru pertama kali belanja, belum lama ini.',
      action: 'Sapa lewat chat setelah paket sampai; beri voucher pembelian kedua.',
    },
    promising: {
      who: 'Baru belanja sekali atau dua kali, nilainya besar.',
      action: 'Rekomendasikan produk serupa dengan yang dibeli; beri gratis ongkir.',
    },
    'need-attention': {
      who: 'Cukup sering dan lumayan baru, tapi mulai jarang.',
      action: 'Kirim penawaran terbatas waktu untuk produk favoritnya.',
    },
    'about-to-sleep': {
      who: 'Sudah agak lama tidak belanja, nilainya kecil.',
      action: 'Ingatkan dengan promo produk terlaris atau flash sale.',
    },
    'at-risk': {
      who: 'Dulu sering belanja, sudah lama tidak.',
      action: 'Kirim voucher personal lewat chat dan tanyakan kabarnya.',
    },
    'cant-lose-them': {
      who: 'Dulu pembeli terbaik, sekarang lama menghilang.',
      action: 'Hubungi pribadi: tanyakan kendalanya, beri penawaran khusus.',
    },
    hibernating: {
      who: 'Lama tidak belanja, jarang, nilainya kecil.',
      action: 'Ikutkan di promo besar (tanggal kembar, payday); jangan habiskan biaya khusus.',
    },
    lost: {
      who: 'Sudah sangat lama tidak belanja.',
      action: 'Cukup promo umum sesekali; fokuskan tenaga ke segmen lain.',
    },
  } satisfies Record<SegmentId, { who: string; action: string }>,
  /** The from → to matrix on the summary sheet: the previous run's segment down, this run's across. */
  movementTitle: (from: string, to: string) => `Perpindahan segmen: ${from} → ${to}`,
  movementFirst: (to: string) => `Perpindahan segmen: belum ada run sebelum ${to} (semua pelanggan baru).`,
  movementCorner: 'Dari ↓ / ke →',
  /** The previous run when its date is not known (a Segments sheet written before movement was kept). */
  movementEarlier: 'run sebelumnya',
  /** Row of customers the previous run did not score. */
  movementNew: '(baru)',
  /** Column of customers this run no longer scores (no counted order up to the run date). */
  movementGone: '(tidak terhitung lagi)',
  movementReport: (from: string, up: number, down: number, same: number, added: number, gone: number) =>
    `Dibanding ${from}: ${up} naik, ${down} turun, ${same} tetap, ${added} baru; ${gone} pelanggan tidak terhitung lagi.`,
  /** The history beside the matrix: one row per run date, customers per segment. */
  historyDate: 'Tanggal acuan',
  historyChartTitle: 'Pelanggan per segmen dari run ke run',
  /** The note on the Segments table's first header cell: the date it is of (read back by the next run), and
   *  where the rest is. */
  runDateNote: (date: string, summary: string) =>
    `Tanggal acuan: ${date}\nRingkasan, perpindahan dan riwayat segmen ada di sheet “${summary}”.`,
  historyKept: (n: number) => `Riwayat menyimpan paling banyak ${n} tanggal; yang lama diringkas per bulan.`,
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
    previous: 'Previous segment',
    change: 'Change',
  },
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
  changes: { up: 'up', down: 'down', same: 'same', new: 'new' },
  profiles: {
    champions: {
      who: 'Bought recently, often, and the most.',
      action: 'Thank them in chat, give early access to new products; do not flood them with discounts.',
    },
    'loyal-customers': {
      who: 'Buy regularly, with good order values.',
      action: 'Offer bundles or matching products; ask for a shop review.',
    },
    'potential-loyalist': {
      who: 'Bought recently, not often yet.',
      action: 'Send a voucher for the next order to make them regulars.',
    },
    'new-customers': {
      who: 'Bought for the first time, not long ago.',
      action: 'Greet them in chat once the parcel arrives; give a second-order voucher.',
    },
    promising: {
      who: 'Bought once or twice, for a large amount.',
      action: 'Recommend products like the ones they bought; offer free shipping.',
    },
    'need-attention': {
      who: 'Fairly frequent and fairly recent, but slowing down.',
      action: 'Send a time-limited offer on their favourite products.',
    },
    'about-to-sleep': {
      who: 'Have not bought for a while, small amounts.',
      action: 'Remind them with a best-seller promo or a flash sale.',
    },
    'at-risk': {
      who: 'Used to buy often, not for a long time now.',
      action: 'Send a personal voucher in chat and ask how they are.',
    },
    'cant-lose-them': {
      who: 'Were your best buyers, gone for a long time.',
      action: 'Contact them personally: ask what went wrong, make a special offer.',
    },
    hibernating: {
      who: 'Long gone, rare, small amounts.',
      action: 'Include them in big sales (double dates, payday); spend nothing special.',
    },
    lost: {
      who: 'Have not bought for a very long time.',
      action: 'A general promo now and then is enough; spend your effort on other segments.',
    },
  },
  movementTitle: (from: string, to: string) => `Segment movement: ${from} → ${to}`,
  movementFirst: (to: string) => `Segment movement: no run before ${to} (every customer is new).`,
  movementCorner: 'From ↓ / to →',
  movementEarlier: 'the previous run',
  movementNew: '(new)',
  movementGone: '(no longer counted)',
  movementReport: (from: string, up: number, down: number, same: number, added: number, gone: number) =>
    `Compared with ${from}: ${up} up, ${down} down, ${same} same, ${added} new; ${gone} customers no longer counted.`,
  historyDate: 'Run date',
  historyChartTitle: 'Customers per segment, run by run',
  runDateNote: (date: string, summary: string) =>
    `Run date: ${date}\nThe summary, movement and history of segments are in the “${summary}” sheet.`,
  historyKept: (n: number) => `The history keeps at most ${n} dates; older ones are summarised per month.`,
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
