import type { IsoDate } from '../../shared/dates';
import type { ResidentRecord, Sex } from '../../shared/types';
import { setSetting } from '../settings/settings';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { INSERT_RESIDENT_SQL, insertParams } from '../registry/resident-rows';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Ma', 'Lộc', 'Nông', 'Hà', 'Đặng', 'Quan', 'Lường', 'Vũ', 'Đỗ'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Thanh', 'Hữu', 'Công'];
const MIDDLE_FEMALE = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Phương', 'Hồng', 'Kim'];
const GIVEN_MALE = ['Tường', 'Hùng', 'Dũng', 'Thắng', 'Đạt', 'Hưởng', 'Quyết', 'Sơn', 'Tuấn', 'Long', 'Khánh', 'Phúc', 'Hòa'];
const GIVEN_FEMALE = ['Hằng', 'Thoa', 'Luyến', 'Hương', 'Lan', 'Mai', 'Ngọc', 'Thủy', 'Yến', 'Hoa', 'Nhung', 'Trang', 'Linh'];
const ETHNICITIES = ['Kinh', 'Tày', 'Dao', 'Nùng'];

/**
 * The demo commune is a real merged one (DOMAIN.md §9): the new xã Chiêm Hóa, made on 1 July 2025 of
 * thị trấn Vĩnh Lộc and xã Phúc Thịnh, Xuân Quang, Ngọc Hội and Trung Hòa of the former Chiêm Hóa
 * district. Its villages ("Mẫu" = sample) and people are made up; each village lies in one old commune.
 */
export const DEMO_COMMUNE = 'xã Chiêm Hóa, tỉnh Tuyên Quang';
export const DEMO_VILLAGES: readonly { readonly village: string; readonly formerCommune: string }[] = [
  { village: 'Thôn Mẫu Một', formerCommune: 'thị trấn Vĩnh Lộc' },
  { village: 'Thôn Mẫu Hai', formerCommune: 'xã Phúc Thịnh' },
  { village: 'Thôn Mẫu Ba', formerCommune: 'xã Xuân Quang' },
  { village: 'Bản Mẫu Bốn', formerCommune: 'xã Ngọc Hội' },
];
const VILLAGES = DEMO_VILLAGES.map((v) => v.village);
export const DEMO_FORMER_DISTRICT = 'huyện Chiêm Hóa';

/** A demo village's address in today's two-level form, or as records made before 1 July 2025 write it. */
export function demoAddress(village: string, form: 'new' | 'old'): string {
  if (form === 'new') return `${village}, ${DEMO_COMMUNE}`;
  const former = DEMO_VILLAGES.find((v) => v.village === village)?.formerCommune ?? 'xã Phúc Thịnh';
  return `${village}, ${former}, ${DEMO_FORMER_DISTRICT}, tỉnh Tuyên Quang`;
}

/** A small deterministic PRNG (mulberry32), so the demo commune is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Residents of the made-up demo commune; every ID is consistent with its birth year and sex. */
export function generateDemoResidents(count: number, seed = 20211122): ResidentRecord[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const residents: ResidentRecord[] = [];
  const used = new Set<string>();
  while (residents.length < count) {
    const sex: Sex = random() < 0.5 ? 'male' : 'female';
    const year = 1935 + Math.floor(random() * 85);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const centuryDigit = (year >= 2000 ? 2 : 0) + (sex === 'female' ? 1 : 0);
    const serial = String(Math.floor(random() * 1_000_000)).padStart(6, '0');
    const personalId = `008${centuryDigit}${String(year % 100).padStart(2, '0')}${serial}`;
    if (used.has(personalId)) continue;
    used.add(personalId);
    const fullName = [
      pick(FAMILY),
      pick(sex === 'male' ? MIDDLE_MALE : MIDDLE_FEMALE),
      pick(sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE),
    ].join(' ');
    const birthDate: IsoDate =
      year < 1950 && random() < 0.3 ? String(year) : `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    // Registry extracts since the reform write the new form; about one resident in ten still has the old one.
    const address = demoAddress(pick(VILLAGES), serial.endsWith('7') ? 'old' : 'new');
    residents.push({
      personalId,
      oldId: year < 2000 && random() < 0.7 ? `07${String(Math.floor(random() * 10_000_000)).padStart(7, '0')}` : null,
      fullName,
      birthDate,
      sex,
      ethnicity: pick(ETHNICITIES),
      nationality: 'Việt Nam',
      permanentAddress: address,
      currentAddress: address,
      householdCode: `MAU${String(Math.floor(random() * 400)).padStart(4, '0')}`,
    });
  }
  return residents;
}

export const DEMO_SIZE = 600;

/** Loads the demo commune, marked as demo data, when the database holds no real resident. */
export function loadDemo(db: Db): number | 'not-empty' {
  const real = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM residents WHERE is_demo = 0').get()!.n;
  if (real > 0) return 'not-empty';
  const insert = db.prepare(INSERT_RESIDENT_SQL);
  return writeTransaction(db, () => {
    db.prepare('DELETE FROM residents WHERE is_demo = 1').run();
    const residents = generateDemoResidents(DEMO_SIZE);
    for (const r of residents) insert.run(...insertParams(r, null, '{}', true));
    // Remembered with the data: the shell counts demo residents only while they are loaded.
    setSetting(db, 'demo-choice', 'loaded');
    return residents.length;
  });
}

/** Removes every demo resident; real data stays. */
export function removeDemo(db: Db): number {
  return db.prepare('DELETE FROM residents WHERE is_demo = 1').run().changes;
}
