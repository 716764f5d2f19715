import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  const title = t('errors.notFoundTitle');
  useDocumentTitle(title);
  return (
    <Result
      status="404"
      title={<h1 className="page-title">{title}</h1>}
      subTitle={t('errors.notFoundText')}
      extra={<Link to="/">{t('errors.backHome')}</Link>}
    />
  );
}
