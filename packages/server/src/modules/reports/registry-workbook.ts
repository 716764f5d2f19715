import { DISABILITY_GRADES } from '@huican/core';
import type { Lang } from '../../i18n/messages.js';
import { ageGroupLabel, categoryLabel, gradeLabel, periodLabel, regionLabel } from './export-labels.js';
import type { registryStats } from './registry-stats.js';
import { buildReportWorkbook, chinaDateTime, type ReportColumn, type ReportRow } from './report-workbook.js';

// The registry statistics (残疾人基本状况统计) as a workbook: category × grade, the child regions with the
// needs-survey coverage, the persons by status, age group and flag, and the certificate work of the period
// with the certificates' status at its end.

export type RegistryStats = Awaited<ReturnType<typeof registryStats>>;

const TEXT = {
  zh: {
    title: '残疾人基本状况统计',
    sheets: { grade: '类别等级', region: '区划与动态更新', persons: '人员概况', certificates: '残疾证办理' },
    subtitle: {
      grade: '按残疾类别和等级',
      region: '按区划及需求动态更新',
      persons: '人员概况',
      certificates: '残疾证办理情况',
    },
    region: '区划',
    period: '统计期间',
    generatedAt: '生成时间',
    category: '残疾类别',
    grades: '残疾等级（人）',
    total: '合计',
    regionGroup: '区划',
    regionCode: '区划代码',
    regionName: '名称',
    active: '在册人数',
    survey: (year: number) => `${year}年需求动态更新`,
    surveyed: '已调查（人）',
    coverage: '覆盖率（%）',
    group: '分组',
    item: '项目',
    count: '人数',
    number: '数量',
    statusGroup: '人员状态（全部）',
    status: { active: '在册', deceased: '死亡', moved_out: '迁出', cancelled: '注销' },
    allPersons: '全部',
    ageGroup: (to: string) => `年龄段（在册，按${to}的周岁）`,
    flagGroup: '标识（在册）',
    flags: { lowIncome: '低保', extremePoverty: '特困', povertyMonitored: '监测户', any: '至少一项' },
    eventsGroup: '期内办证（本）',
    events: {
      issued: '新办',
      renewed: '换证',
      changed: '变更类别等级',
      reissued: '补领',
      cancelled: '注销',
      imported: '导入',
    },
    statusOn: (to: string) => `证件状态（在册，截至${to}）`,
    certStatus: (days: number) => ({
      valid: '有效',
      expiring: `${days}天内到期`,
      expired: '已过期',
      frozen: '冻结',
      cancelled: '已注销',
      none: '无证',
    }),
    withoutCertificate: (n: number) => `另有在册无证（或证件已注销）人员 ${n} 人，不在上表。`,
    gradeNotes: ['在册（状态为在册）人员按所持残疾证的类别和等级统计，冻结和过期的证件也计入；按人员现在的区划统计。'],
    regionNotes: [
      '在册人数：区划内状态为在册的人数。已调查：其中有该年度需求调查（动态更新）记录的人数。覆盖率 = 已调查 ÷ 在册人数 × 100%，四舍五入保留两位小数。',
    ],
    personNotes: [
      '人员状态统计区划内全部人员；年龄段和标识只统计在册人员，年龄为统计日的周岁（2月29日出生的，平年按3月1日满岁）。',
    ],
    certificateNotes: [
      '期内办证：发证日期（补领、注销为办理日期）在统计期间内的证件，起止日均含；每本证按产生它的办理事项计一次。导入：人员导入时载入的证件，不知是新办还是换证，不计入新办。',
      '证件状态按统计日判断：有效期在统计日之前结束为已过期，在统计日起90天内结束为即将到期。',
    ],
  },
  en: {
    title: 'Registry statistics',
    sheets: {
      grade: 'Category and grade',
      region: 'Regions and survey',
      persons: 'Persons',
      certificates: 'Certificates',
    },
    subtitle: {
      grade: 'by category and grade',
      region: 'by region, with the needs survey',
      persons: 'persons',
      certificates: 'certificates',
    },
    region: 'Region',
    period: 'Period',
    generatedAt: 'Generated at',
    category: 'Disability category',
    grades: 'Grade (persons)',
    total: 'Total',
    regionGroup: 'Region',
    regionCode: 'Code',
    regionName: 'Name',
    active: 'Active persons',
    survey: (year: number) => `Needs survey ${year}`,
    surveyed: 'Surveyed (persons)',
    coverage: 'Coverage (%)',
    group: 'Group',
    item: 'Item',
    count: 'Persons',
    number: 'Number',
    statusGroup: 'Status (all persons)',
    status: { active: 'Active', deceased: 'Deceased', moved_out: 'Moved out', cancelled: 'Cancelled' },
    allPersons: 'All',
    ageGroup: (to: string) => `Age group (active, age on ${to})`,
    flagGroup: 'Flags (active)',
    flags: { lowIncome: 'Low income', extremePoverty: 'Extreme poverty', povertyMonitored: 'Monitored', any: 'Any' },
    eventsGroup: 'Certificate work in the period',
    events: {
      issued: 'Issued',
      renewed: 'Renewed',
      changed: 'Category or grade changed',
      reissued: 'Reissued',
      cancelled: 'Cancelled',
      imported: 'Imported',
    },
    statusOn: (to: string) => `Certificate status (active, on ${to})`,
    certStatus: (days: number) => ({
      valid: 'Valid',
      expiring: `Expiring within ${days} days`,
      expired: 'Expired',
      frozen: 'Frozen',
      cancelled: 'Cancelled',
      none: 'No certificate',
    }),
    withoutCertificate: (n: number) => `Also ${n} active persons without a certificate (or with a cancelled one).`,
    gradeNotes: [
      'Active persons by the category and grade of the certificate they hold (frozen and expired ones included), in their current region.',
    ],
    regionNotes: [
      'Active persons: persons of the region with status active. Surveyed: those of them with a needs survey of the year. Coverage = surveyed ÷ active × 100, rounded half-up to 2 decimals.',
    ],
    personNotes: [
      'Status counts every person of the region; age groups and flags count active persons, by exact age on the day of the statistics (a 29 February birthday falls on 1 March in a common year).',
    ],
    certificateNotes: [
      'Certificate work in the period: certificates issued (for reissues and cancellations: recorded) between the two days, both included; each certificate counts once, by the event that created it. Imported: loaded by a person import, origin unknown, not in Issued.',
      'Status on the day of the statistics: expired when the validity ended before it, expiring when it ends within 90 days from it.',
    ],
  },
} as const;

