import { looseKey } from '../text/normalize';

/** The resident fields a registry extract can carry. */
export const RESIDENT_FIELDS = [
  'personalId',
  'oldId',
  'fullName',
  'birthDate',
  'sex',
  'ethnicity',
  'nationality',
  'permanentAddress',
  'currentAddress',
  'householdCode',
] as const;

export type ResidentField = (typeof RESIDENT_FIELDS)[number];

/**
 * Column titles seen in registry extracts and commune lists, per field. Compared on their loose key
 * (no accents, no punctuation, upper case), so "Họ, chữ đệm và tên" and "HO CHU DEM VA TEN" agree.
 */
export const COLUMN_ALIASES: Readonly<Record<ResidentField, readonly string[]>> = {
  personalId: [
    'Số định danh cá nhân',
    'Số định danh',
    'Số ĐDCN',
    'Mã định danh',
    'Mã định danh cá nhân',
    'Số CCCD',
    'CCCD',
    'Số căn cước công dân',
    'Số căn cước',
    'Số CCCD/ĐDCN',
    'Số CCCD/Số định danh',
    'Personal ID',
  ],
  oldId: ['Số CMND', 'CMND', 'Số chứng minh nhân dân', 'Số CMND cũ', 'CMND cũ', 'Số CMTND'],
  fullName: ['Họ và tên', 'Họ, chữ đệm và tên', 'Họ chữ đệm và tên', 'Họ tên', 'Tên', 'Họ và tên khai sinh', 'Full name'],
  birthDate: [
    'Ngày sinh',
    'Ngày, tháng, năm sinh',
    'Ngày tháng năm sinh',
    'Ngày/tháng/năm sinh',
    'Năm sinh',
    'NTNS',
    'Date of birth',
  ],
  sex: ['Giới tính', 'Giới', 'Nam/Nữ', 'Sex'],
  ethnicity: ['Dân tộc'],
  nationality: ['Quốc tịch'],
  permanentAddress: [
    'Nơi thường trú',
    'Địa chỉ thường trú',
    'Thường trú',
    'Hộ khẩu thường trú',
    'Địa chỉ',
    'Nơi đăng ký thường trú',
  ],
  currentAddress: ['Nơi ở hiện tại', 'Chỗ ở hiện tại', 'Nơi ở hiện nay', 'Địa chỉ hiện tại', 'Tạm trú'],
  householdCode: ['Mã hộ', 'Mã hộ gia đình', 'Số hộ', 'Số hộ khẩu'],
};

const ALIAS_INDEX: ReadonlyMap<string, ResidentField> = new Map(
  RESIDENT_FIELDS.flatMap((field) => COLUMN_ALIASES[field].map((alias) => [looseKey(alias), field] as const)),
);

/** The field a column title names, or null. */
export function fieldForHeader(title: string): ResidentField | null {
  const key = looseKey(title);
  if (key === '') return null;
  return ALIAS_INDEX.get(key) ?? null;
}

/** Which column (0-based) holds each field. */
export type ColumnMapping = Partial<Record<ResidentField, number>>;

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * Finds the header row among the first rows of a sheet: the row whose cells name the most known
 * fields, with at least a personal ID or a full name column. Title rows above it are skipped.
 */
export function detectHeader(
  rows: readonly (readonly string[])[],
): { readonly index: number; readonly mapping: ColumnMapping } | null {
  let best: { index: number; mapping: ColumnMapping; score: number } | null = null;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let index = 0; index < limit; index++) {
    const mapping: ColumnMapping = {};
    let score = 0;
    rows[index]!.forEach((title, column) => {
      const field = fieldForHeader(title);
      if (field !== null && mapping[field] === undefined) {
        mapping[field] = column;
        score++;
      }
    });
    const anchored = mapping.personalId !== undefined || mapping.fullName !== undefined;
    if (anchored && score >= 2 && (best === null || score > best.score)) best = { index, mapping, score };
  }
  return best && { index: best.index, mapping: best.mapping };
}

const MAX_SPLIT_PARTS = 4;

/**
 * Rejoins header titles that a CSV writer split at their own commas because it did not quote them
 * ("Họ, chữ đệm và tên" written bare becomes three cells). Adjacent cells are merged, longest first,
 * when their comma-joined text is a known column title.
 */
export function mergeSplitHeader(cells: readonly string[]): string[] {
  const merged: string[] = [];
  for (let i = 0; i < cells.length;) {
    let taken = 1;
    for (let parts = Math.min(MAX_SPLIT_PARTS, cells.length - i); parts >= 2; parts--) {
      const joined = cells
        .slice(i, i + parts)
        .map((c) => c.trim())
        .join(', ');
      if (fieldForHeader(joined) !== null) {
        taken = parts;
        break;
      }
    }
    merged.push(
      taken === 1
        ? cells[i]!
        : cells
            .slice(i, i + taken)
            .map((c) => c.trim())
            .join(', '),
    );
    i += taken;
  }
  return merged;
}
