import { Button, Card, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import type { CommuneOption } from '../../shared/api-contract';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';

/**
 * The commune (or ward) the office serves, from the 2025 units: shown with the old communes merged
 * into it, chosen by the administrator by its name or an old one, and offered for the letterhead.
 */
export function CommuneCard({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const setting = useQuery('admin-units-commune', {});
  const [options, setOptions] = useState<readonly CommuneOption[]>([]);
  const [saving, setSaving] = useState(false);
  const commune = setting.data?.commune ?? null;

  const search = async (query: string) => {
    if (query.trim().length < 2) return setOptions([]);
    setOptions((await call('admin-units-search', { query: query.trim(), limit: 20 })) ?? []);
  };
  const choose = async (code: string) => {
    setSaving(true);
    const saved = await call('admin-units-commune-set', { code });
    setSaving(false);
    if (!saved) return;
    setting.setData(saved);
    void message.success(t('adminUnits.saved'));
  };
  const applyLetterhead = async () => {
    const suggested = setting.data?.suggestedLetterhead;
    if (!suggested) return;
    const letterhead = { ...suggested, recipients: [...suggested.recipients] };
    if (await call('letterhead-set', { letterhead })) void message.success(t('commune.applied'));
  };

  return (
    <Card title={t('commune.title')} data-testid="commune">
      <Space direction="vertical" style={{ width: '100%' }}>
        {commune ? (
          <>
            <Typography.Text strong>
              {t('commune.current', { name: commune.name, province: commune.provinceName })}
            </Typography.Text>
            {commune.former.length > 0 && (
              <Typography.Text type="secondary">
                {t('commune.formerly', { names: commune.former.map((f) => f.name).join(', ') })}
              </Typography.Text>
            )}
          </>
        ) : (
          <Typography.Text type="secondary">{t('adminUnits.notSet')}</Typography.Text>
        )}
        <Typography.Text type="secondary">{t('commune.hint')}</Typography.Text>
        {isAdmin && (
          <Space wrap>
            <Select
              showSearch
              filterOption={false}
              style={{ width: 420 }}
              placeholder={t('adminUnits.search')}
              aria-label={t('commune.change')}
              onSearch={(query) => void search(query)}
              onChange={(code: string) => void choose(code)}
              loading={saving}
              options={options.map((o) => ({
                value: o.code,
                label: `${o.name}, ${o.provinceName}${o.foundAs ? ` ${t('commune.foundAs', { name: o.foundAs })}` : ''}`,
              }))}
            />
            <Button disabled={!setting.data?.suggestedLetterhead} onClick={() => void applyLetterhead()}>
              {t('commune.applyLetterhead')}
            </Button>
          </Space>
        )}
      </Space>
    </Card>
  );
}
