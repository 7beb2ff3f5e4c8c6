/**
 * Registry corrections as an officer reviews them (issue 15): per differing field the registry's
 * value, the list's value and the value to send (the list's by default, editable). The package
 * carries exactly the reviewed values; a value the registry already holds is no correction.
 */
import type { FieldProposal, NewResidentFields, ProposalView } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import { entryDifferences } from '../../shared/verification/differences';
import type { ComparedField } from '../../shared/verification/vocabulary';
import { adminUnits } from '../admin-units/admin-units';
import type { Db } from '../db/open-database';
import type { ResidentRow } from '../registry/resident-rows';
import { registryFacts } from './check-list';

/** The resident field a compared field corrects. */
export const FIELD_OF_DIFFERENCE = {
  fullName: 'fullName',
  birthDate: 'birthDate',
  sex: 'sex',
  personalId: 'personalId',
  address: 'permanentAddress',
} as const satisfies Record<ComparedField, string>;

type CorrectedField = (typeof FIELD_OF_DIFFERENCE)[ComparedField];

/** What the list says of one compared field. */
export interface ListSide {
  readonly full_name: string | null;
  readonly birth_date: string | null;
  readonly sex: string | null;
  readonly id_number: string | null;
  readonly address: string | null;
}

export function listValue(entry: ListSide, field: ComparedField): string | null {
  switch (field) {
    case 'fullName':
      return entry.full_name;
    case 'birthDate':
      return entry.birth_date;
    case 'sex':
      return entry.sex;
    case 'personalId':
      return entry.id_number;
    case 'address':
      return entry.address;
  }
}

export function registryValue(resident: ResidentRow, field: ComparedField): string | null {
  switch (field) {
    case 'fullName':
      return resident.full_name;
    case 'birthDate':
      return resident.birth_date;
    case 'sex':
      return resident.sex;
    case 'personalId':
      return resident.personal_id;
    case 'address':
      return resident.permanent_address;
  }
}

/** Whether `value` says what the registry already says of `field` (the check's own rules of agreement). */
function agreesWithRegistry(field: ComparedField, value: string, resident: ResidentRow): boolean {
  const facts = {
    fullName: field === 'fullName' ? value : null,
    birthDate: field === 'birthDate' ? value : null,
    sex: field === 'sex' ? (value as 'male' | 'female') : null,
    idNumber: field === 'personalId' ? value : null,
    address: field === 'address' ? value : null,
  };
  return !entryDifferences(facts, registryFacts(resident), adminUnits).includes(field);
}

/**
 * The reviewed proposal for each differing field: `proposed` where the officer edited it, else the
 * list's value. Refused when a field has nothing to propose or proposes what the registry holds.
 */
export function reviewProposals(
  differences: readonly ComparedField[],
  entry: ListSide,
  resident: ResidentRow,
  proposed: Partial<Record<ComparedField, string>>,
): Result<FieldProposal[]> {
  const proposals: FieldProposal[] = [];
  for (const field of differences) {
    const value = (proposed[field] ?? listValue(entry, field) ?? '').trim();
    if (value === '') return fail('resolve.proposalEmpty', { field });
    if (agreesWithRegistry(field, value, resident)) return fail('resolve.proposalSameAsRegistry', { field, value });
    proposals.push({ field, registry: registryValue(resident, field), list: listValue(entry, field), proposed: value });
  }
  if (proposals.length === 0) return fail('resolve.nothingToPropose');
  return ok(proposals);
}

/** The stored form of a correction: the resident fields the package sets, with their values. */
export function correctionFields(proposals: readonly FieldProposal[]): Partial<Record<CorrectedField, string>> {
  return Object.fromEntries(proposals.map((p) => [FIELD_OF_DIFFERENCE[p.field], p.proposed]));
}

/** A stored correction shown again beside the registry's and the list's values. */
export function proposalsOf(fields: string, entry: ListSide | null, resident: ResidentRow | null): FieldProposal[] {
  const stored = JSON.parse(fields) as Partial<Record<CorrectedField, string>>;
  return (Object.keys(FIELD_OF_DIFFERENCE) as ComparedField[]).flatMap((field) => {
    const proposed = stored[FIELD_OF_DIFFERENCE[field]];
    if (proposed === undefined) return [];
    return [
      {
        field,
        registry: resident ? registryValue(resident, field) : null,
        list: entry ? listValue(entry, field) : null,
        proposed,
      },
    ];
  });
}

interface ChangeRow extends ListSide {
  readonly id: number;
  readonly kind: 'correction' | 'new';
  readonly fields: string;
  readonly evidence: string | null;
  readonly resident_id: number | null;
  readonly list_id: number | null;
  readonly row: number | null;
  readonly resolved_by: string | null;
}

/** Every correction and collected resident waiting for the next package, as reviewed. */
export function pendingProposals(db: Db): ProposalView[] {
  const rows = db
    .prepare<[], ChangeRow>(
      `SELECT c.id, c.kind, c.fields, c.evidence, c.resident_id, e.list_id, e.row, e.resolved_by,
              e.full_name, e.birth_date, e.sex, e.id_number, e.address
       FROM resident_changes c LEFT JOIN list_entries e ON e.id = c.list_entry_id
       WHERE c.status IN ('pending', 'rejected') ORDER BY c.id`,
    )
    .all();
  const resident = db.prepare<[number], ResidentRow>('SELECT * FROM residents WHERE id = ?');
  return rows.map((c) => {
    const r = c.resident_id === null ? null : (resident.get(c.resident_id) ?? null);
    const entry = c.list_id === null ? null : c;
    return {
      changeId: c.id,
      kind: c.kind === 'new' ? 'new_resident' : 'correction',
      personalId: r?.personal_id ?? null,
      fullName: r?.full_name ?? null,
      fields: c.kind === 'correction' ? proposalsOf(c.fields, entry, r) : [],
      collected: c.kind === 'new' ? (JSON.parse(c.fields) as NewResidentFields) : null,
      basis: c.evidence,
      listId: c.list_id,
      row: c.row,
      by: c.resolved_by,
    };
  });
}
