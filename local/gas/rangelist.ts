// RangeList (Sheet.getRangeList): one call applies the same value, format or clear to many non-adjacent
// ranges of one sheet. Google's reference: "A collection of one or more Range instances in the same
// sheet"; getRangeList takes "a non-empty list of A1 notations or R1C1 notations" (A1 only here).
import { defineGas, GasObject } from './counter';
import { type LocalRange, signatureError } from './range';
import type { LocalSheet } from './sheet';

export class LocalRangeList extends GasObject {
  constructor(
    readonly sheet: LocalSheet,
    readonly ranges: readonly LocalRange[],
  ) {
    super(sheet.spreadsheet.counter);
  }

  getRanges(): LocalRange[] {
    return [...this.ranges];
  }

  /** The same value in every cell of every range (parsed as setValue parses it). */
  setValue(value: unknown): this {
    if (Array.isArray(value)) throw signatureError('RangeList.setValue', value);
    for (const r of this.ranges) r._setValues(r._fill(value));
    return this;
  }
  setNumberFormat(format: string): this {
    if (typeof format !== 'string') throw signatureError('RangeList.setNumberFormat', format);
    for (const r of this.ranges) r._setNumberFormat(format);
    return this;
  }
  clearContent(): this {
    for (const r of this.ranges) r._clearContent();
    return this;
  }
  clearFormat(): this {
    for (const r of this.ranges) r._clearFormat();
    return this;
  }
  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    for (const r of this.ranges) {
      if (!options?.formatOnly) r._clearContent();
      if (!options?.contentsOnly) r._clearFormat();
    }
    return this;
  }
  setFontWeight(fontWeight: string | null): this {
    for (const r of this.ranges) r._setFontWeight(fontWeight);
    return this;
  }
  setBackground(color: string | null): this {
    for (const r of this.ranges) r._setBackground(color);
    return this;
  }
  setFontColor(color: string | null): this {
    for (const r of this.ranges) r._setFontColor(color);
    return this;
  }
}

export const RANGE_LIST_METHODS = [
  'getRanges',
  'setValue',
  'setNumberFormat',
  'clearContent',
  'clearFormat',
  'clear',
  'setFontWeight',
  'setBackground',
  'setFontColor',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.RangeList)[];

defineGas(LocalRangeList, 'RangeList', RANGE_LIST_METHODS);
