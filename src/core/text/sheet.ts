import type { Problem } from '../types';

// Texts the Apps Script side shows in the spreadsheet: dialogs, toasts, sheet names, help.
// Indonesian first; `en` must have the same keys (typed by `typeof id`).

const id = {
  inboxSheet: 'Impor',
  problemsSheet: 'Impor - Masalah',
  segmentsSheet: 'Segments',
  /** Where a Customers sheet Kenali cannot use (its header row deleted or renamed) is kept. */
  customersAside: (n: number) => `Customers (rusak${n > 1 ? ` ${n}` : ''})`,
  /** The Segments table's companion: summary, movement matrix, history and charts (a sheet of its own: a
   *  column beside the table would cost a cell per customer). */
  summarySheet: 'Ringkasan Segmen',
  /** A sheet of the seller's that bore one of Kenali's names, set aside (never deleted). */
  yoursSheet: (name: string) => `${name} (milik Anda)`,
  sheetSetAside: (name: string, aside: string) =>
    `Sheet “${name}” yang sudah ada bukan buatan Kenali: sheet itu disimpan sebagai “${aside}”.`,
  sellerColumnsKept: (sheet: string, columns: number, leftover: number) =>
    `${columns} kolom Anda di sheet “${sheet}” ikut dibawa${leftover > 0 ? `; ${leftover} baris pelanggan yang tidak tersegmentasi lagi disimpan di bawah tabel` : ''}.`,
  problemsHeader: ['Sheet', 'Baris', 'Kolom', 'Masalah', 'Jenis'],
  severity: { error: 'kesalahan (tidak diimpor)', warning: 'peringatan' },
  importTitle: 'Impor Kenali',
  inboxMissing: (inbox: string) =>
    `Tempel ekspor pesanan (Shopee, TikTok Shop, Lazada, Tokopedia) atau laporan penghasilan Shopee ke sheet “${inbox}”, lalu jalankan Ekstensi › Kenali › Impor data lagi. Sheet itu sudah disiapkan.`,
  inboxEmpty: (inbox: string) => `Sheet “${inbox}” masih kosong: tempel ekspornya dulu.`,
  importDone: (summary: string) => `Impor selesai. ${summary}`,
  inboxCleared: (inbox: string) => `Semua baris terbaca: sheet “${inbox}” dikosongkan.`,
  inboxKept: (inbox: string, problems: string) =>
    `Ada baris yang tidak bisa dibaca: sheet “${inbox}” TIDAK dikosongkan. Perbaiki baris yang tercantum di “${problems}”, lalu impor lagi (pesanan yang sudah masuk tidak akan terhitung dua kali).`,
  inboxChanged: (inbox: string) =>
    `Sheet “${inbox}” berubah selama impor (ada data baru yang ditempel), jadi TIDAK dikosongkan. Jalankan Ekstensi › Kenali › Impor data lagi untuk baris barunya (pesanan yang sudah masuk tidak akan terhitung dua kali).`,
  inboxNotCleared: (inbox: string, reason: string) =>
    `Sheet “${inbox}” tidak bisa dikosongkan (${reason}). Kosongkan sendiri; mengimpornya lagi tidak mengubah apa pun.`,
  problemsListed: (n: number, sheet: string) => `${n} masalah dicatat di sheet “${sheet}”.`,
  storeProblems: (n: number, sheet: string) =>
    `${n} baris di sheet toko tidak terbaca dan tidak ikut dihitung; rinciannya di “${sheet}”.`,
  moreProblems: (n: number) => `… dan ${n} lainnya`,
  storeUnreadable: (n: number, sheet: string) =>
    `Impor dibatalkan, tidak ada yang diubah: ${n} baris di sheet toko (Orders, OrderItems, OrderPayments) tidak terbaca dan akan hilang bila sheet ditulis ulang. Perbaiki baris yang tercantum di “${sheet}”, lalu impor lagi.`,
  problemLine: (p: Problem) =>
    `${p.sheet} baris ${p.row}${p.column ? `, kolom ${p.column}` : ''}: ${p.reason}`,
  segmentTitle: 'Segmentasi RFM',
  segmentReading: 'Membaca pesanan…',
  segmentWriting: (n: number) => `Menulis ${n} pelanggan ke sheet Segments…`,
  segmentDone: (n: number, sheet: string) => `${n} pelanggan disegmentasi di sheet “${sheet}”.`,
  segmentNoOrders:
    'Belum ada pesanan yang dihitung. Impor ekspor pesanan dulu (Ekstensi › Kenali › Impor data).',
  segmentStoreUnreadable: (sheet: string) =>
    `Segmentasi tidak dijalankan, tidak ada yang diubah: sheet toko tidak terbaca. Perbaiki yang tercantum di bawah (rinciannya di “${sheet}”), lalu coba lagi.`,
  segmentAtTitle: 'Segmentasi RFM per tanggal',
  segmentAtPrompt: 'Tanggal acuan (YYYY-MM-DD), mis. 2024-06-30. Kosongkan untuk hari ini.',
  segmentAtInvalid: (v: string) => `Tanggal “${v}” tidak valid: tulis sebagai YYYY-MM-DD.`,
  summaryTitle: 'Ringkasan segmen',
  chartTitle: 'Pelanggan per segmen',
  setupDone: (created: string[]) =>
    created.length === 0
      ? 'Semua sheet Kenali sudah ada; tidak ada yang diubah.'
      : `Sheet dibuat: ${created.join(', ')}. Data yang sudah ada tidak disentuh.`,
  demoRefused: 'Spreadsheet ini sudah berisi pesanan: data contoh hanya dimuat ke spreadsheet tanpa pesanan.',
  demoDone: (orders: number) =>
    `Data contoh dimuat: ${orders} pesanan toko fiktif. Coba Ekstensi › Kenali › Beri nama pembeli, Cari pelanggan dan Segmentasi RFM.`,
  namingTitle: 'Beri Nama Pembeli',
  lookupTitle: 'Cari Pelanggan',
  helpTitle: 'Bantuan Kenali',
  help: [
    'Kenali mengubah ekspor pesanan marketplace menjadi CRM kecil.',
    '',
    '1. Impor dari file: pilih file ekspor (.xlsx atau .csv) dari Shopee, TikTok Shop, Lazada, Tokopedia atau laporan penghasilan Shopee di Ekstensi › Kenali › Impor dari file…; tanpa salin-tempel. Pesanan digabung berdasarkan nomor pesanan: impor ulang tidak menggandakan apa pun. Urutan impor bebas: status pesanan hanya maju (belum bayar → perlu dikirim → dikirim → selesai, atau batal/dikembalikan), jadi ekspor lama yang diimpor belakangan tidak mengembalikan status yang lebih baru.',
    '   Atau Impor data: tempel ekspornya (judul kolom Indonesia atau Inggris) ke sheet “Impor”, lalu pilih Ekstensi › Kenali › Impor data. Tempel dengan Ctrl+Shift+V (hanya nilai): Ekstensi › Kenali › Siapkan sheet memformat sheet “Impor” sebagai teks biasa, jadi nilai tetap seperti tertulis (SKU 007 tidak menjadi 7, 1/2 tidak menjadi tanggal).',
    '2. Beri nama pembeli: daftar pembeli terbaru yang belum bernama. Ketik nama asli lalu Enter.',
    '3. Cari pelanggan: cari berdasarkan nama, username, nomor pesanan atau alamat.',
    '4. Segmentasi RFM: sheet “Segments” ditulis ulang dengan skor R, F, M dan segmen berwarna.',
    '',
    'Satu pelanggan = username + alamat pengiriman. Nama yang Anda ketik disimpan di sheet BuyerProfile dan tidak pernah ditimpa oleh impor atau segmentasi.',
  ].join('\n'),
  saveFailed: (reason: string) => `Nama tidak tersimpan: ${reason}`,
  saveInvalid: {
    'bad-key': 'ID pelanggan tidak valid',
    'empty-name': 'nama kosong',
    'too-long': 'nama terlalu panjang (maksimal 200 karakter)',
  },
  busy: 'Spreadsheet sedang dipakai proses lain; coba lagi sebentar lagi.',
};

