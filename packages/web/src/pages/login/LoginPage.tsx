import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { type Credentials, signIn } from '../../api/auth';
import { type ReturnTo, useAuth } from '../../auth/AuthProvider';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useDocumentTitle } from '../../components/PageTitle';

function returnPath(state: unknown): string {
  const from = (state as { from?: ReturnTo } | null)?.from;
  if (!from || from.pathname === '/login') return '/';
  return `${from.pathname}${from.search}${from.hash}`;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { user, sessionExpired, signedIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);
  useDocumentTitle(t('login.pageTitle'));

  const mutation = useMutation({
    mutationFn: (credentials: Credentials) => signIn(credentials),
    onSuccess: ({ user: signedInUser }) => {
      signedIn(signedInUser);
      navigate(target, { replace: true });
    },
  });

  if (user && !mutation.isSuccess) return <Navigate to={target} replace />;

  return (
    <main id="main" className="login-page" tabIndex={-1}>
      <Flex justify="flex-end" style={{ width: '100%', maxWidth: 400, marginBottom: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Card className="login-card">
        <h1 className="login-brand">
          <span className="login-brand-name">{t('app.name')}</span>
          <span className="login-brand-subtitle">{t('app.subtitle')}</span>
        </h1>
        <div role="alert" aria-live="assertive" aria-atomic="true">
          {mutation.isError ? (
            <Alert type="error" showIcon title={mutation.error.message} style={{ marginBottom: 16 }} role="none" />
          ) : sessionExpired ? (
            <Alert type="warning" showIcon title={t('login.sessionExpired')} style={{ marginBottom: 16 }} role="none" />
          ) : null}
        </div>
        <Form<Credentials>
          name="login"
          layout="vertical"
          requiredMark={false}
          aria-label={t('login.formLabel')}
          onFinish={(values) => mutation.mutate(values)}
          disabled={mutation.isPending}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
