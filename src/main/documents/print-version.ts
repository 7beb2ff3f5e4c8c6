/**
 * Printing a list's result as a document version (issue 6), in two steps so that nothing is recorded
 * for a print that did not happen (issue 19): `preparePrint` decides the version (the latest when
 * nothing printed has changed, else a new one) and draws its PDF; `commitPrint` records it — the
 * version, the exact PDF bytes with their SHA-256, the audit entry and the head the PDF carries — in
 * one write transaction, after the caller wrote the file. A version's PDF is drawn once and its bytes
 * kept: printing it again gives the same file, which `doc verify` checks byte for byte.
 */
import { currentHead, audit, recordAnchor, type AuditHead } from '../audit/audit';
import { installationKey } from '../crypto/signing-key';
import { sha256OfBytes } from '../crypto/hash';
import { vietnamToday } from '../../shared/dates';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { writeTransactionResult } from '../db/write-transaction';
import { contentHash, currentContent, printedBody, type DocumentContent, type StoredDocument } from './content';
import type { Letterhead } from '../../shared/documents/letterhead';
import { readLetterhead } from './documents';
import { documentPdf } from './state-pdf';

interface LatestRow {
  readonly id: number;
  readonly list_id: number;
  readonly number: string;
  readonly year: number;
  readonly sequence: number;
  readonly version: number;
  readonly content: string;
  readonly content_hash: string;
  readonly signed_at: string | null;
}

export interface PreparedPrint {
  readonly listId: number;
  /** The version printed (`id` 0 while a new one is not recorded yet). */
  readonly document: StoredDocument;
  readonly pdf: Uint8Array;
  /** What committing records: a new version; the file of a version printed before files were kept; nothing (its kept file again). */
  readonly record: 'version' | 'file' | 'none';
  /** The list's latest version when prepared (0: none): another print meanwhile is noticed. */
  readonly basedOn: number;
  readonly year: number;
  readonly sequence: number;
  /** The audit head the PDF carries, recorded as an anchor on commit. */
  readonly auditHead: AuditHead | null;
}

function latestRow(db: Db, listId: number): LatestRow | undefined {
  return db
    .prepare<[number], LatestRow>(
      'SELECT id, list_id, number, year, sequence, version, content, content_hash, signed_at FROM documents WHERE list_id = ? ORDER BY version DESC LIMIT 1',
    )
    .get(listId);
}

/** The exact PDF kept for a version, or null when it was printed before files were kept. */
export function keptPdf(db: Db, documentId: number): Uint8Array | null {
  const row = db.prepare<[number], { pdf: Buffer }>('SELECT pdf FROM document_files WHERE document_id = ?').get(documentId);
  return row ? new Uint8Array(row.pdf) : null;
}

const asStored = (row: LatestRow): StoredDocument => ({
  id: row.id,
  number: row.number,
  version: row.version,
  hash: row.content_hash,
  content: JSON.parse(row.content) as DocumentContent,
  signed: row.signed_at !== null,
});

/** Draws a version's PDF with the marks printed now: the key fingerprint and the signed audit head. */
async function draw(db: Db, document: StoredDocument): Promise<{ pdf: Uint8Array; auditHead: AuditHead }> {
  const auditHead = currentHead(db);
  const pdf = await documentPdf(document, { keyFingerprint: installationKey(db).fingerprint, auditHead });
  return { pdf, auditHead };
}

/** A stored version's print: its kept bytes, or (printed before files were kept) drawn now, to be kept on commit. */
export async function prepareReprint(db: Db, document: StoredDocument, listId: number, basedOn: number): Promise<PreparedPrint> {
  const kept = keptPdf(db, document.id);
  const base = { listId, document, basedOn, year: 0, sequence: 0 };
  if (kept) return { ...base, pdf: kept, record: 'none', auditHead: null };
  return { ...base, ...(await draw(db, document)), record: 'file' };
}

