const id = {
  title: 'Kenali',
  import: 'Impor data',
  importFile: 'Impor dari file…',
  naming: 'Beri nama pembeli',
  lookup: 'Cari pelanggan',
  segment: 'Segmentasi RFM',
  segmentAt: 'Segmentasi RFM per tanggal…',
  setup: 'Siapkan sheet',
  demo: 'Muat data contoh',
  help: 'Bantuan',
  selfCheck: 'Periksa Kenali',
};

const en: typeof id = {
  title: 'Kenali',
  import: 'Import data',
  importFile: 'Import from file…',
  naming: 'Name buyers',
  lookup: 'Find customer',
  segment: 'RFM segmentation',
  segmentAt: 'RFM segmentation as of a date…',
  setup: 'Set up sheets',
  demo: 'Load sample data',
  help: 'Help',
  selfCheck: 'Check Kenali',
};

export const menu = { id, en };
