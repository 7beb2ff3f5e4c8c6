#!/usr/bin/env node
// The `doichieu` command: the built CLI when present, else the TypeScript source through tsx.
const { existsSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'cli.cjs');
if (existsSync(built)) {
  require(built).runFromProcess();
} else {
  const source = join(__dirname, '..', 'src', 'main', 'cli.ts');
  const result = spawnSync(process.execPath, ['--import', 'tsx', source, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
