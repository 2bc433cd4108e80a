/**
 * One police.uk import in a process of its own, so its peak memory is its own:
 * `node --import tsx police-import-child.ts FILE DB` prints
 * { "ms", "maxRssMb", "rowsRead" } as JSON on stdout.
 */
import { performance } from 'node:perf_hooks';
import { importPolice } from '../../db/imports/police/import-police';
import { openDatabase } from '../../db/open-database';
import { localWriter } from '../../db/writer';

const [file, path] = process.argv.slice(2);
if (!file || !path) throw new Error('usage: police-import-child.ts FILE DB');
const database = await openDatabase(path);
try {
  const start = performance.now();
  const result = await importPolice(database.db, localWriter('bench'), { path: file });
  const ms = performance.now() - start;
  process.stdout.write(
    `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rowsRead: result.rowsRead })}\n`,
  );
} finally {
  await database.close();
}
