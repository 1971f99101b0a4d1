// Shopee's income report ("Penghasilan Saya" → Laporan Penghasilan) for the completed orders of a demo
// export: what the seller actually received per order, net of Shopee's fees. Like the real file it has
// title rows above the header, a running "No." column, and fees as negative amounts.
import { DAY_MS, epochFromLocal, formatLocalDateTime } from '../time';
import type { CellValue, EpochMs, Grid } from '../types';
import { localTextFormatter } from './clock';
import { COL, LANG_DATA, shopeeExportHeader } from './columns';
import { forEachShopeeExportRow, type ShopeeExportOptions } from './export';
import { mixSeed, Rng } from './rng';

export interface IncomeReportOptions {
  seed: number;
  /** An export made by generateShopeeExport (header row first, either language)… */
  exportGrid?: Grid;
  /** …or the options that made it: regenerated row by row, so a 1M-line shop needs no grid in memory. */
  exportOptions?: ShopeeExportOptions;
  /** Funds released after this instant are not in the report yet. Defaults to exportOptions.now. */
  now?: EpochMs;
  /** Defaults to exportOptions.timeZone. */
  timeZone?: string;
  /** Fee headers as different report versions spell them (default 'ppn11'). */
  feeHeaders?: 'ppn11' | 'ppn12' | 'plain';
  /** Seller's shop username in the title rows. */
  shopName?: string;
}

const FEE_HEADERS = {
  ppn11: ['Biaya Administrasi (termasuk PPN 11%)', 'Biaya Layanan (termasuk PPN 11%)'],
  ppn12: ['Biaya Administrasi (termasuk PPN 12%)', 'Biaya Layanan (termasuk PPN 12%)'],
  plain: ['Biaya Administrasi', 'Biaya Layanan'],
} as const;

function incomeHeader(fees: keyof typeof FEE_HEADERS): string[] {
  return [
    'No.',
    'No. Pesanan',
    'No. Pengajuan',
    'Username (Pembeli)',
    'Waktu Pesanan Dibuat',
    'Metode pembayaran pembeli',
    'Tanggal Dana Dilepaskan',
    'Harga Asli Produk',
    'Total Diskon Produk',
    'Jumlah Pengembalian Dana ke Pembeli',
    'Diskon Produk dari Shopee',
    'Voucher disponsori oleh Penjual',
    'Cashback Koin disponsori Penjual',
    'Ongkir Dibayar Pembeli',
    'Diskon Ongkir Ditanggung Jasa Kirim',
    'Gratis Ongkir dari Shopee',
    'Ongkir yang Diteruskan oleh Shopee ke Jasa Kirim',
    'Biaya Komisi AMS',
    FEE_HEADERS[fees][0],
    FEE_HEADERS[fees][1],
    'Biaya Proses Pesanan',
    'Premi',
    'Total Penghasilan',
    'Kode Voucher',
    'Jasa Kirim',
  ];
}

/** Shopee's per-order processing fee (Rupiah). */
const PROCESS_FEE = 1250;
const NOT_DIGITS = /[^0-9-]/g;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/;

/** Reads the demo export's own money cells: numbers, "150.000" or "Rp 150.000" (whole Rupiah). */
function rupiah(v: CellValue): number {
  return typeof v === 'number' ? v : Number(String(v).replace(NOT_DIGITS, ''));
}

function parseLocal(text: string, timeZone: string): EpochMs {
  const m = LOCAL_DATE_TIME.exec(text);
  if (!m) throw new Error(`not a demo export date: ${text}`);
  return epochFromLocal(
    { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: 0 },
    timeZone,
  );
}

/** What the report needs of one order, summed over its lines. */
interface OrderAcc {
  sn: string;
  first: CellValue[];
  original: number;
  subtotal: number;
}

