import { STOPPED_REASONS, type StoppedReason, todayInChina } from '@huican/core';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { TableHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { fenToYuan } from '../../lib/money';
import type { Cycle, CycleStatus, LineStatus } from './payments-api';

/** Integer fen as "¥1,234.50" (integer arithmetic: no binary rounding on the way); "—" for nothing. */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const [whole = '0', decimals = '00'] = fenToYuan(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}¥${Number(whole).toLocaleString('en-US')}.${decimals}`;
}

export const currentPeriod = () => todayInChina().slice(0, 7);
export const currentYear = () => Number(todayInChina().slice(0, 4));

/** The month `n` months after `period` (YYYY-MM). */
export function addMonths(period: string, n: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months a cycle may be generated for: two years back up to December of next year (the server's limit). */
export function periodOptions(): { value: string; label: string }[] {
  const last = `${currentYear() + 1}-12`;
  const options: { value: string; label: string }[] = [];
  for (let p = last; p >= addMonths(currentPeriod(), -24); p = addMonths(p, -1)) options.push({ value: p, label: p });
  return options;
}

const CYCLE_STATUS_COLORS: Record<CycleStatus, string | null> = {
  draft: null,
  submitted: 'processing',
  approved: 'warning',
  paid: 'success',
  cancelled: 'error',
};

/** The cycle's status in words; the colour only repeats what the text says. */
export function CycleStatusTag({ status }: { status: CycleStatus }) {
  const { t } = useTranslation();
  const color = CYCLE_STATUS_COLORS[status];
  const text = t(`payments.cycleStatus.${status}`);
  return color ? (
    <Tag color={color} variant="solid">
      {text}
    </Tag>
  ) : (
    <Tag>{text}</Tag>
  );
}

const LINE_STATUS_COLORS: Record<LineStatus, string | null> = {
  pending: 'processing',
  paid: 'success',
  failed: 'error',
  void: null,
};

export function LineStatusTag({ status }: { status: LineStatus }) {
  const { t } = useTranslation();
  const color = LINE_STATUS_COLORS[status];
  const text = t(`payments.lineStatus.${status}`);
  return color ? (
    <Tag color={color} variant="solid">
      {text}
    </Tag>
  ) : (
    <Tag>{text}</Tag>
  );
}

/** "困难残疾人生活补贴 2026-11": names a cycle in headings, links and announcements. */
export const cycleName = (t: TFunction, cycle: Pick<Cycle, 'programName' | 'programCode' | 'period' | 'kind'>) =>
  t(cycle.kind === 'repayment' ? 'payments.repaymentName' : 'payments.cycleName', {
    program: cycle.programName ?? cycle.programCode,
    period: cycle.period,
  });

type TableElement = (props: TableHTMLAttributes<HTMLTableElement>) => React.JSX.Element;
const labelledTables = new Map<string, { table: TableElement }>();

/**
 * antd's `components` for a <table> that carries its own accessible name (the same component for the same
 * name, so that React keeps the table mounted between renders).
 */
export function labelledTable(label: string): { table: TableElement } {
  let components = labelledTables.get(label);
  if (!components) {
    components = { table: (props) => <table {...props} aria-label={label} /> };
    labelledTables.set(label, components);
  }
  return components;
}

/** A stopped payment's reason without its date, for the counts by reason. */
export const stopReasonName = (t: TFunction, reason: string) =>
  (STOPPED_REASONS as readonly string[]).includes(reason)
    ? t(`payments.stopReasons.${reason as StoppedReason}`)
    : reason;
