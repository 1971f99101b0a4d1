// Saving a name: the upsert of one BuyerProfile row by universal identifier, under the document lock. The
// row is found by header and by TextFinder (never by reading the sheet); only Kenali's cells of that row
// are written; just before writing, the row is read once more to check it still holds this buyer (a
// person may insert or sort rows meanwhile: the lock does not stop people), and after writing it is read
// back: success is reported only for a name that reads back.
//
// The first name of a buyer the sidebar showed as unnamed is the one exception (appendFirstName): one
// appendRow, which Sheets applies whole and in order (two sidebars appending at once get two rows, never a
// row written over), after reading the header row to place the cells: five service calls, no lock.
import { parseBuyerKey } from '../core/identity';
import { type NameSaveInvalid, planNameSave } from '../core/profiles';
import { PROFILES_SHEET, type ProfileRow, readProfileRows } from '../core/store';
import { NUMBER_FORMATS, recordCells, resolveLayout } from '../core/table';
import { t } from '../core/text';
import { toIso } from '../core/time';
import { hexKeptAsTyped, keptAsTyped } from '../core/typed';
import type { BuyerProfile, CellValue } from '../core/types';
import type { SaveNameResult } from '../core/views';
import type { Env } from './context';
import { type FoundRow, readFound, rowsWithValue } from './locate';
import {
  columnNumber,
  ensureRows,
  openTable,
  ownHeaders,
  prepareForWrite,
  runsOf,
  type Table,
} from './table';
import { withStoreLock } from './undo';

/** How often a save looks for its row again when people keep moving rows under it. */
const MAX_ATTEMPTS = 3;

export function saveProfileName(
  env: Env,
  buyerKey: string,
  realName: string,
  addressFull: string,
  now: number,
  /** Runs under the same lock once the name is saved (the read model's copy of it). */
  afterSave: (realName: string) => void = () => {},
): SaveNameResult {
  // The language is asked of the spreadsheet only for a message (a call saved on every good save).
  const invalid = (reason: NameSaveInvalid) => {
    const tx = t('sheet', env.lang);
    return new Error(tx.saveFailed(tx.saveInvalid[reason]));
  };
  // Refuse a bad key or name before taking the lock or reading anything.
  const check = planNameSave([], buyerKey, realName, addressFull, now);
  if (check.kind === 'invalid') throw invalid(check.reason);
  // (a merge stopped dead is undone or finished first: the name's Customers copy is not written over)
  return withStoreLock(env, () => {
    const tb = openTable(env, PROFILES_SHEET, { create: true })!;
    prepareForWrite(tb);
    const { buyerUsername } = parseBuyerKey(buyerKey)!;
    for (let attempt = 1; ; attempt++) {
      const candidates = profilesOf(tb, rowsWithValue(tb, 'buyer_username', buyerUsername, ownHeaders(tb)));
      const plan = planNameSave(
        candidates.map((p) => ({ profile: p, row: p.row })),
        buyerKey,
        realName,
        addressFull,
        now,
      );
      if (plan.kind === 'invalid') throw invalid(plan.reason);
      const target = plan.kind === 'update' ? plan.row : tb.lastRow + 1;
      const outcome = writeProfile(tb, target, plan.profile, plan.kind === 'update' ? buyerKey : null);
      if (outcome === 'moved') {
        if (attempt >= MAX_ATTEMPTS) throw new Error(t('store', env.lang).notReadBack(tb.decl.sheet, target));
        tb.lastRow = tb.sheet.getLastRow();
        continue;
      }
      afterSave(plan.profile.buyerRealName);
      return {
        buyerKey,
        buyerRealName: plan.profile.buyerRealName,
        updated: plan.kind === 'update',
        updatedAt: toIso(plan.profile.updatedAt),
      };
    }
  });
}

/**
 * Saves the first name of a buyer the sidebar showed without a profile a moment ago by one appendRow to
 * BuyerProfile, its cells placed by the header row. null (nothing written) when that cannot be done safely:
 * no BuyerProfile sheet or a Kenali header missing there (the full save creates or reports them), a name,
 * username or address Sheets would not keep as typed (the full save formats the cells as text first), or
 * a bad key or name (the full save says why). The rare race (someone else named the buyer since the
 * sidebar read) gives the key a second row: readers take the newer (core/profiles), nothing is lost.
 */
