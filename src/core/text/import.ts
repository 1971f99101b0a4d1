// Texts for the import area: problem reasons, the locale warning and the import summary.
// Indonesian first; `en` must have the same keys (typed by `typeof id`). A reason never STARTS with text
// taken from a cell (it is written to sheets and must not look like a formula), and quoted cell text is
// clipped so one wild cell cannot flood the message.
import type { UnnamedStatus } from '../status';

/** Quoted, clipped cell text for a reason. */
const q = (v: string) => `“${v.length > 40 ? `${v.slice(0, 39)}…` : v}”`;
/** At most this many unnamed status values are named in one message line. */
const STATUSES_NAMED = 10;
const statusList = (list: readonly UnnamedStatus[], blank: string, returnColumn: string, more: string) => {
  const named = list
    .slice(0, STATUSES_NAMED)
    .map(
      (u) =>
        `${u.column === 'return' ? returnColumn : ''}${u.value === '' ? blank : q(u.value)} (${u.count})`,
    );
  if (list.length > STATUSES_NAMED) named.push(more.replace('#', String(list.length - STATUSES_NAMED)));
  return named.join(', ');
};
/** 50000 → '50.000' (id) or '50,000' (en). */
const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);

const id = {
  empty: 'kosong',
  notANumber: 'angka tidak valid (bukan bilangan terhingga)',
  moneyIsDate: 'berisi tanggal, bukan jumlah uang',
  moneyIsBoolean: 'berisi TRUE/FALSE, bukan jumlah uang',
  moneyUnreadable: (v: string) => `jumlah uang tidak terbaca: ${q(v)}`,
  moneyAmbiguous: (v: string) =>
    `pemisah ribuan/desimal tidak jelas: ${q(v)} (pakai mis. 150.000 atau 150.000,50)`,
  moneyTooLarge: (v: string) => `jumlah uang terlalu besar: ${q(v)}`,
  negative: (v: string) => `tidak boleh negatif: ${q(v)}`,
  dateInvalid: (v: string) => `tanggal tidak valid: ${q(v)}`,
  timeInvalid: (v: string) => `jam tidak valid: ${q(v)}`,
  dateUnreadable: (v: string) =>
    `format tanggal tidak dikenali: ${q(v)} (pakai mis. 2024-05-01 13:45 atau 01/05/2024 13:45)`,
  dateOutOfRange: (v: string) => `tahun di luar rentang yang masuk akal (1990–2100): ${q(v)}`,
  dateIsBoolean: 'berisi TRUE/FALSE, bukan tanggal',
  dateSerialImplausible: (v: string) => `angka ${q(v)} bukan tanggal yang masuk akal`,
  quantityInvalid: (v: string) => `jumlah barang harus bilangan bulat positif: ${q(v)}`,
  orderSnEmpty: 'nomor pesanan kosong',
  orderSnNotInteger: (v: string) => `nomor pesanan berupa angka yang bukan bilangan bulat: ${q(v)}`,
  orderSnUnreadable: (v: string) => `nomor pesanan tidak terbaca: ${q(v)}`,
  orderSnTooBig: (v: string) =>
    `nomor pesanan ${q(v)} terlalu panjang untuk disimpan sebagai angka (digit terakhir bisa hilang): ` +
    'format kolom ini sebagai teks biasa lalu tempel ulang ekspornya',
  usernameEmpty: 'username pembeli kosong',
  usernameTooLong: (max: number) =>
    `username pembeli lebih dari ${grouped(max, '.')} karakter: ini bukan username marketplace`,
  textTooLong: (length: number, max: number) =>
    `teks ${grouped(length, '.')} karakter tidak muat di satu sel Google Sheets (maksimal ${grouped(max, '.')})`,
  addressIdInvalid: (v: string) => `address_identifier harus 40 karakter heksadesimal (SHA-1): ${q(v)}`,
  profileKeyMissing: 'address_identifier dan address_full kosong: profil tidak bisa dikaitkan ke pesanan',
  updatedAtMissing: 'updated_at kosong: profil tetap dipakai, tanggalnya dianggap tidak diketahui',
  missingColumn: (header: string, format: string) =>
    `kolom ${q(header)} tidak ditemukan (format ${format}): tidak ada yang diimpor dari bagian ini`,
  noHeader:
    'baris judul kolom tidak ditemukan di 30 baris pertama (dicari mis. “No. Pesanan”, “Order ID”, ' +
    '“orderNumber” bersama kolom lain dari ekspor yang sama)',
  conflict: (orderSn: string, what: string) =>
    `pesanan ${q(orderSn)} muncul lagi dengan ${what} berbeda: nilai dari baris ini yang dipakai`,
  orderWithheld: (orderSn: string, rows: string) =>
    `pesanan ${q(orderSn)} tidak diimpor karena baris lain dari pesanan ini bermasalah (baris ${rows})`,
  duplicateInStore: (orderSn: string, firstRow: number) =>
    `nomor pesanan ${q(orderSn)} sudah ada di baris ${firstRow}: hapus salah satu baris`,
  duplicateProfile: (firstRow: number) =>
    `pembeli ini (username dan alamat yang sama) sudah punya profil di baris ${firstRow}: yang dipakai baris bernama ` +
    'dengan updated_at terbaru (bila sama, baris yang lebih bawah); hapus salah satu',
  fields: {
    buyer_username: 'username pembeli',
    address_full: 'alamat',
    total_price: 'total pembayaran',
    created_at: 'waktu pesanan',
  },
  localeWarning: (sheet: string) =>
    `Jumlah uang di sheet ${q(sheet)} tampak terlalu kecil untuk Rupiah (mis. 150 untuk 150.000), ` +
    'jadi bagian ini tidak diimpor agar angka uang tidak salah. ' +
    'Kemungkinan setelan lokal spreadsheet membaca titik sebagai desimal: ubah di File > Setelan > ' +
    'Lokal (mis. Indonesia), lalu tempel ulang ekspornya sebagai teks biasa dan impor lagi.',
  summary: (newOrders: number, updated: number, unchanged: number, problemRows: number) =>
    `${newOrders} pesanan baru, ${updated} diperbarui, ${unchanged} tidak berubah, ${problemRows} baris bermasalah`,
  paymentsSummary: (added: number, updated: number) =>
    `${added} data penghasilan baru, ${updated} diperbarui (sheet OrderPayments)`,
  olderInFile: (n: number) =>
    `${n} pesanan di file ini lebih lama dari yang tersimpan: status tersimpan yang lebih baru dipertahankan.`,
  unnamedStatuses: (list: readonly UnnamedStatus[]) =>
    `Status yang tidak dikenal aturan Kenali, tetap dihitung sebagai penjualan: ${statusList(list, '(kosong)', 'kolom pengembalian ', '… dan # lainnya')}.`,
  itemStatusConflict: (orderSn: string, statuses: string, counted: number, total: number) =>
    `barang pesanan ${q(orderSn)} berbeda status (${statuses}): hanya ${counted} dari ${total} barang yang dihitung`,
  duplicateItem: (itemId: string) =>
    `barang ${q(itemId)} muncul lagi dengan nilai berbeda: dihitung sekali, dengan status paling lanjut`,
  firstLineWins: (orderSn: string, what: string) =>
    `pesanan ${q(orderSn)}: ${what} di baris ini berbeda dari baris pertama pesanan: nilai baris pertama yang dipakai`,
  incompleteHeader: (row: number, format: string, missing: string) =>
    `baris ${row} mirip judul kolom ekspor ${format}, tetapi kolom ${missing} tidak ada: bukan ekspor yang dikenal, tidak ada yang diimpor`,
};

