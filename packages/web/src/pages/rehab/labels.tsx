import { todayInChina } from '@huican/core';
import { Progress, Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanProgress, RehabPlanStatus } from '../../api/rehab';

const STATUS_COLORS: Record<RehabPlanStatus, string | null> = {
  active: 'processing',
  completed: 'success',
  cancelled: null,
};

/** The plan's status in words; the colour only repeats what the text says. */
export function PlanStatusTag({ status }: { status: RehabPlanStatus }) {
  const { t } = useTranslation();
  const color = STATUS_COLORS[status];
  const text = t(`rehab.statuses.${status}`);
  return color ? (
    <Tag color={color} variant="solid">
      {text}
    </Tag>
  ) : (
    <Tag>{text}</Tag>
  );
}

/** "2026-03-01 至 2026-12-31" */
export const periodText = (t: TFunction, plan: { startsOn: string; endsOn: string }) =>
  t('rehab.periodValue', { from: plan.startsOn, to: plan.endsOn });

/** "方案 2026-03-01 至 2026-12-31": names a plan in headings, buttons and announcements. */
export const planName = (t: TFunction, plan: { startsOn: string; endsOn: string }) =>
  t('rehab.planHeading', { from: plan.startsOn, to: plan.endsOn });

/**
 * Sessions delivered of planned as a bar with the count written beside it ("12/24 次"): the bar's name says
 * what it measures and its value text repeats the count, so nothing rests on the bar's length alone.
 */
export function SessionsProgress({
  delivered,
  planned,
  label,
  size,
}: {
  delivered: number;
  planned: number;
  label: string;
  size?: 'small';
}) {
  const { t } = useTranslation();
  const text = t('rehab.progressValue', { delivered, planned });
  const percent = planned > 0 ? Math.min(100, Math.floor((delivered / planned) * 100)) : 0;
  return (
    <Progress
      percent={percent}
      status={planned > 0 && delivered >= planned ? 'success' : 'normal'}
      size={size}
      aria-label={label}
      aria-valuetext={text}
      format={() => text}
      style={{ minWidth: 160, marginBottom: 0 }}
    />
  );
}

/** A plan's overall progress (each service counted at most its planned sessions, as the server does). */
export function PlanProgressBar({ progress, label }: { progress: PlanProgress; label: string }) {
  return <SessionsProgress delivered={progress.delivered} planned={progress.planned} label={label} />;
}

export const currentYear = () => Number(todayInChina().slice(0, 4));

/** The years to choose from: the last five, and the one shown if it is not among them. */
export function yearOptions(t: TFunction, shown: number) {
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3, now - 4];
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a).map((value) => ({ value, label: t('rehab.yearOption', { year: value }) }));
}
