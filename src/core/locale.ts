// A spreadsheet locale's number and date conventions, as Intl knows them. Sheets shows numbers and reads
// typed dates by the spreadsheet's locale (id_ID: 1.234,5 and day before month); the local runtime and the
// self-check (src/core/selfcheck) both take the conventions from here, so they cannot drift apart.

export interface LocaleConventions {
  /** Decimal separator: ',' in id_ID, '.' in en_US. */
  decimal: string;
  /** Thousands separator: '.' in id_ID, ',' in en_US (a no-break space in fr_FR). */
  group: string;
  /** Whether a short date puts the day before the month (1/2 is 1 February in id_ID, 2 January in en_US). */
  dayFirst: boolean;
}

/** 'id_ID' (Apps Script's spelling) → 'id-ID' (BCP 47, what Intl takes). */
export function bcp47(locale: string): string {
  return locale.replace(/_/g, '-');
}

const cache = new Map<string, LocaleConventions>();

/** The conventions of `locale`; en_US's when Intl does not know it. */
export function localeConventions(locale: string): LocaleConventions {
  let c = cache.get(locale);
  if (c) return c;
  c = { decimal: '.', group: ',', dayFirst: false };
  try {
    for (const p of new Intl.NumberFormat(bcp47(locale)).formatToParts(12345.6)) {
      if (p.type === 'group') c.group = p.value;
      if (p.type === 'decimal') c.decimal = p.value;
    }
    const order = new Intl.DateTimeFormat(bcp47(locale), {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    })
      .formatToParts(Date.UTC(2024, 4, 1))
      .map((p) => p.type);
    c.dayFirst = order.indexOf('day') < order.indexOf('month');
  } catch {
    // an unknown locale: keep en_US's conventions
  }
  cache.set(locale, c);
  return c;
}
