// The segment history sheet: the history table (one row per run date), the from → to matrix of the last
// run beside it, and a line chart of segment sizes over runs. A few calls whatever the number of customers;
// the history is capped (HISTORY_CAP rows), so its reads are bounded too.
import {
  HISTORY_CAP,
  HISTORY_WIDTH,
  historyGrid,
  historyHeader,
  matrixGrid,
  mergeHistory,
  previousRunDate,
  readHistory,
} from '../core/history';
import type { buildSegmentsSheet } from '../core/segments';
import { t } from '../core/text';
import type { Env } from './context';

type Content = ReturnType<typeof buildSegmentsSheet>;

/** First column of the matrix: one blank column right of the history. */
const MATRIX_COL = HISTORY_WIDTH + 2;

export function writeHistory(env: Env, content: Content): void {
  const { ss, lang } = env;
  const tx = t('history', lang);
  const sheet = ss.getSheetByName(tx.sheet) ?? ss.insertSheet(tx.sheet);
  const lastRow = sheet.getLastRow();
  const old =
    lastRow > 0 ? sheet.getRange(1, 1, Math.min(lastRow, HISTORY_CAP + 1), HISTORY_WIDTH).getValues() : [];
  const before = readHistory(old);
  const rows = mergeHistory(before, content.run);
  const latest = rows[rows.length - 1].date === content.run.date;

  // Text dates ('YYYY-MM-DD'), as in the CLI: the same in every zone, and sorted as text.
  const values = [historyHeader(lang), ...historyGrid(rows)];
  const range = sheet.getRange(1, 1, values.length, HISTORY_WIDTH);
  range.setNumberFormats(values.map((r) => r.map((_, j) => (j === 0 ? '@' : '0'))));
  range.setValues(values);
  sheet.getRange(1, 1, 1, HISTORY_WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(1);

  // The matrix and the chart tell of the latest run: an older-date run leaves them as they are.
  if (!latest) return;
  if (content.matrix) {
    const m = matrixGrid(content.matrix, lang);
    const from = previousRunDate(before, content.run.date);
    const titles = [[tx.matrixTitle(from, content.run.date)], [tx.alarmNote]];
    sheet.getRange(1, MATRIX_COL, 2, 1).setValues(titles);
    const block = sheet.getRange(3, MATRIX_COL, m.values.length, m.values[0].length);
    block.setValues(m.values);
    block.setBackgrounds(m.backgrounds);
    sheet.getRange(1, MATRIX_COL, 1, 1).setFontWeight('bold');
    sheet.setColumnWidth(MATRIX_COL, 190);
  }
  for (const c of sheet.getCharts()) sheet.removeChart(c);
  const chart = sheet
    .newChart()
    .setChartType(Charts.ChartType.LINE)
    .addRange(sheet.getRange(1, 1, values.length, HISTORY_WIDTH))
    .setOption('title', tx.chartTitle)
    .setOption('useFirstColumnAsDomain', true)
    .setPosition(18, MATRIX_COL, 0, 0)
    .build();
  sheet.insertChart(chart);
}
