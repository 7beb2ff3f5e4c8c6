import { UserAddOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { UserView } from '../../shared/api-contract';
import { ROLES, type Role } from '../../shared/auth/roles';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { useAppInfo } from '../data/app-info';
import { call } from '../data/call';
import { useQuery } from '../data/useQuery';
import { useT } from '../i18n';
import { HelpLink } from './HelpLink';

interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  confirm: string;
}

/**
 * The administrator's accounts: add one (password typed twice), reset a password, change a role,
 * disable and enable. The last administrator can be neither disabled nor demoted (main refuses too).
 */
export function UsersCard() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { user: me } = useAppInfo();
  const users = useQuery('users-list', {});
  const [addForm] = Form.useForm<NewUser>();
  const [resetForm] = Form.useForm<{ password: string; confirm: string }>();
  const [adding, setAdding] = useState(false);
  const [resetting, setResetting] = useState<UserView | null>(null);
  // The account whose change is on its way: its buttons wait, a second click does nothing.
  const [busy, setBusy] = useState<string | null>(null);

  const list = users.data ?? [];
  const activeAdmins = list.filter((u) => u.role === 'admin' && !u.disabled).length;
  const isLastAdmin = (u: UserView) => u.role === 'admin' && !u.disabled && activeAdmins <= 1;

  const run = async (username: string, change: () => Promise<readonly UserView[] | undefined>, done: string) => {
    if (busy) return;
    setBusy(username);
    const changed = await change();
    setBusy(null);
    if (!changed) return;
    users.setData(changed);
    void message.success(done);
  };

  const add = async ({ username, displayName, role, password }: NewUser) => {
    if (busy) return;
    setBusy('+');
    const added = await call('users-add', { username, displayName, role, password });
    setBusy(null);
    if (!added) return;
    users.setData(added);
    addForm.resetFields();
    setAdding(false);
    void message.success(t('users.addedName', { username }));
  };

  // A forgotten password: the administrator sets a new one (and on an encrypted database, it opens the data).
  const reset = async ({ password }: { password: string }) => {
    if (!resetting || busy) return;
    const { username } = resetting;
    setBusy(username);
    const done = await call('users-reset-password', { username, password });
    setBusy(null);
    if (!done) return;
    void message.success(t('users.resetDone', { username }));
    setResetting(null);
    resetForm.resetFields();
  };

  return (
    <Card
      title={
        <Space>
          {t('users.title')}
          <HelpLink section="accounts" />
        </Space>
      }
      data-testid="users"
      extra={
        <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
          {t('users.add')}
        </Button>
      }
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...list]}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('auth.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.role'),
            width: 240,
            render: (_, u: UserView) => (
              <Tooltip title={isLastAdmin(u) ? t('users.lastAdmin') : undefined}>
                <Select
                  size="small"
                  style={{ width: 220 }}
                  value={u.role}
                  disabled={isLastAdmin(u) || busy !== null}
                  aria-label={t('users.roleOf', { username: u.username })}
                  options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))}
                  onChange={(role: Role) =>
                    void run(
                      u.username,
                      () => call('users-set-role', { username: u.username, role }),
                      t('users.roleOk', { username: u.username }),
                    )
                  }
                />
              </Tooltip>
            ),
          },
          {
            title: t('users.state'),
            width: 110,
            render: (_, u: UserView) =>
              u.disabled ? <Tag color="red">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.active')}</Tag>,
          },
          {
            title: '',
            width: 250,
            render: (_, u: UserView) => (
              <Space size="small">
                <Button size="small" disabled={busy !== null} onClick={() => setResetting(u)}>
                  {t('users.resetPassword')}
                </Button>
                {u.disabled ? (
                  <Button
                    size="small"
                    loading={busy === u.username}
                    onClick={() =>
                      void run(
                        u.username,
                        () => call('users-set-disabled', { username: u.username, disabled: false }),
                        t('users.enabledOk', { username: u.username }),
                      )
                    }
                  >
                    {t('users.enable')}
                  </Button>
                ) : (
                  <Tooltip
                    title={
                      isLastAdmin(u) ? t('users.lastAdmin') : u.username === me.username ? t('users.selfDisable') : undefined
                    }
                  >
                    <Popconfirm
                      title={t('users.disableConfirm', { username: u.username })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        run(
                          u.username,
                          () => call('users-set-disabled', { username: u.username, disabled: true }),
                          t('users.disabledOk', { username: u.username }),
                        )
                      }
                    >
                      <Button
                        size="small"
                        danger
                        loading={busy === u.username}
                        disabled={isLastAdmin(u) || u.username === me.username}
                      >
                        {t('users.disable')}
                      </Button>
                    </Popconfirm>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={adding}
        title={t('users.add')}
        okText={t('users.add')}
        okButtonProps={{ loading: busy === '+' }}
        onOk={() => addForm.submit()}
        onCancel={() => setAdding(false)}
        forceRender
      >
        <Form form={addForm} name="user-add" layout="vertical" onFinish={(v) => void add(v)} initialValues={{ role: 'police' }}>
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, whitespace: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="displayName" label={t('auth.displayName')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('users.role')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`auth.role.${r}`) }))} />
          </Form.Item>
          <NewPasswordFields t={t} />
        </Form>
      </Modal>
      <Modal
        open={resetting !== null}
        title={`${t('users.resetPassword')}: ${resetting?.username ?? ''}`}
        okText={t('users.resetPassword')}
        okButtonProps={{ loading: busy !== null }}
        onOk={() => resetForm.submit()}
        onCancel={() => {
          setResetting(null);
          resetForm.resetFields();
        }}
        forceRender
      >
        <Form form={resetForm} name="user-reset" layout="vertical" onFinish={(v) => void reset(v)}>
          <NewPasswordFields t={t} label="auth.newPassword" />
        </Form>
      </Modal>
    </Card>
  );
}
