import { isRegionCode } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Input, Table, type TableColumnsType } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterForm, FilterSelect } from '../../components/FilterForm';
import { PagedTable } from '../../components/PagedTable';
import { RegionPicker } from '../../components/RegionPicker';
import { TotalsRow } from '../../components/TotalsRow';
import { useListParams } from '../../lib/list-params';
import { formatFen, LineStatusTag, labelledTable } from './labels';
import {
  type CycleDetail,
  type Entitlement,
  type EntitlementFilters,
  LINE_KINDS,
  LINE_STATUSES,
  type LineKind,
  type LineStatus,
  listEntitlements,
} from './payments-api';

const FILTERS = ['regionCode', 'kind', 'status', 'q'] as const;

/** 发放明细: the cycle's lines, filtered and paged on the server, with the totals of everything matched. */
export function EntitlementsTab({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const { page, pageSize, filters: raw, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<EntitlementFilters>();
  const filters: EntitlementFilters = {
    regionCode: isRegionCode(raw.regionCode) ? raw.regionCode : undefined,
    kind: (LINE_KINDS as readonly string[]).includes(raw.kind ?? '') ? (raw.kind as LineKind) : undefined,
    status: (LINE_STATUSES as readonly string[]).includes(raw.status ?? '') ? (raw.status as LineStatus) : undefined,
    q: raw.q?.trim() ? raw.q.trim().slice(0, 50) : undefined,
  };
  const query = { ...filters, page, pageSize };
  const lines = useQuery({
    queryKey: ['payments', 'entitlements', cycle.id, query],
    queryFn: ({ signal }) => listEntitlements(cycle.id, query, signal),
    placeholderData: keepPreviousData,
  });

  const filterKey = JSON.stringify(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filterKey stands for the filters' values
  useEffect(() => {
    form.setFieldsValue(filters);
  }, [form, filterKey]);

  const kinds = LINE_KINDS.filter((k) => cycle.lines.byKind[k] || filters.kind === k);
  const columns: TableColumnsType<Entitlement> = [
    { title: t('payments.person'), dataIndex: 'personName' },
    {
      title: t('payments.idNumber'),
      dataIndex: 'personIdNumber',
      render: (id: string) => <span className="nowrap">{id}</span>,
    },
    { title: t('payments.region'), key: 'region', render: (_, l) => l.regionName ?? l.regionCode },
    { title: t('payments.lineKind'), dataIndex: 'kind', render: (kind: LineKind) => t(`payments.lineKinds.${kind}`) },
    { title: t('payments.monthPaid'), dataIndex: 'period', render: (p: string) => <span className="nowrap">{p}</span> },
    { title: t('payments.grade'), dataIndex: 'grade', render: (g: number | null) => g ?? '—' },
    {
      title: t('payments.amount'),
      dataIndex: 'amountCents',
      align: 'right',
      render: (cents: number) => <span className="nowrap">{formatFen(cents)}</span>,
    },
    {
      title: t('payments.lineStatusLabel'),
      key: 'status',
      render: (_, l) => (
        <>
          <LineStatusTag status={l.status} />
          {l.failureReason ? <span>{l.failureReason}</span> : null}
          {l.paidOn ? <span className="nowrap">{l.paidOn}</span> : null}
        </>
      ),
    },
    { title: t('payments.payee'), dataIndex: 'payeeName' },
    {
      title: t('payments.bankAccount'),
      key: 'bank',
      render: (_, l) =>
        l.bankAccount ? (
          <>
            <span className="nowrap">{l.bankAccount}</span>
            {l.bankName ? <div>{l.bankName}</div> : null}
          </>
        ) : l.institutionId ? (
          t('payments.paidToInstitution')
        ) : (
          t('payments.noAccount')
        ),
    },
  ];

  const totals = lines.data?.totals;
  const label = t('payments.linesLabel');
  return (
    <section aria-label={t('payments.tabs.lines')}>
      <FilterForm<EntitlementFilters>
        form={form}
        name="lineFilters"
        label={t('payments.lineFiltersLabel')}
        initialValues={filters}
        onFinish={(values) => setFilters(values)}
        onReset={() => setFilters({})}
      >
        <Form.Item name="q" label={t('payments.lineQ')}>
          <Input allowClear placeholder={t('payments.lineQPlaceholder')} maxLength={50} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('payments.region')}>
          <RegionPicker style={{ width: 220 }} placeholder={t('common.allRegions')} />
        </Form.Item>
        <Form.Item name="kind" label={t('payments.lineKind')}>
          <FilterSelect style={{ width: 130 }} values={kinds} labelOf={(value) => t(`payments.lineKinds.${value}`)} />
        </Form.Item>
        <Form.Item name="status" label={t('payments.lineStatusLabel')}>
          <FilterSelect
            style={{ width: 130 }}
            values={LINE_STATUSES}
            labelOf={(value) => t(`payments.lineStatus.${value}`)}
          />
        </Form.Item>
      </FilterForm>
      <PagedTable<Entitlement>
        label={label}
        components={labelledTable(label)}
        rowKey="id"
        size="small"
        columns={columns}
        result={lines}
        paging={{ page, pageSize, setPage }}
        summary={() =>
          totals ? (
            <TotalsRow
              label={t('payments.linesTotal', { count: totals.count })}
              labelSpan={6}
              figures={[
                <span key="amount" className="nowrap">
                  {formatFen(totals.amountCents)}
                </span>,
              ]}
            >
              <Table.Summary.Cell index={7} colSpan={3} />
            </TotalsRow>
          ) : null
        }
      />
    </section>
  );
}
