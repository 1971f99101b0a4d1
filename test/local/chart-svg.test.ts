// The preview's SVG charts: a stacked area (segment sizes over runs) stacks each series on the ones before
// it, an unstacked one does not, a single run shows as a band; labels from the sheet stay text.
import { LocalSpreadsheet } from '../../local/gas/spreadsheet';
import { chartData, chartSvg } from '../../local/preview/chart-svg';

function areaChart(rows: (string | number)[][], stacked: boolean) {
  const ss = new LocalSpreadsheet({ sheets: ['S'] });
  const s = ss.sheet('S');
  const range = s.getRange(1, 1, rows.length, rows[0].length);
  s.getRange(1, 1, rows.length, 1).setNumberFormat('@'); // run dates are text, as in the Segments sheet
  range.setValues(rows);
  s.insertChart(
    s
      .newChart()
      .setChartType('AREA')
      .addRange(range)
      .setOption('title', 'Ukuran segmen')
      .setOption('isStacked', stacked)
      .setOption('colors', ['#1B5E20', '#B71C1C'])
      .build(),
  );
  return chartData(s.getCharts()[0]);
}

/** The polygons' points, as [x, y] pairs, in the order drawn. */
function polygons(svg: string): [number, number][][] {
  return [...svg.matchAll(/<polygon points="([^"]+)"/g)].map((m) =>
    m[1].split(' ').map((p) => p.split(',').map(Number) as [number, number]),
  );
}

describe('preview area charts', () => {
  const header = ['Tanggal acuan', 'Juara', '<b>Hilang</b>'];

  it('stacked: the second series sits on the first, the top at the sum', () => {
    const d = areaChart([header, ['2024-06-23', 10, 30], ['2024-06-30', 20, 20]], true);
    expect(d.stacked).toBe(true);
    const [first, second] = polygons(chartSvg(d));
    // the second series' lower edge (reversed) is the first's upper edge
    expect(second.slice(2).reverse()).toEqual(first.slice(0, 2));
    // both runs total 40: the top of the stack is flat, at the plot's top (the max)
    expect(second[0][1]).toBe(second[1][1]);
    expect(second[0][1]).toBe(32);
  });

  it('unstacked: every series from the axis', () => {
    const d = areaChart([header, ['2024-06-23', 10, 30], ['2024-06-30', 20, 20]], false);
    const [first, second] = polygons(chartSvg(d));
    expect(first.slice(2)).toEqual(second.slice(2));
  });

  it('one run is a band across the plot; labels are escaped', () => {
    const d = areaChart([header, ['2024-06-23', 10, 30]], true);
    const svg = chartSvg(d);
    const [first] = polygons(svg);
    expect(first[0][0]).toBeLessThan(first[1][0]);
    expect(svg).toContain('&lt;b&gt;Hilang&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('2024-06-23');
  });
});
