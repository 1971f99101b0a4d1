// Hand-typed data is sacred (issue #14, cases 1–4), on the BUILT bundle: BuyerProfile holds the only data a
// seller types by hand. Saves follow the sheet's real header wherever its columns are, never touch a
// column the seller added, refuse by name a header they cannot use, and never overwrite another buyer's
// row when a person inserts or sorts rows while a save runs.

import { LocalRange } from '../../local/gas/range';
import { LocalSheet } from '../../local/gas/sheet';
import { buyerKeyOf } from '../../src/core/identity';
import { readProfiles } from '../../src/core/store';
import type { CellValue } from '../../src/core/types';
import type { CustomerDetailView, NamingQueueView } from '../../src/core/views';
import { builtCode, demoExport, importGrid, openShop, type Shop, TZ } from './harness';
import { openPage } from './pages';

beforeAll(() => {
  builtCode();
});

interface Buyer {
  key: string;
  username: string;
  address: string;
}

/** A shop with orders and two names saved (rows 2 and 3 of BuyerProfile); more unnamed buyers. */
function namedShop(): { shop: Shop; named: Buyer[]; unnamed: Buyer[] } {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  importGrid(shop, demoExport(120, 61));
  const entries = shop.bundle.call<NamingQueueView>('getNamingQueue', 30).entries;
  const buyers = entries.map((e) => ({ key: e.buyerKey, username: e.buyerUsername, address: e.addressFull }));
  const named = buyers.slice(0, 2);
  for (const [i, b] of named.entries()) shop.bundle.call('saveBuyerName', b.key, `Nama ${i}`, b.address);
  return { shop, named, unnamed: buyers.slice(2) };
}

const profilesByKey = (shop: Shop) => {
  const out = new Map<string, string[]>();
  for (const p of readProfiles(shop.wb.readValues('BuyerProfile'), 'BuyerProfile', TZ).records) {
    const k = `${p.buyerUsername}|${p.addressIdentifier}`;
    out.set(k, [...(out.get(k) ?? []), p.buyerRealName]);
  }
  return out;
};

const realNameOf = (shop: Shop, key: string) =>
  shop.bundle.call<CustomerDetailView | null>('getCustomerDetail', key)?.realName ?? null;

describe('1. a column the seller added to BuyerProfile', () => {
  it('keeps its notes; saves land under the right headers and read back (new and updated names)', () => {
    const { shop, named, unnamed } = namedShop();
    const sheet = shop.wb.sheet('BuyerProfile');
    sheet.insertColumnsBefore(2, 1);
    sheet.getRange('B1:B3').setValues([['catatan'], ['langganan sejak 2021'], ['suka diskon']]);
    const notes = () => shop.wb.readValues('BuyerProfile').map((r) => r[1]);
    const before = notes();
    shop.bundle.call('saveBuyerName', unnamed[0].key, 'Rina Baru', unnamed[0].address);
    shop.bundle.call('saveBuyerName', named[0].key, 'Nama Diganti', named[0].address);
    expect(notes()).toEqual([...before, '']);
    const profiles = profilesByKey(shop);
    expect(profiles.get(unnamed[0].key)).toEqual(['Rina Baru']);
    expect(profiles.get(named[0].key)).toEqual(['Nama Diganti']);
    expect(profiles.get(named[1].key)).toEqual(['Nama 1']);
    expect(realNameOf(shop, unnamed[0].key)).toBe('Rina Baru');
    expect(realNameOf(shop, named[0].key)).toBe('Nama Diganti');
  });
});

describe('2. columns moved by the seller', () => {
  it('buyer_username and buyer_real_name swapped (header and values): a new save follows the headers', () => {
    const { shop, named, unnamed } = namedShop();
    const grid = shop.wb.readValues('BuyerProfile');
    const swapped = grid.map((r) => [r[2], r[1], r[0], r[3], r[4]]);
    shop.wb.sheet('BuyerProfile').clearContents();
    shop.wb.putValues('BuyerProfile', swapped, { asText: true });
    shop.bundle.call('saveBuyerName', unnamed[1].key, 'Sari Tukar', unnamed[1].address);
    const rows = shop.wb.readValues('BuyerProfile');
    const last = rows[rows.length - 1];
    expect(rows[0].slice(0, 3)).toEqual(['buyer_real_name', 'address_identifier', 'buyer_username']);
    expect([last[0], last[2]]).toEqual(['Sari Tukar', unnamed[1].username]);
    const profiles = profilesByKey(shop);
    expect(profiles.get(unnamed[1].key)).toEqual(['Sari Tukar']);
    expect(profiles.get(named[0].key)).toEqual(['Nama 0']);
    expect(realNameOf(shop, unnamed[1].key)).toBe('Sari Tukar');
  });
});

