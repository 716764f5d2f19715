import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getPersonPayments, type PersonPaymentLine } from '../../api/persons';
import type { Person } from '../../api/types';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { formatYuan } from '../../lib/money';

/** The colour only repeats what the text says. */
const STATUS_COLOURS: Record<PersonPaymentLine['status'], string | null> = {
  pending: 'processing',
  paid: 'success',
  failed: 'error',
  void: null,
};
const PAGE_SIZE = 24;

/** 一人一档 "payments" tab: every line paid (or to be paid) for the person, newest month first. */
export function PaymentsTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const payments = useQuery({
    queryKey: ['persons', 'payments', person.id, page],
    queryFn: () => getPersonPayments(person.id, page, PAGE_SIZE),
    placeholderData: keepPreviousData,
  });
  const yuan = t('plan.yuan');

  const columns: TableColumnsType<PersonPaymentLine> = [
    { title: t('personPayments.period'), dataIndex: 'period', width: 100 },
    { title: t('personPayments.program'), dataIndex: 'programName' },
    {
      title: t('personPayments.kind'),
      dataIndex: 'kind',
      render: (kind: PersonPaymentLine['kind']) => t(`personPayments.kinds.${kind}`),
    },
    {
      title: t('personPayments.amount'),
      dataIndex: 'amountCents',
      align: 'right',
      render: (cents: number) => formatYuan(cents, yuan),
    },
    {
      title: t('personPayments.status'),
      dataIndex: 'status',
      render: (status: PersonPaymentLine['status'], line) => (
        <>
          {STATUS_COLOURS[status] ? (
            <Tag color={STATUS_COLOURS[status]} variant="solid">
              {t(`personPayments.statuses.${status}`)}
            </Tag>
          ) : (
            <Tag>{t(`personPayments.statuses.${status}`)}</Tag>
          )}
          {line.failureReason ? (
            <span>
              {t('personPayments.failureReason')}：{line.failureReason}
            </span>
          ) : null}
        </>
      ),
    },
    { title: t('personPayments.paidOn'), dataIndex: 'paidOn', render: (d: string | null) => d ?? '—' },
    { title: t('personPayments.account'), dataIndex: 'bankAccount', render: (a: string | null) => a ?? '—' },
    {
      title: t('personPayments.cycle'),
      dataIndex: 'cycleId',
      render: (id: string, line) => (
        <Link to={`/payments/${id}`} aria-label={`${t('personPayments.openCycle')} ${line.period} ${line.programName}`}>
          {t('personPayments.openCycle')}
        </Link>
      ),
    },
  ];

  const totals = payments.data?.totals;
  return (
    <>
      <h2 className="section-title">{t('personPayments.title')}</h2>
      {payments.isError ? (
        <LoadError error={payments.error} />
      ) : (
        <>
          {totals ? (
            <Typography.Paragraph aria-live="polite">
              {t('personPayments.summary', {
                paid: formatYuan(totals.paidCents, yuan),
                pending: formatYuan(totals.pendingCents, yuan),
                failed: totals.failedCount,
              })}
            </Typography.Paragraph>
          ) : null}
          <DataTable<PersonPaymentLine>
            label={t('personPayments.title')}
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={payments.data?.items}
            loading={payments.isFetching}
            locale={{ emptyText: t('personPayments.empty') }}
            scroll={{ x: 'max-content' }}
            pagination={
              (payments.data?.total ?? 0) > PAGE_SIZE
                ? {
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: payments.data?.total ?? 0,
                    showSizeChanger: false,
                    onChange: setPage,
                  }
                : false
            }
          />
        </>
      )}
    </>
  );
}
