/**
 * The files of a test CCCD chip: EF.COM, DG1 (MRZ), DG2 (face image in an ISO/IEC 19794-5 record),
 * DG13 (the Vietnamese data group, laid out as open-source readers describe real cards) and the SOD.
 */
import { concatBytes, utf8Bytes } from '../../../src/shared/chip/bytes';
import { dataGroupTag, type LdsFile } from '../../../src/shared/chip/lds-files';
import { encodeTlv } from '../../../src/shared/chip/tlv';
import type { BacKey } from '../../../src/shared/chip/bac-key';
import { cccdMrz } from '../mrz';
import { makeSod, type HashName, type Signer } from './pki';

export interface TestPerson {
  readonly personalId: string;
  readonly fullName: string;
  /** dd/mm/yyyy, as DG13 writes dates. */
  readonly birth: string;
  readonly sex: 'Nam' | 'Nữ';
  readonly nationality: string;
  readonly ethnicity: string;
  readonly religion: string;
  readonly placeOfOrigin: string;
  readonly placeOfResidence: string;
  readonly identifyingMarks: string;
  readonly issue: string;
  readonly expiry: string;
  readonly father: string;
  readonly mother: string;
  readonly spouse: string | null;
  readonly oldId: string | null;
  /** MRZ line 3. */
  readonly mrzName: string;
}

export const TEST_PERSON: TestPerson = {
  personalId: '001099012345',
  fullName: 'Nguyễn Văn An',
  birth: '15/03/1999',
  sex: 'Nam',
  nationality: 'Việt Nam',
  ethnicity: 'Kinh',
  religion: 'Không',
  placeOfOrigin: 'Xã Trung Hà, Huyện Thủy Nguyên, Hải Phòng',
  placeOfResidence: 'Thôn Đông, Xã Trung Hà, Huyện Thủy Nguyên, Hải Phòng',
  identifyingMarks: 'Nốt ruồi C:1cm trên trước mép phải',
  issue: '10/05/2021',
  expiry: '15/03/2024',
  father: 'Nguyễn Văn Bình',
  mother: 'Trần Thị Cúc',
  spouse: null,
  oldId: '031234567',
  mrzName: 'NGUYEN<<VAN<AN',
};

/** What reading TEST_PERSON's genuine card gives, in the `chip read` shape of DESIGN §5 (written out by hand). */
export const TEST_PERSON_READ = {
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
  fatherName: 'Nguyễn Văn Bình',
  motherName: 'Trần Thị Cúc',
  spouseName: null,
  oldId: '031234567',
  authenticity: { status: 'genuine', problems: [] },
} as const;

function yymmdd(dmy: string): string {
  return dmy.slice(8, 10) + dmy.slice(3, 5) + dmy.slice(0, 2);
}

/** The MRZ lines of the person's card. */
export function mrzOf(person: TestPerson): string[] {
  return cccdMrz({
    personalId: person.personalId,
    birth: yymmdd(person.birth),
    sex: person.sex === 'Nam' ? 'M' : 'F',
    expiry: yymmdd(person.expiry),
    name: person.mrzName,
  });
}

/** The BAC key that opens the person's chip. */
export function keyOf(person: TestPerson): Pick<BacKey, 'documentNumber' | 'birth' | 'expiry'> {
  return { documentNumber: person.personalId.slice(3), birth: yymmdd(person.birth), expiry: yymmdd(person.expiry) };
}

const utf8 = (text: string) => encodeTlv(0x0c, utf8Bytes(text.normalize('NFC')));
const printable = (text: string) => encodeTlv(0x13, utf8Bytes(text));
const field = (n: number, ...values: Uint8Array[]) => encodeTlv(0x30, Uint8Array.of(0x02, 0x01, n), ...values);

