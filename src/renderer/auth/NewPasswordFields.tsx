import { LockOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import type { MessageKey, MessageParams } from '../../shared/i18n';

type T = (key: MessageKey, params?: MessageParams) => string;

/** The shortest password main accepts (it checks again). */
export const MIN_PASSWORD = 8;

/**
 * A new password typed twice (fields `password` and `confirm` of the enclosing form): a typo in a
 * password nobody sees would lock its owner out.
 */
export function NewPasswordFields({ t, label = 'auth.password' }: { t: T; label?: MessageKey }) {
  return (
    <>
      <Form.Item
        name="password"
        label={t(label)}
        rules={[
          { required: true, message: t('auth.passwordNeeded') },
          { min: MIN_PASSWORD, message: t('auth.shortPassword', { min: MIN_PASSWORD }) },
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.passwordAgain')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('auth.passwordAgainNeeded') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue('password') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password prefix={<LockOutlined />} autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
