/**
 * Vaccination results (issue 7): each row of a results list becomes a dose, checked against the
 * rules with the person's other doses and infections; the chairman (or facility head) confirms the
 * list before anything leaves the machine; F0 and recovered-F0 records are kept with their dates.
 */
import { audit } from '../audit/audit';
import type { InfectionView, ListConfirmation, VaccinationView } from '../../shared/api-contract';
import { parseDateText, parseDateValue, type IsoDate } from '../../shared/dates';
import { checkIdNumber } from '../../shared/identity/id-check';
import { translate, type Locale } from '../../shared/i18n';
import { fail, ok, type Problem, type Result } from '../../shared/result';
import {
  checkDose,
  findProduct,
  parseDoseNumber,
  type Dose,
  type Infection,
  type VaccineProduct,
} from '../../shared/vaccination/rules';
import type { Db } from '../db/open-database';
import { writeTransaction } from '../db/write-transaction';
import { vietnamToday } from '../../shared/dates';
import { pushTo } from '../../shared/collections';

interface ProductRow {
  code: string;
  name: string;
  aliases: string;
  primary_doses: number;
  min_interval_days: number;
  booster_after_days: number;
  approved_on: string;
  mixes_with: string;
}

/** The product table as it stands (seeded from DOMAIN.md §8, editable). */
export function readProducts(db: Db): VaccineProduct[] {
  return db
    .prepare<[], ProductRow>('SELECT * FROM vaccine_products ORDER BY name')
    .all()
    .map((p) => ({
      code: p.code,
      name: p.name,
      aliases: JSON.parse(p.aliases) as string[],
      primaryDoses: p.primary_doses,
      minIntervalDays: p.min_interval_days,
      boosterAfterDays: p.booster_after_days,
      approvedOn: p.approved_on,
      mixesWith: JSON.parse(p.mixes_with) as string[],
    }));
}

/** Changes one product's row (intervals, approval date, mixing) — the editable table. */
export function saveProduct(db: Db, product: VaccineProduct): void {
  db.prepare(
    `INSERT INTO vaccine_products (code, name, aliases, primary_doses, min_interval_days, booster_after_days, approved_on, mixes_with)
     VALUES (@code, @name, @aliases, @primaryDoses, @minIntervalDays, @boosterAfterDays, @approvedOn, @mixesWith)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, primary_doses = excluded.primary_doses,
       min_interval_days = excluded.min_interval_days, booster_after_days = excluded.booster_after_days,
       approved_on = excluded.approved_on, mixes_with = excluded.mixes_with`,
  ).run({ ...product, aliases: JSON.stringify(product.aliases), mixesWith: JSON.stringify(product.mixesWith) });
  audit(db, 'vaccine.edit', `vaccine:${product.code}`, {
    minIntervalDays: product.minIntervalDays,
    boosterAfterDays: product.boosterAfterDays,
  });
}

interface EntryForDose {
  id: number;
  full_name: string | null;
  birth_date: string | null;
  address: string | null;
  extra: string;
}

function dateOf(text: string | undefined): IsoDate | null {
  if (!text) return null;
  return parseDateText(text) ?? parseDateValue(text);
}

/** The resident each entry is linked to, as the check just decided: entry id → resident. */
export type LinkedResidents = ReadonlyMap<number, { readonly id: number; readonly personalId: string }>;

type OtherDose = Dose & { personalId: string };
type PersonInfection = Infection & { personalId: string };

// The people's doses from other lists and their infections, for all the list's people at once (a bound
// JSON array of IDs), in the order the per-person index gives.
const DOSES_ELSEWHERE = `SELECT v.personal_id AS personalId, v.vaccination_date AS date, v.product_code AS productCode, v.dose, v.lot
  FROM vaccinations v JOIN list_entries e ON e.id = v.list_entry_id
  WHERE v.personal_id IN (SELECT value FROM json_each(?)) AND e.list_id != ? ORDER BY v.personal_id, v.vaccination_date, v.id`;
const INFECTIONS = `SELECT personal_id AS personalId, confirmed_on AS confirmedOn, recovered_on AS recoveredOn FROM infections
  WHERE personal_id IN (SELECT value FROM json_each(?)) ORDER BY personal_id, confirmed_on, id`;

