// Demo data: a synthetic Shopee shop, deterministic per seed. Used by the menu's "Muat data contoh", the
// local preview, tests and benchmarks. The pieces live in ./demo/; this is the API others import.

export { shopeeExportHeader } from './demo/columns';
export type { ShopeeExportOptions } from './demo/export';
export {
  DEFAULT_DEMO_ORDERS,
  dottedRupiah,
  forEachShopeeExportRow,
  generateShopeeExport,
} from './demo/export';
export type { IncomeReportOptions } from './demo/income';
export { generateIncomeReport } from './demo/income';
export { mixSeed, Rng } from './demo/rng';
