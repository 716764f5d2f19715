import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { ROLES, type UserAccount } from '../../api/types';
import { createUser, type NewUser } from '../../api/users';
import { RegionPicker } from '../../components/RegionPicker';
import { showServerErrors } from '../../lib/form-errors';

const FIELDS = ['username', 'displayName', 'password', 'role', 'regionCode'] as const;

type Props = { open: boolean; onClose: () => void; onCreated: (user: UserAccount) => void };

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUser>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: (user) => {
      onCreated(user);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'DUPLICATE_USERNAME') {
        form.setFields([{ name: 'username', errors: [error.message] }]);
        return;
      }
      setFormError(showServerErrors(form, error, FIELDS));
    },
  });

  return (
    <Modal
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      modalRender={(dialog) => (
        <Form<NewUser>
          form={form}
          name="createUser"
          layout="vertical"
          clearOnDestroy
          onFinish={(values) => {
            setFormError(null);
            mutation.mutate({ ...values, username: values.username.trim(), displayName: values.displayName.trim() });
          }}
        >
          {dialog}
        </Form>
      )}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="username"
        label={t('users.username')}
        rules={[{ required: true, whitespace: true, message: t('users.usernameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, message: t('users.displayNameRequired') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('users.password')}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('users.passwordRequired') },
          { min: 10, message: t('password.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('users.roleRequired') }]}>
        <Select options={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label={t('users.region')}
        rules={[{ required: true, message: t('users.regionRequired') }]}
      >
        <RegionPicker />
      </Form.Item>
    </Modal>
  );
}
