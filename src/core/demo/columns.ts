// The columns of Shopee's order export ("Pesanan Saya" → Ekspor), in the order Seller Centre writes them,
// with the Indonesian and the English header. Most are noise the importer must ignore; the ones the SPEC
// maps are marked. Values that depend on the seller's language (statuses, payment methods…) live here too.

// biome-ignore format: one column per line, Indonesian and English side by side
const COLUMNS = [
  ['orderSn', 'No. Pesanan', 'Order ID'], // SPEC: order_sn
  ['status', 'Status Pesanan', 'Order Status'], // SPEC: status
  ['cancelReason', 'Alasan Pembatalan', 'Cancel reason'],
  ['returnStatus', 'Status Pembatalan/ Pengembalian', 'Return / Refund Status'],
  ['trackingNo', 'No. Resi', 'Tracking Number*'],
  ['shippingOption', 'Opsi Pengiriman', 'Shipping Option'],
  ['shipmentMethod', 'Antar ke counter/ pick-up', 'Shipment Method'],
  ['shipBy', 'Pesanan Harus Dikirimkan Sebelum (Menghindari keterlambatan)', 'Estimated Ship Out Date'],
  ['shipTime', 'Waktu Pengiriman Diatur', 'Ship Time'],
  ['createdAt', 'Waktu Pesanan Dibuat', 'Order Creation Date'], // SPEC: created_at
  ['paidAt', 'Waktu Pembayaran Dilakukan', 'Order Paid Time'],
  ['paymentMethod', 'Metode Pembayaran', 'Payment Method'],
  ['parentSku', 'SKU Induk', 'Parent SKU Reference No.'], // SPEC: variant_sku fallback
  ['productName', 'Nama Produk', 'Product Name'], // SPEC: product_name
  ['skuRef', 'Nomor Referensi SKU', 'SKU Reference No.'], // SPEC: variant_sku
  ['variationName', 'Nama Variasi', 'Variation Name'], // SPEC: variant name
  ['originalPrice', 'Harga Awal', 'Original Price'],
  ['dealPrice', 'Harga Setelah Diskon', 'Deal Price'], // SPEC: price
  ['quantity', 'Jumlah', 'Quantity'], // SPEC: quantity
  ['returnedQty', 'Returned quantity', 'Returned quantity'],
  ['lineSubtotal', 'Total Harga Produk', 'Product Subtotal'],
  ['lineDiscount', 'Total Diskon', 'Total Discount'],
  ['sellerDiscount', 'Diskon Dari Penjual', 'Price Discount(from Seller)'],
  ['shopeeDiscount', 'Diskon Dari Shopee', 'Shopee Rebate'],
  ['lineWeight', 'Berat Produk', 'SKU Total Weight'],
  ['itemsInOrder', 'Jumlah Produk di Pesan', 'Number of product in order'],
  ['orderWeight', 'Total Berat', 'Order Total Weight'],
  ['sellerVoucher', 'Voucher Ditanggung Penjual', 'Seller Voucher'],
  ['coinCashback', 'Cashback Koin', 'Seller Absorbed Coin Cashback'],
  ['shopeeVoucher', 'Voucher Ditanggung Shopee', 'Shopee Voucher'],
  ['bundle', 'Paket Diskon', 'Bundle Deals Indicator(Y/N)'],
  ['coins', 'Potongan Koin Shopee', 'Shopee Coins Offset'],
  ['cardDiscount', 'Diskon Kartu Kredit', 'Credit Card Discount Total'],
  ['buyerShipping', 'Ongkos Kirim Dibayar oleh Pembeli', 'Buyer Paid Shipping Fee'],
  ['shippingRebate', 'Estimasi Potongan Biaya Pengiriman', 'Shipping Rebate Estimate'],
  ['returnShipping', 'Ongkos Kirim Pengembalian Barang', 'Reverse Shipping Fee'],
  ['total', 'Total Pembayaran', 'Grand Total'], // SPEC: total_price
  ['estShipping', 'Perkiraan Ongkos Kirim', 'Estimated Shipping Fee'],
  ['buyerNote', 'Catatan dari Pembeli', 'Remark from buyer'],
  ['sellerNote', 'Catatan', 'Note'],
  ['username', 'Username (Pembeli)', 'Username (Buyer)'], // SPEC: buyer_username
  ['recipient', 'Nama Penerima', 'Receiver Name'],
  ['phone', 'No. Telepon', 'Phone Number'],
  ['address', 'Alamat Pengiriman', 'Delivery Address'], // SPEC: address_full
  ['city', 'Kota/Kabupaten', 'City'],
  ['province', 'Provinsi', 'Province'],
  ['completedAt', 'Waktu Pesanan Selesai', 'Order Complete Time'],
] as const;

export type ColumnKey = (typeof COLUMNS)[number][0];

