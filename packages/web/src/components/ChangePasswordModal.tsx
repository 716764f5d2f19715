import { useMutation } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { ApiError } from '../api/client';
import { showServerErrors } from '../lib/form-errors';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      void message.success(t('password.changed'));
      onClose();
    },
    onError: (error) => {
      // A wrong current password may come back without field details; it still belongs on that field.
      if (error instanceof ApiError && Object.keys(error.fields).length === 0 && error.status === 401) {
        form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
        return;
      }
      setFormError(showServerErrors(form, error, FIELDS));
    },
  });

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit', loading: mutation.isPending }}
      modalRender={(dialog) => (
        <Form
          form={form}
          name="changePassword"
          layout="vertical"
          clearOnDestroy
          onFinish={(values) => {
            setFormError(null);
            mutation.mutate(values);
          }}
        >
          {dialog}
        </Form>
      )}
    >
      {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.policy')}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: 10, message: t('password.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}
