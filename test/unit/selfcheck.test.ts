// The self-check's vocabulary (src/core/selfcheck): how a cell is described, the expectations by locale,
// the payload fingerprints, and the JSON block (parsed from what a seller pastes, compared on replay).
import { localeConventions } from '../../src/core/locale';
import {
  blockText,
  compareBlocks,
  derivedContext,
  differenceLines,
  makeBlock,
  parseBlock,
} from '../../src/core/selfcheck/block';
import {
  CELL_PROBES,
  describeCell,
  expectedCell,
  expectedSerial,
  result,
} from '../../src/core/selfcheck/checks';
import { checksum, fingerprint, payloadText } from '../../src/core/selfcheck/payload';
import { epochFromLocal } from '../../src/core/time';

const TZ = 'Asia/Jakarta';

describe('describing a cell', () => {
  it('names the kind and the value; a date as wall time in the zone, the year dropped when asked', () => {
    const t = epochFromLocal({ year: 2024, month: 5, day: 1, hour: 23, minute: 30, second: 5 }, TZ);
    expect(describeCell('+abc', '', TZ)).toBe('text:+abc');
    expect(describeCell(1.5, '', TZ)).toBe('number:1.5');
    expect(describeCell('#NAME?', '=1+1', TZ)).toBe('formula:=1+1');
    expect(describeCell('', '', TZ)).toBe('blank');
    expect(describeCell(true, '', TZ)).toBe('bool:true');
    expect(describeCell(new Date(t), '', TZ)).toBe('date:2024-05-01 23:30:05');
    expect(describeCell(new Date(t), '', 'UTC')).toBe('date:2024-05-01 16:30:05');
    expect(describeCell(new Date(t), '', TZ, true)).toBe('date:--05-01 23:30:05');
    expect(describeCell(new Date(Number.NaN), '', TZ)).toBe('date:invalid');
  });

  it('expects every probe verbatim in a plain-text cell and by the locale in an automatic one', () => {
    const id = localeConventions('id_ID');
    const en = localeConventions('en_US');
    for (const p of CELL_PROBES) expect(expectedCell(p, 'text', id)).toBe(`text:${p}`);
    expect(['150.000', '1,5', '1/2'].map((p) => expectedCell(p as never, 'auto', id))).toEqual([
      'number:150000',
      'number:1.5',
      'date:--02-01 00:00:00',
    ]);
    expect(['150.000', '1,5', '1/2'].map((p) => expectedCell(p as never, 'auto', en))).toEqual([
      'number:150',
      'text:1,5',
      'date:--01-02 00:00:00',
    ]);
  });

  it('the serial of 23:30 local is 45413 + 23.5/24 in any zone', () => {
    expect(expectedSerial(TZ)).toBe('serial:45413.979167');
    expect(expectedSerial('America/New_York')).toBe('serial:45413.979167');
  });

  it('result() is ok exactly when seen equals expected', () => {
    expect(result('x', 'a', 'a').ok).toBe(true);
    expect(result('x', 'a', 'b').ok).toBe(false);
  });
});

describe('payloads', () => {
  it('have the length asked for, with multi-byte characters, and a checksum that sees one changed unit', () => {
    const text = payloadText(1_000_000);
    expect(text.length).toBe(1_000_000);
    expect(/[✓€é]/.test(text)).toBe(true);
    expect(payloadText(7)).toBe(payloadText(100).slice(0, 7));
    const changed = `${text.slice(0, 500_000)}x${text.slice(500_001)}`;
    expect(checksum(changed)).not.toBe(checksum(text));
    expect(fingerprint(text)).toMatch(/^length=1000000 checksum=[0-9a-f]{8}$/);
    expect(fingerprint(null)).toBe('not text: null');
  });
});

describe('the JSON block', () => {
  const ctx = {
    ranAt: '2024-06-30T03:00:00.000Z',
    locale: 'id_ID',
    timeZone: TZ,
    derived: derivedContext(localeConventions('id_ID'), TZ),
  };
  const block = makeBlock(ctx, [
    result('auto:+1', 'number:1', 'number:1'),
    result('auto:-x', 'text:-x', 'error: x'),
  ]);

  it('carries what each check saw, the failed ids and the derived conventions', () => {
    expect(block.checks).toEqual({ 'auto:+1': 'number:1', 'auto:-x': 'error: x' });
    expect(block.failed).toEqual(['auto:-x']);
    expect(block.derived).toEqual({
      conventions: 'decimal="," group="." dayFirst=true',
      offsets: '+07:00 +07:00',
    });
    expect(derivedContext(localeConventions('en_US'), 'America/New_York').offsets).toBe('-04:00 -04:00');
  });

  it('parses back from its text, also inside a message and reformatted', () => {
    expect(parseBlock(blockText(block))).toEqual(block);
    expect(parseBlock(`Halo, ini hasilnya:\n${JSON.stringify(block, null, 2)}\nTerima kasih`)).toEqual(block);
  });

  it.each([
    ['', /no JSON object/],
    ['{"a":', /no JSON object/],
    ['{not json}', /not valid JSON/],
    ['{"kenaliSelfCheck":2}', /version 1/],
    [JSON.stringify({ ...block, locale: '' }), /"locale"/],
    [JSON.stringify({ ...block, checks: {} }), /"checks"/],
    [JSON.stringify({ ...block, checks: { a: 1 } }), /"checks"/],
    [JSON.stringify({ ...block, failed: 'x' }), /"failed"/],
  ])('refuses %j with a readable reason', (text, why) => {
    expect(() => parseBlock(text)).toThrow(why);
  });

  it('compares a field block with the local one: differences and unknown checks, not newer local checks', () => {
    const local = makeBlock(ctx, [
      result('auto:+1', 'number:1', 'number:1'),
      result('auto:-x', 'text:-x', 'text:-x'),
      result('new:check', 'a', 'a'),
    ]);
    const field = { ...block, checks: { ...block.checks, 'old:check': 'z' } };
    expect(differenceLines(compareBlocks(field, local))).toEqual([
      'auto:-x: the spreadsheet saw "error: x", the local runtime sees "text:-x"',
      'old:check: the spreadsheet saw "z", the local runtime has no such check',
    ]);
    expect(compareBlocks(local, local)).toEqual([]);
    const other = { ...local, derived: { ...local.derived, offsets: '+08:00 +08:00' } };
    expect(compareBlocks(other, local).map((d) => d.id)).toEqual(['derived:offsets']);
  });
});
