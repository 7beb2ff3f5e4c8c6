/**
 * The documents registry (issue 6): printing freezes a list's result as a numbered document version
 * with the SHA-256 of its canonical content; a paper's code (QR on every page, and the PDF's
 * metadata) is checked against it; the chairman's (or facility head's) sign-off is recorded and a
 * signed version never changes.
 */
import { audit, signedHead } from '../audit/audit';
import { installationKey } from '../crypto/signing-key';
import type { PrintMarks } from './state-pdf';
import type { DocumentVerification, DocumentVersionView, SignRole } from '../../shared/api-contract';
import { DEFAULT_LETTERHEAD, parseDocumentCode, type DocumentCode, type Letterhead } from '../../shared/documents/letterhead';
import { translate, type Locale } from '../../shared/i18n';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { vietnamToday } from '../../shared/dates';
import { getSetting, setSetting } from '../settings/settings';
import { contentHash, currentContent, listBody, printedBody, type DocumentContent, type StoredDocument } from './content';

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

export function saveLetterhead(db: Db, letterhead: Letterhead): void {
  setSetting(db, 'letterhead', JSON.stringify(letterhead));
  audit(db, 'settings.letterhead', null);
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

/**
 * The document to print for a list: its latest version when nothing printed has changed since,
 * otherwise a new version (the list's first gets the year's next number). Null: no such list.
 */
export function documentForPrinting(db: Db, listId: number, now: Date, by: string | null): StoredDocument | null {
  return db.transaction(() => {
    const issuedOn = vietnamToday(now);
    const content = currentContent(db, listId, issuedOn, readLetterhead(db), now);
    if (content === null) return null;
    const latest = latestOf(db, listId);
    if (latest && printedBody(JSON.parse(latest.content) as DocumentContent) === printedBody(content)) return stored(latest);
    const year = Number(issuedOn.slice(0, 4));
    let number: string;
    let sequence: number;
    if (latest) {
      ({ number, sequence } = db
        .prepare<[number], { number: string; sequence: number }>('SELECT number, sequence FROM documents WHERE id = ?')
        .get(latest.id)!);
    } else {
      sequence =
        db.prepare<[number], { n: number | null }>('SELECT max(sequence) AS n FROM documents WHERE year = ?').get(year)!.n ?? 0;
      sequence += 1;
      number = `${sequence}/DS-${content.letterhead.issuingCode}`;
    }
    const version = (latest?.version ?? 0) + 1;
    const hash = contentHash(content);
    const id = Number(
      db
        .prepare(
          `INSERT INTO documents (list_id, number, year, sequence, version, content, content_hash, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(listId, number, year, sequence, version, JSON.stringify(content), hash, now.toISOString(), by).lastInsertRowid,
    );
    audit(db, 'document.print', `document:${id}`, { number, version, list: listId }, now);
    return { id, number, version, hash, content, signed: false };
  })();
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
 * Whether a paper with this code matches the stored version, and whether that version still tells
 * the list's truth (the list has not changed since it was printed).
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
  return { ...common, valid: true, reason: 'ok' };
}

/** The document code a PDF made by this app carries in its metadata (kept through signing), or null. */
export function codeInPdf(pdf: Uint8Array): DocumentCode | null {
  const text = Buffer.from(pdf).toString('latin1');
  // The metadata entry is an indirect string object: `(DOICHIEU-DOC|number|version|hash)`.
  const matches = [...text.matchAll(/\((DOICHIEU-DOC\|[^)]{1,150})\)/g)];
  const last = matches.at(-1);
  return last ? parseDocumentCode(last[1]!) : null;
}

/** `doc verify`: the PDF's code checked against the registry. */
export function verifyPdf(db: Db, pdf: Uint8Array, now: Date): Result<DocumentVerification & { digitalSignature: boolean }> {
  const code = codeInPdf(pdf);
  if (code === null) return fail('doc.noCode');
  const digitalSignature = /\/Type\s*\/Sig\b/.test(Buffer.from(pdf).toString('latin1'));
  return ok({ ...verifyCode(db, code, now), digitalSignature });
}

/** The verdict in words, for the lookup screen and the CLI. */
export function verdictMessage(verdict: DocumentVerification, locale: Locale): string {
  const params = { number: verdict.documentNumber, version: verdict.version, latest: verdict.latestVersion ?? '' };
  const main = translate(locale, `doc.verdict.${verdict.reason}`, params);
  if (verdict.reason !== 'ok') return main;
  return `${main} ${verdict.signed ? translate(locale, 'doc.signedBy', { by: verdict.signedBy ?? '' }) : translate(locale, 'doc.notSigned')}.`;
}

/** What a PDF printed now carries besides its content: the key fingerprint and the signed audit head. */
export function printMarks(db: Db, document: StoredDocument, now: Date): PrintMarks {
  return { keyFingerprint: installationKey(db).fingerprint, auditHead: signedHead(db, `document:${document.id}`, now) };
}
