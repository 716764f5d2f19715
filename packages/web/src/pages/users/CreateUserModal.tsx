import { ROLES } from '@huican/core';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../api/types';
import { createUser, type NewUser } from '../../api/users';
import { FormModal } from '../../components/FormModal';
import { NewPasswordField } from '../../components/NewPasswordField';
import { RegionPicker } from '../../components/RegionPicker';
import { useFormSubmit } from '../../lib/form-errors';

const FIELDS = ['username', 'displayName', 'password', 'role', 'regionCode'] as const;

type Props = { open: boolean; onClose: () => void; onCreated: (user: UserAccount) => void };

export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NewUser>();

  const submission = useFormSubmit(form, FIELDS, {
    mutationFn: createUser,
    onSuccess: (user) => {
      onCreated(user);
      onClose();
    },
    fieldFor: (error) => (error.code === 'DUPLICATE_USERNAME' ? 'username' : undefined),
  });

  return (
    <FormModal<NewUser>
      open={open}
      title={t('users.create')}
      okText={t('common.create')}
      onClose={onClose}
      form={form}
      name="createUser"
      onFinish={(values) =>
        submission.submit({ ...values, username: values.username.trim(), displayName: values.displayName.trim() })
      }
      submission={submission}
    >
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
      <NewPasswordField name="password" label={t('users.password')} requiredMessage={t('users.passwordRequired')} />
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
    </FormModal>
  );
}
