import type { chipVi } from './chip-vi';

/** English messages of the chip reader, key for key with `chipVi`. */
export const chipEn: Record<keyof typeof chipVi, string> = {
  'chip.key.badNumber': 'Document number "{value}" is not valid: a 12-digit ID or a 9-character card number is needed.',
  'chip.key.badDate': 'Date "{value}" is not valid: a full date (day/month/year) is needed.',
  'chip.key.noExpiry': "The card's expiry date is needed, or its issue date to work it out.",
  'chip.key.badMrz': 'The MRZ lines are not an ID card MRZ (3 lines of 30 characters).',
  'chip.transcript.badLine': 'The APDU transcript is wrong at line {line}.',
  'chip.transcript.ended': 'The APDU transcript ended at exchange {exchange}.',
  'chip.transcript.diverged': 'Exchange {exchange} differs from the transcript (recorded: {expected}, sent: {got}).',
  'chip.smBroken': 'The secure channel with the chip broke (wrong MAC). Place the card again and read again.',
  'chip.bacUnsupported': 'The chip does not offer Basic Access Control (BAC).',
  'chip.fileTooLarge': 'A file on the chip is too large to read this way.',
  'chip.readFailed': 'Could not read {file} on the chip (status {sw}).',
  'chip.notIcao': 'The card on the reader is not a chip ID card (no ICAO application).',
  'chip.bacRefused':
    'The chip refused the access key: card number, birth date or expiry date do not match the card. Scan the MRZ again or check what was typed.',
  'chip.bacRefusedAll':
    'The chip refused all {count} keys tried (worked out from the birth and issue dates). Scan the MRZ on the back or type the expiry date.',
  'chip.malformed': 'The {file} data on the chip is malformed.',
  'chip.cardRemoved':
    'The card was lifted from the reader while it was being read. Place it again and keep it still until reading ends.',
  'chip.noCard': 'No card on reader "{reader}".',
  'chip.pcsc.noLibrary':
    'This machine has no PC/SC library (libpcsclite on Linux, winscard.dll on Windows): chips cannot be read.',
  'chip.pcsc.noService': 'The smart card service is not running (pcscd on Linux, "Smart Card" on Windows). Install and start it.',
  'chip.pcsc.noReaders': 'No card reader is plugged in.',
  'chip.pcsc.readerGone': 'Reader "{reader}" is no longer connected.',
  'chip.pcsc.error': 'PC/SC error (code {code}).',
  'chip.pcsc.unsupportedPlatform': 'Reading chips is not supported on this operating system yet.',
  'chip.pa.sodUnreadable': "The chip's signature file (SOD) cannot be read.",
  'chip.pa.noSod': 'The chip has no signature file (SOD).',
  'chip.pa.hashMismatch': '{file} was changed: it does not match the hash signed in the SOD.',
  'chip.pa.notInSod': '{file} is not among the signed data groups (SOD).',
  'chip.pa.unsupportedAlgorithm': 'Algorithm not supported: {algorithm}.',
  'chip.pa.signatureInvalid': "The SOD's signature does not verify with the document signer certificate it carries.",
  'chip.pa.noSignerCertificate': 'The SOD carries no document signer certificate.',
  'chip.pa.digestMismatch': "The signed attributes' message digest does not match the SOD content.",
  'chip.pa.chainFailed': 'The document signer certificate was not issued by an installed CSCA ({issuer}).',
  'chip.pa.noCsca': 'No CSCA certificate installed: the data is shown to be intact, not who issued it.',
  'chip.pa.noCscaForCountry': 'No CSCA certificate of the issuing country ({country}) is installed.',
  'chip.status.genuine': 'Genuine card',
  'chip.status.intact_no_csca': 'Data intact (CSCA not installed)',
  'chip.status.not_genuine': 'NOT a genuine card',
  'chip.csca.unreadable': 'The file is not a CSCA certificate (.cer, .der, .pem) or an ICAO CSCA master list (.ml).',
  'chip.csca.none': 'The file holds no CSCA certificate.',
};
