// The demo shop in the BUILT bundle, and a segmentation as of a date (the menu's "Segmentasi RFM per
// tanggal…" answered), for the segmentation tests.
import { type Bundle, LocalSpreadsheet, loadBundle } from '../../local';
import { epochFromLocal } from '../../src/core/time';

export const TZ = 'Asia/Jakarta';
export const NOW = epochFromLocal({ year: 2024, month: 6, day: 30, hour: 10, minute: 0, second: 0 }, TZ);

export function demo(): { wb: LocalSpreadsheet; bundle: Bundle } {
  const wb = new LocalSpreadsheet({ timeZone: TZ, locale: 'id_ID' });
  const bundle = loadBundle({ workbook: wb, now: NOW });
  bundle.call('kenaliLoadDemo');
  return { wb, bundle };
}

/** Runs the segmentation as of `date` and returns its closing message. */
export function segmentAt(bundle: Bundle, date: string): string {
  bundle.ui.respond({ button: 'OK', text: date });
  bundle.call('kenaliSegmentAt');
  return bundle.ui.alerts.at(-1)?.prompt ?? '';
}
