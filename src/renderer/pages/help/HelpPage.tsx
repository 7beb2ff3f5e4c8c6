import { Card, Col, Row, Steps, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ENTRY_STATUSES } from '../../../shared/verification/vocabulary';
import { StatusTag } from '../../components/StatusTag';
import { useT } from '../../i18n';
import {
  HELP_PICTURES,
  HELP_SECTIONS,
  HELP_STEPS,
  HELP_TEXT,
  HELP_TITLES,
  SHORTCUTS,
  STATUS_HELP,
  WORKFLOW_STEPS,
  helpHash,
  sectionFromHash,
  type HelpSection,
} from './help-sections';

/** Hướng dẫn: the day's work from receiving a list to sending the package, the statuses, the keys, the scanner. */
export function HelpPage() {
  const t = useT();
  const [current, setCurrent] = useState<HelpSection | null>(() => sectionFromHash(window.location.hash));
  // A "?" link elsewhere opens the help at its section (`#/help/<section>`).
  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The section asked for, or the top when the help opens from the menu.
  useEffect(() => {
    document.getElementById(current ? `help-${current}` : 'help-top')?.scrollIntoView({ block: 'start' });
  }, [current]);

  const extra = (section: HelpSection) => {
    switch (section) {
      case 'workflow':
        return (
          <Steps
            direction="vertical"
            size="small"
            current={-1}
            items={WORKFLOW_STEPS.map((s) => ({ title: t(s.title), description: t(s.text), status: 'process' }))}
          />
        );
      case 'statuses':
        return (
          <Table
            size="small"
            pagination={false}
            rowKey={(s) => s}
            data-testid="help-status-table"
            dataSource={[...ENTRY_STATUSES]}
            columns={[
              { title: t('help.col.status'), width: 190, render: (_, s) => <StatusTag status={s} /> },
              { title: t('help.col.meaning'), render: (_, s) => t(STATUS_HELP[s].meaning) },
              { title: t('help.col.todo'), render: (_, s) => t(STATUS_HELP[s].todo) },
            ]}
          />
        );
      case 'keys':
        return (
          <Table
            size="small"
            pagination={false}
            rowKey="keys"
            data-testid="help-key-table"
            dataSource={[...SHORTCUTS]}
            columns={[
              { title: t('help.col.key'), width: 130, render: (_, k) => <Tag style={{ fontFamily: 'monospace' }}>{k.keys}</Tag> },
              { title: t('help.col.what'), render: (_, k) => t(k.what) },
            ]}
          />
        );
      default:
        return null;
    }
  };

  return (
    <Row gutter={24} wrap={false}>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ marginTop: 0, scrollMarginTop: 16 }} id="help-top">
          {t('nav.help')}
        </Typography.Title>
        {HELP_SECTIONS.map((section) => (
          <Card
            key={section}
            id={`help-${section}`}
            data-testid={`help-${section}`}
            title={t(HELP_TITLES[section])}
            style={{ marginBottom: 16, scrollMarginTop: 16 }}
          >
            {HELP_TEXT[section].map((key) => (
              <Typography.Paragraph key={key}>{t(key)}</Typography.Paragraph>
            ))}
            {HELP_STEPS[section] && (
              <ol style={{ paddingLeft: 20 }}>
                {HELP_STEPS[section].map((key) => (
                  <li key={key} style={{ marginBottom: 4 }}>
                    {t(key)}
                  </li>
                ))}
              </ol>
            )}
            {extra(section)}
            {HELP_PICTURES[section]?.map((p) => (
              <figure key={p.file} style={{ margin: '16px 0 0' }}>
                <img
                  src={`help/${p.file}`}
                  alt={t(p.caption)}
                  style={{ maxWidth: '100%', border: '1px solid #e5e5e5', borderRadius: 6 }}
                  onError={(e) => (e.currentTarget.parentElement!.style.display = 'none')}
                />
                <figcaption>
                  <Typography.Text type="secondary">{t(p.caption)}</Typography.Text>
                </figcaption>
              </figure>
            ))}
          </Card>
        ))}
      </Col>
      <Col flex="240px" style={{ alignSelf: 'stretch' }}>
        <nav aria-label={t('help.contents')} style={{ position: 'sticky', top: 16 }}>
          <Typography.Text type="secondary" strong>
            {t('help.contents')}
          </Typography.Text>
          <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
            {HELP_SECTIONS.map((section) => (
              <li key={section} style={{ marginBottom: 8, lineHeight: 1.35 }}>
                <Typography.Link
                  href={helpHash(section)}
                  strong={section === current}
                  onClick={() => document.getElementById(`help-${section}`)?.scrollIntoView({ block: 'start' })}
                >
                  {t(HELP_TITLES[section])}
                </Typography.Link>
              </li>
            ))}
          </ul>
        </nav>
      </Col>
    </Row>
  );
}
