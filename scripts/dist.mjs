// `npm run dist`: builds the app, rebuilds the SQLite driver for Electron, and packages installers
// (electron-builder.yml: Windows NSIS + portable on Windows, deb + AppImage on Linux).
// Needs internet: electron-builder downloads the Electron runtime, @electron/rebuild its headers.
// Extra arguments go to electron-builder, e.g. `npm run dist -- --win --x64 --publish never`.
//
// Only better-sqlite3-multiple-ciphers is rebuilt (it is compiled against Electron's ABI). node-hid
// and serialport ship N-API prebuilds that load in Electron as they are. Afterwards the driver is
// rebuilt for Node again, so `npm test` and the CLI keep working in this checkout.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const SQLITE = 'better-sqlite3-multiple-ciphers';

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}
function must(command, args) {
  const status = run(command, args);
  if (status !== 0) process.exit(status);
}

must('npm', ['run', 'build']);
must('npx', ['electron-rebuild', '--version', electronVersion, '--only', SQLITE, '--force']);
const packaged = run('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)]);
const restored = run('npm', ['rebuild', SQLITE]);
if (restored !== 0) console.error(`Could not rebuild ${SQLITE} for Node: run "npm rebuild ${SQLITE}" before "npm test".`);
process.exit(packaged || restored);