/** Column index by key: `row[COL.total]`. */
export const COL = Object.fromEntries(COLUMNS.map(([key], i) => [key, i])) as Record<ColumnKey, number>;

export const WIDTH = COLUMNS.length;

const HEADERS = {
  id: COLUMNS.map((col) => col[1]),
  en: COLUMNS.map((col) => col[2]),
};

/** A fresh copy of the export's header row. */
export function shopeeExportHeader(lang: 'id' | 'en' = 'id'): string[] {
  return HEADERS[lang].slice();
}

/** Order status as Shopee writes it, by the seller's language. */
export type DemoStatus = 'unpaid' | 'toShip' | 'shipping' | 'completed' | 'cancelled' | 'returned';

interface LangData {
  status: Record<DemoStatus, string>;
  cod: string;
  /** Non-COD methods. */
  payments: readonly string[];
  /** Methods allowed while an order is unpaid (COD never waits for payment). */
  prepaid: readonly string[];
  autoCancel: string;
  buyerCancels: readonly string[];
  cancelDone: string;
  refundDone: string;
  dropOff: string;
  pickUp: string;
}

// biome-ignore format: data table
export const LANG_DATA: Record<'id' | 'en', LangData> = {
  id: {
    status: { unpaid: 'Belum Bayar', toShip: 'Perlu Dikirim', shipping: 'Dikirim', completed: 'Selesai', cancelled: 'Batal', returned: 'Pengembalian' },
    cod: 'COD (Bayar di Tempat)',
    payments: ['ShopeePay', 'SPayLater', 'Transfer Bank - BCA', 'Transfer Bank - Mandiri', 'Transfer Bank - BRI', 'Alfamart', 'Indomaret', 'Kartu Kredit/Debit'],
    prepaid: ['Transfer Bank - BCA', 'Transfer Bank - BRI', 'Alfamart', 'Indomaret'],
    autoCancel: 'Dibatalkan secara otomatis oleh sistem Shopee. Alasan: Pembayaran belum diselesaikan',
    buyerCancels: ['Dibatalkan oleh Pembeli. Alasan: Ingin mengubah alamat pengiriman', 'Dibatalkan oleh Pembeli. Alasan: Ingin mengubah rincian pesanan', 'Dibatalkan oleh Pembeli. Alasan: Berubah pikiran', 'Dibatalkan oleh Pembeli. Alasan: Menemukan harga yang lebih murah'],
    cancelDone: 'Pembatalan Diterima',
    refundDone: 'Pengembalian Dana Selesai',
    dropOff: 'Antar ke Counter',
    pickUp: 'Pick-up',
  },
  en: {
    status: { unpaid: 'Unpaid', toShip: 'To ship', shipping: 'Shipping', completed: 'Completed', cancelled: 'Cancelled', returned: 'Returned' },
    cod: 'Cash on Delivery',
    payments: ['ShopeePay', 'SPayLater', 'Bank Transfer - BCA', 'Bank Transfer - Mandiri', 'Bank Transfer - BRI', 'Alfamart', 'Indomaret', 'Credit/Debit Card'],
    prepaid: ['Bank Transfer - BCA', 'Bank Transfer - BRI', 'Alfamart', 'Indomaret'],
    autoCancel: 'Cancelled automatically by Shopee. Reason: Payment not completed',
    buyerCancels: ['Cancelled by buyer. Reason: Need to change delivery address', 'Cancelled by buyer. Reason: Need to modify order', 'Cancelled by buyer. Reason: Changed my mind', 'Cancelled by buyer. Reason: Found cheaper elsewhere'],
    cancelDone: 'Cancellation Accepted',
    refundDone: 'Refund Completed',
    dropOff: 'Drop off',
    pickUp: 'Pickup',
  },
};

/** [shipping option, tracking-number prefix, digits after the prefix] */
// biome-ignore format: data table
export const COURIERS: readonly (readonly [string, string, number])[] = [
  ['SPX Standard', 'SPXID0', 12], ['SPX Hemat', 'SPXID0', 12], ['J&T Express', 'JP', 10],
  ['JNE Reguler', 'CGK', 13], ['SiCepat REG', '00', 10], ['Anteraja Reguler', '1000', 11], ['ID Express', 'IDS', 10],
];

/** Buyers' notes; a few start with characters a spreadsheet would read as a formula. */
// biome-ignore format: data table
export const BUYER_NOTES = [
  'tolong packing yang rapi ya kak', 'warna jangan sampai salah ya', 'kirim hari ini bisa kak?',
  '==double bubble wrap ya==', '+ bonus stiker boleh kak', 'titip di pos satpam', 'ukuran sesuai pesanan ya kak',
  '-jangan pakai kardus bekas-', 'hadiah ulang tahun, jangan taruh nota harga',
] as const;
