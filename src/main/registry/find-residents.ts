import type { ResidentView } from '../../shared/api-contract';
import { digitsOnly, normalizeOldId, normalizePersonalId } from '../../shared/id-number';
import { cleanText, looseKey, vietnameseCollator } from '../../shared/text';
import type { Db } from '../db/open-database';
import { residentView, type ResidentRow } from './resident-rows';

export interface FindQuery {
  readonly text: string;
  readonly birthYear?: number;
}

export const FIND_LIMIT = 50;

/** Upper bound for a prefix range on a text index: every key starting with `prefix` sorts below it. */
function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}

/**
 * Finds residents by 12-digit ID, old CMND, or name typed with or without diacritics (Đ/đ as D),
 * optionally narrowed to a birth year. Every query runs on an index.
 */
export function findResidents(db: Db, query: FindQuery, limit = FIND_LIMIT): ResidentView[] {
  const text = cleanText(query.text);
  if (text === '') return [];
  const year = query.birthYear ?? null;
  const digits = digitsOnly(text);
  if (digits !== null) return findByNumber(db, digits, year, limit);

  const key = looseKey(text);
  if (key === '') return [];
  const given = key.slice(key.lastIndexOf(' ') + 1);
  const yearClause = year === null ? '' : ' AND birth_year = @year';
  const byPrefix = db
    .prepare<{ from: string; to: string; year: number | null; limit: number }, ResidentRow>(
      `SELECT * FROM residents WHERE name_key >= @from AND name_key < @to${yearClause} LIMIT @limit`,
    )
    .all({ from: key, to: prefixEnd(key), year, limit });
  // "Tường", "Văn Tường": the given name is the last word of the name; the typed words must end the name.
  const byGiven = db
    .prepare<{ given: string; suffix: string; year: number | null; limit: number }, ResidentRow>(
      `SELECT * FROM residents WHERE given_key = @given${yearClause}
         AND (name_key = @suffix OR substr(name_key, -length(@suffix) - 1) = ' ' || @suffix) LIMIT @limit`,
    )
    .all({ given, suffix: key, year, limit });
  const seen = new Set<number>();
  const rows = [...byPrefix, ...byGiven].filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  const typed = text.toLocaleLowerCase('vi');
  const rank = (r: ResidentRow): number => {
    const name = r.full_name.toLocaleLowerCase('vi');
    if (name === typed) return 0;
    if (name.includes(typed)) return 1;
    return 2;
  };
  return rows
    .sort((a, b) => rank(a) - rank(b) || vietnameseCollator.compare(a.full_name, b.full_name))
    .slice(0, limit)
    .map(residentView);
}

function findByNumber(db: Db, digits: string, year: number | null, limit: number): ResidentView[] {
  const personalId = normalizePersonalId(digits);
  const oldId = normalizeOldId(digits);
  const rows = db
    .prepare<{ personalId: string | null; oldId: string | null; year: number | null; limit: number }, ResidentRow>(
      `SELECT * FROM residents WHERE personal_id = @personalId
       UNION SELECT * FROM residents WHERE old_id = @oldId
       LIMIT @limit`,
    )
    .all({ personalId, oldId, year, limit });
  return rows.filter((r) => year === null || r.birth_date?.startsWith(String(year))).map(residentView);
}
