/** The virtual card as a transport in the same process (no PC/SC): for unit tests of the layers above. */
import type { CardTransport } from '../../../src/main/chip/transport';
import { ChipFailure } from '../../../src/main/chip/chip-failure';
import type { IcaoApplet } from './icao-applet';

/** A transport whose card is `applet`; after it is lifted every command fails as a removed card. */
export function appletTransport(applet: IcaoApplet): CardTransport {
  let removed = false;
  return {
    async transmit(command) {
      if (removed) throw new ChipFailure('chip.cardRemoved');
      const answer = applet.process(command);
      if (answer === 'removed') {
        removed = true;
        throw new ChipFailure('chip.cardRemoved');
      }
      return answer;
    },
    async close() {},
  };
}

/** Random bytes from a counter: repeatable, and different each call. */
export function countingRandom(seed = 1): (length: number) => Uint8Array {
  let n = seed;
  return (length) => Uint8Array.from({ length }, () => (n++ * 37) & 0xff);
}
