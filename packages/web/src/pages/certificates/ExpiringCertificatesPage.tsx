import { isRegionCode } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select, type TableColumnsType, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listExpiringCertificates } from '../../api/persons';
import type { ExpiringCertificate, RegionCount } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { FilterForm } from '../../components/FilterForm';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';
import { tablePagination, useListParams } from '../../lib/list-params';

const DAY_OPTIONS = [30, 90, 180] as const;
const DEFAULT_DAYS = 90;
const FILTERS = ['days', 'regionCode'] as const;

type FilterValues = { days: number; regionCode?: string };

/** 到期换证: certificates ending within 30, 90 or 180 days (and those already expired), with counts per region. */
export function ExpiringCertificatesPage() {
  const { t } = useTranslation();
  const { page, pageSize, filters, setPage, setFilters } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();

  const days = DAY_OPTIONS.find((value) => String(value) === filters.days) ?? DEFAULT_DAYS;
  const regionCode = isRegionCode(filters.regionCode) ? filters.regionCode : undefined;
  const query = { days, regionCode, page, pageSize };
  const expiring = useQuery({
    queryKey: ['certificates', 'expiring', query],
    queryFn: () => listExpiringCertificates(query),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    form.setFieldsValue({ days, regionCode });
  }, [form, days, regionCode]);

  const regionColumns: TableColumnsType<RegionCount> = [
    {
      title: t('expiring.regionName'),
      dataIndex: 'regionName',
      render: (name: string | null, row) => name ?? row.regionCode,
    },
    { title: t('expiring.count'), dataIndex: 'count', align: 'right' },
  ];

  const columns: TableColumnsType<ExpiringCertificate> = [
    {
      title: t('expiring.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Link
          to={`/persons/${encodeURIComponent(row.personId)}?tab=certificate`}
          aria-label={t('persons.openNamed', { name })}
        >
          {name}
        </Link>
      ),
    },
    {
      title: t('expiring.region'),
      dataIndex: 'regionName',
      render: (name: string | null, row) => name ?? row.regionCode,
    },
    {
      title: t('expiring.certificateNumber'),
      dataIndex: 'certificateNumber',
      render: (number: string) => <span className="nowrap">{number}</span>,
    },
    { title: t('expiring.validUntil'), dataIndex: 'validUntil' },
    {
      title: t('expiring.daysLeft'),
      dataIndex: 'daysLeft',
      align: 'right',
      render: (daysLeft: number) =>
        daysLeft < 0 ? (
          <Typography.Text type="danger">{t('expiring.overdue', { days: -daysLeft })}</Typography.Text>
        ) : (
          t('expiring.daysLeftValue', { days: daysLeft })
        ),
    },
  ];

  return (
    <>
      <PageTitle title={t('expiring.title')} />
      <FilterForm<FilterValues>
        form={form}
        name="expiringFilters"
        label={t('expiring.filtersLabel')}
        initialValues={{ days, regionCode }}
        onFinish={(values) => setFilters({ days: String(values.days), regionCode: values.regionCode })}
        onReset={() => {
          form.setFieldsValue({ days: DEFAULT_DAYS, regionCode: undefined });
          setFilters({});
        }}
      >
        <Form.Item name="days" label={t('expiring.days')}>
          <Select
            style={{ width: 140 }}
            options={DAY_OPTIONS.map((value) => ({ value, label: t('expiring.daysOption', { days: value }) }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('expiring.region')}>
          <RegionPicker style={{ width: 260 }} placeholder={t('common.allRegions')} />
        </Form.Item>
      </FilterForm>
      <LoadError error={expiring.error} style={{ marginBottom: 16 }} />
      {expiring.data ? (
        <Typography.Paragraph role="status">
          {t('expiring.summary', { total: expiring.data.total, days })}
        </Typography.Paragraph>
      ) : null}
      <h2 className="section-title">{t('expiring.byRegionTitle')}</h2>
      <DataTable<RegionCount>
        label={t('expiring.byRegionTitle')}
        rowKey="regionCode"
        size="small"
        columns={regionColumns}
        dataSource={expiring.data?.byRegion}
        loading={expiring.isFetching}
        pagination={false}
        style={{ maxWidth: 480, marginBottom: 16 }}
      />
      <h2 className="section-title">{t('expiring.listTitle')}</h2>
      <DataTable<ExpiringCertificate>
        label={t('expiring.listTitle')}
        rowKey="personId"
        size="middle"
        columns={columns}
        dataSource={expiring.data?.items}
        loading={expiring.isFetching}
        pagination={tablePagination({ page, pageSize, total: expiring.data?.total ?? 0, onChange: setPage, t })}
      />
    </>
  );
}
