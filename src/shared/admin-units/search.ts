/** Finding a commune by its name today or by an old commune's name (the Settings commune picker). */
import { inSentence, unitKey, type AdminUnits, type Commune, type FormerCommune } from './admin-units';

/** An old commune as the picker shows it. */
export interface FormerCommuneView {
  readonly name: string;
  readonly district: string;
  readonly province: string;
  /** Whether part of it went to another commune as well (it was divided). */
  readonly divided: boolean;
}

/** A commune since 1 July 2025 with the old communes (and towns) it was made from. */
export interface CommuneOption {
  readonly code: string;
  /** "Xã Chiêm Hóa" */
  readonly name: string;
  readonly provinceCode: string;
  /** "Tuyên Quang" */
  readonly provinceName: string;
  readonly former: readonly FormerCommuneView[];
  /** The old name the search found it by ("xã Phúc Thịnh"), or null when found by its own name. */
  readonly foundAs: string | null;
}

function formerView(former: FormerCommune): FormerCommuneView {
  return { name: former.name, district: former.district, province: former.province, divided: former.to.length > 1 };
}

function option(units: AdminUnits, commune: Commune, foundAs: FormerCommune | null): CommuneOption {
  return {
    code: commune.code,
    name: commune.name,
    provinceCode: commune.provinceCode,
    provinceName: commune.provinceName,
    former: (units.formerByCommune.get(commune.code) ?? []).map(formerView),
    foundAs: foundAs === null ? null : inSentence(foundAs.name),
  };
}

/** One commune by its code, or null. */
export function communeByCode(units: AdminUnits, code: string): CommuneOption | null {
  const commune = units.communes.get(code);
  return commune ? option(units, commune, null) : null;
}

/**
 * Communes whose name, or an old commune's name, matches the query (accents and the kind "xã",
 * "phường" optional): exact names first, then names starting with it, then names containing it;
 * new names before old ones.
 */
export function searchCommunes(units: AdminUnits, query: string, limit = 20): CommuneOption[] {
  const q = unitKey(query);
  if (q === '') return [];
  const rank = (key: string) => (key === q ? 0 : key.startsWith(q) ? 1 : key.includes(q) ? 2 : -1);
  const found: { rank: number; option: CommuneOption }[] = [];
  const seen = new Set<string>();
  for (const [key, communes] of units.communesByKey) {
    const r = rank(key);
    if (r < 0) continue;
    for (const commune of communes) {
      seen.add(commune.code);
      found.push({ rank: r, option: option(units, commune, null) });
    }
  }
  for (const [key, formers] of units.formerByKey) {
    const r = rank(key);
    if (r < 0) continue;
    for (const former of formers) {
      for (const code of former.to) {
        const commune = units.communes.get(code);
        if (!commune || seen.has(code)) continue;
        seen.add(code);
        found.push({ rank: r + 3, option: option(units, commune, former) });
      }
    }
  }
  return found
    .sort(
      (a, b) => a.rank - b.rank || a.option.name.localeCompare(b.option.name, 'vi') || a.option.code.localeCompare(b.option.code),
    )
    .slice(0, limit)
    .map((f) => f.option);
}
