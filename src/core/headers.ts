// Which column holds which field, per export format: the SPEC's header table as data, plus the matching
// rules. Headers match case-insensitively with white space normalised (trimmed, inner runs collapsed, NBSP
// and BOM included). An alias ending in '*' is a stable prefix for headers that drift between export
// versions ("Biaya Administrasi (termasuk PPN 11%)"): it matches the prefix alone or followed by a
// parenthesised/qualifying note, but not by another word ("Biaya Layanan Gratis Ongkir" is another fee).
import type { CellValue } from './types';

export type Field =
  | 'order_sn'
  | 'status'
  /** The return/refund column, beside the status (see status.ts). */
  | 'return_status'
  | 'buyer_username'
  | 'address_full'
  /** TikTok: appended to the address when present. */
  | 'district'
  /** Tokopedia: Kota, appended to the address. */
  | 'city'
  | 'province'
  | 'created_at'
  | 'total_price'
  | 'product_name'
  | 'variant_name'
  | 'variant_sku'
  /** Shopee: "SKU Induk" when a line has no "Nomor Referensi SKU". */
  | 'variant_sku_fallback'
  | 'quantity'
  | 'price'
  /** Lazada: one row per item; an item id is counted once. */
  | 'item_id'
  | 'total_income'
  | 'admin_fee'
  | 'service_fee';

export type ColumnMap = Partial<Record<Field, number>>;

export interface ExportFormat {
  id:
    | 'kenali'
    | 'kenali-payments'
    | 'shopee-id'
    | 'shopee-en'
    | 'tiktok'
    | 'lazada'
    | 'tokopedia'
    | 'shopee-income';
  /** ParsedExport.source */
  source: string;
  /** Named in problems, e.g. "kolom … tidak ditemukan (format Shopee (Indonesia))". */
  label: string;
  /** 'lines': one row per order line (orders + items); 'payments': one row per order's income. */
  kind: 'lines' | 'payments';
  /** Aliases per field, best first; the first is the header named when the column is missing. */
  columns: Partial<Record<Field, readonly string[]>>;
  required: readonly Field[];
  /** Lazada: one row per item (quantity 1, each with its status); an item id is counted once, and the order
   *  total is the sum of its counted items' price. */
  unitRows?: boolean;
  /** Tokopedia: order-level cells are blank on an order's second and later lines (a blank order number
   *  continues the order above); they are taken from its first line. */
  fillDown?: boolean;
  /** The order total column is optional: without it the total is Σ price × quantity of the order's lines. */
  lineTotals?: boolean;
  /** Item columns may be absent (our own canonical sheets); when product_name is there, quantity must be. */
  itemsOptional?: boolean;
}

const ORDER_FIELDS = [
  'order_sn',
  'status',
  'buyer_username',
  'address_full',
  'created_at',
  'total_price',
] as const;
const ITEM_FIELDS = ['product_name', 'quantity'] as const;

