// Texts for importing files: the "Impor dari file" sidebar and its server side, and how a CSV file's
// encoding is told to the seller (the CLI says it too). Indonesian first; `en` must have the same keys.
import type { RefusedEncoding } from '../encoding';

/** Quoted, clipped text (a file or sheet name). */
const q = (v: string) => `“${v.length > 60 ? `${v.slice(0, 59)}…` : v}”`;

const id = {
  title: 'Impor dari File',
  intro:
    'Pilih atau seret file ekspor (.xlsx atau .csv) dari Shopee, TikTok Shop, Lazada, atau laporan penghasilan Shopee. Beberapa file sekaligus boleh. File dibaca di browser ini; hanya kolom yang dipakai Kenali yang dikirim.',
  choose: 'Pilih file…',
  dropHere: 'atau seret file ke sini',
  cancel: 'Batalkan',
  again: 'Impor file lain',
  loadingLibrary: 'Menyiapkan pembaca XLSX…',
  reading: (file: string) => `Membaca ${q(file)}…`,
  sending: (file: string) => `Mengirim ${q(file)}…`,
  rowsRead: (rows: string) => `${rows} baris terbaca`,
  chunksSent: (sent: string, total: string) => `${sent} dari ${total} bagian terkirim`,
  merging: (file: string) => `Menggabungkan ${q(file)} ke sheet toko…`,
  merged: (done: string, total: string) => `${done} dari ${total} file digabung`,
  fileDone: (file: string, summary: string) => `${file}: ${summary}`,
  summary: (newOrders: string, updated: string, unchanged: string, problems: string) =>
    `${newOrders} pesanan baru, ${updated} diperbarui, ${unchanged} tidak berubah, ${problems} masalah`,
  payments: (n: string, updated: string) => `data penghasilan: ${n} baru, ${updated} diperbarui`,
  skippedSheets: (sheets: string) => `sheet dilewati (bukan ekspor pesanan): ${sheets}`,
  readAs1252: 'dibaca sebagai Windows-1252 (CSV dari Excel di Windows): periksa huruf seperti é dan è',
  openProblems: (sheet: string) => `Buka sheet ${q(sheet)}`,
  notImported: (file: string, reason: string) => `${file}: TIDAK diimpor — ${reason}`,
  notFinished: (file: string, reason: string) => `${file}: impor tidak selesai — ${reason}`,
  storeUnchanged: 'sheet toko tidak diubah untuk file ini',
  cancelled: 'Dibatalkan. File yang belum selesai tidak diimpor; sheet toko tidak diubah untuk file itu.',
  failed: (reason: string) => `Gagal: ${reason}`,
  unsupported: 'bukan file .xlsx atau .csv',
  noExport: 'tidak ada ekspor pesanan yang dikenali (baris judul kolom tidak ditemukan)',
  xlsxUnreadable: (why: string) => `file XLSX tidak bisa dibaca (${why})`,
  interrupted: (files: string) =>
    `Unggahan sebelumnya terputus (sidebar ditutup atau gagal): ${files} tidak diimpor; sheet toko tidak diubah untuk file itu.`,
  busyElsewhere:
    'Ada unggahan lain yang sedang berjalan di spreadsheet ini (atau baru saja terputus). File Anda tetap bisa diimpor.',
  // Server-side refusals (thrown, shown by the page).
  uploadGone:
    'unggahan ini sudah tidak ada (dibatalkan, kedaluwarsa, atau dibersihkan): toko tidak diubah untuk file ini',
  uploadIncomplete: (file: string) =>
    `bagian file ${q(file)} tidak lengkap di server: toko tidak diubah untuk file ini; unggah lagi`,
  badChunk: 'bagian file yang diterima rusak',
  // Encodings.
  encodingRefused: (encoding: RefusedEncoding, bom: boolean) =>
    bom && (encoding === 'UTF-8' || encoding.startsWith('UTF-16'))
      ? `file bertanda ${encoding} (BOM) tetapi berisi byte yang bukan ${encoding}: file rusak? Simpan ulang sebagai CSV UTF-8`
      : `file berkode ${encoding}${bom ? '' : ' tanpa BOM'}, yang tidak dibaca Kenali: simpan ulang sebagai “CSV UTF-8” (atau “Teks Unicode” dari Excel)`,
  windows1252:
    'file bukan UTF-8: dibaca sebagai Windows-1252 (CSV dari Excel di Windows); periksa huruf seperti é dan è',
};

