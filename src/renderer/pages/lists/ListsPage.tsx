import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ListSummary } from '../../../shared/api-contract';
import { formatDateVi } from '../../../shared/dates';
import { ENTRY_STATUSES } from '../../../shared/verification/vocabulary';
import { DeadlineTag } from '../../components/DeadlineTag';
import { ReceiveListDialog } from '../../components/ReceiveListDialog';
import { ReturnAlerts } from '../../components/ReturnAlerts';
import { StatusTag } from '../../components/StatusTag';
import { useQuery } from '../../data/useQuery';
import { useT } from '../../i18n';
import { ListDetail } from './ListDetail';
import { HelpLink } from '../../components/HelpLink';

/** Danh sách: the lists received, their deadlines, and each list's worklist. */
export function ListsPage() {
  const t = useT();
  const lists = useQuery('lists-all', {});
  const [receiving, setReceiving] = useState(false);
  const [openList, setOpenList] = useState<number | null>(null);

  if (openList !== null) {
    return (
      <ListDetail
        listId={openList}
        onBack={() => {
          setOpenList(null);
          void lists.reload();
        }}
      />
    );
  }

  const overdue = (lists.data ?? []).filter((l) => l.overdue).length;
  const partial = (lists.data ?? []).filter((l) => l.returnState === 'partial').length;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('lists.title')}
        </Typography.Title>
        <HelpLink section="workflow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setReceiving(true)}>
          {t('lists.receive')}
        </Button>
      </Space>
      <ReturnAlerts overdue={overdue} partial={partial} />
      <Table<ListSummary>
        rowKey="id"
        dataSource={[...(lists.data ?? [])]}
        loading={lists.loading}
        pagination={false}
        locale={{ emptyText: <Empty description={t('lists.empty')} /> }}
        onRow={(list) => ({ onClick: () => setOpenList(list.id), style: { cursor: 'pointer' } })}
        columns={[
          {
            // The list's own title (its heading rows), its file name beneath.
            title: t('lists.colFile'),
            render: (_, list) => (
              <Space direction="vertical" size={0}>
                <a>{list.title}</a>
                {list.title !== list.fileName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {list.fileName}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          { title: t('lists.colSource'), dataIndex: 'source' },
          { title: t('lists.colKind'), render: (_, list) => t(`kind.${list.kind}`) },
          { title: t('lists.colDrawnUp'), dataIndex: 'drawnUp', render: formatDateVi },
          { title: t('lists.colDue'), render: (_, list) => <DeadlineTag list={list} /> },
          {
            title: t('lists.colResult'),
            render: (_, list) => (
              <Space size={[0, 4]} wrap>
                {ENTRY_STATUSES.filter((s) => list.summary[s] > 0).map((s) => (
                  <StatusTag key={s} status={s} count={list.summary[s]} />
                ))}
              </Space>
            ),
          },
          { title: t('lists.colOpen'), dataIndex: 'open' },
        ]}
      />
      <ReceiveListDialog
        open={receiving}
        onClose={() => setReceiving(false)}
        onReceived={(listId) => {
          setReceiving(false);
          setOpenList(listId);
        }}
      />
    </Space>
  );
}
