// JSON-safe views sent to the sidebars (google.script.run refuses Date: instants are ISO strings).
// Core builds them; src/gas passes them through unchanged; the sidebars render them.

export interface QueueEntryView {
  /** The universal identifier `buyer_username|address_identifier`. */
  buyerKey: string;
  buyerUsername: string;
  addressFull: string;
  orderSns: string[];
  /** ISO instant of the newest order of this buyer in the window. */
  lastOrderAt: string;
  /** Product lines, e.g. "Kaos Polos (Hitam, XL) ×2", newest order first. */
  products: string[];
}

export interface NamingQueueView {
  lang: 'id' | 'en';
  days: number;
  entries: QueueEntryView[];
  timeZone: string;
}

export interface SaveNameResult {
  buyerKey: string;
  buyerRealName: string;
  /** true when a profile already existed and was updated. */
  updated: boolean;
  updatedAt: string;
}

export interface CustomerListItemView {
  buyerKey: string;
  buyerUsername: string;
  /** Real name when a profile exists, else null. */
  realName: string | null;
  addressFull: string;
  lastOrderAt: string;
  lastOrderSn: string;
  orderCount: number;
}

export interface LookupListView {
  lang: 'id' | 'en';
  mode: 'recent' | 'search';
  query: string;
  days: number;
  items: CustomerListItemView[];
  /** Total matches before the list was capped (items.length <= total). */
  total: number;
  /** The spreadsheet's IANA zone, for dates in the list and detail (the page assumes Asia/Jakarta). */
  timeZone?: string;
}

export interface OrderLineView {
  productName: string;
  variantName: string;
  variantSku: string;
  quantity: number;
  price: number | null;
}

export interface OrderView {
  orderSn: string;
  createdAt: string;
  status: string;
  /** Whether the order counts for statistics and RFM (not cancelled, unpaid or returned). */
  counted: boolean;
  totalPrice: number;
  lines: OrderLineView[];
}

export interface CustomerStatsView {
  /** Over counted orders only. */
  totalSpend: number;
  orderCount: number;
  averageOrderValue: number;
  firstOrderAt: string | null;
  lastOrderAt: string | null;
  daysSinceLastOrder: number | null;
  totalItems: number;
  /** Null when no payment rows exist for this customer's counted orders. */
  netIncome: number | null;
  adminFees: number | null;
  serviceFees: number | null;
  /** How many counted orders have payment data. */
  ordersWithPayment: number;
  /** All orders including cancelled/unpaid/returned ones. */
  allOrderCount: number;
}

export interface TopProductView {
  productName: string;
  quantity: number;
  orders: number;
}

export interface SegmentView {
  rfm: string;
  segmentId: string;
  label: string;
  background: string;
  color: string;
}

export interface CustomerDetailView {
  buyerKey: string;
  buyerUsername: string;
  realName: string | null;
  /** Real name if known, else the username. */
  displayName: string;
  hasProfile: boolean;
  addressFull: string;
  stats: CustomerStatsView;
  lastOrder: OrderView | null;
  topProducts: TopProductView[];
  /** From the Segments sheet when it exists and lists this customer. */
  segment: SegmentView | null;
  /** The previous run's segment from the same row ("Segmen sebelumnya"; rfm ''), null when new or unknown. */
  previousSegment: SegmentView | null;
}
