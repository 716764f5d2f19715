import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getPerson } from '../../api/persons';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { ButtonLink } from '../../components/ButtonLink';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { BasicInfoTab } from './BasicInfoTab';
import { CertificateTab } from './CertificateTab';
import { HistoryTab } from './HistoryTab';
import { HouseholdTab } from './HouseholdTab';
import { PersonStatusTag } from './labels';
import { NeedsTab } from './NeedsTab';

const TABS = ['basic', 'certificate', 'household', 'needs', 'applications', 'payments', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** 一人一档: one person's record, its sections as tabs; the open tab is kept in the address (`?tab=`). */
export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as TabKey)
    : 'basic';

  const person = useQuery({ queryKey: ['persons', 'detail', id], queryFn: () => getPerson(id) });

  const back = (
    <Typography.Paragraph>
      <Link to="/persons">
        <ArrowLeftOutlined aria-hidden /> {t('person.backToList')}
      </Link>
    </Typography.Paragraph>
  );

  if (person.isError) {
    if (person.error instanceof ApiError && person.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('persons.title')} />
        {back}
        <Alert type="error" showIcon title={t('person.loadFailed', { message: person.error.message })} />
      </>
    );
  }
  if (!person.data) {
    return <PageLoading />;
  }
  const data = person.data;

  const items = [
    { key: 'basic', label: t('person.tabs.basic'), children: <BasicInfoTab person={data} /> },
    { key: 'certificate', label: t('person.tabs.certificate'), children: <CertificateTab person={data} /> },
    { key: 'household', label: t('person.tabs.household'), children: <HouseholdTab person={data} /> },
    { key: 'needs', label: t('person.tabs.needs'), children: <NeedsTab person={data} /> },
    {
      key: 'applications',
      label: t('person.tabs.applications'),
      children: <Typography.Paragraph>{t('person.applicationsPlaceholder')}</Typography.Paragraph>,
    },
    {
      key: 'payments',
      label: t('person.tabs.payments'),
      children: <Typography.Paragraph>{t('person.paymentsPlaceholder')}</Typography.Paragraph>,
    },
    { key: 'history', label: t('person.tabs.history'), children: <HistoryTab person={data} /> },
  ];

  return (
    <>
      {back}
      <PageTitle
        title={data.name}
        extra={
          <>
            <PersonStatusTag status={data.status} />
            {can(user.role, 'personsWrite') ? (
              <ButtonLink to={`/persons/${encodeURIComponent(data.id)}/edit`} icon={<EditOutlined aria-hidden />}>
                {t('common.edit')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        items={items}
        onChange={(key) =>
          setParams(
            (current) => {
              const next = new URLSearchParams(current);
              if (key === 'basic') next.delete('tab');
              else next.set('tab', key);
              return next;
            },
            { replace: true },
          )
        }
      />
    </>
  );
}
