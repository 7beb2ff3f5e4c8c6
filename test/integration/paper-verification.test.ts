/**
 * Paper verification that verifies (issue 19): `doc verify` accepts a PDF only when it is the exact
 * file kept for the version it names, or that file followed by a signature update that verifies over
 * it; a scanned code is answered with the stored content to compare, never with "matches".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/main/db/open-database';
import { storedDocument } from '../../src/main/documents/documents';
import { documentPdf } from '../../src/main/documents/state-pdf';
import { verifyScannedCode } from '../../src/main/documents/verify-document';
import { translate } from '../../src/shared/i18n';
import { throwawayP12 } from '../helpers/certificate';
import { CLI_NOW, cli } from '../helpers/cli';
import { withDatabase, withDatabaseAsync } from '../helpers/db';
import { REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';
import { pdfSignatureReport } from '../helpers/pdf';

const LIST_XLSX = join(SHARED_FIXTURES, 'verification', 'list.xlsx');

/** The rows a table holds (these tables are the tests' own choice: no outside text reaches the SQL). */
const rowsIn = (db: Db, table: 'packages' | 'package_records' | 'audit_log' | 'documents') =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let dir: string;
let cleanup: () => void;
let dbFile: string;
let printed: string;
let code: string;

async function verify(file: string) {
  const run = await cli('doc', 'verify', file, '--db', dbFile, '--json');
  return { ...run, value: run.stdout === '' ? null : (JSON.parse(run.stdout) as Record<string, unknown>) };
}

function exportArgs(pdf: string): string[] {
  return ['list', 'export', '1', '--pdf', pdf, '--partial', '--signer', 'Hoàng Văn Chủ', '--db', dbFile, '--json'];
}

/** A small real PDF of another origin. */
function otherPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.text('Danh sách khác');
    doc.end();
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  dbFile = join(dir, 'giay.sqlite');
  expect((await cli('registry', 'import', REGISTRY_CSV, '--db', dbFile)).code).toBe(0);
  expect((await cli('list', 'import', LIST_XLSX, '--db', dbFile)).code).toBe(0);
  expect((await cli('list', 'check', '1', '--db', dbFile)).code).toBe(0);
  // A print to a folder that cannot exist records nothing; the retry prints version 1.
  const refused = await cli(...exportArgs(join(dir, 'khong-co', 'thu-muc', 'kq.pdf')));
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/Không ghi được tệp .*Chưa có gì được ghi nhận/);
  withDatabase(dbFile, (db) => {
    expect(rowsIn(db, 'documents')).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'document.print'").get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT returned_at FROM lists WHERE id = 1').get()).toEqual({ returned_at: null });
  });
  printed = join(dir, 'kq.pdf');
  const run = await cli(...exportArgs(printed));
  expect(run.code).toBe(0);
  const out = JSON.parse(run.stdout) as { documentNumber: string; version: number; hash: string };
  expect(out).toMatchObject({ documentNumber: '1/DS-UBND', version: 1 });
  code = `DOICHIEU-DOC|${out.documentNumber}|${out.version}|${out.hash}`;
}, 120_000);
afterAll(() => cleanup());

