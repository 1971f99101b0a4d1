// Which delimiter a CSV file uses: the rule the CLI's reader (local/files.ts) and the upload page
// (sidebar/upload/read.ts) share; each tokenizes its sample its own way and asks this which one won.

export const DELIMITERS = [',', ';', '\t'] as const;
/** Records of the sample that are looked at. */
export const SAMPLE_RECORDS = 50;

/**
 * The delimiter that splits the sample's first records most consistently into more than one field: the
 * most common field count (above 1) wins, weighted by how many records have it, so title rows above the
 * header (Shopee's income report) do not disturb it. Ties keep the order , ; tab. Default ','.
 * `fieldCounts(d)` gives the field count of each of the first SAMPLE_RECORDS records split by d.
 */
export function pickDelimiter(fieldCounts: (delimiter: string) => Iterable<number>): string {
  let best: string = DELIMITERS[0];
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const n of fieldCounts(d)) if (n > 1) freq.set(n, (freq.get(n) ?? 0) + 1);
    let score = 0;
    for (const [n, k] of freq) score = Math.max(score, k * 1000 + Math.min(n, 999));
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}