const en: typeof id = {
  title: 'Import from File',
  intro:
    'Choose or drop export files (.xlsx or .csv) from Shopee, TikTok Shop, Lazada, or a Shopee income report. Several files at once are fine. Files are read in this browser; only the columns Kenali uses are sent.',
  choose: 'Choose files…',
  dropHere: 'or drop files here',
  cancel: 'Cancel',
  again: 'Import other files',
  loadingLibrary: 'Preparing the XLSX reader…',
  reading: (file: string) => `Reading ${q(file)}…`,
  sending: (file: string) => `Sending ${q(file)}…`,
  rowsRead: (rows: string) => `${rows} rows read`,
  chunksSent: (sent: string, total: string) => `${sent} of ${total} parts sent`,
  merging: (file: string) => `Merging ${q(file)} into the store sheets…`,
  merged: (done: string, total: string) => `${done} of ${total} files merged`,
  fileDone: (file: string, summary: string) => `${file}: ${summary}`,
  summary: (newOrders: string, updated: string, unchanged: string, problems: string) =>
    `${newOrders} new orders, ${updated} updated, ${unchanged} unchanged, ${problems} problems`,
  payments: (n: string, updated: string) => `income data: ${n} new, ${updated} updated`,
  skippedSheets: (sheets: string) => `sheets skipped (not an order export): ${sheets}`,
  readAs1252: 'read as Windows-1252 (a CSV from Excel on Windows): check letters such as é and è',
  openProblems: (sheet: string) => `Open the ${q(sheet)} sheet`,
  notImported: (file: string, reason: string) => `${file}: NOT imported — ${reason}`,
  notFinished: (file: string, reason: string) => `${file}: import not finished — ${reason}`,
  storeUnchanged: 'the store sheets were not changed for this file',
  cancelled: 'Cancelled. The file in progress was not imported; the store sheets were not changed for it.',
  failed: (reason: string) => `Failed: ${reason}`,
  unsupported: 'not an .xlsx or .csv file',
  noExport: 'no order export recognised (no header row found)',
  xlsxUnreadable: (why: string) => `the XLSX file cannot be read (${why})`,
  interrupted: (files: string) =>
    `An earlier upload was interrupted (sidebar closed or failed): ${files} not imported; the store sheets were not changed for it.`,
  busyElsewhere:
    'Another upload is running in this spreadsheet (or was interrupted just now). Your files can still be imported.',
  uploadGone:
    'this upload no longer exists (cancelled, expired or cleaned up): the store was not changed for this file',
  uploadIncomplete: (file: string) =>
    `the parts of ${q(file)} on the server are incomplete: the store was not changed for this file; upload it again`,
  badChunk: 'a part of the file arrived damaged',
  encodingRefused: (encoding: RefusedEncoding, bom: boolean) =>
    bom && (encoding === 'UTF-8' || encoding.startsWith('UTF-16'))
      ? `the file is marked ${encoding} (BOM) but holds bytes that are not ${encoding}: damaged? Save it again as CSV UTF-8`
      : `the file is encoded in ${encoding}${bom ? '' : ' without a BOM'}, which Kenali does not read: save it again as “CSV UTF-8” (or Excel's “Unicode Text”)`,
  windows1252:
    'the file is not UTF-8: read as Windows-1252 (a CSV from Excel on Windows); check letters such as é and è',
};

export const upload = { id, en };
