import { PlusOutlined } from '@ant-design/icons';
import { can } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, InputNumber, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listPrograms } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { FilterForm, FilterSelect } from '../../components/FilterForm';
import { PagedTable } from '../../components/PagedTable';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';
import { GenerateCycleModal } from './GenerateCycleModal';
import { CycleStatusTag, cycleName, formatFen } from './labels';
import {
  CYCLE_KIND_OF,
  CYCLE_STATUSES,
  type Cycle,
  type CycleFilters,
  type CycleStatus,
  listCycles,
} from './payments-api';

const FILTERS = ['programCode', 'year', 'status'] as const;

type FilterValues = { programCode?: string; year?: number | null; status?: CycleStatus };

function intIn(raw: string | undefined, min: number, max: number): number | undefined {
  const value = Number(raw);
  return raw && Number.isInteger(value) && value >= min && value <= max ? value : undefined;
}

/** 资金发放: the payment cycles of the user's region (and those above it), with generation of new ones. */
export function CyclesPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { page, pageSize, filters: raw, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();
  const [generating, setGenerating] = useState(false);
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: listPrograms });

  const filters: CycleFilters = {
    programCode: raw.programCode || undefined,
    year: intIn(raw.year, 2000, 2100),
    status: (CYCLE_STATUSES as readonly string[]).includes(raw.status ?? '') ? (raw.status as CycleStatus) : undefined,
  };
  const query = { ...filters, page, pageSize };
  const cycles = useQuery({
    queryKey: ['payments', 'cycles', query],
    queryFn: ({ signal }) => listCycles(query, signal),
    placeholderData: keepPreviousData,
  });

  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters' values
  useEffect(() => {
    form.setFieldsValue({ ...filters, year: filters.year ?? null });
  }, [form, filterKey]);

  const cashPrograms = (programs.data ?? []).filter((p) => CYCLE_KIND_OF[p.kind]);

  const columns: TableColumnsType<Cycle> = [
    {
      title: t('payments.period'),
      dataIndex: 'period',
      render: (period: string, cycle) => (
        <Link
          to={`/payments/${encodeURIComponent(cycle.id)}`}
          aria-label={t('payments.openCycle', { name: cycleName(t, cycle), region: cycle.regionName ?? '' })}
          className="nowrap"
        >
          {period}
        </Link>
      ),
    },
    { title: t('payments.program'), key: 'program', render: (_, c) => c.programName ?? c.programCode },
    { title: t('payments.kind'), dataIndex: 'kind', render: (kind: Cycle['kind']) => t(`payments.cycleKind.${kind}`) },
    { title: t('payments.region'), key: 'region', render: (_, c) => c.regionName ?? c.regionCode },
    {
      title: t('payments.status'),
      dataIndex: 'status',
      render: (status: CycleStatus) => <CycleStatusTag status={status} />,
    },
    { title: t('payments.lineCount'), dataIndex: 'count', align: 'right' },
    {
      title: t('payments.total'),
      dataIndex: 'totalCents',
      align: 'right',
      render: (cents: number) => <span className="nowrap">{formatFen(cents)}</span>,
    },
    {
      title: t('payments.createdAt'),
      dataIndex: 'createdAt',
      render: (at: string) => <span className="nowrap">{formatDateTime(at)}</span>,
    },
    {
      title: t('payments.createdBy'),
      dataIndex: 'createdByName',
      render: (name: string | null | undefined) => name ?? '—',
    },
  ];

  return (
    <>
      <PageTitle
        title={t('payments.title')}
        extra={
          can(user.role, 'payments.create') ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setGenerating(true)}>
              {t('payments.generate')}
            </Button>
          ) : null
        }
      />
      <FilterForm<FilterValues>
        form={form}
        name="cycleFilters"
        label={t('payments.filtersLabel')}
        initialValues={{ ...filters, year: filters.year ?? null }}
        onFinish={(values) =>
          setFilters({
            programCode: values.programCode,
            year: values.year ? String(values.year) : undefined,
            status: values.status,
          })
        }
        onReset={() => setFilters({})}
      >
        <Form.Item name="programCode" label={t('payments.program')}>
          <FilterSelect
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            options={cashPrograms.map((p) => ({ value: p.code, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="year" label={t('payments.year')}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="status" label={t('payments.status')}>
          <FilterSelect
            style={{ width: 140 }}
            values={CYCLE_STATUSES}
            labelOf={(value) => t(`payments.cycleStatus.${value}`)}
          />
        </Form.Item>
      </FilterForm>
      <PagedTable<Cycle>
        label={t('payments.listLabel')}
        rowKey="id"
        size="middle"
        columns={columns}
        result={cycles}
        paging={{ page, pageSize, setPage }}
      />
      <GenerateCycleModal
        open={generating}
        programs={cashPrograms}
        onClose={() => setGenerating(false)}
        onGenerated={(cycle, announcement) =>
          navigate(`/payments/${encodeURIComponent(cycle.id)}`, { state: { announcement } })
        }
      />
    </>
  );
}
