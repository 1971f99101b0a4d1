// What the CLI prints. Text from exports (usernames, addresses, cells quoted in problem reasons) is
// untrusted: control characters could move the cursor or recolour the terminal, so they are replaced.
import { t } from '../../src/core/text';
import type { Lang, Problem } from '../../src/core/types';
import type { FileError } from '../files';

// C0 controls except tab, DEL, C1 controls (ESC and CSI start terminal sequences), bidi overrides.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Untrusted text made safe for a terminal line: controls → �, line breaks → space. */
export function termSafe(s: string): string {
  return s.replace(/\r\n|\r|\n/g, ' ').replace(CONTROL, '\ufffd');
}

/** Same, keeping line breaks (multi-line messages from the product). */
export function termSafeLines(s: string): string {
  return s
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(CONTROL, '\ufffd'))
    .join('\n');
}

export const MAX_PROBLEMS_SHOWN = 20;

/** The problems, capped, as lines for stderr (empty when there are none). */
export function problemLines(problems: readonly Problem[], lang: Lang, max = MAX_PROBLEMS_SHOWN): string[] {
  if (problems.length === 0) return [];
  const tx = t('cli', lang).problems;
  const lines = [tx.header(problems.length)];
  for (const p of problems.slice(0, max)) lines.push(termSafe(tx.line(p)));
  if (problems.length > max) lines.push(tx.more(problems.length - max));
  return lines;
}

/** A FileError in the seller's words. */
export function fileErrorMessage(e: FileError, lang: Lang): string {
  const tx = t('cli', lang).files;
  switch (e.kind) {
    case 'missing':
      return tx.missing(e.path);
    case 'directory':
      return tx.directory(e.path);
    case 'unreadable':
      return tx.unreadable(e.path, e.detail);
    case 'extension':
      return tx.extension(e.path);
    case 'xlsx':
      return tx.xlsx(e.path, e.detail);
    case 'encoding': {
      const refused = e.refused ?? { encoding: 'UTF-16 LE' as const, bom: false };
      return tx.encoding(e.path, t('upload', lang).encodingRefused(refused.encoding, refused.bom));
    }
  }
}
