import type { Lang } from '../../i18n/messages.js';
import type { CompletionReport } from './completion-report.js';
import { buildReportWorkbook, chinaDateTime, type ReportColumn, type ReportRow } from './report-workbook.js';

// The completion report as the workbook a DPF pastes into its work report: one block of rows per
// programme (its child regions), then a 合计 row per programme with the region's totals.

const TEXT = {
  zh: {
    sheet: '目标任务完成情况',
    title: (year: number) => `${year}年度惠残项目目标任务完成情况`,
    region: '区划',
    wholeDatabase: '全部区划',
    year: '年度',
    yearValue: (year: number) => `${year}年`,
    generatedAt: '生成时间',
    program: '项目',
    regionGroup: '区划',
    regionCode: '区划代码',
    regionName: '名称',
    figures: '完成情况',
    target: '目标任务数',
    completed: '完成数（人）',
    rate: '完成率（%）',
    exceeded: '超额完成数',
    total: (name: string) => `${name}合计`,
    empty: '本年度没有目标任务，也没有完成的申请',
    notes: [
      '完成数：该年度该项目申请已办结（completed）的人数，一人只计一次；按申请受理时的区划统计。',
      '完成率 = 完成数 ÷ 目标任务数 × 100%，四舍五入保留两位小数；目标任务数为 0 或未下达时不计算。超额完成数 = 完成数 − 目标任务数（不为负）。',
    ],
  },
  en: {
    sheet: 'Completion',
    title: (year: number) => `Programme targets and completions, ${year}`,
    region: 'Region',
    wholeDatabase: 'All regions',
    year: 'Year',
    yearValue: (year: number) => String(year),
    generatedAt: 'Generated at',
    program: 'Programme',
    regionGroup: 'Region',
    regionCode: 'Code',
    regionName: 'Name',
    figures: 'Completion',
    target: 'Target',
    completed: 'Completed (persons)',
    rate: 'Rate (%)',
    exceeded: 'Exceeded by',
    total: (name: string) => `${name} total`,
    empty: 'No targets and no completed applications this year',
    notes: [
      'Completed: persons with a completed application of the programme and year, each counted once, in the region where the application was filed.',
      'Rate = completed ÷ target × 100, rounded half-up to 2 decimals; none when the target is 0 or not set. Exceeded by = completed − target when positive.',
    ],
  },
} as const;

export async function completionWorkbook(report: CompletionReport, o: { lang: Lang; now: Date }): Promise<Buffer> {
  const t = TEXT[o.lang];
  const regionLabel = report.regionCode ? `${report.regionName ?? ''}（${report.regionCode}）` : t.wholeDatabase;
  const columns: ReportColumn[] = [
    { key: 'program', header: t.program, width: 28 },
    { key: 'regionCode', header: t.regionCode, group: t.regionGroup, width: 15 },
    { key: 'regionName', header: t.regionName, group: t.regionGroup, width: 18 },
    { key: 'target', header: t.target, group: t.figures, kind: 'integer' },
    { key: 'completed', header: t.completed, group: t.figures, kind: 'integer', width: 14 },
    { key: 'rate', header: t.rate, group: t.figures, kind: 'percent', empty: '—' },
    { key: 'exceeded', header: t.exceeded, group: t.figures, kind: 'integer' },
  ];
  const rows: ReportRow[] = report.rows.map((r) => ({
    program: r.programName,
    regionCode: r.regionCode,
    regionName: r.regionName,
    // a region without a target of its own (a village) shows neither target nor excess
    target: r.hasTarget ? r.target : null,
    completed: r.completed,
    rate: r.rate,
    exceeded: r.hasTarget ? r.exceeded : null,
  }));
  const totals: ReportRow[] = report.totals.map((r) => ({
    program: r.programName,
    regionCode: report.regionCode,
    regionName: t.total(report.regionName ?? t.wholeDatabase),
    target: r.target,
    completed: r.completed,
    rate: r.rate,
    exceeded: r.exceeded,
  }));
  return buildReportWorkbook(
    {
      name: t.sheet,
      title: t.title(report.year),
      meta: [
        [t.region, regionLabel],
        [t.year, t.yearValue(report.year)],
        [t.generatedAt, chinaDateTime(o.now)],
      ],
      columns,
      rows,
      totals,
      notes: [...t.notes],
      emptyText: t.empty,
    },
    { now: o.now },
  );
}
