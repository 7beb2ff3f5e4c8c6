import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ChipReaderView } from '../../shared/api-contract';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';

/**
 * The chip readers (PC/SC): whether PC/SC is there at all (without the library or the service a
 * plain sentence says so, and nothing else is affected), the readers with a card on them or not,
 * and the one chosen for the background reading (remembered).
 */
export function ChipReadersCard() {
  const t = useT();
  const readers = useQuery('chip-readers', {});
  const state = readers.data ?? null;
  const choose = async (reader: string | null) => {
    const next = await call('chip-choose', { reader });
    if (next) readers.setData(next);
  };
  return (
    <Card
      title={t('chip.devices.title')}
      data-testid="chip-readers"
      extra={
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void readers.reload()}>
          {t('devices.refresh')}
        </Button>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {state && !state.available && state.problem && (
          <Alert type="warning" showIcon data-testid="pcsc-problem" message={t(state.problem.key, state.problem.params)} />
        )}
        {state?.available && (
          <Alert
            type={state.chosen ? 'success' : 'info'}
            showIcon
            message={state.chosen ? t('chip.devices.chosen', { name: state.chosen }) : t('chip.devices.any')}
            action={
              state.chosen ? (
                <Button size="small" onClick={() => void choose(null)}>
                  {t('chip.devices.forget')}
                </Button>
              ) : undefined
            }
          />
        )}
        {state?.available !== false && (
          <Table
            size="small"
            rowKey="name"
            loading={readers.loading}
            dataSource={[...(state?.readers ?? [])]}
            pagination={false}
            locale={{ emptyText: <Empty description={t('chip.devices.none')} /> }}
            columns={[
              {
                title: t('chip.devices.colReader'),
                render: (_, r: ChipReaderView) => (
                  <Space>
                    {r.name}
                    {r.cardPresent && <Tag color="green">{t('chip.devices.card')}</Tag>}
                  </Space>
                ),
              },
              {
                title: '',
                width: 140,
                render: (_, r: ChipReaderView) =>
                  state?.chosen === r.name ? null : (
                    <Button size="small" onClick={() => void choose(r.name)}>
                      {t('devices.choose')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('chip.devices.hint')}
        </Typography.Paragraph>
      </Space>
    </Card>
  );
}
