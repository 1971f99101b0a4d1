// The preview draws each chart the script built as an inline SVG, from the chart's own data range and
// options (type, title, colours), so what Sheets would show is visible locally. exceljs cannot write
// charts, so the saved .xlsx keeps lacking them (README). Every label comes from the sheet: escaped.
import type { LocalEmbeddedChart } from '../gas/chart';
import { escapeHtml } from './html';

export interface ChartData {
  type: string;
  title: string;
  colors: string[];
  /** Series names (the header row's cells after the first). */
  series: string[];
  /** One row per category: its label and one number per series. */
  rows: { label: string; values: number[] }[];
  /** Series drawn on top of each other (the isStacked option), as the segment sizes over runs are. */
  stacked: boolean;
}

const PALETTE = ['#1a73e8', '#d93025', '#f9ab00', '#188038', '#8430ce', '#e8710a', '#129eaf', '#5f6368'];
const COLOR = /^#[0-9a-f]{6}$/i;

/** The chart's categories and series as Sheets reads them: first column labels, first row headers. */
export function chartData(chart: LocalEmbeddedChart): ChartData {
  const options = chart.getOptions();
  const range = chart.getRanges()[0];
  const grid = range ? range.getDisplayValues() : [];
  const raw = range ? range.getValues() : [];
  const headed = grid.length > 0 && raw[0].slice(1).some((v) => typeof v !== 'number');
  const series = headed ? grid[0].slice(1) : (grid[0]?.slice(1).map((_, i) => String(i + 1)) ?? []);
  const rows = raw.slice(headed ? 1 : 0).map((r, i) => ({
    label: grid[i + (headed ? 1 : 0)][0],
    values: r.slice(1).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0)),
  }));
  const colors = options.get('colors');
  const stacked = options.get('isStacked');
  return {
    type: chart.getType(),
    title: String(options.get('title') ?? ''),
    colors: Array.isArray(colors) ? colors.map(String).filter((c) => COLOR.test(c)) : [],
    series,
    rows,
    stacked: stacked === true || stacked === 'absolute',
  };
}

const W = 560;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function colorOf(d: ChartData, i: number): string {
  return d.colors[i] ?? PALETTE[i % PALETTE.length];
}

function bars(d: ChartData): { body: string; height: number } {
  const left = 160;
  const rowH = 22;
  const top = 32;
  const max = Math.max(1, ...d.rows.flatMap((r) => r.values));
  const span = W - left - 60;
  const out: string[] = [];
  d.rows.forEach((r, i) => {
    const y = top + i * rowH;
    out.push(
      `<text x="${left - 6}" y="${y + 15}" text-anchor="end" font-size="12">${escapeHtml(r.label)}</text>`,
    );
    const h = (rowH - 6) / Math.max(1, r.values.length);
    r.values.forEach((v, k) => {
      const w = Math.max(0, (v / max) * span);
      const yy = y + 3 + k * h;
      out.push(
        `<rect x="${left}" y="${yy}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${colorOf(d, k)}"><title>${escapeHtml(`${r.label}: ${fmt(v)}`)}</title></rect>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${(yy + h - 3).toFixed(1)}" font-size="11">${fmt(v)}</text>`,
      );
    });
  });
  return { body: out.join(''), height: top + d.rows.length * rowH + 10 };
}

/** Lines, or areas (stacked when the chart says so: each series on the ones before it). A single category
 *  is drawn as a band across the plot, so one run already shows. */
function lines(d: ChartData, area: boolean): { body: string; height: number } {
  const left = 50;
  const top = 32;
  const h = 200;
  const right = W - 150;
  const n = d.rows.length;
  const stacked = area && d.stacked;
  // base[i][k]: where series k starts at category i (0 unless stacked).
  const base = d.rows.map((r) => {
    let sum = 0;
    return r.values.map((v) => {
      const b = stacked ? sum : 0;
      sum += v;
      return b;
    });
  });
  const tops = d.rows.flatMap((r, i) => r.values.map((v, k) => base[i][k] + v));
  const max = Math.max(1, ...tops);
  const xs = n === 1 ? [left, right] : d.rows.map((_, i) => left + (i * (right - left)) / (n - 1));
  const at = (i: number) => (n === 1 ? 0 : i);
  const y = (v: number) => top + h - (v / max) * h;
  const out: string[] = [
    `<line x1="${left}" y1="${top + h}" x2="${right}" y2="${top + h}" stroke="#9aa0a6"/>`,
    `<text x="${left - 6}" y="${top + 4}" text-anchor="end" font-size="11">${fmt(max)}</text>`,
    `<text x="${left - 6}" y="${top + h}" text-anchor="end" font-size="11">0</text>`,
  ];
  d.series.forEach((name, k) => {
    const upper = xs.map((x, i) => {
      const r = d.rows[at(i)];
      return `${x.toFixed(1)},${y(base[at(i)][k] + (r.values[k] ?? 0)).toFixed(1)}`;
    });
    if (area && upper.length > 0) {
      const lower = xs.map((x, i) => `${x.toFixed(1)},${y(base[at(i)][k] ?? 0).toFixed(1)}`).reverse();
      out.push(
        `<polygon points="${[...upper, ...lower].join(' ')}" fill="${colorOf(d, k)}" fill-opacity="${stacked ? 0.85 : 0.25}"><title>${escapeHtml(name)}</title></polygon>`,
      );
    }
    if (!stacked)
      out.push(
        `<polyline points="${upper.join(' ')}" fill="none" stroke="${colorOf(d, k)}" stroke-width="2"><title>${escapeHtml(name)}</title></polyline>`,
      );
    out.push(
      `<rect x="${right + 8}" y="${top + 3 + k * 16}" width="10" height="10" fill="${colorOf(d, k)}" stroke="#9aa0a6" stroke-width="0.5"/>`,
      `<text x="${right + 22}" y="${top + 12 + k * 16}" font-size="11">${escapeHtml(name)}</text>`,
    );
  });
  const label = (x: number, text: string) =>
    `<text x="${x.toFixed(1)}" y="${top + h + 16}" text-anchor="middle" font-size="11">${escapeHtml(text)}</text>`;
  if (n === 1) out.push(label((left + right) / 2, d.rows[0].label));
  else
    d.rows.forEach((r, i) => {
      if (n <= 8 || i % Math.ceil(n / 8) === 0 || i === n - 1) out.push(label(xs[i], r.label));
    });
  const legend = top + 12 + d.series.length * 16;
  return { body: out.join(''), height: Math.max(top + h + 30, legend + 8) };
}

/** The chart as an <svg> element (text escaped; only #rrggbb colours). */
export function chartSvg(d: ChartData): string {
  const { body, height } =
    d.type === 'LINE'
      ? lines(d, false)
      : d.type === 'AREA' || d.type === 'STEPPED_AREA'
        ? lines(d, true)
        : bars(d);
  const label = d.title || d.type;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${escapeHtml(label)}" data-chart-type="${escapeHtml(d.type)}" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}"><text x="${W / 2}" y="18" text-anchor="middle" font-size="14" font-weight="600">${escapeHtml(d.title)}</text>${body}</svg>`;
}
