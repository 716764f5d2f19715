import { useTranslation } from 'react-i18next';
import { tablePagination } from '../lib/list-params';
import { DataTable } from './DataTable';
import { LoadError } from './LoadError';

type DataTableProps<T extends object> = Parameters<typeof DataTable<T>>[0];

type PagedTableProps<T extends object> = Omit<DataTableProps<T>, 'dataSource' | 'loading' | 'pagination'> & {
  /** The query of the page shown: its rows and total, or why they could not be loaded. */
  result: { data?: { items: T[]; total: number }; error: Error | null; isFetching: boolean };
  paging: { page: number; pageSize: number; setPage: (page: number, pageSize: number) => void };
};

/** A list loaded a page at a time: the load error if any, then the table with its pager. */
export function PagedTable<T extends object>({ result, paging, ...props }: PagedTableProps<T>) {
  const { t } = useTranslation();
  const { page, pageSize, setPage } = paging;
  return (
    <>
      <LoadError error={result.error} style={{ marginBottom: 16 }} />
      <DataTable<T>
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={tablePagination({ page, pageSize, total: result.data?.total ?? 0, onChange: setPage, t })}
        {...props}
      />
    </>
  );
}
