/**
 * A demo list as a health station would hand it over since the reform: some rows copy today's
 * two-level addresses, others were typed from older records and name the old commune, with or without
 * the district, abbreviated or not. Every form names the demo resident's own place, so each row agrees.
 */
import type { IsoDate } from '../../shared/dates';
import type { ResidentRecord, Sex } from '../../shared/types';
import { DEMO_VILLAGES } from './demo-residents';

export interface DemoListRow {
  readonly fullName: string;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly idNumber: string;
  readonly address: string;
}

const FORMS = ['new', 'old', 'oldShort', 'newShort', 'oldAbbreviated'] as const;
type AddressForm = (typeof FORMS)[number];

/** A resident's village written in one of the forms lists use. */
export function demoListAddress(registryAddress: string | null, form: AddressForm): string {
  const village = DEMO_VILLAGES.find((v) => registryAddress?.startsWith(`${v.village},`)) ?? DEMO_VILLAGES[0]!;
  const former = village.formerCommune;
  const abbreviated = former.replace(/^thị trấn /, 'TT. ').replace(/^xã /, 'X. ');
  switch (form) {
    case 'new':
      return `${village.village}, xã Chiêm Hóa, tỉnh Tuyên Quang`;
    case 'newShort':
      return `${village.village}, xã Chiêm Hóa`;
    case 'old':
      return `${village.village}, ${former}, huyện Chiêm Hóa, tỉnh Tuyên Quang`;
    case 'oldShort':
      return `${village.village}, ${former}`;
    case 'oldAbbreviated':
      return `${village.village.replace(/^Thôn /, 'Th. ')}, ${abbreviated}, H. Chiêm Hóa`;
  }
}

/** The first `count` residents as list rows, their addresses cycling through the old and new forms. */
export function generateDemoList(residents: readonly ResidentRecord[], count: number): DemoListRow[] {
  return residents.slice(0, count).map((r, i) => ({
    fullName: r.fullName,
    birthDate: r.birthDate,
    sex: r.sex,
    idNumber: r.personalId,
    address: demoListAddress(r.permanentAddress, FORMS[i % FORMS.length]!),
  }));
}
