import { formatRate, todayInChina } from '@huican/core';
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { TableHTMLAttributes } from 'react';
import { fenToYuan } from '../../lib/money';

// How the reports show their figures: money as ¥ with two decimals (integer fen, no floating point on the
// way), rates as the server rounded them with two decimals and "%", and a missing figure as a dash with
// the reason in words (a dash alone says nothing to someone who cannot see the column it is in).

/** Integer fen as "¥1,234.50". */
export function yuan(fen: number): string {
  const [whole = '0', decimals = '00'] = fenToYuan(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}¥${Number(whole).toLocaleString('en-US')}.${decimals}`;
}

/** A rate in percent with its two decimals: "149.09%". */
export const percentText = (rate: number) => `${formatRate(rate)}%`;

/** A count with thousands separators. */
export const countText = (n: number) => n.toLocaleString('en-US');

export const currentYear = () => Number(todayInChina().slice(0, 4));

/** A figure that does not exist: a dash for the eye, the reason in words for everyone. */
export function NoFigure({ reason }: { reason: string }) {
  return (
    <span className="nowrap">
      <span aria-hidden="true">—</span> <Typography.Text type="secondary">{reason}</Typography.Text>
    </span>
  );
}

/** A rate, or the reason there is none. */
export function Rate({ rate, missing }: { rate: number | null; missing: string }) {
  return rate === null ? <NoFigure reason={missing} /> : <span className="nowrap">{percentText(rate)}</span>;
}

/** "0-6" → "0–6 岁", "60+" → "60 岁及以上". */
export function ageGroupName(t: TFunction, group: string): string {
  if (group.endsWith('+')) return t('reports.ageFrom', { min: group.slice(0, -1) });
  const [min, max] = group.split('-');
  return t('reports.ageRange', { min, max });
}

/** A category of the registry's list by its number (1–7); null: persons without a certificate. */
export function categoryLabel(t: TFunction, category: number | null): string {
  if (category === null || category < 1 || category > 7) return t('reports.noCertificate');
  return t(`registry.categories.${String(category) as '1'}`);
}

type TableElement = (props: TableHTMLAttributes<HTMLTableElement>) => React.JSX.Element;
const labelledTables = new Map<string, { table: TableElement }>();

/**
 * antd's `components` for a <table> that carries its own accessible name (one component per name, so that
 * React keeps the table mounted between renders): several tables on one tab are told apart by name.
 */
export function namedTable(label: string): { table: TableElement } {
  let components = labelledTables.get(label);
  if (!components) {
    components = { table: (props) => <table {...props} aria-label={label} /> };
    labelledTables.set(label, components);
  }
  return components;
}
