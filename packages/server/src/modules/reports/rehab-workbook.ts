import type { RehabFigures } from '@huican/core';
import type { Lang } from '../../i18n/messages.js';
import { ageGroupLabel, categoryLabel, regionLabel } from './export-labels.js';
import type { RehabReport } from './rehab-report.js';
import { buildReportWorkbook, chinaDateTime, type ReportColumn, type ReportRow } from './report-workbook.js';

// The rehabilitation report (康复服务率, 辅具适配率) as a workbook: one sheet per breakdown — child region,
// certificate category, age group — each with the region's figures in its 合计 row.

const TEXT = {
  zh: {
    title: (year: number) => `${year}年度残疾人康复服务情况`,
    sheets: { region: '按区划', category: '按残疾类别', age: '按年龄段' },
    subtitle: { region: '按区划', category: '按残疾类别', age: '按年龄段' },
    region: '区划',
    year: '年度',
    yearValue: (year: number) => `${year}年`,
    generatedAt: '生成时间',
    regionGroup: '区划',
    regionCode: '区划代码',
    regionName: '名称',
    category: '残疾类别',
    ageGroup: '年龄段（年末）',
    rehab: '康复服务',
    needs: '有康复需求（人）',
    served: '已获服务（人）',
    serviceRate: '康复服务率（%）',
    device: '辅具适配',
    deviceNeeds: '有辅具需求（人）',
    deviceFitted: '已适配（人）',
    fittingRate: '辅具适配率（%）',
    total: '合计',
    notes: [
      '有康复需求：该年度需求调查登记了康复类需求（康复训练、辅助器具、药物、支持性服务）的人数；已获服务：其中该年度获得至少一次康复类服务的人数。一人只计一次，不论需求和服务有几项。',
      '有辅具需求：该年度登记了辅助器具需求的人数；已适配：其中该年度获得辅助器具适配服务的人数。',
      '康复服务率 = 已获服务 ÷ 有康复需求 × 100%，辅具适配率 = 已适配 ÷ 有辅具需求 × 100%，四舍五入保留两位小数；分母为 0 时不计算（—）。',
      '按人员现在的区划和残疾类别统计；年龄段按该年 12 月 31 日的年龄（年度减出生年份）。',
    ],
  },
  en: {
    title: (year: number) => `Rehabilitation services, ${year}`,
    sheets: { region: 'By region', category: 'By category', age: 'By age group' },
    subtitle: { region: 'by region', category: 'by disability category', age: 'by age group' },
    region: 'Region',
    year: 'Year',
    yearValue: (year: number) => String(year),
    generatedAt: 'Generated at',
    regionGroup: 'Region',
    regionCode: 'Code',
    regionName: 'Name',
    category: 'Disability category',
    ageGroup: 'Age group (at year end)',
    rehab: 'Rehabilitation services',
    needs: 'With a need (persons)',
    served: 'Served (persons)',
    serviceRate: 'Service rate (%)',
    device: 'Assistive devices',
    deviceNeeds: 'With a device need (persons)',
    deviceFitted: 'Fitted (persons)',
    fittingRate: 'Fitting rate (%)',
    total: 'Total',
    notes: [
      'With a need: persons with a rehabilitation need (training, assistive device, medication, supportive service) recorded in the year’s needs survey; served: those of them who received at least one rehabilitation service that year. A person counts once however many needs or services they have.',
      'With a device need: persons with an assistive-device need in the year; fitted: those of them who received an assistive-device service that year.',
      'Service rate = served ÷ with a need × 100, fitting rate = fitted ÷ with a device need × 100, rounded half-up to 2 decimals; none (—) when the denominator is 0.',
      'Persons count in their current region and category; age group by age on 31 December of the year (the year minus the year of birth).',
    ],
  },
} as const;

export async function rehabWorkbook(report: RehabReport, o: { lang: Lang; now: Date }): Promise<Buffer> {
  const t = TEXT[o.lang];
  const figureColumns: ReportColumn[] = [
    { key: 'needs', header: t.needs, group: t.rehab, kind: 'integer', width: 14 },
    { key: 'served', header: t.served, group: t.rehab, kind: 'integer', width: 14 },
    { key: 'serviceRate', header: t.serviceRate, group: t.rehab, kind: 'percent', empty: '—', width: 14 },
    { key: 'deviceNeeds', header: t.deviceNeeds, group: t.device, kind: 'integer', width: 14 },
    { key: 'deviceFitted', header: t.deviceFitted, group: t.device, kind: 'integer', width: 14 },
    { key: 'fittingRate', header: t.fittingRate, group: t.device, kind: 'percent', empty: '—', width: 14 },
  ];
  const figures = (f: RehabFigures): ReportRow => ({
    needs: f.needs,
    served: f.served,
    serviceRate: f.serviceRate,
    deviceNeeds: f.deviceNeeds,
    deviceFitted: f.deviceFitted,
    fittingRate: f.fittingRate,
  });
  const meta: [string, string][] = [
    [t.region, regionLabel(report.regionCode, report.regionName, o.lang)],
    [t.year, t.yearValue(report.year)],
    [t.generatedAt, chinaDateTime(o.now)],
  ];
  const sheet = (key: keyof typeof t.sheets, columns: ReportColumn[], rows: ReportRow[], total: ReportRow) => ({
    name: t.sheets[key],
    title:
      o.lang === 'en' ? `${t.title(report.year)}, ${t.subtitle[key]}` : `${t.title(report.year)}（${t.subtitle[key]}）`,
    meta,
    columns: [...columns, ...figureColumns],
    rows,
    totals: [{ ...total, ...figures(report) }],
    notes: [...t.notes],
  });
  const sheets = [
    sheet(
      'region',
      [
        { key: 'regionCode', header: t.regionCode, group: t.regionGroup, width: 15 },
        { key: 'regionName', header: t.regionName, group: t.regionGroup, width: 18 },
      ],
      report.byRegion.map((r) => ({ regionCode: r.regionCode, regionName: r.regionName, ...figures(r) })),
      { regionCode: report.regionCode ?? '', regionName: t.total },
    ),
    sheet(
      'category',
      [{ key: 'category', header: t.category, width: 16 }],
      report.byCategory.map((r) => ({ category: categoryLabel(r.category, o.lang), ...figures(r) })),
      { category: t.total },
    ),
    sheet(
      'age',
      [{ key: 'ageGroup', header: t.ageGroup, width: 18 }],
      report.byAgeGroup.map((r) => ({ ageGroup: ageGroupLabel(r.ageGroup, o.lang), ...figures(r) })),
      { ageGroup: t.total },
    ),
  ];
  return buildReportWorkbook(sheets, { now: o.now });
}
