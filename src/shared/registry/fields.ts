import { headerReader, type Mapping } from '../columns';

export { HEADER_SEARCH_ROWS } from '../columns';

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

export const RESIDENT_COLUMNS = headerReader<ResidentField>({
  fields: RESIDENT_FIELDS,
  aliases: COLUMN_ALIASES,
  anchors: ['personalId', 'fullName'],
});

/** The field a column title names, or null. */
export function fieldForHeader(title: string): ResidentField | null {
  return RESIDENT_COLUMNS.fieldForHeader(title);
}

/** Which column (0-based) holds each field. */
export type ColumnMapping = Mapping<ResidentField>;

/**
 * Finds the header row among the first rows of a sheet: the row whose cells name the most known
 * fields, with at least a personal ID or a full name column. Title rows above it are skipped.
 */
export function detectHeader(
  rows: readonly (readonly string[])[],
): { readonly index: number; readonly mapping: ColumnMapping } | null {
  return RESIDENT_COLUMNS.detectHeader(rows);
}
