import { DISABILITY_GRADES, formatRate, reportRate } from '@huican/core';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Lang } from '../../i18n/messages.js';
import { categoryLabel, dayLabel, gradeLabel, periodLabel, regionLabel, regionTitle, yuan } from './export-labels.js';
import { chinaDateTime } from './report-workbook.js';
import { completionSentence, fundsSentence, rehabSentence } from './summary-sentences.js';
import type { WorkSummary } from './work-summary.js';

// The half-year or yearly work summary (工作数据汇总) as a Word document for the officer to paste into the
// work report: a title, the region, period and generation time, then per area the sentences a work report
// uses and a table (a real Word table, its header row repeated on each page).

const SEP = ',';

const TEXT = {
  zh: {
    title: (region: string | null, year: number, period: WorkSummary['period']) =>
      `${region ? `${region}残联` : ''}${year}年${period === 'H1' ? '上半年' : '度'}工作数据汇总${region ? '' : '（全部区划）'}`,
    region: '区划',
    period: '统计期间',
    asOf: (day: string) => `（截至${day}）`,
    generatedAt: '生成时间',
    chinaTime: '（北京时间）',
    noteLabel: '说明：',
    noteH1: (period: string, year: number, yearRunning: boolean) =>
      `残疾证办理情况按统计期间（${period}）统计，人员情况为统计期末的情况；资金发放按1—6月的发放批次统计；目标任务完成情况和康复服务情况按年度统计（系统按年度计数，不能按日期截取上半年），为${year}年${yearRunning ? '截至生成时已记录的' : '全年'}数据。`,
    noteRunning: '本年度尚未结束，各项数据为截至生成时已记录的数据。',
    sections: ['一、目标任务完成情况', '二、康复服务', '三、资金发放', '四、残疾人基本状况和残疾证办理'],
    tableCaption: (n: number, text: string) => `表${n} ${text}`,
    completionTable: '各项目目标任务完成情况',
    completionByRegion: '分区划目标任务完成情况',
    noCompletion: '本年度没有下达目标任务，也没有办结的申请。',
    program: '项目',
    regionColumn: '区划',
    target: '目标任务数（人）',
    completed: '完成（人）',
    rate: '完成率（%）',
    exceeded: '超额完成（人）',
    short: '尚差（人）',
    noTarget: '未下达',
    rehabLead: (year: number, running: boolean) => `${year}年${running ? '截至目前' : ''},`,
    rehabTable: '分区划康复服务情况',
    needs: '有康复需求（人）',
    served: '已获服务（人）',
    serviceRate: '康复服务率（%）',
    deviceNeeds: '有辅具需求（人）',
    deviceFitted: '已适配（人）',
    fittingRate: '辅具适配率（%）',
    total: '合计',
    fundsForbidden: '当前角色无权查看资金情况，本节从略。',
    noFunds: '本期没有资金发放记录。',
    noBudget: '乡镇、村不单列预算，资金执行率只按县统计。',
    fundsTable: '各项目资金执行情况',
    budget: '预算（元）',
    paid: (h1: boolean) => (h1 ? '1—6月已发放（元）' : '已发放（元）'),
    executionRate: '执行率（%）',
    personsPaid: (h1: boolean) => (h1 ? '6月发放人数' : '发放人数'),
    paidLabel: (h1: boolean) => (h1 ? '上半年已发放' : '已发放'),
    personsLabel: (h1: boolean) => (h1 ? '6月发放' : '发放'),
    fundsTotal: '合计',
    fundsPersonsNote: (h1: boolean) =>
      h1
        ? '发放人数按人去重只能按月或按全年统计，上半年以6月发放人数列示；执行率为上半年已发放占全年预算的比例。'
        : '发放人数为全年有已发放明细的人数，一人只计一次。',
    registryLead: (day: string) => `截至${day},`,
    active: (n: number) => `在册残疾人 ${n} 人`,
    withCertificate: (n: number) => `其中持证 ${n} 人`,
    byCategory: (list: string) => `类别分布为${list}`,
    byGrade: (list: string) => `等级分布为${list}`,
    item: (label: string, n: number) => `${label} ${n} 人`,
    listJoin: '、',
    certificates: (period: string) => `${period},`,
    events: {
      issued: '新办残疾证',
      renewed: '换证',
      changed: '变更类别等级',
      reissued: '补领',
      cancelled: '注销',
      imported: '导入',
    },
    unit: '本',
    coverage: (year: number, surveyed: number, active: number, rate: number | null) =>
      [`${year}年需求动态更新已调查 ${surveyed} 人`, `在册 ${active} 人`, `覆盖率 ${formatRate(rate)}%`].join(SEP),
    gradeTable: '持证残疾人类别等级分布（人）',
    category: '残疾类别',
    coverageTable: (year: number) => `分区划${year}年需求动态更新情况`,
    activeColumn: '在册（人）',
    surveyedColumn: '已调查（人）',
    coverageColumn: '覆盖率（%）',
    stop: '。',
  },
  en: {
    title: (region: string | null, year: number, period: WorkSummary['period']) =>
      `${region ? `${region} DPF: ` : ''}work data summary, ${period === 'H1' ? `first half of ${year}` : year}${region ? '' : ' (all regions)'}`,
    region: 'Region',
    period: 'Period',
    asOf: (day: string) => ` (as of ${day})`,
    generatedAt: 'Generated at',
    chinaTime: ' (China time)',
    noteLabel: 'Note: ',
    noteH1: (period: string, year: number, yearRunning: boolean) =>
      `Certificate work is counted in the period (${period}) and persons as they stand at its end; funds are the payment cycles of January to June; programme completions and rehabilitation are counted per year (the system counts them by year and cannot cut them at a date), so they are the figures of ${year}${yearRunning ? ' recorded so far' : ' as a whole'}.`,
    noteRunning: 'The year is not over: the figures are those recorded so far.',
    sections: [
      '1. Programme targets and completions',
      '2. Rehabilitation',
      '3. Funds paid',
      '4. Registry and certificates',
    ],
    tableCaption: (n: number, text: string) => `Table ${n}. ${text}`,
    completionTable: 'Targets and completions by programme',
    completionByRegion: 'Targets and completions by region',
    noCompletion: 'No targets set and no applications completed this year.',
    program: 'Programme',
    regionColumn: 'Region',
    target: 'Target (persons)',
    completed: 'Completed (persons)',
    rate: 'Completion rate (%)',
    exceeded: 'Exceeded by',
    short: 'Short by',
    noTarget: 'none',
    rehabLead: (year: number, running: boolean) => `${year}${running ? ' so far' : ''}: `,
    rehabTable: 'Rehabilitation by region',
    needs: 'With a need',
    served: 'Served',
    serviceRate: 'Service rate (%)',
    deviceNeeds: 'With a device need',
    deviceFitted: 'Fitted',
    fittingRate: 'Fitting rate (%)',
    total: 'Total',
    fundsForbidden: 'Your role may not read the funds: this section is left out.',
    noFunds: 'Nothing was paid in the period.',
    noBudget: 'Budgets are set for the county, not per township or village: no execution rate here.',
    fundsTable: 'Funds by programme',
    budget: 'Budget (yuan)',
    paid: (h1: boolean) => (h1 ? 'Paid Jan–Jun (yuan)' : 'Paid (yuan)'),
    executionRate: 'Execution rate (%)',
    personsPaid: (h1: boolean) => (h1 ? 'Persons paid in June' : 'Persons paid'),
    paidLabel: (h1: boolean) => (h1 ? 'paid in January–June' : 'paid'),
    personsLabel: (h1: boolean) => (h1 ? 'persons paid in June' : 'persons paid'),
    fundsTotal: 'Total',
    fundsPersonsNote: (h1: boolean) =>
      h1
        ? 'Distinct persons paid can be counted per month or per year only: the half-year shows those paid in June; the execution rate is the half-year’s payments against the year’s budget.'
        : 'Persons paid: persons with a paid line in the year, each counted once.',
    registryLead: (day: string) => `On ${day}: `,
    active: (n: number) => `${n} active persons`,
    withCertificate: (n: number) => `${n} of them with a certificate`,
    byCategory: (list: string) => `by category: ${list}`,
    byGrade: (list: string) => `by grade: ${list}`,
    item: (label: string, n: number) => `${label}: ${n}`,
    listJoin: ', ',
    certificates: (period: string) => `${period}: `,
    events: {
      issued: 'certificates issued',
      renewed: 'renewed',
      changed: 'category or grade changed',
      reissued: 'reissued',
      cancelled: 'cancelled',
      imported: 'imported',
    },
    unit: '',
    coverage: (year: number, surveyed: number, active: number, rate: number | null) =>
      `Needs survey ${year}: ${surveyed} of ${active} active persons surveyed, coverage ${formatRate(rate)}%`,
    gradeTable: 'Persons with a certificate by category and grade',
    category: 'Category',
    coverageTable: (year: number) => `Needs survey ${year} by region`,
    activeColumn: 'Active',
    surveyedColumn: 'Surveyed',
    coverageColumn: 'Coverage (%)',
    stop: '.',
  },
} as const;

