/**
 * `chip read` (a CCCD's chip through a PC/SC reader) and `chip replay` (a recorded APDU transcript
 * through the same reading): the DG13 fields and the passive authentication's verdict. A database is
 * optional: with one (`--db`) the CSCA certificates installed in it are used; nothing personal is
 * written anywhere.
 */
import { readFileSync } from 'node:fs';
import { bacKeys, type KeySource } from '../../shared/chip/bac-key';
import type { ChipRead } from '../../shared/chip/chip-read';
import { parseTranscript } from '../../shared/chip/transcript';
import { parseDateText, type IsoDate } from '../../shared/dates';
import type { Problem } from '../../shared/result';
import { ChipService } from '../chip/chip-service';
import { parseCscaFile } from '../chip/csca-file';
import { installedCscas } from '../chip/csca-store';
import { readChip } from '../chip/read-chip';
import { replayRandom, replayTransport } from '../chip/replay-transport';
import { InputError, UsageError, existingFile, firstArgument, readBytes, unwrap } from './arguments';
import type { CliCommand, CliContext, CliOptions } from './command';
import { describe } from './output';

/** The key options, shared by both commands. */
const KEY_OPTIONS: CliOptions = {
  mrz: { type: 'string', value: 'chip.cli.value.line', help: 'chip.cli.opt.mrz' },
  qr: { type: 'string', value: 'cli.value.text', help: 'chip.cli.opt.qr' },
  'doc-number': { type: 'string', value: 'cli.value.number', help: 'chip.cli.opt.docNumber' },
  birth: { type: 'string', value: 'cli.value.date', help: 'chip.cli.opt.birth' },
  expiry: { type: 'string', value: 'cli.value.date', help: 'chip.cli.opt.expiry' },
  issue: { type: 'string', value: 'cli.value.date', help: 'chip.cli.opt.issue' },
  csca: { type: 'string', value: 'cli.value.file', help: 'chip.cli.opt.csca' },
};

function fullDate(value: string): IsoDate {
  const date = parseDateText(value);
  if (date === null || date.length !== 10) throw new UsageError('cli.badDate', { value });
  return date;
}

/**
 * The BAC key the options give: `--mrz L1 L2 L3` (the lines after the first arrive as arguments, or
 * all three in one value), `--qr TEXT`, or `--doc-number N --birth D` with `--expiry D` (`none`: no
 * expiry) or `--issue D`. `extraArgs`: how many positional arguments the command itself takes.
 */
function keyOf(ctx: CliContext, extraArgs: number): KeySource {
  const mrz = ctx.option('mrz');
  const qr = ctx.option('qr');
  const number = ctx.option('doc-number');
  const given = [mrz, qr, number].filter((v) => v !== undefined).length;
  if (given === 0) throw new UsageError('chip.cli.noKey');
  if (given > 1) throw new UsageError('chip.cli.oneKey');
  const rest = ctx.args.slice(extraArgs);
  if (mrz !== undefined) return { kind: 'mrz', lines: [mrz, ...rest].join('\n') };
  if (rest.length > 0) throw new UsageError('cli.badOption', { option: rest.join(' ') });
  if (qr !== undefined) return { kind: 'qr', payload: qr };
  const birth = ctx.option('birth');
  const expiry = ctx.option('expiry');
  const issue = ctx.option('issue');
  if (birth === undefined || (expiry === undefined && issue === undefined)) throw new UsageError('chip.cli.noKey');
  return {
    kind: 'typed',
    documentNumber: number!,
    birthDate: fullDate(birth),
    ...(expiry !== undefined ? { expiryDate: expiry.toLowerCase() === 'none' ? null : fullDate(expiry) } : {}),
    ...(issue !== undefined ? { issueDate: fullDate(issue) } : {}),
  };
}

/** The CSCA certificates to verify with: those of `--csca FILE`, and those installed in the database when one is named. */
function cscasOf(ctx: CliContext): { fromFile: Uint8Array[]; installed: Uint8Array[] } {
  const file = ctx.option('csca');
  const fromFile = file === undefined ? [] : unwrap(parseCscaFile(readBytes(file)));
  const hasDatabase = ctx.option('db') !== undefined || Boolean(ctx.io.env.DOICHIEU_DB);
  return { fromFile, installed: hasDatabase ? installedCscas(ctx.database()) : [] };
}