describe('3. a header renamed or the header row deleted', () => {
  const refused = (shop: Shop, b: Buyer) => {
    const before = shop.wb.readValues('BuyerProfile');
    expect(() => shop.bundle.call('saveBuyerName', b.key, 'Tidak Boleh', b.address)).toThrow(
      /BuyerProfile.*buyer_real_name/,
    );
    expect(shop.wb.readValues('BuyerProfile')).toEqual(before);
  };

  it('buyer_real_name renamed "Nama Asli": the save is refused naming sheet and header, nothing written', () => {
    const { shop, named, unnamed } = namedShop();
    shop.wb.putValues('BuyerProfile', [['buyer_username', 'address_identifier', 'Nama Asli']], {
      asText: true,
    });
    refused(shop, unnamed[0]);
    refused(shop, named[0]);
  });

  it('the header row deleted: refused too', () => {
    const { shop, named, unnamed } = namedShop();
    shop.wb.sheet('BuyerProfile').deleteRow(1);
    refused(shop, unnamed[0]);
    refused(shop, named[1]);
  });

  it('the naming sidebar shows the reason on the entry and keeps the typed name', async () => {
    const { shop } = namedShop();
    shop.wb.putValues('BuyerProfile', [['buyer_username', 'address_identifier', 'Nama Asli']], {
      asText: true,
    });
    const page = await openPage('Naming', shop);
    await page.until(() => page.doc.querySelectorAll('li.entry').length > 0, 'the queue');
    const li = page.doc.querySelector('li.entry')!;
    const input = li.querySelector<HTMLInputElement>('input.name-input')!;
    input.focus();
    page.type(input, 'Dewi Lestari');
    page.press(input, 'Enter');
    await page.until(
      () => li.classList.contains('error') || li.querySelector('.name-field.error') !== null,
      'the failure',
    );
    expect(li.querySelector('.name-status')!.textContent).toMatch(/BuyerProfile.*buyer_real_name/);
    expect(input.value).toBe('Dewi Lestari');
    expect(li.isConnected).toBe(true);
  });
});

describe('4. a person inserts or sorts rows while a save runs', () => {
  const typedByHand: CellValue[] = ['xenia_x', '', 'Xenia', '', 'Jl. Xenia 1'];
  const xenia = buyerKeyOf('xenia_x', 'Jl. Xenia 1');
  const edits = {
    'inserts a row above and types a profile': (shop: Shop) => {
      shop.wb.sheet('BuyerProfile').insertRowsBefore(2, 1);
      shop.wb.putValues('BuyerProfile', [typedByHand], { startRow: 2, asText: true });
    },
    'sorts the rows by name, descending': (shop: Shop) => {
      shop.wb.putValues('BuyerProfile', [typedByHand], {
        startRow: shop.wb.sheet('BuyerProfile').getLastRow() + 1,
        asText: true,
      });
      const s = shop.wb.sheet('BuyerProfile');
      s.getRange(2, 1, s.getLastRow() - 1, 5).sort({ column: 3, ascending: false });
    },
  };

  describe.each(Object.entries(edits))('at every call of the save, the person %s', (_, edit) => {
    it.each(['an update', 'a new name'] as const)(
      '%s: no other profile is lost, changed or doubled',
      (which) => {
        const pick = (x: ReturnType<typeof namedShop>) => (which === 'an update' ? x.named[0] : x.unnamed[0]);
        const clean = namedShop();
        const calls = clean.shop.wb.counter.measure(() =>
          clean.shop.bundle.call('saveBuyerName', pick(clean).key, 'Nama Akhir', pick(clean).address),
        ).total;
        let checked = 0;
        for (let k = 1; k <= calls; k++) {
          const x = namedShop();
          const target = pick(x);
          const before = profilesByKey(x.shop);
          let label = '';
          x.shop.wb.counter.at(
            () => true,
            k,
            (l) => {
              label = l;
              edit(x.shop);
            },
          );
          let saved = true;
          try {
            x.shop.bundle.call('saveBuyerName', target.key, 'Nama Akhir', target.address);
          } catch {
            saved = false;
          }
          // Between the last check and the write itself no script can guard a row (there is no
          // transaction in Sheets): that one call is not part of the promise.
          if (label === 'Range.setValues') continue;
          checked++;
          const after = profilesByKey(x.shop);
          const where = `edit before call ${k} (${label})`;
          expect(after.get(xenia), where).toEqual(label ? ['Xenia'] : undefined);
          for (const [key, names] of before)
            if (key !== target.key) expect(after.get(key), where).toEqual(names);
          expect(after.get(target.key), where).toEqual(saved ? ['Nama Akhir'] : before.get(target.key));
        }
        expect(checked).toBeGreaterThan(calls / 2);
      },
    );
  });
});

