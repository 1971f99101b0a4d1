// @vitest-environment jsdom
// Customer lookup as shipped (dist/Lookup.html's content from build.mjs), against a fake google.script.run.
import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerListItemView } from '../../src/core/views';
import { detailOf, listItem, listView } from './fixtures';
import { click, flush, type LoadedPage, loadPage, pressKey, typeInto, wait } from './page';

let page: LoadedPage;

afterEach(() => {
  expect(page.errors).toEqual([]);
  expect(page.alerts).toEqual([]);
});

const budi = listItem('budi_s', 'Jl. Melati No. 5, Bandung', {
  realName: 'Budi Santoso',
  orderCount: 4,
  lastActivitySn: '240501AAA111',
});
const sari = listItem('sari.dewi', 'Jl. Kenanga 12, Surabaya', {
  lastActivityAt: '2024-04-30T17:10:00.000Z',
  lastActivitySn: '240501BBB222',
});
const andi = listItem('andi99', 'Perum Griya Asri C3, Medan', {
  lastActivitySn: '240430CCC333',
  orderCount: 2,
});

async function loaded(items: CustomerListItemView[] = [budi, sari, andi]): Promise<LoadedPage> {
  page = await loadPage('Lookup');
  page.fake.last('lookupCustomers').resolve(listView(items));
  await flush();
  return page;
}

const rows = () => page.$$<HTMLLIElement>('.results li.result');
const names = () => rows().map((li) => li.querySelector('.item-name')!.textContent);
const search = () => page.$<HTMLInputElement>('input.search-input');
const detailView = () => page.$('.detail-view');
const listSection = () => page.$('.list-view');
const ddOf = (label: string) => {
  const row = page.$$('.detail-body dl .row').find((r) => r.querySelector('dt')!.textContent === label);
  if (!row) throw new Error(`no row ${label}`);
  return row.querySelector('dd')!.textContent;
};

async function openDetail(item: CustomerListItemView, detail = detailOf(item)) {
  const row = rows().find(
    (li) => li.querySelector('.item-name')!.textContent === (item.realName ?? item.buyerUsername),
  )!;
  click(row.querySelector('button.item')!);
  expect(page.fake.last('getCustomerDetail').args).toEqual([item.buyerKey]);
  page.fake.last('getCustomerDetail').resolve(detail);
  await flush();
}

describe('list mode', () => {
  it("loads recent buyers with one call to lookupCustomers('')", async () => {
    page = await loadPage('Lookup');
    expect(page.fake.calls.map((c) => [c.name, c.args])).toEqual([['lookupCustomers', ['']]]);
    expect(page.$('.banner').textContent).toContain('Memuat');
    page.fake.last('lookupCustomers').resolve(listView([budi, sari, andi]));
    await flush();
    expect(page.fake.calls).toHaveLength(1);
    expect(page.$('.banner').textContent).toBe('');
    expect(page.$('h1').textContent).toBe('Cari Pelanggan');
    expect(page.$('.list-heading').textContent).toBe('Pembeli 2 hari terakhir');
    expect(page.$('.list-meta').textContent).toBe('3 pelanggan');
    expect(names()).toEqual(['Budi Santoso', 'sari.dewi', 'andi99']);
  });

  it('shows a profile mark, the username under a real name, the last order and its number', async () => {
    await loaded();
    const [b, s] = rows();
    expect(b.querySelector('.mark.profile')!.textContent).toBe('✓');
    expect(b.querySelector('.tag.temporary')).toBeNull();
    expect(b.querySelector('.item-user')!.textContent).toBe('budi_s');
    expect(b.querySelector('.item-meta')!.textContent).toBe(
      'Aktivitas terakhir 1 Mei 2024 · 4 pesanan240501AAA111',
    );
    expect(s.querySelector('.mark.profile')).toBeNull();
    expect(s.querySelector('.tag.temporary')!.textContent).toBe('Belum bernama');
    expect(s.querySelector('.item-user')).toBeNull();
    expect(s.querySelector('.item-sn')!.textContent).toBe('240501BBB222');
    expect(s.querySelector('.item-address')!.textContent).toBe('Jl. Kenanga 12, Surabaya');
  });

  it('tells a capped list and an empty one apart', async () => {
    page = await loadPage('Lookup');
    page.fake.last('lookupCustomers').resolve(listView([budi], { total: 250 }));
    await flush();
    expect(page.$('.list-meta').textContent).toBe('Menampilkan 1 dari 250. Persempit pencarian.');
    typeInto(search(), 'zzz');
    pressKey(search(), 'Enter');
    page.fake.last('lookupCustomers').resolve(listView([], { mode: 'search', query: 'zzz', days: 0 }));
    await flush();
    expect(rows()).toHaveLength(0);
    expect(page.$('.empty').hidden).toBe(false);
    expect(page.$('.empty').textContent).toBe('Tidak ada pelanggan yang cocok dengan “zzz”.');
  });

  it('a failed load shows the reason and a retry', async () => {
    page = await loadPage('Lookup');
    page.fake.last('lookupCustomers').reject('Sheet Orders kosong');
    await flush();
    expect(page.$('.banner [role="alert"]').textContent).toContain(
      'Daftar pelanggan tidak dapat dimuat. (Sheet Orders kosong)',
    );
    click(page.$('.banner button.retry'));
    expect(page.fake.callsTo('lookupCustomers').map((c) => c.args)).toEqual([[''], ['']]);
    page.fake.last('lookupCustomers').resolve(listView([andi]));
    await flush();
    expect(names()).toEqual(['andi99']);
  });
});

