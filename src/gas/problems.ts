// The problems sheet: what the last import or segmentation could not read, one row per problem.
import { t } from '../core/text';
import type { Problem } from '../core/types';
import type { Env } from './context';
import { writeTable } from './sheets';

/** The problems sheet always reflects the last run that read rows (cleared when there were none). */
export function writeProblems(env: Env, problems: Problem[]): void {
  const tx = t('sheet', env.lang);
  const existing = env.ss.getSheetByName(tx.problemsSheet);
  if (problems.length === 0) {
    if (existing) existing.clearContents();
    return;
  }
  const sheet = existing ?? env.ss.insertSheet(tx.problemsSheet);
  const rows = problems.map((p) => [p.sheet, p.row, p.column, p.reason, tx.severity[p.severity]]);
  writeTable(sheet, [...tx.problemsHeader], rows, ['text', 'integer', 'text', 'text', 'text']);
  sheet.setFrozenRows(1);
}
