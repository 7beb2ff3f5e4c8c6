import { Alert, Button, Modal, Space, Typography } from 'antd';
import type { ListSummary } from '../../../shared/api-contract';
import { ENTRY_STATUSES } from '../../../shared/verification/vocabulary';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n';

/**
 * "Xuất kết quả" on a list whose entries still need action: how many per status, then either return
 * now with those entries printed as still being verified, or go back to the worklist.
 */
export function PartialReturnDialog({
  list,
  open,
  onReturn,
  onBack,
}: {
  list: ListSummary;
  open: boolean;
  onReturn: () => void;
  onBack: () => void;
}) {
  const t = useT();
  const statuses = ENTRY_STATUSES.filter((s) => list.openByStatus[s] > 0);
  return (
    <Modal
      open={open}
      title={t('lists.partialTitle', { count: list.open })}
      onCancel={onBack}
      width={680}
      data-testid="partial-return"
      footer={
        <Space wrap style={{ justifyContent: 'flex-end' }}>
          <Button onClick={onBack} autoFocus>
            {t('lists.partialBack')}
          </Button>
          <Button type="primary" onClick={onReturn}>
            {t('lists.partialReturn')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('lists.partialBody')}</Typography.Paragraph>
      <Space size={[4, 8]} wrap style={{ marginBottom: 16 }} data-testid="open-by-status">
        {statuses.map((s) => (
          <StatusTag key={s} status={s} count={list.openByStatus[s]} />
        ))}
      </Space>
      <Alert type="warning" showIcon message={t('lists.partialHint')} />
    </Modal>
  );
}
