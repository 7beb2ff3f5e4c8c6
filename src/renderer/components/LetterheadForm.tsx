import { Button, Form, Input, Radio, message } from 'antd';
import { useEffect } from 'react';
import type { Letterhead } from '../../shared/documents/letterhead';
import { call } from '../data/call';
import { useT } from '../i18n';
import { titleForForm } from './signer-titles';

type Values = Omit<Letterhead, 'recipients'> & { recipients: string };

/** The printed documents' format: issuing bodies, place, who signs in which form, "Nơi nhận". */
export function LetterheadForm() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    void call('letterhead-get', {}).then((letterhead) => {
      if (letterhead) form.setFieldsValue({ ...letterhead, recipients: letterhead.recipients.join('\n') });
    });
  }, [form]);

  const save = async (values: Values) => {
    const letterhead = {
      ...values,
      issuingCode: values.issuingCode.trim().toUpperCase(),
      recipients: values.recipients
        .split('\n')
        .map((r) => r.trim())
        .filter(Boolean),
    };
    if (await call('letterhead-set', { letterhead })) void message.success(t('letterhead.saved'));
  };

  const required = [{ required: true, whitespace: true }];
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v) => void save(v)}
      data-testid="letterhead"
      style={{ maxWidth: 720 }}
      onValuesChange={(changed: Partial<Values>) => {
        // TM → CHỦ TỊCH, KT → PHÓ CHỦ TỊCH, the head's own form → their title, unless one was typed.
        if (changed.signForm)
          form.setFieldValue('signerTitle', titleForForm(t, changed.signForm, form.getFieldValue('signerTitle') as string));
      }}
    >
      {/* Empty for a commune People's Committee since 1 July 2025: there is no district above it. */}
      <Form.Item name="parentBody" label={t('letterhead.parentBody')}>
        <Input />
      </Form.Item>
      <Form.Item name="issuingBody" label={t('letterhead.issuingBody')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item
        name="issuingCode"
        label={t('letterhead.issuingCode')}
        rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9-]{0,15}$/ }]}
      >
        <Input style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="place" label={t('letterhead.place')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="signForm" label={t('letterhead.signForm')}>
        <Radio.Group
          options={[
            { value: 'TM', label: t('letterhead.formTM') },
            { value: 'KT', label: t('letterhead.formKT') },
            { value: 'direct', label: t('letterhead.formDirect') },
          ]}
        />
      </Form.Item>
      <Form.Item name="collective" label={t('letterhead.collective')}>
        <Input />
      </Form.Item>
      <Form.Item name="signerTitle" label={t('letterhead.signerTitle')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="signerName" label={t('letterhead.signerName')} rules={required}>
        <Input />
      </Form.Item>
      <Form.Item name="recipients" label={t('letterhead.recipients')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="archive" label={t('letterhead.archive')} rules={required}>
        <Input style={{ width: 240 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('letterhead.save')}
      </Button>
    </Form>
  );
}
