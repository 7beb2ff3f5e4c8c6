import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const HEADER = [
  'STT',
  'Số định danh cá nhân',
  'Số CMND',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Quốc tịch',
  'Nơi thường trú',
];

export const PEOPLE = [
  [
    '1',
    '008090012345',
    '070123456',
    'Ma Văn Tường',
    '06/08/1990',
    'Nam',
    'Tày',
    'Việt Nam',
    'Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
  ],
  [
    '2',
    '008195004321',
    '',
    'Lường Thị Hưởng',
    '12/03/1995',
    'Nữ',
    'Tày',
    'Việt Nam',
    'Thôn Nà Coóc, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
  ],
  [
    '3',
    '008156001122',
    '071000111',
    'Đặng Đình Đức',
    '1956',
    'Nam',
    'Dao',
    'Việt Nam',
    'Thôn Khuôn Hà, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang',
  ],
];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text of a header and rows, CRLF line ends as Excel writes them. */
export function csvText(rows: readonly (readonly string[])[], header: readonly string[] = HEADER): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function utf8Bom(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
}

export function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]));
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** Windows-1258 bytes: base letters precomposed (â, ơ, ư…), tone marks as separate combining bytes. */
export function windows1258(text: string): Uint8Array {
  const split = [...text.normalize('NFC')]
    .map((ch) => {
      const parts = ch.normalize('NFD');
      const tones = parts.match(TONE_MARKS)?.join('') ?? '';
      return parts.replace(TONE_MARKS, '').normalize('NFC') + tones;
    })
    .join('');
  return new Uint8Array(iconv.encode(split, 'windows1258'));
}

/**
 * An .xlsx as commune offices make them: title rows above the header, IDs stored as numbers
 * (leading zeros lost), birth dates as real date cells, a bare year for the elderly.
 */
export async function extractWorkbook(rows: readonly (readonly string[])[] = PEOPLE): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Dân cư');
  sheet.addRow(['CÔNG AN XÃ TRUNG HÀ']);
  sheet.addRow(['BẢN TRÍCH CSDLQG VỀ DÂN CƯ']);
  sheet.mergeCells('A2:F2');
  sheet.addRow([]);
  sheet.addRow(HEADER);
  for (const row of rows) {
    const [stt, id, cmnd, name, birth, ...rest] = row as string[];
    const dmy = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(birth!);
    const birthCell = dmy ? new Date(Date.UTC(Number(dmy[3]), Number(dmy[2]) - 1, Number(dmy[1]))) : Number(birth);
    sheet.addRow([Number(stt), Number(id), cmnd === '' ? null : cmnd, name, birthCell, ...rest]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
