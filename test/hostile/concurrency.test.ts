// Several editors of one spreadsheet at once: truly concurrent executions of the BUILT bundle (worker
// threads of the local runtime, one workbook), 'lockstep' (A, B, A, B — the worst interleaving for
// read-modify-write) and 'free'. Saved names are the only data a seller types: none may be lost or doubled.
import { type ExecutionCall, runConcurrently } from '../../local';
import { buyerKeyOf } from '../../src/core/identity';
import { MARKUP_TEXTS } from './corpus';
import {
  builtCode,
  demoExport,
  formulaCells,
  importGrid,
  NOW,
  openShop,
  records,
  type Shop,
  workbookState,
} from './harness';

const SCHEDULES = ['lockstep', 'free'] as const;

beforeAll(() => {
  builtCode();
});

/** A shop with orders (imported through the bundle) and its distinct buyers. */
function shopWithBuyers(lines = 240): { shop: Shop; buyers: { key: string; address: string }[] } {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  importGrid(shop, demoExport(lines, 31));
  const buyers = new Map<string, string>();
  for (const o of records(shop.wb, 'Orders')) {
    const address = String(o.address_full);
    buyers.set(buyerKeyOf(String(o.buyer_username), address), address);
  }
  return { shop, buyers: [...buyers].map(([key, address]) => ({ key, address })) };
}

const run = (shop: Shop, calls: ExecutionCall[], schedule: (typeof SCHEDULES)[number]) =>
  runConcurrently(calls, { workbook: shop.wb, code: builtCode(), now: NOW, schedule, timeoutMs: 60_000 });

const profileKeys = (shop: Shop) =>
  records(shop.wb, 'BuyerProfile').map((p) => `${p.buyer_username}|${p.address_identifier}`);

