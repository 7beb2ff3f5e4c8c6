// The pure parts of the chip reader: DG13's layout, DG1, DG2's image, EF.COM, the key sources
// (MRZ, QR with expiry from the renewal ages, typed) and the CSCA files an administrator installs.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { bacKeys, documentNumberOf } from '../../src/shared/chip/bac-key';
import { fromHex } from '../../src/shared/chip/bytes';
import { parseDg13 } from '../../src/shared/chip/dg13';
import { expiryCandidates, ruleExpiry } from '../../src/shared/chip/expiry-rules';
import { parseCom, parseDg1, parseDg2 } from '../../src/shared/chip/lds-files';
import { encodeTlv } from '../../src/shared/chip/tlv';
import { parseCscaFile, summarizeCsca } from '../../src/main/chip/csca-file';
import { buildCom, buildDg1, buildDg13, buildDg2, mrzOf, testJpeg, TEST_PERSON } from '../helpers/virtual-card/card-files';
import { makeCsca, makeDocumentSigner } from '../helpers/virtual-card/pki';

describe('DG13', () => {
  it('reads every field of the layout the cards use', () => {
    expect(parseDg13(buildDg13(TEST_PERSON))).toEqual({
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      birthDate: '1999-03-15',
      sex: 'male',
      nationality: 'Việt Nam',
      ethnicity: 'Kinh',
      religion: 'Không',
      placeOfOrigin: TEST_PERSON.placeOfOrigin,
      placeOfResidence: TEST_PERSON.placeOfResidence,
      identifyingMarks: TEST_PERSON.identifyingMarks,
      issueDate: '2021-05-10',
      expiryDate: '2024-03-15',
      expiresNever: false,
      fatherName: 'Nguyễn Văn Bình',
      motherName: 'Trần Thị Cúc',
      spouseName: null,
      oldId: '031234567',
    });
  });

  it('a spouse, a woman, a card that never expires, no old ID', () => {
    const dg13 = parseDg13(
      buildDg13({
        ...TEST_PERSON,
        sex: 'Nữ',
        spouse: 'Lê Văn Dũng',
        expiry: 'Không thời hạn',
        oldId: null,
        fullName: 'Phạm Thị Hoa',
      }),
    );
    expect(dg13).toMatchObject({ sex: 'female', spouseName: 'Lê Văn Dũng', expiryDate: null, expiresNever: true, oldId: null });
  });

  it('fields straight under tag 6D (no preamble) read the same', () => {
    const field = (n: number, text: string) =>
      encodeTlv(0x30, Uint8Array.of(2, 1, n), encodeTlv(0x0c, new TextEncoder().encode(text)));
    const dg13 = parseDg13(encodeTlv(0x6d, field(1, '001099012345'), field(2, 'Nguyễn Văn An'), field(3, '15/03/1999')));
    expect(dg13).toMatchObject({
      personalId: '001099012345',
      fullName: 'Nguyễn Văn An',
      birthDate: '1999-03-15',
      religion: null,
    });
  });

  it('something else is an error', () => {
    expect(() => parseDg13(fromHex('6102AABB'))).toThrow();
  });
});

describe('DG1, DG2, EF.COM', () => {
  it('DG1 gives the three MRZ lines', () => {
    expect(parseDg1(buildDg1(mrzOf(TEST_PERSON)))).toEqual(mrzOf(TEST_PERSON));
  });

  it('DG2 gives the JPEG inside the facial record, or a JPEG 2000', () => {
    const jpeg = testJpeg(500);
    expect(parseDg2(buildDg2(jpeg))).toEqual({ mime: 'image/jpeg', bytes: jpeg });
    const jp2 = fromHex('0000000C6A5020200D0A870A00000014667479706A703220');
    expect(parseDg2(buildDg2(jp2, 1))?.mime).toBe('image/jp2');
  });

  it('EF.COM lists the data groups', () => {
    expect(parseCom(buildCom([1, 2, 13, 14]))).toEqual([1, 2, 13, 14]);
    expect(parseCom(fromHex('60145F0104303130365F36063034303030305C026175'))).toEqual([1, 2]);
  });
});

