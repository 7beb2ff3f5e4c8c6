import type { outputsVi } from './outputs-vi';

/** English text of what leaves the office, key for key with `outputsVi`. */
export const outputsEn: Record<keyof typeof outputsVi, string> = {
  'export.idOrPassport': 'ID / passport number',
  'pkg.registryKeysTitle': 'Keys that sign acknowledgements',
  'pkg.registryKeysHint':
    'An acknowledgement from the national registry (or the provincial police) must be signed with one of these keys; an unsigned one is refused.',
  'pkg.registryKeysNone': 'No key installed yet.',
  'pkg.registryKeyName': 'Who holds the key (e.g. Tuyên Quang provincial police)',
  'pkg.registryKeyInstall': 'Install a key from a file…',
  'pkg.registryKeyNameFirst': 'Type who holds the key before choosing the file.',
  'pkg.registryKeyInstalled': "{name}'s key installed.",
  'handling.verifying': 'Still being verified',
  'handling.foreign': 'Not verified (not a Vietnamese citizen)',
  'handling.duplicate': 'Same as row {row}',
  'list.openEntries':
    'List {listId} still has {open} entries that need action ({detail}). Deal with them and export again, or return the result partially: those entries are printed as "still being verified"',
  'doc.signerMissing':
    'The signer\'s name is missing. Enter the signer\'s name and title (Settings, Documents; at the command line: --signer "Full Name") and print again.',
  'doc.signerOnly': 'Only the signer (the chairman), signed in, records their own signature; no one records it on their behalf.',
  'resolve.proposalEmpty': 'No proposed value for {field}. Enter the right value from the papers you saw.',
  'resolve.proposalSameAsRegistry':
    'The proposed value "{value}" is what the registry already holds ({field}): nothing to correct. Enter the right value from the papers you saw.',
  'resolve.nothingToPropose': 'This entry has nothing that differs from the registry to propose.',
  'resolve.newResidentNeeded':
    'Fill in the person to collect: full name, birth date, sex, permanent address (and the ID number if they have one).',
  'cli.opt.partial': 'Return the result although entries still need action: they are printed as "still being verified"',
  'cli.opt.signer': "The signer's full name (kept in the letterhead settings; needed while there is none)",
  'cli.confirmNeedsUser':
    "This database has user accounts: the signer confirms in person. Set DOICHIEU_USER to the chairman's user name and DOICHIEU_KEY to their password; --by is not taken.",
  'cli.byNeeded': 'This database has no user accounts yet: --by "Signer\'s full name" is needed.',
  'cli.userWrongPassword': 'DOICHIEU_KEY is not the password of the account "{username}" (or the account is disabled).',
  'cli.roleRefused': 'The account "{username}" ({role}) may not do this.',
};
