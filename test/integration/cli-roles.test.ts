/**
 * Roles everywhere (issue 19): the CLI acts as the user whose password opened the database and goes
 * through the app's role table before a command runs; a refused attempt is in the audit trail under
 * that user's name.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_ACCESS } from '../../src/main/cli/command-access';
import { COMMANDS } from '../../src/main/cli/commands';
import { openWithPassphrase } from '../../src/main/db/open-with-passphrase';
import { cliWithEnv } from '../helpers/cli';
import { REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';

const LIST_XLSX = join(SHARED_FIXTURES, 'verification', 'list.xlsx');
const ADMIN = { DOICHIEU_KEY: 'cum-tu-quan-tri-dai' };
const HEALTH = { DOICHIEU_USER: 'yte', DOICHIEU_KEY: 'mat-khau-yte' };
const CHAIRMAN = { DOICHIEU_USER: 'chutich', DOICHIEU_KEY: 'mat-khau-chutich' };

let dir: string;
let cleanup: () => void;
let db: string;
let backup: string;

function auditRows(): { actor: string | null; action: string; subject: string | null }[] {
  const opened = openWithPassphrase(db, ADMIN.DOICHIEU_KEY);
  if (!opened.ok) throw new Error(opened.problem.key);
  try {
    return opened.value.db.prepare('SELECT actor, action, subject FROM audit_log ORDER BY seq').all() as never;
  } finally {
    opened.value.db.close();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  db = join(dir, 'xa.sqlite');
  const admin = (...argv: string[]) => cliWithEnv(ADMIN, ...argv, '--db', db);
  expect((await admin('registry', 'import', REGISTRY_CSV)).code).toBe(0);
  expect((await admin('list', 'import', LIST_XLSX)).code).toBe(0);
  expect((await admin('list', 'check', '1')).code).toBe(0);
  expect((await admin('list', 'export', '1', '--pdf', join(dir, 'kq.pdf'), '--partial', '--signer', 'Hoàng Văn Chủ')).code).toBe(
    0,
  );
  const made = await admin('backup', 'create', '--out', join(dir, 'sao-luu'), '--json');
  expect(made.code).toBe(0);
  backup = (JSON.parse(made.stdout) as { file: string }).file;
  for (const [name, role] of [
    ['yte', 'health'],
    ['chutich', 'chairman'],
  ] as const) {
    const add = await cliWithEnv(
      { ...ADMIN, DOICHIEU_PASSWORD: `mat-khau-${name}` },
      'user',
      'add',
      name,
      '--role',
      role,
      '--name',
      name === 'yte' ? 'Trần Thị Y' : 'Hoàng Văn Chủ',
      '--db',
      db,
    );
    expect(add.code).toBe(0);
  }
}, 180_000);
afterAll(() => cleanup());

describe('the command line’s role check', () => {
  it('names every command in one table', () => {
    expect(COMMANDS.map((c) => c.name).filter((name) => COMMAND_ACCESS[name] === undefined)).toEqual([]);
  });

  it('refuses the health officer what the app refuses them, and audits each attempt under their name', async () => {
    const health = (env: Record<string, string>, ...argv: string[]) => cliWithEnv({ ...HEALTH, ...env }, ...argv, '--db', db);
    const ack = join(dir, 'phan-hoi.json');
    writeFileSync(ack, JSON.stringify({ packageId: 'bat-ky', results: [] }));
    const attempts: [string, Promise<{ code: number; stderr: string }>][] = [
      ['user add', health({ DOICHIEU_PASSWORD: 'mat-khau-ke-xau' }, 'user', 'add', 'evil', '--role', 'admin')],
      ['backup restore', health({}, 'backup', 'restore', backup)],
      ['doc sign', health({}, 'doc', 'sign', '1/DS-UBND', '--version', '1')],
      ['package ack', health({}, 'package', 'ack', ack)],
      ['package key', health({}, 'package', 'key', 'A'.repeat(43) + '=')],
    ];
    for (const [command, attempt] of attempts) {
      const run = await attempt;
      expect(run.code, command).toBe(1);
      expect(run.stderr).toContain(`Tài khoản "yte" (health) không được chạy lệnh "${command}"`);
    }
    const refused = auditRows().filter((r) => r.action === 'access.refused');
    expect(refused).toEqual(
      attempts.map(([command]) => ({ actor: 'Trần Thị Y (yte)', action: 'access.refused', subject: `cli:${command}` })),
    );
    // Nothing of what was refused happened: no account "evil", the database was not replaced.
    const evil = await cliWithEnv(
      { DOICHIEU_USER: 'evil', DOICHIEU_KEY: 'mat-khau-ke-xau' },
      'registry',
      'find',
      'Ma',
      '--db',
      db,
    );
    expect(evil.code).toBe(1);
    expect(existsSync(`${db}.truoc-khi-khoi-phuc`)).toBe(false);

    // What the role allows runs, and is recorded under the same name.
    expect((await health({}, 'list', 'check', '1')).code).toBe(0);
    expect(auditRows().at(-1)).toMatchObject({ actor: 'Trần Thị Y (yte)', action: 'list.check' });
  }, 180_000);

  it('lets the chairman sign, and refuses the passphrase a signature in the chairman’s place', async () => {
    const asAdmin = await cliWithEnv(ADMIN, 'doc', 'sign', '1/DS-UBND', '--version', '1', '--db', db);
    expect(asAdmin).toMatchObject({ code: 1, stderr: expect.stringMatching(/DOICHIEU_USER/) });
    const signed = await cliWithEnv(CHAIRMAN, 'doc', 'sign', '1/DS-UBND', '--version', '1', '--db', db, '--json');
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ signedBy: 'Hoàng Văn Chủ' });
    expect(auditRows().filter((r) => r.action === 'document.signoff')).toEqual([
      { actor: 'Hoàng Văn Chủ (chutich)', action: 'document.signoff', subject: 'document:1' },
    ]);
  }, 120_000);
});
