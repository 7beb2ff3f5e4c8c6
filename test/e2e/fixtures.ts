import { test as base, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_FIXTURE = join('..', 'shared', 'fixtures', 'verification', 'registry.csv');

/** The app served by the real web host (built output) on a fresh database, per test; `seedRegistry` imports the sample extract first. */
export const test = base.extend<{ appUrl: string; dataDir: string; seedRegistry: boolean }>({
  seedRegistry: [false, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'doichieu-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  appUrl: async ({ dataDir, seedRegistry }, use) => {
    if (seedRegistry) {
      const seeded = spawnSync(
        process.execPath,
        ['out/main/cli.cjs', 'registry', 'import', REGISTRY_FIXTURE, '--db', join(dataDir, 'e2e.sqlite')],
        { encoding: 'utf8' },
      );
      if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);
    }
    const child: ChildProcess = spawn(
      process.execPath,
      ['out/main/serve.cjs', '--db', join(dataDir, 'e2e.sqlite'), '--port', '0', '--renderer', 'out/renderer'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`web host did not start: ${output}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${output}`)));
    });
    await use(url);
    child.kill('SIGTERM');
  },
});

export { expect };
