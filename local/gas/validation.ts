// Data validation (Class DataValidation), as far as Kenali meets it: a rule is an opaque value that a
// script reads from one range and sets on another (the seller's checkbox column carried across a
// segmentation), and Range.insertCheckboxes makes one. The criteria are kept, not enforced.
import { type CallCounter, defineGas, GasObject } from './counter';

export class LocalDataValidation extends GasObject {
  constructor(
    counter: CallCounter,
    private readonly criteria: string,
    private readonly values: readonly unknown[],
  ) {
    super(counter);
  }
  getCriteriaType(): string {
    return this.criteria;
  }
  getCriteriaValues(): unknown[] {
    return [...this.values];
  }
}

defineGas(LocalDataValidation, 'DataValidation', ['getCriteriaType', 'getCriteriaValues']);
