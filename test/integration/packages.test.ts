import ExcelJS from 'exceljs';
import { zipSync, unzipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/open-database';
import { listVaccinations } from '../../src/main/vaccination/vaccinations';
import { withDatabase, withDatabaseAsync } from '../helpers/db';
import { registryKeyPair, signedAck } from '../helpers/ack';
import { cli } from '../helpers/cli';
import { PEOPLE } from '../helpers/extract-files';
import { importAndCheck, seedRegistry } from '../helpers/lists';
import { tempDir } from '../helpers/paths';
import { FIRST_SESSION, SECOND_SESSION, resultsWorkbook } from '../helpers/results';

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
});
afterEach(() => cleanup());

const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function json(...argv: string[]) {
  const run = await cli(...argv, '--db', dbFile, '--json');
  return { ...run, value: run.stdout ? (JSON.parse(run.stdout) as Record<string, unknown>) : null };
}

describe('vaccination results', () => {
  it('are checked against the rules, each problem naming its rule', async () => {
    const first = withDatabase(dbFile, (db) => listVaccinations(db, 1, 'vi'));
    expect(first.map((v) => [v.fullName, v.productCode, v.problems])).toEqual([
      ['Ma Văn Tường', 'AZD1222', []],
      ['Lường Thị Hưởng', 'COMIRNATY', ['[Số lô] Thiếu số lô vắc xin.']],
      ['Đặng Đình Đức', null, ['[Vắc xin] Không nhận ra loại vắc xin (xem bảng vắc xin ở trang Tiêm chủng).']],
    ]);
    // A second session checks each dose against the first: interval, mixing.
    await withDatabaseAsync(dbFile, async (db) =>
      importAndCheck(db, await resultsWorkbook(SECOND_SESSION), 'dot-2.xlsx', 'results'),
    );
    const second = withDatabase(dbFile, (db) => listVaccinations(db, 2, 'vi'));
    expect(second[0]!.problems).toEqual([
      '[Khoảng cách tối thiểu] Mũi 2 (Comirnaty (Pfizer-BioNTech)) chỉ cách mũi trước 19 ngày, tối thiểu 21 ngày.',
    ]);
    expect(second[1]!.problems).toEqual([
      '[Phối hợp vắc xin] Không được tiêm Vero Cell (Sinopharm) sau Comirnaty (Pfizer-BioNTech).',
    ]);
  });

  it('wait after an infection', async () => {
    expect((await json('infection', 'add', '008090012345', '--confirmed', '2021-10-01')).code).toBe(0);
    await withDatabaseAsync(dbFile, async (db) =>
      importAndCheck(db, await resultsWorkbook(SECOND_SESSION), 'dot-2.xlsx', 'results'),
    );
    const [tuong] = withDatabase(dbFile, (db) => listVaccinations(db, 2, 'vi'));
    expect(tuong!.problems).toContainEqual(expect.stringMatching(/^\[Sau khi mắc COVID-19\] Tiêm khi chưa đủ 90 ngày/));
  });
});

