// Runs bench/peers/segment.sql in DuckDB (npm `@duckdb/node-api`, installed by hand with `npm i --no-save`:
// never a dependency of Kenali, CI does not install it). Plain JavaScript: no TypeScript loader is timed
// with it. Exit code 3 with a message when the module is missing, so the bench can skip this peer.
//   node bench/peers/duckdb.mjs EXPORT.csv OUT.csv YYYY-MM-DD [IANA zone]
import { readFileSync } from 'node:fs';

const DUCKDB_MODULE = '@duckdb/node-api';
const DUCKDB_MISSING = 3;

/** A SQL string literal. */
const literal = (s) => `'${s.replaceAll("'", "''")}'`;

async function main(argv) {
  const [path, out, today, zone = 'Asia/Jakarta'] = argv;
  let duckdb;
  try {
    duckdb = await import(DUCKDB_MODULE);
  } catch {
    process.stderr.write(`${DUCKDB_MODULE} is not installed (npm i --no-save ${DUCKDB_MODULE}@1.5.6-r.1)\n`);
    process.exitCode = DUCKDB_MISSING;
    return;
  }
  const values = { path, out, today, zone };
  const sql = readFileSync(new URL('./segment.sql', import.meta.url), 'utf8').replace(
    /\{\{(\w+)\}\}/g,
    (_, k) => literal(values[k]),
  );
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(sql);
  connection.closeSync();
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
