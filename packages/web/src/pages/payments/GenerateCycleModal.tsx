import { ROOT_REGION_CODE } from '@huican/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, InputNumber, Radio, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import type { Program } from '../../api/programs';
import { useCurrentUser } from '../../auth/AuthProvider';
import { FormModal } from '../../components/FormModal';
import { RegionPicker } from '../../components/RegionPicker';
import { showServerErrors } from '../../lib/form-errors';
import { addMonths, currentPeriod, currentYear, cycleName, formatFen, periodOptions } from './labels';
import { CYCLE_KIND_OF, type Cycle, type CycleKind, generateCycle, listCycles } from './payments-api';

type GeneratedKind = Exclude<CycleKind, 'repayment'>;
const GENERATED_KINDS: readonly GeneratedKind[] = ['monthly', 'grant', 'settlement'];

type Values = {
  kind: GeneratedKind;
  programCode?: string;
  period?: string;
  year?: number | null;
  regionCode?: string;
  budgetOverrideReason?: string;
};

/** The budget figures of a 422 BUDGET_EXCEEDED (fen). */
type BudgetRefusal = { budgetCents: number; committedCents: number; cycleCents: number; overCents: number };

type Problem =
  | { kind: 'exists'; message: string; programCode: string; year: string }
  | { kind: 'budget'; message: string; figures: BudgetRefusal }
  | { kind: 'other'; message: string };

const numberOr0 = (value: unknown) => (typeof value === 'number' ? value : 0);

/**
 * A grant is generated for a year: paid this month in the current year, in December for a past year and in
 * January for the next (the server takes the grant year from the month of payment).
 */
export function grantPeriod(year: number): string {
  const now = currentPeriod();
  const thisYear = Number(now.slice(0, 4));
  if (year === thisYear) return now;
  return year < thisYear ? `${year}-12` : `${year}-01`;
}

/** The month after the newest live monthly cycle of the programme (or this month when it has none). */
function useNextPeriod(programCode: string | undefined, kind: GeneratedKind) {
  const recent = useQuery({
    queryKey: ['payments', 'cycles', { programCode, page: 1, pageSize: 50 }],
    queryFn: () => listCycles({ programCode, page: 1, pageSize: 50 }),
    enabled: !!programCode && kind === 'monthly',
  });
  const live = (recent.data?.items ?? []).filter((c) => c.kind === 'monthly' && c.status !== 'cancelled');
  const latest = live.reduce<Cycle | undefined>((best, c) => (!best || c.period > best.period ? c : best), undefined);
  const last = `${currentYear() + 1}-12`;
  const next = latest ? addMonths(latest.period, 1) : currentPeriod();
  return { latest, next: next > last ? last : next, ready: !programCode || kind !== 'monthly' || !!recent.data };
}

type Props = {
  open: boolean;
  /** The cash programmes (those that have cycles). */
  programs: Program[];
  onClose: () => void;
  onGenerated: (cycle: Cycle, announcement: string) => void;
};

/**
 * 生成发放批次: a monthly subsidy for a month, a grant for a year, or an institution settlement (advance and
 * final payments) for a month, in the caller's county or a township of it. Generation runs while the request
 * waits (a second or two for a county), so the dialog shows a spinner and says so to screen readers.
 */
