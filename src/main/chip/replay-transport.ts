/**
 * Transcripts of APDU exchanges (src/shared/chip/transcript.ts): a transport that records what
 * passes through another, and one that replays a recording, answering each command with the
 * recorded response as long as the commands are the recorded ones.
 */
import { bytesEqual, concatBytes, toHex } from '../../shared/chip/bytes';
import type { Transcript, TranscriptExchange } from '../../shared/chip/transcript';
import { ChipFailure } from './chip-failure';
import type { CardTransport, RandomSource } from './transport';

/** A transport that answers from a transcript; a command other than the recorded one is a failure. */
export function replayTransport(transcript: Transcript): CardTransport {
  let next = 0;
  return {
    async transmit(command) {
      const exchange = transcript.exchanges[next];
      if (exchange === undefined) throw new ChipFailure('chip.transcript.ended', { exchange: next + 1 });
      if (!bytesEqual(exchange.command, command)) {
        throw new ChipFailure('chip.transcript.diverged', {
          exchange: next + 1,
          expected: toHex(exchange.command),
          got: toHex(command),
        });
      }
      next++;
      if (exchange.response === 'removed') throw new ChipFailure('chip.cardRemoved');
      return exchange.response.slice();
    },
    async close() {},
  };
}

/** The random source a transcript recorded; running out is a failure. */
export function replayRandom(transcript: Transcript): RandomSource {
  let at = 0;
  return (length) => {
    if (at + length > transcript.random.length) throw new ChipFailure('chip.transcript.ended', { exchange: 'random' });
    const bytes = transcript.random.slice(at, at + length);
    at += length;
    return bytes;
  };
}

export interface Recorder {
  readonly transport: CardTransport;
  readonly random: RandomSource;
  /** What was recorded so far. */
  transcript(): Transcript;
}

/** Wraps a transport and a random source, recording every exchange and every random byte. */
export function recordingTransport(inner: CardTransport, innerRandom: RandomSource): Recorder {
  const exchanges: TranscriptExchange[] = [];
  const random: Uint8Array[] = [];
  return {
    transport: {
      async transmit(command) {
        try {
          const response = await inner.transmit(command);
          exchanges.push({ command: command.slice(), response: response.slice() });
          return response;
        } catch (error) {
          if (error instanceof ChipFailure && error.problem.key === 'chip.cardRemoved') {
            exchanges.push({ command: command.slice(), response: 'removed' });
          }
          throw error;
        }
      },
      close: () => inner.close(),
    },
    random: (length) => {
      const bytes = innerRandom(length);
      random.push(bytes.slice());
      return bytes;
    },
    transcript: () => ({ random: concatBytes(...random), exchanges: [...exchanges] }),
  };
}
