/**
 * The columns of the lists health stations and offices send (DOMAIN.md §1): registrations for
 * vaccination, vaccination results, Resolution 68 support lists.
 */
import { headerReader, type Mapping } from '../columns';
import { COLUMN_ALIASES } from '../registry/fields';

export const LIST_KINDS = ['registration', 'results', 'support68'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_FIELDS = [
  'fullName',
  'birthDate',
  'sex',
  'idNumber',
  'personalId',
  'oldId',
  'nationality',
  'address',
  'phone',
  'residenceStatus',
  'priorityGroup',
  'dose',
  'vaccinationDate',
  'vaccine',
  'lot',
  'facility',
  'note',
] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export const LIST_ALIASES: Readonly<Record<ListField, readonly string[]>> = {
  fullName: COLUMN_ALIASES.fullName,
  birthDate: COLUMN_ALIASES.birthDate,
  sex: COLUMN_ALIASES.sex,
  idNumber: [
    'Số CMND/CCCD',
    'CMND/CCCD',
    'Số CCCD/CMND',
    'CCCD/CMND',
    'Số CMND/CCCD/Hộ chiếu',
    'Số CCCD/CMND/Hộ chiếu',
    'Số CMND hoặc CCCD',
    'Số định danh/CMND',
    'Số ĐDCN/CMND',
    'Số giấy tờ tùy thân',
    'Giấy tờ tùy thân',
    'Số CMND/Hộ chiếu',
    'Số CCCD/Hộ chiếu',
    'Số giấy tờ',
  ],
  personalId: COLUMN_ALIASES.personalId,
  oldId: COLUMN_ALIASES.oldId,
  nationality: COLUMN_ALIASES.nationality,
  address: [
    'Địa chỉ',
    'Nơi thường trú',
    'Địa chỉ thường trú',
    'Hộ khẩu thường trú',
    'Nơi ở hiện tại',
    'Chỗ ở hiện tại',
    'Nơi ở hiện nay',
    'Địa chỉ hiện tại',
    'Địa chỉ cư trú',
    'Nơi cư trú',
    'Địa chỉ liên hệ',
    'Thôn, xóm',
    'Thôn/xóm',
  ],
  phone: ['Số điện thoại', 'Điện thoại', 'SĐT', 'SỐ ĐT', 'Điện thoại liên hệ'],
  residenceStatus: ['Tình trạng cư trú', 'Loại cư trú', 'Hình thức cư trú', 'Cư trú', 'Thường trú/Tạm trú', 'Diện cư trú'],
  priorityGroup: ['Nhóm ưu tiên', 'Nhóm đối tượng', 'Đối tượng', 'Nhóm'],
  dose: ['Mũi tiêm', 'Mũi', 'Mũi số', 'Mũi tiêm số', 'Liều'],
  vaccinationDate: ['Ngày tiêm', 'Ngày tiêm chủng'],
  vaccine: ['Loại vắc xin', 'Tên vắc xin', 'Vắc xin', 'Loại vaccine', 'Vaccine'],
  lot: ['Số lô', 'Lô vắc xin', 'Lô'],
  facility: ['Cơ sở tiêm chủng', 'Nơi tiêm', 'Điểm tiêm', 'Cơ sở tiêm'],
  note: ['Ghi chú'],
};

export const LIST_COLUMNS = headerReader<ListField>({ fields: LIST_FIELDS, aliases: LIST_ALIASES, anchors: ['fullName'] });

export type ListMapping = Mapping<ListField>;
