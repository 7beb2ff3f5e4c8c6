import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/dispatch';
import { soundFile } from '../../src/main/db/integrity';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { tempApp } from '../helpers/app';
import { cliWithEnv } from '../helpers/cli';
import { REGISTRY_CSV, tempDir } from '../helpers/paths';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function cli(env: Record<string, string>, ...argv: string[]) {
  const run = await cliWithEnv(env, ...argv, '--json');
  return { code: run.code, stderr: run.stderr, value: run.stdout ? (JSON.parse(run.stdout) as Record<string, unknown>) : null };
}

describe('backups', () => {
  it('copy the encrypted database to a folder, check the copy, preview it and restore it', async () => {
    const env = { DOICHIEU_KEY: 'khóa xã', DOICHIEU_DB: join(dir, 'xa.sqlite') };
    expect((await cli(env, 'registry', 'import', REGISTRY_CSV)).code).toBe(0);
    const usb = join(dir, 'usb');
    const made = await cli(env, 'backup', 'create', '--out', usb);
    expect(made.code).toBe(0);
    const file = made.value!.file as string;
    expect(file).toMatch(/doichieu-sao-luu-\d{8}-\d{6}\.sqlite$/);
    expect(readFileSync(file).includes(Buffer.from('Ma Thị Thoa'))).toBe(false); // still encrypted
    const preview = await cli(env, 'backup', 'check', file);
    expect(preview.value).toMatchObject({ residents: 3016, lists: 0, schemaVersion: expect.any(Number) });

    // The data changes after the backup; restoring brings back the backed-up state.
    // The keyring goes with the copy: without it, nobody could open the encrypted backup.
    expect(readdirSync(usb).sort()).toEqual([basename(file), `${basename(file)}.keys.json`]);
    const opened = openWithPassphrase(env.DOICHIEU_DB, env.DOICHIEU_KEY);
    if (!opened.ok) throw new Error(opened.problem.key);
    opened.value.db.prepare("DELETE FROM residents WHERE personal_id = '008198223458'").run();
    opened.value.db.close();
    expect((await cli(env, 'backup', 'restore', file)).code).toBe(0);
    const found = await cli(env, 'registry', 'find', '008198223458');
    expect(found.value).toMatchObject([{ fullName: 'Ma Thị Thoa' }]);
    expect(readdirSync(dir).some((f) => f.includes('truoc-khi-khoi-phuc'))).toBe(false);
  });

  it('refuse a damaged copy, and the quick check reports a damaged database', async () => {
    const env = { DOICHIEU_DB: join(dir, 'plain.sqlite') };
    await cli(env, 'registry', 'import', REGISTRY_CSV);
    const made = await cli(env, 'backup', 'create', '--out', join(dir, 'usb'));
    const file = made.value!.file as string;
    const bytes = readFileSync(file);
    // Scribble over a page in the middle of the copy.
    bytes.fill(0x5a, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    writeFileSync(file, bytes);
    const checked = await cli({}, 'backup', 'check', file);
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/bị hỏng/);
    expect((await cli(env, 'backup', 'restore', file)).code).toBe(1);
    // Opening checks nothing whole (constant time, issue 18); the quick check, run in the background by the app, finds it.
    expect(soundFile(file, null)).toMatchObject({ ok: false, problem: { key: 'db.damaged' } });
    // The live database was left alone.
    expect((await cli(env, 'registry', 'find', '008198223458')).value).toMatchObject([{ fullName: 'Ma Thị Thoa' }]);
  });

  it('run on demand from the settings, into the chosen folder', async () => {
    const { app, cleanup: done } = tempApp();
    try {
      const call = (channel: string, request: unknown) => dispatch(app.ctx, app.handlers, channel, request);
      expect(await call('backup-now', {})).toMatchObject({
        ok: false,
        error: { message: 'Chưa chọn thư mục sao lưu (trang Cài đặt).' },
      });
      await call('backup-set-folder', { folder: join(dir, 'usb') });
      const state = await call('backup-now', {});
      expect(state).toMatchObject({ ok: true, value: { folder: join(dir, 'usb'), lastBackupAt: expect.any(String) } });
      expect(readdirSync(join(dir, 'usb'))).toHaveLength(1);
    } finally {
      done();
    }
  });
});
