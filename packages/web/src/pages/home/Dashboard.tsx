import { PENDING_STATUSES, PERMISSIONS } from '@huican/core';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listApplications } from '../../api/applications';
import { type FundsMonth, getCompletionReport, getFundsReport, getRegistryStats } from '../../api/reports';
import { useCurrentUser } from '../../auth/AuthProvider';
import { canOpen } from '../../auth/permissions';
import { LoadError } from '../../components/LoadError';
import { countText, currentYear, NoFigure, percentText, yuan } from '../reports/report-format';
import { ChartFigure } from './ChartFigure';
import {
  type CategoryShare,
  categoryOption,
  categoryShares,
  categorySummary,
  completionByRegion,
  completionOption,
  completionSummary,
  overallCompletion,
  paymentsOption,
  paymentsSummary,
  type RegionCompletion,
} from './dashboard-charts';

/** One key figure: its name, its value (or why there is none), a line of detail and where to read more. */
function Figure({
  title,
  value,
  detail,
  link,
}: {
  title: string;
  value: React.ReactNode;
  detail?: string;
  link?: { to: string; text: string };
}) {
  return (
    <Card style={{ height: '100%' }}>
      <h3 style={{ fontSize: 14, fontWeight: 400, margin: 0, color: '#595959' }}>{title}</h3>
      <p style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4, margin: '4px 0 0' }}>{value}</p>
      {detail ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {detail}
        </Typography.Paragraph>
      ) : null}
      {link ? (
        <Link to={link.to} style={{ display: 'inline-block', marginTop: 4 }}>
          {link.text}
        </Link>
      ) : null}
    </Card>
  );
}

/**
 * The home page's figures for the user's scope: registered persons, applications waiting for a decision,
 * the overall completion of this year's targets and the money paid this year, then three charts, each with
 * a text summary and a table. A role sees only the figures it may read.
 */
