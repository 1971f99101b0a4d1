// Local wall-clock text for the generator's many timestamps.
import { DAY_MS, formatLocalDate, tzOffsetMs } from '../time';
import type { EpochMs } from '../types';

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => (n < 10 ? '0' : '') + n);

/** formatLocalDateTime ('YYYY-MM-DD HH:mm' in the zone), with the date part cached per local day: the
 *  generator writes several instants per order, and a 1M-line shop spans only a few hundred days. */
export function localTextFormatter(timeZone: string): (t: EpochMs) => string {
  const days = new Map<number, string>();
  return (t) => {
    const wall = t + tzOffsetMs(t, timeZone);
    const day = Math.floor(wall / DAY_MS);
    let date = days.get(day);
    if (date === undefined) {
      date = formatLocalDate(t, timeZone);
      days.set(day, date);
    }
    const minutes = Math.floor((wall - day * DAY_MS) / 60_000);
    return date + ' ' + TWO_DIGITS[Math.floor(minutes / 60)] + ':' + TWO_DIGITS[minutes % 60];
  };
}
