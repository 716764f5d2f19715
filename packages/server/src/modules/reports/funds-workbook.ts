import type { Lang } from '../../i18n/messages.js';
import { regionLabel } from './export-labels.js';
import type { fundsReport } from './funds-report.js';
import { buildReportWorkbook, chinaDateTime, type ReportColumn, type ReportRow } from './report-workbook.js';

// The funds report (资金执行情况) as a workbook: the programmes' budget, committed, paid, execution rate and
// persons paid with the year's 合计; then the months, persons paid and amount per programme (merged under
// the programme's name) and across programmes.

export type FundsReport = Awaited<ReturnType<typeof fundsReport>>;

const TEXT = {
  zh: {
    title: (year: number) => `${year}年度惠残资金执行情况`,
    monthsTitle: (year: number) => `${year}年度惠残资金分月发放情况`,
    sheet: '资金执行情况',
    monthsSheet: '分月发放',
    region: '区划',
    year: '年度',
    yearValue: (year: number) => `${year}年`,
    generatedAt: '生成时间',
    program: '项目',
    money: '资金（元）',
    budget: '预算',
    committed: '已占用',
    paid: '已发放',
    rate: '执行率（%）',
    persons: '发放人数',
    month: '发放月份',
    monthValue: (month: string) => `${Number(month.slice(5))}月`,
    monthPersons: '人数',
    monthPaid: '金额（元）',
    allPrograms: '合计',
    total: '合计',
    yearTotal: '全年',
    noBudget: '乡镇、村不单列预算：预算和执行率只按县（或全部区划）统计。',
    empty: '本年度没有资金发放',
    notes: [
      '按发放批次所属年度统计，已取消的批次不计。已占用 = 待发放和已发放的明细；已发放 = 已发放的明细；发放失败和作废的不计。',
      '执行率 = 已发放 ÷ 预算 × 100%，四舍五入保留两位小数；未录入预算的项目不计算（—），合计行只计有预算的项目。',
      '发放人数：有已发放明细的人数，一人只计一次（合计行中领取多个项目的也只计一次）；按人员所在区划统计。',
    ],
    monthNotes: [
      '发放月份为发放批次的月份，补发计入补发批次的月份，各月相加等于全年已发放金额。',
      '人数为当月有已发放明细的人数；全年一行为全年去重人数，不等于各月人数相加。',
    ],
  },
  en: {
    title: (year: number) => `Programme funds, ${year}`,
    monthsTitle: (year: number) => `Programme funds paid by month, ${year}`,
    sheet: 'Funds',
    monthsSheet: 'By month',
    region: 'Region',
    year: 'Year',
    yearValue: (year: number) => String(year),
    generatedAt: 'Generated at',
    program: 'Programme',
    money: 'Funds (yuan)',
    budget: 'Budget',
    committed: 'Committed',
    paid: 'Paid',
    rate: 'Execution rate (%)',
    persons: 'Persons paid',
    month: 'Month paid',
    monthValue: (month: string) => month,
    monthPersons: 'Persons',
    monthPaid: 'Paid (yuan)',
    allPrograms: 'All programmes',
    total: 'Total',
    yearTotal: 'Year',
    noBudget:
      'Budgets are set for the county, not per township or village: budget and execution rate are shown for a county (or all regions) only.',
    empty: 'Nothing paid this year',
    notes: [
      'Money of the payment cycles of the year, cancelled cycles left out. Committed = pending and paid lines; paid = paid lines; failed and void lines count in neither.',
      'Execution rate = paid ÷ budget × 100, rounded half-up to 2 decimals; none (—) without a budget; the total counts the programmes with a budget only.',
      'Persons paid: persons with a paid line, each counted once (in the total, also across programmes), in the region they live in.',
    ],
    monthNotes: [
      'Month paid = the month of the payment cycle; back pay counts in the month of the cycle that pays it, so the months add up to the year.',
      'Persons: persons with a paid line in the month; the year row counts each person once, which is not the sum of the months.',
    ],
  },
} as const;

export async function fundsWorkbook(report: FundsReport, o: { lang: Lang; now: Date }): Promise<Buffer> {
  const t = TEXT[o.lang];
  const meta: [string, string][] = [
    [t.region, regionLabel(report.regionCode, report.regionName, o.lang)],
    [t.year, t.yearValue(report.year)],
    [t.generatedAt, chinaDateTime(o.now)],
  ];
  const notes = report.budgetApplies ? [...t.notes] : [t.noBudget, ...t.notes];

  const columns: ReportColumn[] = [
    { key: 'program', header: t.program, width: 28 },
    { key: 'budget', header: t.budget, group: t.money, kind: 'money', empty: '—' },
    { key: 'committed', header: t.committed, group: t.money, kind: 'money' },
    { key: 'paid', header: t.paid, group: t.money, kind: 'money' },
    { key: 'rate', header: t.rate, kind: 'percent', empty: '—', width: 14 },
    { key: 'persons', header: t.persons, kind: 'integer' },
  ];
  const rows: ReportRow[] = report.programs.map((p) => ({
    program: p.name,
    budget: p.budgetCents,
    committed: p.committedCents,
    paid: p.paidCents,
    rate: p.executionRate,
    persons: p.personsPaid,
  }));
  const totals: ReportRow[] = [
    {
      program: t.total,
      budget: report.totals.budgetCents,
      committed: report.totals.committedCents,
      paid: report.totals.paidCents,
      rate: report.totals.executionRate,
      persons: report.totals.personsPaid,
    },
  ];

  // The months: a pair of columns per programme that paid anything this year, then all programmes.
  const paying = report.programs.filter((p) => p.paidCents > 0);
  const pair = (key: string, group: string): ReportColumn[] => [
    { key: `${key}.persons`, header: t.monthPersons, group, kind: 'integer', width: 10 },
    { key: `${key}.paid`, header: t.monthPaid, group, kind: 'money', width: 16 },
  ];
  const monthColumns: ReportColumn[] = [
    { key: 'month', header: t.month, width: 12 },
    ...paying.flatMap((p) => pair(p.programCode, p.name)),
    ...pair('all', t.allPrograms),
  ];
  const monthRows: ReportRow[] = report.totals.months.map((m, i) => {
    const row: ReportRow = { month: t.monthValue(m.month), 'all.persons': m.personsPaid, 'all.paid': m.paidCents };
    for (const p of paying) {
      row[`${p.programCode}.persons`] = p.months[i]!.personsPaid;
      row[`${p.programCode}.paid`] = p.months[i]!.paidCents;
    }
    return row;
  });
  const yearRow: ReportRow = {
    month: t.yearTotal,
    'all.persons': report.totals.personsPaid,
    'all.paid': report.totals.paidCents,
  };
  for (const p of paying) {
    yearRow[`${p.programCode}.persons`] = p.personsPaid;
    yearRow[`${p.programCode}.paid`] = p.paidCents;
  }

  return buildReportWorkbook(
    [
      { name: t.sheet, title: t.title(report.year), meta, columns, rows, totals, notes },
      {
        name: t.monthsSheet,
        title: t.monthsTitle(report.year),
        meta,
        columns: monthColumns,
        rows: monthRows,
        totals: [yearRow],
        notes: [...t.monthNotes],
        emptyText: t.empty,
      },
    ],
    { now: o.now },
  );
}
