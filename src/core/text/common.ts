// Texts shared by several areas. Indonesian first; `en` must have the same keys (typed by `typeof id`).
// The name entry (sidebar/shared/nameField.ts) of both sidebars.
const id = {
  nameLabel: 'Nama asli',
  namePlaceholder: 'Nama asli pembeli',
  saving: 'Menyimpan…',
  saved: (name: string) => `Tersimpan: ${name}`,
  saveFailed: (reason: string) => `Gagal menyimpan: ${reason}`,
  unknownError: 'kesalahan tidak dikenal',
};

const en: typeof id = {
  nameLabel: 'Real name',
  namePlaceholder: "Buyer's real name",
  saving: 'Saving…',
  saved: (name: string) => `Saved: ${name}`,
  saveFailed: (reason: string) => `Could not save: ${reason}`,
  unknownError: 'unknown error',
};

export const common = { id, en };