describe.each(SCHEDULES)('concurrent name saves (%s)', (schedule) => {
  it('50 saves of 50 buyers from 10 editors at once: exactly 50 profiles, none lost or doubled', async () => {
    const { shop, buyers } = shopWithBuyers();
    expect(buyers.length).toBeGreaterThanOrEqual(50);
    const chosen = buyers.slice(0, 50);
    // 10 editors, 5 saves each, in waves: every wave is 10 executions running at once
    for (let wave = 0; wave < 5; wave++) {
      const calls = chosen.slice(wave * 10, wave * 10 + 10).map((b, i) => ({
        fn: 'saveBuyerName',
        args: [b.key, `${MARKUP_TEXTS[i % MARKUP_TEXTS.length]} ${wave}-${i}`, b.address],
      }));
      const result = await run(shop, calls, schedule);
      expect(result.outcomes.map((o) => o.error?.message ?? 'ok')).toEqual(calls.map(() => 'ok'));
      // really interleaved: the executions' calls alternate in the trace
      const first = result.trace.findIndex((t) => t.execution !== result.trace[0].execution);
      expect(first).toBeGreaterThan(0);
      expect(first).toBeLessThan(result.trace.length / 2);
    }
    const keys = profileKeys(shop);
    expect(keys).toHaveLength(50);
    expect(new Set(keys)).toEqual(new Set(chosen.map((b) => b.key)));
    const names = new Map(
      records(shop.wb, 'BuyerProfile').map((p) => [
        `${p.buyer_username}|${p.address_identifier}`,
        p.buyer_real_name,
      ]),
    );
    chosen.forEach((b, n) => {
      expect(names.get(b.key)).toBe(
        `${MARKUP_TEXTS[(n % 10) % MARKUP_TEXTS.length]} ${Math.floor(n / 10)}-${n % 10}`,
      );
    });
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('40 first names from 10 editors at once (one appendRow each, no lock): 40 rows, none lost', async () => {
    const { shop, buyers } = shopWithBuyers();
    const chosen = buyers.slice(0, 40);
    for (let wave = 0; wave < 4; wave++) {
      const calls = chosen.slice(wave * 10, wave * 10 + 10).map((b, i) => ({
        fn: 'saveBuyerName',
        args: [b.key, `Nama Editor ${wave} ${i}`, b.address, true],
      }));
      const result = await run(shop, calls, schedule);
      expect(result.outcomes.map((o) => o.error?.message ?? 'ok')).toEqual(calls.map(() => 'ok'));
      expect(result.trace.filter((t) => t.call === 'Sheet.appendRow')).toHaveLength(10);
      expect(result.trace.filter((t) => t.call === 'Lock.waitLock')).toHaveLength(0);
    }
    const rows = records(shop.wb, 'BuyerProfile');
    expect(rows.map((p) => `${p.buyer_username}|${p.address_identifier}`)).toEqual(
      expect.arrayContaining(chosen.map((b) => b.key)),
    );
    expect(rows).toHaveLength(40);
    const names = new Map(
      rows.map((p) => [`${p.buyer_username}|${p.address_identifier}`, p.buyer_real_name]),
    );
    chosen.forEach((b, n) => {
      expect(names.get(b.key)).toBe(`Nama Editor ${Math.floor(n / 10)} ${n % 10}`);
    });
  });

  it('the same buyer saved by 6 editors at once: one row, the last write wins', async () => {
    const { shop, buyers } = shopWithBuyers(120);
    const [b] = buyers;
    const calls = Array.from({ length: 6 }, (_, i) => ({
      fn: 'saveBuyerName',
      args: [b.key, `Nama dari editor ${i}`, b.address],
    }));
    const result = await run(shop, calls, schedule);
    expect(result.outcomes.every((o) => o.ok)).toBe(true);
    // one created it, the others updated it
    expect(
      result.outcomes.map((o) => (o.value as { updated: boolean }).updated).filter((u) => !u),
    ).toHaveLength(1);
    const rows = records(shop.wb, 'BuyerProfile');
    expect(rows).toHaveLength(1);
    // the last write is the last Range.setValues in the trace (writes happen under the lock)
    const lastWriter = result.trace.filter((t) => t.call === 'Range.setValues').at(-1)!.execution;
    expect(rows[0].buyer_real_name).toBe(`Nama dari editor ${lastWriter}`);
  });

  it('a name saved while segmentation runs is kept, and the next segmentation shows it', async () => {
    const { shop, buyers } = shopWithBuyers(120);
    shop.bundle.call('kenaliSegment');
    const segmented = new Set(shop.wb.readValues('Segments').map((r) => r[0]));
    const b = buyers.filter((x) => segmented.has(x.key))[3];
    const result = await run(
      shop,
      [{ fn: 'kenaliSegment' }, { fn: 'saveBuyerName', args: [b.key, 'Sari Segmentasi', b.address] }],
      schedule,
    );
    expect(result.outcomes.map((o) => o.error?.message ?? 'ok')).toEqual(['ok', 'ok']);
    expect(records(shop.wb, 'BuyerProfile').map((p) => p.buyer_real_name)).toEqual(['Sari Segmentasi']);
    expect(shop.wb.getSheets().map((s) => s.getName())).toEqual(workbookState(shop.wb).names);
    expect(shop.wb.getSheets().filter((s) => s.getName().startsWith('Segments'))).toHaveLength(1);
    shop.bundle.call('kenaliSegment');
    const row = shop.wb.readValues('Segments').find((r) => r[0] === b.key);
    expect(row?.[1]).toBe('Sari Segmentasi');
  });

  it.each([
    ['upserts', false],
    ['first names (one appendRow)', true],
  ])(
    'names saved while an import rewrites the store are all kept (%s); the import lands whole',
    async (_, hint) => {
      const { shop, buyers } = shopWithBuyers(120);
      shop.wb.putValues('Impor', demoExport(160, 32), { asText: true });
      const saves = buyers
        .slice(0, 5)
        .map((b, i) => ({ fn: 'saveBuyerName', args: [b.key, `Impor ${i}`, b.address, hint] }));
      const result = await run(shop, [{ fn: 'kenaliImport' }, ...saves], schedule);
      expect(result.outcomes.map((o) => o.error?.message ?? 'ok')).toEqual(result.outcomes.map(() => 'ok'));
      expect(profileKeys(shop).sort()).toEqual(
        buyers
          .slice(0, 5)
          .map((b) => b.key)
          .sort(),
      );
      // the import's orders are all there, once: same as importing the two exports one after the other
      const alone = openShop();
      importGrid(alone, demoExport(120, 31));
      importGrid(alone, demoExport(160, 32));
      expect(records(shop.wb, 'Orders')).toEqual(records(alone.wb, 'Orders'));
      expect(records(shop.wb, 'OrderItems')).toEqual(records(alone.wb, 'OrderItems'));
    },
  );
});

describe('two editors segmenting at the same time', () => {
  it('end with one whole Segments sheet, one summary sheet and nothing left behind', async () => {
    const { shop } = shopWithBuyers(120);
    shop.bundle.call('kenaliSegment');
    const expected = shop.wb.readValues('Segments');
    const summary = shop.wb.readValues('Ringkasan Segmen');
    // real clocks: two runs are never in the same millisecond (their sheet names include it)
    const result = await runConcurrently(
      [
        { fn: 'kenaliSegmentJson_', args: ['2024-06-30'] },
        { fn: 'kenaliSegmentJson_', args: ['2024-06-30'] },
      ],
      {
        workbook: shop.wb,
        code: builtCode(),
        schedule: 'lockstep',
      },
    );
    expect(result.outcomes.some((o) => o.ok)).toBe(true);
    for (const o of result.outcomes) if (!o.ok) expect(o.error?.message).toBeTruthy();
    expect(
      shop.wb
        .getSheets()
        .filter((s) => /^(Segments|Ringkasan Segmen)/.test(s.getName()))
        .map((s) => s.getName())
        .sort(),
    ).toEqual(['Ringkasan Segmen', 'Segments']);
    expect([...shop.wb.documentProperties.keys()].filter((k) => k.startsWith('kenali.segmentsRun'))).toEqual(
      [],
    );
    expect(shop.wb.readValues('Segments')).toEqual(expected);
    expect(shop.wb.readValues('Ringkasan Segmen')).toEqual(summary);
  });
});

describe('the seller pastes the next export while Impor runs', () => {
  it('rows pasted after the inbox was read are neither imported half nor cleared away', () => {
    const shop = openShop();
    shop.bundle.call('kenaliSetup');
    const first = demoExport(60, 51);
    const next = demoExport(60, 52);
    shop.wb.putValues('Impor', first, { asText: true });
    // while the import waits for the lock (after reading the inbox), the next export lands below it
    shop.wb.counter.at('Lock.waitLock', 1, () => {
      shop.wb.putValues('Impor', [[], ...next], { asText: true, startRow: first.length + 1 });
    });
    shop.bundle.call('kenaliImport');
    expect(shop.wb.counter.pendingFaults()).toBe(0);
    const alone = openShop();
    importGrid(alone, first);
    expect(records(shop.wb, 'Orders')).toEqual(records(alone.wb, 'Orders'));
    expect(shop.wb.readValues('Impor')).toHaveLength(first.length + 1 + next.length);
    expect(shop.bundle.ui.alerts.at(-1)?.prompt).toMatch(/berubah selama impor/);
    // importing again brings the new rows in (the old ones once) and now clears the inbox
    shop.bundle.call('kenaliImport');
    importGrid(alone, next);
    expect(records(shop.wb, 'Orders')).toEqual(records(alone.wb, 'Orders'));
    expect(
      shop.wb
        .readValues('Impor')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });
  it('a different export pasted OVER the one being imported (same size) is kept, not cleared', () => {
    const shop = openShop();
    shop.bundle.call('kenaliSetup');
    const first = demoExport(60, 51);
    const other = demoExport(60, 53);
    expect(other.length).toBe(first.length);
    shop.wb.putValues('Impor', first, { asText: true });
    shop.wb.counter.at('Lock.waitLock', 1, () => {
      shop.wb.putValues('Impor', other, { asText: true });
    });
    shop.bundle.call('kenaliImport');
    expect(shop.wb.readValues('Impor')).toEqual(other);
    expect(shop.bundle.ui.alerts.at(-1)?.prompt).toMatch(/berubah selama impor/);
  });
});
