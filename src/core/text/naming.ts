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
  /** The window as a phrase: "hari ini", "dalam 7 hari terakhir", "" (semua). */
  noOrders: (n: string, days: number) =>
    days === 1
      ? 'Tidak ada pesanan hari ini.'
      : days === 0
        ? 'Belum ada pesanan sama sekali.'
        : `Tidak ada pesanan dalam ${n} hari terakhir.`,
  allNamed: (n: string, days: number) =>
    days === 1
      ? 'Semua pembeli hari ini sudah bernama.'
      : days === 0
        ? 'Semua pembeli sudah bernama.'
        : `Semua pembeli ${n} hari terakhir sudah bernama.`,
  unnamedOverall: (n: string) => `${n} pembeli masih belum bernama dari semua pesanan.`,
  widen: (window: string) => `Lihat ${window}`,
  filterLabel: 'Saring antrean',
  filterPlaceholder: 'Saring antrean',
  filterTitle: 'Saring menurut username, alamat, no. pesanan atau produk',
  shown: (shown: string, total: string) => `Menampilkan ${shown} dari ${total}`,
  noMatch: 'Tidak ada pembeli yang cocok dengan saringan.',
  hint: 'Ketik nama asli lalu tekan Enter: tersimpan dan lanjut ke pembeli berikutnya. Enter pada kolom kosong melewati pembeli tanpa menyimpan apa pun.',
  orders: 'No. pesanan',
  lastActivityTitle: 'Aktivitas terakhir: pesanan terbaru pembeli ini, apa pun statusnya',
  products: 'Produk',
  more: 'selengkapnya',
  less: 'ringkas',
  moreProducts: (n: string) => `+${n} produk lain`,
  ...common.id,
  notInQueue: 'Pembeli ini sudah tidak ada di antrean, tetapi nama yang Anda ketik tetap bisa disimpan.',
  windowLabel: 'Pesanan dari',
  windowOption: (n: string, days: number) =>
    days === 1 ? 'hari ini' : days === 0 ? 'semua' : `${n} hari terakhir`,
  badWindow: (max: string) => `Rentang hari tidak valid: pilih 1 sampai ${max} hari, atau semua.`,
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
  noOrders: (n: string, days: number) =>
    days === 1
      ? 'No orders today.'
      : days === 0
        ? 'No orders at all yet.'
        : `No orders in the last ${n} days.`,
  allNamed: (n: string, days: number) =>
    days === 1
      ? "Every one of today's buyers has a name."
      : days === 0
        ? 'Every buyer has a name.'
        : `Every buyer of the last ${n} days has a name.`,
  unnamedOverall: (n: string) =>
    n === '1'
      ? '1 buyer is still unnamed across all orders.'
      : `${n} buyers are still unnamed across all orders.`,
  widen: (window: string) => `Show ${window}`,
  filterLabel: 'Filter the queue',
  filterPlaceholder: 'Filter the queue',
  filterTitle: 'Filter by username, address, order no. or product',
  shown: (shown: string, total: string) => `Showing ${shown} of ${total}`,
  noMatch: 'No buyer matches the filter.',
  hint: 'Type the real name and press Enter: it is saved and you move on to the next buyer. Enter on an empty field skips the buyer without saving anything.',
  orders: 'Order no.',
  lastActivityTitle: "Last activity: this buyer's newest order, whatever its status",
  products: 'Products',
  more: 'more',
  less: 'less',
  moreProducts: (n: string) => `+${n} more`,
  ...common.en,
  notInQueue: 'This buyer is no longer in the queue, but the name you typed can still be saved.',
  windowLabel: 'Orders from',
  windowOption: (n: string, days: number) =>
    days === 1 ? 'today' : days === 0 ? 'all' : `the last ${n} days`,
  badWindow: (max: string) => `Invalid number of days: choose 1 to ${max} days, or all.`,
};

export const naming = { id, en };
