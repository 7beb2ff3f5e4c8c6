/** `doc verify`, `doc list`, `doc sign`, `doc sign-pdf`: the printed lists the chairman signs. */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve as resolvePath } from 'node:path';
import { SIGN_ROLES } from '../../shared/api-contract';
import { codeInPdf, documentVersions, readLetterhead, signOff, verdictMessage } from '../documents/documents';
import { verifyPdf } from '../documents/verify-document';
import { signPdf } from '../documents/sign-pdf';
import {
  InputError,
  UsageError,
  choiceOption,
  existingFile,
  firstArgument,
  listIdArgument,
  requiredOption,
  readBytes,
  unwrap,
} from './arguments';
import type { CliCommand, CliContext } from './command';
import { signerOf } from './signer';

function verify(ctx: CliContext): number {
  const file = firstArgument(ctx, 'cli.arg.pdf');
  const v = unwrap(verifyPdf(ctx.database(), readBytes(file), ctx.io.now()));
  const { valid, documentNumber, version, signed, reason, latestVersion, digitalSignature, signers } = v;
  const message = verdictMessage(v, ctx.locale);
  ctx.print({ valid, documentNumber, version, signed, reason, latestVersion, digitalSignature, signers }, message);
  // Not the kept file (nor it signed), or a list changed since: refused, and the reason on stderr too.
  if (valid) return 0;
  if (ctx.flag('json')) ctx.warn(message);
  return 1;
}

function list(ctx: CliContext): number {
  const versions = documentVersions(ctx.database(), listIdArgument(ctx));
  const signedBy = (by: string | null) => (by ? ` — ${ctx.text('doc.signedBy', { by })}` : '');
  const line = (d: (typeof versions)[number]) =>
    ctx.text('cli.documentVersion', { number: d.number, version: d.version, issuedOn: d.issuedOn }) + signedBy(d.signedBy);
  ctx.print(versions, versions.map(line).join('\n'));
  return 0;
}

function sign(ctx: CliContext): number {
  const documentNumber = firstArgument(ctx, 'cli.arg.documentNumber');
  const version = Number(requiredOption(ctx, 'version'));
  if (!Number.isInteger(version) || version < 1) throw new UsageError('cli.missingArgument', { name: '--version' });
  const role = choiceOption(ctx, 'role', SIGN_ROLES, 'chairman', (option) => new UsageError('cli.badOption', { option }));
  const signer = signerOf(ctx);
  const request = { documentNumber, version, by: signer.name, account: signer.account, role };
  const d = unwrap(signOff(ctx.database(), request, ctx.io.now()));
  ctx.print(
    { documentNumber: d.number, version: d.version, signedBy: d.signedBy, signedAt: d.signedAt, role: d.signedRole },
    ctx.text('doc.signedBy', { by: `${d.signedBy} (${ctx.text(`doc.role.${role}`)})` }),
  );
  return 0;
}

async function signWithCertificate(ctx: CliContext): Promise<number> {
  const file = firstArgument(ctx, 'cli.arg.pdf');
  const p12File = requiredOption(ctx, 'p12');
  const out = requiredOption(ctx, 'out');
  const pdf = readBytes(file);
  const p12 = new Uint8Array(readFileSync(existingFile(p12File)));
  const code = codeInPdf(pdf);
  if (code === null) throw new InputError({ key: 'doc.noCode' });
  const letterhead = readLetterhead(ctx.database());
  const signed = await signPdf(pdf, {
    p12,
    passphrase: ctx.option('passphrase') ?? ctx.io.env.DOICHIEU_P12_PASSPHRASE ?? '',
    fileName: basename(p12File),
    reason: ctx.text('doc.footer', { number: code.number, version: code.version, hash: code.hash.slice(0, 16) }),
    signerName: letterhead.signerName,
    location: letterhead.place,
  });
  writeFileSync(out, unwrap(signed));
  ctx.print({ file: resolvePath(out) }, resolvePath(out));
  return 0;
}

export const DOCUMENT_COMMANDS: readonly CliCommand[] = [
  {
    name: 'doc verify',
    summary: 'cli.cmd.docVerify',
    synopsis: 'cli.arg.pdf',
    options: {},
    example: 'doc verify ket-qua.pdf --db xa.sqlite --json',
    run: verify,
  },
  {
    name: 'doc list',
    summary: 'cli.cmd.docList',
    synopsis: 'cli.arg.listId',
    options: {},
    example: 'doc list 1 --db xa.sqlite',
    run: list,
  },
  {
    name: 'doc sign',
    summary: 'cli.cmd.docSign',
    synopsis: 'cli.arg.documentNumber',
    options: {
      version: { type: 'string', value: 'cli.value.number', help: 'cli.opt.version' },
      by: { type: 'string', value: 'cli.value.name', help: 'cli.opt.signBy' },
      role: { type: 'string', value: 'cli.value.signRole', help: 'cli.opt.signRole' },
    },
    example: 'doc sign 1/DS-UBND --version 1 --by "Hoàng Văn Chủ" --db xa.sqlite',
    run: sign,
  },
  {
    name: 'doc sign-pdf',
    summary: 'cli.cmd.docSignPdf',
    synopsis: 'cli.arg.pdf',
    options: {
      p12: { type: 'string', value: 'cli.value.file', help: 'cli.opt.p12' },
      passphrase: { type: 'string', value: 'cli.value.passphrase', help: 'cli.opt.p12Passphrase' },
      out: { type: 'string', value: 'cli.value.file', help: 'cli.opt.signedOut' },
    },
    example: 'doc sign-pdf ket-qua.pdf --p12 chu-ky.p12 --out ket-qua-da-ky.pdf --db xa.sqlite   (DOICHIEU_P12_PASSPHRASE=…)',
    run: signWithCertificate,
  },
];
