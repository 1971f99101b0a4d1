// The domain's shared vocabulary. Everything here is plain data: no Apps Script, no DOM, no I/O.

/** A cell as SpreadsheetApp's getValues returns it: '' for blank, Date for date cells. */
export type CellValue = string | number | boolean | Date;
export type Grid = CellValue[][];

/** Instants are epoch milliseconds inside core; the JSON views carry ISO strings instead. */
export type EpochMs = number;

/** What kind of problem, for code to branch on (the `reason` is the seller's text and may change). */
export type ProblemCode =
  /** No export header row was found. */
  | 'no-header'
  /** A row looks like an export header but lacks some of its format's columns. */
  | 'incomplete-header'
  /** A required column is missing: nothing of that block or sheet is read. */
  | 'missing-column'
  /** Amounts implausibly small for Rupiah (the locale read "150.000" as 150): the block is refused. */
  | 'locale'
  /** A cell cannot be read: its row is left out. */
  | 'bad-value'
  /** Some lines of an order cannot be read: the whole order is left out. */
  | 'order-withheld'
  /** Imported, but lines of one order disagree (the first or the latest wins). */
  | 'conflict'
  /** A key appears twice in a Kenali sheet. */
  | 'duplicate'
  /** A profile row (or the sheet) has no updated_at. */
  | 'updated-at-missing'
  /** A CSV file ends inside a quoted field. */
  | 'unterminated-quote'
  /** A CSV file read as Windows-1252 rather than UTF-8. */
  | 'encoding';

/** Something the seller must hear about: where (sheet, 1-based row as the seller sees it, column header) and why. */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  code: ProblemCode;
  reason: string;
  /** 'error': the row was not imported. 'warning': imported, but look at it (e.g. locale). */
  severity: 'error' | 'warning';
}

export interface Order {
  orderSn: string;
  buyerUsername: string;
  addressFull: string;
  totalPrice: number;
  createdAt: EpochMs;
  status: string;
  /** The export's return/refund column (Shopee's Status Pembatalan/ Pengembalian, TikTok's
   *  Cancelation/Return Type); '' when none. With `status` it decides whether the order counts. */
  returnStatus: string;
}

export interface OrderItem {
  orderSn: string;
  productName: string;
  variantName: string;
  variantSku: string;
  quantity: number;
  /** Unit (or line) price where the export has it; null when unknown. */
  price: number | null;
}

export interface OrderPayment {
  orderSn: string;
  totalIncome: number;
  adminFee: number;
  serviceFee: number;
}

export interface BuyerProfile {
  buyerUsername: string;
  addressIdentifier: string;
  buyerRealName: string;
  updatedAt: EpochMs;
  addressFull: string;
}

/** What one marketplace file (or one store sheet) yields. */
export interface ParsedTable<T> {
  records: T[];
  problems: Problem[];
}

/** An order export or income report, split into the store's record kinds. */
export interface ParsedExport {
  /** 'shopee' | 'tiktok' | 'lazada' | 'shopee-income' | 'kenali' (our own store sheets) */
  source: string;
  orders: Order[];
  items: OrderItem[];
  payments: OrderPayment[];
  problems: Problem[];
}

/** Settings every computation that touches calendar days needs. */
export interface Clock {
  /** IANA time zone of the spreadsheet, e.g. 'Asia/Jakarta'. */
  timeZone: string;
  /** "Now" (or the run date chosen by the seller), as an instant. */
  now: EpochMs;
}

export type Lang = 'id' | 'en';
