import fc from 'fast-check';
import {
  classifyStatus,
  isCounted,
  normaliseStatus,
  orderStage,
  returnClass,
  type StatusPair,
  statusReplaces,
  unnamedStatuses,
} from '../../src/core/status';

describe('the counting rule (SPEC: Statuses)', () => {
  it.each([
    'Batal',
    'Dibatalkan',
    'Pesanan Dibatalkan',
    'Cancelled',
    'CANCELLED',
    'IN_CANCEL',
    'Canceled',
    'Cancelled by buyer',
    'Canceled by seller',
    'Cancelled by system',
    'Dibatalkan Pembeli',
    'Dibatalkan Sistem -\nStok habis', // Tokopedia: status, a dash and the reason on a second line
    ' batal ',
    'canceled', // Lazada
  ])('%j is cancelled and does not count', (s) => {
    expect(classifyStatus(s)).toBe('cancelled');
    expect(isCounted(s)).toBe(false);
  });

  it.each(['Belum Bayar', 'UNPAID', 'Unpaid', 'Menunggu Pembayaran', 'unpaid'])(
    '%j is unpaid and does not count',
    (s) => {
      expect(classifyStatus(s)).toBe('unpaid');
      expect(isCounted(s)).toBe(false);
    },
  );

  it.each([
    'Pengembalian',
    'Dikembalikan',
    'Pesanan Dikembalikan',
    'TO_RETURN',
    'Returned',
    'returned',
    'Package Returned',
    'Pengembalian Dana/Barang',
    'Return/Refund',
    'Return / Refund',
    'Refunded',
    'shipped_back',
    'failed', // Lazada: the parcel went back
  ])('%j is a return and does not count', (s) => {
    expect(classifyStatus(s)).toBe('returned');
    expect(isCounted(s)).toBe(false);
  });

  it.each([
    'Selesai',
    'COMPLETED',
    'Dikirim',
    'Perlu Dikirim',
    'Shipped',
    'delivered',
    'ready_to_ship',
    'Pesanan Selesai',
    'Awaiting Shipment',
  ])('%j counts', (s) => {
    expect(isCounted(s)).toBe(true);
  });

  it('normalises case, spaces, underscores and invisible characters before comparing', () => {
    expect(normaliseStatus('  Cancelled\u200b  by\u00a0BUYER ')).toBe('cancelled by buyer');
    expect(normaliseStatus('\ufeffBe\u00adlum\u200d Bayar')).toBe('belum bayar');
    for (const s of ['Bat\u200bal', 'BATAL', 'ba\u2060tal', '\u200ebatal\u200f', 'Ｂａｔａｌ']) {
      expect(classifyStatus(s)).toBe('cancelled');
    }
    expect(classifyStatus('Be\u200blum  Ba\u00adyar')).toBe('unpaid');
  });
});

describe('returns recorded outside the status column (SPEC: Statuses)', () => {
  // Shopee Indonesian: Status Pesanan + Status Pembatalan/ Pengembalian.
  it.each([
    ['Selesai', 'Permintaan Disetujui', false],
    ['Selesai', 'Pengembalian Dana Berhasil', false],
    ['Selesai', 'Permintaan Ditolak', true],
    ['Selesai', 'Permintaan Dibatalkan', true],
    ['Selesai', 'Menunggu Persetujuan', true],
    ['Selesai', '', true],
    ['Batal', 'Permintaan Ditolak', false],
  ])('Shopee (id): %j with %j counts: %j', (status, ret, counts) => {
    expect(isCounted(status, ret)).toBe(counts);
  });

  // Shopee English: Order Status + Return / Refund Status.
  it.each([
    ['Completed', 'Request Approved', false],
    ['Completed', 'Refund Paid', false],
    ['Completed', 'Request Rejected', true],
    ['Completed', 'Request Cancelled', true],
    ['Completed', 'Requested', true],
    ['Completed', '', true],
  ])('Shopee (en): %j with %j counts: %j', (status, ret, counts) => {
    expect(isCounted(status, ret)).toBe(counts);
  });

  // TikTok Shop: Order Status + Cancelation/Return Type, English and Indonesian values.
  it.each([
    ['Completed', 'Return/Refund', false],
    ['Completed', 'Refund only', false],
    ['Completed', '', true],
    ['Cancelled', 'Cancel', false],
    ['Completed', 'Cancel', true],
    ['Selesai', 'Pengembalian/Pengembalian Dana', false],
    ['Selesai', 'Pengembalian Dana', false],
    ['Selesai', 'Pembatalan', true],
    ['Dibatalkan', 'Pembatalan', false],
  ])('TikTok: %j with %j counts: %j', (status, ret, counts) => {
    expect(isCounted(status, ret)).toBe(counts);
  });

  it('classifies the return column by itself, normalised too', () => {
    expect(returnClass('  permintaan\u200b DISETUJUI ')).toBe('accepted');
    expect(returnClass('Permintaan Ditolak')).toBe('refused');
    expect(returnClass('-')).toBe('none');
    expect(returnClass('Sesuatu yang baru')).toBeNull();
  });
});

