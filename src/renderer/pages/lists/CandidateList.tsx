import { Button, Card, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { EntryView, ResidentRef } from '../../../shared/api-contract';
import type { ComparedField } from '../../../shared/verification/vocabulary';
import { useT } from '../../i18n';
import { candidateDifferences, listValueOf, registryValueOf } from './field-values';
import { fieldText } from '../../format';

const FIELDS: readonly ComparedField[] = ['fullName', 'birthDate', 'sex', 'personalId', 'address'];

interface Line {
  readonly key: ComparedField | 'choose';
}

/**
 * The residents an ambiguous entry could be, side by side with what the list says: one column per
 * person, what differs from the list marked; choosing one links the entry to them.
 */
export function CandidateList({
  entry,
  chosen,
  onChoose,
}: {
  entry: EntryView;
  chosen: number | null;
  onChoose: (c: ResidentRef) => void;
}) {
  const t = useT();
  const differences = new Map(entry.candidates.map((c) => [c.id, candidateDifferences(entry, c)]));
  const residentCell = (c: ResidentRef, field: ComparedField): ReactNode => {
    // The ID and the old CMND on lines of their own, so neither number breaks in a narrow column.
    const text: ReactNode =
      field === 'personalId' ? (
        <>
          {c.personalId}
          {c.oldId && <div>{c.oldId}</div>}
        </>
      ) : (
        fieldText(t, field, registryValueOf(c, field))
      );
    return differences.get(c.id)?.includes(field) ? <Typography.Text mark>{text}</Typography.Text> : text;
  };
  const wide = entry.candidates.length > 2;
  const lines: Line[] = [...FIELDS.map((key) => ({ key })), { key: 'choose' as const }];
  return (
    <Card size="small" type="inner" title={t('lists.candidates')} style={{ marginTop: 12 }} data-testid="candidates">
      <Table<Line>
        size="small"
        rowKey="key"
        pagination={false}
        bordered
        dataSource={lines}
        // Two candidates share the panel's width; more scroll sideways.
        tableLayout="fixed"
        scroll={wide ? { x: 'max-content' } : undefined}
        columns={[
          {
            key: 'field',
            width: 84,
            fixed: wide ? 'left' : undefined,
            render: (_, line) => (line.key === 'choose' ? null : <strong>{t(`field.${line.key}`)}</strong>),
          },
          {
            key: 'list',
            title: t('lists.listSide'),
            width: wide ? 140 : undefined,
            render: (_, line) => (line.key === 'choose' ? null : fieldText(t, line.key, listValueOf(entry, line.key))),
          },
          ...entry.candidates.map((c, i) => ({
            key: String(c.id),
            width: wide ? 170 : undefined,
            title: (
              <>
                {t('candidates.person', { n: i + 1 })} {chosen === c.id && <Tag color="green">{t('candidates.chosen')}</Tag>}
              </>
            ),
            render: (_: unknown, line: Line) =>
              line.key === 'choose' ? (
                <Button
                  size="small"
                  type={chosen === c.id ? 'primary' : 'default'}
                  style={{ whiteSpace: 'normal', height: 'auto' }}
                  onClick={() => onChoose(c)}
                >
                  {t('lists.choose')}
                </Button>
              ) : (
                residentCell(c, line.key)
              ),
          })),
        ]}
      />
    </Card>
  );
}
