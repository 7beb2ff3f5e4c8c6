import { createPortal } from 'react-dom';
import type { MessageKey, MessageParams } from '../../shared/i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

// On screen the sheet is hidden; printing shows it alone (everything else under <body> is hidden).
const PRINT_CSS = `
@media screen { .doichieu-print-sheet { display: none; } }
@media print {
  body > *:not(.doichieu-print-sheet) { display: none !important; }
  .doichieu-print-sheet { display: block !important; color: #000; font-family: 'Times New Roman', Tinos, serif; padding: 24px 40px; }
  @page { size: A4; margin: 20mm; }
}
.doichieu-print-sheet h1 { font-size: 20pt; text-align: center; margin: 0 0 4pt; }
.doichieu-print-sheet .sub { text-align: center; margin: 0 0 24pt; }
.doichieu-print-sheet .code { font-family: 'Courier New', monospace; font-size: 24pt; letter-spacing: 2pt; text-align: center;
  border: 2px solid #000; padding: 16pt; margin: 0 0 24pt; }
.doichieu-print-sheet li { margin-bottom: 6pt; font-size: 13pt; }
.doichieu-print-sheet .signatures { display: flex; justify-content: space-between; margin-top: 40pt; font-size: 13pt; text-align: center; }
`;

/**
 * The recovery code's print sheet: the code, what it opens, where to keep it, and who keeps it.
 * It lives under <body> so `window.print()` prints it alone, on one A4 page.
 */
export function RecoveryPrintSheet({ code, t, madeAt }: { code: string; t: T; madeAt: string }) {
  return createPortal(
    <div className="doichieu-print-sheet" data-testid="recovery-print-sheet">
      <style>{PRINT_CSS}</style>
      <h1>{t('recoverySheet.title')}</h1>
      <p className="sub">
        {t('app.name')} — {t('recoverySheet.madeAt', { at: madeAt })}
      </p>
      <div className="code">{code}</div>
      <ol>
        <li>{t('recoverySheet.what')}</li>
        <li>{t('recoverySheet.keep')}</li>
        <li>{t('recoverySheet.use')}</li>
        <li>{t('recoverySheet.renew')}</li>
      </ol>
      <div className="signatures">
        <div>
          <strong>{t('recoverySheet.madeBy')}</strong>
          <br />
          <em>{t('recoverySheet.signHint')}</em>
        </div>
        <div>
          <strong>{t('recoverySheet.keptBy')}</strong>
          <br />
          <em>{t('recoverySheet.signHint')}</em>
        </div>
      </div>
    </div>,
    document.body,
  );
}
