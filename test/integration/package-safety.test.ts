/**
 * Update packages under attack and fault (issue 19): an export that cannot be written records
 * nothing and is exported again whole; `package verify` writes nothing into the database it is
 * checked against; acknowledgements are taken only signed by the installed registry key.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/db/open-database';
import { importAck } from '../../src/main/packages/import-ack';
import { registryKeyPair, signedAck, type AckBody } from '../helpers/ack';
import { cli } from '../helpers/cli';
import { withDatabase } from '../helpers/db';
import { PEOPLE } from '../helpers/extract-files';
import { importAndCheck, NOW, seedRegistry } from '../helpers/lists';
import { tempDir } from '../helpers/paths';
import { FIRST_SESSION, resultsWorkbook } from '../helpers/results';

/** The rows a table holds (these tables are the tests' own choice: no outside text reaches the SQL). */
const rowsIn = (db: Db, table: 'packages' | 'package_records' | 'audit_log' | 'documents') =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let dir: string;
let cleanup: () => void;
let dbFile: string;

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  dbFile = join(dir, 'pkg.sqlite');
  const opened = openDatabase(dbFile);
  if (!opened.ok) throw new Error(opened.problem.key);
  await seedRegistry(opened.value, PEOPLE);
  await importAndCheck(opened.value, await resultsWorkbook(FIRST_SESSION), 'ket-qua-tiem.xlsx', 'results');
  opened.value.close();
  expect((await cli('list', 'confirm', '1', '--by', 'Hoàng Văn Chủ', '--db', dbFile)).code).toBe(0);
  expect((await cli('infection', 'add', '008195004321', '--confirmed', '2021-09-15', '--db', dbFile)).code).toBe(0);
});
afterEach(() => cleanup());

async function json(...argv: string[]) {
  const run = await cli(...argv, '--db', dbFile, '--json');
  return { ...run, value: run.code === 0 ? (JSON.parse(run.stdout) as Record<string, unknown>) : null };
}

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const exportAudits = () =>
  withDatabase(dbFile, (db) => db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'package.export'").get());

describe('package export', () => {
  it('to a folder that cannot be used exits 1, records nothing, and a retry exports the same records', async () => {
    // A "folder" under a regular file cannot be made; a read-only folder cannot be written.
    const file = join(dir, 'tep-thuong.txt');
    writeFileSync(file, 'không phải thư mục');
    const refused = await json('package', 'export', '--out', join(file, 'goi'));
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/Không tạo được thư mục .*ENOTDIR.*Chưa có gì được ghi nhận/);
    withDatabase(dbFile, (db) => {
      expect(rowsIn(db, 'packages')).toBe(0);
      expect(rowsIn(db, 'package_records')).toBe(0);
    });
    expect(exportAudits()).toEqual({ n: 0 });

    // The target name already taken by a folder: the rename fails after the bytes were written aside.
    const out = join(dir, 'usb');
    const blocked = join(out, 'goi-cap-nhat-0001.zip');
    const { mkdirSync, readdirSync } = await import('node:fs');
    mkdirSync(blocked, { recursive: true });
    const failedRename = await json('package', 'export', '--out', out);
    expect(failedRename.code).toBe(1);
    expect(failedRename.stderr).toMatch(/Không ghi được tệp .*goi-cap-nhat-0001\.zip/);
    expect(readdirSync(out)).toEqual(['goi-cap-nhat-0001.zip']); // no temporary file left behind
    withDatabase(dbFile, (db) => expect(rowsIn(db, 'packages')).toBe(0));
    expect(exportAudits()).toEqual({ n: 0 });

    const good = await json('package', 'export', '--out', join(dir, 'tot'));
    expect(good).toMatchObject({ code: 0, value: { sequence: 1, counts: { vaccination: 1, infection: 1 } } });
    expect(readFileSync(good.value!.file as string).length).toBeGreaterThan(0);
    withDatabase(dbFile, (db) => expect(rowsIn(db, 'package_records')).toBe(2));
    expect(exportAudits()).toEqual({ n: 1 });
  });
});

describe('package verify', () => {
  it('writes nothing into the database it checks against (no signing key is made there)', async () => {
    const exported = await json('package', 'export', '--out', dir);
    const other = join(dir, 'xa-khac.sqlite');
    const opened = openDatabase(other);
    if (!opened.ok) throw new Error(opened.problem.key);
    opened.value.close();
    const before = readFileSync(other);
    const run = await cli('package', 'verify', exported.value!.file as string, '--db', other, '--json');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false });
    withDatabase(other, (db) => {
      expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key = 'signing-key'").get()).toEqual({ n: 0 });
      expect(rowsIn(db, 'audit_log')).toBe(0);
    });
    expect(readFileSync(other).equals(before)).toBe(true);
    // A database file that does not exist is not made by a command that only reads.
    const missing = await cli('package', 'verify', exported.value!.file as string, '--db', join(dir, 'khong-co.sqlite'));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/Không có tệp cơ sở dữ liệu/) });
  });
});

