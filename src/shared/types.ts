import type { IsoDate } from './dates';

export type Sex = 'male' | 'female';

/** A cell as read from a spreadsheet or CSV. */
export type CellValue = string | number | boolean | Date | null;

/** A resident as the registry extract describes them. */
export interface ResidentRecord {
  readonly personalId: string;
  readonly oldId: string | null;
  readonly fullName: string;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly ethnicity: string | null;
  readonly nationality: string | null;
  readonly permanentAddress: string | null;
  readonly currentAddress: string | null;
  readonly householdCode: string | null;
}

/** A problem with one row of an imported file; `row` is the row number the spreadsheet shows. */
export interface RowError {
  readonly row: number;
  readonly message: string;
}