describe('card expiry from the renewal ages', () => {
  it.each([
    ['1999-03-15', '2021-05-10', '2024-03-15'], // next renewal at 25
    ['1999-03-15', '2022-06-01', '2039-03-15'], // within two years before 25: valid to 40
    ['1980-01-20', '2021-03-01', '2040-01-20'], // 41: valid to 60
    ['1962-07-01', '2021-04-01', null], // 58 or older: never expires
    ['2012-09-09', '2024-08-01', '2026-09-09'], // a child's card: renewed at 14
    ['2000-02-29', '2021-01-01', '2025-02-28'], // born on 29 February
  ])('born %s, issued %s → %s', (birth, issue, expiry) => {
    expect(ruleExpiry(birth, issue)).toBe(expiry);
  });

  it('candidates: the rules first, then without the two-year rule, then 1 March for 29 February', () => {
    expect(expiryCandidates('1999-03-15', '2022-06-01')).toEqual(['2039-03-15', '2024-03-15']);
    expect(expiryCandidates('2000-02-29', '2021-01-01')).toEqual(['2025-02-28', '2025-03-01']);
  });
});

describe('BAC key sources', () => {
  it('the document number is the ID’s last nine digits', () => {
    expect(documentNumberOf('001099012345')).toBe('099012345');
  });

  it('an MRZ gives one key; a QR gives one per candidate expiry; typed numbers give theirs', () => {
    expect(bacKeys({ kind: 'mrz', lines: mrzOf(TEST_PERSON).join('\n') })).toMatchObject({
      ok: true,
      value: [{ documentNumber: '099012345', birth: '990315', expiry: '240315' }],
    });
    const qr = bacKeys({ kind: 'qr', payload: '001099012345||Nguyễn Văn An|15031999|Nam|Thôn Đông|01062022' });
    expect(qr.ok && qr.value.map((k) => k.expiry)).toEqual(['390315', '240315']);
    const old = bacKeys({ kind: 'qr', payload: '001062012345||Trần Văn Bảy|01071962|Nam|Thôn Đông|01042021' });
    expect(old.ok && old.value.map((k) => k.expiry)).toEqual(['<<<<<<', '991231', '220701']);
    const typed = bacKeys({ kind: 'typed', documentNumber: '001099012345', birthDate: '15/03/1999', issueDate: '10/05/2021' });
    expect(typed.ok && typed.value.map((k) => k.expiry)).toEqual(['240315']);
  });

  it('bad input is a problem', () => {
    expect(bacKeys({ kind: 'mrz', lines: 'IDVNM' })).toEqual({
      ok: false,
      problem: { key: 'chip.key.badMrz', params: undefined },
    });
    expect(bacKeys({ kind: 'typed', documentNumber: '001099012345', birthDate: '1999' }).ok).toBe(false);
    expect(bacKeys({ kind: 'typed', documentNumber: '00109', birthDate: '15/03/1999', expiryDate: '2024-03-15' }).ok).toBe(true);
    expect(bacKeys({ kind: 'qr', payload: 'hello' }).ok).toBe(false);
  });
});

describe('CSCA files', () => {
  it('a DER certificate, a PEM bundle, an ICAO master list; documents signers are not CSCAs', async () => {
    const a = await makeCsca('rsa');
    const b = await makeCsca('ecdsa', 'CSCA Utopia', 'UT');
    expect(parseCscaFile(a.der)).toEqual({ ok: true, value: [a.der] });
    const pem = [a, b]
      .map((c) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(c.der).toString('base64')}\n-----END CERTIFICATE-----\n`)
      .join('');
    expect(parseCscaFile(new TextEncoder().encode(pem))).toEqual({ ok: true, value: [a.der, b.der] });

    const list = new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 0 }),
        new asn1js.Set({ value: [a, b, a].map((c) => asn1js.fromBER(c.der.slice().buffer).result) }),
      ],
    });
    const signer = await makeDocumentSigner(a);
    const signedData = new pkijs.SignedData({
      version: 3,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({
        eContentType: '2.23.136.1.1.2',
        eContent: new asn1js.OctetString({ valueHex: list.toBER() }),
      }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: signer.certificate.issuer,
            serialNumber: signer.certificate.serialNumber,
          }),
        }),
      ],
      certificates: [signer.certificate],
    });
    await signedData.sign(signer.keys.privateKey, 0, 'SHA-256');
    const ml = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: signedData.toSchema(true) })
      .toSchema()
      .toBER();
    expect(parseCscaFile(new Uint8Array(ml))).toEqual({ ok: true, value: [a.der, b.der] });

    expect(parseCscaFile(signer.der)).toEqual({ ok: false, problem: { key: 'chip.csca.none', params: undefined } });
    expect(parseCscaFile(new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      problem: { key: 'chip.csca.unreadable', params: undefined },
    });
    expect(summarizeCsca(b.der)).toMatchObject({ country: 'UT', validTo: '2040-01-01' });
  });
});
