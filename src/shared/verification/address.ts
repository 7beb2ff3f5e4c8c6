/**
 * Addresses as lists write them, compared with the registry's: they agree when the village and the
 * commune they name are the registry's, however abbreviated ("Th. Ba 1, X. Trung Hà" and
 * "Thôn Ba 1, xã Trung Hà, huyện Chiêm Hóa, tỉnh Tuyên Quang").
 */
import { cleanText, looseKey } from '../text/normalize';

export interface AddressParts {
  readonly village: string | null;
  readonly commune: string | null;
}

// Prefixes on the loose key (upper case, no accents, punctuation as spaces), longest first.
const VILLAGE_PREFIXES = ['TO DAN PHO', 'THON', 'BAN', 'XOM', 'LANG', 'KHOM', 'KHU PHO', 'KHU', 'AP', 'TDP', 'TO', 'TH', 'T'];
const COMMUNE_PREFIXES = ['THI TRAN', 'PHUONG', 'XA', 'TT', 'P', 'X'];
const HIGHER_PREFIXES = ['HUYEN', 'QUAN', 'THI XA', 'THANH PHO', 'TINH', 'TP', 'H', 'Q', 'TX'];

function stripPrefix(key: string, prefixes: readonly string[]): string | null {
  for (const prefix of prefixes) {
    if (key.startsWith(`${prefix} `)) return key.slice(prefix.length + 1).trim();
  }
  return null;
}

/** The village and commune an address names, as loose keys (null where it names none). */
export function parseAddress(address: string): AddressParts {
  let village: string | null = null;
  let commune: string | null = null;
  const unlabelled: string[] = [];
  for (const part of address.split(/[,;–]|\s-\s/)) {
    const key = looseKey(part);
    if (key === '') continue;
    const c = stripPrefix(key, COMMUNE_PREFIXES);
    if (c !== null && commune === null) {
      commune = c;
      continue;
    }
    if (stripPrefix(key, HIGHER_PREFIXES) !== null) continue;
    const v = stripPrefix(key, VILLAGE_PREFIXES);
    if (v !== null && village === null) {
      village = v;
      continue;
    }
    unlabelled.push(key);
  }
  // Unlabelled parts, in order: the village, then the commune ("Nà Coóc, Trung Hà").
  for (const key of unlabelled) {
    if (village === null) village = key;
    else if (commune === null) commune = key;
  }
  return { village, commune };
}

/** Whether a list's address agrees with one of the registry's addresses for the person. */
export function addressAgrees(listAddress: string, registryAddresses: readonly (string | null)[]): boolean {
  // The common case: the list copies the registry's address, perhaps without the district and province.
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
  const given = parseAddress(listAddress);
  if (given.village === null && given.commune === null) return true;
  return registryAddresses.some((registry) => {
    if (registry === null) return false;
    const known = parseAddress(registry);
    if (given.village !== null && given.village !== known.village) return false;
    if (given.commune !== null && given.commune !== known.commune) return false;
    return true;
  });
}
