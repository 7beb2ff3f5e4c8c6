import { Button, Form, InputNumber, Space, Typography, message } from 'antd';
import { useEffect } from 'react';
import type { RetentionSettings as Periods } from '../../../shared/api-contract';
import { RETENTION_LIMITS } from '../../../shared/api/privacy';
import { call } from '../../data/call';
import { useQuery } from '../../data/useQuery';
import { useFormat } from '../../format';
import { useT } from '../../i18n';

const FIELDS = ['visitsDays', 'listsDays', 'accessDays'] as const;

/**
 * How long each kind of data is kept (issue 21): checkpoint visits, lists after their return, the
 * access log. The app deletes what has expired every day (and now, on demand); the last run's counts.
 */
export function RetentionSettings() {
  const t = useT();
  const format = useFormat();
  const state = useQuery('retention-state', {});
  const [form] = Form.useForm<Periods>();
  const settings = state.data?.settings;
  useEffect(() => {
    if (settings) form.setFieldsValue(settings);
  }, [form, settings]);
  const save = async (values: Periods) => {
    const saved = await call('retention-set', values);
    if (!saved) return;
    state.setData(saved);
    void message.success(t('retention.saved'));
  };
  const runNow = async () => {
    const ran = await call('retention-run', {});
    if (ran) state.setData(ran);
  };
  const last = state.data?.lastRun ?? null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="retention">
      <Form form={form} layout="inline" onFinish={(v) => void save(v)}>
        {FIELDS.map((field) => (
          <Form.Item key={field} name={field} label={t(`retention.${field}`)} rules={[{ required: true }]}>
            <InputNumber
              min={RETENTION_LIMITS[field].min}
              max={RETENTION_LIMITS[field].max}
              addonAfter={t('retention.days')}
              aria-label={t(`retention.${field}`)}
            />
          </Form.Item>
        ))}
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('retention.save')}
          </Button>
        </Form.Item>
      </Form>
      <Space wrap>
        <Typography.Text type="secondary" data-testid="retention-last-run">
          {last
            ? t('retention.lastRun', {
                at: format.dateTime(last.at),
                visits: format.count(last.deleted.visits),
                lists: format.count(last.deleted.lists),
                entries: format.count(last.deleted.entries),
                accessEntries: format.count(last.deleted.accessEntries),
              })
            : t('retention.neverRun')}
        </Typography.Text>
        <Button size="small" onClick={() => void runNow()}>
          {t('retention.runNow')}
        </Button>
      </Space>
      <Typography.Text type="secondary">{t('retention.backups')}</Typography.Text>
    </Space>
  );
}
