// Conditional format rules, the part Kenali uses: "text is exactly" rules with a background, a font colour
// and bold, over ranges of one sheet (SpreadsheetApp.newConditionalFormatRule, Sheet.setConditionalFormatRules
// / getConditionalFormatRules). Google's reference: the rules of a sheet are replaced as a whole by
// setConditionalFormatRules; a rule applies to every cell of its ranges whose content equals the text
// (whenTextEqualTo), and shows its format over the cell's own (getBackgrounds still gives the cell's own
// colour). Here a rule matches a cell's displayed text exactly; the preview and the .xlsx save show them.
// Not modelled: other conditions, gradients, rules' ranges moving with inserted or deleted rows.
import { a1Notation } from './a1';
import { type CallCounter, defineGas, GasObject } from './counter';
import type { LocalRange } from './range';

export interface RuleState {
  text: string | null;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: LocalRange[];
}

const COLOUR = /^#[0-9a-f]{6}$/i;
const colour = (c: string | null) => {
  if (c === null) return null;
  if (!COLOUR.test(c)) throw new Error(`Invalid argument: color (${c})`);
  return c.toLowerCase();
};

export class LocalConditionalFormatRuleBuilder extends GasObject {
  private state: RuleState;
  constructor(counter: CallCounter, from?: RuleState) {
    super(counter);
    this.state = from
      ? { ...from, ranges: [...from.ranges] }
      : { text: null, background: null, fontColor: null, bold: null, ranges: [] };
  }
  whenTextEqualTo(text: string): this {
    this.state.text = String(text);
    return this;
  }
  setBackground(color: string | null): this {
    this.state.background = colour(color);
    return this;
  }
  setFontColor(color: string | null): this {
    this.state.fontColor = colour(color);
    return this;
  }
  setBold(bold: boolean | null): this {
    this.state.bold = bold;
    return this;
  }
  setRanges(ranges: LocalRange[]): this {
    if (!Array.isArray(ranges) || ranges.length === 0) throw new Error('Invalid argument: ranges');
    this.state.ranges = [...ranges];
    return this;
  }
  getRanges(): LocalRange[] {
    return [...this.state.ranges];
  }
  build(): LocalConditionalFormatRule {
    if (this.state.text === null) throw new Error('A conditional format rule needs a condition.');
    if (this.state.ranges.length === 0)
      throw new Error('A conditional format rule needs at least one range.');
    return new LocalConditionalFormatRule(this._counter, { ...this.state, ranges: [...this.state.ranges] });
  }
}

export class LocalConditionalFormatRule extends GasObject {
  constructor(
    counter: CallCounter,
    readonly state: Readonly<RuleState>,
  ) {
    super(counter);
  }
  getRanges(): LocalRange[] {
    return [...this.state.ranges];
  }
  copy(): LocalConditionalFormatRuleBuilder {
    return new LocalConditionalFormatRuleBuilder(this._counter, this.state);
  }

  /** Whether the rule formats cell (row, col) (1-based) holding `display`: not a service call. */
  appliesTo(row: number, col: number, display: string): boolean {
    if (display !== this.state.text) return false;
    return this.state.ranges.some(
      (r) => row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols,
    );
  }

  /** The ranges in A1 notation (for the .xlsx save). */
  refs(): string[] {
    return this.state.ranges.map((r) => a1Notation(r));
  }
}

defineGas(LocalConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder', [
  'whenTextEqualTo',
  'setBackground',
  'setFontColor',
  'setBold',
  'setRanges',
  'getRanges',
  'build',
]);
defineGas(LocalConditionalFormatRule, 'ConditionalFormatRule', ['getRanges', 'copy']);
