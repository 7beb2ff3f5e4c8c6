/**
 * Selecting the eMRTD application and reading its files (ICAO 9303 part 10): SELECT by file id,
 * then READ BINARY in chunks: the first four bytes give the file's length, the rest follows in
 * chunks that fit a short protected response.
 */
import { SW_OK, swHex, type CommandApdu, type ResponseApdu } from '../../shared/chip/apdu';
import { EMRTD_AID, fileId, type LdsFile } from '../../shared/chip/lds-files';
import { tlvTotalLength } from '../../shared/chip/tlv';
import { ChipFailure } from './chip-failure';
import { SecureChannel, type SessionKeys } from './secure-messaging';
import { exchange, sendPlain, type CardTransport } from './transport';

/** How commands reach the card: plainly, or under secure messaging. */
export interface Channel {
  send(command: CommandApdu): Promise<ResponseApdu>;
}

/** Commands sent as they are. */
export function plainChannel(transport: CardTransport): Channel {
  return { send: (command) => sendPlain(transport, command) };
}

/** Commands sent under BAC secure messaging with `keys`. */
export function protectedChannel(transport: CardTransport, keys: SessionKeys): Channel {
  const sm = new SecureChannel(keys);
  return { send: async (command) => sm.unwrap(await exchange(transport, sm.wrap(command))) };
}

/** Bytes read in each READ BINARY: the most a short protected response can carry. */
export const CHUNK = 0xdf;
/** The first read: enough for any data group's tag and length. */
const HEAD = 4;

export interface FileProgress {
  readonly file: LdsFile;
  readonly read: number;
  readonly total: number;
}

/** Selects the eMRTD application; false when the card has none (not an ICAO document). */
export async function selectApplication(transport: CardTransport): Promise<boolean> {
  const select = { cla: 0x00, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID };
  let response = await sendPlain(transport, select);
  // Some chips want P2 00 (return the FCI) instead of 0C.
  if (response.sw === 0x6a86 || response.sw === 0x6a87) response = await sendPlain(transport, { ...select, p2: 0x00, le: 256 });
  return response.sw === SW_OK || response.sw >> 8 === 0x62;
}

function readBinary(offset: number, le: number): CommandApdu {
  if (offset > 0x7fff) throw new ChipFailure('chip.fileTooLarge');
  return { cla: 0x00, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le };
}

async function readChunk(channel: Channel, file: LdsFile, offset: number, le: number): Promise<Uint8Array> {
  const response = await channel.send(readBinary(offset, le));
  // 6282: end of file before Le bytes; the data that came is good.
  if ((response.sw !== SW_OK && response.sw !== 0x6282) || response.data.length === 0) {
    throw new ChipFailure('chip.readFailed', { file, sw: swHex(response.sw) });
  }
  return response.data;
}

/** A whole file of the application, or null when the card has no such file. */
export async function readLdsFile(
  channel: Channel,
  file: LdsFile,
  onProgress?: (progress: FileProgress) => void,
): Promise<Uint8Array | null> {
  const id = fileId(file);
  const selected = await channel.send({ cla: 0x00, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(id >> 8, id & 0xff) });
  if (selected.sw === 0x6a82) return null;
  if (selected.sw !== SW_OK) throw new ChipFailure('chip.readFailed', { file, sw: swHex(selected.sw) });
  let head = await readChunk(channel, file, 0, HEAD);
  let total: number;
  try {
    total = tlvTotalLength(head);
  } catch {
    head = await readChunk(channel, file, 0, 8);
    total = tlvTotalLength(head);
  }
  const bytes = new Uint8Array(total);
  bytes.set(head.subarray(0, total));
  let read = Math.min(head.length, total);
  onProgress?.({ file, read, total });
  while (read < total) {
    const chunk = await readChunk(channel, file, read, Math.min(CHUNK, total - read));
    bytes.set(chunk.subarray(0, total - read), read);
    read += Math.min(chunk.length, total - read);
    onProgress?.({ file, read, total });
  }
  return bytes;
}
