// A part's result crossing from its worker to the main thread. Structured clone would copy each order's
// username and address once per order (a big shop's addresses are most of its memory) and build 300k
// objects slowly; instead each distinct string crosses once, the numbers in typed arrays (moved, not
// copied), and the orders are rebuilt sharing their strings, as the main thread's own parse would.
import type { SummariesData } from '../../src/core/summaries';
import type { Order, ParsedExport } from '../../src/core/types';
import type { PartResult } from './stream';

interface PackedOrders {
  /** Orders per batch. */
  counts: number[];
  sn: string[];
  /** Distinct usernames, addresses and statuses; the columns below index into it. */
  strings: string[];
  user: Uint32Array;
  addr: Uint32Array;
  status: Uint32Array;
  returnStatus: Uint32Array;
  total: Float64Array;
  created: Float64Array;
}

export interface PartMessage {
  part: Omit<PartResult, 'parsed'> & { parsed: Omit<ParsedExport, 'orders'>[] };
  orders: PackedOrders;
}

export function packPart(r: PartResult): { message: PartMessage; transfer: ArrayBuffer[] } {
  const n = r.parsed.reduce((sum, p) => sum + p.orders.length, 0);
  const index = new Map<string, number>();
  const strings: string[] = [];
  const at = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const orders: PackedOrders = {
    counts: r.parsed.map((p) => p.orders.length),
    sn: new Array(n),
    strings,
    user: new Uint32Array(n),
    addr: new Uint32Array(n),
    status: new Uint32Array(n),
    returnStatus: new Uint32Array(n),
    total: new Float64Array(n),
    created: new Float64Array(n),
  };
  let i = 0;
  for (const p of r.parsed) {
    for (const o of p.orders) {
      orders.sn[i] = o.orderSn;
      orders.user[i] = at(o.buyerUsername);
      orders.addr[i] = at(o.addressFull);
      orders.status[i] = at(o.status);
      orders.returnStatus[i] = at(o.returnStatus);
      orders.total[i] = o.totalPrice;
      orders.created[i] = o.createdAt;
      i++;
    }
  }
  const parsed = r.parsed.map(({ orders: _, ...rest }) => rest);
  const { user, addr, status, returnStatus, total, created } = orders;
  const summaries = r.summaries as SummariesData | null;
  return {
    message: { part: { ...r, parsed }, orders },
    transfer: [
      user.buffer,
      addr.buffer,
      status.buffer,
      returnStatus.buffer,
      total.buffer,
      created.buffer,
      (r.runs as Int32Array).buffer,
      ...(summaries ? [summaries.inside.buffer, summaries.outside.buffer] : []),
    ] as ArrayBuffer[],
  };
}

export function unpackPart({ part, orders: o }: PartMessage): PartResult {
  let i = 0;
  const parsed: ParsedExport[] = part.parsed.map((p, b) => {
    const orders: Order[] = new Array(o.counts[b]);
    for (let k = 0; k < orders.length; k++, i++) {
      orders[k] = {
        orderSn: o.sn[i],
        buyerUsername: o.strings[o.user[i]],
        addressFull: o.strings[o.addr[i]],
        totalPrice: asParsed(o.total[i]),
        createdAt: o.created[i],
        status: o.strings[o.status[i]],
        returnStatus: o.strings[o.returnStatus[i]],
      };
    }
    return { ...p, orders };
  });
  return { ...part, parsed };
}

/** An amount as parseExport made it: a whole amount as a small integer, not as the float64 a typed array
 *  gives back. Orders whose fields hold other kinds of numbers get another hidden class, and V8 then
 *  migrates every order already made (seconds, for a million-line export). -0 stays -0. */
function asParsed(n: number): number {
  return (n | 0) === n && !Object.is(n, -0) ? n | 0 : n;
}
