// TextFinder (Range/Sheet/Spreadsheet.createTextFinder): Sheets searches the cells itself, so finding one
// key costs a call and moves no cells. Modelled on Google's reference for the class:
// - matches the cell's displayed value (a formula cell by its shown value unless matchFormulaText(true));
// - case-insensitive and partial (a substring) unless matchCase(true) / matchEntireCell(true);
// - useRegularExpression(true) reads findText as a regular expression (entire cell: the whole text must
//   match); ignoreDiacritics(true) compares letters without their accents;
// - findAll() gives every matching cell as a one-cell Range, row by row within a sheet, sheets in order;
//   findNext()/findPrevious() step from the current match (or from just after startFrom's range) and give
//   null past the last (first) match; getCurrentMatch() is the match the last step landed on;
// - replaceAllWith(text) / replaceWith(text) replace the matched text (the whole cell with
//   matchEntireCell) and return the number of occurrences replaced.
import { type CellValue, parseWritten } from './cells';
import { defineGas, GasObject } from './counter';
import { displayValue } from './numfmt';
import { LocalRange, signatureError } from './range';
import type { LocalSheet } from './sheet';

/** A rectangle of one sheet, 1-based, searched row by row. */
export interface SearchArea {
  sheet: LocalSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

interface Position {
  area: number;
  row: number;
  col: number;
}

const DIACRITICS = /\p{M}+/gu;

export class LocalTextFinder extends GasObject {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  private formulaText = false;
  private noDiacritics = false;
  /** Where the next findNext starts looking (exclusive); null: from the start. */
  private cursor: Position | null = null;
  private current: Position | null = null;

  constructor(
    counter: GasObject['_counter'],
    private readonly areas: () => SearchArea[],
    private readonly findText: string,
  ) {
    super(counter);
    if (typeof findText !== 'string') throw signatureError('TextFinder.createTextFinder', findText);
  }

  matchCase(matchCase: boolean): this {
    this.caseSensitive = Boolean(matchCase);
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): this {
    this.entireCell = Boolean(matchEntireCell);
    return this;
  }
  useRegularExpression(useRegEx: boolean): this {
    this.regex = Boolean(useRegEx);
    return this;
  }
  matchFormulaText(matchFormulaText: boolean): this {
    this.formulaText = Boolean(matchFormulaText);
    return this;
  }
  ignoreDiacritics(ignoreDiacritics: boolean): this {
    this.noDiacritics = Boolean(ignoreDiacritics);
    return this;
  }
  startFrom(startRange: LocalRange): this {
    if (!(startRange instanceof LocalRange)) throw signatureError('TextFinder.startFrom', startRange);
    const areas = this.areas();
    const area = areas.findIndex((a) => a.sheet === startRange.sheet);
    // Searching resumes right after the range's last cell.
    this.cursor = {
      area: Math.max(0, area),
      row: startRange.row + startRange.numRows - 1,
      col: startRange.col + startRange.numCols - 1,
    };
    this.current = null;
    return this;
  }

  findAll(): LocalRange[] {
    const out: LocalRange[] = [];
    this.scan((p, area) => {
      out.push(new LocalRange(area.sheet, p.row, p.col, 1, 1));
      return false;
    });
    return out;
  }

  findNext(): LocalRange | null {
    const all = this.positions();
    const from = this.cursor;
    const next = from === null ? all[0] : all.find((p) => compare(p, from) > 0);
    return this.land(next ?? null);
  }

  findPrevious(): LocalRange | null {
    const all = this.positions();
    const from = this.cursor;
    let prev: Position | undefined;
    for (const p of all) if (from !== null && compare(p, from) < 0) prev = p;
    return this.land(prev ?? null);
  }

  getCurrentMatch(): LocalRange | null {
    return this.current === null ? null : this.rangeAt(this.current);
  }

  replaceAllWith(replaceText: string): number {
    if (typeof replaceText !== 'string') throw signatureError('TextFinder.replaceAllWith', replaceText);
    let replaced = 0;
    this.scan((p, area) => {
      replaced += this.replaceAt(area.sheet, p, replaceText);
      return false;
    });
    return replaced;
  }

  replaceWith(replaceText: string): number {
    if (typeof replaceText !== 'string') throw signatureError('TextFinder.replaceWith', replaceText);
    if (this.current === null) return 0;
    const area = this.areas()[this.current.area];
    return area ? this.replaceAt(area.sheet, this.current, replaceText) : 0;
  }

  // ---- internals (not visible to bundles, not counted) ----

