import { Button, Card, Form, Input, Select, Space, Table, message } from 'antd';
import { useEffect, useState } from 'react';
import type { UserView } from '../../shared/api-contract';
import { ROLES, type Role } from '../../shared/auth/roles';
import type { MessageKey } from '../../shared/i18n';
import { api } from '../api/client';
import { useT } from '../i18n';

/** The administrator's list of accounts, and adding one with its role. */
export function UsersCard() {
  const t = useT();
  const [users, setUsers] = useState<readonly UserView[]>([]);
  const [form] = Form.useForm<{ username: string; displayName: string; role: Role; password: string }>();
  useEffect(() => {
    void api['users-list']({}).then((r) => r.ok && setUsers(r.value));
  }, []);
  const add = async (values: { username: string; displayName: string; role: Role; password: string }) => {
    const r = await api['users-add'](values);
    if (!r.ok) return void message.error(r.error.message);
    setUsers(r.value);
    form.resetFields();
    void message.success(t('users.added'));
  };
  return (
    <Card title={t('users.title')} data-testid="users">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...users]}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          { title: t('users.role'), render: (_, u: UserView) => t(`auth.role.${u.role}` as MessageKey) },
        ]}
      />
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
              options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}` as MessageKey) }))}
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
