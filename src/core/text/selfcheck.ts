// Texts of the self-check ("Periksa Kenali", a sidebar opened from the menu, below Bantuan). Indonesian
// first; `en` must have the same keys (typed by `typeof id`). The sidebar sets them with textContent only.

/** A probe as the seller sees it in a label: quoted, so '-x' or "'x" read as what was written. */
const q = (s: string) => `“${s}”`;

/** A check's label from its id: 'text:<probe>' and 'auto:<probe>' name the probe, the rest are listed. */
function labeller(
  text: (probe: string) => string,
  auto: (probe: string) => string,
  named: Record<string, string>,
): (id: string) => string {
  return (id) => {
    const colon = id.indexOf(':');
    const group = id.slice(0, colon);
    const probe = q(id.slice(colon + 1));
    if (group === 'text') return text(probe);
    if (group === 'auto') return auto(probe);
    return named[id] ?? id;
  };
}

const LABELS_ID: Record<string, string> = {
  'date:23:30': 'Pesanan pukul 23.30 (zona waktu spreadsheet) tetap di tanggalnya',
  'date:00:30': 'Pesanan pukul 00.30 tetap di tanggalnya',
  'date:serial': 'Angka di sel tanggal-waktu dibaca sebagai tanggal',
  'date:as-number': 'Tanggal di sel berformat 0.00 dibaca sebagai angka seri',
  'display:#,##0.00': 'Angka ditampilkan dengan pemisah lokal spreadsheet',
  'cell:50000': 'Sel 50.000 karakter tersimpan utuh, 50.001 karakter ditolak',
  'lock:document': 'Kunci dokumen didapat lalu dilepas',
  'properties:document': 'Properti dokumen ditulis, dibaca, lalu dihapus',
  cleanup: 'Sheet sementara sudah dihapus',
  'run:date-argument': 'google.script.run menolak argumen Date',
  'run:undefined-in-array': 'undefined di dalam array tiba sebagai null',
  'run:undefined-in-object': 'Properti undefined di dalam objek tidak terkirim',
  'run:date-result': 'Hasil server yang berisi Date tiba sebagai null',
  'run:upload-1mb': 'Kiriman 1 MB ke server tiba utuh',
  'run:download-1mb': 'Jawaban 1 MB dari server tiba utuh',
  'page:slashes': 'Garis miring ganda di dalam string skrip halaman tetap utuh',
  'page:inline-script': 'Garis miring ganda di dalam skrip inline halaman tetap utuh',
};

const LABELS_EN: Record<string, string> = {
  'date:23:30': "An order at 23:30 (the spreadsheet's time zone) keeps its date",
  'date:00:30': 'An order at 00:30 keeps its date',
  'date:serial': 'A number in a date-time cell reads back as a date',
  'date:as-number': 'A date in a 0.00 cell reads back as its serial number',
  'display:#,##0.00': "Numbers are shown with the spreadsheet locale's separators",
  'cell:50000': 'A 50,000-character cell is kept whole, 50,001 characters are refused',
  'lock:document': 'The document lock is obtained and released',
  'properties:document': 'A document property is written, read and deleted',
  cleanup: 'The temporary sheet is gone',
  'run:date-argument': 'google.script.run refuses a Date argument',
  'run:undefined-in-array': 'undefined inside an array arrives as null',
  'run:undefined-in-object': 'An undefined property of an object is not sent',
  'run:date-result': 'A server result holding a Date arrives as null',
  'run:upload-1mb': 'A 1 MB argument reaches the server whole',
  'run:download-1mb': 'A 1 MB result reaches the page whole',
  'page:slashes': "Two slashes inside a string of the page's script stay whole",
  'page:inline-script': "Two slashes inside the page's hand-written inline script stay whole",
};

const id = {
  title: 'Periksa Kenali',
  intro:
    'Memeriksa perilaku Google Sheets yang diandalkan Kenali, di sheet sementara yang langsung dihapus. Data Anda tidak diubah.',
  running: 'Memeriksa…',
  serverFailed: (reason: string) => `Pemeriksaan di server gagal: ${reason}`,
  summary: (passed: number, total: number) =>
    passed === total ? `Semua ${total} pemeriksaan lulus.` : `${passed} dari ${total} pemeriksaan lulus.`,
  ok: 'lulus',
  failed: 'gagal',
  seen: 'Terlihat',
  expected: 'Diharapkan',
  blockTitle: 'Blok untuk pengembang',
  blockHint:
    'Jika ada yang gagal, salin blok ini dan kirimkan ke pengembang Kenali: blok ini menunjukkan apa yang dilihat spreadsheet Anda, tanpa data toko Anda.',
  copy: 'Salin',
  copied: 'Tersalin',
  copyManually: 'Pilih teks blok lalu salin (Ctrl+C).',
  label: labeller(
    (p) => `Sel teks biasa (@) menerima ${p}`,
    (p) => `Sel otomatis menerima ${p}`,
    LABELS_ID,
  ),
};

const en: typeof id = {
  title: 'Check Kenali',
  intro:
    'Checks the Google Sheets behaviour Kenali relies on, on a temporary sheet that is deleted at once. Your data is not changed.',
  running: 'Checking…',
  serverFailed: (reason: string) => `The check on the server failed: ${reason}`,
  summary: (passed: number, total: number) =>
    passed === total ? `All ${total} checks passed.` : `${passed} of ${total} checks passed.`,
  ok: 'passed',
  failed: 'failed',
  seen: 'Seen',
  expected: 'Expected',
  blockTitle: 'Block for the developers',
  blockHint:
    'If a check failed, copy this block and send it to the Kenali developers: it shows what your spreadsheet did, without any of your shop data.',
  copy: 'Copy',
  copied: 'Copied',
  copyManually: 'Select the block text and copy it (Ctrl+C).',
  label: labeller(
    (p) => `A plain-text (@) cell receives ${p}`,
    (p) => `An automatic cell receives ${p}`,
    LABELS_EN,
  ),
};

export const selfcheck = { id, en };
