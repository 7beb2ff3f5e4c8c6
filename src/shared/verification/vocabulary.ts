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

/** Which resolutions fit which status (DESIGN.md §4). */
export const RESOLUTION_FITS: Readonly<Record<Resolution, readonly EntryStatus[]>> = {
  list_corrected: ['mismatched'],
  registry_corrected: ['mismatched'],
  collected: ['not_found'],
  candidate_chosen: ['ambiguous'],
  referred: ['mismatched', 'not_found', 'ambiguous', 'invalid'],
  unresolved: ['mismatched', 'not_found', 'ambiguous', 'invalid'],
};

/** Resolutions that need a written reason or evidence. */
export const RESOLUTIONS_NEEDING_NOTE: ReadonlySet<Resolution> = new Set(['registry_corrected', 'unresolved']);