describe('search', () => {
  it('Enter searches at once; results show whether a profile exists', async () => {
    await loaded();
    typeInto(search(), '  budi ');
    pressKey(search(), 'Enter');
    expect(page.fake.last('lookupCustomers').args).toEqual(['budi']);
    expect(page.$('.banner').textContent).toContain('Mencari');
    page.fake.last('lookupCustomers').resolve(listView([budi], { mode: 'search', query: 'budi', days: 0 }));
    await flush();
    expect(page.$('.list-heading').textContent).toBe('Hasil untuk “budi”');
    expect(names()).toEqual(['Budi Santoso']);
    expect(rows()[0].querySelector('.mark.profile')).not.toBeNull();
  });

  it('typing searches after a pause, once, and a late answer to an older search is ignored', async () => {
    await loaded();
    typeInto(search(), 's');
    typeInto(search(), 'sa');
    typeInto(search(), 'sari');
    expect(page.fake.callsTo('lookupCustomers')).toHaveLength(1);
    await wait(450);
    expect(page.fake.callsTo('lookupCustomers').map((c) => c.args[0])).toEqual(['', 'sari']);
    const older = page.fake.last('lookupCustomers');
    typeInto(search(), 'andi');
    pressKey(search(), 'Enter');
    const newer = page.fake.last('lookupCustomers');
    newer.resolve(listView([andi], { mode: 'search', query: 'andi' }));
    await flush();
    older.resolve(listView([sari], { mode: 'search', query: 'sari' }));
    await flush();
    expect(names()).toEqual(['andi99']);
    // The debounce does not fire again for what Enter already searched.
    await wait(450);
    expect(page.fake.callsTo('lookupCustomers')).toHaveLength(3);
  });

  it('the search button searches too, and an empty search returns to recent buyers', async () => {
    await loaded();
    typeInto(search(), 'andi');
    click(page.$('button.search-button'));
    expect(page.fake.last('lookupCustomers').args).toEqual(['andi']);
    typeInto(search(), '');
    pressKey(search(), 'Enter');
    expect(page.fake.last('lookupCustomers').args).toEqual(['']);
  });
});

