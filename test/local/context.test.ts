// The bundle's vm context: only Apps Script-like globals, values in the bundle's own realm, service objects
// that expose nothing but their Apps Script methods, errors as the bundle's Errors.
import { loadBundle } from '../../local/bundle';
import { Runtime } from '../../local/gas/runtime';
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';

const CODE = `
var loadedAt = new Date().toISOString();
function globalsSeen() {
  var names = ['require', 'process', 'module', 'exports', 'window', 'document', 'fetch', 'TextEncoder',
    'TextDecoder', 'setTimeout', 'setInterval', 'setImmediate', 'Buffer', 'global', 'structuredClone',
    'queueMicrotask', 'SpreadsheetApp', 'LockService', 'PropertiesService', 'Utilities', 'HtmlService',
    'console', 'Charts', 'Intl'];
  var out = {};
  names.forEach(function (n) { out[n] = typeof globalThis[n]; });
  return out;
}
function jakartaHour() {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', hourCycle: 'h23' })
    .format(new Date('2024-05-01T06:00:00Z'));
}
function realmChecks() {
  var values = SpreadsheetApp.getActive().getSheetByName('S').getRange('A1:B1').getValues();
  return [values instanceof Array, values[0] instanceof Array, values[0][0] instanceof Date, typeof values[0][1]];
}
function errorChecks() {
  try {
    SpreadsheetApp.getActive().getSheetByName('S').getRange('A1:B2').setValues([[1, 2]]);
    return 'no error';
  } catch (e) {
    return [e instanceof Error, e.name, e.message];
  }
}
function internals() {
  var ss = SpreadsheetApp.getActive();
  var sheet = ss.getSheetByName('S');
  sheet.values = 'overwritten';
  return [typeof ss.counter, typeof ss.sheets, typeof sheet.values, typeof sheet.spreadsheet, typeof sheet._range,
    'getRange' in sheet, String(sheet), SpreadsheetApp.getUi().Button.OK];
}
function argTypes(d, list, obj) { return [d instanceof Date, list instanceof Array, obj.constructor === Object]; }
function now() { return [new Date().toISOString(), Date.now(), new Date(0).toISOString(), loadedAt]; }
function grabLock() { return LockService.getDocumentLock().tryLock(0); }
function logs() { console.log('halo', { a: 1 }); console.error('aduh'); }
`;

function bundle(opts: Parameters<typeof loadBundle>[0] = {}) {
  const ss = new LocalSpreadsheet({ sheets: ['S'] });
  ss.sheet('S')
    .getRange('A1:B1')
    .setValues([[new Date('2024-05-01T06:00:00Z'), 5]]);
  return loadBundle({ code: CODE, workbook: ss, ...opts });
}

describe('the bundle context', () => {
  it('has the Apps Script services and Intl, and none of Node’s or the browser’s globals', () => {
    const seen = bundle().call<Record<string, string>>('globalsSeen');
    const absent = Object.entries(seen)
      .filter(([, t]) => t === 'undefined')
      .map(([n]) => n);
    expect(absent.sort()).toEqual(
      [
        'Buffer',
        'TextDecoder',
        'TextEncoder',
        'document',
        'exports',
        'fetch',
        'global',
        'module',
        'process',
        'queueMicrotask',
        'require',
        'setImmediate',
        'setInterval',
        'setTimeout',
        'structuredClone',
        'window',
      ].sort(),
    );
    for (const n of ['SpreadsheetApp', 'LockService', 'PropertiesService', 'Utilities', 'HtmlService']) {
      expect(seen[n]).toBe('object');
    }
    expect(bundle().call('jakartaHour')).toBe('13');
  });

  it('a bundle that touches require or process at load fails to load', () => {
    expect(() => loadBundle({ code: 'var env = process.env.NODE_ENV; function f() {}' })).toThrow(
      'process is not defined',
    );
    expect(() => loadBundle({ code: 'var fs = require("fs");' })).toThrow('require is not defined');
  });

  it('values arrive as the bundle’s own arrays and Dates (instanceof works)', () => {
    expect(bundle().call('realmChecks')).toEqual([true, true, true, 'number']);
    const b = bundle();
    expect(b.call('argTypes', new Date(), [1], { a: 1 })).toEqual([true, true, true]);
  });

  it('service errors are the bundle’s Errors, named Exception, with Apps Script’s message', () => {
    expect(bundle().call('errorChecks')).toEqual([
      true,
      'Exception',
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    ]);
  });

  it('service objects expose only their Apps Script methods and constants', () => {
    expect(bundle().call('internals')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      'undefined',
      true,
      'Sheet',
      'OK',
    ]);
  });

  it('lists top-level functions and refuses unknown ones', () => {
    const b = bundle();
    expect(b.functionNames()).toContain('globalsSeen');
    expect(b.functionNames()).not.toContain('SpreadsheetApp');
    expect(b.functionNames()).not.toContain('loadedAt');
    expect(() => b.call('nothing')).toThrow('Script function not found: nothing');
    expect(() => b.call('SpreadsheetApp')).toThrow('Script function not found');
  });

  it('can fix the clock for new Date() and Date.now(), leaving explicit dates alone', () => {
    const t = Date.parse('2024-06-30T05:00:00Z');
    const [iso, now, epoch, loadedAt] = bundle({ now: t }).call<string[]>('now');
    expect([iso, now, epoch, loadedAt]).toEqual([
      '2024-06-30T05:00:00.000Z',
      t,
      '1970-01-01T00:00:00.000Z',
      iso,
    ]);
    expect(bundle({ now: t }).call('realmChecks')).toEqual([true, true, true, 'number']);
  });

  it('each call is an execution: locks left held are released when it ends', () => {
    const b = bundle();
    expect(b.call('grabLock')).toBe(true);
    expect(b.runtime.locks.document.holder).toBeNull();
    expect(b.call('grabLock')).toBe(true);
  });

  it('captures console output', () => {
    const b = bundle();
    b.call('logs');
    expect(b.console).toEqual(['log: halo { a: 1 }', 'error: aduh']);
  });

  it('installGlobals lets src/gas code run directly in Node with the same services', () => {
    const rt = new Runtime({ workbook: new LocalSpreadsheet({ sheets: ['S'] }) });
    const undo = rt.installGlobals();
    try {
      const g = globalThis as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
      g.SpreadsheetApp.getActive().getSheetByName('S')!.getRange('A1').setValue('x');
    } finally {
      undo();
    }
    expect(rt.workbook.readValues('S')).toEqual([['x']]);
    expect('SpreadsheetApp' in globalThis).toBe(false);
  });
});
