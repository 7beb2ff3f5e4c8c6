import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Values reach SQL only as bound parameters. A template literal that is SQL may interpolate only
 * these reviewed constants (column lists, fixed table names, a fixed optional column) — never data.
 */
const REVIEWED = new Set([
  'ENTRY_SELECT',
  'MATCH_COLUMNS',
  'table',
  "kind === 'support68' ? ', extra' : ''",
  "INSERT_COLUMNS.join(', ')",
  "INSERT_COLUMNS.map(() => '?').join(', ')",
  'INSERT_RESIDENT_SQL',
  'quoted(CIPHER)',
  'quoted(key)',
  "quoted(key ?? '')",
  'ids', // a fixed sub-query whose list id is itself bound
  "sets.join(', ')", // `column = @field` pairs from the fixed RECORD_COLUMNS map
  'yearClause', // '' or ' AND birth_year = @year'
  'matches', // the fixed UNION of index ranges in searchResidents, its values bound
]);

describe('SQL', () => {
  it('takes values only through bound parameters', () => {
    const found: string[] = [];
    for (const file of sources('src/main')) {
      const text = readFileSync(file, 'utf8');
      for (const literal of text.matchAll(/`([^`]*)`/g)) {
        const body = literal[1]!;
        if (!/\b(SELECT|INSERT|UPDATE|DELETE|PRAGMA|VACUUM)\b|^(cipher|key|rekey)=/.test(body)) continue;
        for (const expr of body.matchAll(/\$\{([^}]*)\}/g)) if (!REVIEWED.has(expr[1]!.trim())) found.push(`${file}: ${expr[1]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
