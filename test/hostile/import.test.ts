// Hostile exports through the BUILT bundle: every row ends as imported data (read back exactly as written)
// or as a reported problem (sheet, row, column, reason) — never a crash, never a formula in any cell of any
// sheet, after import, after segmentation and after saving hostile names.
import { buyerKeyOf } from '../../src/core/identity';
import { normaliseRealName } from '../../src/core/names';
import type { CellValue } from '../../src/core/types';
import type {
  CustomerDetailView,
  LookupListView,
  NamingQueueView,
  SaveNameResult,
} from '../../src/core/views';
import { BAD_VALUES, CELL_MAX, exportGrid, HOSTILE_TEXTS, huge, line, SHOPEE_HEADER } from './corpus';
import { builtCode, formulaCells, importGrid, lastAlert, openShop, records, type Shop } from './harness';

const PROBLEMS = 'Impor - Masalah';
const ERROR = 'kesalahan (tidak diimpor)';

beforeAll(() => {
  builtCode();
});

/** One order per hostile text, the text in every free-text field (username trimmed by the importer). */
function hostileOrders() {
  return HOSTILE_TEXTS.map((text, k) => {
    const sn = `HX${String(k).padStart(4, '0')}`;
    const username = text.trim() === '' ? `u${k}` : text;
    const row = line(sn, k, {
      'Username (Pembeli)': username,
      'Alamat Pengiriman': text,
      'Nama Produk': text,
      'Nama Variasi': text,
      'Nomor Referensi SKU': text,
      'Status Pesanan': k % 3 === 0 ? text : 'Selesai',
      'Waktu Pesanan Dibuat': `2024-06-29 ${String(k % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}`,
    });
    return { sn, text, username: username.trim(), row, key: buyerKeyOf(username.trim(), text) };
  });
}

const problemRows = (shop: Shop) => shop.wb.readValues(PROBLEMS).slice(1);

