import { Alert, Button, Descriptions } from 'antd';
import type { EntryView } from '../../../shared/api-contract';
import { fieldText, sexKey, showDate, useFormat } from '../../format';
import { useT } from '../../i18n';

/**
 * How an entry was resolved, by whom and when, with what it sends to the registry: the reviewed values
 * of a correction (registry → proposed), or the person as collected. Undo takes it back.
 */
export function EntryResolved({ entry, onUndo }: { entry: EntryView; onUndo: () => void }) {
  const t = useT();
  const format = useFormat();
  const c = entry.collected;
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="success"
      showIcon
      data-testid="entry-resolved"
      message={t('lists.resolvedBy', {
        resolution: t(`resolution.${entry.resolution!}`),
        by: entry.resolvedBy ?? '',
        at: entry.resolvedAt ? format.dateTime(entry.resolvedAt) : '',
      })}
      description={
        <>
          {entry.resolutionNote && <div>{entry.resolutionNote}</div>}
          {entry.proposals.length > 0 && (
            <Descriptions size="small" column={1} title={t('correct.proposals')} style={{ marginTop: 8 }}>
              {entry.proposals.map((p) => (
                <Descriptions.Item key={p.field} label={t(`field.${p.field}`)}>
                  {fieldText(t, p.field, p.registry)} → <strong>{fieldText(t, p.field, p.proposed)}</strong>
                </Descriptions.Item>
              ))}
            </Descriptions>
          )}
          {c && (
            <Descriptions size="small" column={1} title={t('collect.recorded')} style={{ marginTop: 8 }}>
              <Descriptions.Item label={t('col.fullName')}>{c.fullName}</Descriptions.Item>
              <Descriptions.Item label={t('col.birthDate')}>{showDate(c.birthDate)}</Descriptions.Item>
              <Descriptions.Item label={t('col.sex')}>{t(sexKey(c.sex))}</Descriptions.Item>
              {c.personalId && <Descriptions.Item label={t('col.personalId')}>{c.personalId}</Descriptions.Item>}
              {c.ethnicity && <Descriptions.Item label={t('col.ethnicity')}>{c.ethnicity}</Descriptions.Item>}
              {c.nationality && <Descriptions.Item label={t('col.nationality')}>{c.nationality}</Descriptions.Item>}
              <Descriptions.Item label={t('col.permanentAddress')}>{c.permanentAddress}</Descriptions.Item>
              {c.currentAddress && <Descriptions.Item label={t('col.currentAddress')}>{c.currentAddress}</Descriptions.Item>}
            </Descriptions>
          )}
        </>
      }
      action={<Button onClick={onUndo}>{t('lists.undo')}</Button>}
    />
  );
}
