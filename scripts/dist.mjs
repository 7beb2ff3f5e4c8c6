// `npm run dist`: builds the app, rebuilds native modules for Electron and packages installers.
// Needs internet: electron-builder downloads the Electron runtime and headers.
import { spawnSync } from 'node:child_process';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', 'build']);
run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
