// The shipped sidebar pages in jsdom, served by the REAL bundle through the google.script.run bridge, on a
// shop whose usernames, addresses, product names and real names are hostile: nothing becomes an element,
// no handler runs, nothing remote is requested, and every text is shown exactly as it came.
import { JSDOM, requestInterceptor, VirtualConsole } from 'jsdom';
import { createBridge, installGoogleScript } from '../../local';
import { buyerKeyOf } from '../../src/core/identity';
import { builtPage, click, pressKey, typeInto, wait } from '../sidebar/page';
import { exportGrid, HOSTILE_TEXTS, line, MARKUP_TEXTS, PWNED } from './corpus';
import { builtCode, formulaCells, importGrid, openShop, records, type Shop } from './harness';

/** Elements and attributes that data must never produce (the pages build none of them). */
const FORBIDDEN =
  'img, svg, iframe, object, embed, video, audio, details, link, style:not(head style), a[href], form, ' +
  '[onerror], [onload], [ontoggle], [onclick], [onmouseover], [onfocus], [srcdoc]';

beforeAll(() => {
  builtCode();
});

/** Recent orders (the last two days) whose every free-text field is hostile; a third named hostilely. */
function hostileShop(): { shop: Shop; buyers: { key: string; username: string; address: string }[] } {
  const shop = openShop();
  const texts = HOSTILE_TEXTS.filter((t) => t.trim() !== '' && t.trim() === t);
  const rows = texts.map((t, k) =>
    line(`HS${k}`, k, {
      'Username (Pembeli)': t,
      'Alamat Pengiriman': `${MARKUP_TEXTS[k % MARKUP_TEXTS.length]} ${t}`,
      'Nama Produk': t,
      'Nama Variasi': MARKUP_TEXTS[(k + 3) % MARKUP_TEXTS.length],
      'Waktu Pesanan Dibuat': `2024-06-30 0${k % 9}:${String(k % 60).padStart(2, '0')}`,
    }),
  );
  importGrid(shop, exportGrid(rows));
  const buyers = new Map<string, { key: string; username: string; address: string }>();
  for (const o of records(shop.wb, 'Orders')) {
    const key = buyerKeyOf(String(o.buyer_username), String(o.address_full));
    buyers.set(key, { key, username: String(o.buyer_username), address: String(o.address_full).trim() });
  }
  const list = [...buyers.values()];
  list.forEach((b, k) => {
    if (k % 3 === 0)
      shop.bundle.call('saveBuyerName', b.key, MARKUP_TEXTS[k % MARKUP_TEXTS.length], b.address);
  });
  shop.bundle.call('kenaliSegment');
  return { shop, buyers: list };
}

