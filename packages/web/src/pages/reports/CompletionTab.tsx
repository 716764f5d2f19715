import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Select, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  type CompletionReport,
  type CompletionRow,
  type CompletionTotal,
  getCompletionReport,
  reportFiles,
} from '../../api/reports';
import { LoadError } from '../../components/LoadError';
import { TotalsRow } from '../../components/TotalsRow';
import { DownloadLink } from './DownloadLink';
import { countColumn, countText, NoFigure, Rate, ReportTable, rateColumn } from './report-format';

type Props = {
  year: number;
  regionCode: string | undefined;
  program: string | undefined;
  onProgram: (code: string) => void;
  regionSearch: (code: string | undefined) => string;
};

/** Regions whose children the report can show: a county's townships, a township's villages. */
const drillable = (level: CompletionReport['childLevel']) => level !== 'village';

/**
 * 目标任务完成情况: each programme's target and completions in the region looked at, then one programme's
 * figures per child region, each region a link one level down.
 */
export function CompletionTab({ year, regionCode, program, onProgram, regionSearch }: Props) {
  const { t } = useTranslation();
  const query = { year, regionCode };
  const report = useQuery({
    queryKey: ['reports', 'completion', query],
    queryFn: ({ signal }) => getCompletionReport(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const totals = data?.totals ?? [];
  const chosen = totals.find((p) => p.programCode === program) ?? totals[0];
  const rows = (data?.rows ?? []).filter((r) => r.programCode === chosen?.programCode);
  const regionName = data?.regionName ?? t('common.allRegions');
  const level = data ? t(`levels.${data.childLevel}`) : '';

  const figureColumns = <T extends CompletionRow | CompletionTotal>(): TableColumnsType<T> => [
    {
      title: t('reports.completion.target'),
      key: 'target',
      align: 'right',
      render: (_, r) =>
        'hasTarget' in r && !r.hasTarget ? <NoFigure reason={t('reports.noTarget')} /> : countText(r.target),
    },
    countColumn(t('reports.completion.completed'), 'completed'),
    rateColumn(t('reports.completion.rate'), 'rate', (r) => r.rate, t('reports.noTarget')),
    {
      title: t('reports.completion.exceeded'),
      key: 'exceeded',
      align: 'right',
      render: (_, r) => (r.target === 0 ? <NoFigure reason={t('reports.noTarget')} /> : countText(r.exceeded)),
    },
  ];

  const totalsLabel = t('reports.completion.totalsTitle');
  const totalsColumns: TableColumnsType<CompletionTotal> = [
    { title: t('reports.completion.program'), dataIndex: 'programName' },
    ...figureColumns<CompletionTotal>(),
    {
      title: t('reports.completion.byRegion'),
      key: 'byRegion',
      render: (_, r) =>
        r.programCode === chosen?.programCode ? (
          <Typography.Text type="secondary">{t('reports.completion.shownBelow')}</Typography.Text>
        ) : (
          <Button
            type="link"
            style={{ padding: 0, height: 'auto' }}
            aria-label={t('reports.completion.showProgram', { program: r.programName })}
            onClick={() => onProgram(r.programCode)}
          >
            {t('reports.completion.show')}
          </Button>
        ),
    },
  ];

  const regionLabel = chosen
    ? t('reports.completion.byRegionTitle', { program: chosen.programName, level })
    : t('reports.completion.byRegionEmpty');
  const regionColumns: TableColumnsType<CompletionRow> = [
    {
      title: t('reports.region'),
      dataIndex: 'regionName',
      render: (name: string | null, r) => {
        const text = name ?? r.regionCode;
        return data && drillable(data.childLevel) ? (
          <Link to={{ search: regionSearch(r.regionCode) }}>{text}</Link>
        ) : (
          text
        );
      },
    },
    ...figureColumns<CompletionRow>(),
  ];

  return (
    <section aria-labelledby="completion-title">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <h2 id="completion-title" className="section-title" style={{ margin: 0 }}>
          {t('reports.completion.title', { region: regionName, year })}
        </h2>
        <DownloadLink href={reportFiles.completion(query)}>{t('reports.completion.download')}</DownloadLink>
      </Flex>
      <Typography.Paragraph type="secondary">{t('reports.completion.hint')}</Typography.Paragraph>
      <LoadError error={report.error} style={{ marginBottom: 16 }} />
      <ReportTable<CompletionTotal>
        label={totalsLabel}
        rowKey="programCode"
        size="middle"
        columns={totalsColumns}
        dataSource={totals}
        loading={report.isFetching}
        locale={{ emptyText: t('reports.completion.empty') }}
      />
      {chosen ? (
        <>
          <Form layout="inline" style={{ margin: '24px 0 12px' }}>
            <Form.Item label={t('reports.completion.program')} htmlFor="completionProgram">
              <Select
                id="completionProgram"
                value={chosen.programCode}
                style={{ minWidth: 240 }}
                options={totals.map((p) => ({ value: p.programCode, label: p.programName }))}
                onChange={onProgram}
              />
            </Form.Item>
          </Form>
          {data?.childLevel === 'village' ? (
            <Typography.Paragraph type="secondary">{t('reports.completion.villageHint')}</Typography.Paragraph>
          ) : (
            <Typography.Paragraph type="secondary">{t('reports.drillHint')}</Typography.Paragraph>
          )}
          <ReportTable<CompletionRow>
            label={regionLabel}
            rowKey="regionCode"
            size="middle"
            columns={regionColumns}
            dataSource={rows}
            loading={report.isFetching}
            locale={{ emptyText: t('reports.completion.noRegionRows') }}
            summary={() => (
              <TotalsRow
                label={t('reports.total')}
                figures={[
                  chosen.target === 0 ? (
                    <NoFigure key="target" reason={t('reports.noTarget')} />
                  ) : (
                    countText(chosen.target)
                  ),
                  countText(chosen.completed),
                  <Rate key="rate" rate={chosen.rate} missing={t('reports.noTarget')} />,
                  chosen.target === 0 ? (
                    <NoFigure key="exceeded" reason={t('reports.noTarget')} />
                  ) : (
                    countText(chosen.exceeded)
                  ),
                ]}
              />
            )}
          />
        </>
      ) : null}
    </section>
  );
}