type Cell = string | number;

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };

function paragraph(text: string, o: { italic?: boolean; bold?: boolean; center?: boolean } = {}) {
  return new Paragraph({
    children: [new TextRun({ text, italics: o.italic ?? false, bold: o.bold ?? false })],
    ...(o.center ? { alignment: AlignmentType.CENTER } : {}),
    spacing: { after: 120 },
  });
}

/** A Word table: a header row (repeated on each page), the rows, bold totals; figures right-aligned. */
function table(headers: string[], rows: Cell[][], totals: Cell[][] = []) {
  // the first column (names) twice as wide as a column of figures
  const share = 100 / (headers.length + 1);
  const cell = (value: Cell, o: { header?: boolean; bold?: boolean; first?: boolean }, column: number) =>
    new TableCell({
      width: { size: column === 0 ? 2 * share : share, type: WidthType.PERCENTAGE },
      ...(o.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9E2F3' } } : {}),
      children: [
        new Paragraph({
          alignment: o.header ? AlignmentType.CENTER : o.first ? AlignmentType.LEFT : AlignmentType.RIGHT,
          children: [new TextRun({ text: String(value), bold: o.header || o.bold || false })],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, { header: true }, i)),
      }),
      ...rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, { first: typeof v === 'string' && i === 0 }, i)),
          }),
      ),
      ...totals.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map((v, i) => cell(v, { bold: true, first: typeof v === 'string' && i === 0 }, i)),
          }),
      ),
    ],
  });
}

