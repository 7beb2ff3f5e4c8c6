import { Col, Form, Input, Modal, Radio, Row, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import type { EntryView, NewResidentFields } from '../../../shared/api-contract';
import { parseDateText } from '../../../shared/dates';
import type { Sex } from '../../../shared/types';
import { showDate } from '../../format';
import { useT } from '../../i18n';

interface Values {
  fullName: string;
  birthDate: string;
  sex: Sex;
  personalId?: string;
  ethnicity?: string;
  nationality?: string;
  permanentAddress: string;
  currentAddress?: string;
  note?: string;
}

const orNull = (text: string | undefined) => (text && text.trim() !== '' ? text.trim() : null);

/**
 * "Thu thập thông tin" for a person not in the registry: the details from their papers (name, full
 * birth date, sex and permanent address required; the ID optional, 12 digits), queued for the next
 * package like a correction. Starts from what the list says. Ctrl+Enter records.
 */
export function CollectDialog({
  entry,
  onRecord,
  onCancel,
}: {
  entry: EntryView | null;
  onRecord: (entry: EntryView, person: NewResidentFields, note: string | undefined) => Promise<boolean>;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const record = async () => {
    if (!entry || saving) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    const person: NewResidentFields = {
      fullName: v.fullName.trim(),
      birthDate: parseDateText(v.birthDate)!,
      sex: v.sex,
      personalId: orNull(v.personalId)?.replace(/\s+/g, '') ?? null,
      ethnicity: orNull(v.ethnicity),
      nationality: orNull(v.nationality),
      permanentAddress: v.permanentAddress.trim(),
      currentAddress: orNull(v.currentAddress),
    };
    setSaving(true);
    await onRecord(entry, person, orNull(v.note) ?? undefined);
    setSaving(false);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      void record();
    }
  };

  const required = [{ required: true, whitespace: true }];
  const initialValues: Partial<Values> = entry
    ? {
        fullName: entry.fullName ?? '',
        birthDate: entry.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(entry.birthDate) ? showDate(entry.birthDate) : '',
        sex: entry.sex ?? undefined,
        personalId: entry.idNumber && /^\d{12}$/.test(entry.idNumber) ? entry.idNumber : '',
        nationality: entry.nationality ?? '',
        permanentAddress: entry.address ?? '',
      }
    : {};
  return (
    <Modal
      open={entry !== null}
      title={entry ? t('collect.title', { row: entry.row }) : ''}
      okText={t('collect.record')}
      okButtonProps={{ loading: saving }}
      onOk={() => void record()}
      onCancel={onCancel}
      width={860}
      destroyOnHidden
      data-testid="collect-dialog"
    >
      <div onKeyDown={onKeyDown}>
        <Typography.Paragraph>{t('collect.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false} initialValues={initialValues} requiredMark>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="fullName" label={t('col.fullName')} rules={required}>
                <Input autoFocus maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="birthDate"
                label={t('col.birthDate')}
                rules={[
                  ...required,
                  {
                    validator: async (_, typed: string | undefined) => {
                      if (!typed || typed.trim() === '') return;
                      const date = parseDateText(typed);
                      if (date === null || !/^\d{4}-\d{2}-\d{2}$/.test(date))
                        throw new Error(t('correct.badDate', { value: typed }));
                    },
                  },
                ]}
              >
                <Input placeholder={t('collect.datePlaceholder')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="sex" label={t('col.sex')} rules={[{ required: true }]}>
                <Radio.Group
                  options={[
                    { value: 'male', label: t('sex.male') },
                    { value: 'female', label: t('sex.female') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="personalId"
                label={t('col.personalId')}
                extra={t('collect.idHint')}
                rules={[{ pattern: /^\s*(\d\s*){12}$/, message: t('correct.badId') }]}
              >
                <Input maxLength={20} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="ethnicity" label={t('col.ethnicity')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="nationality" label={t('col.nationality')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="permanentAddress" label={t('col.permanentAddress')} rules={required}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="currentAddress" label={t('col.currentAddress')}>
                <Input maxLength={300} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="note" label={t('lists.note')} style={{ marginBottom: 0 }}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
