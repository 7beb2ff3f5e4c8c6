/**
 * Every way of reaching a card (PC/SC, a replayed transcript, a test's virtual card) sits behind
 * this one small interface; everything above it (BAC, secure messaging, reading, passive
 * authentication) is the same for all of them.
 */
import { encodeCommand, encodeResponse, splitResponse, type CommandApdu, type ResponseApdu } from '../../shared/chip/apdu';
import { concatBytes } from '../../shared/chip/bytes';

export interface CardTransport {
  /** Sends one command APDU and resolves with the response APDU; throws ChipFailure when the card is gone. */
  transmit(command: Uint8Array): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Where the reader gets its random bytes (node:crypto in the app, fixed bytes in tests and replays). */
export type RandomSource = (length: number) => Uint8Array;

/** Sends command bytes and returns the whole response, fetching the rest with GET RESPONSE after 61xx (T=0). */
export async function exchange(transport: CardTransport, command: Uint8Array): Promise<Uint8Array> {
  let response = splitResponse(await transport.transmit(command));
  const parts: Uint8Array[] = [];
  while (response.sw >> 8 === 0x61) {
    parts.push(response.data);
    const le = response.sw & 0xff || 256;
    response = splitResponse(await transport.transmit(encodeCommand({ cla: 0x00, ins: 0xc0, p1: 0, p2: 0, le })));
  }
  if (parts.length === 0) return encodeResponse(response.data, response.sw);
  return encodeResponse(concatBytes(...parts, response.data), response.sw);
}

/** Sends a command without secure messaging, resending once with the Le a 6Cxx asks for. */
export async function sendPlain(transport: CardTransport, command: CommandApdu): Promise<ResponseApdu> {
  const response = splitResponse(await exchange(transport, encodeCommand(command)));
  if (response.sw >> 8 !== 0x6c) return response;
  return splitResponse(await exchange(transport, encodeCommand({ ...command, le: response.sw & 0xff || 256 })));
}
