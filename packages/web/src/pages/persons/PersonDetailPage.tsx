import { ArrowLeftOutlined, EditOutlined, FileAddOutlined, IdcardOutlined } from '@ant-design/icons';
import { PERMISSIONS } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getPerson } from '../../api/persons';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can, canOpen } from '../../auth/permissions';
import { ButtonLink } from '../../components/ButtonLink';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { FileApplicationModal } from '../applications/FileApplicationModal';
import { PersonApplications } from '../applications/PersonApplications';
import { NotFoundPage } from '../errors/NotFoundPage';
import { PersonRehab } from '../rehab/PersonRehab';
import { BasicInfoTab } from './BasicInfoTab';
import { CertificateTab } from './CertificateTab';
import { HistoryTab } from './HistoryTab';
import { HouseholdTab } from './HouseholdTab';
import { PersonStatusTag } from './labels';
import { NeedsTab } from './NeedsTab';
import { PaymentsTab } from './PaymentsTab';

const TABS = ['basic', 'certificate', 'household', 'needs', 'applications', 'rehab', 'payments', 'history'] as const;
type TabKey = (typeof TABS)[number];

/** The rehabilitation year chosen in the address (`?year=`), or none (the current year). */
function yearParam(raw: string | null): number | undefined {
  const year = Number(raw);
  return raw && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

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
  const [filing, setFiling] = useState<'programme' | 'certificate' | null>(null);

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
      children: can(user.role, 'applications') ? (
        <PersonApplications person={data} />
      ) : (
        <Typography.Paragraph>{t('person.applicationsPlaceholder')}</Typography.Paragraph>
      ),
    },
    ...(can(user.role, 'rehab')
      ? [
          {
            key: 'rehab',
            label: t('person.tabs.rehab'),
            children: (
              <PersonRehab
                personId={data.id}
                personName={data.name}
                active={data.status === 'active'}
                year={yearParam(params.get('year'))}
                onYearChange={(year) =>
                  setParams(
                    (current) => {
                      const next = new URLSearchParams(current);
                      next.set('year', String(year));
                      return next;
                    },
                    { replace: true },
                  )
                }
              />
            ),
          },
        ]
      : []),
    ...(canOpen(user.role, PERMISSIONS['payments.read'])
      ? [{ key: 'payments', label: t('person.tabs.payments'), children: <PaymentsTab person={data} /> }]
      : []),
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
            {can(user.role, 'applicationsFile') && data.status === 'active' ? (
              <Button icon={<FileAddOutlined aria-hidden />} onClick={() => setFiling('programme')}>
                {t('fileApplication.open')}
              </Button>
            ) : null}
            {/* A certificate service may concern a person who is not active (transfer in, cancellation). */}
            {can(user.role, 'applicationsFile') ? (
              <Button icon={<IdcardOutlined aria-hidden />} onClick={() => setFiling('certificate')}>
                {t('fileCertificate.open')}
              </Button>
            ) : null}
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
              if (key !== 'rehab') next.delete('year');
              return next;
            },
            { replace: true },
          )
        }
      />
      {can(user.role, 'applicationsFile') ? (
        <>
          <FileApplicationModal person={data} open={filing === 'programme'} onClose={() => setFiling(null)} />
          <FileApplicationModal
            person={data}
            catalogue="certificate"
            open={filing === 'certificate'}
            onClose={() => setFiling(null)}
          />
        </>
      ) : null}
    </>
  );
}
