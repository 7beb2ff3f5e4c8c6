/** What reading a CCCD chip gives (the `chip read` contract, DESIGN.md §5). */
import type { IsoDate } from '../dates';
import type { Problem } from '../result';
import type { Sex } from '../types';
import type { FaceImage } from './lds-files';

/** genuine: chain to an installed CSCA verified; intact_no_csca: signed and unaltered, CSCA not installed. */
export type AuthenticityStatus = 'genuine' | 'intact_no_csca' | 'not_genuine';

export const AUTHENTICITY_STATUSES: readonly AuthenticityStatus[] = ['genuine', 'intact_no_csca', 'not_genuine'];

export interface Authenticity {
  readonly status: AuthenticityStatus;
  /** Which checks failed (or, for intact_no_csca, what is missing). */
  readonly problems: readonly Problem[];
}

/** The key that opened the chip. */
export interface OpenedWith {
  readonly source: 'mrz' | 'qr' | 'typed';
  readonly documentNumber: string;
  /** YYMMDD as BAC used it. */
  readonly birth: string;
  readonly expiry: string;
  /** The expiry date tried (null: a card without expiry), when the source gave a full date. */
  readonly expiryDate: IsoDate | null;
  /** Which of the candidate keys opened it (1-based), and how many there were. */
  readonly attempt: number;
  readonly candidates: number;
}

export interface ChipRead {
  readonly personalId: string | null;
  readonly fullName: string | null;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly nationality: string | null;
  readonly ethnicity: string | null;
  readonly religion: string | null;
  readonly placeOfOrigin: string | null;
  readonly placeOfResidence: string | null;
  readonly identifyingMarks: string | null;
  readonly issueDate: IsoDate | null;
  readonly expiryDate: IsoDate | null;
  /** DG13 says the card never expires ("Không thời hạn"). */
  readonly expiresNever: boolean;
  readonly fatherName: string | null;
  readonly motherName: string | null;
  readonly spouseName: string | null;
  readonly oldId: string | null;
  /** DG1's MRZ lines. */
  readonly mrz: readonly string[] | null;
  readonly photo: FaceImage | null;
  readonly authenticity: Authenticity;
  readonly openedWith: OpenedWith;
  /** The data groups EF.COM lists. */
  readonly dataGroups: readonly number[];
}

export type ChipStage = 'connecting' | 'access' | 'reading' | 'verifying';

export interface ChipProgress {
  readonly stage: ChipStage;
  /** The file being read (reading stage), its place among the files to read, and how many there are. */
  readonly file?: string | undefined;
  readonly fileIndex?: number | undefined;
  readonly fileCount?: number | undefined;
  /** Bytes of that file read so far, and its length. */
  readonly read?: number | undefined;
  readonly total?: number | undefined;
}