export function GenerateCycleModal({ open, programs, onClose, onGenerated }: Props) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const kind = Form.useWatch('kind', form) ?? 'monthly';
  const programCode = Form.useWatch('programCode', form);
  const year = Form.useWatch('year', form);
  const isAdmin = user.role === 'admin';
  // A user of the whole database has no county of its own: the cycle's region must be named.
  const wholeDatabase = user.regionCode === ROOT_REGION_CODE;
  const next = useNextPeriod(programCode, kind);
  const program = programs.find((p) => p.code === programCode);

  // A newly chosen monthly programme proposes its next month; the user may pick another.
  useEffect(() => {
    if (open && kind === 'monthly' && programCode && next.ready) form.setFieldValue('period', next.next);
  }, [open, kind, programCode, next.ready, next.next, form]);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      generateCycle({
        programCode: values.programCode!,
        period: values.kind === 'grant' ? grantPeriod(values.year ?? currentYear()) : values.period!,
        regionCode: values.regionCode || undefined,
        budgetOverrideReason: values.budgetOverrideReason?.trim() || undefined,
      }),
    onSuccess: (cycle) => {
      void queryClient.invalidateQueries({ queryKey: ['payments'] });
      const named = { ...cycle, programName: cycle.programName ?? program?.name ?? null };
      onGenerated(
        cycle,
        t('payments.generated', { name: cycleName(t, named), count: cycle.count, total: formatFen(cycle.totalCents) }),
      );
      onClose();
    },
    onError: (cause, values) => {
      if (cause instanceof ApiError && cause.code === 'CYCLE_EXISTS') {
        const period = values.kind === 'grant' ? grantPeriod(values.year ?? currentYear()) : (values.period ?? '');
        setProblem({
          kind: 'exists',
          message: cause.message,
          programCode: values.programCode ?? '',
          year: period.slice(0, 4),
        });
        return;
      }
      if (cause instanceof ApiError && cause.code === 'BUDGET_EXCEEDED') {
        setProblem({
          kind: 'budget',
          message: cause.message,
          figures: {
            budgetCents: numberOr0(cause.extra.budgetCents),
            committedCents: numberOr0(cause.extra.committedCents),
            cycleCents: numberOr0(cause.extra.cycleCents),
            overCents: numberOr0(cause.extra.overCents),
          },
        });
        return;
      }
      const message = showServerErrors(form, cause, ['programCode', 'period', 'regionCode', 'budgetOverrideReason']);
      setProblem(message ? { kind: 'other', message } : null);
    },
  });

  const kindPrograms = programs.filter((p) => p.active && CYCLE_KIND_OF[p.kind] === kind);
  const overriding = problem?.kind === 'budget' && isAdmin;

  return (
    <FormModal<Values>
      open={open}
      title={t('payments.generateTitle')}
      okText={overriding ? t('payments.generateOverride') : t('payments.generateOk')}
      width={640}
      onClose={onClose}
      form={form}
      name="generateCycle"
      initialValues={{ kind: 'monthly', year: currentYear() }}
      onFinish={(values) => {
        setProblem(null);
        mutation.mutate(values);
      }}
      submission={{ error: null, clearError: () => setProblem(null), isPending: mutation.isPending }}
      intro={
        <>
          <p role="status" aria-live="polite" className="live-region">
            {mutation.isPending ? t('payments.generating') : ''}
          </p>
          {mutation.isPending ? (
            <Spin style={{ display: 'block', marginBottom: 16 }} aria-hidden />
          ) : (
            <GenerateProblem problem={problem} isAdmin={isAdmin} />
          )}
        </>
      }
    >
      <Form.Item name="kind" label={t('payments.cycleKindLabel')}>
        <Radio.Group
          onChange={() => {
            form.setFieldsValue({ programCode: undefined, period: undefined });
            setProblem(null);
          }}
          options={GENERATED_KINDS.map((value) => ({ value, label: t(`payments.cycleKind.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="programCode"
        label={t('payments.program')}
        rules={[{ required: true, message: t('payments.programRequired') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={kindPrograms.map((p) => ({ value: p.code, label: p.name }))}
          onChange={() => setProblem(null)}
        />
      </Form.Item>
      {kind === 'grant' ? (
        <Form.Item
          name="year"
          label={t('payments.grantYear')}
          extra={t('payments.grantYearHint', { period: grantPeriod(year ?? currentYear()) })}
          rules={[{ required: true, message: t('payments.yearRequired') }]}
        >
          <InputNumber min={2000} max={currentYear() + 1} precision={0} style={{ width: 120 }} />
        </Form.Item>
      ) : (
        <Form.Item
          name="period"
          label={kind === 'monthly' ? t('payments.periodMonthly') : t('payments.periodPayment')}
          extra={
            kind === 'monthly'
              ? next.latest
                ? t('payments.latestCycle', {
                    period: next.latest.period,
                    status: t(`payments.cycleStatus.${next.latest.status}`),
                  })
                : undefined
              : t('payments.settlementHint')
          }
          rules={[{ required: true, message: t('payments.periodRequired') }]}
        >
          <Select showSearch style={{ width: 160 }} options={periodOptions()} />
        </Form.Item>
      )}
      <Form.Item
        name="regionCode"
        label={t('payments.cycleRegion')}
        extra={wholeDatabase ? t('payments.cycleRegionLevel') : t('payments.cycleRegionHint')}
        rules={[{ required: wholeDatabase, message: t('payments.cycleRegionRequired') }]}
      >
        <RegionPicker
          style={{ width: 320 }}
          placeholder={wholeDatabase ? undefined : t('payments.cycleRegionPlaceholder')}
        />
      </Form.Item>
      {overriding ? (
        <Form.Item
          name="budgetOverrideReason"
          label={t('payments.overrideReason')}
          rules={[{ required: true, whitespace: true, message: t('payments.overrideReasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      ) : null}
    </FormModal>
  );
}

function GenerateProblem({ problem, isAdmin }: { problem: Problem | null; isAdmin: boolean }) {
  const { t } = useTranslation();
  if (!problem) return null;
  if (problem.kind === 'exists') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('payments.cycleExists')}
        description={
          <>
            <Typography.Paragraph style={{ marginBottom: 4 }}>{problem.message}</Typography.Paragraph>
            <Link
              to={`/payments?programCode=${encodeURIComponent(problem.programCode)}&year=${encodeURIComponent(problem.year)}`}
            >
              {t('payments.showExisting')}
            </Link>
          </>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (problem.kind === 'budget') {
    const f = problem.figures;
    return (
      <Alert
        type="error"
        showIcon
        title={t('payments.budgetExceeded')}
        description={
          <>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'budget', label: t('payments.budget'), children: formatFen(f.budgetCents) },
                { key: 'committed', label: t('payments.committed'), children: formatFen(f.committedCents) },
                { key: 'cycle', label: t('payments.thisCycle'), children: formatFen(f.cycleCents) },
                { key: 'over', label: t('payments.over'), children: formatFen(f.overCents) },
              ]}
            />
            <Typography.Paragraph style={{ marginBottom: 0 }}>
              {isAdmin ? t('payments.overrideHint') : t('payments.overrideAdminOnly')}
            </Typography.Paragraph>
          </>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  return <Alert type="error" showIcon title={problem.message} style={{ marginBottom: 16 }} />;
}