export function appendFirstName(
  env: Env,
  buyerKey: string,
  realName: string,
  addressFull: string,
  now: number,
): SaveNameResult | null {
  const plan = planNameSave([], buyerKey, realName, addressFull, now);
  if (plan.kind !== 'append') return null;
  const p = plan.profile;
  if (
    !hexKeptAsTyped(p.addressIdentifier) ||
    ![p.buyerUsername, p.buyerRealName, p.addressFull].every(keptAsTyped)
  )
    return null;
  const sheet = env.ss.getSheetByName(PROFILES_SHEET.sheet);
  if (!sheet) return null;
  const layout = resolveLayout(PROFILES_SHEET, sheet.getRange('1:1').getValues()[0] as CellValue[]);
  if (layout.missing.length > 0 || layout.absent.length > 0) return null;
  const cells = recordCells(PROFILES_SHEET, p);
  const row = new Array<CellValue>(Math.max(...layout.at.values()) + 1).fill('');
  for (const [header, j] of layout.at) row[j] = cells.get(header) ?? '';
  sheet.appendRow(row);
  return { buyerKey, buyerRealName: p.buyerRealName, updated: false, updatedAt: toIso(p.updatedAt) };
}

/** The readable profiles among found rows (a row a person left half-typed is skipped, never written). */
function profilesOf(tb: Table, rows: readonly FoundRow[]): ProfileRow[] {
  return readFound(tb, rows, readProfileRows).records;
}

/** The buyer key a row holds, or null when it holds none that can be read. */
function keyAt(tb: Table, cells: readonly CellValue[], row: number): string | null {
  const p = profilesOf(tb, [{ row, cells: [...cells] }])[0];
  return p ? `${p.buyerUsername}|${p.addressIdentifier}` : null;
}

/**
 * Writes one profile's cells into `row` (Kenali's columns only: one range per run of them). `expectKey`:
 * the row must still hold that buyer (an update); null: its Kenali cells must still be empty (an append).
 * 'moved' when a person changed the row since it was found: nothing was written.
 */
function writeProfile(
  tb: Table,
  row: number,
  profile: BuyerProfile,
  expectKey: string | null,
): 'ok' | 'moved' {
  const headers = ownHeaders(tb);
  const runs = runsOf(tb, headers);
  const from = runs[0].col;
  const last = runs[runs.length - 1];
  const to = last.col + last.headers.length - 1;
  if (expectKey === null) ensureRows(tb, row); // an update's row exists
  const kinds = new Map(tb.decl.columns.map((c) => [c.header, NUMBER_FORMATS[c.kind]]));
  const cells = recordCells(PROFILES_SHEET, profile);
  const ranges = runs.map((r) => tb.sheet.getRange(row, r.col, 1, r.headers.length));
  // Plain text first, so a name like '=HYPERLINK(…)' stays text.
  ranges.forEach((range, i) => {
    range.setNumberFormats([runs[i].headers.map((h) => kinds.get(h)!)]);
  });
  // The re-check, right before the write.
  const span = runs.length === 1 ? ranges[0] : tb.sheet.getRange(row, from, 1, to - from + 1);
  const readRow = () => {
    const cellsRead = new Array<CellValue>(to).fill('');
    (span.getValues()[0] as CellValue[]).forEach((v, j) => {
      cellsRead[from - 1 + j] = v;
    });
    return cellsRead;
  };
  const before = readRow();
  const cols = headers.map((h) => columnNumber(tb, h));
  const stillOurs =
    expectKey === null
      ? cols.every((c) => String(before[c - 1]).trim() === '')
      : keyAt(tb, before, row) === expectKey;
  if (!stillOurs) return 'moved';
  ranges.forEach((range, i) => {
    range.setValues([runs[i].headers.map((h) => cells.get(h) ?? '')]);
  });
  if (expectKey === null) tb.lastRow = Math.max(tb.lastRow, row);
  // Read back: only a name that reads back under this buyer's key counts as saved (where the row is now:
  // a person may have moved it since the write).
  const key = `${profile.buyerUsername}|${profile.addressIdentifier}`;
  const holds = (p: ProfileRow | undefined) =>
    p !== undefined &&
    `${p.buyerUsername}|${p.addressIdentifier}` === key &&
    p.buyerRealName === profile.buyerRealName;
  if (holds(profilesOf(tb, [{ row, cells: readRow() }])[0])) return 'ok';
  tb.lastRow = tb.sheet.getLastRow();
  const found = profilesOf(tb, rowsWithValue(tb, 'buyer_username', profile.buyerUsername, headers));
  if (found.some(holds)) return 'ok';
  throw new Error(t('store', tb.env.lang).notReadBack(tb.decl.sheet, row));
}
