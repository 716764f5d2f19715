import { isRealDate, isRegionCode } from '@huican/core';
import { useSearchParams } from 'react-router';
import { currentYear } from './report-format';

export const REPORT_TABS = ['completion', 'rehab', 'funds', 'registry'] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

export type ReportParams = {
  tab: ReportTab;
  year: number;
  /** The region looked at; undefined: the user's own region. */
  regionCode: string | undefined;
  /** The programme of the completion tab's table by region. */
  program: string | undefined;
  /** The registry statistics' period (server default: this year so far). */
  from: string | undefined;
  to: string | undefined;
};

/**
 * The report page's state lives in the address (`?tab=&year=&regionCode=&program=&from=&to=`), so that a
 * drill-down is a new history entry (Back goes up again) and a view can be bookmarked or sent on.
 */
export function readReportParams(params: URLSearchParams): ReportParams {
  const tab = params.get('tab');
  const year = Number(params.get('year'));
  const regionCode = params.get('regionCode');
  const from = params.get('from');
  const to = params.get('to');
  return {
    tab: (REPORT_TABS as readonly string[]).includes(tab ?? '') ? (tab as ReportTab) : 'completion',
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : currentYear(),
    regionCode: isRegionCode(regionCode) ? regionCode : undefined,
    program: params.get('program') || undefined,
    from: from && isRealDate(from) ? from : undefined,
    to: to && isRealDate(to) ? to : undefined,
  };
}

/** The address's query with some values changed (undefined removes one). */
export function searchWith(params: URLSearchParams, changes: Partial<Record<keyof ReportParams, string | undefined>>) {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
  }
  const search = next.toString();
  return search ? `?${search}` : '';
}

export function useReportParams() {
  const [params, setParams] = useSearchParams();
  const values = readReportParams(params);
  return {
    ...values,
    params,
    /** Changes values in place (a filter, a tab): no new history entry. */
    replace: (changes: Partial<Record<keyof ReportParams, string | undefined>>) =>
      setParams(new URLSearchParams(searchWith(params, changes)), { replace: true }),
    /** The address of the same view for another region (a drill-down link). */
    regionSearch: (regionCode: string | undefined) => searchWith(params, { regionCode }),
  };
}