// The list's doses a few thousand at a time (the JSON of a whole large list would cost more memory
// than the statements it saves), the rows as one bound JSON array in the columns' order.
const DOSES_PER_STATEMENT = 2000;
const STORE_DOSES = `INSERT INTO vaccinations (list_entry_id, resident_id, personal_id, full_name, birth_date, address,
    vaccination_date, product_code, vaccine_text, lot, dose, facility, problems)
  SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8,
    value ->> 9, value ->> 10, value ->> 11, value ->> 12 FROM json_each(?)`;

function byPersonalId<T extends { personalId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) pushTo(map, row.personalId, row);
  return map;
}

/**
 * Turns a checked results list's rows into doses and checks each against the rules, with the
 * person's doses from other lists and from the other rows of this one. Called by every check of a
 * results list, inside its transaction; a confirmed list is not checked again.
 */
export function recordVaccinations(db: Db, listId: number, now: Date, linked: LinkedResidents): void {
  const products = readProducts(db);
  const today = vietnamToday(now);
  const entries = db
    .prepare<[number], EntryForDose>(
      'SELECT id, full_name, birth_date, address, extra FROM list_entries WHERE list_id = ? ORDER BY row',
    )
    .all(listId);
  const doses = entries.map((e) => {
    const extra = JSON.parse(e.extra) as Partial<Record<'vaccinationDate' | 'vaccine' | 'lot' | 'dose' | 'facility', string>>;
    const product = findProduct(products, extra.vaccine);
    const dose: Dose = {
      date: dateOf(extra.vaccinationDate),
      productCode: product?.code ?? null,
      dose: parseDoseNumber(extra.dose),
      lot: extra.lot?.trim() || null,
    };
    return { entry: e, resident: linked.get(e.id) ?? null, extra, dose };
  });
  // The person's other rows of this list, found once per person (not by a scan of every row per row).
  const byPerson = new Map<string, (typeof doses)[number][]>();
  for (const d of doses) if (d.resident !== null) pushTo(byPerson, d.resident.personalId, d);
  const people = JSON.stringify([...byPerson.keys()]);
  const elsewhere = byPersonalId(db.prepare<[string, number], OtherDose>(DOSES_ELSEWHERE).all(people, listId));
  const infections = byPersonalId(db.prepare<[string], PersonInfection>(INFECTIONS).all(people));
  const doseRow = ({ entry, resident, extra, dose }: (typeof doses)[number]) => {
    const others: Dose[] = [];
    let personInfections: Infection[] = [];
    if (resident !== null) {
      others.push(...(elsewhere.get(resident.personalId) ?? []));
      for (const d of byPerson.get(resident.personalId)!) if (d.entry !== entry) others.push(d.dose);
      personInfections = infections.get(resident.personalId) ?? [];
    }
    const problems = checkDose(dose, { products, others, infections: personInfections, today });
    return [
      entry.id,
      resident?.id ?? null,
      resident?.personalId ?? null,
      entry.full_name,
      entry.birth_date,
      entry.address,
      dose.date,
      dose.productCode,
      extra.vaccine ?? null,
      dose.lot,
      dose.dose,
      extra.facility ?? null,
      JSON.stringify(problems),
    ];
  };
  writeTransaction(db, () => {
    db.prepare('DELETE FROM vaccinations WHERE list_entry_id IN (SELECT id FROM list_entries WHERE list_id = ?)').run(listId);
    const store = db.prepare(STORE_DOSES);
    for (let from = 0; from < doses.length; from += DOSES_PER_STATEMENT) {
      store.run(JSON.stringify(doses.slice(from, from + DOSES_PER_STATEMENT).map(doseRow)));
    }
  });
}

interface VaccinationRow {
  id: number;
  row: number;
  status: string | null;
  personal_id: string | null;
  full_name: string | null;
  vaccination_date: string | null;
  product_code: string | null;
  vaccine_text: string | null;
  lot: string | null;
  dose: number | null;
  facility: string | null;
  problems: string;
}

