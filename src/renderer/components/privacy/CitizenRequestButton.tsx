import { DeleteOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space, message } from 'antd';
import { useState } from 'react';
import { call } from '../../data/call';
import { useT } from '../../i18n';
import { showPrinted } from './printed';

/**
 * A citizen's request about their own data (issue 21), for the resident card: print everything the
 * app holds about them, and delete their checkpoint visits (after a confirmation; audited).
 */
export function CitizenRequestButton({ residentId, onDeleted }: { residentId: string; onDeleted?: () => void }) {
  const t = useT();
  const [printing, setPrinting] = useState(false);
  const print = async () => {
    setPrinting(true);
    const printed = await call('citizen-report', { residentId });
    setPrinting(false);
    if (printed) showPrinted(printed, t);
  };
  const deleteVisits = () =>
    Modal.confirm({
      title: t('citizen.deleteVisits'),
      content: t('citizen.deleteVisitsConfirm', { id: residentId }),
      okText: t('citizen.deleteVisits'),
      okButtonProps: { danger: true },
      onOk: async () => {
        const done = await call('citizen-delete-visits', { residentId });
        if (!done) return;
        void message.success(t('citizen.visitsDeleted', { count: done.deleted }));
        onDeleted?.();
      },
    });
  return (
    <Space wrap data-testid="citizen-request">
      <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>
        {t('citizen.print')}
      </Button>
      <Button danger icon={<DeleteOutlined />} onClick={deleteVisits}>
        {t('citizen.deleteVisits')}
      </Button>
    </Space>
  );
}