// Order matters only to break ties between equally good matches: more specific formats first.
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'shopee-id',
    source: 'shopee',
    label: 'Shopee (Indonesia)',
    kind: 'lines',
    columns: {
      order_sn: ['No. Pesanan'],
      status: ['Status Pesanan'],
      return_status: ['Status Pembatalan/ Pengembalian', 'Status Pembatalan/Pengembalian'],
      buyer_username: ['Username (Pembeli)'],
      address_full: ['Alamat Pengiriman'],
      created_at: ['Waktu Pesanan Dibuat'],
      total_price: ['Total Pembayaran'],
      product_name: ['Nama Produk'],
      variant_sku: ['Nomor Referensi SKU'],
      variant_sku_fallback: ['SKU Induk'],
      variant_name: ['Nama Variasi'],
      quantity: ['Jumlah'],
      price: ['Harga Setelah Diskon'],
    },
    required: [...ORDER_FIELDS, ...ITEM_FIELDS],
  },
  {
    id: 'shopee-en',
    source: 'shopee',
    label: 'Shopee (English)',
    kind: 'lines',
    columns: {
      order_sn: ['Order ID'],
      status: ['Order Status'],
      return_status: ['Return / Refund Status', 'Return/Refund Status'],
      buyer_username: ['Username (Buyer)'],
      address_full: ['Delivery Address'],
      created_at: ['Order Creation Date'],
      total_price: ['Grand Total'],
      product_name: ['Product Name'],
      variant_sku: ['SKU Reference No.'],
      variant_sku_fallback: ['Parent SKU Reference No.'],
      variant_name: ['Variation Name'],
      quantity: ['Quantity'],
      price: ['Deal Price'],
    },
    required: [...ORDER_FIELDS, ...ITEM_FIELDS],
  },
  {
    id: 'tiktok',
    source: 'tiktok',
    label: 'TikTok Shop',
    kind: 'lines',
    columns: {
      order_sn: ['Order ID'],
      status: ['Order Status'],
      return_status: [
        'Cancelation/Return Type',
        'Cancellation/Return Type',
        'Cancelation / Return Type',
        'Cancellation / Return Type',
      ],
      buyer_username: ['Buyer Username'],
      address_full: ['Detail Address'],
      district: ['District', 'Districts'],
      province: ['Province'],
      created_at: ['Created Time'],
      total_price: ['Order Amount'],
      product_name: ['Product Name'],
      variant_sku: ['Seller SKU'],
      variant_name: ['Variation'],
      quantity: ['Quantity'],
      price: ['SKU Subtotal After Discount'],
    },
    required: [...ORDER_FIELDS, ...ITEM_FIELDS],
  },
  {
    id: 'lazada',
    source: 'lazada',
    label: 'Lazada',
    kind: 'lines',
    // camelCase (Seller Center today), then the older Title Case export.
    columns: {
      order_sn: ['orderNumber', 'Order Number'],
      item_id: ['orderItemId', 'Order Item Id'],
      status: ['status'],
      buyer_username: ['customerName', 'Customer Name'],
      address_full: ['shippingAddress', 'Shipping Address'],
      created_at: ['createTime', 'Created at'],
      product_name: ['itemName', 'Item Name'],
      variant_sku: ['sellerSku', 'Seller SKU'],
      variant_name: ['variation'],
      price: ['paidPrice', 'Paid Price'],
    },
    required: ['order_sn', 'status', 'buyer_username', 'address_full', 'created_at', 'price', 'product_name'],
    unitRows: true,
  },
  {
    // "Laporan Penjualan" (.xlsx): title rows above the header; one row per product, the order's cells
    // blank after its first row.
    id: 'tokopedia',
    source: 'tokopedia',
    label: 'Tokopedia',
    kind: 'lines',
    columns: {
      order_sn: ['Nomor Invoice', 'No. Invoice', 'No Invoice'],
      status: ['Status Terakhir'],
      buyer_username: ['Nama Pembeli'],
      address_full: ['Alamat Pengiriman', 'Alamat Pembeli', 'Alamat'],
      city: ['Kota', 'Kota/Kabupaten'],
      province: ['Provinsi'],
      created_at: ['Tanggal Pembayaran'],
      total_price: ['Total Penjualan (IDR)', 'Total Penjualan'],
      product_name: ['Nama Produk'],
      variant_sku: ['Nomor SKU', 'SKU'],
      quantity: ['Jumlah Produk Dibeli'],
      price: ['Harga Awal (IDR)', 'Harga Awal'],
    },
    required: [
      'order_sn',
      'status',
      'buyer_username',
      'address_full',
      'created_at',
      'product_name',
      'quantity',
      'price',
    ],
    fillDown: true,
    lineTotals: true,
  },
  {
    id: 'shopee-income',
    source: 'shopee-income',
    label: 'Shopee Penghasilan Saya',
    kind: 'payments',
    columns: {
      order_sn: ['No. Pesanan'],
      total_income: ['Total Penghasilan*'],
      admin_fee: ['Biaya Administrasi*'],
      service_fee: ['Biaya Layanan*'],
    },
    required: ['order_sn', 'total_income', 'admin_fee', 'service_fee'],
  },
  {
    id: 'kenali',
    source: 'kenali',
    label: 'Kenali',
    kind: 'lines',
    columns: {
      order_sn: ['order_sn'],
      status: ['status'],
      return_status: ['return_status'],
      buyer_username: ['buyer_username'],
      address_full: ['address_full'],
      created_at: ['created_at'],
      total_price: ['total_price'],
      product_name: ['product_name'],
      variant_name: ['variant_name'],
      variant_sku: ['variant_sku'],
      quantity: ['quantity'],
      price: ['price'],
    },
    required: ORDER_FIELDS,
    itemsOptional: true,
  },
  {
    id: 'kenali-payments',
    source: 'kenali',
    label: 'Kenali',
    kind: 'payments',
    columns: {
      order_sn: ['order_sn'],
      total_income: ['total_income'],
      admin_fee: ['admin_fee'],
      service_fee: ['service_fee'],
    },
    required: ['order_sn', 'total_income', 'admin_fee', 'service_fee'],
  },
];

// ---------------------------------------------------------------------------------------------- matching

const WHITE = /[\s\ufeff]+/g;

