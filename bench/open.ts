/**
 * Opening in constant time (issue 18): `openDatabase` on the large registry beside the same on an
 * empty database made in the same run, and a whole CLI command (`registry find`, a process each:
 * module loading, opening, the look-up) on both, as it ships: `out/main/cli.cjs` from `npm run build:main`
 * (run from source, tsx's compiling took 1.5–2.8 s a process and drowned the difference).
 * Rounds alternate the two files, which goes first alternating too; medians compared.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/main/db/open-database';

/** The CLI as it ships: `out/main/cli.cjs`, built by the project's own script (`npm run build:main`). */
function bundledCli(): string {
  const built = spawnSync(process.execPath, [join('scripts', 'build-main.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`build:main failed: ${built.stderr}`);
  return join('out', 'main', 'cli.cjs');
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function openOnce(file: string): number {
  const t = performance.now();
  const opened = openDatabase(file);
  const ms = performance.now() - t;
  if (!opened.ok) throw new Error(opened.problem.key);
  opened.value.close();
  return ms;
}

function cliFind(cli: string, file: string, id: string): number {
  const t = performance.now();
  const run = spawnSync(process.execPath, [cli, 'registry', 'find', id, '--db', file, '--json'], { encoding: 'utf8' });
  const ms = performance.now() - t;
  if (run.status !== 0) throw new Error(`registry find failed: ${run.stderr}`);
  return ms;
}

/** Open and CLI start-up times on `largeFile` beside an empty database made in `work`. */
export function benchOpen(largeFile: string, residents: number, work: string): Record<string, unknown> {
  const emptyFile = join(work, 'empty.sqlite');
  openOnce(emptyFile);
  const opened = openDatabase(largeFile);
  if (!opened.ok) throw new Error(opened.problem.key);
  const id = opened.value
    .prepare('SELECT personal_id FROM residents WHERE id = (SELECT max(id) / 2 FROM residents)')
    .pluck()
    .get() as string;
  opened.value.close();
  const large: number[] = [];
  const empty: number[] = [];
  for (let round = 0; round < 7; round++) {
    large.push(openOnce(largeFile));
    empty.push(openOnce(emptyFile));
  }
  const cli = bundledCli();
  const cliLarge: number[] = [];
  const cliEmpty: number[] = [];
  for (let round = 0; round < 7; round++) {
    if (round % 2 === 0) cliLarge.push(cliFind(cli, largeFile, id));
    cliEmpty.push(cliFind(cli, emptyFile, id));
    if (round % 2 === 1) cliLarge.push(cliFind(cli, largeFile, id));
  }
  const overhead = median(large) - median(empty);
  const cliOverhead = median(cliLarge) - median(cliEmpty);
  return {
    bench: 'open',
    residents,
    openMs: Number(median(large).toFixed(1)),
    baselineEmptyOpenMs: Number(median(empty).toFixed(1)),
    overheadMs: Number(overhead.toFixed(1)),
    cliFindMs: Math.round(median(cliLarge)),
    baselineCliFindEmptyMs: Math.round(median(cliEmpty)),
    cliOverheadMs: Math.round(cliOverhead),
    runs: { open: large.length, cli: cliLarge.length },
    target: 'overhead < 300 ms (open and the whole CLI command)',
    met: overhead < 300 && cliOverhead < 300,
  };
}
