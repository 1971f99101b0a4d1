// Texts for the naming sidebar ("Beri Nama Pembeli"). Indonesian first; `en` must have the same keys
// (typed by `typeof id`). Values with parameters are functions; the sidebar puts them in textContent only.
import { common } from './common';

const id = {
  title: 'Beri Nama Pembeli',
  loading: 'Memuat antrean…',
  loadFailed: 'Antrean tidak dapat dimuat.',
  refreshFailed: 'Antrean tidak dapat dimuat ulang. Daftar di bawah adalah versi sebelumnya.',
  retry: 'Coba lagi',
  refresh: 'Muat ulang',
  refreshTitle: 'Muat ulang antrean dari sheet',
  count: (n: string) => `${n} pembeli belum bernama`,
  countNone: 'Semua pembeli sudah bernama',
  empty: (days: string) => `Tidak ada pesanan tanpa nama pembeli dalam ${days} hari terakhir.`,
  filterLabel: 'Saring antrean',
  filterPlaceholder: 'Saring: username, alamat, pesanan, produk',
  shown: (shown: string, total: string) => `Menampilkan ${shown} dari ${total}`,
  noMatch: 'Tidak ada pembeli yang cocok dengan saringan.',
  hint: 'Ketik nama asli lalu tekan Enter: tersimpan dan lanjut ke pembeli berikutnya.',
  orders: 'No. pesanan',
  products: 'Produk',
  more: 'selengkapnya',
  less: 'ringkas',
  moreProducts: (n: string) => `+${n} produk lain`,
  ...common.id,
  notInQueue: 'Pembeli ini sudah tidak ada di antrean, tetapi nama yang Anda ketik tetap bisa disimpan.',
  windowLabel: 'Pesanan dari',
  windowOption: (n: string, days: number) => (days === 1 ? 'hari ini' : `${n} hari terakhir`),
};

const en: typeof id = {
  title: 'Name Buyers',
  loading: 'Loading the queue…',
  loadFailed: 'The queue could not be loaded.',
  refreshFailed: 'The queue could not be reloaded. The list below is the previous one.',
  retry: 'Try again',
  refresh: 'Reload',
  refreshTitle: 'Reload the queue from the sheet',
  count: (n: string) => (n === '1' ? '1 buyer without a name' : `${n} buyers without a name`),
  countNone: 'Every buyer has a name',
  empty: (days: string) => `No orders without a buyer name in the last ${days} days.`,
  filterLabel: 'Filter the queue',
  filterPlaceholder: 'Filter: username, address, order, product',
  shown: (shown: string, total: string) => `Showing ${shown} of ${total}`,
  noMatch: 'No buyer matches the filter.',
  hint: 'Type the real name and press Enter: it is saved and you move on to the next buyer.',
  orders: 'Order no.',
  products: 'Products',
  more: 'more',
  less: 'less',
  moreProducts: (n: string) => `+${n} more`,
  ...common.en,
  notInQueue: 'This buyer is no longer in the queue, but the name you typed can still be saved.',
  windowLabel: 'Orders from',
  windowOption: (n: string, days: number) => (days === 1 ? 'today' : `the last ${n} days`),
};

export const naming = { id, en };
