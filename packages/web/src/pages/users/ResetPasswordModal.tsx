import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserAccount } from '../../api/types';
import { resetUserPassword } from '../../api/users';
import { FormModal } from '../../components/FormModal';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useFormSubmit } from '../../lib/form-errors';

type Values = { password: string };

type Props = { user: UserAccount | null; onClose: () => void; onDone: (user: UserAccount) => void };

export function ResetPasswordModal({ user, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  const submission = useFormSubmit(form, ['password'], {
    mutationFn: ({ target, password }: { target: UserAccount; password: string }) =>
      resetUserPassword(target.id, password),
    onSuccess: (_, { target }) => {
      onDone(target);
      onClose();
    },
  });

  return (
    <FormModal<Values>
      open={user !== null}
      title={t('users.resetTitle', { username: user?.username ?? '' })}
      okText={t('common.save')}
      onClose={onClose}
      form={form}
      name="resetPassword"
      onFinish={({ password }) => {
        if (user) submission.submit({ target: user, password });
      }}
      submission={submission}
      intro={<Typography.Paragraph>{t('users.resetHint')}</Typography.Paragraph>}
    >
      <NewPasswordField name="password" label={t('users.newPassword')} requiredMessage={t('users.passwordRequired')} />
    </FormModal>
  );
}
