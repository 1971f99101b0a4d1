// An .xlsx export file as grids, one per worksheet, values as SpreadsheetApp's getValues gives them.
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import type { CellValue, Grid } from '../src/core/types';
import { fromExcel } from './excel-value';
import { FileError } from './file-check';
import type { ExportSheet } from './files';

function worksheetGrid(ws: ExcelJS.Worksheet, timeZone: string): Grid {
  const rows: CellValue[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      values[c - 1] = fromExcel(cell.value, timeZone).value;
    });
    rows[n - 1] = values;
    width = Math.max(width, values.length);
  });
  // Rectangular, like getDataRange().getValues(): blanks are ''.
  const grid: Grid = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] ?? [];
    const out = new Array<CellValue>(width);
    for (let j = 0; j < width; j++) out[j] = r[j] ?? '';
    grid[i] = out;
  }
  return grid;
}

export async function readXlsx(path: string, timeZone: string): Promise<ExportSheet[]> {
  // Loaded when an XLSX is read: the CSV path (and its worker threads) never pays for it.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new FileError('xlsx', path, e instanceof Error ? e.message : String(e));
  }
  return wb.worksheets.map((ws) => ({
    name: `${basename(path)} › ${ws.name}`,
    grid: worksheetGrid(ws, timeZone),
  }));
}