describe('package ack', () => {
  async function exported() {
    const made = await json('package', 'export', '--out', dir);
    const file = made.value!.file as string;
    return { packageId: made.value!.packageId as string, sha256: sha(new Uint8Array(readFileSync(file))) };
  }
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  const statuses = () =>
    withDatabase(dbFile, (db) => db.prepare('SELECT record_id, status FROM package_records ORDER BY record_id').all());

  it('is taken only signed by the installed registry key, naming the package file, without contradiction', async () => {
    const pkg = await exported();
    const body: AckBody = {
      packageId: pkg.packageId,
      packageSha256: pkg.sha256,
      results: [
        { recordId: 'infection-1', status: 'accepted' },
        { recordId: 'vaccination-1', status: 'rejected', reason: 'Sai số lô' },
      ],
    };
    const registry = registryKeyPair();
    const forger = registryKeyPair();

    // Unsigned: refused (anyone who read the manifest knows the package id).
    const unsigned = await json('package', 'ack', write('khong-ky.json', JSON.stringify(body)));
    expect(unsigned).toMatchObject({ code: 1, stderr: expect.stringMatching(/không có chữ ký số/) });
    // Signed, but no registry key installed yet.
    const noKey = await json('package', 'ack', write('chua-cai.json', signedAck(registry.privateKey, body)));
    expect(noKey).toMatchObject({ code: 1, stderr: expect.stringMatching(/Chưa cài khóa công khai/) });
    // The administrator installs the registry's key (a health officer may not: see cli-roles).
    const keyFile = write('khoa.pem', registry.publicPem);
    expect((await json('package', 'key', keyFile, '--name', 'Cục C06')).value).toEqual([
      { name: 'Cục C06', fingerprint: expect.stringMatching(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/), installedAt: NOW.toISOString() },
    ]);
    // Forged: signed by another key; or a signed answer changed after signing.
    const forged = await json('package', 'ack', write('gia.json', signedAck(forger.privateKey, body)));
    expect(forged).toMatchObject({ code: 1, stderr: expect.stringMatching(/không đúng với khóa nào đã cài/) });
    const edited = JSON.parse(signedAck(registry.privateKey, body)) as { results: { status: string }[] };
    edited.results[1]!.status = 'accepted';
    expect(await json('package', 'ack', write('sua.json', JSON.stringify(edited)))).toMatchObject({ code: 1 });
    // Another package's file (a different SHA-256): refused.
    const moved = signedAck(registry.privateKey, { ...body, packageSha256: '0'.repeat(64) });
    expect(await json('package', 'ack', write('goi-khac.json', moved))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/không nói về đúng tệp gói số 1/),
    });
    // Contradictory: the same record accepted and rejected.
    const both = signedAck(registry.privateKey, {
      ...body,
      results: [...body.results, { recordId: 'infection-1', status: 'rejected' }],
    });
    expect(await json('package', 'ack', write('mau-thuan.json', both))).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/infection-1 vừa được nhận vừa bị từ chối/),
    });
    expect(statuses()).toEqual([
      { record_id: 'infection-1', status: 'exported' },
      { record_id: 'vaccination-1', status: 'exported' },
    ]);

    const taken = await json('package', 'ack', write('dung.json', signedAck(registry.privateKey, body)));
    expect(taken).toMatchObject({ code: 0, value: { packageId: pkg.packageId, accepted: 1, rejected: 1 } });
    expect(statuses()).toEqual([
      { record_id: 'infection-1', status: 'accepted' },
      { record_id: 'vaccination-1', status: 'rejected' },
    ]);
  });

  it('unsigned, is taken only with the officer’s confirmation, and the audit trail says so', async () => {
    const pkg = await exported();
    const text = JSON.stringify({ packageId: pkg.packageId, results: [{ recordId: 'infection-1', status: 'accepted' }] });
    withDatabase(dbFile, (db) => {
      expect(importAck(db, text, 'phan-hoi.json', NOW)).toMatchObject({ ok: false, problem: { key: 'package.ackUnsigned' } });
      expect(importAck(db, text, 'phan-hoi.json', NOW, { acceptUnsigned: true })).toMatchObject({
        ok: true,
        value: { accepted: 1, rejected: 0 },
      });
      const entry = db.prepare("SELECT details FROM audit_log WHERE action = 'package.ack'").get() as { details: string };
      expect(JSON.parse(entry.details)).toMatchObject({ signedBy: 'unsigned' });
    });
  });
});
