import { SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, InputNumber, Space, Table, Tag, Typography, type GetRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { ResidentView } from '../../shared/api-contract';
import { HelpLink } from '../components/HelpLink';
import { ImportExtractDialog } from '../components/ImportExtractDialog';
import { ResidentCard } from '../components/ResidentCard';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { showDate, sexKey, useFormat } from '../format';
import { useT } from '../i18n';

/** One page of matches; the rest are a page turn away, or a birth year narrows them. */
const PAGE_SIZE = 50;

interface Search {
  readonly text: string;
  readonly birthYear: number | undefined;
}

interface Found {
  readonly search: Search;
  readonly page: number;
  readonly residents: readonly ResidentView[];
  readonly total: number;
}

/** Dân cư: the registry extract, its import, and search through every match; a click opens the person's card. */
export function ResidentsPage() {
  const t = useT();
  const format = useFormat();
  const { info, refresh } = useAppInfo();
  const [importing, setImporting] = useState(false);
  const [query, setQuery] = useState('');
  const [birthYear, setBirthYear] = useState<number | null>(null);
  const [found, setFound] = useState<Found | null>(null);
  const [searching, setSearching] = useState(false);
  const [cardId, setCardId] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const yearRef = useRef<GetRef<typeof InputNumber>>(null);

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

  const load = async (search: Search, page: number) => {
    setSearching(true);
    const answer = await call('registry-search', {
      text: search.text,
      birthYear: search.birthYear,
      offset: (page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    setSearching(false);
    if (answer) setFound({ search, page, residents: answer.residents, total: answer.total });
  };

  const search = () => {
    if (query.trim() === '' || searching) return;
    void load({ text: query, birthYear: birthYear ?? undefined }, 1);
  };

  const from = found ? (found.page - 1) * PAGE_SIZE + 1 : 0;
  const to = found ? from + found.residents.length - 1 : 0;
  const tooMany = found !== null && found.total > PAGE_SIZE;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('residents.title')} <HelpLink section="residents" />
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
            onPressEnter={search}
          />
          <InputNumber
            ref={yearRef}
            size="large"
            aria-label={t('residents.birthYear')}
            placeholder={t('residents.birthYear')}
            min={1880}
            max={2100}
            value={birthYear}
            onChange={(v) => setBirthYear(v)}
            onPressEnter={search}
            style={{ width: 140 }}
          />
          <Button size="large" type="primary" icon={<SearchOutlined />} loading={searching} onClick={search}>
            {t('residents.searchButton')}
          </Button>
        </Space.Compact>
        {found !== null && (
          <div data-testid="search-results">
            <Table
              style={{ marginTop: 16 }}
              size="small"
              rowKey="personalId"
              loading={searching}
              dataSource={found.residents as ResidentView[]}
              pagination={{
                current: found.page,
                pageSize: PAGE_SIZE,
                total: found.total,
                showSizeChanger: false,
                hideOnSinglePage: true,
                position: ['topRight', 'bottomRight'],
                onChange: (page) => void load(found.search, page),
              }}
              onRow={(r) => ({ onClick: () => setCardId(r.personalId), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <Empty description={t('residents.noResult')} /> }}
              title={() => (
                <Space wrap data-testid="search-count">
                  <Typography.Text strong>
                    {tooMany
                      ? t('residents.resultsOf', { from, to, total: format.count(found.total) })
                      : t('residents.results', { count: format.count(found.total) })}
                  </Typography.Text>
                  {tooMany && found.search.birthYear === undefined && (
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => yearRef.current?.focus()}>
                      — {t('residents.narrowHint')}
                    </Button>
                  )}
                  {found.total > 0 && <Typography.Text type="secondary">{t('residents.openHint')}</Typography.Text>}
                </Space>
              )}
              columns={[
                { title: t('col.personalId'), dataIndex: 'personalId', width: 140 },
                {
                  title: t('col.fullName'),
                  dataIndex: 'fullName',
                  render: (name: string, r) => (
                    <Space>
                      <Typography.Link strong onClick={() => setCardId(r.personalId)}>
                        {name}
                      </Typography.Link>
                      {r.isDemo && <Tag color="orange">{t('demo.tag')}</Tag>}
                    </Space>
                  ),
                },
                { title: t('col.birthDate'), dataIndex: 'birthDate', width: 110, render: showDate },
                { title: t('col.sex'), dataIndex: 'sex', width: 80, render: (s: ResidentView['sex']) => (s ? t(sexKey(s)) : '') },
                { title: t('col.oldId'), dataIndex: 'oldId', width: 110 },
                { title: t('col.permanentAddress'), dataIndex: 'permanentAddress' },
              ]}
            />
          </div>
        )}
      </Card>
      <ResidentCard residentId={cardId} from="search" onClose={() => setCardId(null)} />
      <ImportExtractDialog open={importing} onClose={() => setImporting(false)} onImported={() => void refresh()} />
    </Space>
  );
}
