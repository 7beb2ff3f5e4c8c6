import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { PROJECT_ROOT, REGISTRY_CSV, tempDir } from '../helpers/paths';
import { writeFileSync } from 'node:fs';
import { PEOPLE, csvText, utf8Bom } from '../helpers/extract-files';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('doichieu registry', () => {
  it('imports with --json printing exactly one JSON document, and re-imports as unchanged', async () => {
    const db = join(dir, 'x.sqlite');
    const first = await cli('registry', 'import', REGISTRY_CSV, '--db', db, '--json');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toMatchObject({ inserted: 3016, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const second = JSON.parse((await cli('registry', 'import', REGISTRY_CSV, '--db', db, '--json')).stdout);
    expect(second).toMatchObject({ inserted: 0, unchanged: 3016 });
  });

  it('finds by ID and by unaccented name', async () => {
    const db = join(dir, 'x.sqlite');
    await cli('registry', 'import', REGISTRY_CSV, '--db', db, '--json');
    const byId = JSON.parse((await cli('registry', 'find', '008198223458', '--db', db, '--json')).stdout);
    expect(byId).toEqual([
      {
        personalId: '008198223458',
        oldId: '072103444',
        fullName: 'Ma Thị Thoa',
        birthDate: '1998-03-18',
        sex: 'female',
        address: 'Thôn Khuôn Hà, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
      },
    ]);
    const byName = JSON.parse((await cli('registry', 'find', 'ma thi thoa', '--db', db, '--json')).stdout) as {
      personalId: string;
    }[];
    expect(byName.map((r) => r.personalId)).toContain('008198223458');
  });

  it('exits 1 with a Vietnamese message naming the row when the extract has a bad ID, writing nothing', async () => {
    const db = join(dir, 'x.sqlite');
    const rows = PEOPLE.map((p) => [...p]);
    rows[1]![1] = '123';
    const file = join(dir, 'sai.csv');
    writeFileSync(file, utf8Bom(csvText(rows)));
    const result = await cli('registry', 'import', file, '--db', db, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('dòng 3');
    expect(JSON.parse(result.stdout)).toMatchObject({ inserted: 0, rejected: 1, errors: [{ row: 3 }] });
    expect(JSON.parse((await cli('registry', 'find', '008090012345', '--db', db, '--json')).stdout)).toEqual([]);
  });

  it('exits 1 for a missing file and 2 for wrong usage', async () => {
    const db = join(dir, 'x.sqlite');
    const missing = await cli('registry', 'import', join(dir, 'khong-co.csv'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Không tìm thấy tệp/);
    expect((await cli('registry', 'import')).code).toBe(2);
    expect((await cli('registry', 'frobnicate', '--db', db)).code).toBe(2);
    expect((await cli('registry', 'find', 'x', '--bogus')).code).toBe(2);
    expect((await cli('registry', 'find', 'x')).code).toBe(2);
  });

  it('runs as `npm run -s cli`, reading DOICHIEU_DB', () => {
    const db = join(dir, 'env.sqlite');
    const run = spawnSync('npm', ['run', '-s', 'cli', '--', 'registry', 'import', REGISTRY_CSV, '--json'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DOICHIEU_DB: db },
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ inserted: 3016 });
  });
});
