import { Alert, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { DocumentVersionView, SignRole } from '../../shared/api-contract';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useT } from '../i18n';

/**
 * "Ghi nhận đã ký": the signed-in chairman records their own signature on a printed version. No name
 * is typed: main records the session's user, and refuses anyone else.
 */
export function SignOffDialog({
  document,
  onSigned,
  onCancel,
}: {
  document: DocumentVersionView | null;
  onSigned: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { user } = useAppInfo();
  const [role, setRole] = useState<SignRole>('chairman');
  const [saving, setSaving] = useState(false);

  // The letterhead says whether papers are signed by the chairman or a facility head.
  useEffect(() => {
    if (!document) return;
    void call('letterhead-get', {}).then((l) => l && setRole(l.signForm === 'direct' ? 'facility_head' : 'chairman'));
  }, [document]);

  const sign = async () => {
    if (!document || saving) return;
    setSaving(true);
    const signed = await call('documents-signoff', { documentId: document.id, role });
    setSaving(false);
    if (signed) onSigned();
  };

  return (
    <Modal
      open={document !== null}
      title={document ? t('docs.signOffTitle', { number: document.number, version: document.version }) : ''}
      okText={t('docs.signOff')}
      okButtonProps={{ loading: saving }}
      onOk={() => void sign()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <Alert type="warning" showIcon message={t('docs.signOffWarning')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph data-testid="signer-account">
        {t('docs.signerIs', { name: user.displayName, account: user.username })}
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('docs.role')}>
          <Select
            value={role}
            onChange={setRole}
            options={[
              { value: 'chairman', label: t('doc.role.chairman') },
              { value: 'facility_head', label: t('doc.role.facility_head') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
