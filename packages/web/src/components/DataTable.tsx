import { Table, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';

type DataTableProps<T> = TableProps<T> & {
  /** The table's accessible name, also given to its horizontal scroll area. */
  label: string;
};

/**
 * antd's Table with its horizontal scroll area reachable by keyboard: a region that scrolls must be
 * focusable (WCAG 2.1.1, axe `scrollable-region-focusable`), and antd leaves it out of the tab order.
 */
export function DataTable<T extends object>({ label, ...props }: DataTableProps<T>) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    for (const el of wrapper.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ?? []) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    }
  });
  return (
    <div ref={wrapper}>
      <Table<T> scroll={{ x: 'max-content' }} {...props} />
    </div>
  );
}
