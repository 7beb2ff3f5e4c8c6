import type { DOCUMENTS_CHANNELS } from '../../../shared/api/documents';
import { parseDocumentCode } from '../../../shared/documents/letterhead';
import { fail, ok, type Result } from '../../../shared/result';
import type { ExportedFile } from '../../../shared/api-contract';
import {
  documentVersions,
  printMarks,
  readLetterhead,
  saveLetterhead,
  signOff,
  storedDocument,
  verdictMessage,
  verifyCode,
} from '../../documents/documents';
import { documentFileName, documentPdf } from '../../documents/state-pdf';
import { getLocale } from '../../settings/settings';
import type { ApiContext, DomainHandlers } from '../context';

export function documentsHandlers(ctx: ApiContext): DomainHandlers<typeof DOCUMENTS_CHANNELS> {
  const { db } = ctx;
  /** A stored version drawn as a PDF, with today's marks (QR codes, key fingerprint). */
  const pdfOf = async (documentId: number): Promise<Result<ExportedFile>> => {
    const document = storedDocument(db, documentId);
    if (!document) return fail('doc.notFound', { number: String(documentId), version: '' });
    return ok({ fileName: documentFileName(document), data: await documentPdf(document, printMarks(db, document, ctx.clock())) });
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
      const code = parseDocumentCode(text);
      if (!code) return fail('doc.noCode');
      const verdict = verifyCode(db, code, ctx.clock());
      return ok({ ...verdict, message: verdictMessage(verdict, getLocale(db)) });
    },
    'letterhead-get': () => ok(readLetterhead(db)),
    'letterhead-set': ({ letterhead }) => {
      saveLetterhead(db, letterhead);
      return ok(readLetterhead(db));
    },
    'letterhead-set-signer': (signer) => {
      saveLetterhead(db, { ...readLetterhead(db), ...signer });
      return ok(readLetterhead(db));
    },
  };
}
