import { datesConsistent, type IsoDate } from '../dates';
import { compareNames } from '../text/names';
import type { Sex } from '../types';
import { matchKey } from '../text/normalize';
import { compareAddress, type AddressNote, type AdminUnitsSource } from './address';
import type { ComparedField } from './vocabulary';

/** What a list says about a person (normalised; null where the list leaves it blank). */
export interface EntryFacts {
  readonly fullName: string | null;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  /** A 12-digit personal ID or a 9-digit CMND, normalised; null when absent or not an ID. */
  readonly idNumber: string | null;
  readonly address: string | null;
  /**
   * For Resolution 68 lists, the residence the list claims: `permanent` (thường trú) is checked
   * against the registry's permanent residence, `temporary` (tạm trú) against the current one.
   */
  readonly residence?: Residence | null;
}

export type Residence = 'permanent' | 'temporary' | 'stay';

/** Thường trú / tạm trú / lưu trú as a list writes them, or null. */
export function parseResidence(text: string | null | undefined): Residence | null {
  if (!text) return null;
  const key = matchKey(text);
  if (key.includes('THUONG TRU')) return 'permanent';
  if (key.includes('TAM TRU')) return 'temporary';
  if (key.includes('LUU TRU')) return 'stay';
  return null;
}

/** What the registry says about a resident. */
export interface RegistryFacts {
  readonly personalId: string;
  readonly oldId: string | null;
  readonly fullName: string;
  readonly birthDate: IsoDate | null;
  readonly sex: Sex | null;
  readonly permanentAddress: string | null;
  readonly currentAddress: string | null;
}

/** The registry addresses a list's address is compared with: Resolution 68 lists name the residence they claim. */
function registryAddressesFor(entry: EntryFacts, resident: RegistryFacts): (string | null)[] {
  return entry.residence === 'permanent'
    ? [resident.permanentAddress]
    : entry.residence === 'temporary'
      ? [resident.currentAddress]
      : [resident.permanentAddress, resident.currentAddress];
}

/**
 * The compared fields on which an entry and a resident differ (DESIGN.md §4). Case, spacing,
 * Unicode form, tone placement, legacy encodings and lost leading zeros are not differences; a
 * partial date agrees with a full one inside it; a blank field is not a difference. With `units`
 * (the administrative units), an address naming an old commune merged into the registry's agrees.
 */
export function entryDifferences(entry: EntryFacts, resident: RegistryFacts, units?: AdminUnitsSource): ComparedField[] {
  const differences: ComparedField[] = [];
  if (entry.fullName !== null && compareNames(entry.fullName, resident.fullName) !== 'same') differences.push('fullName');
  if (entry.birthDate !== null && resident.birthDate !== null && !datesConsistent(entry.birthDate, resident.birthDate)) {
    differences.push('birthDate');
  }
  if (entry.sex !== null && resident.sex !== null && entry.sex !== resident.sex) differences.push('sex');
  if (entry.idNumber !== null && entry.idNumber !== resident.personalId && entry.idNumber !== resident.oldId)
    differences.push('personalId');
  if (entry.address !== null && !compareAddress(entry.address, registryAddressesFor(entry, resident), units).agrees) {
    differences.push('address');
  }
  return differences;
}

/**
 * Why an entry's address agrees with the registry's though it names another unit: the old commune
 * (or town) one side names and the new commune containing it ("xã Phúc Thịnh cũ, nay thuộc xã
 * Chiêm Hóa"). Empty when the address differs or names the same commune.
 */
export function addressNotes(entry: EntryFacts, resident: RegistryFacts, units: AdminUnitsSource): readonly AddressNote[] {
  if (entry.address === null) return [];
  return compareAddress(entry.address, registryAddressesFor(entry, resident), units).notes;
}
