import { Button, Card, Descriptions, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { RecoveryCode } from '../components/RecoveryCode';
import { BackupCard } from '../components/BackupCard';
import { CscaCard } from '../components/CscaCard';
import { PrivacyCard } from '../components/privacy/PrivacyCard';
import { UsersCard } from '../components/UsersCard';
import { CommuneCard } from '../components/CommuneCard';
import { LetterheadForm } from '../components/LetterheadForm';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useT } from '../i18n';

/** Cài đặt: language, where the data lives, version, the printed documents' format, the chip check's CSCA certificates. */
export function SettingsPage({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const { info, setInfo } = useAppInfo();
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const newRecoveryCode = () =>
    Modal.confirm({
      title: t('keys.newRecovery'),
      content: t('keys.newRecoveryConfirm'),
      onOk: async () => {
        const renewed = await call('keys-new-recovery-code', {});
        if (renewed) setRecoveryCode(renewed.recoveryCode);
      },
    });
  const setLocale = async (locale: 'vi' | 'en') => {
    const changed = await call('settings-set-locale', { locale });
    if (changed) setInfo(changed);
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('nav.settings')}
          </Typography.Title>
        }
      >
        <Descriptions column={1} bordered>
          <Descriptions.Item label={t('settings.language')}>
            <Radio.Group
              value={info.locale}
              onChange={(e) => void setLocale(e.target.value as 'vi' | 'en')}
              options={[
                { value: 'vi', label: 'Tiếng Việt' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.database')}>
            <Typography.Text code copyable>
              {info.databaseFile}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.encryption')}>
            <Space direction="vertical">
              <Typography.Text type={info.encrypted ? undefined : 'danger'} data-testid="encryption-state">
                {t(info.encrypted ? 'auth.encrypted' : 'auth.notEncrypted')}
              </Typography.Text>
              {isAdmin && info.encrypted && <Button onClick={newRecoveryCode}>{t('keys.newRecovery')}</Button>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.version')}>{info.version}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Modal open={recoveryCode !== null} footer={null} closable={false} width={580}>
        {recoveryCode && <RecoveryCode code={recoveryCode} t={t} onKept={() => setRecoveryCode(null)} />}
      </Modal>
      {isAdmin && <UsersCard />}
      {isAdmin && <BackupCard />}
      {isAdmin && <CscaCard />}
      {isAdmin && <PrivacyCard />}
      <CommuneCard isAdmin={isAdmin} />
      <Card title={t('settings.letterhead')}>
        <LetterheadForm />
      </Card>
    </Space>
  );
}