const en: typeof id = {
  inboxSheet: 'Impor',
  problemsSheet: 'Impor - Masalah',
  segmentsSheet: 'Segments',
  customersAside: (n: number) => `Customers (broken${n > 1 ? ` ${n}` : ''})`,
  summarySheet: 'Segment Summary',
  yoursSheet: (name: string) => `${name} (yours)`,
  sheetSetAside: (name: string, aside: string) =>
    `The existing “${name}” sheet was not made by Kenali: it was kept as “${aside}”.`,
  sellerColumnsKept: (sheet: string, columns: number, leftover: number) =>
    `${columns} of your columns in the “${sheet}” sheet were carried over${leftover > 0 ? `; ${leftover} rows of customers no longer segmented were kept under the table` : ''}.`,
  problemsHeader: ['Sheet', 'Row', 'Column', 'Problem', 'Kind'],
  severity: { error: 'error (not imported)', warning: 'warning' },
  importTitle: 'Kenali import',
  inboxMissing: (inbox: string) =>
    `Paste an order export (Shopee, TikTok Shop, Lazada, Tokopedia) or a Shopee income report into the “${inbox}” sheet, then run Extensions › Kenali › Import data again. The sheet has been created.`,
  inboxEmpty: (inbox: string) => `The “${inbox}” sheet is empty: paste the export first.`,
  importDone: (summary: string) => `Import finished. ${summary}`,
  inboxCleared: (inbox: string) => `Every row was read: the “${inbox}” sheet was cleared.`,
  inboxKept: (inbox: string, problems: string) =>
    `Some rows could not be read: the “${inbox}” sheet was NOT cleared. Fix the rows listed in “${problems}” and import again (orders already imported are never counted twice).`,
  inboxChanged: (inbox: string) =>
    `The “${inbox}” sheet changed during the import (new data was pasted), so it was NOT cleared. Run Extensions › Kenali › Import data again for the new rows (orders already imported are never counted twice).`,
  inboxNotCleared: (inbox: string, reason: string) =>
    `The “${inbox}” sheet could not be cleared (${reason}). Clear it yourself; importing it again changes nothing.`,
  problemsListed: (n: number, sheet: string) => `${n} problems listed in the “${sheet}” sheet.`,
  storeProblems: (n: number, sheet: string) =>
    `${n} rows of the store sheets could not be read and were left out; details in “${sheet}”.`,
  moreProblems: (n: number) => `… and ${n} more`,
  storeUnreadable: (n: number, sheet: string) =>
    `Import cancelled, nothing changed: ${n} rows of the store sheets (Orders, OrderItems, OrderPayments) cannot be read and would be lost if the sheets were rewritten. Fix the rows listed in “${sheet}” and import again.`,
  problemLine: (p: Problem) =>
    `${p.sheet} row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`,
  segmentTitle: 'RFM segmentation',
  segmentReading: 'Reading orders…',
  segmentWriting: (n: number) => `Writing ${n} customers to the Segments sheet…`,
  segmentDone: (n: number, sheet: string) => `${n} customers segmented in the “${sheet}” sheet.`,
  segmentNoOrders: 'No counted orders yet. Import an order export first (Extensions › Kenali › Import data).',
  segmentStoreUnreadable: (sheet: string) =>
    `Segmentation did not run and nothing was changed: the store sheets cannot be read. Fix what is listed below (details in “${sheet}”), then try again.`,
  segmentAtTitle: 'RFM segmentation as of a date',
  segmentAtPrompt: 'Run date (YYYY-MM-DD), e.g. 2024-06-30. Leave empty for today.',
  segmentAtInvalid: (v: string) => `“${v}” is not a valid date: write it as YYYY-MM-DD.`,
  summaryTitle: 'Segment summary',
  chartTitle: 'Customers per segment',
  setupDone: (created: string[]) =>
    created.length === 0
      ? 'Every Kenali sheet already exists; nothing was changed.'
      : `Sheets created: ${created.join(', ')}. Existing data was not touched.`,
  demoRefused:
    'This spreadsheet already has orders: sample data only goes into a spreadsheet without orders.',
  demoDone: (orders: number) =>
    `Sample data loaded: ${orders} orders of a fictional shop. Try Extensions › Kenali › Name buyers, Find customer and RFM segmentation.`,
  namingTitle: 'Name Buyers',
  lookupTitle: 'Find Customer',
  helpTitle: 'Kenali help',
  help: [
    'Kenali turns marketplace order exports into a small CRM.',
    '',
    "1. Import from file: choose export files (.xlsx or .csv) from Shopee, TikTok Shop, Lazada, Tokopedia or a Shopee income report in Extensions › Kenali › Import from file…; no copy and paste. Orders merge by order number: importing again never double-counts. Import in any order: an order's status only moves forward (unpaid → to ship → shipped → completed, or cancelled/returned), so an older export imported later never undoes a newer status.",
    '   Or Import data: paste the export (Indonesian or English headers) into the “Impor” sheet, then choose Extensions › Kenali › Import data. Paste with Ctrl+Shift+V (values only): Extensions › Kenali › Set up sheets formats the “Impor” sheet as plain text, so values stay as written (SKU 007 does not become 7, 1/2 does not become a date).',
    '2. Name buyers: recent buyers without a name. Type the real name and press Enter.',
    '3. Find customer: search by name, username, order number or address.',
    '4. RFM segmentation: the “Segments” sheet is rewritten with R, F, M scores and coloured segments.',
    '',
    'A customer is a username plus a shipping address. The names you type are kept in the BuyerProfile sheet and are never overwritten by an import or a segmentation run.',
  ].join('\n'),
  saveFailed: (reason: string) => `Name not saved: ${reason}`,
  saveInvalid: {
    'bad-key': 'invalid customer ID',
    'empty-name': 'empty name',
    'too-long': 'name too long (200 characters at most)',
  },
  busy: 'The spreadsheet is busy with another run; try again in a moment.',
};

export const sheet = { id, en };
