import { Alert, Form, type FormInstance, type FormProps, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSubmit } from '../lib/form-errors';

type FormModalProps<V> = {
  open: boolean;
  title: ReactNode;
  okText: string;
  width?: number;
  onClose: () => void;
  form: FormInstance<V>;
  /** The form's name, which also prefixes its fields' ids. */
  name: string;
  initialValues?: FormProps<V>['initialValues'];
  onFinish: (values: V) => void;
  /** From useFormSubmit: its pending state on the OK button, its error above the fields until the dialog closes. */
  submission: Pick<FormSubmit, 'error' | 'clearError' | 'isPending'>;
  /** What stands above the error and the fields: hints, the present state. */
  intro?: ReactNode;
  children: ReactNode;
};

/** A dialog that is one form: OK submits it, Cancel closes it, and closing forgets what was typed. */
export function FormModal<V>({
  open,
  title,
  okText,
  width,
  onClose,
  form,
  name,
  initialValues,
  onFinish,
  submission,
  intro,
  children,
}: FormModalProps<V>) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      afterClose={submission.clearError}
      destroyOnHidden
      width={width}
      okButtonProps={{ htmlType: 'submit', loading: submission.isPending }}
      modalRender={(dialog) => (
        <Form<V>
          form={form}
          name={name}
          layout="vertical"
          clearOnDestroy
          initialValues={initialValues}
          onFinish={onFinish}
        >
          {dialog}
        </Form>
      )}
    >
      {intro}
      {submission.error ? <Alert type="error" showIcon title={submission.error} style={{ marginBottom: 16 }} /> : null}
      {children}
    </Modal>
  );
}
