import { Button, Card, DatePicker, Form, Input, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { InfectionView } from '../../../shared/api-contract';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { showDate } from '../../format';
import { useT } from '../../i18n';
import { iso } from './iso';

type InfectionForm = { personalId: string; confirmedOn: Dayjs; recoveredOn?: Dayjs; test?: string };

/** F0 records: who was infected when, which the dose checks take into account. */
export function Infections() {
  const t = useT();
  const infections = useQuery('infections-list', {});
  const [form] = Form.useForm<InfectionForm>();
  const add = async (v: InfectionForm) => {
    const added = await call('infections-add', {
      personalId: v.personalId,
      confirmedOn: iso(v.confirmedOn)!,
      recoveredOn: iso(v.recoveredOn),
      test: v.test?.trim() || null,
    });
    if (!added) return;
    form.resetFields();
    void infections.reload();
  };
  return (
    <Card title={t('vacc.infections')}>
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="personalId" rules={[{ required: true, whitespace: true }]}>
          <Input placeholder={t('col.personalId')} aria-label={t('col.personalId')} />
        </Form.Item>
        <Form.Item name="confirmedOn" rules={[{ required: true }]}>
          <DatePicker
            format="DD/MM/YYYY"
            placeholder={t('vacc.confirmedOn')}
            aria-label={t('vacc.confirmedOn')}
            maxDate={dayjs()}
          />
        </Form.Item>
        <Form.Item name="recoveredOn">
          <DatePicker format="DD/MM/YYYY" placeholder={t('vacc.recoveredOn')} aria-label={t('vacc.recoveredOn')} />
        </Form.Item>
        <Form.Item name="test">
          <Input placeholder={t('vacc.test')} aria-label={t('vacc.test')} />
        </Form.Item>
        <Button htmlType="submit">{t('vacc.addInfection')}</Button>
      </Form>
      <Table
        size="small"
        rowKey="id"
        dataSource={[...(infections.data ?? [])]}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('col.personalId'), dataIndex: 'personalId' },
          { title: t('col.fullName'), dataIndex: 'fullName' },
          { title: t('vacc.confirmedOn'), render: (_, i: InfectionView) => showDate(i.confirmedOn) },
          { title: t('vacc.recoveredOn'), render: (_, i: InfectionView) => showDate(i.recoveredOn) },
          { title: t('vacc.test'), dataIndex: 'test' },
        ]}
      />
    </Card>
  );
}
