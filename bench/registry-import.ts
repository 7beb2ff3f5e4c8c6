/**
 * Child process of `npm run bench`: imports an extract file (read as a stream) into a database and
 * prints one JSON line with the time and the process's peak memory (the reading worker included),
 * apart from the parent, whose own memory holds the generated residents.
 */
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/main/db/open-database';
import { importExtractFile } from '../src/main/registry/import-extract';

const [dbFile, extractFile] = process.argv.slice(2) as [string, string];
const opened = openDatabase(dbFile, { key: process.env.BENCH_KEY ?? null });
if (!opened.ok) throw new Error(opened.problem.key);
const t = performance.now();
const outcome = await importExtractFile(opened.value, { path: extractFile }, 'extract.csv', {
  skipInvalid: false,
  locale: 'vi',
  now: new Date(),
});
const ms = performance.now() - t;
opened.value.close();
if (!outcome.ok) throw new Error(`import refused: ${outcome.problem.key}`);
if (outcome.value === 'cancelled') throw new Error('import cancelled');
process.stdout.write(
  `${JSON.stringify({ ms, inserted: outcome.value.inserted, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`,
);
