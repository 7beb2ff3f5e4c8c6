import type { DOCUMENTS_CHANNELS } from '../../../shared/api/documents';
import { fail, ok, type Result } from '../../../shared/result';
import type { ExportedFile } from '../../../shared/api-contract';
import {
  documentVersions,
  readLetterhead,
  saveLetterhead,
  signOff,
  storedDocument,
  verdictMessage,
} from '../../documents/documents';
import { printStored } from '../../documents/print-version';
import { documentFileName } from '../../documents/state-pdf';
import { verifyScannedCode } from '../../documents/verify-document';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

export function documentsHandlers(ctx: ApiContext): DomainHandlers<typeof DOCUMENTS_CHANNELS> {
  const { db } = ctx;
  /** A stored version's PDF: the exact file kept when it was first printed. */
  const pdfOf = async (documentId: number): Promise<Result<ExportedFile>> => {
    const printed = await printStored(db, documentId, ctx.clock());
    return printed.ok ? ok({ fileName: documentFileName(printed.value.document), data: printed.value.pdf }) : printed;
  };
  return {
    'documents-list': ({ listId }) => ok(documentVersions(db, listId)),
    'documents-pdf': ({ documentId }) => pdfOf(documentId),
    'documents-open': async ({ documentId }) => {
      const file = await pdfOf(documentId);
      if (!file.ok) return file;
      // The desktop app opens the system's PDF viewer (and its print dialog); a browser downloads.
      if (ctx.openFile && (await ctx.openFile(file.value.fileName, file.value.data))) return ok({ opened: true, file: null });
      return ok({ opened: false, file: file.value });
    },
    // The signer is the signed-in user (dispatch let only the chairman through).
    'documents-signoff': ({ documentId, role }) => {
      const user = ctx.session.current(ctx.clock());
      if (!user) return fail('doc.signerOnly');
      const document = storedDocument(db, documentId);
      if (!document) return fail('doc.notFound', { number: String(documentId), version: '' });
      const request = {
        documentNumber: document.number,
        version: document.version,
        by: user.displayName,
        account: user.username,
        role,
      };
      return signOff(db, request, ctx.clock());
    },
    'documents-verify': ({ text }) => {
      const verdict = verifyScannedCode(db, text, ctx.clock());
      return verdict.ok ? ok({ ...verdict.value, message: verdictMessage(verdict.value, getLocale(db)) }) : verdict;
    },
    'letterhead-get': () => ok(readLetterhead(db)),
    'letterhead-set': ({ letterhead }) => {
      saveLetterhead(db, letterhead, ctx.clock());
      return ok(readLetterhead(db));
    },
    'letterhead-set-signer': (signer) => {
      saveLetterhead(db, { ...readLetterhead(db), ...signer }, ctx.clock());
      return ok(readLetterhead(db));
    },
  };
}
