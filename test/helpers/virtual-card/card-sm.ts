/**
 * The chip's side of BAC and secure messaging, for the virtual card: answer EXTERNAL AUTHENTICATE,
 * unwrap protected commands (MAC checked, DO'87' decrypted) and wrap responses (DO'87', DO'99',
 * DO'8E'). Built on the app's own primitives; test/unit/chip-bac.test.ts pins both sides to ICAO's
 * worked example.
 */
import { decodeCommand, encodeResponse, type CommandApdu } from '../../../src/shared/chip/apdu';
import { bytesEqual, concatBytes } from '../../../src/shared/chip/bytes';
import { encodeTlv, readTlvs } from '../../../src/shared/chip/tlv';
import {
  deriveKey,
  incrementCounter,
  pad,
  retailMac,
  tdesDecrypt,
  tdesEncrypt,
  unpad,
  xorBytes,
} from '../../../src/main/chip/bac-crypto';
import type { BacKeys } from '../../../src/main/chip/bac';
import type { SessionKeys } from '../../../src/main/chip/secure-messaging';

/** The chip's answer to EXTERNAL AUTHENTICATE and the session it opens, or null for a wrong key. */
export function answerMutualAuthenticate(
  keys: BacKeys,
  rndIc: Uint8Array,
  data: Uint8Array,
  kIc: Uint8Array,
): { answer: Uint8Array; session: SessionKeys } | null {
  if (data.length !== 40) return null;
  const encrypted = data.subarray(0, 32);
  if (!bytesEqual(data.subarray(32), retailMac(keys.kMac, encrypted))) return null;
  const s = tdesDecrypt(keys.kEnc, encrypted);
  const rndIfd = s.subarray(0, 8);
  if (!bytesEqual(s.subarray(8, 16), rndIc)) return null;
  const kIfd = s.subarray(16, 32);
  const reply = tdesEncrypt(keys.kEnc, concatBytes(rndIc, rndIfd, kIc));
  const seed = xorBytes(kIfd, kIc);
  return {
    answer: concatBytes(reply, retailMac(keys.kMac, reply)),
    session: {
      ksEnc: deriveKey(seed, 1),
      ksMac: deriveKey(seed, 2),
      ssc: concatBytes(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)),
    },
  };
}

/** The chip's secure-messaging state: its own copy of the send-sequence counter. */
export class CardChannel {
  private ssc: Uint8Array;

  constructor(private readonly keys: SessionKeys) {
    this.ssc = keys.ssc.slice();
  }

  get counter(): Uint8Array {
    return this.ssc.slice();
  }

  /** The plain command inside a protected one, or null when it is not properly protected. */
  unwrapCommand(bytes: Uint8Array): CommandApdu | null {
    this.ssc = incrementCounter(this.ssc);
    const command = decodeCommand(bytes);
    if ((command.cla & 0x0c) !== 0x0c || command.data === undefined) return null;
    const header = Uint8Array.of(command.cla, command.ins, command.p1, command.p2);
    let macInput = concatBytes(this.ssc, pad(header));
    let encrypted: Uint8Array | null = null;
    let le: number | undefined;
    let mac: Uint8Array | null = null;
    for (const tlv of readTlvs(command.data)) {
      if (tlv.tag === 0x8e) {
        mac = tlv.value;
        continue;
      }
      macInput = concatBytes(macInput, encodeTlv(tlv.tag, tlv.value));
      if (tlv.tag === 0x87) encrypted = tlv.value.subarray(1);
      else if (tlv.tag === 0x97) le = tlv.value[0] || 256;
    }
    if (mac === null || !bytesEqual(mac, retailMac(this.keys.ksMac, macInput))) return null;
    const data = encrypted === null ? undefined : unpad(tdesDecrypt(this.keys.ksEnc, encrypted));
    return { cla: command.cla & ~0x0c, ins: command.ins, p1: command.p1, p2: command.p2, data, le };
  }

  /** The protected response carrying `data` and `sw`. */
  wrapResponse(data: Uint8Array, sw: number): Uint8Array {
    this.ssc = incrementCounter(this.ssc);
    const objects: Uint8Array[] = [];
    if (data.length > 0) objects.push(encodeTlv(0x87, Uint8Array.of(0x01), tdesEncrypt(this.keys.ksEnc, pad(data))));
    objects.push(encodeTlv(0x99, Uint8Array.of(sw >> 8, sw & 0xff)));
    const mac = retailMac(this.keys.ksMac, concatBytes(this.ssc, ...objects));
    return encodeResponse(concatBytes(...objects, encodeTlv(0x8e, mac)), sw);
  }
}
