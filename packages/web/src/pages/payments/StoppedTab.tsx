import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/DataTable';
import { LoadError } from '../../components/LoadError';
import { DEFAULT_PAGE_SIZE, tablePagination } from '../../lib/list-params';
import { formatFen, labelledTable, stopReasonName } from './labels';
import { type CycleDetail, listStopped, type StoppedPerson } from './payments-api';

/**
 * 停发名单: persons paid for the previous month and not in this one, each with the first reason that applies
 * (death, move, certificate, rule no longer met…), judged as generation judges it.
 */
export function StoppedTab({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  const stopped = useQuery({
    queryKey: ['payments', 'stopped', cycle.id, paging],
    queryFn: () => listStopped(cycle.id, paging),
    placeholderData: keepPreviousData,
  });
  const data = stopped.data;

  const columns: TableColumnsType<StoppedPerson> = [
    { title: t('payments.person'), dataIndex: 'personName' },
    {
      title: t('payments.idNumber'),
      dataIndex: 'personIdNumber',
      render: (id: string) => <span className="nowrap">{id}</span>,
    },
    { title: t('payments.region'), key: 'region', render: (_, p) => p.regionName ?? p.regionCode },
    { title: t('payments.grade'), dataIndex: 'grade', render: (g: number | null) => g ?? '—' },
    {
      title: t('payments.previousAmount'),
      dataIndex: 'previousAmountCents',
      align: 'right',
      render: (cents: number) => <span className="nowrap">{formatFen(cents)}</span>,
    },
    {
      title: t('payments.stopReason'),
      key: 'reason',
      render: (_, p) => (
        <>
          {p.reasonText}
          {p.details.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.details.map((detail) => (
                <li key={detail}>{detail}</li>
              ))}
            </ul>
          ) : null}
        </>
      ),
    },
  ];

  const reasons = Object.entries(data?.byReason ?? {}).sort((a, b) => b[1] - a[1]);
  const label = t('payments.stoppedLabel', { period: cycle.period });
  return (
    <section aria-label={t('payments.tabs.stopped')}>
      <p>
        {data
          ? t('payments.stoppedIntro', { previous: data.previousPeriod, period: data.period, total: data.total })
          : null}
      </p>
      {reasons.length > 0 ? (
        <ul aria-label={t('payments.byReason')} style={{ marginTop: 0 }}>
          {reasons.map(([reason, n]) => (
            <li key={reason}>{t('payments.reasonCount', { reason: stopReasonName(t, reason), n })}</li>
          ))}
        </ul>
      ) : null}
      <LoadError error={stopped.error} style={{ marginBottom: 16 }} />
      <DataTable<StoppedPerson>
        label={label}
        components={labelledTable(label)}
        rowKey="personId"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={stopped.isFetching}
        pagination={tablePagination({
          page: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          t,
        })}
      />
    </section>
  );
}
