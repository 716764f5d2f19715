import { isRegionCode } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getSurveyProgress } from '../../api/surveys';
import type { SurveyProgressRow } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { RegionPicker } from '../../components/RegionPicker';

const YEARS_BACK = 5;

type FilterValues = { year: number; regionCode?: string };

/** The server rounds half-up to 2 decimals; show those two decimals as given. */
const percent = (rate: number | string) => {
  const value = Number(rate);
  return Number.isFinite(value) ? value.toFixed(2) : String(rate);
};

/** 动态更新: the share of active persons surveyed this year, per child region of the chosen one. */
export function SurveyProgressPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<FilterValues>();
  const thisYear = dayjs().year();
  const years = Array.from({ length: YEARS_BACK + 1 }, (_, index) => thisYear - index);

  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= thisYear + 1 ? yearParam : thisYear;
  const rawRegion = params.get('regionCode');
  const regionCode = isRegionCode(rawRegion) ? rawRegion : undefined;

  const query = { year, regionCode };
  const progress = useQuery({
    queryKey: ['surveys', 'progress', query],
    queryFn: () => getSurveyProgress(query),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    form.setFieldsValue({ year, regionCode });
  }, [form, year, regionCode]);

  const columns: TableColumnsType<SurveyProgressRow> = [
    {
      title: t('surveys.regionName'),
      dataIndex: 'regionName',
      render: (name: string | null, row) => name ?? row.regionCode,
    },
    { title: t('surveys.active'), dataIndex: 'active', align: 'right' },
    { title: t('surveys.surveyed'), dataIndex: 'surveyed', align: 'right' },
    {
      title: t('surveys.rate'),
      dataIndex: 'rate',
      align: 'right',
      render: (rate: number | string) => `${percent(rate)}%`,
    },
  ];

  const total = progress.data?.total;

  return (
    <>
      <PageTitle title={t('surveys.title')} />
      <Form<FilterValues>
        form={form}
        name="surveyFilters"
        layout="inline"
        aria-label={t('surveys.filtersLabel')}
        initialValues={{ year, regionCode }}
        onFinish={(values) => {
          const next = new URLSearchParams();
          next.set('year', String(values.year));
          if (values.regionCode) next.set('regionCode', values.regionCode);
          setParams(next);
        }}
        style={{ marginBottom: 16, rowGap: 12 }}
      >
        <Form.Item name="year" label={t('surveys.year')}>
          <Select style={{ width: 120 }} options={years.map((value) => ({ value, label: String(value) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('surveys.region')}>
          <RegionPicker style={{ width: 260 }} placeholder={t('common.allRegions')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      <LoadError error={progress.error} style={{ marginBottom: 16 }} />
      {total ? (
        <Typography.Paragraph role="status" strong>
          {t('surveys.summary', {
            year: progress.data?.year ?? year,
            active: total.active,
            surveyed: total.surveyed,
            rate: percent(total.rate),
          })}
        </Typography.Paragraph>
      ) : null}
      <DataTable<SurveyProgressRow>
        label={t('surveys.tableTitle')}
        rowKey="regionCode"
        size="middle"
        columns={columns}
        dataSource={progress.data?.rows}
        loading={progress.isFetching}
        pagination={false}
        summary={() =>
          total ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('surveys.total')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{total.active}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{total.surveyed}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <strong>{percent(total.rate)}%</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
    </>
  );
}
