import { Button, Card, Form, Input, Modal, Select, Space, Table, message } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../shared/api-contract';
import { ROLES, type Role } from '../../shared/auth/roles';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';

/** The administrator's list of accounts, and adding one with its role. */
export function UsersCard() {
  const t = useT();
  const users = useQuery('users-list', {});
  const [form] = Form.useForm<{ username: string; displayName: string; role: Role; password: string }>();
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [newPassword, setNewPassword] = useState('');
  // A forgotten password: the administrator sets a new one (and on an encrypted database, it opens the data).
  const reset = async () => {
    if (!resetting) return;
    if (!(await call('users-reset-password', { username: resetting.username, password: newPassword }))) return;
    void message.success(t('users.resetDone', { username: resetting.username }));
    setResetting(null);
    setNewPassword('');
  };
  const add = async (values: { username: string; displayName: string; role: Role; password: string }) => {
    const added = await call('users-add', values);
    if (!added) return;
    users.setData(added);
    form.resetFields();
    void message.success(t('users.added'));
  };
  return (
    <Card title={t('users.title')} data-testid="users">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...(users.data ?? [])]}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), render: (_, u: UserView) => t(`auth.role.${u.role}`) },
          {
            title: '',
            render: (_, u: UserView) => (
              <Button size="small" onClick={() => setResetting(u)}>
                {t('users.resetPassword')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={resetting !== null}
        title={`${t('users.resetPassword')}: ${resetting?.username ?? ''}`}
        okText={t('users.resetPassword')}
        okButtonProps={{ disabled: newPassword.length < 8 }}
        onOk={() => void reset()}
        onCancel={() => setResetting(null)}
        destroyOnHidden
      >
        <Input.Password
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          placeholder={t('auth.newPassword')}
          aria-label={t('auth.newPassword')}
          autoComplete="new-password"
          autoFocus
        />
      </Modal>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => void add(v)}
        style={{ marginTop: 12 }}
        initialValues={{ role: 'police' }}
      >
        <Space wrap>
          <Form.Item name="username" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('auth.username')} aria-label={t('auth.username')} />
          </Form.Item>
          <Form.Item name="displayName" rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('auth.displayName')} aria-label={t('auth.displayName')} />
          </Form.Item>
          <Form.Item name="role">
            <Select
              style={{ width: 220 }}
              aria-label={t('users.role')}
              options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
            />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, min: 8 }]}>
            <Input.Password placeholder={t('auth.password')} aria-label={t('auth.password')} autoComplete="new-password" />
          </Form.Item>
          <Button htmlType="submit">{t('users.add')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
