import { describeRule } from '@huican/core';
import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { programs } from '../../db/schema/index.js';
import type { Lang } from '../../i18n/messages.js';

/** The programme catalogue, with each programme's default rule as readable text. */
export async function listPrograms({ db, lang }: { db: Db; lang: Lang }) {
  const rows = await db.select().from(programs).orderBy(asc(programs.createdAt), asc(programs.code));
  return rows.map((p) => ({
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
    ruleText: describeRule(p.rule, lang),
  }));
}
