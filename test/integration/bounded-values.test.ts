/**
 * Stored values are bounded (issue 19, item 3): a list taken in before the limits, holding a 100 MB
 * cell, is cut to the limits when the database is opened (migration 15), so a check and an export
 * of it work; an unbroken 10,000-character text prints as its first characters and an ellipsis.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/main/db/open-database';
import { readLetterhead, saveLetterhead } from '../../src/main/documents/documents';
import { checkList } from '../../src/main/lists/check-list';
import { exportList } from '../../src/main/lists/export-list';
import { prepareList } from '../../src/main/lists/prepare-list';
import { MAX_CELL_CHARS, MAX_NAME_CHARS, MAX_PRINTED_CELL_CHARS } from '../../src/shared/limits';
import { tempDatabase } from '../helpers/db';
import { PEOPLE } from '../helpers/extract-files';
import { NOW, importAndCheck, listWorkbook, seedRegistry } from '../helpers/lists';
import { pdfText } from '../helpers/pdf';
import { tempDir } from '../helpers/paths';

let db: Db;
let file: string;
let cleanup: () => void;
beforeEach(async () => {
  ({ db, file, cleanup } = tempDatabase());
  await seedRegistry(db, PEOPLE);
  saveLetterhead(db, { ...readLetterhead(db), signerName: 'Hoàng Văn Chủ' }, new Date());
});
afterEach(() => cleanup());

const ROW = ['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Việt Nam', 'Thôn Ba 1'];

async function exportPdfText(listId: number): Promise<string> {
  const exported = await exportList(db, listId, 'vi', NOW, { by: null, partial: true });
  if (!exported.ok) throw new Error(exported.problem.key);
  const { dir, cleanup: remove } = tempDir();
  try {
    const pdf = join(dir, 'ds.pdf');
    writeFileSync(pdf, exported.value.files[1]!.data);
    return pdfText(pdf);
  } finally {
    remove();
  }
}

describe('a list stored before the limits', () => {
  it('with a 100 MB cell is cut to the limits on opening, then checks and exports', async () => {
    const { imported } = await importAndCheck(db, await listWorkbook([ROW]));
    const huge = 'A'.repeat(100 * 1024 * 1024);
    db.prepare('UPDATE list_entries SET full_name = ?, address = ?, cells = ? WHERE list_id = ?').run(
      huge,
      huge,
      JSON.stringify(['1', huge, '06/08/1990']),
      imported.listId,
    );
    db.pragma('user_version = 14');
    db.close();
    const reopened = openDatabase(file);
    if (!reopened.ok) throw new Error(reopened.problem.key);
    db = reopened.value;
    const stored = db
      .prepare('SELECT length(full_name) AS name, length(address) AS address, cells FROM list_entries WHERE list_id = ?')
      .get(imported.listId) as { name: number; address: number; cells: string };
    expect(stored.name).toBe(MAX_NAME_CHARS);
    expect(stored.address).toBe(MAX_CELL_CHARS);
    expect((JSON.parse(stored.cells) as string[]).map((c) => c.length)).toEqual([1, MAX_CELL_CHARS, 10]);
    expect(checkList(db, imported.listId, NOW)).not.toBeNull();
    expect(await exportPdfText(imported.listId)).toContain('…');
  }, 60_000);

  it('prints an unbroken 10,000-character text as its first characters and an ellipsis', async () => {
    const { imported } = await importAndCheck(db, await listWorkbook([ROW]));
    const long = 'Đ'.repeat(10_000);
    db.prepare('UPDATE list_entries SET full_name = ?, address = ? WHERE list_id = ?').run(long, long, imported.listId);
    const text = (await exportPdfText(imported.listId)).replace(/\s+/g, '');
    expect(text).toContain(`${'Đ'.repeat(40)}`);
    expect(text).toContain('Đ…');
    expect(text.split('Đ').length - 1).toBeLessThanOrEqual(2 * MAX_PRINTED_CELL_CHARS + 10);
  }, 60_000);
});

describe('a list with a name over the limit', () => {
  it('is refused at import, naming the row and the limit', async () => {
    const parsed = await prepareList(await listWorkbook([['X'.repeat(MAX_NAME_CHARS + 1), ...ROW.slice(1)]]), 'dai.xlsx');
    if (!parsed.ok) throw new Error(parsed.problem.key);
    const { importParsedList } = await import('../../src/main/lists/import-list');
    const imported = importParsedList(db, parsed.value, { kind: 'registration', source: 'Trạm', now: NOW, locale: 'vi' });
    expect(imported).toMatchObject({ ok: false, problem: { key: 'input.nameTooLong', params: { row: 5, max: MAX_NAME_CHARS } } });
  });
});