/** What printing the list now gives (nothing recorded yet); null: no such list. */
export async function preparePrint(
  db: Db,
  listId: number,
  now: Date,
  letterhead: Letterhead = readLetterhead(db),
): Promise<PreparedPrint | null> {
  const issuedOn = vietnamToday(now);
  const content = currentContent(db, listId, issuedOn, letterhead, now);
  if (content === null) return null;
  const latest = latestRow(db, listId);
  const basedOn = latest?.version ?? 0;
  if (latest && printedBody(JSON.parse(latest.content) as DocumentContent) === printedBody(content))
    return prepareReprint(db, asStored(latest), listId, basedOn);
  const year = Number(issuedOn.slice(0, 4));
  const sequence =
    latest?.sequence ??
    (db.prepare<[number], { n: number | null }>('SELECT max(sequence) AS n FROM documents WHERE year = ?').get(year)!.n ?? 0) + 1;
  const number = latest?.number ?? `${sequence}/DS-${content.letterhead.issuingCode}`;
  const document: StoredDocument = { id: 0, number, version: basedOn + 1, hash: contentHash(content), content, signed: false };
  return { listId, document, basedOn, year, sequence, record: 'version', ...(await draw(db, document)) };
}

function keepFile(db: Db, documentId: number, pdf: Uint8Array, now: Date): void {
  db.prepare('INSERT INTO document_files (document_id, pdf, pdf_sha256, created_at) VALUES (?, ?, ?, ?)').run(
    documentId,
    pdf,
    sha256OfBytes(pdf),
    now.toISOString(),
  );
}

/**
 * Records a prepared print (in the caller's write transaction when there is one); refused when
 * another print of the list (or a new number) was recorded meanwhile — printing again then gives
 * the right version.
 */
export function commitPrint(db: Db, prepared: PreparedPrint, by: string | null, now: Date): Result<StoredDocument> {
  return writeTransactionResult(db, (): Result<StoredDocument> => {
    const { document, listId } = prepared;
    if ((latestRow(db, listId)?.version ?? 0) !== prepared.basedOn) return fail('doc.changedMeanwhile');
    if (prepared.record === 'none') return ok(document);
    if (prepared.record === 'file') {
      if (keptPdf(db, document.id) !== null) return fail('doc.changedMeanwhile');
      keepFile(db, document.id, prepared.pdf, now);
      recordAnchor(db, prepared.auditHead!, `document:${document.id}`, now);
      return ok(document);
    }
    const taken = db.prepare<[string, number], { id: number }>('SELECT id FROM documents WHERE number = ? AND version = ?');
    if (taken.get(document.number, document.version)) return fail('doc.changedMeanwhile');
    const id = Number(
      db
        .prepare(
          `INSERT INTO documents (list_id, number, year, sequence, version, content, content_hash, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          listId,
          document.number,
          prepared.year,
          prepared.sequence,
          document.version,
          JSON.stringify(document.content),
          document.hash,
          now.toISOString(),
          by,
        ).lastInsertRowid,
    );
    keepFile(db, id, prepared.pdf, now);
    audit(db, 'document.print', `document:${id}`, { number: document.number, version: document.version, list: listId }, now);
    recordAnchor(db, prepared.auditHead!, `document:${id}`, now);
    return ok({ ...document, id });
  });
}

/** A stored version's PDF to print again: its kept bytes (kept now, once, for a version printed before files were). */
export async function printStored(
  db: Db,
  documentId: number,
  now: Date,
): Promise<Result<{ document: StoredDocument; pdf: Uint8Array }>> {
  const row = db
    .prepare<[number], LatestRow>(
      'SELECT id, list_id, number, year, sequence, version, content, content_hash, signed_at FROM documents WHERE id = ?',
    )
    .get(documentId);
  if (!row) return fail('doc.notFound', { number: String(documentId), version: '' });
  const prepared = await prepareReprint(db, asStored(row), row.list_id, latestRow(db, row.list_id)!.version);
  const committed = commitPrint(db, prepared, null, now);
  return committed.ok ? ok({ document: committed.value, pdf: prepared.pdf }) : committed;
}
