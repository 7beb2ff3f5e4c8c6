/**
 * Reading a CCCD chip (issue 20): select the eMRTD application, open it with BAC (each candidate key
 * in turn), read EF.COM, DG1, DG13, DG2 and the SOD under secure messaging, and prove them with
 * passive authentication. The same for every transport: PC/SC, a replayed transcript, a test card.
 */
import { randomBytes } from 'node:crypto';
import { bacKeys, type BacKey, type KeySource } from '../../shared/chip/bac-key';
import type { Authenticity, ChipProgress, ChipRead, OpenedWith } from '../../shared/chip/chip-read';
import { parseDg13, type Dg13Data } from '../../shared/chip/dg13';
import { parseCom, parseDg1, parseDg2, type FaceImage, type LdsFile } from '../../shared/chip/lds-files';
import { parseCccdMrz } from '../../shared/identity/cccd-mrz';
import type { Result } from '../../shared/result';
import { fail, ok } from '../../shared/result';
import { performBac } from './bac';
import { ChipFailure } from './chip-failure';
import { passiveAuthentication } from './passive-auth';
import { protectedChannel, readLdsFile, selectApplication, type Channel } from './read-files';
import type { SessionKeys } from './secure-messaging';
import type { CardTransport, RandomSource } from './transport';

export interface ReadChipOptions {
  /** The installed CSCA certificates (DER). */
  readonly cscaCertificates: readonly Uint8Array[];
  readonly onProgress?: ((progress: ChipProgress) => void) | undefined;
  /** The reader's random bytes (BAC); node:crypto unless a test or a replay fixes them. */
  readonly random?: RandomSource | undefined;
}

/** The data groups this app reads, in the order it reads them (the photo, the largest, last). */
const WANTED = [1, 13, 2];

async function openChip(
  transport: CardTransport,
  keys: readonly BacKey[],
  random: RandomSource,
): Promise<{ session: SessionKeys; index: number } | null> {
  for (let index = 0; index < keys.length; index++) {
    if (index > 0 && !(await selectApplication(transport))) throw new ChipFailure('chip.notIcao');
    const session = await performBac(transport, keys[index]!, random);
    if (session !== null) return { session, index };
  }
  return null;
}

async function readFiles(
  channel: Channel,
  onProgress: ReadChipOptions['onProgress'],
): Promise<{ groups: Map<number, Uint8Array>; listed: number[]; sod: Uint8Array | null }> {
  const com = await readLdsFile(channel, 'COM');
  const listed = com === null ? WANTED : parseCom(com);
  const files: LdsFile[] = [...WANTED.filter((dg) => listed.includes(dg)).map((dg) => `DG${dg}` as LdsFile), 'SOD'];
  const groups = new Map<number, Uint8Array>();
  let sod: Uint8Array | null = null;
  for (const [index, file] of files.entries()) {
    onProgress?.({ stage: 'reading', file, fileIndex: index + 1, fileCount: files.length, read: 0, total: 0 });
    const bytes = await readLdsFile(channel, file, (p) =>
      onProgress?.({ stage: 'reading', file, fileIndex: index + 1, fileCount: files.length, read: p.read, total: p.total }),
    );
    if (bytes === null) continue;
    if (file === 'SOD') sod = bytes;
    else groups.set(Number(file.slice(2)), bytes);
  }
  return { groups, listed, sod };
}

function parsed<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new ChipFailure('chip.malformed', { file });
  }
}

function assemble(
  groups: ReadonlyMap<number, Uint8Array>,
  authenticity: Authenticity,
  openedWith: OpenedWith,
  listed: readonly number[],
): ChipRead {
  const dg1 = groups.get(1);
  const mrz = dg1 === undefined ? null : parsed('DG1', () => parseDg1(dg1));
  const fromMrz = mrz?.length === 3 ? parseCccdMrz(mrz) : null;
  const m = fromMrz?.ok ? fromMrz.value : null;
  const dg13Bytes = groups.get(13);
  const dg13: Dg13Data | null = dg13Bytes === undefined ? null : parsed('DG13', () => parseDg13(dg13Bytes));
  const dg2 = groups.get(2);
  const photo: FaceImage | null = dg2 === undefined ? null : parsed('DG2', () => parseDg2(dg2));
  return {
    personalId: dg13?.personalId ?? m?.personalId ?? null,
    fullName: dg13?.fullName ?? m?.fullName ?? null,
    birthDate: dg13?.birthDate ?? m?.birthDate ?? null,
    sex: dg13?.sex ?? m?.sex ?? null,
    nationality: dg13?.nationality ?? null,
    ethnicity: dg13?.ethnicity ?? null,
    religion: dg13?.religion ?? null,
    placeOfOrigin: dg13?.placeOfOrigin ?? null,
    placeOfResidence: dg13?.placeOfResidence ?? null,
    identifyingMarks: dg13?.identifyingMarks ?? null,
    issueDate: dg13?.issueDate ?? null,
    expiryDate: dg13 !== null ? dg13.expiryDate : (m?.expiryDate ?? null),
    expiresNever: dg13?.expiresNever ?? false,
    fatherName: dg13?.fatherName ?? null,
    motherName: dg13?.motherName ?? null,
    spouseName: dg13?.spouseName ?? null,
    oldId: dg13?.oldId ?? null,
    mrz,
    photo,
    authenticity,
    openedWith,
    dataGroups: listed,
  };
}

/** Reads and verifies the chip on `transport`, opening it with the keys `keySource` gives. */
export async function readChip(
  transport: CardTransport,
  keySource: KeySource,
  options: ReadChipOptions,
): Promise<Result<ChipRead>> {
  const keys = bacKeys(keySource);
  if (!keys.ok) return keys;
  const random = options.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  const progress = options.onProgress;
  try {
    progress?.({ stage: 'connecting' });
    if (!(await selectApplication(transport))) return fail('chip.notIcao');
    progress?.({ stage: 'access' });
    const opened = await openChip(transport, keys.value, random);
    if (opened === null) {
      return keys.value.length > 1 ? fail('chip.bacRefusedAll', { count: keys.value.length }) : fail('chip.bacRefused');
    }
    const key = keys.value[opened.index]!;
    const openedWith: OpenedWith = {
      source: keySource.kind,
      documentNumber: key.documentNumber,
      birth: key.birth,
      expiry: key.expiry,
      expiryDate: key.expiryDate,
      attempt: opened.index + 1,
      candidates: keys.value.length,
    };
    const { groups, listed, sod } = await readFiles(protectedChannel(transport, opened.session), progress);
    progress?.({ stage: 'verifying' });
    const authenticity: Authenticity =
      sod === null
        ? { status: 'not_genuine', problems: [{ key: 'chip.pa.noSod' }] }
        : passiveAuthentication(sod, groups, options.cscaCertificates);
    return ok(assemble(groups, authenticity, openedWith, listed));
  } catch (error) {
    if (error instanceof ChipFailure) return { ok: false, problem: error.problem };
    throw error;
  }
}