export function Dashboard() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const year = currentYear();
  const mayReadRegistry = canOpen(user.role, PERMISSIONS['persons.read']);
  const mayReadApplications = canOpen(user.role, PERMISSIONS['applications.read']);
  const mayReadPayments = canOpen(user.role, PERMISSIONS['payments.read']);

  // The same query keys as the reports page: going there from here reuses what is loaded.
  const completionQuery = { year, regionCode: undefined };
  const completion = useQuery({
    queryKey: ['reports', 'completion', completionQuery],
    queryFn: ({ signal }) => getCompletionReport(completionQuery, signal),
    enabled: mayReadRegistry,
  });
  const registryQuery = { regionCode: undefined, from: undefined, to: undefined };
  const registry = useQuery({
    queryKey: ['reports', 'registry', registryQuery],
    queryFn: ({ signal }) => getRegistryStats(registryQuery, signal),
    enabled: mayReadRegistry,
  });
  const fundsQuery = { year, regionCode: undefined };
  const funds = useQuery({
    queryKey: ['reports', 'funds', fundsQuery],
    queryFn: ({ signal }) => getFundsReport(fundsQuery, signal),
    enabled: mayReadPayments,
  });
  const pending = useQuery({
    queryKey: ['dashboard', 'pending-applications'],
    queryFn: ({ signal }) => listApplications({ status: PENDING_STATUSES.join(','), page: 1, pageSize: 1 }, signal),
    enabled: mayReadApplications,
  });

  const regions = useMemo(() => (completion.data ? completionByRegion(completion.data) : []), [completion.data]);
  const overall = completion.data ? overallCompletion(completion.data) : null;
  const shares = useMemo(() => (registry.data ? categoryShares(t, registry.data) : []), [registry.data, t]);
  const level = completion.data ? t(`levels.${completion.data.childLevel}`) : '';

  const completionTitle = t('dashboard.completion.title', { level, year });
  const completionText = completion.data ? completionSummary(t, regions) : '';
  const paymentsTitle = t('dashboard.payments.title', { year });
  const paymentsText = funds.data ? paymentsSummary(t, funds.data) : '';
  const categoriesTitle = t('dashboard.categories.title');
  const categoriesText = registry.data ? categorySummary(t, shares) : '';

  const completionChart = useMemo(
    () =>
      completion.data
        ? completionOption(t, regions, t('dashboard.chartLabel', { title: completionTitle, summary: completionText }))
        : null,
    [completion.data, regions, t, completionTitle, completionText],
  );
  const paymentsChart = useMemo(
    () =>
      funds.data
        ? paymentsOption(t, funds.data, t('dashboard.chartLabel', { title: paymentsTitle, summary: paymentsText }))
        : null,
    [funds.data, t, paymentsTitle, paymentsText],
  );
  const categoryChart = useMemo(
    () =>
      registry.data
        ? categoryOption(t, shares, t('dashboard.chartLabel', { title: categoriesTitle, summary: categoriesText }))
        : null,
    [registry.data, shares, t, categoriesTitle, categoriesText],
  );

  const completionColumns: TableColumnsType<RegionCompletion> = [
    { title: t('reports.region'), dataIndex: 'name' },
    {
      title: t('dashboard.completion.target'),
      dataIndex: 'target',
      align: 'right',
      render: (v: number | null) => (v === null ? <NoFigure reason={t('reports.noTarget')} /> : countText(v)),
    },
    { title: t('dashboard.completion.completed'), dataIndex: 'completed', align: 'right', render: countText },
    {
      title: t('reports.completion.rate'),
      dataIndex: 'rate',
      align: 'right',
      render: (v: number | null) => (v === null ? <NoFigure reason={t('reports.noTarget')} /> : percentText(v)),
    },
  ];
  const paymentColumns: TableColumnsType<FundsMonth> = [
    { title: t('reports.funds.month'), dataIndex: 'month' },
    { title: t('dashboard.payments.amount'), dataIndex: 'paidCents', align: 'right', render: yuan },
    { title: t('dashboard.payments.persons'), dataIndex: 'personsPaid', align: 'right', render: countText },
  ];
  const categoryColumns: TableColumnsType<CategoryShare> = [
    { title: t('reports.category'), dataIndex: 'name' },
    { title: t('reports.registry.count'), dataIndex: 'count', align: 'right', render: countText },
    {
      title: t('dashboard.categories.share'),
      dataIndex: 'share',
      align: 'right',
      render: (v: number | null) =>
        v === null ? <NoFigure reason={t('dashboard.categories.none')} /> : percentText(v),
    },
  ];

  const loading = <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  const figures: React.JSX.Element[] = [];
  if (mayReadRegistry) {
    figures.push(
      <Figure
        key="persons"
        title={t('dashboard.persons')}
        value={
          registry.data ? t('dashboard.personsValue', { count: countText(registry.data.persons.active) }) : loading
        }
        detail={
          registry.data ? t('dashboard.personsDetail', { total: countText(registry.data.persons.total) }) : undefined
        }
        link={{ to: '/persons', text: t('dashboard.personsLink') }}
      />,
    );
  }
  if (mayReadApplications) {
    figures.push(
      <Figure
        key="pending"
        title={t('dashboard.pending')}
        value={pending.data ? t('dashboard.pendingValue', { count: countText(pending.data.total) }) : loading}
        link={{ to: '/applications', text: t('dashboard.pendingLink') }}
      />,
    );
  }
  if (mayReadRegistry) {
    figures.push(
      <Figure
        key="completion"
        title={t('dashboard.completionRate', { year })}
        value={
          overall === null ? (
            loading
          ) : overall.rate === null ? (
            <NoFigure reason={t('reports.noTarget')} />
          ) : (
            percentText(overall.rate)
          )
        }
        detail={
          overall && overall.rate !== null
            ? t('dashboard.completionDetail', {
                target: countText(overall.target),
                completed: countText(overall.completed),
                programs: overall.programs,
              })
            : undefined
        }
        link={{ to: '/reports', text: t('dashboard.reportsLink') }}
      />,
    );
  }
  if (mayReadPayments) {
    figures.push(
      <Figure
        key="paid"
        title={t('dashboard.paid', { year })}
        value={funds.data ? yuan(funds.data.totals.paidCents) : loading}
        detail={
          funds.data ? t('dashboard.paidDetail', { persons: countText(funds.data.totals.personsPaid) }) : undefined
        }
        link={{ to: '/reports?tab=funds', text: t('dashboard.fundsLink') }}
      />,
    );
  }

  if (figures.length === 0) return null;

  return (
    <>
      <section aria-labelledby="figures-title" style={{ marginBottom: 24 }}>
        <h2 id="figures-title" className="section-title">
          {t('dashboard.figuresTitle', { year })}
        </h2>
        <LoadError
          error={completion.error ?? registry.error ?? funds.error ?? pending.error}
          style={{ marginBottom: 16 }}
        />
        <Row gutter={[16, 16]}>
          {figures.map((figure) => (
            <Col key={figure.key} xs={24} sm={12} xl={6}>
              {figure}
            </Col>
          ))}
        </Row>
      </section>
      {mayReadRegistry || mayReadPayments ? (
        <section aria-labelledby="charts-title" style={{ marginBottom: 24 }}>
          <h2 id="charts-title" className="section-title">
            {t('dashboard.chartsTitle')}
          </h2>
          <Row gutter={[16, 16]}>
            {completionChart ? (
              <Col xs={24} xl={24}>
                <ChartFigure<RegionCompletion>
                  title={completionTitle}
                  summary={completionText}
                  option={completionChart}
                  columns={completionColumns}
                  rows={regions}
                  rowKey="regionCode"
                />
              </Col>
            ) : null}
            {paymentsChart && funds.data ? (
              <Col xs={24} xl={12}>
                <ChartFigure<FundsMonth>
                  title={paymentsTitle}
                  summary={paymentsText}
                  option={paymentsChart}
                  columns={paymentColumns}
                  rows={funds.data.totals.months}
                  rowKey="month"
                />
              </Col>
            ) : null}
            {categoryChart ? (
              <Col xs={24} xl={12}>
                <ChartFigure<CategoryShare>
                  title={categoriesTitle}
                  summary={categoriesText}
                  option={categoryChart}
                  columns={categoryColumns}
                  rows={shares}
                  rowKey="name"
                />
              </Col>
            ) : null}
          </Row>
        </section>
      ) : null}
    </>
  );
}
