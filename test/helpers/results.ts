import { listWorkbook } from './lists';

export const RESULTS_HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Số CMND/CCCD',
  'Địa chỉ',
  'Ngày tiêm',
  'Loại vắc xin',
  'Số lô',
  'Mũi tiêm',
  'Cơ sở tiêm chủng',
];

/** A vaccination results list as a health station sends it. */
export function resultsWorkbook(rows: readonly (readonly (string | null)[])[]): Promise<Uint8Array> {
  return listWorkbook(rows, { header: RESULTS_HEADER });
}

const TUONG = ['Ma Văn Tường', '06/08/1990', 'Nam', '008090012345', 'Thôn Ba 1, xã Trung Hà'];
const HUONG = ['Lường Thị Hưởng', '12/03/1995', 'Nữ', '008195004321', 'Thôn Nà Coóc, xã Trung Hà'];
const DUC = ['Đặng Đình Đức', '1956', 'Nam', '008156001122', 'Thôn Khuôn Hà, xã Trung Hà'];

/** First session: one clean dose, one without a lot, one with a vaccine nobody knows. */
export const FIRST_SESSION = [
  [...TUONG, '01/11/2021', 'AstraZeneca', 'NJ0342', '1', 'Trạm Y tế xã Trung Hà'],
  [...HUONG, '01/11/2021', 'Pfizer', '', '1', 'Trạm Y tế xã Trung Hà'],
  [...DUC, '01/11/2021', 'Vắc xin XYZ', 'L01', '1', 'Trạm Y tế xã Trung Hà'],
];

/** Second session: Tường's dose 2 too early; Hưởng's dose 2 of a product that does not mix. */
export const SECOND_SESSION = [
  [...TUONG, '20/11/2021', 'Pfizer', 'FK7890', '2', 'Trạm Y tế xã Trung Hà'],
  [...HUONG, '25/11/2021', 'Vero Cell', 'VC11', '2', 'Trạm Y tế xã Trung Hà'],
];
