import type { securityVi } from './security-vi';

/** English text of holding under attack and fault, key for key with `securityVi`. */
export const securityEn: Record<keyof typeof securityVi, string> = {
  'db.emptyFile':
    'The file "{file}" is empty (0 bytes): it is not a database. If it was one, restore it from a backup; to make a new database, choose another file name.',
  'db.waiting': 'Waiting: another program is writing to this database (waiting up to 1 minute)…',
  'db.busy':
    'The database is busy: another program has been writing to this file for over a minute. Nothing was written; try again when it is done.',
  'db.missing': 'There is no database file "{file}". This command only reads, so it makes no new database: check the --db path.',
  'cli.commandRefused':
    'The account "{username}" ({role}) may not run "{command}" (the app\'s roles). The attempt was written to the audit trail.',
  'cli.commandNeedsUser':
    '"{command}" is done by the person entitled to it, not with the database passphrase or the recovery code: set DOICHIEU_USER to their username and DOICHIEU_KEY to their password.',
  'cli.actorUnknown':
    'This database has user accounts: say who runs "{command}" — DOICHIEU_USER the username, DOICHIEU_KEY that person\'s password.',
  'file.writeFailed': 'Could not write the file "{file}" ({reason}). Nothing was recorded; choose another place and try again.',
  'file.folderFailed':
    'Could not make the folder "{folder}" ({reason}). Nothing was recorded; choose another place and try again.',
  'package.changedMeanwhile': 'Another program just exported a package from this database. Nothing was recorded; export again.',
  'cli.cmd.packageRegistryKey':
    'Install the public key of the national registry (or the provincial police) that signs its answers',
  'cli.arg.publicKey': '<public key file | base64 key>',
  'cli.opt.registryKeyName': 'The name of the body that holds the key',
  'package.registryKeyLine': '{name}: {fingerprint} (installed {installedAt})',
  'package.registryKeyBad': 'Not an Ed25519 public key (a PEM "PUBLIC KEY" block or 32 bytes in base64 are needed).',
  'package.ackUnsigned':
    'The answer file "{file}" has no digital signature of the body that received the package: not taken. Anyone who knows the package id can write such a file. Ask that body for a signed file.',
  'package.ackNoKey':
    'No public key of the receiving body is installed, so the signature of the answer file "{file}" cannot be checked. The administrator installs the key first (doichieu package key).',
  'package.ackBadSignature':
    'The signature of the answer file "{file}" does not verify with any installed key: the file was changed, or not signed by the receiving body. Not taken.',
  'package.ackOtherPackage':
    'The answer file "{file}" is not about the file of package {sequence} (the package SHA-256 differs or is missing). Not taken.',
  'package.ackContradictory':
    'The answer file "{file}" lists record {recordId} as both accepted and rejected: contradictory, not taken. Ask the receiving body to send it again.',
  'doc.verdict.fileExact': 'This PDF is, byte for byte, the printed file of document {number}, version {version}.',
  'doc.verdict.codeFound':
    "The paper's code is that of document {number}, version {version}, stored on this machine. The code only says which document it is, not what the paper shows: compare each row of the paper with the stored content below.",
  'doc.verdict.fileDiffers':
    "This file is NOT the printed file of document {number}, version {version}: its content differs from the kept file (altered, or another file carrying this document's code).",
  'doc.verdict.signatureInvalid':
    'This file begins with the printed file of document {number}, version {version}, but what follows is not a valid digital signature over exactly that file.',
  'doc.verdict.notKept':
    'Document {number}, version {version} was printed before this machine kept PDF files, so this file cannot be compared. Compare the paper with the stored version (scan its QR code) or print it again.',
  'doc.changedMeanwhile': 'The list was just printed elsewhere (a new version was recorded). Nothing was recorded; print again.',
  'doc.storedTitle': 'Stored content: document {number}, version {version}, {issuedOn} — {listName}',
  'doc.compareHint': 'Compare each row of the paper with this table: name, birth date, ID number, result.',
  'audit.cut':
    'The trail was cut: the head file beside the database names entry {seq}, but the trail in the database no longer holds that entry as it was (the newest entries were removed or changed).',
  'audit.headMissing':
    'The audit head file beside the database is missing (the trail has {seq} entries): whether its last entries were removed cannot be checked. Copy the file back from where the database is kept.',
  'audit.headSignature': 'The audit head file beside the database was changed, or was not signed by this installation.',
  'pkg.unsignedAck': 'Take an unsigned answer…',
  'pkg.unsignedAckTitle': 'Take the answer file "{file}" without a digital signature?',
  'pkg.unsignedAckWarning':
    'An unsigned answer cannot tell who wrote it: anyone who knows the package id can write one, and a record marked accepted is never sent again. Take it only when you are sure the receiving body sent it (handed over in person, for example). Taking it is written to the audit trail with your name.',
  'pkg.unsignedAckSure': 'I confirm this file is the receiving body’s answer.',
  'pkg.unsignedAckOk': 'Take the unsigned file',
};
