import { reportRate } from '@huican/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import type { CompletionReport, FundsReport, RegistryStats } from '../../api/reports';
import { countText, percentText, yuan } from '../reports/report-format';

// What the dashboard's charts show, as plain data, ECharts options and a sentence each: the sentence is
// the chart's text summary (on the page and as its accessible name), the data its table alternative.
// Type imports only: ECharts itself is loaded with the chart (EChart.tsx), not with this module.

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | AriaComponentOption
>;

/**
 * Colours with at least 3:1 contrast on white (WCAG 1.4.11 for graphics); series are also told apart by
 * decal patterns, symbols, line styles and labels, never by colour alone.
 */
export const CHART_COLORS = ['#0958d9', '#ad4e00', '#237804', '#722ed1', '#cf1322', '#006d75', '#595959'];
const AXIS_TEXT = '#595959';

const base = (description: string): ChartOption => ({
  color: CHART_COLORS,
  // ECharts writes role="img" and this description as aria-label on the chart's element; the decal
  // patterns tell the series apart without colour.
  aria: { enabled: true, label: { enabled: true, description }, decal: { show: true } },
  textStyle: { color: AXIS_TEXT },
  animation: false,
});

export type RegionCompletion = {
  regionCode: string;
  name: string;
  /** Sum of the region's own targets over the programmes; null when it has none (villages). */
  target: number | null;
  completed: number;
  rate: number | null;
};

/** The completion report summed over programmes per child region (as many bars as regions). */
export function completionByRegion(report: CompletionReport): RegionCompletion[] {
  const byRegion = new Map<string, { name: string; target: number; hasTarget: boolean; completed: number }>();
  for (const r of report.rows) {
    const entry = byRegion.get(r.regionCode) ?? {
      name: r.regionName ?? r.regionCode,
      target: 0,
      hasTarget: false,
      completed: 0,
    };
    if (r.hasTarget) {
      entry.target += r.target;
      entry.hasTarget = true;
    }
    entry.completed += r.completed;
    byRegion.set(r.regionCode, entry);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([regionCode, e]) => ({
      regionCode,
      name: e.name,
      target: e.hasTarget ? e.target : null,
      completed: e.completed,
      rate: e.hasTarget ? reportRate(e.completed, e.target) : null,
    }));
}

/** Overall: the completions of the programmes with a target, against the sum of their targets. */
export function overallCompletion(report: CompletionReport) {
  const withTarget = report.totals.filter((p) => p.target > 0);
  const target = withTarget.reduce((s, p) => s + p.target, 0);
  const completed = withTarget.reduce((s, p) => s + p.completed, 0);
  return { programs: withTarget.length, target, completed, rate: reportRate(completed, target) };
}

export function completionSummary(t: TFunction, regions: RegionCompletion[]): string {
  if (regions.length === 0) return t('dashboard.completion.empty');
  const rated = regions.filter((r): r is RegionCompletion & { rate: number } => r.rate !== null);
  const target = rated.reduce((s, r) => s + (r.target ?? 0), 0);
  const completed = regions.reduce((s, r) => s + r.completed, 0);
  if (rated.length > 0) {
    const best = rated.reduce((a, b) => (b.rate > a.rate ? b : a));
    const worst = rated.reduce((a, b) => (b.rate < a.rate ? b : a));
    return t('dashboard.completion.summary', {
      best: best.name,
      bestRate: percentText(best.rate),
      worst: worst.name,
      worstRate: percentText(worst.rate),
      target: countText(target),
      completed: countText(completed),
    });
  }
  const most = regions.reduce((a, b) => (b.completed > a.completed ? b : a));
  return t('dashboard.completion.summaryNoTargets', {
    name: most.name,
    count: countText(most.completed),
    completed: countText(completed),
  });
}