describe('detail', () => {
  it('opens by buyerKey with a loading state and shows identity, statistics, last order and top products', async () => {
    await loaded();
    click(rows()[0].querySelector('button.item')!);
    expect(listSection().hidden).toBe(true);
    expect(detailView().hidden).toBe(false);
    expect(page.$('.detail-view .banner').textContent).toContain('Memuat');
    expect(page.fake.last('getCustomerDetail').args).toEqual([budi.buyerKey]);
    page.fake.last('getCustomerDetail').resolve(detailOf(budi));
    await flush();
    expect(page.$('.detail-view .banner').textContent).toBe('');

    expect(page.$('.customer-name').textContent).toBe('Budi Santoso');
    expect(page.$('.identity .username-text').textContent).toBe('budi_s');
    expect(page.$('.identity .mark.profile').textContent).toBe('✓');
    expect(page.$('.identity .address dd').textContent).toBe('Jl. Melati No. 5, Bandung');
    expect(page.$$('.temporary-profile')).toHaveLength(0);

    expect(ddOf('Total belanja')).toBe('Rp 1.234.567');
    expect(ddOf('Jumlah pesanan')).toBe('3');
    expect(ddOf('Rata-rata per pesanan')).toBe('Rp 411.522');
    // 20:30 UTC on 31 Dec 2023 is 03:30 on 1 Jan 2024 in Jakarta.
    expect(ddOf('Pesanan pertama')).toBe('1 Januari 2024 03.30');
    expect(ddOf('Sejak pesanan terakhir')).toBe('3 hari lalu');
    expect(ddOf('Total barang')).toBe('7');
    expect(ddOf('Penghasilan bersih')).toBe('Rp 1.100.000');
    expect(ddOf('Biaya administrasi')).toBe('Rp 98.765');
    expect(ddOf('Biaya layanan')).toBe('Rp 35.802');
    const notes = page.$$('.stats .note').map((n) => n.textContent);
    expect(notes).toEqual([
      'Data pembayaran ada untuk 2 dari 3 pesanan.',
      '1 pesanan batal, belum dibayar atau dikembalikan tidak dihitung.',
    ]);

    expect(ddOf('No. pesanan')).toBe('240501AAA111');
    expect(ddOf('Tanggal')).toBe('1 Mei 2024 13.45');
    expect(ddOf('Status')).toBe('Selesai');
    const lines = page
      .$$<HTMLTableRowElement>('table.lines tbody tr')
      .map((tr) => [...tr.cells].map((c) => c.textContent));
    expect(lines).toEqual([
      ['Kaos PolosHitam, XL · KP-HT-XL', '2', 'Rp 75.000'],
      ['Topi Bucket', '1', '—'],
    ]);
    expect(page.$('.order-total strong').textContent).toBe('Rp 250.000');
    const top = page
      .$$('.top-products li')
      .map((li) => [
        li.querySelector('.product-name')!.textContent,
        li.querySelector('.product-count')!.textContent,
      ]);
    expect(top).toEqual([
      ['Kaos Polos', '5× · 3 pesanan'],
      ['Topi Bucket', '2× · 2 pesanan'],
    ]);
  });

  it('shows the RFM segment as a badge in the colours of the view', async () => {
    await loaded();
    await openDetail(budi);
    const badge = page.$('.badge.segment');
    expect(badge.textContent).toBe('Juara');
    expect(badge.style.backgroundColor).toBe('rgb(27, 94, 32)');
    expect(badge.style.color).toBe('rgb(255, 255, 255)');
    expect(badge.title).toBe('Kode RFM 545');
    expect(page.$$('.previous-segment')).toHaveLength(0); // new since the last run: no previous segment
  });

  it('shows the previous segment beside the current one, only when there is one', async () => {
    await loaded();
    await openDetail(
      budi,
      detailOf(budi, {
        previousSegment: {
          rfm: '',
          segmentId: 'at-risk',
          label: 'Berisiko',
          background: '#FFCDD2',
          color: '#8B0000',
        },
      }),
    );
    const previous = page.$('.previous-segment');
    expect(previous.textContent).toBe('Segmen sebelumnya: Berisiko');
    const badge = previous.querySelector('.badge.segment') as HTMLElement;
    expect(badge.style.backgroundColor).toBe('rgb(255, 205, 210)');
    expect(badge.title).toBe('Segmen sebelumnya');
    expect(page.$('.detail-head > .badge.segment').textContent).toBe('Juara');
  });

  it('leaves out the badge, payment rows and a made-up average when the data is not there', async () => {
    await loaded();
    const base = detailOf(andi);
    await openDetail(
      andi,
      detailOf(andi, {
        segment: null,
        stats: {
          ...base.stats,
          totalSpend: 0,
          orderCount: 0,
          averageOrderValue: 0,
          netIncome: null,
          adminFees: null,
          serviceFees: null,
          ordersWithPayment: 0,
          allOrderCount: 1,
          daysSinceLastOrder: 0,
        },
        lastOrder: { ...base.lastOrder!, status: 'Batal', counted: false },
        topProducts: [],
      }),
    );
    expect(page.$$('.badge.segment')).toHaveLength(0);
    expect(page.$$('.row.net-income, .row.fees')).toHaveLength(0);
    expect(ddOf('Rata-rata per pesanan')).toBe('—');
    expect(ddOf('Total belanja')).toBe('Rp 0');
    expect(ddOf('Sejak pesanan terakhir')).toBe('hari ini');
    expect(ddOf('Status')).toBe('Bataltidak dihitung');
    expect(page.$('.top-products p').textContent).toBe('Belum ada produk.');
  });

  it('Back returns to the list with the query, the same results and the scroll position', async () => {
    await loaded();
    typeInto(search(), 'jl');
    pressKey(search(), 'Enter');
    page.fake.last('lookupCustomers').resolve(listView([budi, sari, andi], { mode: 'search', query: 'jl' }));
    await flush();
    const before = rows();
    page.document.documentElement.scrollTop = 180;
    await openDetail(sari);
    expect(page.document.documentElement.scrollTop).toBe(0);
    expect(page.document.activeElement).toBe(page.$('button.back'));

    click(page.$('button.back'));
    expect(detailView().hidden).toBe(true);
    expect(listSection().hidden).toBe(false);
    expect(search().value).toBe('jl');
    expect(rows()).toEqual(before);
    expect(page.$('.list-heading').textContent).toBe('Hasil untuk “jl”');
    expect(page.document.documentElement.scrollTop).toBe(180);
    expect(page.document.activeElement).toBe(before[1].querySelector('button.item'));
    expect(page.fake.callsTo('lookupCustomers')).toHaveLength(2);
  });

  it('Escape goes back too, and a detail answering after Back is ignored', async () => {
    await loaded();
    click(rows()[2].querySelector('button.item')!);
    pressKey(page.$('button.back'), 'Escape');
    expect(detailView().hidden).toBe(true);
    page.fake.last('getCustomerDetail').resolve(detailOf(andi));
    await flush();
    expect(page.$$('.detail-body .customer-name')).toHaveLength(0);
  });

  it('a failed detail shows the reason and a retry; an unknown key says so', async () => {
    await loaded();
    click(rows()[1].querySelector('button.item')!);
    page.fake.last('getCustomerDetail').reject('Waktu habis');
    await flush();
    expect(page.$('.detail-view [role="alert"]').textContent).toContain(
      'Detail pelanggan tidak dapat dimuat. (Waktu habis)',
    );
    click(page.$('.detail-view button.retry'));
    expect(page.fake.callsTo('getCustomerDetail').map((c) => c.args)).toEqual([
      [sari.buyerKey],
      [sari.buyerKey],
    ]);
    page.fake.last('getCustomerDetail').resolve(null);
    await flush();
    expect(page.$('.detail-view [role="alert"]').textContent).toContain('Pelanggan ini tidak ditemukan');
  });
});

