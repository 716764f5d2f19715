import { regionLevel } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Descriptions, Flex, Form, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Grade, getRegistryStats, type RegistryStats, reportFiles } from '../../api/reports';
import { LoadError } from '../../components/LoadError';
import { TotalsRow } from '../../components/TotalsRow';
import { DownloadLink } from './DownloadLink';
import { ageGroupName, categoryLabel, countColumn, countText, Rate, ReportTable, rateColumn } from './report-format';

type Props = {
  regionCode: string | undefined;
  from: string | undefined;
  to: string | undefined;
  onPeriod: (from: string | undefined, to: string | undefined) => void;
  regionSearch: (code: string | undefined) => string;
};

const GRADES: Grade[] = ['1', '2', '3', '4'];
type CountRow = { key: string; name: ReactNode; count: number };

/** A small two-column table (what, how many) with its name as caption and heading. */
function CountTable({
  label,
  first,
  counted,
  rows,
  loading,
}: {
  label: string;
  first: string;
  /** The second column's heading: what is counted (persons by default). */
  counted?: string;
  rows: CountRow[];
  loading: boolean;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<CountRow> = [
    { title: first, dataIndex: 'name' },
    countColumn(counted ?? t('reports.registry.count'), 'count'),
  ];
  return (
    <ReportTable<CountRow>
      label={label}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
    />
  );
}

type MatrixRow = RegistryStats['persons']['categoryGrade']['rows'][number];
type CoverageRow = RegistryStats['persons']['byRegion'][number];

/** 残疾人基本状况统计: the registry as it stands, and the certificate work of a period. */
export function RegistryTab({ regionCode, from, to, onPeriod, regionSearch }: Props) {
  const { t } = useTranslation();
  const query = { regionCode, from, to };
  const stats = useQuery({
    queryKey: ['reports', 'registry', query],
    queryFn: ({ signal }) => getRegistryStats(query, signal),
    placeholderData: keepPreviousData,
    enabled: !(from && to && from > to),
  });
  const data = stats.data;
  const regionName = data?.regionName ?? t('common.allRegions');
  const loading = stats.isFetching;
  const periodError = from && to && from > to ? t('reports.registry.endsBeforeStart') : undefined;
  const shownFrom = from ?? data?.from;
  const shownTo = to ?? data?.to;

  const matrixLabel = t('reports.registry.categoryGrade');
  const matrixColumns: TableColumnsType<MatrixRow> = [
    { title: t('reports.category'), key: 'category', render: (_, r) => categoryLabel(t, r.category) },
    ...GRADES.map((g) => ({
      title: t(`registry.grades.${g}`),
      key: `grade${g}`,
      align: 'right' as const,
      render: (_: unknown, r: MatrixRow) => countText(r.byGrade[g]),
    })),
    countColumn(t('reports.total'), 'total'),
  ];

  const coverageLabel = t('reports.registry.coverage', { year: data?.needsUpdate.year ?? '' });
  const coverageColumns: TableColumnsType<CoverageRow> = [
    {
      title: t('reports.region'),
      dataIndex: 'regionName',
      render: (name: string | null, r) => {
        const text = name ?? r.regionCode;
        return r.regionCode !== data?.regionCode && regionLevel(r.regionCode) !== 'village' ? (
          <Link to={{ search: regionSearch(r.regionCode) }}>{text}</Link>
        ) : (
          text
        );
      },
    },
    countColumn(t('reports.registry.active'), 'active'),
    countColumn(t('reports.registry.surveyed'), 'surveyed'),
    rateColumn(
      t('reports.registry.coverageRate'),
      'coverageRate',
      (r) => r.coverageRate,
      t('reports.registry.noPersons'),
    ),
  ];

  const p = data?.persons;
  const c = data?.certificates;

  return (
    <section aria-labelledby="registry-title">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <h2 id="registry-title" className="section-title" style={{ margin: 0 }}>
          {t('reports.registry.title', { region: regionName })}
        </h2>
        <DownloadLink href={reportFiles.registry(query)}>{t('reports.registry.download')}</DownloadLink>
      </Flex>
      <Form layout="inline" name="registryPeriod" style={{ marginBottom: 12, rowGap: 12 }}>
        <Form.Item label={t('reports.registry.from')} htmlFor="registryFrom">
          <DatePicker
            id="registryFrom"
            value={shownFrom ? dayjs(shownFrom) : null}
            allowClear={false}
            onChange={(value) => onPeriod(value ? value.format('YYYY-MM-DD') : undefined, shownTo)}
          />
        </Form.Item>
        <Form.Item
          label={t('reports.registry.to')}
          htmlFor="registryTo"
          validateStatus={periodError ? 'error' : undefined}
          help={periodError}
        >
          <DatePicker
            id="registryTo"
            value={shownTo ? dayjs(shownTo) : null}
            allowClear={false}
            onChange={(value) => onPeriod(shownFrom, value ? value.format('YYYY-MM-DD') : undefined)}
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('reports.registry.hint')}</Typography.Paragraph>
      <LoadError error={stats.error} style={{ marginBottom: 16 }} />
      {p && c && data ? (
        <Flex vertical gap={24}>
          <Descriptions
            title={<h3 className="subsection-title">{t('reports.registry.overview')}</h3>}
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'total', label: t('reports.registry.total'), children: countText(p.total) },
              { key: 'active', label: t('reports.registry.active'), children: countText(p.active) },
              { key: 'deceased', label: t('reports.registry.deceased'), children: countText(p.byStatus.deceased) },
              { key: 'moved', label: t('reports.registry.movedOut'), children: countText(p.byStatus.moved_out) },
              {
                key: 'cancelled',
                label: t('reports.registry.personsCancelled'),
                children: countText(p.byStatus.cancelled),
              },
              {
                key: 'needsUpdate',
                label: t('reports.registry.needsUpdate', { year: data.needsUpdate.year }),
                children: (
                  <span>
                    {t('reports.registry.needsUpdateValue', {
                      surveyed: countText(data.needsUpdate.surveyed),
                      active: countText(data.needsUpdate.active),
                    })}{' '}
                    <Rate rate={data.needsUpdate.rate} missing={t('reports.registry.noPersons')} />
                  </span>
                ),
              },
            ]}
          />
          <div>
            <ReportTable<MatrixRow>
              label={matrixLabel}
              rowKey="category"
              size="small"
              columns={matrixColumns}
              dataSource={p.categoryGrade.rows}
              loading={loading}
              summary={() => (
                <TotalsRow
                  label={t('reports.total')}
                  figures={[
                    ...GRADES.map((g) => countText(p.categoryGrade.gradeTotals[g])),
                    countText(p.categoryGrade.withCertificate),
                  ]}
                />
              )}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('reports.registry.withoutCertificate', { count: p.categoryGrade.withoutCertificate })}
            </Typography.Paragraph>
          </div>
          <Flex gap={24} wrap>
            <div style={{ flex: '1 1 280px' }}>
              <CountTable
                label={t('reports.registry.ageGroups', { date: data.to })}
                first={t('reports.rehab.ageGroup')}
                loading={loading}
                rows={p.byAgeGroup.map((g) => ({ key: g.ageGroup, name: ageGroupName(t, g.ageGroup), count: g.count }))}
              />
            </div>
            <div style={{ flex: '1 1 280px' }}>
              <CountTable
                label={t('reports.registry.flags')}
                first={t('reports.registry.flag')}
                loading={loading}
                rows={[
                  { key: 'lowIncome', name: t('reports.registry.lowIncome'), count: p.flags.lowIncome },
                  { key: 'extremePoverty', name: t('reports.registry.extremePoverty'), count: p.flags.extremePoverty },
                  {
                    key: 'povertyMonitored',
                    name: t('reports.registry.povertyMonitored'),
                    count: p.flags.povertyMonitored,
                  },
                  { key: 'any', name: t('reports.registry.anyFlag'), count: p.flags.any },
                ]}
              />
            </div>
          </Flex>
          <ReportTable<CoverageRow>
            label={coverageLabel}
            rowKey="regionCode"
            size="small"
            columns={coverageColumns}
            dataSource={p.byRegion}
            loading={loading}
            summary={() => (
              <TotalsRow
                label={t('reports.total')}
                figures={[
                  countText(data.needsUpdate.active),
                  countText(data.needsUpdate.surveyed),
                  <Rate key="rate" rate={data.needsUpdate.rate} missing={t('reports.registry.noPersons')} />,
                ]}
              />
            )}
          />
          <Flex gap={24} wrap>
            <div style={{ flex: '1 1 280px' }}>
              <CountTable
                label={t('reports.registry.events', { from: data.from, to: data.to })}
                first={t('reports.registry.event')}
                counted={t('reports.registry.certificates')}
                loading={loading}
                rows={(['issued', 'renewed', 'changed', 'reissued', 'cancelled', 'imported'] as const).map((k) => ({
                  key: k,
                  name: t(`reports.registry.eventNames.${k}`),
                  count: c.events[k],
                }))}
              />
            </div>
            <div style={{ flex: '1 1 280px' }}>
              <CountTable
                label={t('reports.registry.status', { date: data.to })}
                first={t('reports.registry.certStatus')}
                loading={loading}
                rows={(['valid', 'expiring', 'expired', 'frozen', 'cancelled', 'none'] as const).map((k) => ({
                  key: k,
                  name: t(`reports.registry.statusNames.${k}`, { days: c.expiringWithinDays }),
                  count: c.status[k],
                }))}
              />
            </div>
          </Flex>
        </Flex>
      ) : null}
    </section>
  );
}
