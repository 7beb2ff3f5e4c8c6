/** The verification vocabulary of DESIGN.md §4; the machine values are part of the contract. */

export const ENTRY_STATUSES = ['matched', 'mismatched', 'not_found', 'foreign', 'duplicate', 'ambiguous', 'invalid'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const COMPARED_FIELDS = ['fullName', 'birthDate', 'sex', 'personalId', 'address'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const RESOLUTIONS = [
  'list_corrected',
  'registry_corrected',
  'collected',
  'candidate_chosen',
  'referred',
  'unresolved',
] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** A list is due this many days after the date it was drawn up. */
export const DAYS_TO_RETURN = 2;