describe('doc verify', () => {
  it('accepts the printed file, the same file printed again, and its signed copy', async () => {
    expect(await verify(printed)).toMatchObject({ code: 0, value: { valid: true, reason: 'ok', digitalSignature: false } });
    // Printed again: the kept bytes, not a new drawing.
    const again = join(dir, 'kq-lan-2.pdf');
    expect((await cli(...exportArgs(again))).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(printed))).toBe(true);
    // The kept file never changes and is never deleted (migration 14's triggers).
    withDatabase(dbFile, (db) => {
      expect(() => db.prepare("UPDATE document_files SET pdf = x'00'").run()).toThrow(/never changes/);
      expect(() => db.prepare('DELETE FROM document_files').run()).toThrow(/is kept/);
    });

    const p12 = join(dir, 'chu-tich.p12');
    writeFileSync(p12, throwawayP12('mat-khau'));
    const signed = join(dir, 'kq-ky-so.pdf');
    const sign = ['doc', 'sign-pdf', printed, '--p12', p12, '--passphrase', 'mat-khau', '--out', signed, '--db', dbFile];
    expect((await cli(...sign)).code).toBe(0);
    expect(pdfSignatureReport(signed)).toContain('Signature is Valid');
    expect(await verify(signed)).toMatchObject({
      code: 0,
      value: { valid: true, reason: 'ok', digitalSignature: true, signers: ['Nguyễn Văn Chủ Tịch'] },
    });

    // A byte of the signed update changed: the signature no longer verifies over the file.
    const bytes = readFileSync(signed);
    const at = bytes.indexOf('/M (D:', readFileSync(printed).length) + 6;
    bytes[at] = bytes[at] === 0x31 ? 0x32 : 0x31;
    const broken = join(dir, 'kq-ky-sai.pdf');
    writeFileSync(broken, bytes);
    const refused = await verify(broken);
    expect(refused).toMatchObject({ code: 1, value: { valid: false, reason: 'signatureInvalid', digitalSignature: false } });
    expect(refused.stderr).toMatch(/không phải chữ ký số hợp lệ/);
  }, 120_000);

  it('refuses a copy whose rows were changed, an unrelated PDF carrying the code, and a text file carrying it', async () => {
    // The same version drawn with another name in its first row: a real PDF carrying the genuine code.
    const altered = join(dir, 'kq-sua.pdf');
    await withDatabaseAsync(dbFile, async (db) => {
      const document = storedDocument(db, 1)!;
      const rows = document.content.rows.map((r, i) =>
        i === 0 ? { ...r, fullName: 'Nguyễn Văn Giả', idNumber: '008090099999' } : r,
      );
      writeFileSync(altered, await documentPdf({ ...document, content: { ...document.content, rows } }));
    });
    const unrelated = join(dir, 'khac.pdf');
    writeFileSync(unrelated, Buffer.concat([await otherPdf(), Buffer.from(`\n(${code})\n`, 'latin1')]));
    const text = join(dir, 'ma.txt');
    writeFileSync(text, `(${code})\n/Type /Sig\n`);
    for (const file of [altered, unrelated, text]) {
      const run = await verify(file);
      expect(run).toMatchObject({ code: 1, value: { valid: false, reason: 'fileDiffers', digitalSignature: false } });
      expect(run.stderr).toMatch(/KHÔNG phải tệp đã in của văn bản số 1\/DS-UBND, bản 1/);
    }
  }, 120_000);

  it('refuses content added to the printed file, even under a signature that covers it', async () => {
    // An incremental update drawing over page 1, then signed with a certificate the forger made.
    const original = readFileSync(printed);
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(original.toString('latin1'))![1]!;
    const size = Number(/\/Size (\d+)/.exec(original.toString('latin1'))![1]);
    const stream = 'BT /F1 12 Tf 100 700 Td (Nguyen Van Gia) Tj ET';
    const object = `${size} 0 obj\n<< /Length ${stream.length} >>\nstream\n${stream}\nendstream\nendobj\n`;
    const at = original.length + 1;
    const update =
      `\n${object}xref\n0 1\n0000000000 65535 f \n${size} 1\n${String(at).padStart(10, '0')} 00000 n \n` +
      `trailer\n<< /Size ${size + 1} /Root ${/\/Root (\d+ \d+ R)/.exec(original.toString('latin1'))![1]} /Prev ${startxref} >>\nstartxref\n${at + object.length}\n%%EOF\n`;
    const grown = join(dir, 'kq-them.pdf');
    writeFileSync(grown, Buffer.concat([original, Buffer.from(update, 'latin1')]));
    const p12 = join(dir, 'gia.p12');
    writeFileSync(p12, throwawayP12('x', 'Người Giả'));
    const signed = join(dir, 'kq-them-ky.pdf');
    expect((await cli('doc', 'sign-pdf', grown, '--p12', p12, '--passphrase', 'x', '--out', signed, '--db', dbFile)).code).toBe(
      0,
    );
    expect(pdfSignatureReport(signed)).toContain('Signature is Valid');
    expect(await verify(grown)).toMatchObject({ code: 1, value: { reason: 'signatureInvalid' } });
    expect(await verify(signed)).toMatchObject({ code: 1, value: { valid: false, reason: 'signatureInvalid' } });
  }, 120_000);
});

describe('a scanned paper code', () => {
  it('names the stored version and shows its content to compare, without saying the paper matches', () => {
    withDatabase(dbFile, (db) => {
      const verdict = verifyScannedCode(db, code, CLI_NOW);
      expect(verdict.ok).toBe(true);
      if (!verdict.ok) return;
      expect(verdict.value).toMatchObject({ valid: true, reason: 'codeFound', documentNumber: '1/DS-UBND', version: 1 });
      expect(verdict.value.stored!.rows.length).toBe(storedDocument(db, 1)!.content.rows.length);
      expect(verdict.value.stored!.rows[0]).toMatchObject({ row: expect.any(Number), fullName: expect.any(String) });
      const message = translate('vi', 'doc.verdict.codeFound', { number: '1/DS-UBND', version: 1 });
      expect(message).not.toMatch(/khớp/i);
      expect(message).toMatch(/so từng dòng/);
      const forged = verifyScannedCode(db, code.replace(/\|[0-9a-f]{8}/, '|00000000'), CLI_NOW);
      expect(forged.ok && forged.value).toMatchObject({ valid: false, reason: 'hashMismatch', stored: null });
    });
  });
});
