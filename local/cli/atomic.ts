// Every file the CLI writes goes through a temporary file beside it and a rename: a crash or an error
// mid-write never leaves a half-written file where the seller looks, and the old file stays until then.
import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { t } from '../../src/core/text';
import type { Lang } from '../../src/core/types';
import { CliError } from './args';

export const errorReason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Writes `path` by `write(tmp)` and a rename; on failure the temporary file is removed and a CliError
 *  names `path`. Returns what `write` returns (the rename keeps a file's size, times and inode). */
export async function writeThroughTemp<T>(
  path: string,
  lang: Lang,
  write: (tmp: string) => T | Promise<T>,
): Promise<T> {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const r = await write(tmp);
    renameSync(tmp, path);
    return r;
  } catch (e) {
    if (existsSync(tmp)) unlinkSync(tmp);
    // The temp file is ours, not the seller's: name the file they asked for.
    throw new CliError(t('cli', lang).files.writeFailed(path, errorReason(e).split(tmp).join(path)));
  }
}
