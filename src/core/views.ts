// JSON-safe views sent to the sidebars (google.script.run refuses Date: instants are ISO strings).
// Core builds them; src/gas passes them through unchanged; the sidebars render them.

export interface QueueEntryView {
  /** The universal identifier `buyer_username|address_identifier`. */
  buyerKey: string;
  buyerUsername: string;
  addressFull: string;
  orderSns: string[];
  /** Last activity: ISO instant of this buyer's newest order (any status) in the window. */
  lastActivityAt: string;
  /** Product lines, e.g. "Kaos Polos (Hitam, XL) ×2", newest order first. */
  products: string[];
}

export interface NamingQueueView {
  lang: 'id' | 'en';
  /** The window in days (0: every order, "semua"). */
  days: number;
  entries: QueueEntryView[];
  timeZone: string;
  /** Orders of any buyer, named or not, in the window: 0 means the window is simply empty. */
  ordersInWindow: number;
  /** Buyers without a name over every order (null when not known: Apps Script counts them only for a
   *  window without unnamed buyers). */
  unnamedOverall: number | null;
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
  /** Last activity: the newest order of any status (cancelled and unpaid ones too), and its number. */
  lastActivityAt: string;
  lastActivitySn: string;
  /** Counted orders only (not cancelled, unpaid or returned), as the detail's statistics count them. */
  orderCount: number;
  /** In a search: what matched (the sidebar highlights it, as text). */
  match?: SearchMatchView;
}

/** Where a search query was found in a customer: the field, its text, and the matched span in it
 *  (UTF-16 offsets; length 0 when the span cannot be placed, e.g. case folding changed the length). */
export interface SearchMatchView {
  field: 'name' | 'username' | 'orderSn' | 'address';
  text: string;
  start: number;
  length: number;
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
  /** Last activity: the newest order of any status (stats.lastOrderAt is the last COUNTED order). */
  lastOrder: OrderView | null;
  topProducts: TopProductView[];
  /** From the Segments sheet when it exists and lists this customer. */
  segment: SegmentView | null;
  /** The previous run's segment from the same row ("Segmen sebelumnya"; rfm ''), null when new or unknown. */
  previousSegment: SegmentView | null;
}
