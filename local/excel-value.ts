// One reading of an exceljs cell value, for every path that reads .xlsx (the runtime's workbook, the
// export files the CLI and the preview read): the value as Sheets' getValues gives it, and its formula.
import type ExcelJS from 'exceljs';
import { epochFromWallClock } from '../src/core/time';
import type { CellValue } from '../src/core/types';
import { FORMULA_VALUE } from './gas/cells';

export interface ExcelCell {
  /** '' for a blank cell. */
  value: CellValue;
  /** '=…' when the cell holds a formula. */
  formula?: string;
}

/**
 * exceljs's cell value as Sheets gives it: rich text and links as their text, errors as '#N/A' etc., a
 * formula as its cached result (FORMULA_VALUE without one: the runtime has no formula engine). An .xlsx date
 * has no zone: exceljs returns it as if the wall-clock time were UTC, Sheets the instant that wall-clock
 * time is in the spreadsheet's zone.
 */
export function fromExcel(v: ExcelJS.CellValue, timeZone: string): ExcelCell {
  if (v === null || v === undefined) return { value: '' };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) {
    return { value: Number.isFinite(v.getTime()) ? new Date(epochFromWallClock(v.getTime(), timeZone)) : v };
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const fv = v as ExcelJS.CellFormulaValue & { sharedFormula?: string };
    const value =
      fv.result === undefined ? FORMULA_VALUE : fromExcel(fv.result as ExcelJS.CellValue, timeZone).value;
    return { value, formula: fv.formula ? `=${fv.formula}` : undefined };
  }
  if ('richText' in v && Array.isArray(v.richText)) return { value: v.richText.map((t) => t.text).join('') };
  if ('hyperlink' in v) return fromExcel((v as ExcelJS.CellHyperlinkValue).text, timeZone);
  if ('error' in v) return { value: String((v as ExcelJS.CellErrorValue).error) };
  return { value: String(v) };
}
