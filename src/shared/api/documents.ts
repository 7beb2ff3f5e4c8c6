/** Printed versions of a list's result, their sign-off and verification, and the letterhead. */
import { z } from 'zod';
import { ADMIN, EVERYONE, LISTS, SIGNER } from '../auth/roles';
import type { IsoDate } from '../dates';
import type { EntryStatus } from '../verification/vocabulary';
import type { Letterhead } from '../documents/letterhead';
import { channel, noFields, rowId, type ExportedFile } from './define';

export type SignRole = 'chairman' | 'facility_head';
export const SIGN_ROLES: readonly SignRole[] = ['chairman', 'facility_head'];

/** One printed version of a list's result (the documents registry). */
export interface DocumentVersionView {
  readonly id: number;
  readonly listId: number;
  readonly number: string;
  readonly version: number;
  readonly hash: string;
  readonly issuedOn: IsoDate;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly signedAt: string | null;
  readonly signedBy: string | null;
  readonly signedRole: SignRole | null;
  /** The account that recorded the signature (the signer's own). */
  readonly signedAccount: string | null;
  /** The list's newest version. */
  readonly latest: boolean;
}

/**
 * What a paper's check found. A PDF file: `ok` when it is the kept file byte for byte (or that file
 * with signature updates that verify); `fileDiffers`, `signatureInvalid`, `notKept` otherwise. A QR
 * code names a version and its content hash, and says nothing of what the paper shows: `codeFound`
 * (the officer compares the paper with the stored content). Both: `unknown`, `hashMismatch`, `changed`.
 */
export type VerificationReason =
  'ok' | 'codeFound' | 'unknown' | 'hashMismatch' | 'changed' | 'fileDiffers' | 'signatureInvalid' | 'notKept';

/** Whether a paper (its QR code, or its PDF) is a stored version, and whether the list still says what it says. */
export interface DocumentVerification {
  readonly valid: boolean;
  readonly documentNumber: string;
  readonly version: number;
  readonly signed: boolean;
  readonly reason: VerificationReason;
  readonly signedBy?: string | null;
  readonly latestVersion: number | null;
  readonly listId: number | null;
}

/** One row of a stored version, shown beside a scanned paper. */
export interface StoredPaperRow {
  readonly row: number;
  readonly fullName: string | null;
  readonly birthDate: string | null;
  readonly idNumber: string | null;
  readonly status: EntryStatus | null;
}

/** What a stored version says, for the officer to compare the paper in hand with. */
export interface StoredPaper {
  readonly number: string;
  readonly version: number;
  readonly issuedOn: IsoDate;
  readonly listName: string;
  readonly rows: readonly StoredPaperRow[];
}

const upperLine = z.string().trim().min(1).max(120);
const letterheadSchema = z
  .object({
    parentBody: z.string().trim().max(120),
    issuingBody: upperLine,
    issuingCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/),
    place: z.string().trim().min(1).max(80),
    signForm: z.enum(['TM', 'KT', 'direct']),
    collective: z.string().trim().max(120),
    signerTitle: upperLine,
    signerName: z.string().trim().max(120),
    recipients: z.array(z.string().trim().min(1).max(200)).max(12),
    archive: z.string().trim().min(1).max(80),
  })
  .strict();
const documentId = z.object({ documentId: rowId }).strict();

export const DOCUMENTS_CHANNELS = {
  'documents-list': channel<readonly DocumentVersionView[]>()({
    effect: 'reads',
    request: z.object({ listId: rowId }).strict(),
    roles: EVERYONE,
  }),
  'documents-pdf': channel<ExportedFile>()({ effect: 'writes', request: documentId, roles: EVERYONE }),
  'documents-open': channel<{ readonly opened: boolean; readonly file: ExportedFile | null }>()({
    effect: 'writes',
    request: documentId,
    roles: EVERYONE,
  }),
  'documents-signoff': channel<DocumentVersionView>()({
    effect: 'writes',
    // Recorded as the signed-in chairman: no name is typed, and no one signs on their behalf.
    request: z.object({ documentId: rowId, role: z.enum(['chairman', 'facility_head']) }).strict(),
    roles: SIGNER,
  }),
  'documents-verify': channel<DocumentVerification & { readonly message: string; readonly stored: StoredPaper | null }>()({
    effect: 'reads',
    request: z.object({ text: z.string().min(1).max(1000) }).strict(),
    roles: EVERYONE,
  }),
  'letterhead-get': channel<Letterhead>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'letterhead-set': channel<Letterhead>()({
    effect: 'writes',
    request: z.object({ letterhead: letterheadSchema }).strict(),
    roles: ADMIN,
  }),
  // Asked at the first print when the settings have no signer: whoever prints may fill it in.
  'letterhead-set-signer': channel<Letterhead>()({
    effect: 'writes',
    request: z
      .object({
        signForm: z.enum(['TM', 'KT', 'direct']),
        signerTitle: upperLine,
        signerName: z.string().trim().min(1).max(120),
      })
      .strict(),
    roles: LISTS,
  }),
} as const;
