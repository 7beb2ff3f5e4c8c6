import type { EntryView, ResidentRef } from '../../../shared/api-contract';
import type { Sex } from '../../../shared/types';
import { entryDifferences } from '../../../shared/verification/differences';
import type { ComparedField } from '../../../shared/verification/vocabulary';

/** What the list says of a compared field, as the API holds it (ISO dates, `male`/`female`). */
export function listValueOf(entry: EntryView, field: ComparedField): string | null {
  switch (field) {
    case 'fullName':
      return entry.fullName;
    case 'birthDate':
      return entry.birthDate;
    case 'sex':
      return entry.sex;
    case 'personalId':
      return entry.idNumber;
    case 'address':
      return entry.address;
  }
}

/** What the registry says of a compared field. */
export function registryValueOf(resident: ResidentRef, field: ComparedField): string | null {
  switch (field) {
    case 'fullName':
      return resident.fullName;
    case 'birthDate':
      return resident.birthDate;
    case 'sex':
      return resident.sex;
    case 'personalId':
      return resident.personalId;
    case 'address':
      return resident.permanentAddress;
  }
}

const isSex = (value: string): value is Sex => value === 'male' || value === 'female';

/**
 * Whether `value` says what the registry already says of `field`, by the check's own rules
 * (main decides again, with the administrative units, when the proposal is recorded).
 */
export function agreesWithRegistry(field: ComparedField, value: string, resident: ResidentRef): boolean {
  const facts = {
    fullName: field === 'fullName' ? value : null,
    birthDate: field === 'birthDate' ? value : null,
    sex: field === 'sex' && isSex(value) ? value : null,
    idNumber: field === 'personalId' ? value : null,
    address: field === 'address' ? value : null,
  };
  return !entryDifferences(facts, resident).includes(field);
}

/** The fields on which a candidate differs from what the list says (blank fields never differ). */
export function candidateDifferences(entry: EntryView, candidate: ResidentRef): readonly ComparedField[] {
  return entryDifferences(
    { fullName: entry.fullName, birthDate: entry.birthDate, sex: entry.sex, idNumber: entry.idNumber, address: entry.address },
    candidate,
  );
}