export function generateIncomeReport(options: IncomeReportOptions): { grid: Grid } {
  const now = options.now ?? options.exportOptions?.now;
  const timeZone = options.timeZone ?? options.exportOptions?.timeZone;
  if (now === undefined || timeZone === undefined)
    throw new RangeError('income report needs now and timeZone');
  if (!options.exportGrid === !options.exportOptions)
    throw new RangeError('give exactly one of exportGrid, exportOptions');

  const lang = options.exportGrid
    ? options.exportGrid[0]?.[0] === 'Order ID'
      ? 'en'
      : 'id'
    : (options.exportOptions?.lang ?? 'id');
  const names = shopeeExportHeader(lang);
  const headerRow = options.exportGrid ? options.exportGrid[0].map(String) : names;
  const col = (key: number): number => {
    const at = headerRow.indexOf(names[key]);
    if (at < 0) throw new Error(`not a demo export: no column "${names[key]}"`);
    return at;
  };
  // Looked up by header so a grid whose columns were reordered still works.
  const C = {
    sn: col(COL.orderSn),
    status: col(COL.status),
    created: col(COL.createdAt),
    payment: col(COL.paymentMethod),
    original: col(COL.originalPrice),
    deal: col(COL.dealPrice),
    qty: col(COL.quantity),
    sellerVoucher: col(COL.sellerVoucher),
    buyerShipping: col(COL.buyerShipping),
    subsidy: col(COL.shippingRebate),
    estShipping: col(COL.estShipping),
    username: col(COL.username),
    completed: col(COL.completedAt),
    courier: col(COL.shippingOption),
  };
  const completed = LANG_DATA[lang].status.completed;

  const rng = new Rng(mixSeed(options.seed, 4));
  const text = localTextFormatter(timeZone);
  const dateText = (t: EpochMs) => text(t).slice(0, 10);
  const adminRate = rng.pick([0.065, 0.075, 0.08]);
  const serviceRate = rng.pick([0.04, 0.045, 0.055]);
  const fees = options.feeHeaders ?? 'ppn11';
  const header = incomeHeader(fees);
  const width = header.length;
  const body: Grid = [];
  const seen = new Set<string>();
  let firstRelease = Infinity;
  let lastRelease = -Infinity;
  // Held in an object: TypeScript does not follow assignments made inside the callbacks below.
  const cur: { acc: OrderAcc | null } = { acc: null };

  const finish = (o: OrderAcc) => {
    const row = o.first;
    if (row[C.status] !== completed) return;
    const done = String(row[C.completed]);
    const release = parseLocal(done, timeZone) + rng.range(1, 3) * DAY_MS;
    if (release > now) return; // funds not released yet: not in this report
    firstRelease = Math.min(firstRelease, release);
    lastRelease = Math.max(lastRelease, release);
    const sellerVoucher = rupiah(row[C.sellerVoucher]);
    const base = o.subtotal - sellerVoucher;
    const admin = Math.round(base * adminRate);
    const service = Math.round(base * serviceRate);
    const income = base - admin - service - PROCESS_FEE;
    body.push([
      body.length + 1,
      o.sn,
      '',
      row[C.username],
      row[C.created],
      row[C.payment],
      dateText(release),
      o.original,
      -(o.original - o.subtotal),
      0,
      0,
      -sellerVoucher,
      0,
      rupiah(row[C.buyerShipping]),
      0,
      rupiah(row[C.subsidy]),
      -rupiah(row[C.estShipping]),
      0,
      -admin,
      -service,
      -PROCESS_FEE,
      0,
      income,
      '',
      row[C.courier],
    ]);
  };

  // Lines of one order are adjacent in an export; an order seen again later means a foreign grid.
  const take = (line: CellValue[]) => {
    const sn = String(line[C.sn]);
    let acc = cur.acc;
    if (acc === null || acc.sn !== sn) {
      if (cur.acc) finish(cur.acc);
      if (seen.has(sn)) throw new Error(`order ${sn} is split across the export: not a demo export`);
      seen.add(sn);
      acc = cur.acc = { sn, first: line, original: 0, subtotal: 0 };
    }
    const qty = rupiah(line[C.qty]);
    acc.original += rupiah(line[C.original]) * qty;
    acc.subtotal += rupiah(line[C.deal]) * qty;
  };
  if (options.exportGrid) for (let r = 1; r < options.exportGrid.length; r++) take(options.exportGrid[r]);
  else if (options.exportOptions) forEachShopeeExportRow(options.exportOptions, take);
  if (cur.acc) finish(cur.acc);

  const pad = (cells: CellValue[]): CellValue[] => cells.concat(new Array(width - cells.length).fill(''));
  const period = body.length ? dateText(firstRelease) + ' - ' + dateText(lastRelease) : '';
  const titles: Grid = [
    pad(['Penghasilan Saya']),
    pad(['Username (Penjual)', options.shopName ?? 'tokokenali.demo']),
    pad(['Periode Dana Dilepaskan', period]),
    pad(['Tanggal Laporan Dibuat', formatLocalDateTime(now, timeZone)]),
    pad([]),
  ];
  return { grid: [...titles, header, ...body] };
}
