import { formatRate, todayInChina } from '@huican/core';
import { type TableColumnType, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { TableHTMLAttributes } from 'react';
import { DataTable } from '../../components/DataTable';
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

/** Integer fen as ¥ on one line. */
export const money = (fen: number) => <span className="nowrap">{yuan(fen)}</span>;

/** A right-aligned column of counts. */
export const countColumn = <T,>(title: string, dataIndex: string): TableColumnType<T> => ({
  title,
  dataIndex,
  align: 'right',
  render: countText,
});

/** A right-aligned column of money (integer fen). */
export const moneyColumn = <T,>(title: string, dataIndex: string): TableColumnType<T> => ({
  title,
  dataIndex,
  align: 'right',
  render: money,
});

/** A right-aligned column of rates, with the reason where a row has none. */
export const rateColumn = <T,>(
  title: string,
  key: string,
  rateOf: (row: T) => number | null,
  missing: string,
): TableColumnType<T> => ({
  title,
  key,
  align: 'right',
  render: (_, row) => <Rate rate={rateOf(row)} missing={missing} />,
});

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

type ReportTableProps<T extends object> = Omit<
  Parameters<typeof DataTable<T>>[0],
  'components' | 'title' | 'pagination'
>;

/** A report's table: named by its label (the table's name and an h3 above it), all rows on one page. */
export function ReportTable<T extends object>({ label, ...props }: ReportTableProps<T>) {
  return (
    <DataTable<T>
      label={label}
      components={namedTable(label)}
      title={() => <h3 className="subsection-title">{label}</h3>}
      pagination={false}
      {...props}
    />
  );
}
