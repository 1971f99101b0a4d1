// Texts for the cli area: the `kenali` command line and the local preview server. Indonesian first;
// `en` must have the same keys (typed by `typeof id`). Help texts are whole screens, kept under 100 columns.
import type { Problem } from '../types';

/** Quoted, clipped text (a file name or a value from the command line). */
const q = (v: string) => `“${v.length > 60 ? `${v.slice(0, 59)}…` : v}”`;

/** What a save could not write back (local/xlsx-kept.ts LossKind), as a seller would name it. */
const LOSS_ID: Record<string, string> = {
  images: 'gambar',
  charts: 'grafik',
  chartSheets: 'sheet grafik',
  pivotTables: 'tabel pivot',
  macros: 'makro VBA',
  externalLinks: 'tautan ke workbook lain',
  slicers: 'slicer',
  threadedComments: 'komentar berutas',
  tables: 'tabel (Format sebagai Tabel)',
  drawings: 'bentuk atau kotak teks',
  connections: 'koneksi data',
  formControls: 'kontrol formulir',
  embeddedObjects: 'objek tersemat',
  cellImages: 'gambar di dalam sel',
};

const LOSS_EN: Record<string, string> = {
  images: 'image(s)',
  charts: 'chart(s)',
  chartSheets: 'chart sheet(s)',
  pivotTables: 'pivot table(s)',
  macros: 'VBA macro project(s)',
  externalLinks: 'link(s) to other workbooks',
  slicers: 'slicer(s)',
  threadedComments: 'threaded comment part(s)',
  tables: 'table(s) (Format as Table)',
  drawings: 'shape(s) or text box(es)',
  connections: 'data connection part(s)',
  formControls: 'form control(s)',
  embeddedObjects: 'embedded object(s)',
  cellImages: 'image(s) in cells',
};

