// `npm start`: the desktop app in Electron. Where the Electron runtime cannot be had (it is downloaded
// from the internet on first use), say so in one line and serve the same app through the web host.
import { spawn, spawnSync } from 'node:child_process';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
// Resolving 'electron' downloads the runtime when it is missing; do it in a child to catch failure.
const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8' });
const electronPath = probe.status === 0 ? probe.stdout.trim() : null;

let child;
if (electronPath) {
  child = spawn(electronPath, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
} else {
  process.stdout.write(
    'Không tải được Electron (máy không có mạng?): mở ứng dụng trong trình duyệt qua địa chỉ dưới đây. / Electron runtime unavailable: serving the app in the browser instead.\n',
  );
  child = spawn(process.execPath, ['out/main/serve.cjs', '--renderer', 'out/renderer', ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
}
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
