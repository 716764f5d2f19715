import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Flex, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FundsMonth, type FundsProgram, getFundsReport, reportFiles } from '../../api/reports';
import { LoadError } from '../../components/LoadError';
import { TotalsRow } from '../../components/TotalsRow';
import { DownloadLink } from './DownloadLink';
import { countColumn, countText, money, moneyColumn, NoFigure, Rate, ReportTable, rateColumn } from './report-format';

type Props = { year: number; regionCode: string | undefined };

/** 资金执行情况: per cash programme the budget, committed, paid and execution rate; per month the payments. */
export function FundsTab({ year, regionCode }: Props) {
  const { t } = useTranslation();
  const query = { year, regionCode };
  const report = useQuery({
    queryKey: ['reports', 'funds', query],
    queryFn: ({ signal }) => getFundsReport(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const regionName = data?.regionName ?? t('common.allRegions');
  // Below county level no budget is set against (budgets are the county's): say why there is no figure.
  const noBudget = data?.budgetApplies === false ? t('reports.funds.countyBudget') : t('reports.funds.noBudget');

  const programsLabel = t('reports.funds.programsTitle');
  const programColumns: TableColumnsType<FundsProgram> = [
    { title: t('reports.funds.program'), dataIndex: 'name' },
    {
      title: t('reports.funds.budget'),
      dataIndex: 'budgetCents',
      align: 'right',
      render: (fen: number | null) => (fen === null ? <NoFigure reason={noBudget} /> : money(fen)),
    },
    moneyColumn(t('reports.funds.committed'), 'committedCents'),
    moneyColumn(t('reports.funds.paid'), 'paidCents'),
    rateColumn(t('reports.funds.executionRate'), 'executionRate', (p) => p.executionRate, noBudget),
    countColumn(t('reports.funds.personsPaid'), 'personsPaid'),
  ];

  const monthsLabel = t('reports.funds.monthsTitle');
  const monthColumns: TableColumnsType<FundsMonth> = [
    { title: t('reports.funds.month'), dataIndex: 'month' },
    countColumn(t('reports.funds.personsPaid'), 'personsPaid'),
    moneyColumn(t('reports.funds.amount'), 'paidCents'),
  ];
  const totals = data?.totals;

  return (
    <section aria-labelledby="funds-title">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <h2 id="funds-title" className="section-title" style={{ margin: 0 }}>
          {t('reports.funds.title', { region: regionName, year })}
        </h2>
        <DownloadLink href={reportFiles.funds(query)}>{t('reports.funds.download')}</DownloadLink>
      </Flex>
      <Typography.Paragraph type="secondary">{t('reports.funds.hint')}</Typography.Paragraph>
      {data?.budgetApplies === false ? (
        <Alert type="info" showIcon role="note" title={t('reports.funds.townshipNote')} style={{ marginBottom: 16 }} />
      ) : null}
      <LoadError error={report.error} style={{ marginBottom: 16 }} />
      <div style={{ marginBottom: 24 }}>
        <ReportTable<FundsProgram>
          label={programsLabel}
          rowKey="programCode"
          size="middle"
          columns={programColumns}
          dataSource={data?.programs}
          loading={report.isFetching}
          locale={{ emptyText: t('reports.empty') }}
          summary={() =>
            totals ? (
              <TotalsRow
                label={t('reports.total')}
                figures={[
                  totals.budgetCents === null ? <NoFigure key="budget" reason={noBudget} /> : money(totals.budgetCents),
                  money(totals.committedCents),
                  money(totals.paidCents),
                  <Rate key="rate" rate={totals.executionRate} missing={noBudget} />,
                  countText(totals.personsPaid),
                ]}
              />
            ) : null
          }
        />
      </div>
      <ReportTable<FundsMonth>
        label={monthsLabel}
        rowKey="month"
        size="middle"
        columns={monthColumns}
        dataSource={totals?.months}
        loading={report.isFetching}
        locale={{ emptyText: t('reports.empty') }}
        summary={() =>
          totals ? (
            <TotalsRow
              label={t('reports.funds.yearTotal')}
              figures={[countText(totals.personsPaid), money(totals.paidCents)]}
            />
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('reports.funds.personsNote')}
      </Typography.Paragraph>
    </section>
  );
}
