import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getInstitution } from '../../api/institutions';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { ButtonLink } from '../../components/ButtonLink';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { agreementText, capacityText, useProgramNames } from './labels';

export function InstitutionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const institution = useQuery({ queryKey: ['institutions', 'detail', id], queryFn: () => getInstitution(id) });
  const programNames = useProgramNames();

  const back = (
    <Typography.Paragraph>
      <Link to="/institutions">
        <ArrowLeftOutlined aria-hidden /> {t('institution.backToList')}
      </Link>
    </Typography.Paragraph>
  );
  if (institution.isError) {
    if (institution.error instanceof ApiError && institution.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('institutions.title')} />
        {back}
        <Alert type="error" showIcon title={t('errors.loadFailed', { message: institution.error.message })} />
      </>
    );
  }
  if (!institution.data) return <PageLoading />;
  const data = institution.data;
  return (
    <>
      {back}
      <PageTitle
        title={data.name}
        extra={
          <>
            {data.active ? (
              <Tag color="success" variant="solid">
                {t('institutions.active')}
              </Tag>
            ) : (
              <Tag>{t('institutions.inactive')}</Tag>
            )}
            {can(user.role, 'institutionsWrite') ? (
              <ButtonLink to={`/institutions/${encodeURIComponent(data.id)}/edit`} icon={<EditOutlined aria-hidden />}>
                {t('common.edit')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('institutions.kind'), children: t(`institutions.kinds.${data.kind}`) },
          { key: 'region', label: t('institutions.region'), children: data.regionName ?? data.regionCode },
          { key: 'address', label: t('institutions.address'), children: data.address || '—' },
          { key: 'phone', label: t('institutions.phone'), children: data.phone || '—' },
          { key: 'capacity', label: t('institutions.capacity'), children: capacityText(t, data) },
          { key: 'agreement', label: t('institutions.agreement'), children: agreementText(t, data) },
          { key: 'programs', label: t('institutions.programs'), span: 'filled', children: programNames(data.programs) },
        ]}
      />
    </>
  );
}
