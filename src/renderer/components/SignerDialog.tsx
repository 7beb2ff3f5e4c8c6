import { Form, Input, Modal, Radio, Typography } from 'antd';
import { signatureHeading, type Letterhead, type SignForm } from '../../shared/documents/letterhead';
import { call } from '../data/call';
import { useT } from '../i18n';
import { titleForForm } from './signer-titles';

interface Values {
  readonly signForm: SignForm;
  readonly signerTitle: string;
  readonly signerName: string;
}

/**
 * Asked at the first print when the settings name no signer: the signature form, the title that goes
 * with it and the name printed under the signature space. Saved to the letterhead, then printing goes on.
 */
export function SignerDialog({
  letterhead,
  okText,
  onSaved,
  onCancel,
}: {
  /** The letterhead as it stands; the dialog is open while it is given. */
  letterhead: Letterhead | null;
  okText: string;
  onSaved: (letterhead: Letterhead) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;

  const initial: Values | undefined = letterhead
    ? {
        signForm: letterhead.signForm,
        signerTitle: letterhead.signerTitle || titleForForm(t, letterhead.signForm, ''),
        signerName: letterhead.signerName,
      }
    : undefined;

  const save = async () => {
    const values = await form.validateFields();
    const saved = await call('letterhead-set-signer', {
      signForm: values.signForm,
      signerTitle: values.signerTitle.trim().toUpperCase(),
      signerName: values.signerName.trim(),
    });
    if (saved) onSaved(saved);
  };

  const heading =
    letterhead && watched?.signForm
      ? signatureHeading({ ...letterhead, signForm: watched.signForm, signerTitle: (watched.signerTitle ?? '').toUpperCase() })
      : [];
  const required = [{ required: true, whitespace: true }];
  return (
    <Modal
      open={letterhead !== null}
      title={t('signer.title')}
      okText={okText}
      onOk={() => void save()}
      onCancel={onCancel}
      width={640}
      destroyOnHidden
      data-testid="signer-dialog"
    >
      <Typography.Paragraph>{t('signer.intro')}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.signForm)
            form.setFieldValue('signerTitle', titleForForm(t, changed.signForm, form.getFieldValue('signerTitle') as string));
        }}
      >
        <Form.Item name="signForm" label={t('letterhead.signForm')}>
          <Radio.Group
            options={[
              { value: 'TM', label: t('letterhead.formTM') },
              { value: 'KT', label: t('letterhead.formKT') },
              { value: 'direct', label: t('letterhead.formDirect') },
            ]}
          />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('letterhead.signerTitle')} rules={required}>
          <Input />
        </Form.Item>
        <Form.Item name="signerName" label={t('letterhead.signerName')} rules={required}>
          <Input autoFocus />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('signer.preview')}</Typography.Text>
      <div
        data-testid="signature-preview"
        style={{
          border: '1px dashed #d9d9d9',
          padding: 12,
          marginTop: 4,
          textAlign: 'center',
          fontFamily: 'Times New Roman, serif',
        }}
      >
        {heading.map((line) => (
          <div key={line}>
            <strong>{line}</strong>
          </div>
        ))}
        <div style={{ fontStyle: 'italic', color: '#8c8c8c', margin: '8px 0 16px' }}>{t('signer.signature')}</div>
        <strong>{watched?.signerName ?? ''}</strong>
      </div>
    </Modal>
  );
}