/** A results list's doses with their problems in words, the rule named in each. */
export function listVaccinations(db: Db, listId: number, locale: Locale): VaccinationView[] {
  return db
    .prepare<[number], VaccinationRow>(
      `SELECT v.id, e.row, r.status, v.personal_id, v.full_name, v.vaccination_date, v.product_code, v.vaccine_text, v.lot, v.dose,
         v.facility, v.problems
       FROM vaccinations v JOIN list_entries e ON e.id = v.list_entry_id LEFT JOIN entry_results r ON r.entry_id = e.id
       WHERE e.list_id = ? ORDER BY e.row`,
    )
    .all(listId)
    .map((v) => ({
      id: v.id,
      row: v.row,
      status: v.status as VaccinationView['status'],
      personalId: v.personal_id,
      fullName: v.full_name,
      vaccinationDate: v.vaccination_date,
      productCode: v.product_code,
      vaccine: v.vaccine_text,
      lot: v.lot,
      dose: v.dose,
      facility: v.facility,
      problems: (JSON.parse(v.problems) as Problem[]).map((p) => ruleMessage(p, locale)),
    }));
}

/** "[Khoảng cách tối thiểu] …": the rule's name, then what is wrong. */
export function ruleMessage(problem: Problem, locale: Locale): string {
  const rule = problem.key.replace(/^vaccine\./, '');
  const name = translate(locale, `rule.${rule}` as Parameters<typeof translate>[1]);
  return `[${name}] ${translate(locale, problem.key, problem.params)}`;
}

/** The chairman's (or facility head's) confirmation that a results list is accurate. */
/** Records the chairman's (or facility head's) confirmation: `account` is theirs when the database has accounts. */
export function confirmList(db: Db, listId: number, by: string, account: string | null, now: Date): Result<ListConfirmation> {
  const list = db
    .prepare<[number], { kind: string; checked_at: string | null; confirmed_at: string | null; confirmed_by: string | null }>(
      'SELECT kind, checked_at, confirmed_at, confirmed_by FROM lists WHERE id = ?',
    )
    .get(listId);
  if (!list) return fail('list.notFound', { listId });
  if (list.kind !== 'results') return fail('list.notResults', { listId });
  if (list.checked_at === null) return fail('list.notChecked', { listId });
  if (list.confirmed_at !== null) return fail('list.alreadyConfirmed', { listId, by: list.confirmed_by ?? '' });
  const confirmedAt = now.toISOString();
  writeTransaction(db, () => {
    db.prepare('UPDATE lists SET confirmed_at = ?, confirmed_by = ?, confirmed_account = ? WHERE id = ?').run(
      confirmedAt,
      by,
      account,
      listId,
    );
    audit(db, 'list.confirm', `list:${listId}`, { account }, now);
  });
  return ok({ listId, confirmedBy: by, confirmedAt });
}

/** Whether a list was confirmed (and so is not checked again). */
export function isConfirmed(db: Db, listId: number): boolean {
  return db.prepare<[number], { c: string | null }>('SELECT confirmed_at AS c FROM lists WHERE id = ?').get(listId)?.c != null;
}

/** Records an F0 case (and, when known, the recovery). */
export function addInfection(
  db: Db,
  request: { personalId: string; confirmedOn: IsoDate; recoveredOn?: IsoDate | null; test?: string | null },
  by: string | null,
  now: Date,
): Result<InfectionView> {
  const checked = checkIdNumber(request.personalId);
  if (checked === null || checked.kind !== 'personal_id') return fail('infection.badId', { value: request.personalId });
  if (request.confirmedOn > vietnamToday(now)) return fail('infection.future', { date: request.confirmedOn });
  if (request.recoveredOn && request.recoveredOn < request.confirmedOn) return fail('infection.recoveredBefore');
  const resident = db
    .prepare<[string], { id: number; full_name: string }>('SELECT id, full_name FROM residents WHERE personal_id = ?')
    .get(checked.normalized);
  const id = Number(
    db
      .prepare(
        `INSERT INTO infections (resident_id, personal_id, full_name, confirmed_on, recovered_on, test, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        resident?.id ?? null,
        checked.normalized,
        resident?.full_name ?? null,
        request.confirmedOn,
        request.recoveredOn ?? null,
        request.test ?? null,
        now.toISOString(),
        by,
      ).lastInsertRowid,
  );
  audit(db, 'infection.add', `infection:${id}`, {}, now);
  return ok(infectionViews(db).find((i) => i.id === id)!);
}

export function infectionViews(db: Db): InfectionView[] {
  return db
    .prepare<[], InfectionView>(
      `SELECT id, personal_id AS personalId, full_name AS fullName, confirmed_on AS confirmedOn, recovered_on AS recoveredOn,
         test, created_at AS createdAt FROM infections ORDER BY confirmed_on DESC, id DESC`,
    )
    .all();
}