/** DESIGN.md §5's shape, problems in the CLI's language. */
function contractShape(ctx: CliContext, read: ChipRead) {
  const text = (p: Problem) => ctx.text(p.key, p.params);
  return {
    personalId: read.personalId,
    fullName: read.fullName,
    birthDate: read.birthDate,
    sex: read.sex,
    nationality: read.nationality,
    ethnicity: read.ethnicity,
    religion: read.religion,
    placeOfOrigin: read.placeOfOrigin,
    placeOfResidence: read.placeOfResidence,
    identifyingMarks: read.identifyingMarks,
    issueDate: read.issueDate,
    expiryDate: read.expiryDate,
    fatherName: read.fatherName,
    motherName: read.motherName,
    spouseName: read.spouseName,
    oldId: read.oldId,
    authenticity: { status: read.authenticity.status, problems: read.authenticity.problems.map(text) },
  };
}

function printRead(ctx: CliContext, read: ChipRead): number {
  const shape = contractShape(ctx, read);
  const v = (value: string | null) => value ?? '';
  const human = describe([
    [ctx.text('col.personalId'), v(shape.personalId)],
    [ctx.text('col.fullName'), v(shape.fullName)],
    [ctx.text('col.birthDate'), v(shape.birthDate)],
    [ctx.text('col.sex'), shape.sex ? ctx.text(`sex.${shape.sex}`) : ''],
    [ctx.text('col.nationality'), v(shape.nationality)],
    [ctx.text('col.ethnicity'), v(shape.ethnicity)],
    [ctx.text('chip.field.religion'), v(shape.religion)],
    [ctx.text('chip.field.placeOfOrigin'), v(shape.placeOfOrigin)],
    [ctx.text('chip.field.placeOfResidence'), v(shape.placeOfResidence)],
    [ctx.text('chip.field.identifyingMarks'), v(shape.identifyingMarks)],
    [ctx.text('col.issueDate'), v(shape.issueDate)],
    [ctx.text('col.expiryDate'), read.expiresNever ? ctx.text('chip.field.noExpiry') : v(shape.expiryDate)],
    [ctx.text('chip.field.fatherName'), v(shape.fatherName)],
    [ctx.text('chip.field.motherName'), v(shape.motherName)],
    [ctx.text('chip.field.spouseName'), v(shape.spouseName)],
    [ctx.text('col.oldId'), v(shape.oldId)],
    [ctx.text('chip.field.status'), `${ctx.text(`chip.status.${shape.authenticity.status}`)} (${shape.authenticity.status})`],
    ...shape.authenticity.problems.map((p): [string, string] => [ctx.text('common.warning'), p]),
  ]);
  ctx.print(shape, human);
  return 0;
}

async function readCommand(ctx: CliContext): Promise<number> {
  const key = keyOf(ctx, 0);
  // A key that gives nothing to try is bad input before any reader is looked at.
  unwrap(bacKeys(key));
  const { fromFile, installed } = cscasOf(ctx);
  const service = new ChipService(null, undefined, [...installed, ...fromFile]);
  try {
    const read = await service.read(key, ctx.option('reader'));
    return printRead(ctx, unwrap(read));
  } finally {
    await service.close();
  }
}

async function replayCommand(ctx: CliContext): Promise<number> {
  const file = firstArgument(ctx, 'chip.cli.arg.transcript');
  const transcript = parseTranscript(readFileSync(existingFile(file), 'utf8'));
  if (!transcript.ok) throw new InputError(transcript.problem);
  const key = keyOf(ctx, 1);
  const { fromFile, installed } = cscasOf(ctx);
  const read = await readChip(replayTransport(transcript.value), key, {
    cscaCertificates: [...installed, ...fromFile],
    random: replayRandom(transcript.value),
  });
  return printRead(ctx, unwrap(read));
}

const MRZ_EXAMPLE = '"IDVNM0990123459001099012345<<0" "9903159M2403155VNM<<<<<<<<<<<2" "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"';

export const CHIP_COMMANDS: readonly CliCommand[] = [
  {
    name: 'chip read',
    summary: 'chip.cli.read',
    synopsis: null,
    options: { reader: { type: 'string', value: 'chip.cli.value.reader', help: 'chip.cli.opt.reader' }, ...KEY_OPTIONS },
    example: `chip read --mrz ${MRZ_EXAMPLE} --db doichieu.sqlite --json`,
    run: readCommand,
  },
  {
    name: 'chip replay',
    summary: 'chip.cli.replay',
    synopsis: 'chip.cli.arg.transcript',
    options: KEY_OPTIONS,
    example: `chip replay virtual-card.apdu --csca test-csca.pem --mrz ${MRZ_EXAMPLE} --json`,
    run: replayCommand,
  },
];
