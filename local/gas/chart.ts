// Embedded charts: recorded in memory (type, ranges, options, position) so tests can inspect them.
// exceljs cannot write charts, so they do not survive an .xlsx save (documented in local/README.md).
import { a1Notation } from './a1';
import { type CallCounter, defineGas, GasObject, gasEnum } from './counter';
import type { LocalRange } from './range';
import type { LocalSheet } from './sheet';

export const ChartType = gasEnum(
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
);

export interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

interface ChartState {
  chartType: string | null;
  ranges: LocalRange[];
  options: Record<string, unknown>;
  position: ChartPosition;
}

let nextChartId = 1;

export class LocalChartBuilder extends GasObject {
  private state: ChartState;
  private readonly chartId: number | undefined;

  constructor(
    readonly sheet: LocalSheet,
    from?: LocalEmbeddedChart,
  ) {
    super(sheet.spreadsheet.counter);
    this.state = from
      ? { ...from.state, ranges: [...from.state.ranges], options: { ...from.state.options } }
      : {
          chartType: null,
          ranges: [],
          options: {},
          position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
        };
    this.chartId = from?.chartId;
  }

  addRange(range: LocalRange): this {
    this.state.ranges.push(range);
    return this;
  }
  removeRange(range: LocalRange): this {
    this.state.ranges = this.state.ranges.filter((r) => a1Notation(r) !== a1Notation(range));
    return this;
  }
  clearRanges(): this {
    this.state.ranges = [];
    return this;
  }
  getRanges(): LocalRange[] {
    return [...this.state.ranges];
  }
  setChartType(type: string): this {
    if (!(String(type) in ChartType)) throw new Error(`Invalid argument: type (${String(type)})`);
    this.state.chartType = String(type);
    return this;
  }
  getChartType(): string | null {
    return this.state.chartType;
  }
  setOption(option: string, value: unknown): this {
    this.state.options[option] = value;
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.state.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setNumHeaders(headers: number): this {
    return this.setOptionUncounted('numHeaders', headers);
  }
  setTransposeRowsAndColumns(transpose: boolean): this {
    return this.setOptionUncounted('transpose', transpose);
  }
  setTitle(title: string): this {
    return this.setOptionUncounted('title', title);
  }
  setColors(colors: string[]): this {
    return this.setOptionUncounted('colors', [...colors]);
  }
  setLegendPosition(position: string): this {
    return this.setOptionUncounted('legend.position', String(position));
  }
  asPieChart(): this {
    return this.typed('PIE');
  }
  asBarChart(): this {
    return this.typed('BAR');
  }
  asColumnChart(): this {
    return this.typed('COLUMN');
  }
  asLineChart(): this {
    return this.typed('LINE');
  }
  asAreaChart(): this {
    return this.typed('AREA');
  }
  asScatterChart(): this {
    return this.typed('SCATTER');
  }
  asTableChart(): this {
    return this.typed('TABLE');
  }
  build(): LocalEmbeddedChart {
    if (!this.state.chartType) throw new Error('The chart type must be set before building the chart.');
    if (this.state.ranges.length === 0) throw new Error('The chart needs at least one range of data.');
    return new LocalEmbeddedChart(this.sheet, this.chartId ?? nextChartId++, {
      ...this.state,
      ranges: [...this.state.ranges],
      options: { ...this.state.options },
    });
  }

  private typed(t: string): this {
    this.state.chartType = t;
    return this;
  }
  private setOptionUncounted(k: string, v: unknown): this {
    this.state.options[k] = v;
    return this;
  }
}

export class LocalEmbeddedChart extends GasObject {
  constructor(
    readonly sheet: LocalSheet,
    readonly chartId: number,
    readonly state: Readonly<ChartState>,
  ) {
    super(sheet.spreadsheet.counter);
  }
  getChartId(): number {
    return this.chartId;
  }
  getType(): string {
    return this.state.chartType!;
  }
  getRanges(): LocalRange[] {
    return [...this.state.ranges];
  }
  getOptions(): LocalChartOptions {
    return new LocalChartOptions(this._counter, this.state.options);
  }
  getContainerInfo(): LocalContainerInfo {
    return new LocalContainerInfo(this._counter, this.state.position);
  }
  modify(): LocalChartBuilder {
    return new LocalChartBuilder(this.sheet, this);
  }
}

export class LocalChartOptions extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly options: Record<string, unknown>,
  ) {
    super(counter);
  }
  get(option: string): unknown {
    return this.options[option] ?? null;
  }
}

export class LocalContainerInfo extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly p: ChartPosition,
  ) {
    super(counter);
  }
  getAnchorRow(): number {
    return this.p.anchorRow;
  }
  getAnchorColumn(): number {
    return this.p.anchorColumn;
  }
  getOffsetX(): number {
    return this.p.offsetX;
  }
  getOffsetY(): number {
    return this.p.offsetY;
  }
}

/** The `Charts` global: only its ChartType enum is used with sheet.newChart(). */
export class LocalCharts extends GasObject {
  declare readonly ChartType: typeof ChartType;
  constructor(counter: CallCounter) {
    super(counter);
  }
}

defineGas(LocalChartBuilder, 'EmbeddedChartBuilder', [
  'addRange',
  'removeRange',
  'clearRanges',
  'getRanges',
  'setChartType',
  'getChartType',
  'setOption',
  'setPosition',
  'setNumHeaders',
  'setTransposeRowsAndColumns',
  'setTitle',
  'setColors',
  'setLegendPosition',
  'asPieChart',
  'asBarChart',
  'asColumnChart',
  'asLineChart',
  'asAreaChart',
  'asScatterChart',
  'asTableChart',
  'build',
]);
defineGas(LocalEmbeddedChart, 'EmbeddedChart', [
  'getChartId',
  'getType',
  'getRanges',
  'getOptions',
  'getContainerInfo',
  'modify',
]);
defineGas(LocalChartOptions, 'ChartOptions', ['get']);
defineGas(LocalContainerInfo, 'ContainerInfo', [
  'getAnchorRow',
  'getAnchorColumn',
  'getOffsetX',
  'getOffsetY',
]);
defineGas(LocalCharts, 'Charts', [], { ChartType });