/** DG13 as the cards lay it out: a version and an identifier, then one SEQUENCE per field. */
export function buildDg13(p: TestPerson): Uint8Array {
  return encodeTlv(
    0x6d,
    encodeTlv(
      0x30,
      Uint8Array.of(0x02, 0x01, 0x00),
      encodeTlv(0x06, Uint8Array.of(0x60, 0x84, 0x10, 0x01)),
      encodeTlv(
        0x31,
        field(1, printable(p.personalId)),
        field(2, utf8(p.fullName)),
        field(3, printable(p.birth)),
        field(4, utf8(p.sex)),
        field(5, utf8(p.nationality)),
        field(6, utf8(p.ethnicity)),
        field(7, utf8(p.religion)),
        field(8, utf8(p.placeOfOrigin)),
        field(9, utf8(p.placeOfResidence)),
        field(10, utf8(p.identifyingMarks)),
        field(11, printable(p.issue)),
        field(12, utf8(p.expiry)),
        field(13, encodeTlv(0x30, utf8(p.father)), encodeTlv(0x30, utf8(p.mother))),
        p.spouse === null ? field(14) : field(14, encodeTlv(0x30, utf8(p.spouse))),
        field(15, printable(p.oldId ?? '')),
        field(16, printable('0123456789ABCDEF')),
      ),
    ),
  );
}

/** A tiny JPEG, made larger by a comment segment so that reading it takes many chunks. */
export function testJpeg(size = 12_000): Uint8Array {
  const tiny = Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );
  const filler = Math.max(0, Math.min(65_000, size - tiny.length - 4));
  const comment = concatBytes(
    Uint8Array.of(0xff, 0xfe, (filler + 2) >> 8, (filler + 2) & 0xff),
    new Uint8Array(filler).fill(0x20),
  );
  return concatBytes(tiny.subarray(0, 2), comment, tiny.subarray(2));
}

/** DG2: a biometric information template holding an ISO/IEC 19794-5 record with the image. */
export function buildDg2(image: Uint8Array, dataType: 0 | 1 = 0): Uint8Array {
  const imageInfo = Uint8Array.of(1, dataType, 0, 24, 0, 32, 1, 0, 0, 0, 0, 0);
  const facial = new Uint8Array(20);
  const recordLength = 20 + imageInfo.length + image.length;
  new DataView(facial.buffer).setUint32(0, recordLength);
  const header = new Uint8Array(14);
  header.set([0x46, 0x41, 0x43, 0x00, 0x30, 0x31, 0x30, 0x00]);
  new DataView(header.buffer).setUint32(8, 14 + recordLength);
  new DataView(header.buffer).setUint16(12, 1);
  const block = concatBytes(header, facial, imageInfo, image);
  const bht = encodeTlv(
    0xa1,
    encodeTlv(0x80, Uint8Array.of(1, 1)),
    encodeTlv(0x87, Uint8Array.of(1, 1)),
    encodeTlv(0x88, Uint8Array.of(0, 8)),
  );
  return encodeTlv(0x75, encodeTlv(0x7f61, encodeTlv(0x02, Uint8Array.of(1)), encodeTlv(0x7f60, bht, encodeTlv(0x5f2e, block))));
}

/** DG1: the MRZ. */
export function buildDg1(lines: readonly string[]): Uint8Array {
  return encodeTlv(0x61, encodeTlv(0x5f1f, utf8Bytes(lines.join(''))));
}

/** EF.COM listing the data groups. */
export function buildCom(dataGroups: readonly number[]): Uint8Array {
  return encodeTlv(
    0x60,
    encodeTlv(0x5f01, utf8Bytes('0107')),
    encodeTlv(0x5f36, utf8Bytes('040000')),
    encodeTlv(0x5c, Uint8Array.from(dataGroups.map(dataGroupTag))),
  );
}

export interface CardFileOptions {
  readonly person?: TestPerson;
  readonly signer: Signer;
  readonly hash?: HashName;
  /** Changes one byte of DG13 after the SOD was signed. */
  readonly tamperDg13?: boolean;
  readonly image?: Uint8Array;
}

/** Every file of a test card, its SOD signed by `signer`. */
export async function buildCardFiles(options: CardFileOptions): Promise<Map<LdsFile, Uint8Array>> {
  const person = options.person ?? TEST_PERSON;
  const groups = new Map<number, Uint8Array>([
    [1, buildDg1(mrzOf(person))],
    [2, buildDg2(options.image ?? testJpeg())],
    [13, buildDg13(person)],
  ]);
  const sod = await makeSod(groups, options.signer, options.hash);
  if (options.tamperDg13) {
    const dg13 = groups.get(13)!.slice();
    const at = dg13.indexOf(0x41); // an 'A' of the name
    dg13[at] = 0x42;
    groups.set(13, dg13);
  }
  const files = new Map<LdsFile, Uint8Array>([
    ['COM', buildCom([...groups.keys()])],
    ['SOD', sod],
  ]);
  for (const [dg, bytes] of groups) files.set(`DG${dg}`, bytes);
  return files;
}
