import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storedDocument } from '../../src/main/documents/documents';
import { documentPdf } from '../../src/main/documents/state-pdf';
import { listEntries } from '../../src/main/lists/list-views';
import { resolveEntrySafely } from '../../src/main/lists/resolve-entry';
import { throwawayP12 } from '../helpers/certificate';
import { withDatabase } from '../helpers/db';
import { CLI_NOW, cli } from '../helpers/cli';
import { REGISTRY_CSV, SHARED_FIXTURES, tempDir } from '../helpers/paths';
import { pdfFonts, pdfPageCount, pdfQrCodes, pdfSignatureReport, pdfText } from '../helpers/pdf';

const LIST_XLSX = join(SHARED_FIXTURES, 'verification', 'list.xlsx');

let dir: string;
let cleanup: () => void;
let dbFile: string;
beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  dbFile = join(dir, 'docs.sqlite');
  expect((await cli('registry', 'import', REGISTRY_CSV, '--db', dbFile)).code).toBe(0);
  expect((await cli('list', 'import', LIST_XLSX, '--db', dbFile, '--source', 'Trạm Y tế xã Trung Hà')).code).toBe(0);
  expect((await cli('list', 'check', '1', '--db', dbFile)).code).toBe(0);
}, 60_000);
afterEach(() => cleanup());

async function exportPdf(name: string) {
  const pdf = join(dir, `${name}.pdf`);
  const xlsx = join(dir, `${name}.xlsx`);
  const run = await cli(
    'list',
    'export',
    '1',
    '--pdf',
    pdf,
    '--xlsx',
    xlsx,
    '--partial',
    '--signer',
    'Hoàng Văn Chủ',
    '--db',
    dbFile,
    '--json',
  );
  expect(run.code).toBe(0);
  const { documentNumber, version, hash } = JSON.parse(run.stdout) as { documentNumber: string; version: number; hash: string };
  return { pdf, xlsx, out: { documentNumber, version, hash } };
}

async function verify(pdf: string) {
  const run = await cli('doc', 'verify', pdf, '--db', dbFile, '--json');
  return {
    code: run.code,
    stderr: run.stderr,
    // A refused paper still prints its verdict (exit 1); a file without a code prints nothing.
    value: run.stdout === '' ? null : (JSON.parse(run.stdout) as Record<string, unknown>),
  };
}