describe('naming from the detail', () => {
  it('a temporary profile offers a name field; Enter saves once and the name and mark appear', async () => {
    await loaded();
    await openDetail(sari);
    expect(page.$('.customer-name').textContent).toBe('sari.dewi');
    expect(page.$('.temporary-profile .notice-title').textContent).toBe('Nama asli belum dicatat');
    expect(page.$('.identity .tag.temporary').textContent).toBe('Belum bernama');
    const input = page.$<HTMLInputElement>('.temporary-profile input.name-input');
    input.focus();
    typeInto(input, 'Sari Dewi');
    pressKey(input, 'Enter');
    input.blur(); // the blur after Enter must not save again
    const saves = page.fake.callsTo('saveBuyerName');
    // shown as a temporary profile, first try: the server may append the name at once
    expect(saves.map((c) => c.args)).toEqual([[sari.buyerKey, 'Sari Dewi', sari.addressFull, true]]);
    expect(page.$('.temporary-profile .name-status').textContent).toBe('Menyimpan…');

    saves[0].resolve({ buyerKey: sari.buyerKey, buyerRealName: 'Sari Dewi', updated: false, updatedAt: '' });
    await flush();
    expect(page.$('.customer-name').textContent).toBe('Sari Dewi');
    expect(page.$('.identity .mark.profile').textContent).toBe('✓');
    expect(page.$$('.temporary-profile')).toHaveLength(0);
    expect(page.$('.toast').textContent).toBe('Tersimpan: Sari Dewi');

    // The list row learnt the name too, without a new search.
    click(page.$('button.back'));
    expect(names()).toEqual(['Budi Santoso', 'Sari Dewi', 'andi99']);
    expect(rows()[1].querySelector('.mark.profile')).not.toBeNull();
    expect(rows()[1].querySelector('.item-user')!.textContent).toBe('sari.dewi');
    expect(page.fake.callsTo('lookupCustomers')).toHaveLength(1);
  });

  it('empty input saves nothing; a failure keeps the text with the reason, and retry works', async () => {
    await loaded();
    await openDetail(andi);
    const input = page.$<HTMLInputElement>('.temporary-profile input.name-input');
    input.focus();
    typeInto(input, '   ');
    input.blur();
    pressKey(input, 'Enter');
    expect(page.fake.callsTo('saveBuyerName')).toHaveLength(0);

    input.focus();
    typeInto(input, 'Andi Wijaya');
    input.blur();
    page.fake.last('saveBuyerName').reject('Dokumen terkunci');
    await flush();
    expect(input.value).toBe('Andi Wijaya');
    expect(page.$('.temporary-profile .name-status').textContent).toBe('Gagal menyimpan: Dokumen terkunci');
    input.focus();
    input.blur();
    expect(page.fake.callsTo('saveBuyerName')).toHaveLength(1);
    click(page.$('.temporary-profile button.retry'));
    expect(page.fake.callsTo('saveBuyerName')).toHaveLength(2);
    page.fake
      .last('saveBuyerName')
      .resolve({ buyerKey: andi.buyerKey, buyerRealName: 'Andi Wijaya', updated: false, updatedAt: '' });
    await flush();
    expect(page.$('.customer-name').textContent).toBe('Andi Wijaya');
  });

  it('a name left failing behind Back is still there when the customer is opened again', async () => {
    await loaded();
    await openDetail(andi);
    const input = page.$<HTMLInputElement>('.temporary-profile input.name-input');
    input.focus();
    typeInto(input, 'Andi W');
    click(page.$('button.back')); // clicking Back blurs the field: it saves
    expect(page.fake.last('saveBuyerName').args).toEqual([andi.buyerKey, 'Andi W', andi.addressFull, true]);
    page.fake.last('saveBuyerName').reject('Kuota habis');
    await flush();
    expect(page.$('.toast').textContent).toBe('andi99: Gagal menyimpan: Kuota habis');
    click(rows()[2].querySelector('button.item')!);
    expect(page.fake.callsTo('getCustomerDetail')).toHaveLength(1); // shown as it was, not reloaded
    expect(page.$<HTMLInputElement>('.temporary-profile input.name-input').value).toBe('Andi W');
    expect(page.$('.temporary-profile .name-status').textContent).toBe('Gagal menyimpan: Kuota habis');
  });
});

