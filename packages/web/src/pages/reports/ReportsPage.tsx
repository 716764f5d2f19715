import { PERMISSIONS } from '@huican/core';
import { Form, Select, Tabs, type TabsProps } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { reportFiles } from '../../api/reports';
import { useCurrentUser } from '../../auth/AuthProvider';
import { canOpen } from '../../auth/permissions';
import { PageTitle } from '../../components/PageTitle';
import { CompletionTab } from './CompletionTab';
import { DownloadLink } from './DownloadLink';
import { FundsTab } from './FundsTab';
import { RegionBreadcrumb } from './RegionBreadcrumb';
import { RegistryTab } from './RegistryTab';
import { RehabTab } from './RehabTab';
import { currentYear } from './report-format';
import { type ReportTab, useReportParams } from './report-params';

function yearOptions(t: TFunction, shown: number) {
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3, now - 4];
  if (!years.includes(shown)) years.push(shown);
  return years.sort((a, b) => b - a).map((value) => ({ value, label: t('reports.yearOption', { year: value }) }));
}

/**
 * 统计报表: the figures of a DPF's work report for the user's region or one drilled into — completion of
 * targets, rehabilitation, funds and registry statistics — each with its workbook, and the half-year or
 * year summary as a Word document.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const report = useReportParams();
  const { year, regionCode, regionSearch } = report;
  const mayReadFunds = canOpen(user.role, PERMISSIONS['payments.read']);
  const tab: ReportTab = report.tab === 'funds' && !mayReadFunds ? 'completion' : report.tab;

  const items: TabsProps['items'] = [
    {
      key: 'completion',
      label: t('reports.tabs.completion'),
      children: (
        <CompletionTab
          year={year}
          regionCode={regionCode}
          program={report.program}
          onProgram={(program) => report.replace({ program })}
          regionSearch={regionSearch}
        />
      ),
    },
    {
      key: 'rehab',
      label: t('reports.tabs.rehab'),
      children: <RehabTab year={year} regionCode={regionCode} regionSearch={regionSearch} />,
    },
    ...(mayReadFunds
      ? [
          {
            key: 'funds',
            label: t('reports.tabs.funds'),
            children: <FundsTab year={year} regionCode={regionCode} />,
          },
        ]
      : []),
    {
      key: 'registry',
      label: t('reports.tabs.registry'),
      children: (
        <RegistryTab
          regionCode={regionCode}
          from={report.from}
          to={report.to}
          onPeriod={(from, to) => report.replace({ from, to })}
          regionSearch={regionSearch}
        />
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title={t('reports.title')}
        extra={
          <>
            <DownloadLink href={reportFiles.summary({ year, regionCode, period: 'H1' })}>
              {t('reports.summaryH1', { year })}
            </DownloadLink>
            <DownloadLink primary href={reportFiles.summary({ year, regionCode, period: 'year' })}>
              {t('reports.summaryYear', { year })}
            </DownloadLink>
          </>
        }
      />
      <RegionBreadcrumb regionCode={regionCode} regionSearch={regionSearch} />
      {tab === 'registry' ? null : (
        <Form layout="inline" name="reportYear" style={{ marginBottom: 8 }}>
          <Form.Item label={t('reports.year')} htmlFor="reportYear">
            <Select
              id="reportYear"
              value={year}
              style={{ width: 120 }}
              options={yearOptions(t, year)}
              onChange={(value: number) => report.replace({ year: String(value) })}
            />
          </Form.Item>
        </Form>
      )}
      <Tabs
        activeKey={tab}
        items={items}
        onChange={(key) => report.replace({ tab: key === 'completion' ? undefined : key })}
      />
    </>
  );
}
