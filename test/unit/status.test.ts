import { classifyStatus, isCounted } from '../../src/core/status';

describe('the counting rule (SPEC: Statuses)', () => {
  it.each(['Batal', 'Dibatalkan', 'Cancelled', 'CANCELLED', 'IN_CANCEL', 'Canceled', ' batal '])(
    '%j is cancelled and does not count',
    (s) => {
      expect(classifyStatus(s)).toBe('cancelled');
      expect(isCounted(s)).toBe(false);
    },
  );
  it.each(['Belum Bayar', 'UNPAID', 'Unpaid'])('%j is unpaid and does not count', (s) => {
    expect(classifyStatus(s)).toBe('unpaid');
    expect(isCounted(s)).toBe(false);
  });
  it.each(['Pengembalian', 'TO_RETURN', 'Returned', 'Pengembalian Dana/Barang', 'Return/Refund', 'Refunded'])(
    '%j is a return and does not count',
    (s) => {
      expect(classifyStatus(s)).toBe('returned');
      expect(isCounted(s)).toBe(false);
    },
  );
  it.each(['Selesai', 'COMPLETED', 'Dikirim', 'Perlu Dikirim', 'Shipped', 'delivered', ''])(
    '%j counts',
    (s) => {
      expect(isCounted(s)).toBe(true);
    },
  );
});
