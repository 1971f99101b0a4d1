// Texts about the store sheets themselves: a header Kenali needs and cannot find, a row that moved while
// Kenali was writing, an import that did not finish. Indonesian first; `en` has the same keys.

const quote = (names: readonly string[]) => names.map((n) => `“${n}”`).join(', ');

const id = {
  headerMissing: (sheet: string, headers: readonly string[]) =>
    `Sheet “${sheet}” tidak punya kolom ${quote(headers)} di baris judul (baris 1). Kembalikan judul kolom itu (boleh di kolom mana saja), lalu coba lagi. Tidak ada yang diubah.`,
  notReadBack: (sheet: string, row: number) =>
    `Nilai yang ditulis ke sheet “${sheet}” baris ${row} tidak terbaca kembali (baris itu diubah orang lain saat menyimpan). Coba lagi.`,
  readModelRebuilt: (sheet: string) => `Sheet “${sheet}” disusun ulang dari data toko.`,
  unfinishedImport:
    'Impor sebelumnya berhenti di tengah jalan: jalankan Ekstensi › Kenali › Impor data sekali lagi untuk menuntaskannya (tidak ada yang terhitung dua kali).',
  importInterrupted: (reason: string) =>
    `Impor terhenti di tengah jalan (${reason}). Setiap pesanan di sheet toko tetap utuh, versi lama atau barunya, tetapi sebagian pesanan dari impor ini mungkin sudah masuk. Jalankan impor yang sama sekali lagi (Impor data, atau unggah file yang sama) untuk menuntaskannya: tidak ada yang terhitung dua kali.`,
  importRolledBack: (reason: string) =>
    `Impor terhenti (${reason}). Sheet toko dibiarkan seperti semula: tidak ada satu pun pesanan dari impor ini yang masuk. Coba lagi (Impor data, atau unggah file yang sama).`,
};

const en: typeof id = {
  headerMissing: (sheet: string, headers: readonly string[]) =>
    `The “${sheet}” sheet has no ${quote(headers)} column in its header row (row 1). Put that header back (in any column) and try again. Nothing was changed.`,
  notReadBack: (sheet: string, row: number) =>
    `What was written to the “${sheet}” sheet, row ${row}, did not read back (someone changed that row while saving). Try again.`,
  readModelRebuilt: (sheet: string) => `The “${sheet}” sheet was rebuilt from the store.`,
  unfinishedImport:
    'The previous import stopped halfway: run Extensions › Kenali › Import data once more to complete it (nothing is counted twice).',
  importInterrupted: (reason: string) =>
    `The import stopped halfway (${reason}). Every order in the store sheets is whole, in its old or its new version, but some orders of this import may already be in. Run the same import once more (Import data, or upload the same file) to complete it: nothing is counted twice.`,
  importRolledBack: (reason: string) =>
    `The import stopped (${reason}). The store sheets were left as they were: not one order of this import went in. Try again (Import data, or upload the same file).`,
};

export const store = { id, en };
