/**
 * Issue 16: lists as health stations save them. The sample list saved by LibreOffice as Excel 97
 * `.xls` and as `.ods` imports and checks exactly like the `.xlsx` (LibreOffice from Debian's
 * libreoffice-calc-nogui does the converting, as a station's PC would).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { listEntries } from '../../src/main/lists/list-views';
import { tempDatabase } from '../helpers/db';
import { importAndCheck } from '../helpers/lists';
import { REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';
import { importExtractFile } from '../../src/main/registry/import-extract';

const SAMPLE = join(SHARED_FIXTURES, 'verification', 'list.xlsx');
let dir: string;
let cleanupDir: () => void;

/** The sample list converted by LibreOffice to `format` (xls or ods). */
function converted(format: 'xls' | 'ods'): string {
  const source = join(dir, 'list.xlsx');
  if (!existsSync(source)) copyFileSync(SAMPLE, source);
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', format, '--outdir', dir, source],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return join(dir, `list.${format}`);
}

async function checkedAs(file: string): Promise<{ summary: unknown; entries: unknown[] }> {
  const { db, cleanup } = tempDatabase();
  try {
    await seed(db);
    const { imported, checked } = await importAndCheck(db, new Uint8Array(readFileSync(file)), file.replace(/^.*\//, ''));
    const entries = listEntries(db, imported.listId).map((e) => ({
      row: e.row,
      fullName: e.fullName,
      birthDate: e.birthDate,
      sex: e.sex,
      idNumber: e.idNumber,
      address: e.address,
      status: e.status,
      differences: e.differences,
      resident: e.resident?.personalId ?? null,
    }));
    return { summary: checked.summary, entries };
  } finally {
    cleanup();
  }
}

async function seed(db: Db): Promise<void> {
  const outcome = await importExtractFile(db, new Uint8Array(readFileSync(REGISTRY_CSV)), 'registry.csv', {
    skipInvalid: false,
    locale: 'vi',
    now: new Date('2021-11-12T00:00:00Z'),
  });
  if (!outcome.ok || outcome.value === 'cancelled' || !outcome.value.applied) throw new Error('registry seed failed');
}

beforeAll(() => ({ dir, cleanup: cleanupDir } = tempDir()));
afterAll(() => cleanupDir());

describe('a list saved by LibreOffice', () => {
  it('as .xls and as .ods reads and checks exactly like the .xlsx it came from', async () => {
    const original = await checkedAs(SAMPLE);
    expect(original.entries).toHaveLength(400);
    for (const format of ['xls', 'ods'] as const) {
      const again = await checkedAs(converted(format));
      expect(again.summary).toEqual(original.summary);
      expect(again.entries).toEqual(original.entries);
    }
  }, 300_000);
});
