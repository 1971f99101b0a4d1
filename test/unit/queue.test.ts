import { addressIdentifier, buyerKeyOf } from '../../src/core/identity';
import { MAX_NAME_LENGTH } from '../../src/core/names';
import { planNameSave } from '../../src/core/profiles';
import { namingQueue, productLine, recentWindow } from '../../src/core/queue';
import { localDayNumber } from '../../src/core/time';
import { at, clockAt, item, order, profile, store } from './helpers/records';

const ADDR = 'Jl. Merdeka 1, Bandung';
const ADDR2 = 'Jl. Sudirman 5, Jakarta';
const NOW = clockAt('2024-05-03 08:00');

describe('recentWindow', () => {
  it('is today and the days-1 days before it, in local calendar days', () => {
    const w = recentWindow(NOW, 2);
    expect(w.toDay).toBe(localDayNumber(at('2024-05-03 00:00'), 'Asia/Jakarta'));
    expect(w.fromDay).toBe(localDayNumber(at('2024-05-02 00:00'), 'Asia/Jakarta'));
  });

  it.each([-1, 1.5, Number.NaN])('refuses days = %s', (days) => {
    expect(() => recentWindow(NOW, days)).toThrow(RangeError);
  });

  it('days = 0 ("semua") is every day up to today', () => {
    const w = recentWindow(NOW, 0);
    expect(w.fromDay).toBe(Number.NEGATIVE_INFINITY);
    expect(w.toDay).toBe(localDayNumber(at('2024-05-03 00:00'), 'Asia/Jakarta'));
  });
});

describe('namingQueue: what an empty window says', () => {
  const old = order({ orderSn: 'OLD', buyerUsername: 'lama', addressFull: ADDR, at: '2024-03-01 10:00' });
  const named = order({ orderSn: 'NEW', buyerUsername: 'baru', addressFull: ADDR2, at: '2024-05-03 07:00' });
  const input = store({ orders: [old, named], profiles: [profile('baru', ADDR2, 'Bu Baru')] });

  it('counts the orders in the window (named buyers too) and the unnamed buyers over all orders', () => {
    expect(namingQueue(input, NOW, 1)).toMatchObject({ entries: [], ordersInWindow: 1, unnamedOverall: 1 });
    expect(namingQueue(store({ orders: [old] }), NOW, 2)).toMatchObject({
      ordersInWindow: 0,
      unnamedOverall: 1,
    });
  });

  it('"semua" reaches the oldest order', () => {
    const v = namingQueue(input, NOW, 0);
    expect(v.entries.map((e) => e.buyerUsername)).toEqual(['lama']);
    expect(v.ordersInWindow).toBe(2);
  });
});

describe('namingQueue: which orders', () => {
  it.each([
    ['2024-05-03 23:59', true, 'later today'],
    ['2024-05-03 00:00', true, 'start of today'],
    ['2024-05-02 00:00', true, 'start of yesterday'],
    ['2024-05-01 23:59', false, 'the day before yesterday'],
    ['2024-05-04 00:00', false, 'tomorrow (a skewed clock)'],
  ])('an order at %s local is in the 2-day queue: %s (%s)', (local, expected) => {
    const q = namingQueue(store({ orders: [order({ at: local })] }), NOW, 2);
    expect(q.entries.length === 1).toBe(expected);
  });

  it('uses the clock’s zone: 1 May 23:30 Jakarta is out and 2 May 00:30 is in, though both are 1 May in UTC', () => {
    const q = namingQueue(
      store({
        orders: [
          order({ orderSn: 'OLD', at: '2024-05-01 23:30' }),
          order({ orderSn: 'NEW', buyerUsername: 'x', at: '2024-05-02 00:30' }),
        ],
      }),
      NOW,
      2,
    );
    expect(q.entries.flatMap((e) => e.orderSns)).toEqual(['NEW']);
  });

  it('honours a longer window', () => {
    const q = namingQueue(
      store({ orders: [order({ at: '2024-04-27 00:00' }), order({ at: '2024-04-26 23:59' })] }),
      NOW,
      7,
    );
    expect(q.entries[0].orderSns).toHaveLength(1);
    expect(q).toMatchObject({ days: 7, timeZone: 'Asia/Jakarta', lang: 'id' });
  });

  it('leaves out buyers with a named profile — by (username, address), not by username', () => {
    const orders = [
      order({ buyerUsername: 'budi', addressFull: ADDR, at: '2024-05-03 07:00' }),
      order({ buyerUsername: 'budi', addressFull: ADDR2, at: '2024-05-03 07:00' }),
      order({ buyerUsername: 'sari', addressFull: ADDR, at: '2024-05-03 07:00' }),
    ];
    const profiles = [profile('budi', ADDR, 'Budi'), profile('sari', ADDR, '  ')];
    const q = namingQueue(store({ orders, profiles }), NOW);
    expect(q.entries.map((e) => e.buyerKey).sort()).toEqual(
      [buyerKeyOf('budi', ADDR2), buyerKeyOf('sari', ADDR)].sort(),
    );
  });

  it('includes cancelled and unpaid orders: the seller may still want to name the buyer', () => {
    const orders = [
      order({ status: 'Batal', at: '2024-05-03 07:00' }),
      order({ status: 'UNPAID', buyerUsername: 'x', at: '2024-05-03 07:00' }),
    ];
    expect(namingQueue(store({ orders }), NOW).entries).toHaveLength(2);
  });
});

