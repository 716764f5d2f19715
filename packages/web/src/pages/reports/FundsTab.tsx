import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type FundsMonth, type FundsProgram, getFundsReport, reportFiles } from '../../api/reports';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { DownloadLink } from './DownloadLink';
import { countText, NoFigure, namedTable, Rate, yuan } from './report-format';

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
  const money = (fen: number) => <span className="nowrap">{yuan(fen)}</span>;

  const programsLabel = t('reports.funds.programsTitle');
  const programColumns: TableColumnsType<FundsProgram> = [
    { title: t('reports.funds.program'), dataIndex: 'name' },
    {
      title: t('reports.funds.budget'),
      dataIndex: 'budgetCents',
      align: 'right',
      render: (fen: number | null) => (fen === null ? <NoFigure reason={noBudget} /> : money(fen)),
    },
    { title: t('reports.funds.committed'), dataIndex: 'committedCents', align: 'right', render: money },
    { title: t('reports.funds.paid'), dataIndex: 'paidCents', align: 'right', render: money },
    {
      title: t('reports.funds.executionRate'),
      key: 'executionRate',
      align: 'right',
      render: (_, p) => <Rate rate={p.executionRate} missing={noBudget} />,
    },
    { title: t('reports.funds.personsPaid'), dataIndex: 'personsPaid', align: 'right', render: countText },
  ];

  const monthsLabel = t('reports.funds.monthsTitle');
  const monthColumns: TableColumnsType<FundsMonth> = [
    { title: t('reports.funds.month'), dataIndex: 'month' },
    { title: t('reports.funds.personsPaid'), dataIndex: 'personsPaid', align: 'right', render: countText },
    { title: t('reports.funds.amount'), dataIndex: 'paidCents', align: 'right', render: money },
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
        <DataTable<FundsProgram>
          label={programsLabel}
          components={namedTable(programsLabel)}
          title={() => <h3 className="subsection-title">{programsLabel}</h3>}
          rowKey="programCode"
          size="middle"
          columns={programColumns}
          dataSource={data?.programs}
          loading={report.isFetching}
          pagination={false}
          locale={{ emptyText: t('reports.empty') }}
          summary={() =>
            totals ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t('reports.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>
                    {totals.budgetCents === null ? <NoFigure reason={noBudget} /> : money(totals.budgetCents)}
                  </strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  <strong>{money(totals.committedCents)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <strong>{money(totals.paidCents)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  <strong>
                    <Rate rate={totals.executionRate} missing={noBudget} />
                  </strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  <strong>{countText(totals.personsPaid)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </div>
      <DataTable<FundsMonth>
        label={monthsLabel}
        components={namedTable(monthsLabel)}
        title={() => <h3 className="subsection-title">{monthsLabel}</h3>}
        rowKey="month"
        size="middle"
        columns={monthColumns}
        dataSource={totals?.months}
        loading={report.isFetching}
        pagination={false}
        locale={{ emptyText: t('reports.empty') }}
        summary={() =>
          totals ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('reports.funds.yearTotal')}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong>{countText(totals.personsPaid)}</strong>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                <strong>{money(totals.paidCents)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('reports.funds.personsNote')}
      </Typography.Paragraph>
    </section>
  );
}
