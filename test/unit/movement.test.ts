import { MOVEMENT_ORDER, movementMatrix, movementOf, movementRank } from '../../src/core/movement';
import { SEGMENTS, type SegmentId } from '../../src/core/rfm';

describe('movementOf', () => {
  it('orders every segment once, best first', () => {
    expect([...MOVEMENT_ORDER].sort()).toEqual(SEGMENTS.map((s) => s.id).sort());
    expect(movementRank('champions')).toBe(0);
    expect(movementRank('lost')).toBe(MOVEMENT_ORDER.length - 1);
  });

  it('is baru without a previous segment, tetap for the same, naik towards the best, turun away', () => {
    expect(movementOf(undefined, 'lost')).toBe('baru');
    expect(movementOf('at-risk', 'at-risk')).toBe('tetap');
    expect(movementOf('at-risk', 'champions')).toBe('naik');
    expect(movementOf('champions', 'at-risk')).toBe('turun');
    expect(movementOf('hibernating', 'lost')).toBe('turun');
    expect(movementOf('lost', 'hibernating')).toBe('naik');
  });

  it('is antisymmetric over every pair', () => {
    for (const a of MOVEMENT_ORDER)
      for (const b of MOVEMENT_ORDER) {
        const ab = movementOf(a, b);
        const ba = movementOf(b, a);
        if (a === b) expect(ab).toBe('tetap');
        else expect(new Set([ab, ba])).toEqual(new Set(['naik', 'turun']));
      }
  });
});

describe('movementMatrix', () => {
  const m = (entries: [string, SegmentId][]) => new Map(entries);
  const at = (mx: ReturnType<typeof movementMatrix>, from: string, to: string) =>
    mx.counts[mx.from.indexOf(from as SegmentId)][mx.to.indexOf(to as SegmentId)];

  it('counts stayers, movers, new customers and a customer who vanished (leaving)', () => {
    const prev = m([
      ['a', 'champions'],
      ['b', 'champions'],
      ['c', 'lost'],
      ['gone', 'loyal-customers'],
    ]);
    const cur = m([
      ['a', 'champions'],
      ['b', 'at-risk'],
      ['c', 'promising'],
      ['new', 'new-customers'],
    ]);
    const mx = movementMatrix(prev, cur);
    expect(at(mx, 'champions', 'champions')).toBe(1);
    expect(at(mx, 'champions', 'at-risk')).toBe(1);
    expect(at(mx, 'lost', 'promising')).toBe(1);
    expect(at(mx, 'none', 'new-customers')).toBe(1);
    expect(at(mx, 'loyal-customers', 'none')).toBe(1);
    const total = mx.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(5); // 3 in both, 1 new, 1 gone
    // the alarming cells: a champion slipping to at risk, a loyal customer leaving
    const named = mx.alarms.map(([i, j]) => `${mx.from[i]}>${mx.to[j]}`);
    expect(named.sort()).toEqual(['champions>at-risk', 'loyal-customers>none']);
  });

  it('first run: everyone comes from none', () => {
    const mx = movementMatrix(
      new Map(),
      m([
        ['a', 'lost'],
        ['b', 'champions'],
      ]),
    );
    expect(mx.counts.at(-1)!.reduce((a, b) => a + b, 0)).toBe(2);
    expect(mx.alarms).toEqual([]);
  });
});