const id = {
  help: {
    main: `Kenali — CRM kecil dari ekspor pesanan marketplace (Shopee, TikTok Shop, Lazada, Tokopedia).

Pemakaian: npm run kenali -- <perintah> [opsi]

Perintah:
  segment <ekspor...> --out FILE.csv|FILE.xlsx   segmen RFM langsung dari file ekspor (tanpa workbook)
  segment --workbook FILE.xlsx                   tulis sheet Segments ke dalam workbook
  import <ekspor...> --workbook FILE.xlsx        impor ekspor ke sheet toko di workbook
  name <ID pelanggan> <nama asli> --workbook FILE   simpan nama asli pembeli (BuyerProfile)
  lookup [cari] --workbook FILE [--json]         cari pelanggan (tanpa kata cari: pembeli terbaru)
  demo --out FILE.csv                            buat ekspor Shopee contoh (toko fiktif)

Opsi umum:
  --lang id|en    bahasa pesan dan label (bawaan: id)
  -h, --help      bantuan; "npm run kenali -- <perintah> --help" untuk satu perintah

Kode keluar: 0 berhasil (baris bermasalah dilaporkan ke stderr), 1 gagal (file tidak terbaca,
tidak ada ekspor yang dikenali, kolom wajib tidak ada, tidak bisa menulis), 2 argumen salah.`,
    segment: `Pemakaian:
  npm run kenali -- segment <ekspor...> --out FILE.csv|FILE.xlsx [--today YYYY-MM-DD] [--tz ZONA]
  npm run kenali -- segment --workbook FILE.xlsx [--today YYYY-MM-DD]

Dengan --out: membaca file ekspor (CSV atau XLSX; beberapa file boleh saling tumpang tindih: pesanan
dihitung sekali per nomor pesanan), lalu menulis satu baris per pelanggan dengan kolom buyer_key, name,
buyer_username, address_full, first_order_at, last_order_at, recency_days, frequency, monetary, r, f,
m, rfm, segment. Tanggal ditulis sebagai waktu lokal zona --tz.
  CSV: UTF-8, pemisah koma. Sel teks yang diawali = + - @ tab atau CR diberi awalan ' agar aplikasi
  spreadsheet tidak menjalankannya sebagai rumus (hapus tanda ' itu bila perlu nilai aslinya).
  XLSX: kolom segmen berwarna, baris judul dibekukan, dengan filter.
Baris ekspor yang tidak terbaca dilaporkan ke stderr (file, baris, kolom, alasan) dan tidak ikut
dihitung; segmen tetap ditulis dari baris yang terbaca.

Dengan --workbook: menjalankan Segmentasi RFM Kenali pada workbook itu dan menyimpannya.

Opsi:
  --out FILE        file hasil (.csv atau .xlsx)
  --workbook FILE   workbook Kenali (.xlsx)
  --today TANGGAL   tanggal acuan recency (bawaan: hari ini di zona --tz)
  --tz ZONA         zona waktu IANA (bawaan: Asia/Jakarta; dengan --workbook: zona workbook)
  --force           simpan workbook walau isinya ada yang tidak bisa disimpan Kenali (gambar, grafik…)
  --lang id|en      bahasa pesan dan label segmen`,
    import: `Pemakaian: npm run kenali -- import <ekspor...> --workbook FILE.xlsx [--tz ZONA]

Menempel file ekspor (CSV atau XLSX, semua sheet) ke sheet "Impor" workbook, lalu menjalankan Impor
Kenali: pesanan, baris pesanan dan pembayaran digabung ke sheet toko berdasarkan nomor pesanan (impor
ulang tidak menggandakan apa pun). Workbook dibuat bila belum ada (zona --tz). Isi sheet "Impor"
diganti dengan ekspor yang diberikan.

Opsi:
  --workbook FILE   workbook Kenali (.xlsx), dibuat bila belum ada
  --tz ZONA         zona waktu workbook baru (bawaan: Asia/Jakarta)
  --force           simpan walau workbook berisi yang tidak bisa disimpan Kenali (gambar, grafik…)
  --lang id|en      bahasa pesan (dan workbook baru)`,
    name: `Pemakaian: npm run kenali -- name <ID pelanggan> <nama asli> --workbook FILE.xlsx

Menyimpan nama asli pembeli di sheet BuyerProfile (buat baru atau perbarui). ID pelanggan berbentuk
"username|sha1 alamat": salin dari kolom “ID Pelanggan” di sheet Segments, atau dari kolom buyer_key
di CSV hasil segment --out dan di hasil lookup --json.

Opsi:
  --force   simpan walau workbook berisi yang tidak bisa disimpan Kenali (gambar, grafik…)`,
    lookup: `Pemakaian: npm run kenali -- lookup [kata cari] --workbook FILE.xlsx [--json]

Tanpa kata cari: pembeli yang memesan dalam beberapa hari terakhir. Dengan kata cari: pelanggan yang
nama asli, username, nomor pesanan atau alamatnya memuat kata itu (huruf besar/kecil sama saja).

Opsi:
  --json   hasil sebagai JSON (seperti yang diterima sidebar)`,
    demo: `Pemakaian: npm run kenali -- demo --out FILE.csv [--lines N | --orders N] [--seed N] [--today YYYY-MM-DD]
                                 [--tz ZONA] [--income FILE.csv] [--header id|en]

Menulis ekspor pesanan Shopee contoh (toko fiktif, berbulan-bulan pesanan, pembeli berulang) sebagai
CSV, untuk mencoba Kenali atau mengukur kecepatan. --income juga menulis laporan penghasilannya.`,
  },
  errors: {
    unknownCommand: (c: string) => `Perintah tidak dikenal: ${q(c)}.`,
    noCommand: 'Perintah belum diberikan.',
    unknownOption: (o: string) => `Opsi tidak dikenal: ${q(o)}.`,
    missingValue: (o: string) => `Opsi --${o} perlu nilai.`,
    noValueExpected: (o: string) => `Opsi --${o} tidak memakai nilai.`,
    repeated: (o: string) => `Opsi --${o} diberikan lebih dari sekali.`,
    badLang: (v: string) => `Bahasa ${q(v)} tidak dikenal: pakai id atau en.`,
    badDate: (v: string) => `Tanggal ${q(v)} tidak valid: tulis sebagai YYYY-MM-DD, mis. 2024-06-30.`,
    badTimeZone: (v: string) => `Zona waktu ${q(v)} tidak dikenal: pakai nama IANA, mis. Asia/Jakarta.`,
    badCount: (o: string, v: string) => `--${o} ${q(v)}: perlu bilangan bulat positif.`,
    needFiles: 'Sebutkan file ekspor (CSV atau XLSX).',
    needWorkbook: 'Sebutkan workbook dengan --workbook FILE.xlsx.',
    outOrWorkbook: 'Pakai --out FILE (dari file ekspor) atau --workbook FILE (workbook Kenali), salah satu.',
    filesWithWorkbook:
      'segment --workbook membaca pesanan dari workbook: file ekspor diimpor dulu dengan "import".',
    outExtension: (p: string) => `File hasil ${q(p)} harus berakhiran .csv atau .xlsx.`,
    outIsInput: (p: string) => `File hasil ${q(p)} juga file ekspor yang dibaca: pilih nama lain.`,
    demoExtension: (p: string) => `File contoh ${q(p)} harus berakhiran .csv.`,
    badHeaderLang: (v: string) => `--header ${q(v)}: pakai id atau en.`,
    workbookExtension: (p: string) => `Workbook ${q(p)} harus berakhiran .xlsx.`,
    tooManyArgs: (extra: string) => `Argumen berlebih: ${q(extra)}.`,
    needKeyAndName: 'Sebutkan ID pelanggan dan nama asli, mis. name "budi88|3f2a…" "Budi Santoso".',
    badKey: (k: string) => `ID pelanggan ${q(k)} tidak valid: bentuknya username|40 digit heksadesimal.`,
    seeHelp: (command: string) => `Lihat: npm run kenali -- ${command}--help`,
  },
  files: {
    missing: (p: string) => `File ${q(p)} tidak ditemukan.`,
    directory: (p: string) => `${q(p)} adalah folder, bukan file.`,
    unreadable: (p: string, why: string) => `File ${q(p)} tidak bisa dibaca (${why}).`,
    extension: (p: string) => `File ${q(p)} bukan CSV atau XLSX (.csv, .tsv, .txt, .xlsx).`,
    xlsx: (p: string, why: string) => `File ${q(p)} bukan XLSX yang bisa dibaca (${why}).`,
    encoding: (p: string, why: string) => `File ${q(p)} tidak dibaca: ${why}.`,
    workbookUnreadable: (p: string, why: string) => `Workbook ${q(p)} tidak bisa dibuka (${why}).`,
    outFolderMissing: (file: string, dir: string) =>
      `Folder untuk ${q(file)} tidak ada: ${q(dir)}. Buat foldernya dulu, atau pilih folder lain.`,
    outFolderReadOnly: (file: string, dir: string) =>
      `Folder ${q(dir)} tidak bisa ditulisi, jadi ${q(file)} tidak bisa dibuat di sana. Pilih folder lain.`,
    writeFailed: (p: string, why: string) => `Tidak bisa menulis ${q(p)} (${why}).`,
    notWorkbook: (p: string, why: 'not-zip' | 'no-workbook' | 'no-sheets') =>
      `File ${q(p)} bukan workbook .xlsx (${
        {
          'not-zip': 'bukan arsip zip',
          'no-workbook': 'arsip zip tanpa xl/workbook.xml',
          'no-sheets': 'tanpa sheet',
        }[why]
      }): Kenali tidak menulis ke file itu, dan file itu tidak diubah.`,
    wouldLose: (p: string, items: string[]) =>
      `Workbook ${q(p)} berisi ${items.join(', ')}: Kenali tidak bisa menyimpannya kembali, jadi file tidak diubah. ` +
      'Tambahkan --force untuk tetap menyimpan (semua itu hilang dari file).',
    loss: (kind: string, count: number, sheet?: string) =>
      `${count} ${LOSS_ID[kind] ?? kind}${sheet ? ` di sheet ${q(sheet)}` : ''}`,
    changedWhileRunning: (p: string) =>
      `Workbook ${q(p)} diubah program lain selagi Kenali bekerja: tidak disimpan, supaya perubahan itu tidak hilang. Jalankan perintahnya lagi.`,
    noExport: (p: string, reason: string) => `${q(p)}: tidak ada ekspor pesanan yang dikenali — ${reason}.`,
    missingColumns: (p: string) =>
      `${q(p)}: kolom wajib tidak ada, jadi file ini tidak bisa dipakai (tidak ada yang ditulis):`,
    skipped: (p: string, sheets: readonly string[]) =>
      `${q(p)}: sheet dilewati (bukan ekspor pesanan atau laporan penghasilan yang dikenal): ${sheets.join(', ')}.`,
    tooBig: (p: string, why: string) =>
      `Workbook ${q(p)} tidak muat (${why}). Untuk toko sebesar ini pakai "segment <ekspor...> --out".`,
  },
  problems: {
    header: (n: number) => `${n} masalah di file ekspor (baris ini tidak ikut dihitung):`,
    line: (p: Problem) =>
      `  ${p.severity === 'warning' ? 'peringatan' : 'kesalahan'}: ${p.sheet} baris ${p.row}` +
      `${p.column ? `, kolom ${p.column}` : ''}: ${p.reason}`,
    more: (n: number) => `  … dan ${n} masalah lainnya`,
    unterminatedQuote: 'tanda kutip (") dibuka tetapi tidak ditutup: sisa file terbaca sebagai satu sel',
  },
  progress: {
    reading: (file: string) => `Membaca ${file}`,
    scoring: 'Menghitung segmen',
    writing: (file: string) => `Menulis ${file}`,
    loading: (file: string) => `Membuka ${file}`,
    saving: (file: string) => `Menyimpan ${file}`,
    running: (what: string) => `Menjalankan ${what}`,
  },
  done: {
    segmented: (customers: number, orders: number, file: string, seconds: string) =>
      `${customers} pelanggan (${orders} pesanan) → ${file} dalam ${seconds} dtk.`,
    noCustomers: 'Tidak ada pesanan yang dihitung (semua batal/belum bayar/dikembalikan atau tidak terbaca).',
    saved: (file: string) => `Workbook disimpan: ${file}.`,
    created: (file: string) => `Workbook baru dibuat: ${file}.`,
    nameSaved: (key: string, name: string, updated: boolean) =>
      `${updated ? 'Nama diperbarui' : 'Nama disimpan'}: ${key} → ${name}.`,
    demoWritten: (lines: number, orders: number, file: string) =>
      `${lines} baris pesanan (${orders} pesanan) → ${file}.`,
    incomeWritten: (rows: number, file: string) => `Laporan penghasilan: ${rows} baris → ${file}.`,
  },
  lookup: {
    header: ['Nama', 'Username', 'Alamat', 'Pesanan', 'Aktivitas terakhir', 'ID Pelanggan'],
    recent: (days: number, n: number, total: number) =>
      `Pembeli ${days} hari terakhir: ${n}${total > n ? ` dari ${total}` : ''}.`,
    found: (query: string, n: number, total: number) =>
      `Hasil untuk ${q(query)}: ${n}${total > n ? ` dari ${total}` : ''}.`,
    none: 'Tidak ada pelanggan yang cocok.',
  },
  preview: {
    listening: (url: string) => `Pratinjau Kenali berjalan di ${url}  (Ctrl+C untuk berhenti)`,
    workbook: (file: string) => `Workbook: ${file}`,
    demoCreated: (file: string) => `Workbook contoh dibuat dengan data demo: ${file}`,
    portInUse: (port: number) => `Port ${port} sedang dipakai: pilih yang lain dengan --port N.`,
    badPort: (v: string) => `Port ${q(v)} tidak valid: 1–65535.`,
    stopped: 'Pratinjau dihentikan.',
    title: 'Pratinjau Kenali',
    readOnly: 'Tampilan baca-saja workbook. Ubah lewat menu di bawah atau sidebar.',
    sidebars: 'Sidebar',
    lastMessage: 'Pesan terakhir',
    sheets: 'Sheet',
    emptySheet: '(sheet kosong)',
    rowsShown: (shown: number, total: number) => `${shown} dari ${total} baris ditampilkan.`,
    back: '← Workbook',
    noSheets: 'Workbook ini belum punya sheet.',
    actionFailed: (why: string) => `Gagal: ${why}`,
    menuPath: 'Ekstensi ▸ Kenali',
    toasts: 'Notifikasi',
    promptAnswer: 'Jawaban',
    cancel: 'Batal',
    chartNote:
      'Grafik ini digambar dari data dan opsi grafik yang dibuat skrip, seperti di Google Sheets. File .xlsx yang disimpan tidak memuat grafik (exceljs tidak bisa menulisnya): jalankan Segmentasi RFM lagi setelah membuka file.',
    reloaded: (file: string) =>
      `${file} diubah di disk oleh program lain: dimuat ulang sebelum tindakan ini, jadi perubahan itu tetap ada.`,
    changedUnreadable: (file: string, why: string) =>
      `${file} diubah di disk dan sekarang tidak bisa dibaca (${why}): tindakan ditolak, tidak ada yang disimpan.`,
    help: `Pemakaian: npm start -- [--workbook FILE.xlsx] [--port N] [--lang id|en] [--force]

Membuka workbook (bawaan ./kenali-demo.xlsx; dibuat dengan data contoh bila belum ada) dan menyajikan
pratinjau di http://localhost:PORT (bawaan 8080): sheet-sheet workbook, tombol menu Kenali, dan sidebar
di /naming, /lookup dan /selfcheck. Setiap perubahan disimpan ke file workbook; bila file itu diubah
program lain selama pratinjau berjalan, file dimuat ulang sebelum tindakan berikutnya. --force: buka
juga workbook berisi yang tidak bisa disimpan Kenali (gambar, grafik…), yang akan hilang saat disimpan.`,
  },
};

