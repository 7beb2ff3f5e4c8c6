/**
 * Checking a paper (issue 19). A PDF file is accepted only when it is the exact file kept for a
 * version (by its SHA-256), or that file followed by signature updates that verify over it
 * (`pdf-signature.ts`); the document code inside the file only says which kept file to compare
 * with. A scanned QR code is looked up, and the stored content is shown for the officer to compare
 * the paper with: the code cannot tell what the paper shows.
 */
import type { DocumentVerification, StoredPaper } from '../../shared/api-contract';
import { parseDocumentCode } from '../../shared/documents/letterhead';
import { fail, ok, type Result } from '../../shared/result';
import { sha256OfBytes } from '../crypto/hash';
import type { Db } from '../db/open-database';
import { codeInPdf, storedDocument, verifyCode } from './documents';
import { checkSignatureUpdates } from './pdf-signature';
import { keptPdf } from './print-version';

export interface PdfVerification extends DocumentVerification {
  /** The file carries signature updates that verify over the kept file. */
  readonly digitalSignature: boolean;
  /** Whose certificates signed it (their common names; reported, not trusted). */
  readonly signers: readonly string[];
}

const versionId = (db: Db, number: string, version: number) =>
  db.prepare<[string, number], { id: number }>('SELECT id FROM documents WHERE number = ? AND version = ?').get(number, version)
    ?.id ?? null;

/** `doc verify`: the file against the kept bytes of the version it names. */
export function verifyPdf(db: Db, pdf: Uint8Array, now: Date): Result<PdfVerification> {
  const unsigned = { digitalSignature: false, signers: [] };
  const exact = db
    .prepare<[string], { document_id: number }>('SELECT document_id FROM document_files WHERE pdf_sha256 = ?')
    .get(sha256OfBytes(pdf));
  if (exact) {
    const document = storedDocument(db, exact.document_id)!;
    const verdict = verifyCode(db, { number: document.number, version: document.version, hash: document.hash }, now);
    return ok({ ...verdict, reason: verdict.valid ? 'ok' : verdict.reason, ...unsigned });
  }
  const code = codeInPdf(pdf);
  if (code === null) return fail('doc.noCode');
  const verdict = verifyCode(db, code, now);
  if (verdict.reason === 'unknown' || verdict.reason === 'hashMismatch') return ok({ ...verdict, ...unsigned });
  const kept = keptPdf(db, versionId(db, code.number, code.version)!);
  if (kept === null) return ok({ ...verdict, valid: false, reason: 'notKept', ...unsigned });
  const signature = checkSignatureUpdates(kept, pdf);
  if (signature.kind === 'notAnUpdate') return ok({ ...verdict, valid: false, reason: 'fileDiffers', ...unsigned });
  if (signature.kind === 'invalid') return ok({ ...verdict, valid: false, reason: 'signatureInvalid', ...unsigned });
  return ok({ ...verdict, reason: verdict.valid ? 'ok' : verdict.reason, digitalSignature: true, signers: signature.signers });
}

/** A scanned paper's code: the version it names, with that version's content to compare the paper with. */
export function verifyScannedCode(
  db: Db,
  text: string,
  now: Date,
): Result<DocumentVerification & { stored: StoredPaper | null }> {
  const code = parseDocumentCode(text);
  if (!code) return fail('doc.noCode');
  const verdict = verifyCode(db, code, now);
  const id = verdict.reason === 'unknown' ? null : versionId(db, code.number, code.version);
  const document = id === null || verdict.reason === 'hashMismatch' ? null : storedDocument(db, id);
  const stored: StoredPaper | null = document && {
    number: document.number,
    version: document.version,
    issuedOn: document.content.issuedOn,
    listName: document.content.list.title ?? document.content.list.fileName,
    rows: document.content.rows.map((r) => ({
      row: r.row,
      fullName: r.fullName,
      birthDate: r.birthDate,
      idNumber: r.idNumber,
      status: r.status,
    })),
  };
  return ok({ ...verdict, stored });
}
