import { WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Modal, Typography, Upload, message } from 'antd';
import { useState } from 'react';
import { call } from '../data/call';
import { useT } from '../i18n';

/**
 * Taking an acknowledgement that carries no signature (issue 19): only after the officer confirmed,
 * in a dialog saying what that means, that they know the file is the registry's answer. Main
 * records it in the audit trail as taken unsigned. A signed answer goes through the normal button.
 */
export function UnsignedAckButton({ onTaken }: { onTaken: () => void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [sure, setSure] = useState(false);
  const close = () => {
    setFile(null);
    setSure(false);
  };
  const take = async () => {
    if (!file) return;
    const acked = await call('packages-ack', { fileName: file.name, text: await file.text(), acceptUnsigned: true });
    close();
    if (!acked) return;
    void message.success(t('pkg.acked', acked));
    onTaken();
  };
  return (
    <>
      <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (setFile(f), false)}>
        <Button icon={<WarningOutlined />} data-testid="unsigned-ack">
          {t('pkg.unsignedAck')}
        </Button>
      </Upload>
      <Modal
        open={file !== null}
        title={t('pkg.unsignedAckTitle', { file: file?.name ?? '' })}
        okText={t('pkg.unsignedAckOk')}
        okButtonProps={{ danger: true, disabled: !sure }}
        onOk={() => void take()}
        onCancel={close}
      >
        <Typography.Paragraph>{t('pkg.unsignedAckWarning')}</Typography.Paragraph>
        <Checkbox checked={sure} onChange={(e) => setSure(e.target.checked)} data-testid="unsigned-ack-sure">
          {t('pkg.unsignedAckSure')}
        </Checkbox>
      </Modal>
    </>
  );
}