export async function summaryDocx(s: WorkSummary, o: { lang: Lang; now: Date }): Promise<Buffer> {
  const t = TEXT[o.lang];
  const en = o.lang === 'en';
  const h1 = s.period === 'H1';
  const stop = t.stop;
  const body: (Paragraph | Table)[] = [];
  let tables = 0;
  const heading = (text: string) => body.push(new Paragraph({ text, heading: HeadingLevel.HEADING_1 }));
  const caption = (text: string) =>
    body.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 60 },
        children: [new TextRun({ text: t.tableCaption(++tables, text), bold: true })],
      }),
    );
  const rate = (r: number | null) => formatRate(r);

  // Title and meta
  body.push(
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun(t.title(s.regionCode ? regionTitle(s.regionCode, s.regionName, o.lang) : null, s.year, s.period)),
      ],
    }),
  );
  const period = periodLabel(s.from, s.periodEnd, o.lang);
  const colon = en ? ': ' : '：';
  body.push(paragraph(`${t.region}${colon}${regionLabel(s.regionCode, s.regionName, o.lang)}`));
  body.push(paragraph(`${t.period}${colon}${period}${s.running ? t.asOf(dayLabel(s.to, o.lang)) : ''}`));
  body.push(paragraph(`${t.generatedAt}${colon}${chinaDateTime(o.now)}${t.chinaTime}`));
  if (h1)
    body.push(
      paragraph(`${t.noteLabel}${t.noteH1(periodLabel(s.from, s.to, o.lang), s.year, s.yearRunning)}`, {
        italic: true,
      }),
    );
  else if (s.running) body.push(paragraph(`${t.noteLabel}${t.noteRunning}`, { italic: true }));

  // 一、目标任务完成情况
  heading(t.sections[0]);
  const { completion } = s;
  if (completion.totals.length === 0) body.push(paragraph(t.noCompletion));
  completion.totals.forEach((f, i) => {
    body.push(paragraph(`${i + 1}. ${f.programName}${colon}${completionSentence(f, o.lang)}${stop}`));
  });
  if (completion.totals.length > 0) {
    caption(t.completionTable);
    body.push(
      table(
        [t.program, t.target, t.completed, t.rate, t.exceeded, t.short],
        completion.totals.map((f) => [
          f.programName,
          f.target === 0 ? t.noTarget : f.target,
          f.completed,
          rate(f.rate),
          f.target === 0 ? '—' : f.exceeded,
          f.target === 0 ? '—' : Math.max(0, f.target - f.completed),
        ]),
      ),
    );
  }
  if (completion.rows.length > 0) {
    caption(t.completionByRegion);
    body.push(
      table(
        [t.program, t.regionColumn, t.target, t.completed, t.rate, t.exceeded],
        completion.rows.map((r) => [
          r.programName,
          r.regionName ?? r.regionCode,
          r.hasTarget ? r.target : '—',
          r.completed,
          rate(r.rate),
          r.hasTarget ? r.exceeded : '—',
        ]),
      ),
    );
  }

  // 二、康复服务
  heading(t.sections[1]);
  const { rehab } = s;
  body.push(paragraph(`${t.rehabLead(s.year, s.yearRunning)}${rehabSentence(rehab, o.lang)}${stop}`));
  const rehabCells = (f: typeof rehab) => [
    f.needs,
    f.served,
    rate(f.serviceRate),
    f.deviceNeeds,
    f.deviceFitted,
    rate(f.fittingRate),
  ];
  caption(t.rehabTable);
  body.push(
    table(
      [t.regionColumn, t.needs, t.served, t.serviceRate, t.deviceNeeds, t.deviceFitted, t.fittingRate],
      rehab.byRegion.map((r) => [r.regionName ?? r.regionCode, ...rehabCells({ ...rehab, ...r })]),
      [[t.total, ...rehabCells(rehab)]],
    ),
  );

  // 三、资金发放
  heading(t.sections[2]);
  if (!s.funds) body.push(paragraph(t.fundsForbidden));
  else {
    const funds = s.funds;
    const months = h1 ? 6 : 12;
    const paidIn = (m: { months: { paidCents: number }[]; paidCents: number }) =>
      h1 ? m.months.slice(0, months).reduce((sum, x) => sum + x.paidCents, 0) : m.paidCents;
    const personsIn = (m: { months: { personsPaid: number }[]; personsPaid: number }) =>
      h1 ? m.months[5]!.personsPaid : m.personsPaid;
    const lines = funds.programs
      .filter((p) => p.budgetCents !== null || paidIn(p) > 0)
      .map((p) => {
        const paid = paidIn(p);
        return {
          name: p.name,
          budgetCents: p.budgetCents,
          paidCents: paid,
          executionRate: p.budgetCents === null ? null : reportRate(paid, p.budgetCents),
          persons: personsIn(p),
        };
      });
    const budgeted = lines.filter((l) => l.budgetCents !== null);
    const total = {
      budgetCents: funds.totals.budgetCents,
      paidCents: paidIn(funds.totals),
      executionRate:
        funds.totals.budgetCents === null
          ? null
          : reportRate(
              budgeted.reduce((sum, l) => sum + l.paidCents, 0),
              funds.totals.budgetCents,
            ),
      persons: personsIn(funds.totals),
    };
    const labels = { lang: o.lang, paidLabel: t.paidLabel(h1), personsLabel: t.personsLabel(h1) };
    if (lines.length === 0) body.push(paragraph(t.noFunds));
    lines.forEach((l, i) => {
      body.push(paragraph(`${i + 1}. ${l.name}${colon}${fundsSentence(l, labels)}${stop}`));
    });
    if (lines.length > 1) body.push(paragraph(`${t.fundsTotal}${colon}${fundsSentence(total, labels)}${stop}`));
    if (!funds.budgetApplies) body.push(paragraph(t.noBudget, { italic: true }));
    if (lines.length > 0) {
      body.push(paragraph(t.fundsPersonsNote(h1), { italic: true }));
      caption(t.fundsTable);
      const cells = (l: typeof total) => [
        l.budgetCents === null ? '—' : yuan(l.budgetCents),
        yuan(l.paidCents),
        rate(l.executionRate),
        l.persons,
      ];
      body.push(
        table(
          [t.program, t.budget, t.paid(h1), t.executionRate, t.personsPaid(h1)],
          lines.map((l) => [l.name, ...cells(l)]),
          [[t.total, ...cells(total)]],
        ),
      );
    }
  }

  // 四、残疾人基本状况和残疾证办理
  heading(t.sections[3]);
  const { registry } = s;
  const { categoryGrade } = registry.persons;
  const nonZero = (list: [string, number][]) =>
    list
      .filter(([, n]) => n > 0)
      .map(([label, n]) => t.item(label, n))
      .join(t.listJoin);
  const byCategory = nonZero(categoryGrade.rows.map((r) => [categoryLabel(r.category, o.lang), r.total]));
  const byGrade = nonZero(
    DISABILITY_GRADES.map((g) => [gradeLabel(g, o.lang), categoryGrade.gradeTotals[String(g)] ?? 0]),
  );
  body.push(
    paragraph(
      `${t.registryLead(dayLabel(registry.to, o.lang))}${[
        t.active(registry.persons.active),
        t.withCertificate(categoryGrade.withCertificate),
        ...(byCategory ? [t.byCategory(byCategory)] : []),
        ...(byGrade ? [t.byGrade(byGrade)] : []),
      ].join(en ? '; ' : SEP)}${stop}`,
    ),
  );
  const { events } = registry.certificates;
  const eventKeys = ['issued', 'renewed', 'changed', 'reissued', 'cancelled', 'imported'] as const;
  body.push(
    paragraph(
      `${t.certificates(periodLabel(registry.from, registry.to, o.lang))}${eventKeys
        .filter((k) => k !== 'imported' || events.imported > 0)
        .map((k) => `${t.events[k]} ${events[k]}${t.unit ? ` ${t.unit}` : ''}`)
        .join(en ? ', ' : SEP)}${stop}`,
    ),
  );
  const { needsUpdate } = registry;
  body.push(
    paragraph(`${t.coverage(needsUpdate.year, needsUpdate.surveyed, needsUpdate.active, needsUpdate.rate)}${stop}`),
  );
  caption(t.gradeTable);
  body.push(
    table(
      [t.category, ...DISABILITY_GRADES.map((g) => gradeLabel(g, o.lang)), t.total],
      categoryGrade.rows.map((r) => [
        categoryLabel(r.category, o.lang),
        ...DISABILITY_GRADES.map((g) => r.byGrade[String(g)] ?? 0),
        r.total,
      ]),
      [
        [
          t.total,
          ...DISABILITY_GRADES.map((g) => categoryGrade.gradeTotals[String(g)] ?? 0),
          categoryGrade.withCertificate,
        ],
      ],
    ),
  );
  caption(t.coverageTable(needsUpdate.year));
  body.push(
    table(
      [t.regionColumn, t.activeColumn, t.surveyedColumn, t.coverageColumn],
      registry.persons.byRegion.map((r) => [r.regionName ?? r.regionCode, r.active, r.surveyed, rate(r.coverageRate)]),
      [[t.total, needsUpdate.active, needsUpdate.surveyed, rate(needsUpdate.rate)]],
    ),
  );

  const doc = new Document({
    creator: 'Huican 惠残',
    title: t.title(s.regionCode ? regionTitle(s.regionCode, s.regionName, o.lang) : null, s.year, s.period),
    styles: {
      default: {
        document: { run: { font: FONT, size: 24, language: { value: en ? 'en-US' : 'zh-CN', eastAsia: 'zh-CN' } } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true, color: '000000' } },
        heading1: {
          run: { font: HEADING_FONT, size: 28, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
      },
    },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
