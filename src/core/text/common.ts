// Texts shared by several areas. Indonesian first; `en` must have the same keys (typed by `typeof id`).
// The name entry (sidebar/shared/nameField.ts) of both sidebars.
const id = {
  nameLabel: 'Nama asli',
  namePlaceholder: 'Nama asli pembeli',
  saving: 'Menyimpan…',
  saved: (name: string) => `Tersimpan: ${name}`,
  saveFailed: (reason: string) => `Gagal menyimpan: ${reason}`,
  unknownError: 'kesalahan tidak dikenal',
  /** What a failure the browser or Google reports in English reads as (the sidebar's own words). */
  connectionFailed: 'tidak tersambung ke Google Sheets; periksa koneksi internet, lalu coba lagi',
  serverFailed: 'Google Sheets sedang bermasalah; coba lagi sebentar lagi',
  reloadNeeded: 'Kenali perlu dimuat ulang; tutup panel ini lalu buka lagi dari menu',
};

const en: typeof id = {
  nameLabel: 'Real name',
  namePlaceholder: "Buyer's real name",
  saving: 'Saving…',
  saved: (name: string) => `Saved: ${name}`,
  saveFailed: (reason: string) => `Could not save: ${reason}`,
  unknownError: 'unknown error',
  connectionFailed: 'no connection to Google Sheets; check the internet connection, then try again',
  serverFailed: 'Google Sheets is having trouble; try again in a moment',
  reloadNeeded: 'Kenali needs reloading; close this panel and open it again from the menu',
};

export const common = { id, en };