describe('search results say why they matched', () => {
  it('marks the matched span as text (never HTML), and shows the matched order number', async () => {
    const evil = listItem('<b>budi</b>', 'Jl. <i>Setiabudi</i> 1', {
      lastActivitySn: '240501AAA111',
      match: { field: 'address', text: 'Jl. <i>Setiabudi</i> 1', start: 12, length: 4 },
    });
    const old = listItem('tono', 'Jl. A', {
      lastActivitySn: '240501ZZZ999',
      match: { field: 'orderSn', text: '240420BBB', start: 0, length: 6 },
    });
    await loaded();
    typeInto(search(), 'budi');
    pressKey(search(), 'Enter');
    page.fake
      .last('lookupCustomers')
      .resolve(listView([evil, old], { mode: 'search', query: 'budi', days: 0 }));
    await flush();
    const [a, b] = rows();
    const address = a.querySelector('.item-address')!;
    expect(address.textContent).toBe('Jl. <i>Setiabudi</i> 1');
    expect(address.querySelector('i')).toBeNull();
    expect(address.querySelector('mark')!.textContent).toBe('budi');
    expect(a.querySelector('.item-name mark')).toBeNull();
    expect(a.querySelector('.item-why')!.textContent).toBe('Cocok: alamat');
    expect(b.querySelector('.item-sn')!.textContent).toBe('240420BBB');
    expect(b.querySelector('.item-sn mark')!.textContent).toBe('240420');
    expect(b.querySelector('.item-why')!.textContent).toBe('Cocok: no. pesanan');
  });

  it('a buyer with only cancelled orders reads "belum ada pesanan yang dihitung", not "0 pesanan"', async () => {
    await loaded([listItem('batal_terus', 'Jl. B', { orderCount: 0 })]);
    expect(rows()[0].querySelector('.item-activity')!.textContent).toBe(
      'Aktivitas terakhir 1 Mei 2024 · belum ada pesanan yang dihitung',
    );
  });
});