describe('the printed list', () => {
  it('is a state-format PDF: both header blocks, every name in Vietnamese, fonts embedded, page numbers, signature, a QR on every page', async () => {
    const { pdf, out } = await exportPdf('kq');
    expect(out).toMatchObject({ documentNumber: '1/DS-UBND', version: 1 });
    const text = pdfText(pdf);
    for (const line of [
      // Dated after 1 July 2025: a commune People's Committee with no district line above it.
      'ỦY BAN NHÂN DÂN',
      'XÃ TRUNG HÀ',
      'Số: 1/DS-UBND',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Trung Hà, ngày 27 tháng 11 năm 2026',
      'DANH SÁCH',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nơi nhận:',
      '- Lưu: VT, CA.',
    ])
      expect(text).toContain(line);
    // Matched people as the registry spells them; everyone else as the list wrote them.
    const names = withDatabase(dbFile, (db) =>
      listEntries(db, 1).map((e) => (e.status === 'matched' ? e.resident!.fullName : e.fullName!)),
    );
    expect(names).toHaveLength(400);
    const flat = text.replace(/\s+/g, ' ');
    // A long name wraps inside its cell, so its last words may come after other columns' text.
    const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const name of names) {
      const words = name.trim().split(/\s+/).map(escape);
      expect(flat).toMatch(new RegExp(words.join('[\\s\\S]{0,160}?')));
    }
    expect(flat).toMatch(/Tổng số: 400 người; trong đó: Khớp: \d+; Sai lệch: \d+/);
    // The signer's name under the signature space.
    expect(flat).toMatch(/CHỦ TỊCH.*Hoàng Văn Chủ/);

    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBe(4);
    for (const line of fonts) expect(line).toMatch(/Tinos.*\byes\s+yes\s+yes\b/);

    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(5);
    expect(pdfText(pdf, 1).split('\n').slice(0, 3).join(' ')).not.toMatch(/^\s*1\s*$/m);
    expect(pdfText(pdf, 2).trim().split('\n')[0]!.trim()).toBe('2');
    // The header row is repeated on every page.
    expect(pdfText(pdf, pages)).toContain('Họ và tên');

    // The PDF carries the audit trail's signed head: an anchor the chain is checked against.
    const audited = await cli('audit', 'verify', pdf, '--db', dbFile, '--json');
    expect(JSON.parse(audited.stdout)).toMatchObject({ valid: true, problems: [] });
    expect(readFileSync(pdf).toString('latin1')).toMatch(/DOICHIEU-AUDIT\|\d+\|[0-9a-f]{64}\|/);

    const codes = pdfQrCodes(pdf, { first: 1, last: 3 });
    expect(codes).toEqual(Array(3).fill(`DOICHIEU-DOC|1/DS-UBND|1|${out.hash}`));
  }, 120_000);

  it('is verified against the registry, and a paper of a changed list is not valid any more', async () => {
    const first = await exportPdf('v1');
    expect((await verify(first.pdf)).value).toMatchObject({
      valid: true,
      documentNumber: '1/DS-UBND',
      version: 1,
      signed: false,
    });

    // Printing the unchanged list again gives the same version.
    expect((await exportPdf('again')).out).toEqual(first.out);

    // The list changes: the old paper no longer tells its truth; printing makes version 2 of the same number.
    withDatabase(dbFile, (db) => {
      const entry = listEntries(db, 1).find((e) => e.status === 'mismatched')!;
      const resolved = resolveEntrySafely(db, { entryId: entry.id, resolution: 'list_corrected', by: 'Hải' }, CLI_NOW);
      expect(resolved.ok).toBe(true);
    });
    expect((await verify(first.pdf)).value).toMatchObject({ valid: false, reason: 'changed', latestVersion: 1, version: 1 });
    const second = await exportPdf('v2');
    expect(second.out).toMatchObject({ documentNumber: '1/DS-UBND', version: 2 });
    expect(second.out.hash).not.toBe(first.out.hash);
    expect((await verify(second.pdf)).value).toMatchObject({ valid: true, version: 2 });
    expect((await verify(first.pdf)).value).toMatchObject({ valid: false, latestVersion: 2 });

    // The old version stays readable, exactly as printed.
    const old = withDatabase(dbFile, (db) => storedDocument(db, 1)!);
    expect(old).toMatchObject({ number: '1/DS-UBND', version: 1, hash: first.out.hash });
    const reprinted = join(dir, 'old.pdf');
    writeFileSync(reprinted, await documentPdf(old));
    expect(pdfText(reprinted)).not.toContain('Sửa danh sách');
    expect(pdfText(second.pdf)).toContain('Sửa danh sách');

    // A paper whose code was altered is not valid; a PDF without a code is bad input.
    const bytes = readFileSync(second.pdf);
    const at = bytes.indexOf(`|2|${second.out.hash}`);
    bytes[at + 3] = bytes[at + 3] === 0x61 ? 0x62 : 0x61;
    const altered = join(dir, 'altered.pdf');
    writeFileSync(altered, bytes);
    expect((await verify(altered)).value).toMatchObject({ valid: false, reason: 'hashMismatch' });
    const foreign = join(dir, 'foreign.pdf');
    writeFileSync(foreign, readFileSync(second.pdf).toString('latin1').replaceAll('DOICHIEU-DOC', 'SOMETHING-EL'), 'latin1');
    const refused = await verify(foreign);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/không có mã văn bản/);
  }, 120_000);

  it('records the chairman’s sign-off once, after which the version is immutable', async () => {
    const { pdf } = await exportPdf('kq');
    const signed = await cli('doc', 'sign', '1/DS-UBND', '--version', '1', '--by', 'Hoàng Văn Chủ', '--db', dbFile, '--json');
    expect(signed.code).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({
      documentNumber: '1/DS-UBND',
      version: 1,
      signedBy: 'Hoàng Văn Chủ',
      role: 'chairman',
    });
    expect((await verify(pdf)).value).toMatchObject({ valid: true, signed: true });
    const again = await cli('doc', 'sign', '1/DS-UBND', '--version', '1', '--by', 'Người khác', '--db', dbFile);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/đã được ký xác nhận/);
    withDatabase(dbFile, (db) => {
      expect(() => db.prepare("UPDATE documents SET signed_by = 'X' WHERE id = 1").run()).toThrow(/immutable/);
      expect(() => db.prepare("UPDATE documents SET content = '{}' WHERE id = 1").run()).toThrow(/frozen|immutable/);
      expect(() => db.prepare('DELETE FROM documents WHERE id = 1').run()).toThrow(/immutable/);
    });
  }, 120_000);

  it('can carry a digital signature from a PKCS#12 certificate that poppler verifies, and stays verifiable', async () => {
    const { pdf } = await exportPdf('kq');
    const p12 = join(dir, 'chu-tich.p12');
    writeFileSync(p12, throwawayP12('mat-khau'));
    const signedPdf = join(dir, 'kq-ky-so.pdf');
    const wrong = await cli('doc', 'sign-pdf', pdf, '--p12', p12, '--passphrase', 'sai', '--out', signedPdf, '--db', dbFile);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/chu-tich\.p12/);
    const run = await cli('doc', 'sign-pdf', pdf, '--p12', p12, '--passphrase', 'mat-khau', '--out', signedPdf, '--db', dbFile);
    expect(run.code).toBe(0);
    const report = pdfSignatureReport(signedPdf);
    expect(report).toContain('Signature is Valid');
    expect(report).toMatch(/Signer Certificate Common Name: Nguyễn Văn Chủ Tịch/);
    expect((await verify(signedPdf)).value).toMatchObject({ valid: true, digitalSignature: true });
    expect((await verify(pdf)).value).toMatchObject({ valid: true, digitalSignature: false });
    // A byte changed inside the signed range breaks the signature.
    const bytes = readFileSync(signedPdf);
    const at = bytes.indexOf('Creator');
    bytes[at] = 0x63;
    const tampered = join(dir, 'tampered.pdf');
    writeFileSync(tampered, bytes);
    expect(pdfSignatureReport(tampered)).not.toContain('Signature is Valid');
  }, 120_000);
});
