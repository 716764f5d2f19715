import { Table } from 'antd';
import type { ReactNode } from 'react';

type Props = {
  /** What the row totals ("合计"), in the first cell. */
  label: ReactNode;
  /** How many columns the label spans. */
  labelSpan?: number;
  /** The totals, right-aligned in the columns after the label. */
  figures: ReactNode[];
  /** Cells after the figures, as they are. */
  children?: ReactNode;
};

/** A table's totals row (its `summary`): the label, then the figures, in bold. */
export function TotalsRow({ label, labelSpan = 1, figures, children }: Props) {
  return (
    <Table.Summary.Row>
      <Table.Summary.Cell index={0} colSpan={labelSpan > 1 ? labelSpan : undefined}>
        <strong>{label}</strong>
      </Table.Summary.Cell>
      {figures.map((figure, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
        <Table.Summary.Cell key={i} index={labelSpan + i} align="right">
          <strong>{figure}</strong>
        </Table.Summary.Cell>
      ))}
      {children}
    </Table.Summary.Row>
  );
}
