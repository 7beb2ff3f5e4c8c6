/**
 * The optional digital signature of a printed document: a PKCS#12 certificate (.p12/.pfx) signs the
 * PDF through @signpdf, in a signature field poppler's `pdfsig` and Acrobat verify. The document code
 * in the PDF's metadata is kept (the signature is an incremental update).
 */
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import signpdf from '@signpdf/signpdf';
import { fail, ok, type Result } from '../../shared/result';

export interface SignOptions {
  readonly p12: Uint8Array;
  readonly passphrase: string;
  readonly fileName: string;
  readonly reason: string;
  readonly signerName: string;
  readonly location: string;
}

export async function signPdf(pdf: Uint8Array, options: SignOptions): Promise<Result<Uint8Array>> {
  let signer: P12Signer;
  try {
    signer = new P12Signer(Buffer.from(options.p12), { passphrase: options.passphrase });
  } catch {
    return fail('doc.badP12', { file: options.fileName });
  }
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: options.reason,
    contactInfo: '',
    name: options.signerName || 'Đối chiếu dân cư',
    location: options.location,
  });
  try {
    return ok(new Uint8Array(await signpdf.sign(withPlaceholder, signer)));
  } catch {
    return fail('doc.badP12', { file: options.fileName });
  }
}
