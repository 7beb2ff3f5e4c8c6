import type BetterSqlite from 'better-sqlite3-multiple-ciphers';

type Database = BetterSqlite.Database;

export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}

export type MigrateOutcome =
  | { readonly kind: 'ok'; readonly from: number; readonly to: number }
  | { readonly kind: 'newer'; readonly found: number; readonly supported: number };

/** Applies pending migrations, each in its own transaction with its `user_version` bump; refuses a newer file. */
export function migrate(db: Database, migrations: readonly Migration[]): MigrateOutcome {
  const supported = migrations.length === 0 ? 0 : migrations[migrations.length - 1]!.version;
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > supported) return { kind: 'newer', found: from, supported };
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} is numbered ${m.version}, expected ${i + 1}`);
  });
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { kind: 'ok', from, to: supported };
}
