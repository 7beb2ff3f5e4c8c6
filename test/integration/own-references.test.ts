/**
 * Issue 18: the list check writes its results without a foreign-key look-up per row (every reference
 * is a row it read under the same write lock); the checks are on again for every other writer,
 * whatever happened in the check.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { writeTransactionOwnReferences } from '../../src/main/db/write-transaction';
import { tempDatabase } from '../helpers/db';

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = tempDatabase());
  db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE child (parent_id INTEGER REFERENCES parent(id));');
  db.exec('INSERT INTO parent (id) VALUES (1)');
});
afterEach(() => cleanup());

const orphan = () => db.prepare('INSERT INTO child (parent_id) VALUES (99)').run();
const enforced = () => db.pragma('foreign_keys', { simple: true }) === 1;

describe('a transaction writing only references it read itself', () => {
  it('writes and commits, and foreign keys are enforced again afterwards', () => {
    writeTransactionOwnReferences(db, () => {
      db.prepare('INSERT INTO child (parent_id) SELECT id FROM parent').run();
    });
    expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(1);
    expect(enforced()).toBe(true);
    expect(orphan).toThrow(/FOREIGN KEY/);
  });

  it('rolls back what it wrote when it throws, and foreign keys are enforced again', () => {
    expect(() =>
      writeTransactionOwnReferences(db, () => {
        db.prepare('INSERT INTO child (parent_id) SELECT id FROM parent').run();
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    expect(db.prepare('SELECT count(*) FROM child').pluck().get()).toBe(0);
    expect(enforced()).toBe(true);
    expect(orphan).toThrow(/FOREIGN KEY/);
  });

  it('inside an open transaction keeps the checks on (SQLite cannot turn them off there)', () => {
    db.transaction(() => {
      writeTransactionOwnReferences(db, () => expect(orphan).toThrow(/FOREIGN KEY/));
    })();
    expect(enforced()).toBe(true);
  });
});
