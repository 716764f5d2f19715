import type { TablePaginationConfig } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

function positiveInt(value: string | null, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 ? Math.min(parsed, max) : fallback;
}

/**
 * Page, page size and filters of a server-side list, kept in the address so that a list can be bookmarked,
 * shared and returned to with the browser's back button.
 */
export function useListParams<F extends string>(filterNames: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.get(name) ?? undefined])) as Record<
    F,
    string | undefined
  >;

  const setPage = useCallback(
    (nextPage: number, nextPageSize: number) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        next.set('page', String(nextPageSize === pageSize ? nextPage : 1));
        next.set('pageSize', String(nextPageSize));
        return next;
      });
    },
    [setParams, pageSize],
  );

  /** New filters start again from the first page. */
  const setFilters = useCallback(
    (values: Partial<Record<F, string | undefined>>) => {
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const name of filterNames) {
          const value = values[name]?.trim();
          if (value) next.set(name, value);
          else next.delete(name);
        }
        next.delete('page');
        return next;
      });
    },
    [setParams, filterNames],
  );

  return { page, pageSize, filters, setPage, setFilters };
}

type PaginationOptions = {
  page: number;
  pageSize: number;
  total: number;
  /** `setPage` of useListParams. */
  onChange: (page: number, pageSize: number) => void;
  t: TFunction;
  pageSizeOptions?: number[];
};

/** The pagination of a table over a server-side list: page sizes to choose from and the total in words. */
export function tablePagination({
  page,
  pageSize,
  total,
  onChange,
  t,
  pageSizeOptions = [20, 50, 100, 200],
}: PaginationOptions): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: true,
    pageSizeOptions,
    showTotal: (count) => t('common.total', { total: count }),
    onChange,
  };
}
