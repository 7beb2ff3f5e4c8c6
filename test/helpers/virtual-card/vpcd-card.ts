/**
 * The virtual card's end of vsmartcard's vpcd (the reader driver inside pcscd): vpcd listens on
 * TCP, the card connects to it. Each message is a 2-byte big-endian length and the bytes; a 1-byte
 * message is control (0 power off, 1 power on, 2 reset, 4 "send the ATR"), anything longer is a
 * command APDU, answered with the response APDU. Connecting inserts the card; closing removes it.
 */
import { connect, type Socket } from 'node:net';
import type { IcaoApplet } from './icao-applet';

/** A contactless card's ATR as PC/SC part 3 builds it (no historical bytes; T=0 and T=1 offered). */
export const CONTACTLESS_ATR = Uint8Array.of(0x3b, 0x80, 0x80, 0x01, 0x01);

export interface VirtualCard {
  /** Resolves when the card has gone (removed by the test or by its applet). */
  readonly gone: Promise<void>;
  /** Lifts the card from the reader. */
  remove(): void;
}

function frame(bytes: Uint8Array): Buffer {
  const out = Buffer.alloc(2 + bytes.length);
  out.writeUInt16BE(bytes.length, 0);
  out.set(bytes, 2);
  return out;
}

/** Connects to vpcd at `port` (retrying while it starts), then answers it with `applet`. */
export async function insertCard(applet: IcaoApplet, port: number, atr = CONTACTLESS_ATR): Promise<VirtualCard> {
  const socket = await new Promise<Socket>((resolve, reject) => {
    const deadline = Date.now() + 10_000;
    const attempt = () => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => resolve(s));
      s.once('error', (error) => {
        s.destroy();
        if (Date.now() > deadline) reject(error);
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  const gone = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
      const message = pending.subarray(2, 2 + pending.readUInt16BE(0));
      pending = pending.subarray(2 + message.length);
      if (message.length === 1) {
        if (message[0] === 4) socket.write(frame(atr));
        else applet.reset();
        continue;
      }
      const answer = applet.process(new Uint8Array(message));
      if (answer === 'removed') {
        socket.destroy();
        return;
      }
      socket.write(frame(answer));
    }
  });
  return { gone, remove: () => socket.destroy() };
}
