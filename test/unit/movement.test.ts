import {
  CHANGE_COLOURS,
  changeOf,
  compactHistory,
  findHistory,
  GONE_COLUMN,
  HIGHLIGHT_COLOURS,
  type HistoryRow,
  highlightOf,
  historyRowOf,
  historyTable,
  MAX_HISTORY,
  movementOf,
  NEW_ROW,
  parseHistory,
  previousRunDate,
  previousSource,
  recordRun,
  runDateCells,
  runDateNote,
  segmentOfLabel,
  sheetRunDate,
  sheetRunMissing,
} from '../../src/core/movement';
import { SEGMENTS, type SegmentId, segmentOrder } from '../../src/core/rfm';
import { texts } from '../../src/core/text';

const at = (id: SegmentId) => segmentOrder(id);
const row = (date: string, n = 1): HistoryRow => ({ date, counts: SEGMENTS.map(() => n) });

describe('changeOf: the segment table order, most engaged first', () => {
  it('no previous segment is new; earlier in the table is up, later is down, the same is same', () => {
    expect(changeOf(null, 'lost')).toBe('new');
    expect(changeOf('at-risk', 'champions')).toBe('up');
    expect(changeOf('champions', 'at-risk')).toBe('down');
    expect(changeOf('hibernating', 'hibernating')).toBe('same');
    for (let i = 0; i < SEGMENTS.length; i++)
      for (let j = 0; j < SEGMENTS.length; j++)
        expect(changeOf(SEGMENTS[i].id, SEGMENTS[j].id)).toBe(j < i ? 'up' : j > i ? 'down' : 'same');
  });

  it('every change colour pair is readable (WCAG 4.5:1)', () => {
    for (const c of [...Object.values(CHANGE_COLOURS), ...Object.values(HIGHLIGHT_COLOURS)])
      expect(contrast(c.background, c.color)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the documented best-to-worst order (from the first core/movement attempt)', () => {
  it('is the segment table order, every segment once: a reordered table must fail here, not move customers', () => {
    // Buying recently and often first; then the new and the promising; then those slipping; then the
    // valuable ones gone quiet; then the dormant and the lost.
    expect(SEGMENTS.map((s) => s.id)).toEqual([
      'champions',
      'loyal-customers',
      'potential-loyalist',
      'new-customers',
      'promising',
      'need-attention',
      'about-to-sleep',
      'at-risk',
      'cant-lose-them',
      'hibernating',
      'lost',
    ]);
    expect(SEGMENTS.map((s) => segmentOrder(s.id))).toEqual(SEGMENTS.map((_, i) => i));
  });

  it('changeOf is antisymmetric over every pair', () => {
    for (const a of SEGMENTS)
      for (const b of SEGMENTS) {
        const ab = changeOf(a.id, b.id);
        const ba = changeOf(b.id, a.id);
        if (a === b) expect(ab).toBe('same');
        else expect(new Set([ab, ba])).toEqual(new Set(['up', 'down']));
      }
  });

  it('the cells that matter: a champion slipping to at risk and a loyal customer leaving are alarms', () => {
    const m = movementOf(
      new Map<string, SegmentId>([
        ['a', 'champions'],
        ['b', 'champions'],
        ['c', 'lost'],
        ['gone', 'loyal-customers'],
      ]),
      [
        { key: 'a', segmentId: 'champions' },
        { key: 'b', segmentId: 'at-risk' },
        { key: 'c', segmentId: 'promising' },
        { key: 'new', segmentId: 'new-customers' },
      ],
    );
    const alarms: string[] = [];
    for (let from = 0; from < m.counts.length; from++)
      for (let to = 0; to < m.counts[from].length; to++)
        if (m.counts[from][to] > 0 && highlightOf(from, to) === 'alarm') alarms.push(`${from}>${to}`);
    expect(alarms.sort()).toEqual(
      [`${at('champions')}>${at('at-risk')}`, `${at('loyal-customers')}>${GONE_COLUMN}`].sort(),
    );
    expect(m.counts[NEW_ROW].reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('movementOf', () => {
  const previous = new Map<string, SegmentId>([
    ['a', 'champions'], // falls to at-risk
    ['b', 'at-risk'], // comes back to champions
    ['c', 'lost'], // stays
    ['d', 'loyal-customers'], // vanishes: no counted order now
  ]);
  const current = [
    { key: 'a', segmentId: 'at-risk' as const },
    { key: 'b', segmentId: 'champions' as const },
    { key: 'c', segmentId: 'lost' as const },
    { key: 'e', segmentId: 'new-customers' as const }, // new
  ];

  it('counts each move from → to, the new in their row and the vanished in their column', () => {
    const m = movementOf(previous, current);
    expect({ up: m.up, down: m.down, same: m.same, added: m.added, gone: m.gone }).toEqual({
      up: 1,
      down: 1,
      same: 1,
      added: 1,
      gone: 1,
    });
    expect(m.counts[at('champions')][at('at-risk')]).toBe(1);
    expect(m.counts[at('at-risk')][at('champions')]).toBe(1);
    expect(m.counts[at('lost')][at('lost')]).toBe(1);
    expect(m.counts[NEW_ROW][at('new-customers')]).toBe(1);
    expect(m.counts[at('loyal-customers')][GONE_COLUMN]).toBe(1);
    expect(m.counts.flat().reduce((a, b) => a + b, 0)).toBe(5);
  });

  it('a rerun knows only the customers still here: those gone come from the previous run’s counts', () => {
    // what a rerun reads from its own sheet: no row for d, who vanished
    const still = new Map([...previous].filter(([k]) => k !== 'd'));
    const counts = SEGMENTS.map((s) => [...previous.values()].filter((v) => v === s.id).length);
    const m = movementOf(still, current, counts);
    expect(m).toEqual(movementOf(previous, current));
    expect(movementOf(still, current).gone).toBe(0); // without the counts nobody would be gone
    // counts that disagree with the sheet (a hand edit) never give a negative count
    const low = movementOf(still, current, new Array(SEGMENTS.length).fill(0));
    expect(low.gone).toBe(0);
    expect(low.counts.flat().every((n) => n >= 0)).toBe(true);
  });

  it('a first run: everyone is new, nobody gone', () => {
    const m = movementOf(new Map(), current);
    expect(m.added).toBe(4);
    expect(m.up + m.down + m.same + m.gone).toBe(0);
  });

  it('highlights the falls that matter most, the recoveries and the diagonal', () => {
    expect(highlightOf(at('champions'), at('at-risk'))).toBe('alarm');
    expect(highlightOf(at('loyal-customers'), at('about-to-sleep'))).toBe('alarm');
    expect(highlightOf(at('champions'), GONE_COLUMN)).toBe('alarm');
    expect(highlightOf(at('at-risk'), at('champions'))).toBe('recovery');
    expect(highlightOf(at('promising'), at('promising'))).toBe('same');
    expect(highlightOf(at('promising'), at('lost'))).toBeNull();
    expect(highlightOf(NEW_ROW, at('champions'))).toBeNull();
  });
});

describe('history', () => {
  it('a rerun on the same date replaces its row; an older date is put in order and leaves later rows as they are', () => {
    let h = recordRun([], row('2024-06-23', 1));
    h = recordRun(h, row('2024-06-30', 2));
    h = recordRun(h, row('2024-06-30', 3));
    expect(h.map((r) => [r.date, r.counts[0]])).toEqual([
      ['2024-06-23', 1],
      ['2024-06-30', 3],
    ]);
    h = recordRun(h, row('2024-06-16', 9));
    expect(h.map((r) => [r.date, r.counts[0]])).toEqual([
      ['2024-06-16', 9],
      ['2024-06-23', 1],
      ['2024-06-30', 3],
    ]);
  });

  it('never grows past MAX_HISTORY rows: the older half is thinned to a run per month, the newest kept', () => {
    let h: HistoryRow[] = [];
    const start = Date.UTC(2020, 0, 1);
    const dates: string[] = [];
    for (let i = 0; i < 400; i++) {
      const d = new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10);
      dates.push(d);
      h = recordRun(h, row(d));
      expect(h.length).toBeLessThanOrEqual(MAX_HISTORY);
    }
    expect(h.length * (1 + SEGMENTS.length)).toBeLessThan(3_000);
    // the newest half is every weekly run, untouched
    const half = Math.floor(MAX_HISTORY / 2);
    expect(h.slice(-half).map((r) => r.date)).toEqual(dates.slice(-half));
    // older rows: at most one per month
    const older = h.slice(0, -half).map((r) => r.date.slice(0, 7));
    expect(new Set(older).size).toBe(older.length);
    expect(h.map((r) => r.date)).toEqual([...h.map((r) => r.date)].sort());
  });

  it('compactHistory leaves a short history alone', () => {
    const h = [row('2024-01-01'), row('2024-01-08')];
    expect(compactHistory(h, 10)).toEqual(h);
  });

  it('previousRunDate is the latest date strictly before', () => {
    const h = [row('2024-06-16'), row('2024-06-23'), row('2024-06-30')];
    expect(previousRunDate(h, '2024-06-30')).toBe('2024-06-23');
    expect(previousRunDate(h, '2024-06-27')).toBe('2024-06-23');
    expect(previousRunDate(h, '2024-06-16')).toBeNull();
    expect(previousRunDate([], '2024-06-16')).toBeNull();
  });

  it('round-trips through its sheet in either language, columns found by header', () => {
    const h = [historyRowOf('2024-06-23', [{ segmentId: 'lost' }, { segmentId: 'champions' }])];
    expect(h[0].counts[at('lost')]).toBe(1);
    for (const lang of ['id', 'en'] as const) {
      const t = historyTable(h, lang);
      expect(parseHistory([t.header, ...t.rows], 'Asia/Jakarta')).toEqual(h);
      // the seller moved a column and added one; a note row and a blank row are skipped
      const grid = [
        [...t.header.slice(1), 'catatan', t.header[0]],
        [...t.rows[0].slice(1), 'x', '2024-06-23'],
      ];
      grid.push(['', '', '', '', '', '', '', '', '', '', '', '', 'Riwayat…']);
      expect(parseHistory(grid, 'Asia/Jakarta')).toEqual(h);
    }
    expect(parseHistory([], 'Asia/Jakarta')).toEqual([]);
    expect(parseHistory([['something else']], 'Asia/Jakarta')).toEqual([]);
  });
});

describe('previousSource: which run this one compares with', () => {
  it('first run ever: none', () => {
    expect(previousSource('2024-06-23', null, false, null)).toEqual({ kind: 'none' });
  });
  it('the next run: the sheet being replaced, when it is of the previous date', () => {
    expect(previousSource('2024-06-30', '2024-06-23', true, '2024-06-23')).toEqual({ kind: 'sheet' });
  });
  it('a rerun on the same date: the sheet’s own previous column', () => {
    expect(previousSource('2024-06-30', '2024-06-23', true, '2024-06-30')).toEqual({
      kind: 'sheet-previous',
    });
    expect(previousSource('2024-06-23', null, true, '2024-06-23')).toEqual({ kind: 'sheet-previous' });
  });
  it('an older date: the run before it, recomputed; none when there is no earlier run', () => {
    expect(previousSource('2024-06-27', '2024-06-23', true, '2024-06-30')).toEqual({
      kind: 'rescore',
      date: '2024-06-23',
    });
    expect(previousSource('2024-06-16', null, true, '2024-06-30')).toEqual({ kind: 'none' });
  });
  it('a sheet of unknown date (written before movement was kept) is the previous run', () => {
    expect(previousSource('2024-06-30', null, true, null)).toEqual({ kind: 'sheet' });
  });
});

it('segmentOfLabel reads a label in either language, and nothing else', () => {
  for (const s of SEGMENTS) {
    expect(segmentOfLabel(texts.segments.id.labels[s.id])).toBe(s.id);
    expect(segmentOfLabel(` ${texts.segments.en.labels[s.id].toUpperCase()} `)).toBe(s.id);
  }
  expect(segmentOfLabel('')).toBeNull();
  expect(segmentOfLabel('Juara!')).toBeNull();
  expect(segmentOfLabel(5)).toBeNull();
});

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('what the two sheets carry: the run date in a note on Segments, the history on the summary', () => {
  it('the Segments note says its run date (either language), whatever else the notes say', () => {
    for (const lang of ['id', 'en'] as const) {
      const note = runDateNote('2024-06-30', lang);
      expect(note).toContain(texts.sheet[lang].summarySheet);
      expect(sheetRunDate([['', note]])).toBe('2024-06-30');
      expect(sheetRunDate([['seller: cek lagi'], ['', '', `${note}\n(catatan penjual)`]])).toBe('2024-06-30');
    }
    expect(sheetRunDate([['Tanggal acuan: kemarin']])).toBeNull();
    expect(sheetRunDate([['dibuat 2024-06-30']])).toBeNull();
    expect(sheetRunDate([['', '']])).toBeNull();
    expect(sheetRunDate([])).toBeNull();
  });

  it('the history is found on the summary sheet by its header, not by the run date beside the title', () => {
    for (const lang of ['id', 'en'] as const) {
      const t = historyTable([row('2024-06-23')], lang);
      const grid = [
        ['Ringkasan segmen', '', ...runDateCells('2024-06-30', lang), '', ...t.header],
        ['Segmen', '', '', '', '', ...t.rows[0]],
      ];
      expect(findHistory(grid)).toEqual({ row: 0, col: 5 });
    }
    expect(findHistory([['Tanggal acuan', '2024-06-30']])).toBeNull();
  });

  it('a Segments run the history lacks must be put back, unless it is this run’s own date', () => {
    const h = [row('2024-06-16'), row('2024-06-23')];
    expect(sheetRunMissing(h, '2024-06-30', '2024-07-07')).toBe(true);
    expect(sheetRunMissing(h, '2024-06-30', '2024-06-23')).toBe(true); // an older-date run after it
    expect(sheetRunMissing(h, '2024-06-23', '2024-06-30')).toBe(false);
    expect(sheetRunMissing(h, '2024-06-30', '2024-06-30')).toBe(false);
    expect(sheetRunMissing(h, null, '2024-06-30')).toBe(false);
    expect(sheetRunMissing([], '2024-06-30', '2024-07-01')).toBe(true);
  });
});
