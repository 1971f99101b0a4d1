// `npm run kenali`: the CLI (local/cli/main.ts) from a bundle that esbuild makes on first use, and again
// whenever one of its sources has changed since. A run then starts without a TypeScript loader, and a big
// CSV's worker threads without bundling their code first. `node --import tsx local/cli/main.ts` runs the
// same CLI from the sources. The bundle lives in node_modules/.cache/kenali-cli (never committed).
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = join(ROOT, 'node_modules', '.cache', 'kenali-cli');
const STAMP = 'inputs.json';

/** Whether the bundle is there and no source of it changed after it was made. */
function fresh() {
  try {
    const { built, inputs } = JSON.parse(readFileSync(join(CACHE, STAMP), 'utf8'));
    return inputs.every((p) => statSync(join(ROOT, p)).mtimeMs < built);
  } catch {
    return false;
  }
}

/** Each module keeps its own import.meta.url, as when run from the sources: the local runtime finds the
 *  repository and its workers' sources from it. */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll(
        'import.meta.url',
        JSON.stringify(pathToFileURL(args.path).href),
      ),
      loader: 'ts',
    }));
  },
};

async function rebuild() {
  const { build } = await import('esbuild');
  const built = Date.now();
  const tmp = `${CACHE}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    metafile: true,
  };
  const cli = await build({
    ...common,
    entryPoints: { cli: join(ROOT, 'local/cli/main.ts') },
    format: 'esm',
    splitting: true, // the workbook commands (exceljs, the local runtime) load only when run
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    external: ['exceljs', 'esbuild'],
    plugins: [ownUrls],
  });
  const worker = await build({
    ...common,
    entryPoints: [join(ROOT, 'local/cli/parse-worker.ts')],
    format: 'cjs',
    outfile: join(tmp, 'parse-worker.cjs'),
    external: ['exceljs'],
  });
  const inputs = [...Object.keys(cli.metafile.inputs), ...Object.keys(worker.metafile.inputs)].filter(
    (p, i, all) => !p.startsWith('node_modules') && all.indexOf(p) === i,
  );
  writeFileSync(join(tmp, STAMP), JSON.stringify({ built, inputs }));
  // Another run may have made it meanwhile: the last one made stays.
  mkdirSync(dirname(CACHE), { recursive: true });
  rmSync(CACHE, { recursive: true, force: true });
  try {
    renameSync(tmp, CACHE);
  } catch {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (!fresh()) await rebuild();
process.env.KENALI_CSV_WORKER = join(CACHE, 'parse-worker.cjs');
const { runFromProcess } = await import(pathToFileURL(join(CACHE, 'cli.mjs')).href);
await runFromProcess();
