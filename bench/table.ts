// Plain-text tables in Markdown pipe syntax: readable in a terminal and pasted as-is into bench/RESULTS.md.

export type Align = 'l' | 'r';

export function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: Align[],
): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? '').length)));
  const al = header.map((_, j) => align?.[j] ?? (j === 0 ? 'l' : 'r'));
  const cell = (s: string, j: number) => (al[j] === 'r' ? s.padStart(widths[j]) : s.padEnd(widths[j]));
  const line = (cells: readonly string[]) => `| ${cells.map((c, j) => cell(c ?? '', j)).join(' | ')} |`;
  const rule = `|${widths.map((w, j) => (al[j] === 'r' ? `${'-'.repeat(w + 1)}:` : `:${'-'.repeat(w + 1)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const group = (n: number) => Math.round(n).toLocaleString('en-US');

export const fmt = {
  int: (n: number) => (Number.isFinite(n) ? group(n) : '—'),
  ms: (ms: number) => (Number.isFinite(ms) ? group(ms) : '—'),
  s: (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '—'),
  mb: (bytes: number) => (Number.isFinite(bytes) ? group(bytes / (1024 * 1024)) : '—'),
  ratio: (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '—'),
  /** Lines (or cells) per second, rounded to thousands above 10,000. */
  rate: (perSecond: number) =>
    !Number.isFinite(perSecond)
      ? '—'
      : perSecond >= 10_000
        ? `${group(perSecond / 1000)}k`
        : group(perSecond),
  size: (n: number) =>
    n >= 1_000_000 && n % 1_000_000 === 0
      ? `${n / 1_000_000}M`
      : n >= 1000 && n % 1000 === 0
        ? `${n / 1000}k`
        : String(n),
};