describe('untrusted text and language', () => {
  it('hostile names, addresses, products and errors are shown literally', async () => {
    const evil = listItem('<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>', {
      realName: '=IMPORTXML("http://evil.example","//a")',
      lastActivitySn: '<b>1</b>',
    });
    await loaded([evil]);
    expect(names()).toEqual(['=IMPORTXML("http://evil.example","//a")']);
    expect(rows()[0].querySelector('.item-user')!.textContent).toBe('<img src=x onerror=alert(1)>');
    const base = detailOf(evil);
    await openDetail(
      evil,
      detailOf(evil, {
        lastOrder: {
          ...base.lastOrder!,
          status: '<i>x</i>',
          lines: [
            {
              productName: '<svg onload=alert(1)>',
              variantName: '<u>v</u>',
              variantSku: '',
              quantity: 1,
              price: 1,
            },
          ],
        },
        topProducts: [{ productName: '<iframe src=x>', quantity: 1, orders: 1 }],
        segment: {
          rfm: '111',
          segmentId: 'lost',
          label: '<b>Hilang</b>',
          background: 'url(javascript:alert(1))',
          color: 'red',
        },
      }),
    );
    expect(page.$('.customer-name').textContent).toBe('=IMPORTXML("http://evil.example","//a")');
    expect(page.$('.identity .address dd').textContent).toBe('</script><script>alert(1)</script>');
    expect(page.$('table.lines .product-name').textContent).toBe('<svg onload=alert(1)>');
    expect(page.$('.badge.segment').textContent).toBe('<b>Hilang</b>');
    expect(page.$('.badge.segment').style.backgroundColor).toBe('');
    expect(page.$('.badge.segment').style.color).toBe('red');
    expect(page.$$('img, svg, b, i, u, iframe')).toHaveLength(0);
    expect(page.$$('script')).toHaveLength(1);
  });

  it('speaks English when the view says so', async () => {
    page = await loadPage('Lookup');
    page.fake.last('lookupCustomers').resolve(listView([budi, sari], { lang: 'en' }));
    await flush();
    expect(page.$('h1').textContent).toBe('Find Customer');
    expect(page.$('.list-heading').textContent).toBe('Buyers of the last 2 days');
    expect(rows()[1].querySelector('.tag.temporary')!.textContent).toBe('No name yet');
    await openDetail(budi);
    expect(ddOf('Total spend')).toBe('Rp 1.234.567');
    expect(ddOf('Date')).toBe('1 May 2024 13:45');
    expect(ddOf('Since last order')).toBe('3 days ago');
  });
});
