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
  },
  summaryHeader: {
    segment: 'Segmen',
    customers: 'Pelanggan',
    orders: 'Pesanan',
    revenue: 'Pendapatan (Rp)',
    customerShare: '% Pelanggan',
    revenueShare: '% Pendapatan',
  },
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
  },
  summaryHeader: {
    segment: 'Segment',
    customers: 'Customers',
    orders: 'Orders',
    revenue: 'Revenue (Rp)',
    customerShare: '% of customers',
    revenueShare: '% of revenue',
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
