/** `scanner replay`: the scans a recorded capture yields through the same decoders as a live scanner. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCapture } from '../../shared/scanner/capture';
import { SCAN_FORMATS } from '../../shared/scanner/decoders';
import { readScans } from '../scanner/read-scans';
import { replayTransport } from '../scanner/replay-transport';
import { InputError, UsageError, choiceOption, existingFile, firstArgument } from './arguments';
import type { CliCommand, CliContext } from './command';

async function replay(ctx: CliContext): Promise<number> {
  const file = firstArgument(ctx, 'cli.arg.capture');
  const format = choiceOption(ctx, 'format', SCAN_FORMATS, undefined, (value) => new UsageError('scanner.badFormat', { value }));
  const capture = parseCapture(readFileSync(existingFile(file), 'utf8'));
  if (!capture.ok) throw new InputError({ key: 'scanner.badCapture', params: { file: basename(file), line: capture.line } });
  const scans = await readScans(replayTransport(capture.reports, format));
  const line = (s: (typeof scans)[number]) => `${s.complete ? '' : `[${ctx.text('scanner.incomplete')}] `}${s.text}`;
  ctx.print({ scans }, scans.map(line).join('\n'));
  return 0;
}

export const SCANNER_COMMANDS: readonly CliCommand[] = [
  {
    name: 'scanner replay',
    summary: 'cli.cmd.scannerReplay',
    synopsis: 'cli.arg.capture',
    options: { format: { type: 'string', value: 'cli.value.format', help: 'cli.opt.format' } },
    example: 'scanner replay honeywell-two-scans.txt --format hidpos --json',
    run: replay,
  },
];
