import { PASSWORD_MIN_LENGTH } from '@huican/core';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { name: string; label: string; requiredMessage: string };

/** A new password with the policy under it; the length is checked here, the rest of the policy by the server. */
export function NewPasswordField({ name, label, requiredMessage }: Props) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t('password.policy')}
      rules={[
        { required: true, message: requiredMessage },
        { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort') },
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
