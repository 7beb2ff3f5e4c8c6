/**
 * Communes compared across the 1 July 2025 reform (DESIGN.md §4, DOMAIN.md §9). Each side's commune
 * is read as every new commune it can mean — the new commune of that name, or the new communes an
 * old commune (or town) of that name went to — narrowed by the district and province the address
 * names, old or new. The two agree when they can mean the same new commune: an old commune merged
 * into the registry's one agrees, in either direction; one that went to another commune, or the same
 * old name in another province or district, does not; a divided old commune agrees with each commune
 * it went to.
 */
import { inSentence, unitKey, type AdminUnits, type FormerCommune } from '../admin-units/admin-units';

/** An address read in full: the village and commune, and the units above the commune (address.ts). */
export interface AddressReading {
  readonly village: string | null;
  readonly commune: string | null;
  /** Loose keys of the district and province parts (labelled or not, after the commune), in order. */
  readonly higher: readonly string[];
}

/** The administrative units, loaded on first use (main reads the package's data only when needed). */
export type AdminUnitsSource = () => AdminUnits | null;

/** Why two addresses agree across the reform: an old unit one of them named and the new commune containing it. */
export interface AddressNote {
  /** "xã Phúc Thịnh" */
  readonly former: string;
  /** "xã Chiêm Hóa" */
  readonly now: string;
}

interface Agreement {
  readonly agrees: boolean;
  readonly notes: readonly AddressNote[];
}

// Keys as the tables hold them: numbers without leading zeros ("Phường 05" is "Phường 5").
const keyOf = (key: string) => key.replace(/\b0+(\d)/g, '$1');

/** The new communes (by code) a reading's commune can mean, each with the old commune it was named by (null: by its new name). */
function candidates(units: AdminUnits, reading: AddressReading): Map<string, FormerCommune | null> {
  const found = new Map<string, FormerCommune | null>();
  if (reading.commune === null) return found;
  const key = keyOf(reading.commune);
  const higher = reading.higher.map(keyOf);
  for (const commune of units.communesByKey.get(key) ?? []) {
    if (higher.every((h) => units.provinceByKey.get(h) === commune.provinceCode)) found.set(commune.code, null);
  }
  for (const former of units.formerByKey.get(key) ?? []) {
    const fits = (h: string) =>
      h === unitKey(former.district) || h === unitKey(former.province) || units.provinceByKey.get(h) === former.provinceCode;
    if (!higher.every(fits)) continue;
    for (const code of former.to) if (!found.has(code)) found.set(code, former);
  }
  return found;
}

/** The new provinces a reading names (by code). */
function provincesNamed(units: AdminUnits, reading: AddressReading): Set<string> {
  const codes = new Set<string>();
  for (const h of reading.higher) {
    const code = units.provinceByKey.get(keyOf(h));
    if (code !== undefined) codes.add(code);
  }
  return codes;
}

/** The note for an old commune read into a new one; none when the new one kept its name (xã Trung Hà). */
function note(units: AdminUnits, former: FormerCommune, code: string): AddressNote[] {
  const now = units.communes.get(code)?.name ?? code;
  return unitKey(former.name) === unitKey(now) ? [] : [{ former: inSentence(former.name), now: inSentence(now) }];
}

/** Whether the commune a list's address names is the registry address's commune, across the reform. */
export function communeAgreement(given: AddressReading, known: AddressReading, source?: AdminUnitsSource): Agreement {
  if (given.commune === null) return { agrees: true, notes: [] };
  if (known.commune === null) return { agrees: false, notes: [] };
  const sameName = keyOf(given.commune) === keyOf(known.commune);
  // Same name, and the list names nothing above the commune that the registry does not: no table needed.
  if (sameName && given.higher.every((h) => known.higher.includes(h))) return { agrees: true, notes: [] };
  const units = source?.() ?? null;
  if (units === null) return { agrees: sameName, notes: [] };
  const fromList = candidates(units, given);
  const fromRegistry = candidates(units, known);
  if (fromList.size === 0 || fromRegistry.size === 0) {
    // A commune the tables do not know (or a misspelt district): the names decide, unless the provinces differ.
    const listProvinces = provincesNamed(units, given);
    const registryProvinces = provincesNamed(units, known);
    const otherProvince =
      listProvinces.size > 0 && registryProvinces.size > 0 && ![...listProvinces].some((p) => registryProvinces.has(p));
    return { agrees: sameName && !otherProvince, notes: [] };
  }
  for (const [code, listFormer] of fromList) {
    if (!fromRegistry.has(code)) continue;
    const registryFormer = fromRegistry.get(code) ?? null;
    const notes: AddressNote[] = [];
    if (listFormer !== null && listFormer !== registryFormer) notes.push(...note(units, listFormer, code));
    if (registryFormer !== null && registryFormer !== listFormer) notes.push(...note(units, registryFormer, code));
    return { agrees: true, notes };
  }
  return { agrees: false, notes: [] };
}
