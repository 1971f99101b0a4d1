// The undo log's sheet (#17) while a merge stopped dead leaves it standing: hidden, not the sheet the
// seller is on, never listed by the preview's workbook pane (as Sheets hides it from the tab bar), never
// taken for an upload's staging sheet, and gone (with the store as it was) once the next action ran.
import { workbookPage } from '../../local/preview/render';
import { builtCode, demoExport, killAt, openShop, paste, storeValues } from './harness';

beforeAll(() => {
  builtCode();
});

it('a merge killed mid-commit: its log sheet hidden, unlisted, not an upload; gone after the next action', () => {
  const shop = openShop();
  shop.bundle.call('kenaliSetup');
  paste(shop, demoExport(40, 51));
  shop.bundle.call('kenaliImport');
  paste(shop, demoExport(40, 52));
  shop.wb.getSheetByName('Impor')!.activate();
  const before = storeValues(shop.wb);
  // Killed just before its commit point (the second mark it sets): the log stands, the store is half new.
  let marks = 0;
  const kill = killAt(shop.wb, 1, (l) => l === 'Properties.setProperties' && ++marks === 2);
  expect(() => shop.bundle.call('kenaliImport')).toThrow();
  const wb = kill.taken()!;
  const log = wb.getSheetByName('~kenali-undo');
  expect(log).not.toBeNull();
  expect(log!.isSheetHidden()).toBe(true);
  expect(wb.getActiveSheet()!.getName()).toBe('Impor');
  expect(storeValues(wb)).not.toEqual(before);
  const page = workbookPage({
    workbook: wb,
    workbookPath: 'toko.xlsx',
    lang: 'id',
    sheet: null,
    message: null,
    menu: null,
    toasts: [],
    pending: null,
  });
  expect(page).toContain('Orders');
  expect(page).not.toContain('~kenali-undo');
  // The sidebar opened next: no interrupted upload reported for it, and the store put back first.
  const next = openShop({ wb });
  const open = next.bundle.call<{ interrupted: unknown[]; othersActive: boolean }>('uploadOpen');
  expect(open).toMatchObject({ interrupted: [], othersActive: false });
  expect(wb.hasSheet('~kenali-undo')).toBe(false);
  expect(storeValues(wb)).toEqual(before);
});
