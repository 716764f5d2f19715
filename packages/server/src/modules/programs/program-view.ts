import { describeRule, type Lang, type Rule, type RuleLabels } from '@huican/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programs, programTargets, programYears, regions } from '../../db/schema/index.js';
import type { Actor } from '../../http/actor.js';
import { scopeWhere } from '../../scope.js';
import type { ProgramRow } from './find-program.js';

/** A programme as the catalogue shows it (GET /api/programs, and the top of the detail). */
export function toCatalogueView(p: ProgramRow, lang: Lang, labels: RuleLabels = {}) {
  return {
    code: p.code,
    name: lang === 'en' ? p.nameEn : p.nameZh,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    kind: p.kind,
    unit: p.unit,
    active: p.active,
    autoApproval: p.autoApproval,
    requiredDocuments: p.requiredDocuments,
    rule: p.rule,
    ruleText: describeRule(p.rule, lang, labels),
  };
}

function regionCodesOf(rule: Rule, into: Set<string>): void {
  if ('fact' in rule) {
    if (rule.fact === 'region') for (const code of rule.within) into.add(code);
  } else if ('not' in rule) {
    regionCodesOf(rule.not, into);
  } else {
    for (const child of 'all' in rule ? rule.all : rule.any) regionCodesOf(child, into);
  }
}

/** Programme and region names for describing rules ("当年未享受困难残疾人生活补贴", "所在地属于青禾镇"). */
export async function ruleLabels(db: Queryable, rules: Rule[]): Promise<RuleLabels> {
  const codes = new Set<string>();
  for (const rule of rules) regionCodesOf(rule, codes);
  const [names, places] = await Promise.all([
    db.select({ code: programs.code, zh: programs.nameZh, en: programs.nameEn }).from(programs),
    codes.size === 0
      ? Promise.resolve([])
      : db
          .select({ code: regions.code, name: regions.name })
          .from(regions)
          .where(inArray(regions.code, [...codes])),
  ]);
  return {
    programNames: Object.fromEntries(names.map((n) => [n.code, { zh: n.zh, en: n.en }])),
    regionNames: Object.fromEntries(places.map((p) => [p.code, p.name])),
  };
}

export type ProgramYearView = {
  year: number;
  rule: Rule;
  ruleText: string;
  ruleIsDefault: boolean;
  monthlyCentsByGrade: Record<'1' | '2' | '3' | '4', number> | null;
  amountCents: number | null;
  budgetCents: number | null;
  /** The sum of the year's township targets inside the caller's scope (0 when none). */
  targetTotal: number;
};

/**
 * The programme's years: every year with a program_years row or with targets in the caller's scope
 * (or only `onlyYear`), oldest first.
 */
export async function programYearViews(
  db: Queryable,
  actor: Actor,
  program: ProgramRow,
  lang: Lang,
  onlyYear?: number,
): Promise<ProgramYearView[]> {
  const [yearRows, targetRows] = await Promise.all([
    db
      .select()
      .from(programYears)
      .where(
        and(
          eq(programYears.programCode, program.code),
          onlyYear === undefined ? undefined : eq(programYears.year, onlyYear),
        ),
      ),
    db
      .select({ year: programTargets.year, total: sql<number>`sum(${programTargets.target})`.mapWith(Number) })
      .from(programTargets)
      .where(
        and(
          eq(programTargets.programCode, program.code),
          onlyYear === undefined ? undefined : eq(programTargets.year, onlyYear),
          scopeWhere(actor, programTargets.regionCode),
        ),
      )
      .groupBy(programTargets.year)
      .orderBy(asc(programTargets.year)),
  ]);
  const byYear = new Map(yearRows.map((y) => [y.year, y]));
  const totals = new Map(targetRows.map((t) => [t.year, t.total]));
  const years = [...new Set([...byYear.keys(), ...totals.keys(), ...(onlyYear === undefined ? [] : [onlyYear])])];
  years.sort((a, b) => a - b);
  const rules = years.map((year) => byYear.get(year)?.rule ?? program.rule);
  const labels = await ruleLabels(db, [program.rule, ...rules]);
  return years.map((year, i) => {
    const row = byYear.get(year);
    return {
      year,
      rule: rules[i]!,
      ruleText: describeRule(rules[i]!, lang, labels),
      ruleIsDefault: !row?.rule,
      monthlyCentsByGrade: row?.monthlyCentsByGrade ?? null,
      amountCents: row?.amountCents ?? null,
      budgetCents: row?.budgetCents ?? null,
      targetTotal: totals.get(year) ?? 0,
    };
  });
}
