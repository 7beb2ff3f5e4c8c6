// Builds the app when the sources are newer than the last build, so `npm start` and `npm run serve`
// work straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = 'out/.build-stamp';

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** Runs `npm run build` unless out/ is newer than src/, the configs and package.json. */
export function ensureBuilt() {
  const inputs = ['src', 'package.json', 'vite.config.ts', 'scripts/build-main.mjs'];
  const newestInput = Math.max(...inputs.map(newestMtime));
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput) return;
  process.stdout.write('Đang chuẩn bị ứng dụng (build)… / Building the app…\n');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], {
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(STAMP, new Date().toISOString());
}
