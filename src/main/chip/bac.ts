/**
 * Basic Access Control, the reader's side (ICAO 9303 part 11 §4.3): derive Kenc/Kmac from the MRZ
 * information, GET CHALLENGE, EXTERNAL AUTHENTICATE with the terminal's cryptogram, check the
 * chip's, and derive the session keys and the send-sequence counter.
 */
import { mrzInformation, type BacKey } from '../../shared/chip/bac-key';
import { bytesEqual, concatBytes } from '../../shared/chip/bytes';
import { SW_OK } from '../../shared/chip/apdu';
import { deriveKey, keySeed, retailMac, tdesDecrypt, tdesEncrypt, xorBytes } from './bac-crypto';
import { ChipFailure } from './chip-failure';
import type { SessionKeys } from './secure-messaging';
import { sendPlain, type CardTransport, type RandomSource } from './transport';

export interface BacKeys {
  readonly kEnc: Uint8Array;
  readonly kMac: Uint8Array;
}

/** Kenc and Kmac for a key. */
export function bacKeysFor(key: Pick<BacKey, 'documentNumber' | 'birth' | 'expiry'>): BacKeys {
  const seed = keySeed(mrzInformation(key));
  return { kEnc: deriveKey(seed, 1), kMac: deriveKey(seed, 2) };
}

/** The terminal's EXTERNAL AUTHENTICATE data: E(Kenc, RND.IFD ‖ RND.IC ‖ K.IFD) ‖ MAC. */
export function terminalCryptogram(keys: BacKeys, rndIc: Uint8Array, rndIfd: Uint8Array, kIfd: Uint8Array): Uint8Array {
  const encrypted = tdesEncrypt(keys.kEnc, concatBytes(rndIfd, rndIc, kIfd));
  return concatBytes(encrypted, retailMac(keys.kMac, encrypted));
}

/** The session keys from the chip's answer, or null when the answer is not the chip's (wrong key). */
export function sessionFromAnswer(
  keys: BacKeys,
  answer: Uint8Array,
  rndIc: Uint8Array,
  rndIfd: Uint8Array,
  kIfd: Uint8Array,
): SessionKeys | null {
  if (answer.length !== 40) return null;
  const encrypted = answer.subarray(0, 32);
  if (!bytesEqual(answer.subarray(32), retailMac(keys.kMac, encrypted))) return null;
  const r = tdesDecrypt(keys.kEnc, encrypted);
  if (!bytesEqual(r.subarray(0, 8), rndIc) || !bytesEqual(r.subarray(8, 16), rndIfd)) return null;
  const seed = xorBytes(kIfd, r.subarray(16, 32));
  return {
    ksEnc: deriveKey(seed, 1),
    ksMac: deriveKey(seed, 2),
    ssc: concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
  };
}

/** Runs BAC with one key: the session keys, or null when the chip refused the key. */
export async function performBac(transport: CardTransport, key: BacKey, random: RandomSource): Promise<SessionKeys | null> {
  const keys = bacKeysFor(key);
  const challenge = await sendPlain(transport, { cla: 0x00, ins: 0x84, p1: 0, p2: 0, le: 8 });
  if (challenge.sw !== SW_OK || challenge.data.length !== 8) throw new ChipFailure('chip.bacUnsupported');
  const rndIc = challenge.data;
  const rndIfd = random(8);
  const kIfd = random(16);
  const data = terminalCryptogram(keys, rndIc, rndIfd, kIfd);
  const answer = await sendPlain(transport, { cla: 0x00, ins: 0x82, p1: 0, p2: 0, data, le: 40 });
  if (answer.sw !== SW_OK) return null;
  return sessionFromAnswer(keys, answer.data, rndIc, rndIfd, kIfd);
}
