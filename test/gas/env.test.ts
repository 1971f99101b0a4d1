// The Apps Script side run directly in Node with small fakes passed in through Env (no globals, no bundle):
// a spreadsheet from the local runtime, a lock and document properties that record what is asked of them.
// The integration tests run the built bundle; these pin down what src/gas asks of the services.
import { asGas, LocalSpreadsheet } from '../../local';
import { generateShopeeExport } from '../../src/core/demo';
import { parseExport } from '../../src/core/exports';
import { buyerKeyOf } from '../../src/core/identity';
import { epochFromLocal } from '../../src/core/time';
import { type Env, makeEnv } from '../../src/gas/context';
import { mergeIntoStore } from '../../src/gas/importer';
import { saveProfileName } from '../../src/gas/profiles';
import { GENERATION, IN_FLIGHT } from '../../src/gas/store';

const TZ = 'Asia/Jakarta';
const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);

function fakes() {
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  const events: string[] = [];
  const props = new Map<string, string>();
  const properties = {
    getProperty: (k: string) => props.get(k) ?? null,
    getProperties: () => Object.fromEntries(props),
    setProperty(k: string, v: string) {
      events.push(`set ${k}`);
      props.set(k, v);
      return this;
    },
    setProperties(o: Record<string, string>) {
      for (const [k, v] of Object.entries(o)) {
        events.push(`set ${k}`);
        props.set(k, String(v));
      }
      return this;
    },
    deleteProperty(k: string) {
      events.push(`delete ${k}`);
      props.delete(k);
      return this;
    },
  };
  let held = false;
  const lock = {
    waitLock: () => {
      events.push('waitLock');
      held = true;
    },
    releaseLock: () => {
      events.push('releaseLock');
      held = false;
    },
  };
  const env: Env = makeEnv(
    {
      spreadsheet: () => asGas.spreadsheet(wb),
      documentLock: () => lock as unknown as GoogleAppsScript.Lock.Lock,
      documentProperties: () => properties as unknown as GoogleAppsScript.Properties.Properties,
      ui: () => {
        throw new Error('no UI in this test');
      },
      flush: () => events.push('flush'),
    },
    NOW,
  );
  return { wb, env, events, props, held: () => held };
}

describe('src/gas with the services passed in through Env', () => {
  it('an import marks itself in flight around its writes, flushes after its undo log, before its commit point and its end, and bumps the generation', () => {
    const { wb, env, events, props } = fakes();
    const parsed = parseExport(
      generateShopeeExport({ seed: 3, lines: 80, now: NOW, timeZone: TZ }).grid,
      'Impor',
      TZ,
    );
    const outcome = mergeIntoStore(env, [parsed]);
    expect(outcome.ok).toBe(true);
    expect(outcome.stats.newOrders).toBe(parsed.orders.length);
    expect(wb.readValues('Orders').length).toBe(parsed.orders.length + 1);
    expect(events.filter((e) => e.includes(IN_FLIGHT) || e.includes(GENERATION) || e === 'flush')).toEqual([
      `set ${IN_FLIGHT}`, // the mark (an undo log follows it)
      'flush', // the undo log in before the first store write
      'flush',
      `set ${IN_FLIGHT}`, // the commit point, once every write is flushed
      'flush',
      `set ${IN_FLIGHT}`, // the mark removed once the tidying is flushed too
      `set ${GENERATION}`,
    ]);
    expect(props.get(IN_FLIGHT)).toBe('');
    // the same export again: nothing to write, so no mark at all
    events.length = 0;
    expect(mergeIntoStore(env, [parsed]).stats.unchangedOrders).toBe(parsed.orders.length);
    expect(events).toEqual([]);
  });

  it('a save takes the lock, writes under it, flushes before releasing it', () => {
    const { wb, env, events, held } = fakes();
    const parsed = parseExport(
      generateShopeeExport({ seed: 3, lines: 40, now: NOW, timeZone: TZ }).grid,
      'Impor',
      TZ,
    );
    mergeIntoStore(env, [parsed]);
    const o = parsed.orders[0];
    events.length = 0;
    const key = buyerKeyOf(o.buyerUsername, o.addressFull);
    let lockedWhileWriting = false;
    const saved = saveProfileName(env, key, 'Putri', o.addressFull, NOW, () => {
      lockedWhileWriting = held();
    });
    expect(saved.buyerRealName).toBe('Putri');
    expect(lockedWhileWriting).toBe(true);
    expect(events).toEqual(['waitLock', 'flush', 'releaseLock']);
    expect(wb.readValues('BuyerProfile')[1][2]).toBe('Putri');
  });
});
