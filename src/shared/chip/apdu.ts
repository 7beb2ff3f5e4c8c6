/** Command and response APDUs (ISO/IEC 7816-4, short form), for the reader and the test card. */
import { concatBytes } from './bytes';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array | undefined;
  /** Expected response length, 1–256 (256 is written as 00); absent: no Le byte. */
  readonly le?: number | undefined;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  /** Status word, e.g. 0x9000. */
  readonly sw: number;
}

export const SW_OK = 0x9000;

/** The bytes of a command APDU (short form). */
export function encodeCommand(command: CommandApdu): Uint8Array {
  const header = Uint8Array.of(command.cla, command.ins, command.p1, command.p2);
  const data = command.data ?? new Uint8Array(0);
  if (data.length > 255) throw new Error('APDU data too long for the short form');
  const lc = data.length > 0 ? Uint8Array.of(data.length) : new Uint8Array(0);
  const le = command.le === undefined ? new Uint8Array(0) : Uint8Array.of(command.le & 0xff);
  return concatBytes(header, lc, data, le);
}

/** A command APDU from its bytes (short form; cases 1–4); throws when the lengths do not add up. */
export function decodeCommand(bytes: Uint8Array): CommandApdu {
  if (bytes.length < 4) throw new Error('APDU shorter than its header');
  const [cla, ins, p1, p2] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!];
  const body = bytes.subarray(4);
  if (body.length === 0) return { cla, ins, p1, p2 };
  if (body.length === 1) return { cla, ins, p1, p2, le: body[0] || 256 };
  const lc = body[0]!;
  if (lc === 0) throw new Error('Extended-length APDUs are not supported');
  if (body.length === 1 + lc) return { cla, ins, p1, p2, data: body.subarray(1) };
  if (body.length === 2 + lc) return { cla, ins, p1, p2, data: body.subarray(1, 1 + lc), le: body[1 + lc] || 256 };
  throw new Error('APDU length does not match Lc');
}

/** The data and status word of a response APDU. */
export function splitResponse(bytes: Uint8Array): ResponseApdu {
  if (bytes.length < 2) throw new Error('Response shorter than a status word');
  return { data: bytes.subarray(0, bytes.length - 2), sw: (bytes[bytes.length - 2]! << 8) | bytes[bytes.length - 1]! };
}

/** The bytes of a response APDU. */
export function encodeResponse(data: Uint8Array, sw: number): Uint8Array {
  return concatBytes(data, Uint8Array.of(sw >> 8, sw & 0xff));
}

/** A status word as four hex digits. */
export function swHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}
