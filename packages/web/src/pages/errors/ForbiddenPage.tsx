import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/PageTitle';

export function ForbiddenPage() {
  const { t } = useTranslation();
  const title = t('errors.forbiddenTitle');
  useDocumentTitle(title);
  return (
    <Result
      status="403"
      title={<h1 className="page-title">{title}</h1>}
      subTitle={t('errors.forbiddenText')}
      extra={<Link to="/">{t('errors.backHome')}</Link>}
    />
  );
}
