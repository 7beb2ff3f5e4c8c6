import type { ResidentView } from '../../shared/api-contract';
import { digitsOnly, normalizeOldId, normalizePersonalId } from '../../shared/id-number';
import { cleanText, looseKey, vietnameseCollator } from '../../shared/text/normalize';
import type { Db } from '../db/open-database';
import { residentView, reverseWords, type ResidentRow } from './resident-rows';

export interface FindQuery {
  readonly text: string;
  readonly birthYear?: number;
}

export const FIND_LIMIT = 50;

/** Just above every key that starts with `prefix` (keys are upper-case ASCII and spaces). */
function prefixEnd(prefix: string): string {
  return `${prefix}\uffff`;
}

type KeyRange = { from: string; to: string; year: number | null; limit: number };

/**
 * Finds residents by 12-digit ID, old CMND, or name typed with or without diacritics (Đ/đ as D),
 * optionally narrowed to a birth year. Names match from their start ("Ma Văn", "ma van tuong") or
 * by their last words ("Tường", "văn tường"); every query is an index range.
 */
export function findResidents(db: Db, query: FindQuery, limit = FIND_LIMIT): ResidentView[] {
  const text = cleanText(query.text);
  if (text === '') return [];
  const year = query.birthYear ?? null;
  const digits = digitsOnly(text);
  if (digits !== null) return findByNumber(db, digits, year, limit);

  const key = looseKey(text);
  if (key === '') return [];
  const yearClause = year === null ? '' : ' AND birth_year = @year';
  const byStart = db
    .prepare<KeyRange, ResidentRow>(
      `SELECT * FROM residents WHERE name_key >= @from AND name_key < @to${yearClause} LIMIT @limit`,
    )
    .all({ from: key, to: prefixEnd(key), year, limit });
  // The typed words are the last words of the name: the reversed key equals them or starts with them and a space.
  const reversed = reverseWords(key);
  const byEnd = db
    .prepare<KeyRange & { exact: string }, ResidentRow>(
      `SELECT * FROM residents WHERE reversed_key = @exact${yearClause}
       UNION ALL
       SELECT * FROM residents WHERE reversed_key >= @from AND reversed_key < @to${yearClause}
       LIMIT @limit`,
    )
    .all({ exact: reversed, from: `${reversed} `, to: prefixEnd(`${reversed} `), year, limit });
  const seen = new Set<number>();
  const rows = [...byStart, ...byEnd].filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
  const typed = text.toLocaleLowerCase('vi');
  const rank = (r: ResidentRow): number => {
    const name = r.full_name.toLocaleLowerCase('vi');
    if (name === typed) return 0;
    if (name.includes(typed)) return 1;
    return 2;
  };
  return rows
    .map((r) => ({ r, rank: rank(r) }))
    .sort((a, b) => a.rank - b.rank || vietnameseCollator.compare(a.r.full_name, b.r.full_name))
    .slice(0, limit)
    .map(({ r }) => residentView(r));
}

function findByNumber(db: Db, digits: string, year: number | null, limit: number): ResidentView[] {
  const personalId = normalizePersonalId(digits);
  const oldId = normalizeOldId(digits);
  const rows = db
    .prepare<{ personalId: string | null; oldId: string | null; limit: number }, ResidentRow>(
      `SELECT * FROM residents WHERE personal_id = @personalId
       UNION SELECT * FROM residents WHERE old_id = @oldId
       LIMIT @limit`,
    )
    .all({ personalId, oldId, limit });
  return rows.filter((r) => year === null || r.birth_date?.startsWith(String(year))).map(residentView);
}

export interface ResidentPage {
  readonly residents: readonly ResidentView[];
  /** Every resident the query matches (the page is a slice of them). */
  readonly total: number;
}

/**
 * One page of every resident a query matches, in name order, with the total (issue 16: the
 * search screen pages through all 373 Nguyễn, not the first 50). Numbers find as `findResidents`.
 */
export function searchResidents(db: Db, query: FindQuery, page: { offset: number; limit: number }): ResidentPage {
  const text = cleanText(query.text);
  const key = looseKey(text);
  if (text === '' || key === '') return { residents: [], total: 0 };
  const year = query.birthYear ?? null;
  if (digitsOnly(text) !== null) {
    const found = findResidents(db, query, FIND_LIMIT);
    return { residents: found.slice(page.offset, page.offset + page.limit), total: found.length };
  }
  const yearClause = year === null ? '' : ' AND birth_year = @year';
  const reversed = reverseWords(key);
  const params = {
    from: key,
    to: prefixEnd(key),
    exact: reversed,
    rfrom: `${reversed} `,
    rto: prefixEnd(`${reversed} `),
    year,
  };
  const matches = `SELECT id FROM residents WHERE name_key >= @from AND name_key < @to${yearClause}
    UNION SELECT id FROM residents WHERE reversed_key = @exact${yearClause}
    UNION SELECT id FROM residents WHERE reversed_key >= @rfrom AND reversed_key < @rto${yearClause}`;
  const total = db.prepare<typeof params, { n: number }>(`SELECT count(*) AS n FROM (${matches})`).get(params)!.n;
  const rows = db
    .prepare<typeof params & { offset: number; limit: number }, ResidentRow>(
      `SELECT r.* FROM residents r JOIN (${matches}) m ON m.id = r.id
       ORDER BY r.name_key, r.full_name, r.birth_date, r.id LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, offset: page.offset, limit: page.limit });
  return { residents: rows.map(residentView), total };
}
