// A real name as the seller types it: one rule for the sidebar's field and the server's save.
// No imports: the sidebars bundle this file.

/** Longest real name we store: a name, not a note. Counted in code points (an emoji is one). */
export const MAX_NAME_LENGTH = 200;

// Invisible characters a pasted name carries at its ends (zero-width space/joiners, direction marks, word
// joiner, soft hyphen, BOM): trimmed like white space, so a name of nothing else is empty. Inside a name
// they stay (a joiner belongs to an emoji or a script).
const EDGES = /^[\s\u00AD\u200B-\u200F\u2060\uFEFF]+|[\s\u00AD\u200B-\u200F\u2060\uFEFF]+$/g;

/** Trimmed (white space and invisible characters), inner runs of white space (a pasted line break, a tab)
 *  made one space. */
export function normaliseRealName(realName: string): string {
  return realName.replace(/\s+/g, ' ').replace(EDGES, '');
}