export async function registryWorkbook(stats: RegistryStats, o: { lang: Lang; now: Date }): Promise<Buffer> {
  const t = TEXT[o.lang];
  const meta: [string, string][] = [
    [t.region, regionLabel(stats.regionCode, stats.regionName, o.lang)],
    [t.period, periodLabel(stats.from, stats.to, o.lang)],
    [t.generatedAt, chinaDateTime(o.now)],
  ];
  const title = (key: keyof typeof t.subtitle) =>
    o.lang === 'en' ? `${t.title}, ${t.subtitle[key]}` : `${t.title}（${t.subtitle[key]}）`;
  const { categoryGrade } = stats.persons;

  const gradeColumns: ReportColumn[] = [
    { key: 'category', header: t.category, width: 16 },
    ...DISABILITY_GRADES.map(
      (g): ReportColumn => ({ key: `g${g}`, header: gradeLabel(g, o.lang), group: t.grades, kind: 'integer' }),
    ),
    { key: 'total', header: t.total, kind: 'integer' },
  ];
  const gradeRows: ReportRow[] = categoryGrade.rows.map((r) => ({
    category: categoryLabel(r.category, o.lang),
    ...Object.fromEntries(DISABILITY_GRADES.map((g) => [`g${g}`, r.byGrade[String(g)] ?? 0])),
    total: r.total,
  }));
  const gradeTotal: ReportRow = {
    category: t.total,
    ...Object.fromEntries(DISABILITY_GRADES.map((g) => [`g${g}`, categoryGrade.gradeTotals[String(g)] ?? 0])),
    total: categoryGrade.withCertificate,
  };

  const surveyGroup = t.survey(stats.needsUpdate.year);
  const regionColumns: ReportColumn[] = [
    { key: 'regionCode', header: t.regionCode, group: t.regionGroup, width: 15 },
    { key: 'regionName', header: t.regionName, group: t.regionGroup, width: 18 },
    { key: 'active', header: t.active, kind: 'integer' },
    { key: 'surveyed', header: t.surveyed, group: surveyGroup, kind: 'integer', width: 14 },
    { key: 'coverage', header: t.coverage, group: surveyGroup, kind: 'percent', empty: '—' },
  ];
  const regionRows: ReportRow[] = stats.persons.byRegion.map((r) => ({
    regionCode: r.regionCode,
    regionName: r.regionName,
    active: r.active,
    surveyed: r.surveyed,
    coverage: r.coverageRate,
  }));
  const regionTotal: ReportRow = {
    regionCode: stats.regionCode ?? '',
    regionName: t.total,
    active: stats.needsUpdate.active,
    surveyed: stats.needsUpdate.surveyed,
    coverage: stats.needsUpdate.rate,
  };

  const listColumns = (countHeader: string): ReportColumn[] => [
    { key: 'group', header: t.group, width: 34 },
    { key: 'item', header: t.item, width: 20 },
    { key: 'count', header: countHeader, kind: 'integer' },
  ];
  const { byStatus } = stats.persons;
  const personRows: ReportRow[] = [
    ...(['active', 'deceased', 'moved_out', 'cancelled'] as const).map((s) => ({
      group: t.statusGroup,
      item: t.status[s],
      count: byStatus[s],
    })),
    { group: t.statusGroup, item: t.allPersons, count: stats.persons.total },
    ...stats.persons.byAgeGroup.map((g) => ({
      group: t.ageGroup(stats.to),
      item: ageGroupLabel(g.ageGroup, o.lang),
      count: g.count,
    })),
    ...(['lowIncome', 'extremePoverty', 'povertyMonitored', 'any'] as const).map((f) => ({
      group: t.flagGroup,
      item: t.flags[f],
      count: stats.persons.flags[f],
    })),
  ];
  const { events, status, expiringWithinDays } = stats.certificates;
  const statusNames = t.certStatus(expiringWithinDays);
  const certificateRows: ReportRow[] = [
    ...(['issued', 'renewed', 'changed', 'reissued', 'cancelled', 'imported'] as const).map((e) => ({
      group: t.eventsGroup,
      item: t.events[e],
      count: events[e],
    })),
    ...(['valid', 'expiring', 'expired', 'frozen', 'cancelled', 'none'] as const).map((s) => ({
      group: t.statusOn(stats.to),
      item: statusNames[s],
      count: status[s],
    })),
  ];

  return buildReportWorkbook(
    [
      {
        name: t.sheets.grade,
        title: title('grade'),
        meta,
        columns: gradeColumns,
        rows: gradeRows,
        totals: [gradeTotal],
        notes: [t.withoutCertificate(categoryGrade.withoutCertificate), ...t.gradeNotes],
      },
      {
        name: t.sheets.region,
        title: title('region'),
        meta,
        columns: regionColumns,
        rows: regionRows,
        totals: [regionTotal],
        notes: [...t.regionNotes],
      },
      {
        name: t.sheets.persons,
        title: title('persons'),
        meta,
        columns: listColumns(t.count),
        rows: personRows,
        notes: [...t.personNotes],
      },
      {
        name: t.sheets.certificates,
        title: title('certificates'),
        meta,
        columns: listColumns(t.number),
        rows: certificateRows,
        notes: [...t.certificateNotes],
      },
    ],
    { now: o.now },
  );
}
