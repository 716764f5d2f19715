import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../api/types';
import { resetUserPassword } from '../../api/users';
import { showServerErrors } from '../../lib/form-errors';

type Values = { password: string };

type Props = { user: UserAccount | null; onClose: () => void; onDone: (user: UserAccount) => void };

export function ResetPasswordModal({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: ({ target, password }: { target: UserAccount; password: string }) =>
      resetUserPassword(target.id, password),
    onSuccess: (_, { target }) => {
      onDone(target);
      onClose();
    },
    onError: (error) => setFormError(showServerErrors(form, error, ['password'])),
  });

  return (
    <Modal
      open={user !== null}
      title={t('users.resetTitle', { username: user?.username ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      modalRender={(dialog) => (
        <Form<Values>
          form={form}
          name="resetPassword"
          layout="vertical"
          clearOnDestroy
          onFinish={({ password }) => {
            if (!user) return;
            setFormError(null);
            mutation.mutate({ target: user, password });
          }}
        >
          {dialog}
        </Form>
      )}
    >
      <Typography.Paragraph>{t('users.resetHint')}</Typography.Paragraph>
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="password"
        label={t('users.newPassword')}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('users.passwordRequired') },
          { min: 10, message: t('password.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}
