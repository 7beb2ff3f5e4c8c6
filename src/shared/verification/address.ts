/**
 * Addresses as lists write them, compared with the registry's (DESIGN.md §4): they agree when the
 * village and the commune they name are the registry's, however abbreviated ("Th. Ba 1, X. Trung Hà"
 * and "Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang"), and across the 1 July 2025
 * reform: an old commune or town merged into the registry's commune names the same place
 * (address-reform.ts).
 */
import { cleanText, looseKey } from '../text/normalize';
import { communeAgreement, type AddressNote, type AddressReading, type AdminUnitsSource } from './address-reform';

export type { AddressNote, AddressReading, AdminUnitsSource } from './address-reform';

export interface AddressParts {
  readonly village: string | null;
  readonly commune: string | null;
}

// Prefixes on the loose key (upper case, no accents, punctuation as spaces), longest first.
const VILLAGE_PREFIXES = ['TO DAN PHO', 'THON', 'BAN', 'XOM', 'LANG', 'KHOM', 'KHU PHO', 'KHU', 'AP', 'TDP', 'TO', 'TH', 'T'];
const COMMUNE_PREFIXES = ['THI TRAN', 'PHUONG', 'DAC KHU', 'XA', 'TT', 'P', 'X'];
const HIGHER_PREFIXES = ['HUYEN', 'QUAN', 'THI XA', 'THANH PHO', 'TINH', 'TP', 'H', 'Q', 'TX'];

function stripPrefix(key: string, prefixes: readonly string[]): string | null {
  for (const prefix of prefixes) {
    if (key.startsWith(`${prefix} `)) return key.slice(prefix.length + 1).trim();
  }
  return null;
}

/** The village, the commune and the units above it that an address names, as loose keys. */
export function readAddress(address: string): AddressReading {
  let village: string | null = null;
  let commune: string | null = null;
  const higher: string[] = [];
  const unlabelled: { key: string; afterCommune: boolean }[] = [];
  for (const part of address.split(/[,;–]|\s-\s/)) {
    const key = looseKey(part);
    if (key === '') continue;
    const c = stripPrefix(key, COMMUNE_PREFIXES);
    if (c !== null && commune === null) {
      commune = c;
      continue;
    }
    const h = stripPrefix(key, HIGHER_PREFIXES);
    if (h !== null) {
      higher.push(h);
      continue;
    }
    // After the commune, "T. Tuyên Quang" is the province, not a village.
    if (commune !== null && key.startsWith('T ')) {
      higher.push(key.slice(2));
      continue;
    }
    const v = stripPrefix(key, VILLAGE_PREFIXES);
    if (v !== null && village === null) {
      village = v;
      continue;
    }
    unlabelled.push({ key, afterCommune: commune !== null });
  }
  // Unlabelled parts, in order: the village, then the commune ("Nà Coóc, Trung Hà"), then the units
  // above; after a labelled commune, only units above.
  for (const { key, afterCommune } of unlabelled) {
    if (!afterCommune && village === null) village = key;
    else if (!afterCommune && commune === null) commune = key;
    else higher.push(key);
  }
  return { village, commune, higher };
}

/** The village and commune an address names, as loose keys (null where it names none). */
export function parseAddress(address: string): AddressParts {
  const { village, commune } = readAddress(address);
  return { village, commune };
}

/** Whether an address agrees with one of the registry's addresses, and why when it took the reform to see it. */
export interface AddressComparison {
  readonly agrees: boolean;
  /** "xã Phúc Thịnh cũ, nay thuộc xã Chiêm Hóa": an old unit one side named, and the new commune it is part of. */
  readonly notes: readonly AddressNote[];
}

const AGREES: AddressComparison = { agrees: true, notes: [] };
const DIFFERS: AddressComparison = { agrees: false, notes: [] };

function copiesRegistry(listAddress: string, registryAddresses: readonly (string | null)[]): boolean {
  for (const registry of registryAddresses) {
    if (
      registry !== null &&
      registry.startsWith(listAddress) &&
      (registry.length === listAddress.length || registry[listAddress.length] === ',')
    ) {
      return true;
    }
  }
  const plain = cleanText(listAddress).toLowerCase();
  for (const registry of registryAddresses) {
    if (registry === null) continue;
    const known = cleanText(registry).toLowerCase();
    if (known === plain || (known.startsWith(plain) && known[plain.length] === ',')) return true;
  }
  return false;
}

/**
 * Compares a list's address with the registry's addresses for the person. Without `units` the
 * commune must be named the same; with them an old commune merged into the registry's one agrees.
 */
export function compareAddress(
  listAddress: string,
  registryAddresses: readonly (string | null)[],
  units?: AdminUnitsSource,
): AddressComparison {
  // The common case: the list copies the registry's address, perhaps without the district and province.
  if (copiesRegistry(listAddress, registryAddresses)) return AGREES;
  const given = readAddress(listAddress);
  if (given.village === null && given.commune === null) return AGREES;
  for (const registry of registryAddresses) {
    if (registry === null) continue;
    const known = readAddress(registry);
    if (given.village !== null && given.village !== known.village) continue;
    const result = communeAgreement(given, known, units);
    if (result.agrees) return result;
  }
  return DIFFERS;
}

/** Whether a list's address agrees with one of the registry's addresses for the person. */
export function addressAgrees(
  listAddress: string,
  registryAddresses: readonly (string | null)[],
  units?: AdminUnitsSource,
): boolean {
  return compareAddress(listAddress, registryAddresses, units).agrees;
}
