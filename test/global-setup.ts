// Builds dist/ once for the whole run, before any test file starts: every test then reads the same
// bundle and pages we deploy, and no file rebuilds dist/ while another reads it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, ['build.mjs'], { cwd: join(import.meta.dirname, '..'), stdio: 'pipe' });
}
