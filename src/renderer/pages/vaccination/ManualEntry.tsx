import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Space, message } from 'antd';
import type { Dayjs } from 'dayjs';
import type { RequestOf } from '../../../shared/api-contract';
import { call } from '../../data/call';
import { useT } from '../../i18n';
import { iso } from './iso';

type ManualRow = Omit<RequestOf<'vaccination-manual'>['rows'][number], 'vaccinationDate'> & { vaccinationDate: Dayjs };

/** Results typed in by hand, written as a results sheet and received like any list. */
export function ManualEntry({ onSaved }: { onSaved: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ rows: ManualRow[] }>();
  const save = async ({ rows }: { rows: ManualRow[] }) => {
    const saved = await call('vaccination-manual', {
      rows: rows.map((row) => ({
        ...row,
        birthDate: row.birthDate ?? '',
        idNumber: row.idNumber ?? '',
        address: row.address ?? '',
        lot: row.lot ?? '',
        facility: row.facility ?? '',
        vaccinationDate: iso(row.vaccinationDate)!,
      })),
    });
    if (!saved) return;
    void message.success(t('vacc.manualSaved', { listId: saved.listId }));
    form.resetFields();
    onSaved();
  };
  const required = [{ required: true, whitespace: true }];
  return (
    <Card title={t('vacc.manual')}>
      <Form form={form} onFinish={(v) => void save(v)} initialValues={{ rows: [{ dose: 1 }] }} data-testid="manual-entry">
        <Form.List name="rows">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} wrap align="start">
                  <Form.Item name={[name, 'fullName']} rules={required}>
                    <Input placeholder={t('col.fullName')} aria-label={t('col.fullName')} />
                  </Form.Item>
                  <Form.Item name={[name, 'birthDate']}>
                    <Input placeholder={t('col.birthDate')} aria-label={t('col.birthDate')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'idNumber']}>
                    <Input placeholder={t('field.idNumber')} aria-label={t('field.idNumber')} style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'vaccinationDate']} rules={[{ required: true }]}>
                    <DatePicker
                      format="DD/MM/YYYY"
                      placeholder={t('package.col.vaccinationDate')}
                      aria-label={t('package.col.vaccinationDate')}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'vaccine']} rules={required}>
                    <Input placeholder={t('package.col.vaccine')} aria-label={t('package.col.vaccine')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'lot']}>
                    <Input placeholder={t('package.col.lot')} aria-label={t('package.col.lot')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'dose']} rules={[{ required: true }]}>
                    <InputNumber min={1} max={6} placeholder={t('package.col.dose')} aria-label={t('package.col.dose')} />
                  </Form.Item>
                  <Form.Item name={[name, 'facility']}>
                    <Input placeholder={t('package.col.facility')} aria-label={t('package.col.facility')} />
                  </Form.Item>
                  {fields.length > 1 && <MinusCircleOutlined onClick={() => remove(name)} style={{ marginTop: 8 }} />}
                </Space>
              ))}
              <Space>
                <Button icon={<PlusOutlined />} onClick={() => add({ dose: 1 })}>
                  {t('vacc.addRow')}
                </Button>
                <Button type="primary" htmlType="submit">
                  {t('vacc.saveManual')}
                </Button>
              </Space>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
