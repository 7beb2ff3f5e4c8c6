/**
 * The reader's side of BAC secure messaging (ICAO 9303 part 11 §9.8): each command is wrapped
 * (DO'87' encrypted data, DO'97' Le, DO'8E' MAC over the send-sequence counter and the header) and
 * each response unwrapped (MAC checked over the counter, DO'87' and DO'99', data decrypted).
 */
import { encodeCommand, splitResponse, type CommandApdu, type ResponseApdu } from '../../shared/chip/apdu';
import { bytesEqual, concatBytes } from '../../shared/chip/bytes';
import { encodeTlv, readTlvs } from '../../shared/chip/tlv';
import { incrementCounter, pad, retailMac, tdesDecrypt, tdesEncrypt, unpad } from './bac-crypto';
import { ChipFailure } from './chip-failure';

export interface SessionKeys {
  readonly ksEnc: Uint8Array;
  readonly ksMac: Uint8Array;
  /** The send-sequence counter the session starts with. */
  readonly ssc: Uint8Array;
}

/** A BAC session: wraps commands and unwraps responses, counting each. */
export class SecureChannel {
  private ssc: Uint8Array;

  constructor(private readonly keys: SessionKeys) {
    this.ssc = keys.ssc.slice();
  }

  /** The current send-sequence counter (for tests). */
  get counter(): Uint8Array {
    return this.ssc.slice();
  }

  /** The protected APDU for `command` (short form, Le 00). */
  wrap(command: CommandApdu): Uint8Array {
    this.ssc = incrementCounter(this.ssc);
    const cla = command.cla | 0x0c;
    const header = Uint8Array.of(cla, command.ins, command.p1, command.p2);
    const objects: Uint8Array[] = [];
    if (command.data !== undefined && command.data.length > 0) {
      const encrypted = tdesEncrypt(this.keys.ksEnc, pad(command.data));
      objects.push(encodeTlv(0x87, Uint8Array.of(0x01), encrypted));
    }
    if (command.le !== undefined) objects.push(encodeTlv(0x97, Uint8Array.of(command.le & 0xff)));
    const mac = retailMac(this.keys.ksMac, concatBytes(this.ssc, pad(header), ...objects));
    objects.push(encodeTlv(0x8e, mac));
    return encodeCommand({ cla, ins: command.ins, p1: command.p1, p2: command.p2, data: concatBytes(...objects), le: 256 });
  }

  /** The plain response inside a protected one; throws ChipFailure when its MAC is wrong. */
  unwrap(response: Uint8Array): ResponseApdu {
    this.ssc = incrementCounter(this.ssc);
    const outer = splitResponse(response);
    // An error the card reports without secure messaging (e.g. 6988: it saw a wrong MAC).
    if (outer.data.length === 0) return outer;
    let do87: Uint8Array | null = null;
    let do99: Uint8Array | null = null;
    let mac: Uint8Array | null = null;
    let macInput = this.ssc;
    for (const tlv of readTlvs(outer.data)) {
      const encoded = encodeTlv(tlv.tag, tlv.value);
      if (tlv.tag === 0x87) do87 = tlv.value;
      else if (tlv.tag === 0x99) do99 = tlv.value;
      else if (tlv.tag === 0x8e) mac = tlv.value;
      if (tlv.tag !== 0x8e) macInput = concatBytes(macInput, encoded);
    }
    if (mac === null || !bytesEqual(mac, retailMac(this.keys.ksMac, macInput))) throw new ChipFailure('chip.smBroken');
    const data = do87 === null ? new Uint8Array(0) : unpad(tdesDecrypt(this.keys.ksEnc, do87.subarray(1)));
    const sw = do99 !== null && do99.length === 2 ? (do99[0]! << 8) | do99[1]! : outer.sw;
    return { data, sw };
  }
}
