import { Form, Input, Modal, Radio, Table, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState, type KeyboardEvent } from 'react';
import type { EntryView, RequestOf, ResidentRef } from '../../../shared/api-contract';
import { parseDateText } from '../../../shared/dates';
import { COMPARED_FIELDS, type ComparedField } from '../../../shared/verification/vocabulary';
import { fieldText, showDate } from '../../format';
import { useT } from '../../i18n';
import { agreesWithRegistry, listValueOf, registryValueOf } from './field-values';

export type Proposed = NonNullable<RequestOf<'lists-resolve'>['proposed']>;
type Values = Partial<Record<ComparedField, string>> & { basis: string };

/** A typed value as the API takes it: dates as ISO, IDs without spaces, text trimmed. */
function apiValue(field: ComparedField, typed: string): string | null {
  const text = typed.trim();
  if (field === 'birthDate') return parseDateText(text);
  if (field === 'personalId') return text.replace(/\s+/g, '');
  return text;
}

/** What the form starts with: the list's value, as the officer would type it. */
function initialValue(entry: EntryView, field: ComparedField): string {
  const value = listValueOf(entry, field) ?? '';
  return field === 'birthDate' ? showDate(value) : value;
}

/**
 * "Đề nghị sửa CSDL": per differing field, the registry's value, the list's, and the value to propose
 * (the list's by default, editable), with the papers seen as the required basis. The package carries
 * exactly these values. Ctrl+Enter records.
 */
export function CorrectionDialog({
  entry,
  onRecord,
  onCancel,
}: {
  entry: EntryView | null;
  onRecord: (entry: EntryView, proposed: Proposed, basis: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const resident: ResidentRef | null = entry?.resident ?? null;
  const fields = COMPARED_FIELDS.filter((f) => entry?.differences.includes(f));

  const rulesFor = (field: ComparedField): Rule[] => [
    { required: true, whitespace: true },
    {
      validator: async (_, typed: string | undefined) => {
        if (!typed || !resident) return;
        const value = apiValue(field, typed);
        if (value === null) throw new Error(t('correct.badDate', { value: typed }));
        if (field === 'personalId' && !/^\d{12}$/.test(value)) throw new Error(t('correct.badId'));
        if (agreesWithRegistry(field, value, resident)) throw new Error(t('correct.sameAsRegistry'));
      },
    },
  ];

  const record = async () => {
    if (!entry || saving) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const proposed: Record<string, string> = {};
    for (const field of fields) proposed[field] = apiValue(field, values[field] ?? '') ?? '';
    setSaving(true);
    await onRecord(entry, proposed as Proposed, values.basis.trim());
    setSaving(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void record();
    }
  };

  const initialValues = entry ? Object.fromEntries(fields.map((f) => [f, initialValue(entry, f)])) : {};
  return (
    <Modal
      open={entry !== null && resident !== null}
      title={entry ? t('correct.title', { row: entry.row }) : ''}
      okText={t('correct.record')}
      okButtonProps={{ loading: saving }}
      onOk={() => void record()}
      onCancel={onCancel}
      width={980}
      destroyOnHidden
      data-testid="correction-dialog"
    >
      <div onKeyDown={onKeyDown}>
        <Typography.Paragraph>{t('correct.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
          <Table<ComparedField>
            size="small"
            bordered
            pagination={false}
            rowKey={(f) => f}
            dataSource={fields}
            columns={[
              { title: t('col.field'), width: 110, render: (_, f) => <strong>{t(`field.${f}`)}</strong> },
              {
                title: t('lists.registrySide'),
                width: 230,
                render: (_, f) => (resident ? fieldText(t, f, registryValueOf(resident, f)) : ''),
              },
              { title: t('lists.listSide'), width: 230, render: (_, f) => (entry ? fieldText(t, f, listValueOf(entry, f)) : '') },
              {
                title: t('correct.proposed'),
                render: (_, f) => (
                  <Form.Item name={f} rules={rulesFor(f)} style={{ marginBottom: 0 }}>
                    {f === 'sex' ? (
                      <Radio.Group
                        aria-label={t('correct.proposed')}
                        options={[
                          { value: 'male', label: t('sex.male') },
                          { value: 'female', label: t('sex.female') },
                        ]}
                      />
                    ) : (
                      <Input aria-label={`${t('correct.proposed')}: ${t(`field.${f}`)}`} autoFocus={f === fields[0]} />
                    )}
                  </Form.Item>
                ),
              },
            ]}
          />
          <Form.Item
            name="basis"
            label={t('correct.basis')}
            rules={[{ required: true, whitespace: true }]}
            style={{ marginTop: 16, marginBottom: 0 }}
          >
            <Input.TextArea rows={2} maxLength={2000} placeholder={t('correct.basisPlaceholder')} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
