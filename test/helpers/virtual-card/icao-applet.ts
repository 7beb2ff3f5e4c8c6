/**
 * A virtual ICAO 9303 chip for the tests: the eMRTD application with BAC (GET CHALLENGE, EXTERNAL
 * AUTHENTICATE), secure messaging, SELECT by file id and READ BINARY over the files the test made.
 * Other applications (a non-ICAO card) answer 6A82 to the eMRTD AID.
 */
import { randomBytes } from 'node:crypto';
import { decodeCommand, encodeResponse, type CommandApdu } from '../../../src/shared/chip/apdu';
import { bytesEqual } from '../../../src/shared/chip/bytes';
import { EMRTD_AID, fileId, type LdsFile } from '../../../src/shared/chip/lds-files';
import type { BacKey } from '../../../src/shared/chip/bac-key';
import { bacKeysFor } from '../../../src/main/chip/bac';
import { answerMutualAuthenticate, CardChannel } from './card-sm';

export interface AppletOptions {
  /** The files of the application, as the test made them. */
  readonly files: ReadonlyMap<LdsFile, Uint8Array>;
  /** The MRZ fields whose key opens the chip. */
  readonly key: Pick<BacKey, 'documentNumber' | 'birth' | 'expiry'>;
  /** The chip's random bytes (RND.IC, then K.IC); node:crypto by default. */
  readonly random?: (length: number) => Uint8Array;
  /** Not an ICAO document: the eMRTD application is missing. */
  readonly notIcao?: boolean;
  /** The card is lifted when it has answered this many READ BINARY commands. */
  readonly removeAfterReads?: number;
}

const EMPTY = new Uint8Array(0);

/** What the card does with one command: its answer, or 'removed' when it is lifted instead. */
export type CardAnswer = Uint8Array | 'removed';

export class IcaoApplet {
  private selected = false;
  private challenge: Uint8Array | null = null;
  private channel: CardChannel | null = null;
  private file: Uint8Array | null = null;
  private reads = 0;
  private readonly random: (length: number) => Uint8Array;

  constructor(private readonly options: AppletOptions) {
    this.random = options.random ?? ((n) => new Uint8Array(randomBytes(n)));
  }

  /** Power-up: everything forgotten except the number of reads (removal counts across resets). */
  reset(): void {
    this.selected = false;
    this.challenge = null;
    this.channel = null;
    this.file = null;
  }

  /** The response to one command APDU. */
  process(bytes: Uint8Array): CardAnswer {
    let command: CommandApdu;
    try {
      command = decodeCommand(bytes);
    } catch {
      return encodeResponse(EMPTY, 0x6700);
    }
    if (command.ins === 0xa4 && command.p1 === 0x04) return this.selectApplication(command);
    if (!this.selected) return encodeResponse(EMPTY, 0x6d00);
    if (this.channel !== null && (command.cla & 0x0c) === 0x0c) return this.processProtected(bytes);
    if (command.ins === 0x84) {
      this.challenge = this.random(8);
      return encodeResponse(this.challenge, 0x9000);
    }
    if (command.ins === 0x82) return this.mutualAuthenticate(command);
    // Any other plain command: the data is protected by BAC.
    this.channel = null;
    return encodeResponse(EMPTY, 0x6982);
  }

  private selectApplication(command: CommandApdu): Uint8Array {
    this.reset();
    if (this.options.notIcao || command.data === undefined || !bytesEqual(command.data, EMRTD_AID)) {
      return encodeResponse(EMPTY, 0x6a82);
    }
    this.selected = true;
    return encodeResponse(EMPTY, 0x9000);
  }

  private mutualAuthenticate(command: CommandApdu): Uint8Array {
    const challenge = this.challenge;
    this.challenge = null;
    if (challenge === null || command.data === undefined) return encodeResponse(EMPTY, 0x6985);
    const done = answerMutualAuthenticate(bacKeysFor(this.options.key), challenge, command.data, this.random(16));
    if (done === null) return encodeResponse(EMPTY, 0x6300);
    this.channel = new CardChannel(done.session);
    return encodeResponse(done.answer, 0x9000);
  }

  private processProtected(bytes: Uint8Array): CardAnswer {
    const channel = this.channel!;
    const command = channel.unwrapCommand(bytes);
    if (command === null) {
      this.channel = null;
      return encodeResponse(EMPTY, 0x6988);
    }
    if (command.ins === 0xa4 && command.p1 === 0x02 && command.data?.length === 2) {
      const id = (command.data[0]! << 8) | command.data[1]!;
      const found = [...this.options.files].find(([name]) => fileId(name) === id);
      this.file = found?.[1] ?? null;
      return channel.wrapResponse(EMPTY, found ? 0x9000 : 0x6a82);
    }
    if (command.ins === 0xb0) {
      if (this.options.removeAfterReads !== undefined && this.reads >= this.options.removeAfterReads) return 'removed';
      this.reads++;
      if (this.file === null) return channel.wrapResponse(EMPTY, 0x6986);
      const offset = (command.p1 << 8) | command.p2;
      if (offset > this.file.length) return channel.wrapResponse(EMPTY, 0x6b00);
      const data = this.file.subarray(offset, offset + (command.le ?? 256));
      return channel.wrapResponse(data, 0x9000);
    }
    return channel.wrapResponse(EMPTY, 0x6d00);
  }
}
