import { DownloadOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useRef, useState } from 'react';
import type { ListSummary } from '../../../shared/api-contract';
import type { Letterhead } from '../../../shared/documents/letterhead';
import { SignerDialog } from '../../components/SignerDialog';
import { call } from '../../data/call';
import { XLSX_MIME, downloadBytes } from '../../download';
import { useT } from '../../i18n';
import { PartialReturnDialog } from './PartialReturnDialog';

type Question = { readonly kind: 'partial' } | { readonly kind: 'signer'; readonly letterhead: Letterhead };

/**
 * "Xuất kết quả": asks first whether to return a list whose entries still need action (as still being
 * verified), then for the signer's name if the settings have none, then prints once. The button
 * shows the export running and ignores clicks until it has ended.
 */
export function ExportResultButton({ list, onExported }: { list: ListSummary; onExported: () => void }) {
  const t = useT();
  const running = useRef(false);
  const [exporting, setExporting] = useState(false);
  const [question, setQuestion] = useState<Question | null>(null);
  const answer = useRef<(yes: boolean) => void>(() => undefined);

  const ask = (q: Question) =>
    new Promise<boolean>((resolve) => {
      answer.current = resolve;
      setQuestion(q);
    });
  const reply = (yes: boolean) => {
    setQuestion(null);
    answer.current(yes);
  };

  const run = async () => {
    if (running.current) return;
    running.current = true;
    try {
      const partial = list.open > 0;
      if (partial && !(await ask({ kind: 'partial' }))) return;
      const letterhead = await call('letterhead-get', {});
      if (!letterhead) return;
      if (letterhead.signerName.trim() === '' && !(await ask({ kind: 'signer', letterhead }))) return;
      setExporting(true);
      const exported = await call('lists-export', partial ? { listId: list.id, partial: true } : { listId: list.id });
      if (!exported) return;
      for (const file of exported.files)
        downloadBytes(file.fileName, file.data, file.fileName.endsWith('.pdf') ? 'application/pdf' : XLSX_MIME);
      void message.success(t(partial ? 'lists.exportedPartial' : 'lists.exported'));
      onExported();
    } finally {
      running.current = false;
      setExporting(false);
    }
  };

  return (
    <>
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        loading={exporting}
        disabled={question !== null}
        onClick={() => void run()}
        data-testid="export-result"
      >
        {exporting ? t('lists.exporting') : t('lists.export')}
      </Button>
      <PartialReturnDialog
        list={list}
        open={question?.kind === 'partial'}
        onReturn={() => reply(true)}
        onBack={() => reply(false)}
      />
      <SignerDialog
        letterhead={question?.kind === 'signer' ? question.letterhead : null}
        okText={t('signer.saveAndExport')}
        onSaved={() => reply(true)}
        onCancel={() => reply(false)}
      />
    </>
  );
}
