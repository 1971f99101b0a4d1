// The sidebar type-checks with Apps Script types (client.ts derives its types from src/gas/api.ts), so this
// guard keeps server globals and server code out of the pages: a use compiles, but fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtPage, splitLazy } from './page';

const root = join(import.meta.dirname, '../..');
const SERVER =
  /\b(SpreadsheetApp|LockService|PropertiesService|HtmlService|Utilities|Session|Charts|ScriptApp|UrlFetchApp)\b/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? filesUnder(join(dir, d.name)) : [join(dir, d.name)],
  );
}

describe('no server code in the sidebars', () => {
  it('the pattern catches a server global', () => {
    expect(SERVER.test('SpreadsheetApp.getActive()')).toBe(true);
    expect(SERVER.test('server.getNamingQueue()')).toBe(false);
  });

  it('no sidebar source names an Apps Script service, and only type imports reach src/gas', () => {
    const files = filesUnder(join(root, 'sidebar')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    const found: string[] = [];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      if (SERVER.test(src)) found.push(`${relative(root, f)}: server global`);
      for (const m of src.matchAll(/^import\s+(type\s+)?[^;]*from\s+'([^']+)'/gm)) {
        if (m[2].includes('/gas/') && !m[1]) found.push(`${relative(root, f)}: value import of ${m[2]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the shipped pages bundle no server module', async () => {
    for (const name of ['Naming', 'Lookup', 'Upload', 'SelfCheck'] as const) {
      // Not the upload page's XLSX library: "Charts" is a part name inside .xlsx files there.
      const html = splitLazy(await builtPage(name)).page;
      expect(html).not.toMatch(SERVER);
      expect(html).not.toContain('withDocumentLock');
    }
  });
});
