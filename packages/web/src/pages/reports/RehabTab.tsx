import { regionLevel } from '@huican/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Descriptions, Flex, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getRehabReport, type RehabFigures, reportFiles } from '../../api/reports';
import { LoadError } from '../../components/LoadError';
import { TotalsRow } from '../../components/TotalsRow';
import { DownloadLink } from './DownloadLink';
import { ageGroupName, categoryLabel, countColumn, countText, Rate, ReportTable, rateColumn } from './report-format';

type Props = {
  year: number;
  regionCode: string | undefined;
  regionSearch: (code: string | undefined) => string;
};

type Row = RehabFigures & { key: string; name: React.ReactNode };

/** The region's overall figures under each breakdown (every person falls in exactly one row of each). */
function RehabTotals({ figures }: { figures: RehabFigures }) {
  const { t } = useTranslation();
  return (
    <TotalsRow
      label={t('reports.total')}
      figures={[
        countText(figures.needs),
        countText(figures.served),
        <Rate key="serviceRate" rate={figures.serviceRate} missing={t('reports.rehab.noNeeds')} />,
        countText(figures.deviceNeeds),
        countText(figures.deviceFitted),
        <Rate key="fittingRate" rate={figures.fittingRate} missing={t('reports.rehab.noDeviceNeeds')} />,
      ]}
    />
  );
}

/** 康复服务率 and 辅具适配率 of a year: overall, and by child region, disability category and age group. */
export function RehabTab({ year, regionCode, regionSearch }: Props) {
  const { t } = useTranslation();
  const query = { year, regionCode };
  const report = useQuery({
    queryKey: ['reports', 'rehab', query],
    queryFn: ({ signal }) => getRehabReport(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const regionName = data?.regionName ?? t('common.allRegions');
  // Villages have no child regions to go down to.
  const canDrill = (code: string) => regionLevel(code) !== 'village';

  const columns = (first: string): TableColumnsType<Row> => [
    { title: first, dataIndex: 'name' },
    countColumn(t('reports.rehab.needs'), 'needs'),
    countColumn(t('reports.rehab.served'), 'served'),
    rateColumn(t('reports.rehab.serviceRate'), 'serviceRate', (r) => r.serviceRate, t('reports.rehab.noNeeds')),
    countColumn(t('reports.rehab.deviceNeeds'), 'deviceNeeds'),
    countColumn(t('reports.rehab.deviceFitted'), 'deviceFitted'),
    rateColumn(t('reports.rehab.fittingRate'), 'fittingRate', (r) => r.fittingRate, t('reports.rehab.noDeviceNeeds')),
  ];

  const tables: { id: string; label: string; first: string; rows: Row[] }[] = data
    ? [
        {
          id: 'region',
          label: t('reports.rehab.byRegion'),
          first: t('reports.region'),
          rows: data.byRegion.map((r) => {
            const name = r.regionName ?? r.regionCode;
            return {
              ...r,
              key: r.regionCode,
              name: canDrill(r.regionCode) ? <Link to={{ search: regionSearch(r.regionCode) }}>{name}</Link> : name,
            };
          }),
        },
        {
          id: 'category',
          label: t('reports.rehab.byCategory'),
          first: t('reports.category'),
          rows: data.byCategory.map((r) => ({ ...r, key: String(r.category), name: categoryLabel(t, r.category) })),
        },
        {
          id: 'age',
          label: t('reports.rehab.byAgeGroup'),
          first: t('reports.rehab.ageGroup'),
          rows: data.byAgeGroup.map((r) => ({ ...r, key: r.ageGroup, name: ageGroupName(t, r.ageGroup) })),
        },
      ]
    : [];

  return (
    <section aria-labelledby="rehab-title">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <h2 id="rehab-title" className="section-title" style={{ margin: 0 }}>
          {t('reports.rehab.title', { region: regionName, year })}
        </h2>
        <DownloadLink href={reportFiles.rehab(query)}>{t('reports.rehab.download')}</DownloadLink>
      </Flex>
      <Typography.Paragraph type="secondary">{t('reports.rehab.hint')}</Typography.Paragraph>
      <LoadError error={report.error} style={{ marginBottom: 16 }} />
      {data ? (
        <>
          <Descriptions
            title={<h3 className="subsection-title">{t('reports.rehab.overall')}</h3>}
            bordered
            size="small"
            column={{ xs: 1, md: 3 }}
            style={{ marginBottom: 24 }}
            items={[
              { key: 'needs', label: t('reports.rehab.needs'), children: countText(data.needs) },
              { key: 'served', label: t('reports.rehab.served'), children: countText(data.served) },
              {
                key: 'serviceRate',
                label: t('reports.rehab.serviceRate'),
                children: <Rate rate={data.serviceRate} missing={t('reports.rehab.noNeeds')} />,
              },
              { key: 'deviceNeeds', label: t('reports.rehab.deviceNeeds'), children: countText(data.deviceNeeds) },
              { key: 'deviceFitted', label: t('reports.rehab.deviceFitted'), children: countText(data.deviceFitted) },
              {
                key: 'fittingRate',
                label: t('reports.rehab.fittingRate'),
                children: <Rate rate={data.fittingRate} missing={t('reports.rehab.noDeviceNeeds')} />,
              },
            ]}
          />
          {tables.map((table) => (
            <div key={table.id} style={{ marginBottom: 24 }}>
              <ReportTable<Row>
                label={table.label}
                rowKey="key"
                size="middle"
                columns={columns(table.first)}
                dataSource={table.rows}
                loading={report.isFetching}
                locale={{ emptyText: t('reports.empty') }}
                summary={() => <RehabTotals figures={data} />}
              />
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
