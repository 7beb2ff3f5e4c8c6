import { message } from 'antd';
import type { PrintedFile } from '../../../shared/api-contract';
import type { MessageKey } from '../../../shared/i18n';
import { downloadBytes } from '../../download';

/** What the page does with a printed paper: the desktop app opened it already; a browser saves it. */
export function showPrinted(printed: PrintedFile, t: (key: MessageKey) => string): void {
  if (!printed.file) {
    void message.info(t('docs.openedDesktop'));
    return;
  }
  downloadBytes(printed.file.fileName, printed.file.data, 'application/pdf');
  void message.success(t('privacy.saved'));
}
