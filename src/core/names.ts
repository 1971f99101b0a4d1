// A real name as the seller types it: one rule for the sidebar's field and the server's save.
// No imports: the sidebars bundle this file.

/** Longest real name we store: a name, not a note. Counted in code points (an emoji is one). */
export const MAX_NAME_LENGTH = 200;

/** Trimmed, inner runs of white space (a pasted line break, a tab) made one space. */
export function normaliseRealName(realName: string): string {
  return realName.replace(/\s+/g, ' ').trim();
}
