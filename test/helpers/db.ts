import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/main/db/open-database';
import { tempDir } from './paths';

/** A real SQLite file in a temporary folder, migrated, with its cleanup. */
export function tempDatabase(): { db: Db; file: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = join(dir, 'test.sqlite');
  const opened = openDatabase(file);
  if (!opened.ok) throw new Error(`cannot open ${file}: ${opened.problem.key}`);
  return {
    db: opened.value,
    file,
    cleanup: () => {
      if (opened.value.open) opened.value.close();
      cleanup();
    },
  };
}

/** Counts rows of a table (test-only; table names are literals in the tests). */
export function countRows(
  db: Db,
  table: 'residents' | 'registry_extracts' | 'registry_held_values' | 'resident_changes',
): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** Opens a database file for the length of `use` (a CLI test looking into what the CLI wrote). */
export function withDatabase<T>(file: string, use: (db: Db) => T): T {
  const opened = openDatabase(file);
  if (!opened.ok) throw new Error(`cannot open ${file}: ${opened.problem.key}`);
  try {
    return use(opened.value);
  } finally {
    opened.value.close();
  }
}

/** The same, for work that awaits: the database is closed once it is done. */
export async function withDatabaseAsync<T>(file: string, use: (db: Db) => Promise<T>): Promise<T> {
  const opened = openDatabase(file);
  if (!opened.ok) throw new Error(`cannot open ${file}: ${opened.problem.key}`);
  try {
    return await use(opened.value);
  } finally {
    opened.value.close();
  }
}