/** Lower-case, trimmed, inner white space runs collapsed to one space. */
export function normaliseHeader(v: CellValue): string {
  if (typeof v !== 'string') return typeof v === 'number' ? String(v) : '';
  return v.replace(WHITE, ' ').trim().toLowerCase();
}

/** What may follow a prefix alias: nothing, or a note such as "(termasuk PPN 11%)", "- incl. VAT". */
const PREFIX_TAIL = /^(?:$|[([{:,\-–—/]|termasuk\b|incl|dengan\b|ppn\b|vat\b)/;

interface Alias<F extends string> {
  field: F;
  /** Lower rank wins when several columns match one field. */
  rank: number;
}

/** A set of aliases compiled for matching a header row. */
export interface AliasTable<F extends string = Field> {
  exact: Map<string, Alias<F>[]>;
  prefixes: { text: string; alias: Alias<F> }[];
}

export function compileAliases<F extends string>(
  columns: Partial<Record<F, readonly string[]>>,
): AliasTable<F> {
  const exact = new Map<string, Alias<F>[]>();
  const prefixes: AliasTable<F>['prefixes'] = [];
  for (const [field, list] of Object.entries(columns) as [F, readonly string[]][]) {
    list.forEach((raw, rank) => {
      const alias = { field, rank };
      const isPrefix = raw.endsWith('*');
      const text = normaliseHeader(isPrefix ? raw.slice(0, -1) : raw);
      if (isPrefix) prefixes.push({ text, alias });
      else {
        const at = exact.get(text);
        if (at) at.push(alias);
        else exact.set(text, [alias]);
      }
    });
  }
  return { exact, prefixes };
}

/** Column index per field for one header row; the best-ranked alias wins, then the leftmost column. */
export function matchColumns<F extends string>(
  row: readonly CellValue[],
  table: AliasTable<F>,
): Partial<Record<F, number>> {
  const cols: Partial<Record<F, number>> = {};
  const ranks: Partial<Record<F, number>> = {};
  const take = (a: Alias<F>, j: number) => {
    const r = ranks[a.field];
    if (r === undefined || a.rank < r) {
      ranks[a.field] = a.rank;
      cols[a.field] = j;
    }
  };
  for (let j = 0; j < row.length; j++) {
    const h = normaliseHeader(row[j]);
    if (h === '') continue;
    const hits = table.exact.get(h);
    if (hits) for (const a of hits) take(a, j);
    for (const p of table.prefixes) {
      if (h.startsWith(p.text) && PREFIX_TAIL.test(h.slice(p.text.length).trim())) take(p.alias, j);
    }
  }
  return cols;
}

/** The header named when a field's column is missing: the first alias, without the prefix mark. */
export function expectedHeader(format: ExportFormat, field: Field): string {
  const first = format.columns[field]?.[0] ?? field;
  return first.endsWith('*') ? first.slice(0, -1) : first;
}

const compiled = new Map<ExportFormat, AliasTable>();
function tableOf(format: ExportFormat): AliasTable {
  let t = compiled.get(format);
  if (!t) {
    t = compileAliases(format.columns);
    compiled.set(format, t);
  }
  return t;
}

// Fast pre-filter: every grid row is checked for a new header (stacked exports), so the common data row must
// be rejected without normalising each cell. Only cells whose first character could start an order-number
// alias (or is white space / non-ASCII, where normalising decides) go to the exact check. Exported for the
// CLI's CSV reader, which asks the same of raw fields before making a string.
const ORDER_SN_HEADERS = new Set(
  EXPORT_FORMATS.flatMap((f) => (f.columns.order_sn ?? []).map((a) => normaliseHeader(a.replace(/\*$/, '')))),
);
/** Lower-cased ASCII codes a known order-number header starts with: a table, asked of every cell. */
const ORDER_SN_FIRST = new Uint8Array(128);
for (const h of ORDER_SN_HEADERS) if (h.charCodeAt(0) < 128) ORDER_SN_FIRST[h.charCodeAt(0)] = 1;

/** Characters a cell holding a known order-number header may have at most (surrounding white space included). */
export const MAX_ORDER_SN_HEADER = Math.max(...[...ORDER_SN_HEADERS].map((h) => h.length)) + 16;

/** Whether a cell whose first character has code `ch` may hold a known order-number header. */
export function mayStartOrderSnHeader(ch: number): boolean {
  return ch >= 0x80 || ch <= 0x20 || ORDER_SN_FIRST[ch | 0x20] === 1;
}

/** Whether a cell's text is a known order-number header. */
export function isOrderSnHeader(text: string): boolean {
  return ORDER_SN_HEADERS.has(normaliseHeader(text));
}

function mayHoldOrderSnHeader(row: readonly CellValue[]): boolean {
  for (const c of row) {
    if (typeof c !== 'string' || c.length > MAX_ORDER_SN_HEADER || c.length === 0) continue;
    if (mayStartOrderSnHeader(c.charCodeAt(0)) && isOrderSnHeader(c)) return true;
  }
  return false;
}

export interface HeaderMatch {
  format: ExportFormat;
  columns: ColumnMap;
  /** Required fields whose column is missing (the block imports nothing when this is not empty). */
  missing: Field[];
}

function missingFields(format: ExportFormat, cols: ColumnMap): Field[] {
  const missing = format.required.filter((f) => cols[f] === undefined);
  if (format.itemsOptional && cols.product_name !== undefined && cols.quantity === undefined) {
    missing.push('quantity');
  }
  return missing;
}

/** The best format for a row holding a known order-number header and another header of the same format.
 *  A format whose required columns are all present beats one that lacks some (Shopee's income report also
 *  has "Username (Pembeli)"); then more matched columns win. */
function bestMatch(row: readonly CellValue[]): HeaderMatch | null {
  if (!mayHoldOrderSnHeader(row)) return null;
  let best: (HeaderMatch & { score: number }) | null = null;
  for (const format of EXPORT_FORMATS) {
    const columns = matchColumns(row, tableOf(format));
    if (columns.order_sn === undefined) continue;
    const score = Object.keys(columns).length;
    if (score < 2) continue;
    const missing = missingFields(format, columns);
    const better =
      !best ||
      (missing.length === 0 && best.missing.length > 0) ||
      ((missing.length === 0) === (best.missing.length === 0) && score > best.score);
    if (better) best = { format, columns, missing, score };
  }
  if (!best) return null;
  return { format: best.format, columns: best.columns, missing: best.missing };
}

/** Whether a match is decided by the whole header: more than half of the format's required columns are
 *  there. Fewer is another table that shares a header or two with an export (the income workbook's Order
 *  Processing Fee sheet has "No. Pesanan" and "Nama Produk"), not an export missing columns. */
function decisive(m: HeaderMatch): boolean {
  const required =
    m.format.required.length + (m.format.itemsOptional && m.missing.includes('quantity') ? 1 : 0);
  return 2 * (required - m.missing.length) > required;
}

/**
 * Whether a row is a header row, and of which format, decided by the whole header: it holds a known
 * order-number header, and more than half of the required columns of the best-matching format. A match
 * with required columns missing is still this format (the block reports them and imports nothing).
 */
export function detectHeader(row: readonly CellValue[]): HeaderMatch | null {
  const m = bestMatch(row);
  return m && decisive(m) ? m : null;
}

/** A row that shares headers with an export but is not one (see detectHeader), for telling the seller
 *  what is missing when a sheet holds no export at all; null when the row looks like no export. */
export function partialHeader(row: readonly CellValue[]): HeaderMatch | null {
  const m = bestMatch(row);
  return m && !decisive(m) ? m : null;
}

// ---------------------------------------------------------------------------------------------- store sheets

/**
 * Aliases for reading a store sheet: the canonical snake_case name first, then every marketplace's header
 * for the same field (a seller may keep "No. Pesanan" as the Orders header). Fields a format derives
 * rather than reads (Lazada's order total) have no alias there, so nothing is mismatched.
 */
export function storeAliases<F extends string>(fields: readonly F[]): AliasTable<F> {
  const columns: Partial<Record<F, string[]>> = {};
  const known = (f: string): f is Field => f in ALL_FIELDS;
  for (const field of fields) {
    const list: string[] = [field];
    const add = (a: string) => {
      if (!list.includes(a)) list.push(a);
    };
    if (known(field)) {
      for (const f of EXPORT_FORMATS) for (const a of f.columns[field] ?? []) add(a);
      if (field === 'variant_sku')
        for (const f of EXPORT_FORMATS) for (const a of f.columns.variant_sku_fallback ?? []) add(a);
    }
    columns[field] = list;
  }
  return compileAliases(columns);
}

const ALL_FIELDS: Record<Field, true> = {
  order_sn: true,
  status: true,
  return_status: true,
  buyer_username: true,
  address_full: true,
  district: true,
  city: true,
  province: true,
  created_at: true,
  total_price: true,
  product_name: true,
  variant_name: true,
  variant_sku: true,
  variant_sku_fallback: true,
  quantity: true,
  price: true,
  item_id: true,
  total_income: true,
  admin_fee: true,
  service_fee: true,
};