describe('the status order (SPEC: Status order)', () => {
  const s = (status: string, returnStatus = ''): StatusPair => ({ status, returnStatus });

  it('moves forward only: unpaid → to ship → shipped → completed', () => {
    const life = ['Belum Bayar', 'Perlu Dikirim', 'Dikirim', 'Selesai'].map((x) => s(x));
    for (let i = 0; i < life.length; i++) {
      for (let j = 0; j < life.length; j++) {
        expect(statusReplaces(life[i], life[j])).toBe(j >= i);
      }
    }
  });

  it('TikTok: Shipped → Delivered → Completed, and a delivered Lazada order stays delivered', () => {
    expect(statusReplaces(s('Shipped'), s('Delivered'))).toBe(true);
    expect(statusReplaces(s('Delivered'), s('Completed'))).toBe(true);
    expect(statusReplaces(s('Completed'), s('Delivered'))).toBe(false);
    expect(statusReplaces(s('delivered'), s('shipped'))).toBe(false);
  });

  it('cancelled and returned are end states: nothing earlier replaces them', () => {
    for (const end of [s('Batal'), s('Pengembalian'), s('Selesai', 'Permintaan Disetujui')]) {
      for (const earlier of ['Belum Bayar', 'Perlu Dikirim', 'Dikirim', 'Selesai']) {
        expect(statusReplaces(end, s(earlier))).toBe(false);
        expect(statusReplaces(s(earlier), end)).toBe(true); // a return may follow completion
      }
    }
  });

  it('a refused return in the return column puts a returned order back to completed, and stays', () => {
    const returned = s('Pengembalian');
    const refused = s('Selesai', 'Permintaan Ditolak');
    expect(orderStage(refused.status, refused.returnStatus)).toBe('return-refused');
    expect(statusReplaces(returned, refused)).toBe(true);
    expect(statusReplaces(refused, returned)).toBe(false);
    expect(statusReplaces(s('Selesai', 'Request Approved'), s('Completed', 'Request Rejected'))).toBe(true);
  });

  it('unknown statuses replace by import order, either way', () => {
    expect(statusReplaces(s('Selesai'), s('Status Baru'))).toBe(true);
    expect(statusReplaces(s('Status Baru'), s('Belum Bayar'))).toBe(true);
  });

  it('the last of any sequence of known statuses kept by the rule does not depend on their order', () => {
    const known = [
      'Belum Bayar',
      'Perlu Dikirim',
      'Dikirim',
      'Delivered',
      'Selesai',
      'Batal',
      'Pengembalian',
    ].map((x) => s(x));
    known.push(s('Selesai', 'Permintaan Ditolak'));
    // Distinct stages only: two different texts of one stage replace each other by import order.
    const stages = fc.uniqueArray(fc.constantFrom(...known), {
      selector: (p) => orderStage(p.status, p.returnStatus)!.replace('returned', 'cancelled'),
      minLength: 1,
    });
    const orders = stages.chain((list) =>
      fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
    );
    fc.assert(
      fc.property(orders, ([list, shuffled]) => {
        const fold = (xs: StatusPair[]) =>
          xs.reduce((kept, next) => (statusReplaces(kept, next) ? next : kept));
        expect(fold(shuffled)).toEqual(fold(list));
      }),
      { numRuns: 200 },
    );
  });
});

describe('statuses the rules do not name', () => {
  it('lists every unknown value counted as a sale, with its count, most frequent first', () => {
    const orders = [
      { status: 'Menunggu Kurir Lokal', returnStatus: '' },
      { status: 'Menunggu Kurir Lokal', returnStatus: '' },
      { status: '', returnStatus: '' },
      { status: 'Selesai', returnStatus: 'Sedang Ditinjau Shopee' },
      { status: 'Selesai', returnStatus: 'Permintaan Disetujui' }, // not counted: not listed
      { status: 'Hilang di jalan', returnStatus: 'Permintaan Disetujui' }, // not counted either
      { status: 'Batal', returnStatus: '' },
      { status: 'Selesai', returnStatus: '' },
    ];
    expect(unnamedStatuses(orders)).toEqual([
      { value: 'Menunggu Kurir Lokal', column: 'status', count: 2 },
      { value: '', column: 'status', count: 1 },
      { value: 'Sedang Ditinjau Shopee', column: 'return', count: 1 },
    ]);
  });
});