describe('namingQueue: entries', () => {
  it('one entry per buyer key with its order numbers newest first; entries newest first, ties by key', () => {
    const orders = [
      order({ orderSn: 'B1', buyerUsername: 'budi', at: '2024-05-02 09:00' }),
      order({ orderSn: 'B2', buyerUsername: 'budi', at: '2024-05-03 06:00' }),
      order({ orderSn: 'B0', buyerUsername: 'budi', at: '2024-04-20 06:00' }), // outside the window
      order({ orderSn: 'Z1', buyerUsername: 'zed', at: '2024-05-03 07:00' }),
      order({ orderSn: 'A1', buyerUsername: 'amy', at: '2024-05-03 07:00' }),
    ];
    const q = namingQueue(store({ orders }), NOW);
    expect(q.entries.map((e) => [e.buyerUsername, e.orderSns])).toEqual([
      ['amy', ['A1']],
      ['zed', ['Z1']],
      ['budi', ['B2', 'B1']],
    ]);
    expect(q.entries[2]).toMatchObject({
      buyerKey: buyerKeyOf('budi', ADDR),
      addressFull: ADDR,
      lastActivityAt: '2024-05-02T23:00:00.000Z',
    });
  });

  it('shows readable product lines, merged per (name, variant), newest order first', () => {
    const orders = [
      order({ orderSn: 'OLD', at: '2024-05-02 09:00' }),
      order({ orderSn: 'NEW', at: '2024-05-03 07:00' }),
    ];
    const items = [
      item('OLD', 'Kaos Polos', 1, 'Hitam, XL'),
      item('OLD', 'Topi', 1),
      item('NEW', 'Kaos Polos', 1, 'Hitam, XL'),
      item('NEW', '  Celana  ', 3, ' Biru '),
    ];
    const q = namingQueue(store({ orders, items }), NOW);
    expect(q.entries[0].products).toEqual([
      'Kaos Polos (Hitam, XL) \u00d72',
      'Celana (Biru) \u00d73',
      'Topi \u00d71',
    ]);
  });

  it('takes the later row of a repeated order number', () => {
    const a = order({ orderSn: 'R', at: '2024-04-01 10:00' });
    const q = namingQueue(store({ orders: [a, { ...a, createdAt: at('2024-05-03 07:00') }] }), NOW);
    expect(q.entries.map((e) => e.orderSns)).toEqual([['R']]);
    const q2 = namingQueue(store({ orders: [{ ...a, createdAt: at('2024-05-03 07:00') }, a] }), NOW);
    expect(q2.entries).toEqual([]);
  });

  it('productLine formats one line', () => {
    expect(productLine('Kaos Polos', 'Hitam, XL', 2)).toBe('Kaos Polos (Hitam, XL) \u00d72');
    expect(productLine('Kaos Polos', '  ', 1)).toBe('Kaos Polos \u00d71');
  });
});

