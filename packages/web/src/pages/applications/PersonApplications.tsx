import type { ApplicationStatus } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Application, listApplications } from '../../api/applications';
import type { Person } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { ApplicationStatusTag } from './labels';

/** The person's applications, as a tab of the person's record. */
export function PersonApplications({ person }: { person: Person }) {
  const { t } = useTranslation();
  const applications = useQuery({
    queryKey: ['applications', 'person', person.id],
    queryFn: () => listApplications({ personId: person.id, page: 1, pageSize: 200 }),
  });
  const columns: TableColumnsType<Application> = [
    {
      title: t('applications.program'),
      dataIndex: 'programName',
      render: (name: string, row) => (
        <Link
          to={`/applications/${encodeURIComponent(row.id)}`}
          aria-label={t('applications.openProgram', { program: name, year: row.year })}
        >
          {name}
        </Link>
      ),
    },
    { title: t('applications.year'), dataIndex: 'year' },
    {
      title: t('applications.status'),
      dataIndex: 'status',
      render: (status: ApplicationStatus) => <ApplicationStatusTag status={status} />,
    },
    { title: t('applications.appliedOn'), dataIndex: 'appliedOn' },
    { title: t('applications.dueOn'), dataIndex: 'dueOn', render: (d: string | null) => d ?? '—' },
  ];
  return (
    <>
      <h2 className="section-title">{t('person.tabs.applications')}</h2>
      <LoadError error={applications.error} />
      <DataTable<Application>
        label={t('person.tabs.applications')}
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={applications.data?.items}
        loading={applications.isFetching}
        pagination={false}
      />
    </>
  );
}