describe('update packages', () => {
  it('go through confirm → export → verify → ack, and a rejected record goes into the next package', async () => {
    // Nothing leaves before the chairman confirms the results.
    expect((await json('package', 'export', '--out', dir)).code).toBe(1);
    const confirmed = await json('list', 'confirm', '1', '--by', 'Hoàng Văn Chủ');
    expect(confirmed.value).toMatchObject({ listId: 1, confirmedBy: 'Hoàng Văn Chủ', confirmedAt: expect.any(String) });
    expect((await json('list', 'confirm', '1', '--by', 'Ai đó')).code).toBe(1);
    expect((await json('list', 'check', '1')).code).toBe(1); // a confirmed list is not checked again
    expect((await json('infection', 'add', '008195004321', '--confirmed', '2021-09-15', '--recovered', '2021-09-29')).code).toBe(
      0,
    );

    const exported = await json('package', 'export', '--out', dir);
    expect(exported.code).toBe(0);
    // Only the clean dose of a matched person goes; the doses with problems wait.
    expect(exported.value).toMatchObject({
      sequence: 1,
      packageId: expect.any(String),
      counts: { vaccination: 1, correction: 0, new_resident: 0, infection: 1 },
    });
    const file = exported.value!.file as string;
    const bytes = new Uint8Array(readFileSync(file));
    const entries = unzipSync(bytes);
    expect(Object.keys(entries)).toEqual(['manifest.json', 'manifest.sig', 'records.jsonl', 'records.xlsx']);
    const records = new TextDecoder()
      .decode(entries['records.jsonl'])
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(records).toMatchObject([
      {
        type: 'vaccination',
        personalId: '008090012345',
        vaccine: 'AZD1222',
        lot: 'NJ0342',
        dose: 1,
        vaccinationDate: '2021-11-01',
        confirmedBy: 'Hoàng Văn Chủ',
      },
      { type: 'infection', personalId: '008195004321', confirmedOn: '2021-09-15', recoveredOn: '2021-09-29' },
    ]);
    // The same records for people, in an .xlsx with IDs as text.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(entries['records.xlsx']!) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tiêm chủng', 'F0']);
    expect(workbook.getWorksheet('Tiêm chủng')!.getRow(2).getCell(2).value).toBe('008090012345');
    expect(workbook.getWorksheet('Tiêm chủng')!.getRow(1).getCell(3).value).toBe('Họ và tên');
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as Record<string, unknown>;
    expect(manifest).toMatchObject({ format: 'doichieu-update-package', sequence: 1, previousPackageHash: null });

    expect((await json('package', 'verify', file)).value).toEqual({
      valid: true,
      packageId: exported.value!.packageId,
      sequence: 1,
      problems: [],
    });
    // Nothing new: no second package.
    expect((await json('package', 'export', '--out', dir)).code).toBe(1);

    // The registry accepts the F0 record and rejects the dose, in an answer signed with its installed key.
    const registry = registryKeyPair();
    const keyFile = join(dir, 'khoa-c06.pem');
    writeFileSync(keyFile, registry.publicPem);
    expect((await json('package', 'key', keyFile, '--name', 'Cục C06')).code).toBe(0);
    const packageId = exported.value!.packageId as string;
    const ack = join(dir, 'ack-1.json');
    writeFileSync(
      ack,
      signedAck(registry.privateKey, {
        packageId,
        packageSha256: sha(bytes),
        results: [
          { recordId: records[0]!.recordId as string, status: 'rejected', reason: 'Sai số lô' },
          { recordId: records[1]!.recordId as string, status: 'accepted' },
        ],
      }),
    );
    expect((await json('package', 'ack', ack)).value).toEqual({ packageId: exported.value!.packageId, accepted: 1, rejected: 1 });
    const second = await json('package', 'export', '--out', join(dir, 'usb'));
    expect(second.value).toMatchObject({ sequence: 2, counts: { vaccination: 1, infection: 0 } });
    const secondManifest = JSON.parse(
      new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(second.value!.file as string)))['manifest.json']),
    ) as Record<string, unknown>;
    expect(secondManifest.previousPackageHash).toBe(sha(bytes));
    expect((await json('package', 'verify', second.value!.file as string)).value).toMatchObject({ valid: true, sequence: 2 });

    // Package 1 written again is the same file, byte for byte.
    const again = await json('package', 'export', '--sequence', '1', '--out', join(dir, 'again'));
    expect(sha(new Uint8Array(readFileSync(again.value!.file as string)))).toBe(sha(bytes));

    // An acknowledgement naming a record the package did not carry changes nothing.
    writeFileSync(
      ack,
      signedAck(registry.privateKey, {
        packageId,
        packageSha256: sha(bytes),
        results: [{ recordId: 'vaccination-999', status: 'accepted' }],
      }),
    );
    const stray = await json('package', 'ack', ack);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toMatch(/ack-1\.json.*vaccination-999/);
  });

  it('verify refuses any one byte changed, and a file added or removed', async () => {
    await json('list', 'confirm', '1', '--by', 'Hoàng Văn Chủ');
    const exported = await json('package', 'export', '--out', dir);
    const file = exported.value!.file as string;
    const bytes = new Uint8Array(readFileSync(file));
    const verifyBytes = async (data: Uint8Array, name: string) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return json('package', 'verify', path);
    };
    // One byte changed anywhere: in a file's data, a header, the central directory, the end record.
    const positions = [
      0,
      10,
      40,
      100,
      Math.floor(bytes.length / 3),
      Math.floor(bytes.length / 2),
      bytes.length - 30,
      bytes.length - 1,
    ];
    for (const at of positions) {
      const changed = bytes.slice();
      changed[at] = changed[at]! ^ 0x01;
      const result = await verifyBytes(changed, `changed-${at}.zip`);
      expect(result.code, `byte ${at}`).toBe(1);
      expect(result.value?.valid, `byte ${at}`).toBe(false);
    }
    const entries = unzipSync(bytes);
    const added = await verifyBytes(zipSync({ ...entries, 'ghi-chu.txt': new TextEncoder().encode('thêm') }), 'added.zip');
    expect(added.value).toMatchObject({ valid: false, problems: [expect.stringMatching(/thêm tệp "ghi-chu\.txt"/)] });
    const { 'records.xlsx': _removed, ...rest } = entries;
    const removed = await verifyBytes(zipSync(rest), 'removed.zip');
    expect(removed.value).toMatchObject({ valid: false, problems: [expect.stringMatching(/thiếu tệp "records\.xlsx"/)] });
    // An entry that would climb out of a folder is only ever a name: refused, and never written anywhere.
    const climbing = await verifyBytes(
      zipSync({ ...entries, '../../khoi-dong.bat': new TextEncoder().encode('echo') }),
      'climb.zip',
    );
    expect(climbing.value).toMatchObject({
      valid: false,
      problems: [expect.stringMatching(/thêm tệp "\.\.\/\.\.\/khoi-dong\.bat"/)],
    });
    // Records changed and the manifest's hash updated to match: the signature no longer holds.
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      files: { name: string; sha256: string }[];
    };
    const forged = new TextEncoder().encode(new TextDecoder().decode(entries['records.jsonl']).replace('NJ0342', 'NJ0343'));
    manifest.files[0]!.sha256 = sha(forged);
    const forgedZip = zipSync({
      ...entries,
      'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2) + '\n'),
      'records.jsonl': forged,
    });
    expect((await verifyBytes(forgedZip, 'forged.zip')).value).toMatchObject({
      valid: false,
      problems: [expect.stringMatching(/Chữ ký Ed25519/)],
    });
    // The untouched file still verifies.
    expect((await verifyBytes(bytes, 'same.zip')).value).toMatchObject({ valid: true });
  });
});
