import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../api/auth';
import { useFormSubmit } from '../lib/form-errors';
import { NewPasswordField } from './NewPasswordField';

type Values = { currentPassword: string; newPassword: string; confirmPassword: string };

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const submission = useFormSubmit(form, FIELDS, {
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: () => {
      void message.success(t('password.changed'));
      onClose();
    },
    // A wrong current password may come back without field details; it still belongs on that field.
    fieldFor: (error) =>
      Object.keys(error.fields).length === 0 && error.status === 401 ? 'currentPassword' : undefined,
  });

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ htmlType: 'submit', loading: submission.isPending }}
      modalRender={(dialog) => (
        <Form form={form} name="changePassword" layout="vertical" clearOnDestroy onFinish={submission.submit}>
          {dialog}
        </Form>
      )}
    >
      {submission.error ? (
        <Alert type="error" showIcon title={submission.error} role="alert" style={{ marginBottom: 16 }} />
      ) : null}
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordField name="newPassword" label={t('password.new')} requiredMessage={t('password.newRequired')} />
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