export function completionOption(t: TFunction, regions: RegionCompletion[], description: string): ChartOption {
  const hasTargets = regions.some((r) => r.target !== null);
  const series: BarSeriesOption[] = [
    ...(hasTargets
      ? [{ type: 'bar' as const, name: t('dashboard.completion.target'), data: regions.map((r) => r.target ?? '-') }]
      : []),
    { type: 'bar', name: t('dashboard.completion.completed'), data: regions.map((r) => r.completed) },
  ];
  return {
    ...base(description),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: regions.map((r) => r.name),
      axisLabel: { color: AXIS_TEXT, interval: 0, rotate: regions.length > 6 ? 40 : 0 },
    },
    yAxis: { type: 'value', name: t('dashboard.completion.unit'), axisLabel: { color: AXIS_TEXT } },
    series,
  };
}

export function paymentsSummary(t: TFunction, funds: FundsReport): string {
  const { totals } = funds;
  if (totals.paidCents === 0) return t('dashboard.payments.empty', { year: funds.year });
  const top = totals.months.reduce((a, b) => (b.paidCents > a.paidCents ? b : a));
  return t('dashboard.payments.summary', {
    year: funds.year,
    amount: yuan(totals.paidCents),
    persons: countText(totals.personsPaid),
    month: top.month,
    monthAmount: yuan(top.paidCents),
    monthPersons: countText(top.personsPaid),
  });
}

export function paymentsOption(t: TFunction, funds: FundsReport, description: string): ChartOption {
  const months = funds.totals.months;
  return {
    ...base(description),
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { color: AXIS_TEXT } },
    grid: { left: 8, right: 8, bottom: 8, top: 48, containLabel: true },
    xAxis: {
      type: 'category',
      data: months.map((m) => t('dashboard.payments.monthShort', { month: Number(m.month.slice(5, 7)) })),
      axisLabel: { color: AXIS_TEXT },
    },
    yAxis: [
      { type: 'value', name: t('dashboard.payments.amountAxis'), axisLabel: { color: AXIS_TEXT } },
      { type: 'value', name: t('dashboard.payments.personsAxis'), axisLabel: { color: AXIS_TEXT } },
    ],
    series: [
      {
        type: 'line',
        name: t('dashboard.payments.amount'),
        yAxisIndex: 0,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 3, type: 'solid' },
        // Yuan for the axis only: the table and the summary print the exact fen.
        data: months.map((m) => m.paidCents / 100),
      },
      {
        type: 'line',
        name: t('dashboard.payments.persons'),
        yAxisIndex: 1,
        symbol: 'triangle',
        symbolSize: 10,
        lineStyle: { width: 2, type: 'dashed' },
        data: months.map((m) => m.personsPaid),
      },
    ],
  };
}

export type CategoryShare = { category: number; name: string; count: number; share: number | null };

export function categoryShares(t: TFunction, stats: RegistryStats): CategoryShare[] {
  const total = stats.persons.categoryGrade.withCertificate;
  return stats.persons.categoryGrade.rows.map((r) => ({
    category: r.category,
    name: t(`registry.categories.${String(r.category) as '1'}`),
    count: r.total,
    share: reportRate(r.total, total),
  }));
}

export function categorySummary(t: TFunction, shares: CategoryShare[]): string {
  const total = shares.reduce((s, c) => s + c.count, 0);
  if (total === 0) return t('dashboard.categories.empty');
  const top = shares.reduce((a, b) => (b.count > a.count ? b : a));
  return t('dashboard.categories.summary', {
    total: countText(total),
    top: top.name,
    count: countText(top.count),
    share: top.share === null ? '' : percentText(top.share),
  });
}

export function categoryOption(t: TFunction, shares: CategoryShare[], description: string): ChartOption {
  return {
    ...base(description),
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        name: t('dashboard.categories.title'),
        radius: ['30%', '65%'],
        // Every slice names itself: the colour is never the only key.
        label: { formatter: t('dashboard.categories.sliceLabel'), color: '#1f1f1f' },
        data: shares.filter((s) => s.count > 0).map((s) => ({ name: s.name, value: s.count })),
      },
    ],
  };
}
