// Texts about the store sheets themselves: a header Kenali needs and cannot find, a row that moved while
// Kenali was writing, an import that failed (undone) or did not finish. Indonesian first; `en` has the same keys.

const quote = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

const id = {
  headerMissing: (sheet: string, headers: readonly string[]) =>
    `Sheet “${sheet}” tidak punya kolom ${quote(headers)} di baris judul (baris 1). Kembalikan judul kolom itu (boleh di kolom mana saja), lalu coba lagi. Tidak ada yang diubah.`,
  notReadBack: (sheet: string, row: number) =>
    `Nilai yang ditulis ke sheet “${sheet}” baris ${row} tidak terbaca kembali (baris itu diubah orang lain saat menyimpan). Coba lagi.`,
  readModelRebuilt: (sheet: string) => `Sheet “${sheet}” disusun ulang dari data toko.`,
  unfinishedImport:
    'Impor sebelumnya berhenti di tengah jalan: jalankan Ekstensi › Kenali › Impor data sekali lagi untuk menuntaskannya (tidak ada yang terhitung dua kali).',
  importUndone: (reason: string) =>
    `Impor gagal (${reason}). Sheet toko dikembalikan persis seperti sebelum impor ini: tidak ada satu pun pesanan dari impor ini yang masuk. Jalankan impor yang sama sekali lagi (Impor data, atau unggah file yang sama).`,
  importUndoPending: (reason: string) =>
    `Impor terhenti di tengah jalan (${reason}). Kenali mengembalikan sheet toko seperti sebelum impor ini pada tindakan berikutnya (Impor data, unggah file, Segmentasi, atau membuka sidebar); sampai saat itu sheet toko jangan diubah. Lalu jalankan impor yang sama sekali lagi: tidak ada yang terhitung dua kali.`,
  importMergedTidiedLater: (reason: string) =>
    `Semua data impor ini sudah masuk ke sheet toko, tetapi merapikannya terhenti (${reason}). Kenali menuntaskannya pada tindakan berikutnya (Impor data, unggah file, Segmentasi, atau membuka sidebar).`,
};

const en: typeof id = {
  headerMissing: (sheet: string, headers: readonly string[]) =>
    `The “${sheet}” sheet has no ${quote(headers)} column in its header row (row 1). Put that header back (in any column) and try again. Nothing was changed.`,
  notReadBack: (sheet: string, row: number) =>
    `What was written to the “${sheet}” sheet, row ${row}, did not read back (someone changed that row while saving). Try again.`,
  readModelRebuilt: (sheet: string) => `The “${sheet}” sheet was rebuilt from the store.`,
  unfinishedImport:
    'The previous import stopped halfway: run Extensions › Kenali › Import data once more to complete it (nothing is counted twice).',
  importUndone: (reason: string) =>
    `The import failed (${reason}). The store sheets were put back exactly as they were before it: not a single order of this import is in. Run the same import once more (Import data, or upload the same file).`,
  importUndoPending: (reason: string) =>
    `The import stopped halfway (${reason}). Kenali puts the store sheets back as they were before it at the next action (Import data, a file upload, Segmentation, or opening a sidebar); until then, do not edit the store sheets. Then run the same import once more: nothing is counted twice.`,
  importMergedTidiedLater: (reason: string) =>
    `Everything of this import is in the store sheets, but tidying them up stopped (${reason}). Kenali finishes it at the next action (Import data, a file upload, Segmentation, or opening a sidebar).`,
};

export const store = { id, en };
