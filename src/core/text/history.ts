// Texts of the segment history sheet. Indonesian first; `en` has the same keys.
const id = {
  sheet: 'Riwayat Segmen',
  date: 'Tanggal',
  matrixTitle: (from: string | null, to: string) =>
    from
      ? `Perpindahan segmen ${from} → ${to}`
      : `Perpindahan segmen: ${to} (belum ada segmentasi sebelumnya)`,
  fromTo: 'Dari \\ Ke',
  arrived: 'Baru',
  left: 'Keluar (tanpa pesanan)',
  chartTitle: 'Pelanggan per segmen dari waktu ke waktu',
  alarmNote: 'Merah: pelanggan terbaik yang turun ke segmen berisiko atau keluar.',
};

const en: typeof id = {
  sheet: 'Segment history',
  date: 'Date',
  matrixTitle: (from: string | null, to: string) =>
    from ? `Segment movement ${from} → ${to}` : `Segment movement: ${to} (no earlier segmentation)`,
  fromTo: 'From \\ To',
  arrived: 'New',
  left: 'Left (no orders)',
  chartTitle: 'Customers per segment over time',
  alarmNote: 'Red: best customers slipping to a risky segment or leaving.',
};

export const history = { id, en };
