import type { ProgramKind, ProgramUnit } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listPrograms, type Program } from '../../api/programs';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { ActiveTag, kindName, unitName } from './labels';

/** 项目管理: the programme catalogue with each programme's rule in words. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });

  const columns: TableColumnsType<Program> = [
    {
      title: t('programs.name'),
      dataIndex: 'name',
      render: (name: string, program) => (
        <Link to={`/programs/${encodeURIComponent(program.code)}`} aria-label={t('programs.openNamed', { name })}>
          {name}
        </Link>
      ),
    },
    { title: t('programs.kind'), dataIndex: 'kind', render: (kind: ProgramKind) => kindName(t, kind) },
    { title: t('programs.unit'), dataIndex: 'unit', render: (unit: ProgramUnit) => unitName(t, unit) },
    { title: t('programs.status'), dataIndex: 'active', render: (active: boolean) => <ActiveTag active={active} /> },
    {
      title: t('programs.autoApproval'),
      dataIndex: 'autoApproval',
      render: (auto: boolean) => (auto ? t('common.yes') : t('common.no')),
    },
    { title: t('programs.rule'), dataIndex: 'ruleText', width: 480 },
  ];

  return (
    <>
      <PageTitle title={t('programs.title')} />
      <LoadError error={programs.error} style={{ marginBottom: 16 }} />
      <DataTable<Program>
        label={t('programs.title')}
        rowKey="code"
        size="middle"
        columns={columns}
        dataSource={programs.data}
        loading={programs.isFetching}
        pagination={false}
      />
    </>
  );
}
