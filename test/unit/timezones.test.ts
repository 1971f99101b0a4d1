// Dates must not depend on the machine's time zone: Apps Script's servers are not in Jakarta, and neither
// are ours. Setting process.env.TZ inside a running process (or vi.stubEnv) does not reliably change how
// Date behaves, so the same probe runs in child processes started with different TZ values, and every
// result must be identical (and right).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(__dirname, '../..');
const mod = (p: string) => JSON.stringify(pathToFileURL(join(root, 'src/core', p)).href);

// Runs in the child: reads dates the way the importer does, in Asia/Jakarta, and prints the results.
const PROBE = `
const { parseDateValue } = await import(${mod('values.ts')});
const { parseExport } = await import(${mod('exports.ts')});
const { readOrders, orderRowValues, STORE_SCHEMAS } = await import(${mod('store.ts')});
const { localDayNumber, formatLocalDateTime } = await import(${mod('time.ts')});
const TZ = 'Asia/Jakarta';
const inputs = ['2024-05-01 23:30', '2024-05-02 00:30', '01/05/2024 23:30', '2024-05-01', '1 Mei 2024 00:00',
  '2024-03-10 02:30', '2024-11-03 01:30', '2024-05-01T23:30:00Z', '2024-12-31 23:59:59', 45413.9791666667, 45414.0208333333];
const dates = inputs.map((v) => {
  const r = parseDateValue(v, TZ);
  return r.ok ? [r.value, localDayNumber(r.value, TZ), formatLocalDateTime(r.value, TZ)] : r.reason;
});
const grid = [
  ['No. Pesanan', 'Status Pesanan', 'Username (Pembeli)', 'Alamat Pengiriman', 'Waktu Pesanan Dibuat', 'Total Pembayaran', 'Nama Produk', 'Jumlah'],
  ['A', 'Selesai', 'ani', 'Jl. A', '2024-05-01 23:30', 'Rp 10.000', 'Kaos', 1],
  ['B', 'Selesai', 'budi', 'Jl. B', '02/05/2024 00:30', 'Rp 20.000', 'Kaos', 1],
  ['C', 'Selesai', 'citra', 'Jl. C', new Date(Date.UTC(2024, 4, 1, 17, 15)), 'Rp 30.000', 'Kaos', 1],
];
const parsed = parseExport(grid, 'S', TZ);
const back = readOrders([STORE_SCHEMAS.orders.headers.slice(), ...parsed.orders.map(orderRowValues)], 'Orders', TZ);
console.log(JSON.stringify({
  machineOffset: new Date(2024, 0, 1).getTimezoneOffset(),
  dates,
  orders: parsed.orders.map((o) => [o.orderSn, o.createdAt, localDayNumber(o.createdAt, TZ)]),
  roundTrip: back.records.map((o) => o.createdAt),
  problems: parsed.problems.length + back.problems.length,
}));
`;

function runUnder(tz: string) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', PROBE], {
    cwd: root,
    env: { ...process.env, TZ: tz },
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').pop()!) as {
    machineOffset: number;
    dates: ([number, number, string] | string)[];
    orders: [string, number, number][];
    roundTrip: number[];
    problems: number;
  };
}

describe('date results do not depend on the machine time zone', () => {
  const zones = ['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati'];
  const results = zones.map((tz) => ({ tz, ...runUnder(tz) }));

  it('really ran the children under different zones', () => {
    expect(new Set(results.map((r) => r.machineOffset)).size).toBe(zones.length);
  });

  it('gives identical results under every zone', () => {
    const strip = ({ tz: _tz, machineOffset: _m, ...rest }: (typeof results)[number]) => rest;
    for (const r of results.slice(1)) expect(strip(r)).toEqual(strip(results[0]));
  });

  it('puts 23:30 and 00:30 Jakarta time on consecutive local days (1 and 2 May)', () => {
    for (const r of results) {
      const [late, early] = r.dates as [number, number, string][];
      expect(late).toEqual([Date.UTC(2024, 4, 1, 16, 30), expect.any(Number), '2024-05-01 23:30']);
      expect(early).toEqual([Date.UTC(2024, 4, 1, 17, 30), late[1] + 1, '2024-05-02 00:30']);
      // A day number is whole local days since 1970-01-01: 1 May 2024 is day 19844.
      expect(late[1]).toBe(19844);
      // Day-first text, date-only text and month names land on the same Jakarta day.
      expect(r.dates[2]).toEqual(late);
      expect(r.dates[3]).toEqual([Date.UTC(2024, 3, 30, 17), 19844, '2024-05-01 00:00']);
      expect(r.dates[4]).toEqual(r.dates[3]);
      // Wall times that fall in New York's or Tokyo's DST gaps mean nothing special in Jakarta.
      expect(r.dates[5]).toEqual([Date.UTC(2024, 2, 9, 19, 30), expect.any(Number), '2024-03-10 02:30']);
      expect(r.dates[6]).toEqual([Date.UTC(2024, 10, 2, 18, 30), expect.any(Number), '2024-11-03 01:30']);
      // An explicit Z is an instant: 23:30 UTC is 06:30 the next day in Jakarta.
      expect(r.dates[7]).toEqual([Date.UTC(2024, 4, 1, 23, 30), 19845, '2024-05-02 06:30']);
      expect(r.dates[8]).toEqual([
        Date.UTC(2024, 11, 31, 16, 59, 59),
        expect.any(Number),
        '2024-12-31 23:59',
      ]);
      // Sheet serials are local: 45413.979… is 1 May 23:30, 45414.020… is 2 May 00:30.
      expect(r.dates[9]).toEqual(late);
      expect(r.dates[10]).toEqual(early);
    }
  });

  it('imports orders onto the right local day and round-trips them through the store sheet', () => {
    for (const r of results) {
      expect(r.problems).toBe(0);
      expect(r.orders).toEqual([
        ['A', Date.UTC(2024, 4, 1, 16, 30), 19844],
        ['B', Date.UTC(2024, 4, 1, 17, 30), 19845],
        ['C', Date.UTC(2024, 4, 1, 17, 15), 19845],
      ]);
      expect(r.roundTrip).toEqual(r.orders.map((o) => o[1]));
    }
  });
});
