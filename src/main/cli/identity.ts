/** `qr parse`, `id check`, `mrz parse`: reading what is on an ID card, without a database. */
import { parseCccdMrz } from '../../shared/identity/cccd-mrz';
import { parseCccdQr } from '../../shared/identity/cccd-qr';
import { checkIdNumber } from '../../shared/identity/id-check';
import type { Problem } from '../../shared/result';
import type { Sex } from '../../shared/types';
import { InputError, UsageError, dateOption, firstArgument, need, sexOption, unwrap } from './arguments';
import type { CliCommand, CliContext } from './command';
import { describe } from './output';

const problemText = (ctx: CliContext, problem: Problem) => ctx.text(problem.key, problem.params);
const sexText = (ctx: CliContext, sex: Sex | null) => (sex ? ctx.text(`sex.${sex}`) : '');
const warnings = (ctx: CliContext, texts: readonly string[]) =>
  texts.map((w): [string, string] => [ctx.text('common.warning'), w]);
const yesNo = (ctx: CliContext, value: boolean) => ctx.text(value ? 'common.yes' : 'common.no');

function parseQr(ctx: CliContext): number {
  const payload = need(ctx.args.join(' '), ctx.text('cli.arg.qrPayload'));
  const parsed = unwrap(parseCccdQr(payload));
  const qr = { ...parsed, warnings: parsed.warnings.map((w) => problemText(ctx, w)) };
  ctx.print(
    qr,
    describe([
      [ctx.text('col.personalId'), qr.personalId],
      [ctx.text('col.oldId'), qr.oldId ?? ''],
      [ctx.text('col.fullName'), qr.fullName],
      [ctx.text('col.birthDate'), qr.birthDate],
      [ctx.text('col.sex'), sexText(ctx, qr.sex)],
      [ctx.text('col.permanentAddress'), qr.address],
      [ctx.text('col.issueDate'), qr.issueDate],
      ...warnings(ctx, qr.warnings),
    ]),
  );
  return 0;
}

function checkId(ctx: CliContext): number {
  const number = firstArgument(ctx, 'cli.arg.number');
  const checked = checkIdNumber(number, { birthDate: dateOption(ctx, 'birth-date'), sex: sexOption(ctx, 'sex') });
  if (checked === null) throw new InputError({ key: 'id.notANumber', params: { value: number } });
  const { birthYear: _year, ...shape } = checked;
  const result = { ...shape, problems: checked.problems.map((p) => problemText(ctx, p)) };
  ctx.print(
    result,
    describe([
      [ctx.text('col.personalId'), `${result.normalized} (${result.kind === 'cmnd' ? 'CMND' : 'CCCD'})`],
      [ctx.text('id.province'), result.provinceName ?? result.provinceCode ?? ''],
      [ctx.text('id.provinceNow'), result.provinceNow ?? ''],
      [ctx.text('col.sex'), sexText(ctx, result.sex)],
      [ctx.text('id.valid'), yesNo(ctx, result.valid)],
      ...warnings(ctx, result.problems),
    ]),
  );
  return 0;
}

function parseMrz(ctx: CliContext): number {
  if (ctx.args.length !== 3) throw new UsageError('cli.missingArgument', { name: ctx.text('cli.arg.mrzLines') });
  const parsed = unwrap(parseCccdMrz(ctx.args, ctx.io.now()));
  const mrz = { ...parsed, problems: parsed.problems.map((p) => problemText(ctx, p)) };
  ctx.print(
    mrz,
    describe([
      [ctx.text('col.personalId'), mrz.personalId ?? ''],
      [ctx.text('col.documentNumber'), mrz.documentNumber ?? ''],
      [ctx.text('col.fullName'), mrz.fullName],
      [ctx.text('col.birthDate'), mrz.birthDate ?? ''],
      [ctx.text('col.sex'), sexText(ctx, mrz.sex)],
      [ctx.text('col.expiryDate'), mrz.expiryDate ?? ''],
      [ctx.text('id.valid'), yesNo(ctx, mrz.valid)],
      ...warnings(ctx, mrz.problems),
    ]),
  );
  return 0;
}

export const IDENTITY_COMMANDS: readonly CliCommand[] = [
  {
    name: 'qr parse',
    summary: 'cli.cmd.qrParse',
    synopsis: 'cli.arg.qrPayload',
    options: {},
    example: 'qr parse "008195004321||Lường Thị Hưởng|12031995|Nữ|Thôn Nà Coóc, xã Trung Hà|04102024" --json',
    run: parseQr,
  },
  {
    name: 'id check',
    summary: 'cli.cmd.idCheck',
    synopsis: 'cli.arg.number',
    options: {
      'birth-date': { type: 'string', value: 'cli.value.date', help: 'cli.opt.birthDate' },
      sex: { type: 'string', value: 'cli.value.sex', help: 'cli.opt.sex' },
    },
    example: 'id check 008090012345 --birth-date 1990-08-06 --sex male --json',
    run: checkId,
  },
  {
    name: 'mrz parse',
    summary: 'cli.cmd.mrzParse',
    synopsis: 'cli.arg.mrzLines',
    options: {},
    example:
      'mrz parse "IDVNM0900123450001090012345<<1" "9001011M3001019VNM<<<<<<<<<<<2" "NGUYEN<<VAN<A<<<<<<<<<<<<<<<<<" --json',
    run: parseMrz,
  },
];
