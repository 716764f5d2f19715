import { describeRule, type Lang, type Rule } from '@huican/core';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../db/client.js';
import { programs, programYears, type ServiceOnlineLevel, serviceItems } from '../../db/schema/index.js';
import { ruleLabels } from '../programs/program-view.js';

/** A service item as the portal shows it: every field, with who qualifies in plain words. */
export type ServiceItemView = {
  code: string;
  name: string;
  nameZh: string;
  nameEn: string;
  programCode: string | null;
  /** The programme's rule of the year in words; empty for an item without a programme. */
  conditions: string;
  legalBasis: string;
  materials: string[];
  steps: string[];
  timeLimitDays: number;
  fees: string;
  officeAddress: string;
  officeHours: string;
  onlineLevel: ServiceOnlineLevel;
  online: boolean;
};

/** The contract's list entry (GET /api/portal/services). */
export type ServiceItemSummary = Pick<
  ServiceItemView,
  'code' | 'name' | 'programCode' | 'conditions' | 'materials' | 'timeLimitDays' | 'online'
>;

/**
 * Active service items in sort order (or the one `code`), each with its programme's rule as it stands
 * in `year` (the year's own rule, else the programme's default): one query, then the words.
 */
export async function findServiceItems(
  db: Queryable,
  { lang, year, code }: { lang: Lang; year: number; code?: string },
): Promise<ServiceItemView[]> {
  const where: SQL[] = [eq(serviceItems.active, true)];
  if (code !== undefined) where.push(eq(serviceItems.code, code));
  const rows = await db
    .select({ item: serviceItems, defaultRule: programs.rule, yearRule: programYears.rule })
    .from(serviceItems)
    .leftJoin(programs, eq(programs.code, serviceItems.programCode))
    .leftJoin(programYears, and(eq(programYears.programCode, serviceItems.programCode), eq(programYears.year, year)))
    .where(and(...where))
    .orderBy(asc(serviceItems.sortOrder), asc(serviceItems.code));
  const rules = rows.map((r) => r.yearRule ?? r.defaultRule).filter((r): r is Rule => r !== null);
  const labels = rules.length > 0 ? await ruleLabels(db, rules) : {};
  return rows.map(({ item, defaultRule, yearRule }) => {
    const rule = yearRule ?? defaultRule;
    return {
      code: item.code,
      name: lang === 'en' ? item.nameEn : item.nameZh,
      nameZh: item.nameZh,
      nameEn: item.nameEn,
      programCode: item.programCode,
      conditions: rule ? describeRule(rule, lang, labels) : '',
      legalBasis: item.legalBasis,
      materials: item.materials,
      steps: item.steps,
      timeLimitDays: item.timeLimitDays,
      fees: item.fees,
      officeAddress: item.officeAddress,
      officeHours: item.officeHours,
      onlineLevel: item.online,
      online: item.online !== 'counter',
    };
  });
}

export function toSummary(v: ServiceItemView): ServiceItemSummary {
  return {
    code: v.code,
    name: v.name,
    programCode: v.programCode,
    conditions: v.conditions,
    materials: v.materials,
    timeLimitDays: v.timeLimitDays,
    online: v.online,
  };
}
