import { isRegionCode } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, InputNumber, Select, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listRehabPlans, REHAB_PLAN_STATUSES, type RehabPlanRow, type RehabPlanStatus } from '../../api/rehab';
import { useCurrentUser } from '../../auth/AuthProvider';
import { can } from '../../auth/permissions';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';
import { SearchButtons } from '../../components/SearchButtons';
import { tablePagination, useListParams } from '../../lib/list-params';
import { orDash } from '../persons/labels';
import { PlanProgressBar, PlanStatusTag, periodText } from './labels';

const FILTERS = ['year', 'regionCode', 'status'] as const;

type FilterValues = { year?: number | null; regionCode?: string; status?: RehabPlanStatus };

/** Where a plan's person is opened: the record's tab, or (institution users, who do not read the registry) the rehab page. */
export function personRehabPath(canReadRegistry: boolean, personId: string, year: number) {
  const id = encodeURIComponent(personId);
  return canReadRegistry ? `/persons/${id}?tab=rehab&year=${year}` : `/rehab/persons/${id}?year=${year}`;
}

/** 精准康复: the rehabilitation plans in the user's scope with their progress, filtered by year, region and status. */
export function RehabPlansPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { page, pageSize, filters: raw, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();

  const year = Number(raw.year);
  const filters = {
    year: raw.year && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
    regionCode: isRegionCode(raw.regionCode) ? raw.regionCode : undefined,
    status: (REHAB_PLAN_STATUSES as readonly string[]).includes(raw.status ?? '')
      ? (raw.status as RehabPlanStatus)
      : undefined,
  };
  const query = { ...filters, page, pageSize };
  const plans = useQuery({
    queryKey: ['rehab', 'plans', query],
    queryFn: ({ signal }) => listRehabPlans(query, signal),
    placeholderData: keepPreviousData,
  });

  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters' values
  useEffect(() => {
    form.setFieldsValue({ year: filters.year ?? null, regionCode: filters.regionCode, status: filters.status });
  }, [form, filterKey]);

  const readsRegistry = can(user.role, 'persons');
  const columns: TableColumnsType<RehabPlanRow> = [
    {
      title: t('rehab.person'),
      dataIndex: 'personName',
      render: (name: string, row) => (
        <Link
          to={personRehabPath(readsRegistry, row.personId, row.year)}
          state={{ name }}
          aria-label={t('rehab.openNamed', { name })}
        >
          {name}
        </Link>
      ),
    },
    {
      title: t('rehab.idNumber'),
      dataIndex: 'personIdNumber',
      render: (id: string) => <span className="nowrap">{id}</span>,
    },
    { title: t('rehab.year'), dataIndex: 'year' },
    { title: t('rehab.region'), key: 'region', render: (_, row) => row.regionName ?? row.regionCode },
    { title: t('rehab.institution'), dataIndex: 'institutionName', render: orDash },
    {
      title: t('rehab.period'),
      key: 'period',
      render: (_, row) => <span className="nowrap">{periodText(t, row)}</span>,
    },
    {
      title: t('rehab.status'),
      dataIndex: 'status',
      render: (status: RehabPlanStatus) => <PlanStatusTag status={status} />,
    },
    {
      title: t('rehab.progress'),
      key: 'progress',
      render: (_, row) => (
        <PlanProgressBar progress={row.progress} label={t('rehab.progressLabel', { name: row.personName })} />
      ),
    },
  ];

  const title = t('rehab.listTitle');
  return (
    <>
      <PageTitle title={title} />
      <Form<FilterValues>
        form={form}
        name="rehabPlanFilters"
        layout="inline"
        aria-label={t('rehab.filtersLabel')}
        initialValues={{ year: filters.year ?? null, regionCode: filters.regionCode, status: filters.status }}
        onFinish={(values) =>
          setFilters({
            year: values.year ? String(values.year) : undefined,
            regionCode: values.regionCode,
            status: values.status,
          })
        }
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="year" label={t('rehab.year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('rehab.region')}>
          <RegionPicker style={{ width: 220 }} placeholder={t('common.allRegions')} />
        </Form.Item>
        <Form.Item name="status" label={t('rehab.status')}>
          <Select
            allowClear
            placeholder={t('rehab.allStatuses')}
            style={{ width: 140 }}
            options={REHAB_PLAN_STATUSES.map((value) => ({ value, label: t(`rehab.statuses.${value}`) }))}
          />
        </Form.Item>
        <SearchButtons onReset={() => setFilters({})} />
      </Form>
      <LoadError error={plans.error} style={{ marginBottom: 16 }} />
      <DataTable<RehabPlanRow>
        label={title}
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={plans.data?.items}
        loading={plans.isFetching}
        pagination={tablePagination({ page, pageSize, total: plans.data?.total ?? 0, onChange: setPage, t })}
      />
    </>
  );
}