  private land(p: Position | null): LocalRange | null {
    if (p === null) return null;
    this.current = p;
    this.cursor = p;
    return this.rangeAt(p);
  }

  private rangeAt(p: Position): LocalRange | null {
    const area = this.areas()[p.area];
    return area ? new LocalRange(area.sheet, p.row, p.col, 1, 1) : null;
  }

  private positions(): Position[] {
    const out: Position[] = [];
    this.scan((p) => {
      out.push(p);
      return false;
    });
    return out;
  }

  /** Visits every matching cell in search order; `visit` returns true to stop. */
  private scan(visit: (p: Position, area: SearchArea) => boolean): void {
    const test = this.matcher();
    this.areas().forEach((area, a) => {
      const { sheet } = area;
      const lastRow = Math.min(area.row + area.numRows - 1, sheet._lastRow());
      const lastCol = area.col + area.numCols - 1;
      for (let r = area.row; r <= lastRow; r++) {
        for (let c = area.col; c <= lastCol; c++) {
          const text = this.cellText(sheet, r, c);
          if (text !== null && test(text) && visit({ area: a, row: r, col: c }, area)) return;
        }
      }
    });
  }

  /** What the search sees in a cell: its displayed value (or formula), null when the cell is empty. */
  private cellText(sheet: LocalSheet, r: number, c: number): string | null {
    const formula = sheet.formulas.get(r - 1, c - 1);
    if (formula !== undefined && this.formulaText) return formula;
    const v: CellValue | undefined = sheet.values.get(r - 1, c - 1);
    if (v === undefined) return null;
    const ss = sheet.spreadsheet;
    return displayValue(v, sheet.formats.get(r - 1, c - 1), ss.timeZone, ss.locale, ss.defaultDateFormat());
  }

  private fold(s: string): string {
    let out = this.caseSensitive ? s : s.toLowerCase();
    if (this.noDiacritics) out = out.normalize('NFD').replace(DIACRITICS, '');
    return out;
  }

  private pattern(global: boolean): RegExp {
    const flags = `${this.caseSensitive ? '' : 'i'}${global ? 'g' : ''}`;
    try {
      if (this.regex) return new RegExp(this.entireCell ? `^(?:${this.findText})$` : this.findText, flags);
    } catch {
      throw new Error(`Invalid regular expression: ${this.findText}`);
    }
    const literal = this.fold(this.findText).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(this.entireCell ? `^${literal}$` : literal, flags);
  }

  private matcher(): (text: string) => boolean {
    if (this.findText === '') return () => false;
    const re = this.pattern(false);
    if (this.regex) return (text) => re.test(this.noDiacritics ? this.fold(text) : text);
    const needle = this.fold(this.findText);
    return this.entireCell
      ? (text) => this.fold(text) === needle
      : (text) => this.fold(text).includes(needle);
  }

  /** Replaces the match(es) in one cell; the new text is written as setValue would write it. */
  private replaceAt(sheet: LocalSheet, p: Position, replaceText: string): number {
    const text = this.cellText(sheet, p.row, p.col);
    if (text === null) return 0;
    let count = 0;
    let next: string;
    if (this.entireCell) {
      count = 1;
      next = replaceText;
    } else if (this.regex) {
      next = text.replace(this.pattern(true), () => {
        count++;
        return replaceText;
      });
    } else {
      // Plain text: every (case-folded) occurrence, found in the folded text, replaced in the original.
      const folded = this.fold(text);
      const needle = this.fold(this.findText);
      let out = '';
      let at = 0;
      for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
        out += text.slice(at, i) + replaceText;
        at = i + needle.length;
        count++;
      }
      next = out + text.slice(at);
    }
    if (count === 0) return 0;
    const written = parseWritten(next, sheet.formats.get(p.row - 1, p.col - 1));
    sheet.values.set(p.row - 1, p.col - 1, written.value);
    sheet.formulas.set(p.row - 1, p.col - 1, written.formula);
    return count;
  }
}

function compare(a: Position, b: Position): number {
  return a.area - b.area || a.row - b.row || a.col - b.col;
}

export const TEXT_FINDER_METHODS = [
  'findAll',
  'findNext',
  'findPrevious',
  'getCurrentMatch',
  'ignoreDiacritics',
  'matchCase',
  'matchEntireCell',
  'matchFormulaText',
  'replaceAllWith',
  'replaceWith',
  'startFrom',
  'useRegularExpression',
] as const satisfies readonly (keyof GoogleAppsScript.Spreadsheet.TextFinder)[];

defineGas(LocalTextFinder, 'TextFinder', TEXT_FINDER_METHODS);
