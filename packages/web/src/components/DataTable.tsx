import { Table, type TableProps } from 'antd';
import { useEffect, useRef } from 'react';

type DataTableProps<T> = TableProps<T> & {
  /** The table's accessible name, also given to its horizontal scroll area. */
  label: string;
};

/**
 * What antd leaves out, done on the rendered table:
 * - a region that scrolls must be focusable (WCAG 2.1.1, axe `scrollable-region-focusable`), and antd leaves
 *   the horizontal scroll area out of the tab order;
 * - the hidden row antd measures column widths with (`aria-hidden`) holds copies of the headers, the
 *   select-all checkbox included: taken out of the tab order (axe `aria-hidden-focus`).
 */
function patchTable(root: HTMLElement, label: string) {
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
    el.tabIndex = 0;
    el.setAttribute('role', 'region');
    el.setAttribute('aria-label', label);
  }
  for (const row of root.querySelectorAll<HTMLElement>('.ant-table-measure-row')) {
    row.setAttribute('inert', '');
    for (const el of row.querySelectorAll<HTMLElement>('input, button, a[href], [tabindex]')) el.tabIndex = -1;
  }
}

/** antd's Table made keyboard- and screen-reader-friendly where it is not by itself (see patchTable). */
export function DataTable<T extends object>({ label, ...props }: DataTableProps<T>) {
  const wrapper = useRef<HTMLDivElement>(null);
  const labelRef = useRef(label);
  labelRef.current = label;
  useEffect(() => {
    if (wrapper.current) patchTable(wrapper.current, label);
  });
  // The table also re-renders by itself (column measuring, scrolling): patch what it adds then too.
  useEffect(() => {
    const root = wrapper.current;
    if (!root) return;
    const observer = new MutationObserver(() => patchTable(root, labelRef.current));
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={wrapper}>
      <Table<T> scroll={{ x: 'max-content' }} {...props} />
    </div>
  );
}
