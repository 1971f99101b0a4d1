// `npm run deploy` / `npm run deploy:prod`: after `npm test` passed (it builds dist/), push dist/ with clasp
// to the dev or prod script named in .clasp-<target>.json (as google/aside keeps one file per target).
// Refuses a project file that still holds the placeholder, instead of clasp's less helpful error.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const target = process.argv[2] === 'prod' ? 'prod' : 'dev';
const project = `.clasp-${target}.json`;
const { scriptId } = JSON.parse(readFileSync(project, 'utf8'));
// Script IDs are long base64url strings; the file we ship holds a placeholder in capitals.
if (!/^[\w-]{30,}$/.test(scriptId ?? '') || /PASTE/.test(scriptId)) {
  console.error(`${project}: put your Apps Script project's Script ID in "scriptId" (see README, Deploy).`);
  process.exit(2);
}
try {
  execFileSync('npx', ['clasp', '--project', project, 'push'], { stdio: 'inherit' });
} catch (e) {
  process.exit(typeof e.status === 'number' ? e.status : 1); // clasp printed why
}
