import { regionLevel } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DatePicker, Descriptions, Flex, Form, Table, type TableColumnsType, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Grade, getRegistryStats, type RegistryStats, reportFiles } from '../../api/reports';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { DownloadLink } from './DownloadLink';
import { ageGroupName, categoryLabel, countText, namedTable, Rate } from './report-format';

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
    { title: counted ?? t('reports.registry.count'), dataIndex: 'count', align: 'right', render: countText },
  ];
  return (
    <DataTable<CountRow>
      label={label}
      components={namedTable(label)}
      title={() => <h3 className="subsection-title">{label}</h3>}
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
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
    { title: t('reports.total'), dataIndex: 'total', align: 'right', render: countText },
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
    { title: t('reports.registry.active'), dataIndex: 'active', align: 'right', render: countText },
    { title: t('reports.registry.surveyed'), dataIndex: 'surveyed', align: 'right', render: countText },
    {
      title: t('reports.registry.coverageRate'),
      key: 'coverageRate',
      align: 'right',
      render: (_, r) => <Rate rate={r.coverageRate} missing={t('reports.registry.noPersons')} />,
    },
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
            <DataTable<MatrixRow>
              label={matrixLabel}
              components={namedTable(matrixLabel)}
              title={() => <h3 className="subsection-title">{matrixLabel}</h3>}
              rowKey="category"
              size="small"
              columns={matrixColumns}
              dataSource={p.categoryGrade.rows}
              loading={loading}
              pagination={false}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('reports.total')}</strong>
                  </Table.Summary.Cell>
                  {GRADES.map((g, i) => (
                    <Table.Summary.Cell key={g} index={i + 1} align="right">
                      <strong>{countText(p.categoryGrade.gradeTotals[g])}</strong>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={5} align="right">
                    <strong>{countText(p.categoryGrade.withCertificate)}</strong>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
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
          <DataTable<CoverageRow>
            label={coverageLabel}
            components={namedTable(coverageLabel)}
            title={() => <h3 className="subsection-title">{coverageLabel}</h3>}
            rowKey="regionCode"
            size="small"
            columns={coverageColumns}
            dataSource={p.byRegion}
            loading={loading}
            pagination={false}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('reports.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{countText(data.needsUpdate.active)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong>{countText(data.needsUpdate.surveyed)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <strong>
                    <Rate rate={data.needsUpdate.rate} missing={t('reports.registry.noPersons')} />
                  </strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
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
