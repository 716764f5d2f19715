import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { todayInChina } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { getProgram } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { ActiveTag, kindName, unitName } from './labels';
import { PlanSection } from './PlanSection';
import { ProgramEditModal } from './ProgramEditModal';
import { RuleSection } from './RuleSection';
import { TargetsSection } from './TargetsSection';

/** One programme: its catalogue entry, and per year its rule, standard, budget and township targets. */
export function ProgramDetailPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const currentYear = Number(todayInChina().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : currentYear;

  const program = useQuery({ queryKey: ['programs', 'detail', code], queryFn: () => getProgram(code) });

  const back = (
    <Typography.Paragraph>
      <Link to="/programs">
        <ArrowLeftOutlined aria-hidden /> {t('program.backToList')}
      </Link>
    </Typography.Paragraph>
  );

  if (program.isError) {
    if (program.error instanceof ApiError && program.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('programs.title')} />
        {back}
        <Alert type="error" showIcon title={t('errors.loadFailed', { message: program.error.message })} />
      </>
    );
  }
  if (!program.data) return <PageLoading />;
  const data = program.data;
  const yearView = data.years.find((y) => y.year === year);
  const years = [
    ...new Set([...data.years.map((y) => y.year), currentYear - 1, currentYear, currentYear + 1, year]),
  ].sort((a, b) => b - a);

  return (
    <>
      {back}
      <PageTitle
        title={data.name}
        extra={
          <>
            <ActiveTag active={data.active} />
            {can(user.role, 'programsWrite') ? (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'code', label: t('programs.code'), children: data.code },
          { key: 'kind', label: t('programs.kind'), children: kindName(t, data.kind) },
          { key: 'unit', label: t('programs.unit'), children: unitName(t, data.unit) },
          {
            key: 'auto',
            label: t('programs.autoApproval'),
            children: data.autoApproval ? t('common.yes') : t('common.no'),
          },
          {
            key: 'documents',
            label: t('programs.requiredDocuments'),
            span: 'filled',
            children:
              data.requiredDocuments.length > 0 ? (
                <ul className="plain-list">
                  {data.requiredDocuments.map((document) => (
                    <li key={document}>{document}</li>
                  ))}
                </ul>
              ) : (
                t('common.none')
              ),
          },
          {
            key: 'institutions',
            label: t('program.institutions'),
            span: 'filled',
            children:
              data.institutions.length > 0 ? (
                <ul className="plain-list">
                  {data.institutions.map((institution) => (
                    <li key={institution.id}>
                      <Link to={`/institutions/${encodeURIComponent(institution.id)}`}>{institution.name}</Link>
                    </li>
                  ))}
                </ul>
              ) : (
                t('common.none')
              ),
          },
        ]}
      />
      <Form layout="inline" style={{ marginTop: 24 }} aria-label={t('program.yearLabel')}>
        <Form.Item label={t('program.year')} htmlFor="programYear">
          <Select
            id="programYear"
            value={year}
            style={{ width: 120 }}
            options={years.map((value) => ({ value, label: t('program.yearOption', { year: value }) }))}
            onChange={(value) =>
              setParams(
                (current) => {
                  const next = new URLSearchParams(current);
                  if (value === currentYear) next.delete('year');
                  else next.set('year', String(value));
                  return next;
                },
                { replace: true },
              )
            }
          />
        </Form.Item>
      </Form>
      <RuleSection
        key={`${year}:${JSON.stringify(yearView?.rule ?? data.rule)}`}
        program={data}
        year={year}
        yearView={yearView}
      />
      <PlanSection program={data} year={year} yearView={yearView} />
      <TargetsSection program={data} year={year} />
      {can(user.role, 'programsWrite') ? (
        <ProgramEditModal program={data} open={editing} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
