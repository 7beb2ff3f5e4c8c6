/**
 * APDU transcripts: text, one exchange a line, `command hex -> response hex` (`→` also read), and
 * `random hex` lines holding the bytes the reader drew (so BAC replays exactly). A card lifted
 * mid-exchange is `command hex -> !removed`. `#` starts a comment.
 */
import type { Result } from '../result';
import { fail, ok } from '../result';
import { concatBytes, fromHex, toHex } from './bytes';

export interface TranscriptExchange {
  readonly command: Uint8Array;
  /** The card's answer, or 'removed' when the card went away instead of answering. */
  readonly response: Uint8Array | 'removed';
}

export interface Transcript {
  /** The random bytes the reader drew, in order. */
  readonly random: Uint8Array;
  readonly exchanges: readonly TranscriptExchange[];
}

export const TRANSCRIPT_HEADER = '# doichieu APDU transcript 1';

/** The text of a transcript. */
export function formatTranscript(transcript: Transcript): string {
  const lines = [TRANSCRIPT_HEADER];
  if (transcript.random.length > 0) lines.push(`random ${toHex(transcript.random)}`);
  for (const e of transcript.exchanges) {
    lines.push(`${toHex(e.command)} -> ${e.response === 'removed' ? '!removed' : toHex(e.response)}`);
  }
  return lines.join('\n') + '\n';
}

/** A transcript from its text; a line that is none of the forms is an error naming the line. */
export function parseTranscript(text: string): Result<Transcript> {
  const random: Uint8Array[] = [];
  const exchanges: TranscriptExchange[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    try {
      const rnd = /^random\s+([0-9a-fA-F\s]+)$/.exec(line);
      if (rnd) {
        random.push(fromHex(rnd[1]!));
        continue;
      }
      const exchange = /^([0-9a-fA-F\s]+?)\s*(?:->|→)\s*(!removed|[0-9a-fA-F\s]+)$/.exec(line);
      if (!exchange) return fail('chip.transcript.badLine', { line: i + 1 });
      const command = fromHex(exchange[1]!);
      const response = exchange[2] === '!removed' ? 'removed' : fromHex(exchange[2]!);
      if (command.length < 4 || (response !== 'removed' && response.length < 2)) {
        return fail('chip.transcript.badLine', { line: i + 1 });
      }
      exchanges.push({ command, response });
    } catch {
      return fail('chip.transcript.badLine', { line: i + 1 });
    }
  }
  return ok({ random: concatBytes(...random), exchanges });
}
