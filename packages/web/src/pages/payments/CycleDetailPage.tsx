import { ArrowLeftOutlined } from '@ant-design/icons';
import { can } from '@huican/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Descriptions, Tabs, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useCurrentUser } from '../../auth/AuthProvider';
import { useAnnouncer } from '../../components/LiveRegion';
import { PageLoading, PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../lib/format';
import { NotFoundPage } from '../errors/NotFoundPage';
import { BankTab } from './BankTab';
import { CycleActions } from './CycleActions';
import { EntitlementsTab } from './EntitlementsTab';
import { CycleStatusTag, cycleName, formatFen } from './labels';
import { type CycleDetail, getCycle, LINE_KINDS, LINE_STATUSES, type Step } from './payments-api';
import { StoppedTab } from './StoppedTab';

function stepText(t: TFunction, step: Step) {
  return step ? t('payments.stepBy', { user: step.userName ?? '—', at: formatDateTime(step.at) }) : '—';
}

function CycleFacts({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const figures = (f: { count: number; amountCents: number }) =>
    t('payments.figure', { count: f.count, total: formatFen(f.amountCents) });
  const kinds = LINE_KINDS.filter((k) => cycle.lines.byKind[k]);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'program', label: t('payments.program'), children: cycle.programName ?? cycle.programCode },
        { key: 'kind', label: t('payments.kind'), children: t(`payments.cycleKind.${cycle.kind}`) },
        { key: 'period', label: t('payments.period'), children: cycle.period },
        { key: 'region', label: t('payments.region'), children: cycle.regionName ?? cycle.regionCode },
        { key: 'status', label: t('payments.status'), children: <CycleStatusTag status={cycle.status} /> },
        {
          key: 'total',
          label: t('payments.cycleTotal'),
          children: <strong>{figures(cycle.lines)}</strong>,
        },
        ...LINE_STATUSES.filter((s) => s !== 'void' || cycle.lines.byStatus.void.count > 0).map((s) => ({
          key: `status-${s}`,
          label: t('payments.linesWithStatus', { status: t(`payments.lineStatus.${s}`) }),
          children: figures(cycle.lines.byStatus[s]),
        })),
        {
          key: 'byKind',
          label: t('payments.byKind'),
          children:
            kinds.length === 0
              ? '—'
              : kinds
                  .map((k) => `${t(`payments.lineKinds.${k}`)} ${figures(cycle.lines.byKind[k]!)}`)
                  .join(t('common.listSeparator')),
        },
        { key: 'created', label: t('payments.steps.created'), children: stepText(t, cycle.steps.created) },
        { key: 'submitted', label: t('payments.steps.submitted'), children: stepText(t, cycle.steps.submitted) },
        { key: 'approved', label: t('payments.steps.approved'), children: stepText(t, cycle.steps.approved) },
        { key: 'paid', label: t('payments.steps.paid'), children: stepText(t, cycle.steps.paid) },
        ...(cycle.steps.cancelled
          ? [
              { key: 'cancelled', label: t('payments.steps.cancelled'), children: stepText(t, cycle.steps.cancelled) },
              { key: 'cancelReason', label: t('payments.cancelReason'), children: cycle.cancelReason ?? '—' },
            ]
          : []),
        ...(cycle.budgetOverrideReason
          ? [{ key: 'override', label: t('payments.overrideReason'), children: cycle.budgetOverrideReason }]
          : []),
        ...(cycle.sourceCycleId
          ? [
              {
                key: 'source',
                label: t('payments.sourceCycle'),
                children: (
                  <Link to={`/payments/${encodeURIComponent(cycle.sourceCycleId)}`}>{t('payments.openSource')}</Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 发放批次: one cycle's figures, its workflow actions, lines, stopped payments and bank files. */
export function CycleDetailPage() {
  const { id = '' } = useParams();
  // A key per cycle: going from a cycle to its re-payment batch starts the page (tabs, announcements) afresh.
  return <CycleDetailView key={id} id={id} />;
}

function CycleDetailView({ id }: { id: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const location = useLocation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { announce, region } = useAnnouncer();
  const cycle = useQuery({ queryKey: ['payments', 'cycle', id], queryFn: () => getCycle(id) });

  // What the page before announced (a cycle generated, a re-payment batch created) is said here once.
  const carried = (location.state as { announcement?: string } | null)?.announcement;
  const announced = useRef<string | null>(null);
  useEffect(() => {
    if (carried && announced.current !== `${id}:${carried}`) {
      announced.current = `${id}:${carried}`;
      announce(carried);
    }
  }, [carried, id, announce]);

  const changed = (text: string) => {
    void message.success(text);
    announce(text);
    void queryClient.invalidateQueries({ queryKey: ['payments'] });
  };

  const back = (
    <Typography.Paragraph>
      <Link to="/payments">
        <ArrowLeftOutlined aria-hidden /> {t('payments.backToList')}
      </Link>
    </Typography.Paragraph>
  );
  if (cycle.isError) {
    if (cycle.error instanceof ApiError && cycle.error.status === 404) return <NotFoundPage />;
    return (
      <>
        <PageTitle title={t('payments.title')} />
        {back}
        <Alert type="error" showIcon title={t('errors.loadFailed', { message: cycle.error.message })} />
      </>
    );
  }
  if (!cycle.data) return <PageLoading />;
  const data = cycle.data;
  const creatorWaits =
    data.status === 'submitted' && can(user.role, 'payments.approve') && !data.allowedActions.includes('approve');

  return (
    <>
      {back}
      <PageTitle
        title={cycleName(t, data)}
        extra={
          <>
            <CycleStatusTag status={data.status} />
            <CycleActions cycle={data} onDone={changed} />
          </>
        }
      />
      {region}
      {creatorWaits ? (
        <Alert type="info" showIcon title={t('payments.creatorCannotApprove')} style={{ marginBottom: 16 }} />
      ) : null}
      {data.linesScope === 'own_region' ? (
        <Alert type="info" showIcon title={t('payments.ownRegionOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      <CycleFacts cycle={data} />
      <Tabs
        items={[
          { key: 'lines', label: t('payments.tabs.lines'), children: <EntitlementsTab cycle={data} /> },
          ...(data.kind === 'monthly'
            ? [{ key: 'stopped', label: t('payments.tabs.stopped'), children: <StoppedTab cycle={data} /> }]
            : []),
          {
            key: 'bank',
            label: t('payments.tabs.bank'),
            children: (
              <BankTab
                cycle={data}
                onChanged={changed}
                onRepayment={(created, text) => {
                  void queryClient.invalidateQueries({ queryKey: ['payments'] });
                  navigate(`/payments/${encodeURIComponent(created.id)}`, { state: { announcement: text } });
                }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