describe('planNameSave', () => {
  const key = buyerKeyOf('budi', ADDR);
  const NOW_MS = at('2024-05-03 08:00');
  const existing = [
    { profile: profile('sari', ADDR, 'Sari', 1), row: 2 },
    { profile: profile('budi', ADDR2, 'Budi Jakarta', 1), row: 3 },
  ];

  it('appends when the key has no row (same username, other address does not count)', () => {
    expect(planNameSave(existing, key, '  Budi   Santoso ', ADDR, NOW_MS)).toEqual({
      kind: 'append',
      profile: {
        buyerUsername: 'budi',
        addressIdentifier: addressIdentifier(ADDR),
        buyerRealName: 'Budi Santoso',
        updatedAt: NOW_MS,
        addressFull: ADDR,
      },
    });
  });

  it('updates the existing row of the key: an upsert, never a duplicate', () => {
    const rows = [...existing, { profile: profile('budi', ADDR, 'Budi lama', 5), row: 9 }];
    expect(planNameSave(rows, key, 'Budi Baru', ADDR, NOW_MS)).toEqual({
      kind: 'update',
      row: 9,
      profile: {
        buyerUsername: 'budi',
        addressIdentifier: addressIdentifier(ADDR),
        buyerRealName: 'Budi Baru',
        updatedAt: NOW_MS,
        addressFull: ADDR,
      },
    });
  });

  it('with duplicate rows, updates the one that counts as the profile (named, newest)', () => {
    const rows = [
      { profile: profile('budi', ADDR, 'Budi A', 10), row: 4 },
      { profile: profile('budi', ADDR, 'Budi B', 30), row: 5 },
      { profile: profile('budi', ADDR, '', 50), row: 6 },
    ];
    expect(planNameSave(rows, key, 'Budi C', ADDR, NOW_MS)).toMatchObject({ kind: 'update', row: 5 });
    expect(planNameSave([rows[2]], key, 'Budi C', ADDR, NOW_MS)).toMatchObject({ kind: 'update', row: 6 });
  });

  it('stores the address only when it belongs to the key, else keeps the row’s own', () => {
    const rows = [{ profile: profile('budi', ADDR, 'Budi', 1), row: 7 }];
    const plan = planNameSave(rows, key, 'Budi', 'Jl. Lain 9', NOW_MS);
    expect(plan.kind === 'update' && plan.profile.addressFull).toBe(ADDR);
    const fresh = planNameSave([], key, 'Budi', 'Jl. Lain 9', NOW_MS);
    expect(fresh.kind === 'append' && fresh.profile.addressFull).toBe('');
    const spaced = planNameSave([], key, 'Budi', `  ${ADDR} `, NOW_MS);
    expect(spaced.kind === 'append' && spaced.profile.addressFull).toBe(ADDR);
  });

  it.each([
    ['empty', '', key, 'empty-name'],
    ['white space only', ' \t\n ', key, 'empty-name'],
    ['too long', 'x'.repeat(MAX_NAME_LENGTH + 1), key, 'too-long'],
    ['key without hash', 'Budi', 'budi', 'bad-key'],
    ['key with a short hash', 'Budi', 'budi|abc', 'bad-key'],
    ['key with an upper-case hash', 'Budi', `budi|${addressIdentifier(ADDR).toUpperCase()}`, 'bad-key'],
  ])('saves nothing for %s', (_label, name, k, reason) => {
    expect(planNameSave(existing, k, name, ADDR, NOW_MS)).toEqual({ kind: 'invalid', reason });
  });

  it('accepts a name of exactly the maximum length, counting characters not UTF-16 units', () => {
    const name = '\u{1F600}'.repeat(MAX_NAME_LENGTH);
    expect(planNameSave([], key, name, ADDR, NOW_MS).kind).toBe('append');
  });

  it('a username containing "|" still saves under the right username', () => {
    const k = buyerKeyOf('a|b', ADDR);
    const plan = planNameSave([], k, 'AB', ADDR, NOW_MS);
    expect(plan.kind === 'append' && plan.profile.buyerUsername).toBe('a|b');
  });
});
