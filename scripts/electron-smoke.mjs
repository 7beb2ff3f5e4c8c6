// `npm run test:electron`: the smoke test on the real Electron app (test/electron/smoke.spec.ts).
// It needs the Electron runtime: the packaged app named by DOICHIEU_ELECTRON_APP (CI, after
// `npm run dist`), else node_modules/electron's downloaded runtime (with `npm run build` done).
// Where neither exists (an offline machine: the runtime downloads from the internet on first use),
// it says plainly that the smoke test was SKIPPED, and why, rather than passing silently.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function electronRuntime() {
  if (process.env.DOICHIEU_ELECTRON_APP)
    return existsSync(process.env.DOICHIEU_ELECTRON_APP) ? process.env.DOICHIEU_ELECTRON_APP : null;
  const pathFile = join('node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const runtime = electronRuntime();
if (runtime === null) {
  console.log(
    [
      '',
      'KIỂM THỬ KHÓI ELECTRON: BỎ QUA — máy này chưa có Electron runtime (node_modules/electron/dist),',
      'runtime được tải từ Internet ở lần dùng đầu. Các kiểm thử khác đã chạy trên Chromium qua web host.',
      'ELECTRON SMOKE TEST: SKIPPED — no Electron runtime here (node_modules/electron/dist is missing;',
      'it downloads from the internet on first use). Set DOICHIEU_ELECTRON_APP to a packaged app to run it.',
      '',
    ].join('\n'),
  );
  process.exit(0);
}
if (!process.env.DOICHIEU_ELECTRON_APP && !existsSync(join('out', 'main', 'main.cjs'))) {
  console.error('Run "npm run build" first: the smoke test starts out/main/main.cjs.');
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.electron.config.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, DOICHIEU_ELECTRON_RUNTIME: runtime },
});
process.exit(result.status ?? 1);