const en: typeof id = {
  help: {
    main: `Kenali — a small CRM from marketplace order exports (Shopee, TikTok Shop, Lazada, Tokopedia).

Usage: npm run kenali -- <command> [options]

Commands:
  segment <exports...> --out FILE.csv|FILE.xlsx   RFM segments straight from export files (no workbook)
  segment --workbook FILE.xlsx                    write the Segments sheet into a workbook
  import <exports...> --workbook FILE.xlsx        import exports into the workbook's store sheets
  name <customer ID> <real name> --workbook FILE  save a buyer's real name (BuyerProfile)
  lookup [query] --workbook FILE [--json]         find customers (no query: recent buyers)
  demo --out FILE.csv                             write a sample Shopee export (a fictional shop)

Common options:
  --lang id|en    language of messages and labels (default: id)
  -h, --help      help; "npm run kenali -- <command> --help" for one command

Exit codes: 0 success (unreadable rows are reported on stderr), 1 failure (unreadable file, no
recognised export, a required column missing, cannot write), 2 bad arguments.`,
    segment: `Usage:
  npm run kenali -- segment <exports...> --out FILE.csv|FILE.xlsx [--today YYYY-MM-DD] [--tz ZONE]
  npm run kenali -- segment --workbook FILE.xlsx [--today YYYY-MM-DD]

With --out: reads the export files (CSV or XLSX; files may overlap: an order counts once per order
number) and writes one row per customer with the columns buyer_key, name, buyer_username,
address_full, first_order_at, last_order_at, recency_days, frequency, monetary, r, f, m, rfm, segment.
Dates are local times in the --tz zone.
  CSV: UTF-8, comma-separated. A text cell starting with = + - @ tab or CR gets a leading ' so that
  spreadsheet apps never run it as a formula (strip that ' when you need the raw value).
  XLSX: coloured segment column, frozen header row, with a filter.
Export rows that cannot be read are reported on stderr (file, row, column, reason) and not counted;
the segments of the rows that were read are still written.

With --workbook: runs Kenali's RFM segmentation on that workbook and saves it.

Options:
  --out FILE        output file (.csv or .xlsx)
  --workbook FILE   a Kenali workbook (.xlsx)
  --today DATE      the run date for recency (default: today in the --tz zone)
  --tz ZONE         IANA time zone (default: Asia/Jakarta; with --workbook: the workbook's)
  --force           save the workbook even if it holds what Kenali cannot save (images, charts…)
  --lang id|en      language of messages and segment labels`,
    import: `Usage: npm run kenali -- import <exports...> --workbook FILE.xlsx [--tz ZONE]

Pastes the export files (CSV or XLSX, every sheet) into the workbook's "Impor" sheet and runs Kenali's
Import: orders, order lines and payments are merged into the store sheets by order number (importing
again never double-counts). The workbook is created when missing (zone --tz). The "Impor" sheet's
content is replaced by the given exports.

Options:
  --workbook FILE   a Kenali workbook (.xlsx), created when missing
  --tz ZONE         time zone of a new workbook (default: Asia/Jakarta)
  --force           save even if the workbook holds what Kenali cannot save (images, charts…)
  --lang id|en      language of messages (and of a new workbook)`,
    name: `Usage: npm run kenali -- name <customer ID> <real name> --workbook FILE.xlsx

Saves a buyer's real name in the BuyerProfile sheet (creates or updates). The customer ID looks like
"username|sha1 of the address": copy it from the Segments sheet's “Customer ID” column, or from the
buyer_key column of segment --out's CSV and of lookup --json.

Options:
  --force   save even if the workbook holds what Kenali cannot save (images, charts…)`,
    lookup: `Usage: npm run kenali -- lookup [query] --workbook FILE.xlsx [--json]

Without a query: the buyers who ordered in the last few days. With one: customers whose real name,
username, order number or address contains it (case-insensitive).

Options:
  --json   the result as JSON (as the sidebar receives it)`,
    demo: `Usage: npm run kenali -- demo --out FILE.csv [--lines N | --orders N] [--seed N] [--today YYYY-MM-DD]
                                 [--tz ZONE] [--income FILE.csv] [--header id|en]

Writes a sample Shopee order export (a fictional shop, months of orders, repeat buyers) as CSV, to try
Kenali or to measure it. --income also writes its income report.`,
  },
  errors: {
    unknownCommand: (c: string) => `Unknown command: ${q(c)}.`,
    noCommand: 'No command given.',
    unknownOption: (o: string) => `Unknown option: ${q(o)}.`,
    missingValue: (o: string) => `Option --${o} needs a value.`,
    noValueExpected: (o: string) => `Option --${o} takes no value.`,
    repeated: (o: string) => `Option --${o} was given more than once.`,
    badLang: (v: string) => `Unknown language ${q(v)}: use id or en.`,
    badDate: (v: string) => `Invalid date ${q(v)}: write it as YYYY-MM-DD, e.g. 2024-06-30.`,
    badTimeZone: (v: string) => `Unknown time zone ${q(v)}: use an IANA name, e.g. Asia/Jakarta.`,
    badCount: (o: string, v: string) => `--${o} ${q(v)}: needs a positive whole number.`,
    needFiles: 'Name the export files (CSV or XLSX).',
    needWorkbook: 'Name the workbook with --workbook FILE.xlsx.',
    outOrWorkbook: 'Use either --out FILE (from export files) or --workbook FILE (a Kenali workbook).',
    filesWithWorkbook:
      'segment --workbook reads the orders in the workbook: import export files with "import" first.',
    outExtension: (p: string) => `Output file ${q(p)} must end in .csv or .xlsx.`,
    outIsInput: (p: string) => `Output file ${q(p)} is also an export being read: choose another name.`,
    demoExtension: (p: string) => `Sample file ${q(p)} must end in .csv.`,
    badHeaderLang: (v: string) => `--header ${q(v)}: use id or en.`,
    workbookExtension: (p: string) => `Workbook ${q(p)} must end in .xlsx.`,
    tooManyArgs: (extra: string) => `Unexpected argument: ${q(extra)}.`,
    needKeyAndName: 'Give the customer ID and the real name, e.g. name "budi88|3f2a…" "Budi Santoso".',
    badKey: (k: string) => `Invalid customer ID ${q(k)}: it looks like username|40 hexadecimal digits.`,
    seeHelp: (command: string) => `See: npm run kenali -- ${command}--help`,
  },
  files: {
    missing: (p: string) => `File ${q(p)} not found.`,
    directory: (p: string) => `${q(p)} is a folder, not a file.`,
    unreadable: (p: string, why: string) => `File ${q(p)} cannot be read (${why}).`,
    extension: (p: string) => `File ${q(p)} is not CSV or XLSX (.csv, .tsv, .txt, .xlsx).`,
    xlsx: (p: string, why: string) => `File ${q(p)} is not a readable XLSX (${why}).`,
    encoding: (p: string, why: string) => `File ${q(p)} was not read: ${why}.`,
    workbookUnreadable: (p: string, why: string) => `Workbook ${q(p)} cannot be opened (${why}).`,
    outFolderMissing: (file: string, dir: string) =>
      `The folder for ${q(file)} does not exist: ${q(dir)}. Create it first, or choose another folder.`,
    outFolderReadOnly: (file: string, dir: string) =>
      `Folder ${q(dir)} cannot be written to, so ${q(file)} cannot be created there. Choose another folder.`,
    writeFailed: (p: string, why: string) => `Cannot write ${q(p)} (${why}).`,
    notWorkbook: (p: string, why: 'not-zip' | 'no-workbook' | 'no-sheets') =>
      `File ${q(p)} is not an .xlsx workbook (${
        {
          'not-zip': 'not a zip archive',
          'no-workbook': 'a zip without xl/workbook.xml',
          'no-sheets': 'no sheets',
        }[why]
      }): Kenali does not write into it, and the file is unchanged.`,
    wouldLose: (p: string, items: string[]) =>
      `Workbook ${q(p)} holds ${items.join(', ')}: Kenali cannot save them back, so the file is unchanged. ` +
      'Add --force to save anyway (all of that is lost from the file).',
    loss: (kind: string, count: number, sheet?: string) =>
      `${count} ${LOSS_EN[kind] ?? kind}${sheet ? ` on sheet ${q(sheet)}` : ''}`,
    changedWhileRunning: (p: string) =>
      `Workbook ${q(p)} was changed by another program while Kenali worked: not saved, so those changes are not lost. Run the command again.`,
    noExport: (p: string, reason: string) => `${q(p)}: no recognised order export — ${reason}.`,
    missingColumns: (p: string) =>
      `${q(p)}: a required column is missing, so this file cannot be used (nothing was written):`,
    skipped: (p: string, sheets: readonly string[]) =>
      `${q(p)}: sheets skipped (not a known order export or income report): ${sheets.join(', ')}.`,
    tooBig: (p: string, why: string) =>
      `Workbook ${q(p)} cannot hold it (${why}). For a shop this big use "segment <exports...> --out".`,
  },
  problems: {
    header: (n: number) => `${n} problems in the export files (these rows are not counted):`,
    line: (p: Problem) =>
      `  ${p.severity === 'warning' ? 'warning' : 'error'}: ${p.sheet} row ${p.row}` +
      `${p.column ? `, column ${p.column}` : ''}: ${p.reason}`,
    more: (n: number) => `  … and ${n} more`,
    unterminatedQuote: 'a quote (") opens and never closes: the rest of the file was read as one cell',
  },
  progress: {
    reading: (file: string) => `Reading ${file}`,
    scoring: 'Scoring segments',
    writing: (file: string) => `Writing ${file}`,
    loading: (file: string) => `Opening ${file}`,
    saving: (file: string) => `Saving ${file}`,
    running: (what: string) => `Running ${what}`,
  },
  done: {
    segmented: (customers: number, orders: number, file: string, seconds: string) =>
      `${customers} customers (${orders} orders) → ${file} in ${seconds} s.`,
    noCustomers: 'No counted orders (all cancelled/unpaid/returned, or unreadable).',
    saved: (file: string) => `Workbook saved: ${file}.`,
    created: (file: string) => `New workbook created: ${file}.`,
    nameSaved: (key: string, name: string, updated: boolean) =>
      `${updated ? 'Name updated' : 'Name saved'}: ${key} → ${name}.`,
    demoWritten: (lines: number, orders: number, file: string) =>
      `${lines} order lines (${orders} orders) → ${file}.`,
    incomeWritten: (rows: number, file: string) => `Income report: ${rows} rows → ${file}.`,
  },
  lookup: {
    header: ['Name', 'Username', 'Address', 'Orders', 'Last activity', 'Customer ID'],
    recent: (days: number, n: number, total: number) =>
      `Buyers of the last ${days} days: ${n}${total > n ? ` of ${total}` : ''}.`,
    found: (query: string, n: number, total: number) =>
      `Results for ${q(query)}: ${n}${total > n ? ` of ${total}` : ''}.`,
    none: 'No matching customer.',
  },
  preview: {
    listening: (url: string) => `Kenali preview running at ${url}  (Ctrl+C to stop)`,
    workbook: (file: string) => `Workbook: ${file}`,
    demoCreated: (file: string) => `Sample workbook created with demo data: ${file}`,
    portInUse: (port: number) => `Port ${port} is in use: choose another with --port N.`,
    badPort: (v: string) => `Invalid port ${q(v)}: 1–65535.`,
    stopped: 'Preview stopped.',
    title: 'Kenali preview',
    readOnly: 'A read-only view of the workbook. Change it through the menu below or the sidebars.',
    sidebars: 'Sidebars',
    lastMessage: 'Last message',
    sheets: 'Sheets',
    emptySheet: '(empty sheet)',
    rowsShown: (shown: number, total: number) => `${shown} of ${total} rows shown.`,
    back: '← Workbook',
    noSheets: 'This workbook has no sheets yet.',
    actionFailed: (why: string) => `Failed: ${why}`,
    menuPath: 'Extensions ▸ Kenali',
    toasts: 'Notifications',
    promptAnswer: 'Answer',
    cancel: 'Cancel',
    chartNote:
      'This chart is drawn from the data and options of the chart the script built, as Google Sheets draws it. The saved .xlsx file does not keep charts (exceljs cannot write them): run RFM segmentation again after opening the file.',
    reloaded: (file: string) =>
      `${file} was changed on disk by another program: reloaded before this action, so those changes stay.`,
    changedUnreadable: (file: string, why: string) =>
      `${file} was changed on disk and cannot be read now (${why}): action refused, nothing was saved.`,
    help: `Usage: npm start -- [--workbook FILE.xlsx] [--port N] [--lang id|en] [--force]

Opens a workbook (default ./kenali-demo.xlsx; created with sample data when missing) and serves a
preview at http://localhost:PORT (default 8080): the workbook's sheets, the Kenali menu as buttons,
and the sidebars at /naming, /lookup and /selfcheck. Every change is saved to the workbook file; when
another program changes that file while the preview runs, it is reloaded before the next action.
--force: also open a workbook holding what Kenali cannot save (images, charts…), lost when saved.`,
  },
};

export const cli = { id, en };
