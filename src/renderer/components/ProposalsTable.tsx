import { Table, Tag, Typography } from 'antd';
import type { ProposalView } from '../../shared/api-contract';
import { fieldText, sexKey, showDate } from '../format';
import { useT } from '../i18n';

/**
 * What the next package will carry of registry corrections and collected people, as the officers
 * reviewed them: who, which field from the registry's value to the proposed one, on what basis, by whom.
 */
export function ProposalsTable({ proposals }: { proposals: readonly ProposalView[] }) {
  const t = useT();
  const lines = (p: ProposalView): string[] => {
    if (p.collected) {
      const c = p.collected;
      return [
        `${t('col.birthDate')}: ${showDate(c.birthDate)}`,
        `${t('col.sex')}: ${t(sexKey(c.sex))}`,
        ...(c.ethnicity ? [`${t('col.ethnicity')}: ${c.ethnicity}`] : []),
        ...(c.nationality ? [`${t('col.nationality')}: ${c.nationality}`] : []),
        `${t('col.permanentAddress')}: ${c.permanentAddress}`,
        ...(c.currentAddress ? [`${t('col.currentAddress')}: ${c.currentAddress}`] : []),
      ];
    }
    return p.fields.map((f) =>
      t('correct.line', {
        field: t(`field.${f.field}`),
        registry: fieldText(t, f.field, f.registry),
        proposed: fieldText(t, f.field, f.proposed),
      }),
    );
  };
  return (
    <Table<ProposalView>
      size="small"
      rowKey="changeId"
      data-testid="proposals"
      dataSource={[...proposals]}
      pagination={proposals.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: t('pkg.noProposals') }}
      columns={[
        {
          title: t('pkg.colPerson'),
          width: 230,
          render: (_, p) => (
            <>
              <strong>{p.collected?.fullName ?? p.fullName ?? '—'}</strong>
              <br />
              <Typography.Text type="secondary">
                {p.collected ? (p.collected.personalId ?? '') : (p.personalId ?? '')}
              </Typography.Text>{' '}
              <Tag color={p.kind === 'correction' ? 'orange' : 'blue'}>
                {t(p.kind === 'correction' ? 'package.type.correction' : 'package.type.new_resident')}
              </Tag>
            </>
          ),
        },
        {
          title: t('pkg.colChange'),
          render: (_, p) =>
            lines(p).map((line) => (
              <div key={line} style={{ whiteSpace: 'normal' }}>
                {line}
              </div>
            )),
        },
        { title: t('package.col.evidence'), width: 220, render: (_, p) => p.basis ?? '' },
        {
          title: t('pkg.colBy'),
          width: 200,
          render: (_, p) => (
            <>
              {p.by ?? ''}
              {p.listId !== null && p.row !== null && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('pkg.fromList', { listId: p.listId, row: p.row })}
                </Typography.Text>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