const en: typeof id = {
  empty: 'empty',
  notANumber: 'invalid number (not finite)',
  moneyIsDate: 'holds a date, not an amount of money',
  moneyIsBoolean: 'holds TRUE/FALSE, not an amount of money',
  moneyUnreadable: (v: string) => `unreadable amount of money: ${q(v)}`,
  moneyAmbiguous: (v: string) =>
    `unclear thousands/decimal separators: ${q(v)} (use e.g. 150.000 or 150.000,50)`,
  moneyTooLarge: (v: string) => `amount of money too large: ${q(v)}`,
  negative: (v: string) => `must not be negative: ${q(v)}`,
  dateInvalid: (v: string) => `invalid date: ${q(v)}`,
  timeInvalid: (v: string) => `invalid time: ${q(v)}`,
  dateUnreadable: (v: string) =>
    `unrecognised date format: ${q(v)} (use e.g. 2024-05-01 13:45 or 01/05/2024 13:45)`,
  dateOutOfRange: (v: string) => `year outside the plausible range (1990–2100): ${q(v)}`,
  dateIsBoolean: 'holds TRUE/FALSE, not a date',
  dateSerialImplausible: (v: string) => `the number ${q(v)} is not a plausible date`,
  quantityInvalid: (v: string) => `quantity must be a positive whole number: ${q(v)}`,
  orderSnEmpty: 'order number is empty',
  orderSnNotInteger: (v: string) => `order number is a number that is not whole: ${q(v)}`,
  orderSnUnreadable: (v: string) => `unreadable order number: ${q(v)}`,
  orderSnTooBig: (v: string) =>
    `order number ${q(v)} is too long to be kept as a number (its last digits may be lost): ` +
    'format this column as plain text and paste the export again',
  usernameEmpty: 'buyer username is empty',
  usernameTooLong: (max: number) =>
    `buyer username longer than ${grouped(max, ',')} characters: not a marketplace username`,
  textTooLong: (length: number, max: number) =>
    `text of ${grouped(length, ',')} characters does not fit in one Google Sheets cell (at most ${grouped(max, ',')})`,
  addressIdInvalid: (v: string) => `address_identifier must be 40 hexadecimal characters (SHA-1): ${q(v)}`,
  profileKeyMissing:
    'address_identifier and address_full are both empty: the profile cannot be linked to orders',
  updatedAtMissing: 'updated_at is empty: the profile is kept, its date is treated as unknown',
  missingColumn: (header: string, format: string) =>
    `column ${q(header)} not found (${format} format): nothing was imported from this part`,
  noHeader:
    'no header row found in the first 30 rows (looked for e.g. “No. Pesanan”, “Order ID”, ' +
    '“orderNumber” together with another column of the same export)',
  conflict: (orderSn: string, what: string) =>
    `order ${q(orderSn)} appears again with a different ${what}: the value of this row is used`,
  orderWithheld: (orderSn: string, rows: string) =>
    `order ${q(orderSn)} was not imported because other rows of this order have problems (rows ${rows})`,
  duplicateInStore: (orderSn: string, firstRow: number) =>
    `order number ${q(orderSn)} already exists in row ${firstRow}: delete one of the rows`,
  duplicateProfile: (firstRow: number) =>
    `this buyer (same username and address) already has a profile in row ${firstRow}: the named row with ` +
    'the latest updated_at is used (on a tie, the lower row); delete one of them',
  fields: {
    buyer_username: 'buyer username',
    address_full: 'address',
    total_price: 'order total',
    created_at: 'order time',
  },
  localeWarning: (sheet: string) =>
    `The amounts in sheet ${q(sheet)} look too small for Rupiah (e.g. 150 for 150.000), ` +
    'so this part was not imported rather than produce wrong money figures. ' +
    "The spreadsheet's locale probably reads the dot as a decimal point: change it in File > Settings > " +
    'Locale (e.g. Indonesia), then paste the export again as plain text and import again.',
  summary: (newOrders: number, updated: number, unchanged: number, problemRows: number) =>
    `${newOrders} new orders, ${updated} updated, ${unchanged} unchanged, ${problemRows} rows with problems`,
  paymentsSummary: (added: number, updated: number) =>
    `${added} new income records, ${updated} updated (sheet OrderPayments)`,
  olderInFile: (n: number) =>
    `${n} orders in this file are older than the ones stored: their newer stored status was kept.`,
  unnamedStatuses: (list: readonly UnnamedStatus[]) =>
    `Statuses Kenali's rules do not know, counted as sales: ${statusList(list, '(blank)', 'return column ', '… and # more')}.`,
  itemStatusConflict: (orderSn: string, statuses: string, counted: number, total: number) =>
    `the items of order ${q(orderSn)} have different statuses (${statuses}): only ${counted} of ${total} items are counted`,
  duplicateItem: (itemId: string) =>
    `item ${q(itemId)} appears again with different values: counted once, with its latest status`,
  firstLineWins: (orderSn: string, what: string) =>
    `order ${q(orderSn)}: the ${what} on this row differs from the order's first row: the first row's value is used`,
  incompleteHeader: (row: number, format: string, missing: string) =>
    `row ${row} looks like a ${format} export header, but column ${missing} is missing: not a known export, nothing imported`,
};

export const importText = { id, en };