describe('5. a name typed straight into BuyerProfile (not through the sidebar)', () => {
  /** The seller types username, address and name in a new row, and corrects another buyer's name in place. */
  function typedByHand() {
    const { shop, named, unnamed } = namedShop();
    const sheet = shop.wb.sheet('BuyerProfile');
    const header = shop.wb.readValues('BuyerProfile')[0].map(String);
    const row = header.map((h) =>
      h === 'buyer_username'
        ? unnamed[0].username
        : h === 'address_full'
          ? unnamed[0].address
          : h === 'buyer_real_name'
            ? 'Diketik Tangan'
            : '',
    );
    sheet.getRange(sheet.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    sheet.getRange(2, header.indexOf('buyer_real_name') + 1).setValue('Dikoreksi Tangan');
    return { shop, typed: unnamed[0], corrected: named[0] };
  }

  it('the naming queue does not offer that buyer again (a name typed there would overwrite it)', () => {
    const { shop, typed } = typedByHand();
    const queue = shop.bundle.call<NamingQueueView>('getNamingQueue', 30).entries.map((e) => e.buyerKey);
    expect(queue).not.toContain(typed.key);
    expect(profilesByKey(shop).get(typed.key)).toEqual(['Diketik Tangan']);
  });

  it('the queue asks BuyerProfile only about the buyers it would offer: its calls and cells do not grow with the profiles', () => {
    const { shop, typed } = typedByHand();
    const profileCells = () => {
      // Cells read from BuyerProfile, by either bulk read.
      const range = LocalRange.prototype.getValues;
      const sheetValues = LocalSheet.prototype.getSheetValues;
      let cells = 0;
      const tally = (name: string, out: unknown[][]) => {
        if (name === 'BuyerProfile') cells += out.length * ((out[0] as unknown[] | undefined)?.length ?? 0);
        return out;
      };
      LocalRange.prototype.getValues = function (this: LocalRange) {
        return tally(this.sheet.getName(), range.call(this)) as ReturnType<typeof range>;
      };
      LocalSheet.prototype.getSheetValues = function (
        this: LocalSheet,
        ...a: Parameters<typeof sheetValues>
      ) {
        return tally(this.getName(), sheetValues.apply(this, a)) as ReturnType<typeof sheetValues>;
      };
      try {
        const m = shop.wb.counter.measure(() => shop.bundle.call<NamingQueueView>('getNamingQueue', 30));
        expect(m.result.entries.map((e) => e.buyerKey)).not.toContain(typed.key);
        return { calls: m.total, cells };
      } finally {
        LocalRange.prototype.getValues = range;
        LocalSheet.prototype.getSheetValues = sheetValues;
      }
    };
    const few = profileCells();
    // 3,000 more profiles of buyers outside the window (an old shop's names), typed above the others.
    const sheet = shop.wb.sheet('BuyerProfile');
    const header = shop.wb.readValues('BuyerProfile')[0].map(String);
    const rows = Array.from({ length: 3_000 }, (_, i) =>
      header.map((h) =>
        h === 'buyer_username'
          ? `lama${i}`
          : h === 'address_full'
            ? `Jl. Lama ${i}`
            : h === 'buyer_real_name'
              ? `Lama ${i}`
              : '',
      ),
    );
    sheet.insertRowsBefore(2, rows.length);
    sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
    const many = profileCells();
    expect(many.calls).toBe(few.calls);
    // A window from the bottom of the sheet at most (where names typed lately are), never the whole sheet.
    expect(many.cells).toBeLessThan(200);
  });

  it('the customer detail shows the typed names (not "Profil Sementara" with a way to name them)', () => {
    const { shop, typed, corrected } = typedByHand();
    expect(realNameOf(shop, typed.key)).toBe('Diketik Tangan');
    expect(realNameOf(shop, corrected.key)).toBe('Dikoreksi Tangan');
  });
});