describe('hostile text in every free-text field', () => {
  const orders = hostileOrders();

  function imported(): Shop {
    const shop = openShop();
    const alert = importGrid(shop, exportGrid(orders.map((o) => o.row)));
    expect(alert).toContain(`${orders.length} pesanan baru`);
    return shop;
  }

  it('is stored as plain text, read back exactly, and no sheet holds a formula', () => {
    const shop = imported();
    expect(formulaCells(shop.wb)).toEqual([]);
    const bySn = new Map(records(shop.wb, 'Orders').map((r) => [r.order_sn, r]));
    const items = new Map(records(shop.wb, 'OrderItems').map((r) => [r.order_sn, r]));
    for (const o of orders) {
      const order = bySn.get(o.sn);
      expect(order, o.sn).toBeDefined();
      expect(order!.buyer_username).toBe(o.username);
      expect(order!.address_full).toBe(o.text);
      expect(order!.total_price).toBe(150000);
      expect(order!.created_at).toBeInstanceOf(Date);
      const item = items.get(o.sn)!;
      expect([item.product_name, item.variant_name, item.variant_sku]).toEqual([o.text, o.text, o.text]);
      expect(item.quantity).toBe(2);
    }
    // the inbox was read whole and cleared; no problem was invented
    expect(
      shop.wb
        .readValues('Impor')
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
    expect(lastAlert(shop)).not.toContain('masalah dicatat');
  });

  it('keeps the buyer keys through segmentation, and the Segments sheet shows the text literally', () => {
    const shop = imported();
    shop.bundle.call('kenaliSegment');
    expect(formulaCells(shop.wb)).toEqual([]);
    const rows = shop.wb.readValues('Segments').slice(1);
    const byKey = new Map(rows.filter((r) => r[0] !== '').map((r) => [r[0], r]));
    // '=1+1' and '\t=1+1' are one customer: the username is trimmed, the address hashed trimmed
    expect(byKey.size).toBe(new Set(orders.map((o) => o.key)).size);
    for (const o of orders) {
      const row = byKey.get(o.key);
      expect(row, JSON.stringify(o.text)).toBeDefined();
      expect(row!.slice(1, 4)).toEqual([o.username, o.username, o.text.trim()]);
    }
  });

  it('hostile real names saved through saveBuyerName are stored literally and found again', () => {
    const shop = imported();
    const queue = shop.bundle.call<NamingQueueView>('getNamingQueue');
    expect(new Set(queue.entries.map((e) => e.buyerKey))).toEqual(new Set(orders.map((o) => o.key)));
    // every hostile text becomes someone's real name; a key saved twice keeps the last name
    const named = orders.map((o, k) => ({ ...o, name: HOSTILE_TEXTS[(k + 7) % HOSTILE_TEXTS.length] }));
    const lastName = new Map<string, string>();
    for (const o of named) {
      const expected = normaliseRealName(o.name);
      if (expected !== '') lastName.set(o.key, expected);
    }
    for (const o of named) {
      const expected = normaliseRealName(o.name);
      if (expected === '') {
        expect(() => shop.bundle.call('saveBuyerName', o.key, o.name, o.text)).toThrow(/nama kosong/);
        continue;
      }
      const saved = shop.bundle.call<SaveNameResult>('saveBuyerName', o.key, o.name, o.text);
      expect(saved.buyerRealName).toBe(expected);
    }
    expect(formulaCells(shop.wb)).toEqual([]);
    const profiles = records(shop.wb, 'BuyerProfile');
    expect(profiles).toHaveLength(lastName.size);
    for (const o of named) {
      const expected = lastName.get(o.key);
      if (expected === undefined) continue;
      const p = profiles.filter((r) => `${r.buyer_username}|${r.address_identifier}` === o.key);
      expect(p, o.key).toHaveLength(1);
      expect(p[0].buyer_real_name).toBe(expected);
      expect(p[0].address_full).toBe(o.text.trim());
      const detail = shop.bundle.call<CustomerDetailView>('getCustomerDetail', o.key);
      expect(detail.realName).toBe(expected);
      expect(detail.buyerUsername).toBe(o.username);
      expect(detail.addressFull).toBe(o.text.trim());
      const found = shop.bundle.call<LookupListView>('lookupCustomers', expected);
      expect(found.items.map((i) => i.buyerKey)).toContain(o.key);
    }
    // a second segmentation shows the names; still no formula anywhere
    shop.bundle.call('kenaliSegment');
    expect(formulaCells(shop.wb)).toEqual([]);
    const seg = new Map(shop.wb.readValues('Segments').map((r) => [r[0], r[1]]));
    for (const o of named) expect(seg.get(o.key)).toBe(lastName.get(o.key) ?? o.username);
  });

  it('searching with regex and markup characters is a literal substring search', () => {
    const shop = imported();
    for (const q of ['.*', '(', '[', '\\', '$&', '|', '<script>', '%', '?', '+1+1']) {
      const view = shop.bundle.call<LookupListView>('lookupCustomers', q);
      const needle = q.toLowerCase();
      for (const item of view.items) {
        const hay = [item.buyerUsername, item.addressFull, item.lastActivitySn, item.realName ?? '']
          .join('\n')
          .toLowerCase();
        // an order number other than the last one may match too: check the customer's orders
        const orderSns = orders.filter((o) => o.key === item.buyerKey).map((o) => o.sn.toLowerCase());
        expect(
          hay.includes(needle) || orderSns.some((s) => s.includes(needle)),
          `${q} → ${item.buyerKey}`,
        ).toBe(true);
      }
      const expected = orders.filter(
        (o) => o.username.toLowerCase().includes(needle) || o.text.toLowerCase().includes(needle),
      );
      expect(view.total, q).toBe(new Set(expected.map((o) => o.key)).size);
    }
  });
});

describe('values that cannot be imported are reported, row by row', () => {
  it('each bad value: one error naming sheet, row, column and reason; the order is not imported', () => {
    const shop = openShop();
    const good = Array.from({ length: 6 }, (_, k) => line(`OK${k}`, k));
    const bad = BAD_VALUES.map((b, k) =>
      line(`BAD${String(k).padStart(3, '0')}`, 40 + k, { [b.column]: b.value }),
    );
    const grid = exportGrid([...good, ...bad]);
    const alert = importGrid(shop, grid);
    expect(formulaCells(shop.wb)).toEqual([]);

    const problems = problemRows(shop);
    BAD_VALUES.forEach((b, k) => {
      const rowNo = 1 + good.length + k + 1; // header, good lines, then this one (1-based)
      const here = problems.filter((p) => p[1] === rowNo);
      const label = `${b.column} = ${JSON.stringify(b.value)}`;
      expect(here, label).toHaveLength(1);
      expect(here[0][0]).toBe('Impor');
      expect(here[0][2], label).toBe(b.column);
      expect(String(here[0][3]), label).toMatch(b.why);
      expect(here[0][4]).toBe(ERROR);
    });
    expect(problems).toHaveLength(BAD_VALUES.length);

    const sns = new Set(records(shop.wb, 'Orders').map((r) => r.order_sn));
    expect([...sns].sort()).toEqual(good.map((r) => r[0]).sort());
    // the dialog says how many and lists the first ones with their row and column; the inbox is kept
    expect(alert).toContain(`${BAD_VALUES.length} masalah dicatat di sheet “${PROBLEMS}”`);
    expect(alert).toContain('Impor baris 8, kolom No. Pesanan: nomor pesanan kosong');
    expect(alert).toContain('TIDAK dikosongkan');
    expect(shop.wb.readValues('Impor')).toHaveLength(grid.length);
    // fixing the rows and importing again converges: now everything is in, nothing twice
    const fixed = exportGrid([
      ...good,
      ...BAD_VALUES.map((_, k) => line(`BAD${String(k).padStart(3, '0')}`, 40 + k)),
    ]);
    importGrid(shop, fixed);
    expect(records(shop.wb, 'Orders')).toHaveLength(good.length + BAD_VALUES.length);
    expect(
      shop.wb
        .readValues(PROBLEMS)
        .flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('a bad line withholds the whole order (with a problem saying so), never half an order', () => {
    const shop = openShop();
    const grid = exportGrid([
      line('MIX1', 1, { 'Nama Produk': 'A' }),
      line('MIX1', 1, { 'Nama Produk': 'B', Jumlah: 'dua' }),
      line('OK1', 2),
    ]);
    importGrid(shop, grid);
    expect(records(shop.wb, 'Orders').map((r) => r.order_sn)).toEqual(['OK1']);
    expect(records(shop.wb, 'OrderItems').map((r) => r.order_sn)).toEqual(['OK1']);
    const problems = problemRows(shop);
    expect(problems.map((p) => [p[1], p[2]])).toEqual([
      [2, 'No. Pesanan'],
      [3, 'Jumlah'],
    ]);
    expect(String(problems[0][3])).toContain('baris 3');
  });

  it('duplicate order numbers with conflicting data: one order, the later row wins, each conflict warned', () => {
    const shop = openShop();
    const grid = exportGrid([
      line('DUP1', 1, { 'Username (Pembeli)': 'budi', 'Total Pembayaran': 'Rp 100.000', 'Nama Produk': 'A' }),
      line('DUP1', 1, {
        'Username (Pembeli)': '=evil',
        'Alamat Pengiriman': 'Jl. Lain',
        'Total Pembayaran': 'Rp 200.000',
        'Waktu Pesanan Dibuat': '2024-06-02 11:00',
        'Nama Produk': 'B',
      }),
      line('OK1', 2),
    ]);
    const alert = importGrid(shop, grid);
    const orders = records(shop.wb, 'Orders');
    expect(orders.filter((o) => o.order_sn === 'DUP1')).toHaveLength(1);
    const dup = orders.find((o) => o.order_sn === 'DUP1')!;
    expect([dup.buyer_username, dup.address_full, dup.total_price]).toEqual(['=evil', 'Jl. Lain', 200000]);
    expect(
      records(shop.wb, 'OrderItems')
        .filter((i) => i.order_sn === 'DUP1')
        .map((i) => i.product_name),
    ).toEqual(['A', 'B']);
    const warnings = problemRows(shop);
    expect(warnings.map((p) => [p[1], p[2], p[4]])).toEqual([
      [3, 'Username (Pembeli)', 'peringatan'],
      [3, 'Alamat Pengiriman', 'peringatan'],
      [3, 'Waktu Pesanan Dibuat', 'peringatan'],
      [3, 'Total Pembayaran', 'peringatan'],
    ]);
    // warnings only: everything was read, the inbox is cleared
    expect(alert).toContain('dikosongkan');
    expect(formulaCells(shop.wb)).toEqual([]);
  });
});

describe('50,000-character cells (Sheets’ per-cell maximum)', () => {
  it('a full-size address, product name and variant are stored whole; everything downstream works', () => {
    const shop = openShop();
    const address = huge('Jl. Panjang Sekali No. 1 =HYPERLINK("x") <img src=x onerror=alert(1)> ');
    const product = huge('=Kaos ');
    const variant = huge('<script>alert(1)</script>');
    const grid = exportGrid([
      line('BIG1', 1, { 'Alamat Pengiriman': address, 'Nama Produk': product, 'Nama Variasi': variant }),
      line('OK1', 2),
    ]);
    expect(address).toHaveLength(CELL_MAX);
    importGrid(shop, grid);
    const order = records(shop.wb, 'Orders').find((o) => o.order_sn === 'BIG1')!;
    expect(order.address_full).toBe(address);
    const item = records(shop.wb, 'OrderItems').find((i) => i.order_sn === 'BIG1')!;
    expect([item.product_name, item.variant_name]).toEqual([product, variant]);
    shop.bundle.call('kenaliSegment');
    const key = buyerKeyOf('pembeli1', address);
    const detail = shop.bundle.call<CustomerDetailView>('getCustomerDetail', key);
    expect(detail.addressFull).toBe(address.trim());
    expect(detail.topProducts[0].productName).toBe(product);
    shop.bundle.call('saveBuyerName', key, 'Budi', address);
    expect(records(shop.wb, 'BuyerProfile')[0].address_full).toBe(address.trim());
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('values that could not fit a cell once stored are reported, not a crash halfway', () => {
    const shop = openShop();
    // a username of 50,000 characters would make a buyer key (username|40 hex) longer than a cell
    const username = huge('=u');
    // TikTok: the stored address is Detail Address + District + Province (longer than any one cell)
    const tiktokHeader = [
      'Order ID',
      'Order Status',
      'Buyer Username',
      'Detail Address',
      'Districts',
      'Province',
      'Created Time',
      'Order Amount',
      'Product Name',
      'Quantity',
    ];
    const tiktok = (sn: string, address: string) => [
      sn,
      'Completed',
      'tt_buyer',
      address,
      'Coblong',
      'Jawa Barat',
      '30/06/2024 08:00:00',
      '150000',
      'Kaos',
      '1',
    ];
    importGrid(shop, exportGrid([line('LONGUSER', 1, { 'Username (Pembeli)': username }), line('OK1', 2)]));
    importGrid(
      shop,
      exportGrid([tiktok('TT-LONG', huge('Jl. ')), tiktok('TT-OK', 'Jl. Dago 1')], tiktokHeader),
    );
    const sns = records(shop.wb, 'Orders').map((o) => o.order_sn);
    expect(sns.sort()).toEqual(['OK1', 'TT-OK']);
    const problems = problemRows(shop);
    expect(problems.map((p) => [p[0], p[1], p[2], p[4]])).toEqual([['Impor', 2, 'Detail Address', ERROR]]);
    expect(String(problems[0][3])).toMatch(/50\.000/);
    // the username problem was reported by the first import (its problems sheet was replaced since)
    expect(shop.bundle.ui.alerts.at(-2)?.prompt).toMatch(
      /Impor baris 2, kolom Username \(Pembeli\): .*lebih dari 1\.000 karakter/,
    );
    shop.bundle.call('kenaliSegment');
    expect(shop.wb.readValues('Segments').length).toBeGreaterThan(2);
    // a forged key with that username cannot name anyone: a clear refusal, not a failed write
    const forged = `${username}|${'a'.repeat(40)}`;
    expect(() => shop.bundle.call('saveBuyerName', forged, 'Budi', 'Jl. A')).toThrow(
      /ID pelanggan tidak valid/,
    );
    expect(formulaCells(shop.wb)).toEqual([]);
  });
});

describe('broken sheets', () => {
  const missing = (drop: string[]) => SHOPEE_HEADER.filter((h) => !drop.includes(h));

  it('missing required columns: one problem per column on the header row, nothing imported', () => {
    const shop = openShop();
    const header = missing(['Username (Pembeli)', 'Total Pembayaran']);
    const rows = [line('A1', 1), line('A2', 2)].map((r) =>
      r.filter((_, j) => header.includes(SHOPEE_HEADER[j])),
    );
    const alert = importGrid(shop, [['Laporan Pesanan =1+1'], ...exportGrid(rows, header)]);
    const problems = problemRows(shop);
    expect(problems.map((p) => [p[0], p[1], p[2], p[4]])).toEqual([
      ['Impor', 2, 'Username (Pembeli)', ERROR],
      ['Impor', 2, 'Total Pembayaran', ERROR],
    ]);
    expect(String(problems[0][3])).toMatch(/tidak ditemukan/);
    expect(alert).toContain('kolom Username (Pembeli)');
    expect(shop.wb.hasSheet('Orders') ? records(shop.wb, 'Orders') : []).toEqual([]);
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('no header row at all: a problem on row 1, nothing imported', () => {
    const shop = openShop();
    importGrid(shop, [
      ['=IMPORTXML("http://evil.example","//a")', 'hello'],
      ['x', 'y'],
    ]);
    const problems = problemRows(shop);
    expect(problems.map((p) => [p[0], p[1], p[4]])).toEqual([['Impor', 1, ERROR]]);
    expect(String(problems[0][3])).toMatch(/baris judul kolom tidak ditemukan/);
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('a report pasted below an export: its title rows are titles, not broken order lines', () => {
    const shop = openShop();
    const income = [
      ['Penghasilan Saya'],
      ['Username (Penjual)', 'toko.contoh'],
      ['Tanggal Laporan Dibuat', '2024-06-30 07:00'],
      [],
      ['No.', 'No. Pesanan', 'Biaya Administrasi', 'Biaya Layanan', 'Total Penghasilan'],
      ['1', 'A1', '-5.000', '-3.000', '142.000'],
    ];
    const alert = importGrid(shop, [...exportGrid([line('A1', 1), line('A2', 2)]), [], ...income]);
    expect(alert).toContain('dikosongkan');
    expect(shop.wb.hasSheet(PROBLEMS) ? problemRows(shop) : []).toEqual([]);
    expect(records(shop.wb, 'OrderPayments').map((p) => [p.order_sn, p.total_income])).toEqual([
      ['A1', 142000],
    ]);
    // the demo does the same: its export and income report import without a problem
    const demo = openShop();
    demo.bundle.call('kenaliLoadDemo');
    expect(lastAlert(demo)).toContain('dikosongkan');
    expect(demo.wb.hasSheet(PROBLEMS) ? problemRows(demo) : []).toEqual([]);
  });

  it('a title-like row glued to the order lines (no blank row) is still reported, never skipped', () => {
    const shop = openShop();
    importGrid(shop, [
      ...exportGrid([line('A1', 1)]),
      ['Catatan penjual', 'cek lagi'],
      ['No.', 'No. Pesanan', 'Biaya Administrasi', 'Biaya Layanan', 'Total Penghasilan'],
      ['1', 'A1', '-5.000', '-3.000', '142.000'],
    ]);
    expect(problemRows(shop).map((p) => [p[1], p[2]])).toContainEqual([3, 'Username (Pembeli)']);
  });

  it('a header-only export imports nothing and says so; the store is untouched', () => {
    const shop = openShop();
    importGrid(shop, exportGrid([line('A1', 1)]));
    const before = shop.wb.readValues('Orders');
    const alert = importGrid(shop, exportGrid([]));
    expect(alert).toContain('0 pesanan baru');
    expect(shop.wb.readValues('Orders')).toEqual(before);
  });

  it('an empty inbox, or a missing one, is a message, not a crash', () => {
    const shop = openShop();
    shop.bundle.call('kenaliImport');
    expect(lastAlert(shop)).toMatch(/Tempel ekspor pesanan/);
    expect(shop.wb.hasSheet('Impor')).toBe(true);
    shop.wb.putValues(
      'Impor',
      [
        ['', '  '],
        ['\t', ''],
      ],
      { asText: true },
    );
    shop.bundle.call('kenaliImport');
    // white space only: told as an empty inbox or as a sheet without a header row, the inbox kept
    expect(lastAlert(shop)).toMatch(/masih kosong|baris judul kolom tidak ditemukan/);
    expect(shop.wb.readValues('Impor')[1][0]).toBe('\t');
    shop.bundle.call('kenaliSegment');
    expect(lastAlert(shop)).toMatch(/Belum ada pesanan/);
    expect(shop.wb.getSheets().map((s) => s.getName())).not.toContain('Segments');
  });

  it('numbers, booleans and dates where text is expected are kept as their text, never lost', () => {
    const shop = openShop();
    const values: CellValue[] = [12345, true, 0.5];
    const grid = exportGrid(
      values.map((v, k) =>
        line(`T${k}`, k, { 'Username (Pembeli)': v, 'Nama Produk': v, 'Alamat Pengiriman': v }),
      ),
    );
    importGrid(shop, grid);
    const orders = new Map(records(shop.wb, 'Orders').map((o) => [o.order_sn, o]));
    expect(orders.get('T0')!.buyer_username).toBe('12345');
    expect(orders.get('T1')!.buyer_username).toBe('TRUE');
    expect(orders.get('T2')!.address_full).toBe('0.5');
    expect(records(shop.wb, 'OrderItems').map((i) => typeof i.product_name)).toEqual([
      'string',
      'string',
      'string',
    ]);
  });

  it('hostile order numbers are kept as text everywhere (orders, lines, payments, lookup)', () => {
    const shop = openShop();
    const sns = ['=1+1', '+62812', '@x', '-7', '<b>1</b>', "'=2", ' 007 '];
    const income = [
      ['No.', 'No. Pesanan', 'Biaya Administrasi', 'Biaya Layanan', 'Total Penghasilan'],
      ...sns.map((sn, k) => [String(k + 1), sn, '-5.000', '-3.000', '142.000']),
    ];
    importGrid(shop, [...exportGrid(sns.map((sn, k) => line(sn, k))), [], ...income]);
    const kept = sns.map((sn) => sn.trim());
    expect(records(shop.wb, 'Orders').map((o) => o.order_sn)).toEqual(kept);
    expect(records(shop.wb, 'OrderItems').map((o) => o.order_sn)).toEqual(kept);
    expect(records(shop.wb, 'OrderPayments').map((o) => o.order_sn)).toEqual(kept);
    for (const [k, sn] of kept.entries()) {
      const found = shop.bundle.call<LookupListView>('lookupCustomers', sn);
      expect(found.items.map((i) => i.buyerKey)).toContain(
        buyerKeyOf(`pembeli${k}`, `Jl. Melati No. ${k}, Bandung`),
      );
    }
    expect(formulaCells(shop.wb)).toEqual([]);
  });

  it('order numbers as long digit strings stay exact (plain text, never a rounded number)', () => {
    const shop = openShop();
    const sn = '2406301234567890123';
    importGrid(shop, exportGrid([line(sn, 1), line('000123', 2)]));
    expect(
      records(shop.wb, 'Orders')
        .map((o) => o.order_sn)
        .sort(),
    ).toEqual(['000123', sn]);
  });
});
