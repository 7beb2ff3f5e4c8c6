// `npm run serve`: the app in a browser, through the web host on 127.0.0.1.
import { spawn } from 'node:child_process';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
const child = spawn(process.execPath, ['out/main/serve.cjs', '--renderer', 'out/renderer', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
