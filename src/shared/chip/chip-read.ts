/** What reading a CCCD chip gives (the `chip read` contract, DESIGN.md §5). */
import type { IsoDate } from '../dates';
import type { Problem } from '../result';
import type { FaceImage } from './lds-files';
import type { Dg13Data } from './dg13';

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

/** What the chip says of its holder (DG13, the same fields), with what else was read and checked. */
export interface ChipRead extends Dg13Data {
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
