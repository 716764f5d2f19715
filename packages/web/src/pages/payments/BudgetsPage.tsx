import { useQuery } from '@tanstack/react-query';
import { Form, Progress, Select, Table, type TableColumnsType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { PageTitle } from '../../components/PageTitle';
import { TotalsRow } from '../../components/TotalsRow';
import { currentYear, formatFen, labelledTable } from './labels';
import { type Budget, listBudgets } from './payments-api';

/** A share in percent with two decimals, for display ("42.56%"); null without a budget. */
function share(part: number, budget: number | null): number | null {
  if (budget === null || budget <= 0) return null;
  return Math.round((part * 10_000) / budget) / 100;
}

const percentText = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);

/**
 * A share of the budget as a bar with its value written beside it: the bar's name says what it measures and
 * the text repeats the figure (an overspent budget says so in words, not only in red).
 */
function ShareBar({ value, label }: { value: number | null; label: string }) {
  const { t } = useTranslation();
  if (value === null) return <span>{t('payments.noBudget')}</span>;
  const over = value > 100;
  const text = over ? t('payments.percentOver', { value: value.toFixed(2) }) : `${value.toFixed(2)}%`;
  return (
    <Progress
      percent={Math.min(100, value)}
      status={over ? 'exception' : 'normal'}
      aria-label={label}
      aria-valuetext={text}
      format={() => text}
      style={{ minWidth: 180, marginBottom: 0 }}
    />
  );
}

/** Integer fen as yuan, on one line. */
const money = (cents: number) => <span className="nowrap">{formatFen(cents)}</span>;

function yearOptions(t: TFunction, shown: number) {
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3, now - 4];
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a).map((value) => ({ value, label: t('payments.yearOption', { year: value }) }));
}

/** 预算执行: per cash programme and year, the budget, what cycles have committed and paid, and what is left. */
export function BudgetsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('year'));
  const year = Number.isInteger(raw) && raw >= 2000 && raw <= 2100 ? raw : currentYear();
  const budgets = useQuery({ queryKey: ['payments', 'budgets', year], queryFn: () => listBudgets(year) });
  const rows = budgets.data ?? [];

  const columns: TableColumnsType<Budget> = [
    { title: t('payments.program'), dataIndex: 'name' },
    {
      title: t('payments.programKind'),
      dataIndex: 'kind',
      render: (kind: Budget['kind']) => t(`payments.programKinds.${kind}`),
    },
    {
      title: t('payments.budget'),
      dataIndex: 'budgetCents',
      align: 'right',
      render: (cents: number | null) => (
        <span className="nowrap">{cents === null ? t('payments.noBudget') : formatFen(cents)}</span>
      ),
    },
    { title: t('payments.committed'), dataIndex: 'committedCents', align: 'right', render: money },
    { title: t('payments.paid'), dataIndex: 'paidCents', align: 'right', render: money },
    {
      title: t('payments.remaining'),
      key: 'remaining',
      align: 'right',
      render: (_, b) => (
        <span className="nowrap">{b.budgetCents === null ? '—' : formatFen(b.budgetCents - b.committedCents)}</span>
      ),
    },
    {
      title: t('payments.commitmentRate'),
      key: 'committedShare',
      render: (_, b) => (
        <ShareBar value={share(b.committedCents, b.budgetCents)} label={t('payments.commitmentOf', { name: b.name })} />
      ),
    },
    {
      title: t('payments.executionRate'),
      key: 'executionRate',
      render: (_, b) => (
        <ShareBar
          value={b.budgetCents === null ? null : b.executionRate}
          label={t('payments.executionOf', { name: b.name })}
        />
      ),
    },
  ];

  const withBudget = rows.filter((b) => b.budgetCents !== null);
  const sum = (pick: (b: Budget) => number) => withBudget.reduce((s, b) => s + pick(b), 0);
  const totalBudget = sum((b) => b.budgetCents ?? 0);
  const committed = sum((b) => b.committedCents);
  const paid = sum((b) => b.paidCents);
  const label = t('payments.budgetsLabel', { year });

  return (
    <>
      <PageTitle title={t('payments.budgetsTitle')} />
      <Form layout="inline" name="budgetYear" style={{ marginBottom: 16 }}>
        <Form.Item label={t('payments.year')} htmlFor="budgetYear">
          <Select
            id="budgetYear"
            value={year}
            style={{ width: 120 }}
            options={yearOptions(t, year)}
            onChange={(value: number) =>
              setParams((current) => {
                const next = new URLSearchParams(current);
                next.set('year', String(value));
                return next;
              })
            }
          />
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary">{t('payments.budgetsHint')}</Typography.Paragraph>
      <LoadError error={budgets.error} style={{ marginBottom: 16 }} />
      <DataTable<Budget>
        label={label}
        components={labelledTable(label)}
        rowKey="programCode"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={budgets.isFetching}
        pagination={false}
        summary={() =>
          withBudget.length > 0 ? (
            <TotalsRow
              label={t('payments.budgetsTotal')}
              labelSpan={2}
              figures={[money(totalBudget), money(committed), money(paid), money(totalBudget - committed)]}
            >
              <Table.Summary.Cell index={6}>{percentText(share(committed, totalBudget))}</Table.Summary.Cell>
              <Table.Summary.Cell index={7}>{percentText(share(paid, totalBudget))}</Table.Summary.Cell>
            </TotalsRow>
          ) : null
        }
      />
    </>
  );
}