async function openPage(name: 'Naming' | 'Lookup', shop: Shop) {
  const html = await builtPage(name);
  const requested: string[] = [];
  const errors: string[] = [];
  const alerts: unknown[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (e) => errors.push(e.message));
  virtualConsole.on('error', (...a) => errors.push(a.map(String).join(' ')));
  const dom = new JSDOM(html, {
    url: 'https://n-kenali-script.googleusercontent.com/userCodeAppPanel',
    runScripts: 'dangerously',
    pretendToBeVisual: true,
    virtualConsole,
    resources: {
      interceptors: [
        requestInterceptor((request) => {
          requested.push(request.url); // anything the page (or data in it) asks to load: never reaches a network
          return new Response('', { status: 404 });
        }),
      ],
    },
    beforeParse(win) {
      installGoogleScript(win, createBridge(shop.bundle));
      win.alert = (...a: unknown[]) => alerts.push(a);
    },
  });
  const win = dom.window;
  const doc = win.document;
  const scripts = doc.querySelectorAll('script').length;
  const until = async (check: () => boolean, what: string) => {
    for (let i = 0; i < 300; i++) {
      if (check()) return;
      await wait(10);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  /** Nothing from the data became markup or ran. */
  const clean = () => {
    expect(doc.querySelectorAll(FORBIDDEN).length, 'forbidden elements').toBe(0);
    expect(doc.querySelectorAll('script').length, 'scripts').toBe(scripts);
    expect((win as unknown as Record<string, unknown>)[PWNED], 'payload ran').toBeUndefined();
    expect(alerts).toEqual([]);
    expect(requested).toEqual([]);
    expect(errors).toEqual([]);
  };
  return { win, doc, until, clean };
}

const texts = (doc: Document, selector: string) =>
  [...doc.querySelectorAll(selector)].map((e) => e.textContent);

describe('the naming sidebar on hostile buyers', () => {
  it('lists them as text, saves a hostile name literally, shows it literally', async () => {
    const { shop, buyers } = hostileShop();
    const { doc, until, clean } = await openPage('Naming', shop);
    const unnamed = buyers.filter((_, k) => k % 3 !== 0);
    await until(() => doc.querySelectorAll('li.entry').length === unnamed.length, 'the queue');
    clean();
    expect(new Set(texts(doc, 'li.entry .username'))).toEqual(new Set(unnamed.map((b) => b.username)));
    expect(new Set(texts(doc, 'li.entry .address'))).toEqual(new Set(unnamed.map((b) => b.address)));
    const shownProducts = texts(doc, 'li.entry .product').join('\n');
    for (const b of unnamed) expect(shownProducts).toContain(b.username); // the product is named like the buyer

    const li = doc.querySelector('li.entry')!;
    const username = li.querySelector('.username')!.textContent;
    const input = li.querySelector<HTMLInputElement>('input.name-input')!;
    const name = `<img src=x onerror="window.${PWNED}=1"> =HYPERLINK("http://evil.example")`;
    input.focus();
    typeInto(input, name);
    pressKey(input, 'Enter');
    await until(() => doc.querySelectorAll('li.entry').length === unnamed.length - 1, 'the entry to leave');
    expect(doc.body.textContent).toContain(`${name}`);
    clean();
    const saved = records(shop.wb, 'BuyerProfile').find((p) => p.buyer_username === username);
    expect(saved?.buyer_real_name).toBe(name);
    expect(formulaCells(shop.wb)).toEqual([]);
  });
});

describe('the lookup sidebar on hostile buyers', () => {
  it('recent list, a hostile search and the 360° detail: all text, nothing executed or loaded', async () => {
    const { shop, buyers } = hostileShop();
    const { doc, until, clean } = await openPage('Lookup', shop);
    await until(() => doc.querySelectorAll('button.item').length === buyers.length, 'the recent list');
    clean();
    const named = new Map(
      records(shop.wb, 'BuyerProfile').map((p) => [String(p.buyer_username), String(p.buyer_real_name)]),
    );
    expect(new Set(texts(doc, '.item-name'))).toEqual(
      new Set(buyers.map((b) => named.get(b.username) ?? b.username)),
    );
    expect(new Set(texts(doc, '.item-address'))).toEqual(new Set(buyers.map((b) => b.address)));

    // search for markup: a literal substring search, results shown as text
    const query = '<svg onload';
    const search = doc.querySelector<HTMLInputElement>('input.search-input')!;
    typeInto(search, query);
    pressKey(search, 'Enter');
    await until(() => doc.querySelector('.list-heading')?.textContent?.includes('Hasil') ?? false, 'results');
    const expected = buyers.filter(
      (b) =>
        b.username.includes(query) ||
        b.address.includes(query) ||
        (named.get(b.username) ?? '').includes(query),
    );
    expect(expected.length).toBeGreaterThan(0);
    await until(() => doc.querySelectorAll('button.item').length === expected.length, 'the results');
    clean();

    // the detail of a named hostile buyer: name, username, address, last order lines, top products
    const target = buyers.find((b) => named.has(b.username))!;
    typeInto(search, target.username);
    pressKey(search, 'Enter');
    const row = () =>
      [...doc.querySelectorAll('button.item')].find(
        (b) => b.querySelector('.item-address')?.textContent === target.address,
      );
    await until(() => row() !== undefined, 'the target in the results');
    click(row()!);
    await until(
      () => doc.querySelector('.customer-name')?.textContent === named.get(target.username),
      'the detail',
    );
    expect(doc.querySelector('.username-text')?.textContent).toBe(target.username);
    expect(doc.querySelector('.detail .address')?.textContent).toContain(target.address);
    expect(texts(doc, '.detail .product-name')).toContain(target.username);
    expect(doc.querySelector('.badge.segment')?.textContent).toBeTruthy();
    clean();
  });
});

describe('the checks themselves', () => {
  it('catch markup that became elements, a payload that ran and a remote load (a page built with innerHTML)', async () => {
    const requested: string[] = [];
    const dom = new JSDOM('<!doctype html><body><main></main></body>', {
      url: 'https://n-kenali-script.googleusercontent.com/userCodeAppPanel',
      runScripts: 'dangerously',
      resources: {
        interceptors: [
          requestInterceptor((request) => {
            requested.push(request.url);
            return new Response('', { status: 404 });
          }),
        ],
      },
    });
    const doc = dom.window.document;
    doc.querySelector('main')!.innerHTML = MARKUP_TEXTS.join(' ');
    expect(doc.querySelectorAll(FORBIDDEN).length).toBeGreaterThan(3);
    const script = doc.createElement('script');
    script.textContent = `window.${PWNED} = 1`;
    doc.body.appendChild(script);
    expect((dom.window as unknown as Record<string, unknown>)[PWNED]).toBe(1);
    doc
      .querySelector('main')!
      .insertAdjacentHTML('beforeend', '<link rel="stylesheet" href="https://evil.example/x.css">');
    for (let i = 0; i < 100 && requested.length === 0; i++) await wait(10);
    expect(requested).toContain('https://evil.example/x.css');
  });
});
