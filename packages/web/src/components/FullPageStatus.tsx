import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** What the whole window shows before the app knows who is signed in. */
export function FullPageStatus({ error, onRetry }: { error?: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="login-page" tabIndex={-1}>
      {error ? (
        <Result
          status="warning"
          title={<h1 className="page-title">{t('app.fullName')}</h1>}
          subTitle={<span role="alert">{t('errors.loadFailed', { message: error.message })}</span>}
          extra={
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          }
        />
      ) : (
        <>
          <h1 className="visually-hidden">{t('app.fullName')}</h1>
          <div role="status">
            <Spin size="large" /> <span>{t('common.loading')}</span>
          </div>
        </>
      )}
    </main>
  );
}
