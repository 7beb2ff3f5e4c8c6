// `npm run security`: electronegativity over the sources, offline, against the Electron version in
// use. It exits 0 whatever it finds, so its CSV is read here: any HIGH or MEDIUM finding that is not
// an explained exception (security/electronegativity-exceptions.json) fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const electron = require('electron/package.json').version;
const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
const out = join(dir, 'report.csv');
const bin = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
const run = spawnSync(
  process.execPath,
  [bin, '-i', 'src', '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', out],
  {
    encoding: 'utf8',
    timeout: 300_000,
  },
);
let csv;
try {
  csv = readFileSync(out, 'utf8');
} catch {
  process.stderr.write(`electronegativity did not write a report:\n${run.stdout}\n${run.stderr}\n`);
  process.exit(1);
} finally {
  // (the report is read above; the folder goes)
}
rmSync(dir, { recursive: true, force: true });

const exceptions = JSON.parse(readFileSync('security/electronegativity-exceptions.json', 'utf8')).exceptions;
const rows = csv
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => m[2] ?? m[1]);
    return {
      check: cells[0],
      severity: cells[1],
      file: cells[3] === 'N/A' ? 'N/A' : relative(process.cwd(), cells[3]),
      location: cells[4],
      description: cells[6],
    };
  });
const failing = rows.filter(
  (r) => (r.severity === 'HIGH' || r.severity === 'MEDIUM') && !exceptions.some((e) => e.check === r.check && e.file === r.file),
);
for (const r of rows) {
  const excused = !failing.includes(r);
  process.stdout.write(`${excused ? 'ok  ' : 'FAIL'} ${r.severity.padEnd(6)} ${r.check} ${r.file}:${r.location}\n`);
}
if (failing.length > 0) {
  process.stderr.write(
    `${failing.length} electronegativity finding(s) to fix or explain in security/electronegativity-exceptions.json\n`,
  );
  process.exit(1);
}
process.stdout.write(`electronegativity (Electron ${electron}): ${rows.length} finding(s), none HIGH or MEDIUM unexplained\n`);
