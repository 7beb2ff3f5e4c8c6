/**
 * The documents registry (issue 6): printing freezes a list's result as a numbered document version
 * with the SHA-256 of its canonical content; a paper's code (QR on every page, and the PDF's
 * metadata) is checked against it; the chairman's (or facility head's) sign-off is recorded and a
 * signed version never changes.
 */
import { audit } from '../audit/audit';
import type { DocumentVerification, DocumentVersionView, SignRole } from '../../shared/api-contract';
import { DEFAULT_LETTERHEAD, parseDocumentCode, type DocumentCode, type Letterhead } from '../../shared/documents/letterhead';
import { translate, type Locale } from '../../shared/i18n';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { getSetting, setSetting } from '../settings/settings';
import { currentContent, listBody, type DocumentContent, type StoredDocument } from './content';

interface DocumentRowDb {
  readonly id: number;
  readonly list_id: number;
  readonly number: string;
  readonly version: number;
  readonly content: string;
  readonly content_hash: string;
  readonly created_at: string;
  readonly created_by: string | null;
  readonly signed_at: string | null;
  readonly signed_by: string | null;
  readonly signed_role: SignRole | null;
  readonly signed_account: string | null;
}

/** The letterhead the settings hold (the defaults where a field was never set). */
export function readLetterhead(db: Db): Letterhead {
  const saved = getSetting(db, 'letterhead');
  return { ...DEFAULT_LETTERHEAD, ...(saved ? (JSON.parse(saved) as Partial<Letterhead>) : {}) };
}

/** Keeps the letterhead (audited, at the caller's clock). */
export function saveLetterhead(db: Db, letterhead: Letterhead, now: Date): void {
  setSetting(db, 'letterhead', JSON.stringify(letterhead));
  audit(db, 'settings.letterhead', null, {}, now);
}

function stored(row: DocumentRowDb): StoredDocument {
  return {
    id: row.id,
    number: row.number,
    version: row.version,
    hash: row.content_hash,
    content: JSON.parse(row.content) as DocumentContent,
    signed: row.signed_at !== null,
  };
}

function latestOf(db: Db, listId: number): DocumentRowDb | undefined {
  return db
    .prepare<[number], DocumentRowDb>('SELECT * FROM documents WHERE list_id = ? ORDER BY version DESC LIMIT 1')
    .get(listId);
}

/** One stored version, to print again exactly as it was. */
export function storedDocument(db: Db, documentId: number): StoredDocument | null {
  const row = db.prepare<[number], DocumentRowDb>('SELECT * FROM documents WHERE id = ?').get(documentId);
  return row ? stored(row) : null;
}

/** Every printed version of a list's result, newest first. */
export function documentVersions(db: Db, listId: number): DocumentVersionView[] {
  const rows = db.prepare<[number], DocumentRowDb>('SELECT * FROM documents WHERE list_id = ? ORDER BY version DESC').all(listId);
  return rows.map((r, i) => view(r, i === 0));
}

function view(r: DocumentRowDb, latest: boolean): DocumentVersionView {
  return {
    id: r.id,
    listId: r.list_id,
    number: r.number,
    version: r.version,
    hash: r.content_hash,
    issuedOn: (JSON.parse(r.content) as DocumentContent).issuedOn,
    createdAt: r.created_at,
    createdBy: r.created_by,
    signedAt: r.signed_at,
    signedBy: r.signed_by,
    signedRole: r.signed_role,
    signedAccount: r.signed_account,
    latest,
  };
}

/** Records that the chairman (or facility head) signed this version; a signed version is never signed again. */
export function signOff(
  db: Db,
  request: { documentNumber: string; version: number; by: string; account: string | null; role: SignRole },
  now: Date,
): Result<DocumentVersionView> {
  return db.transaction((): Result<DocumentVersionView> => {
    const row = db
      .prepare<[string, number], DocumentRowDb>('SELECT * FROM documents WHERE number = ? AND version = ?')
      .get(request.documentNumber, request.version);
    if (!row) return fail('doc.notFound', { number: request.documentNumber, version: request.version });
    if (row.signed_at !== null)
      return fail('doc.alreadySigned', { number: row.number, version: row.version, by: row.signed_by ?? '' });
    db.prepare('UPDATE documents SET signed_at = ?, signed_by = ?, signed_role = ?, signed_account = ? WHERE id = ?').run(
      now.toISOString(),
      request.by,
      request.role,
      request.account,
      row.id,
    );
    const details = { number: row.number, version: row.version, role: request.role, account: request.account };
    audit(db, 'document.signoff', `document:${row.id}`, details, now);
    const latest = latestOf(db, row.list_id)!;
    return ok(
      view(db.prepare<[number], DocumentRowDb>('SELECT * FROM documents WHERE id = ?').get(row.id)!, latest.id === row.id),
    );
  })();
}

/**
 * Whether a code names a stored version with that content hash, and whether that version still tells
 * the list's truth (the list has not changed since it was printed). The code alone says nothing of
 * what a paper shows: `codeFound`, never `ok`.
 */
export function verifyCode(db: Db, code: DocumentCode, now: Date): DocumentVerification {
  const base = { documentNumber: code.number, version: code.version };
  const row = db
    .prepare<[string, number], DocumentRowDb>('SELECT * FROM documents WHERE number = ? AND version = ?')
    .get(code.number, code.version);
  if (!row) return { ...base, valid: false, signed: false, reason: 'unknown', latestVersion: null, listId: null };
  const latest = latestOf(db, row.list_id)!;
  const common = {
    ...base,
    signed: row.signed_at !== null,
    signedBy: row.signed_by,
    latestVersion: latest.version,
    listId: row.list_id,
  };
  if (row.content_hash !== code.hash) return { ...common, valid: false, reason: 'hashMismatch' };
  const printed = JSON.parse(row.content) as DocumentContent;
  const now_ = currentContent(db, row.list_id, printed.issuedOn, printed.letterhead, now);
  if (now_ === null || listBody(now_) !== listBody(printed)) return { ...common, valid: false, reason: 'changed' };
  return { ...common, valid: true, reason: 'codeFound' };
}

/** The document code a PDF made by this app carries in its metadata (kept through signing), or null. */
export function codeInPdf(pdf: Uint8Array): DocumentCode | null {
  const text = Buffer.from(pdf).toString('latin1');
  // The metadata entry is an indirect string object: `(DOICHIEU-DOC|number|version|hash)`.
  const matches = [...text.matchAll(/\((DOICHIEU-DOC\|[^)]{1,150})\)/g)];
  const last = matches.at(-1);
  return last ? parseDocumentCode(last[1]!) : null;
}

/** The verdict in words, for the lookup screen and the CLI. */
export function verdictMessage(verdict: DocumentVerification, locale: Locale): string {
  const params = { number: verdict.documentNumber, version: verdict.version, latest: verdict.latestVersion ?? '' };
  // A file checked byte for byte: said as such (the shared `ok` wording is about a paper's code).
  const key = verdict.reason === 'ok' ? 'doc.verdict.fileExact' : (`doc.verdict.${verdict.reason}` as const);
  const main = translate(locale, key, params);
  if (verdict.reason !== 'ok' && verdict.reason !== 'codeFound') return main;
  return `${main} ${verdict.signed ? translate(locale, 'doc.signedBy', { by: verdict.signedBy ?? '' }) : translate(locale, 'doc.notSigned')}.`;
}
