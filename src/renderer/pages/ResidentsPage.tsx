import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ResidentView } from '../../shared/api-contract';
import { ImportExtractDialog } from '../components/ImportExtractDialog';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { showDate, sexKey, useFormat } from '../format';
import { useT } from '../i18n';

/** Dân cư: the registry extract, its import, and search. */
export function ResidentsPage() {
  const t = useT();
  const format = useFormat();
  const { info, refresh } = useAppInfo();
  const [importing, setImporting] = useState(false);
  const [query, setQuery] = useState('');
  const [birthYear, setBirthYear] = useState<number | null>(null);
  const [results, setResults] = useState<readonly ResidentView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchRef.current?.focus();
      }
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        setImporting(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const search = async () => {
    if (query.trim() === '') return;
    setSearching(true);
    const found = await call('registry-find', { text: query, birthYear: birthYear ?? undefined });
    setSearching(false);
    if (found) setResults(found);
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('residents.title')}
          </Typography.Title>
          <Typography.Text type="secondary" data-testid="resident-count">
            {t('residents.count', { count: format.count(info.residentCount) })}
          </Typography.Text>
        </div>
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {t('residents.import')} (Ctrl+O)
        </Button>
      </Space>
      <Card>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            ref={(el) => {
              searchRef.current = el?.input ?? null;
            }}
            autoFocus
            allowClear
            size="large"
            aria-label={t('residents.search')}
            placeholder={t('residents.search')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onPressEnter={() => void search()}
          />
          <InputNumber
            size="large"
            aria-label={t('residents.birthYear')}
            placeholder={t('residents.birthYear')}
            min={1880}
            max={2100}
            value={birthYear}
            onChange={(v) => setBirthYear(v)}
            onPressEnter={() => void search()}
            style={{ width: 140 }}
          />
          <Button size="large" type="primary" icon={<SearchOutlined />} loading={searching} onClick={() => void search()}>
            {t('residents.searchButton')}
          </Button>
        </Space.Compact>
        {results !== null && (
          <Table
            style={{ marginTop: 16 }}
            size="middle"
            rowKey="personalId"
            dataSource={results as ResidentView[]}
            pagination={false}
            locale={{ emptyText: <Empty description={t('residents.noResult')} /> }}
            title={() => t('residents.results', { count: results.length })}
            columns={[
              { title: t('col.personalId'), dataIndex: 'personalId', width: 140 },
              {
                title: t('col.fullName'),
                dataIndex: 'fullName',
                render: (name: string, r) => (
                  <Space>
                    <strong>{name}</strong>
                    {r.isDemo && <Tag color="orange">MẪU</Tag>}
                  </Space>
                ),
              },
              { title: t('col.birthDate'), dataIndex: 'birthDate', width: 120, render: showDate },
              { title: t('col.sex'), dataIndex: 'sex', width: 80, render: (s: ResidentView['sex']) => (s ? t(sexKey(s)) : '') },
              { title: t('col.oldId'), dataIndex: 'oldId', width: 110 },
              { title: t('col.permanentAddress'), dataIndex: 'permanentAddress' },
            ]}
          />
        )}
      </Card>
      <ImportExtractDialog open={importing} onClose={() => setImporting(false)} onImported={() => void refresh()} />
    </Space>
  );
}
