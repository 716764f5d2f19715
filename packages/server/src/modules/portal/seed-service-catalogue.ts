import { CERTIFICATE_SERVICES, DEFAULT_PROGRAMS } from '@huican/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { ServiceOnlineLevel } from '../../db/schema/index.js';

// Sources named in GLOSSARY.md; the others cite the national law until a county enters its own rules.
const SUBSIDIES = '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）';
const CERTIFICATES = '《中华人民共和国残疾人证管理办法》（2017年）';
const LEGAL_BASIS: Record<string, string> = {
  living_subsidy: SUBSIDIES,
  nursing_subsidy: SUBSIDIES,
  child_rehab: '《国务院关于建立残疾儿童康复救助制度的意见》（国发〔2018〕20号）',
};
const DEFAULT_BASIS = '《中华人民共和国残疾人保障法》';

const REVIEWED_STEPS = [
  '申请：向户籍所在地乡镇（街道）残联提出申请，提交所需材料',
  '乡镇审核：乡镇（街道）残联核对材料和条件',
  '县残联审批：县残联审核并作出决定',
  '办结：告知办理结果',
];
const AUTO_STEPS = ['申请：提交申请和所需材料', '系统核验：符合条件的当场批准（秒批）', '办结：告知办理结果'];

/** The demo county DPF's window: a neutral default that an admin replaces with the real one. */
export const DEFAULT_OFFICE_ADDRESS = '县残联服务窗口（县政务服务中心）';
export const DEFAULT_OFFICE_HOURS = '工作日 8:30–12:00，14:30–17:30';

/**
 * One service item per entry of the programme catalogue (certificate services first, the most asked
 * for), on every database and at each start: adds missing items and leaves existing ones as the admin
 * edited them. The time limit is the two review steps (township, county) of `stepWorkingDays` each.
 */
export async function seedServiceCatalogue(db: Db, options: { stepWorkingDays: number }): Promise<void> {
  const entries = [
    ...CERTIFICATE_SERVICES.map((s) => ({ ...s, legalBasis: CERTIFICATES })),
    ...DEFAULT_PROGRAMS.map((p) => ({ ...p, legalBasis: LEGAL_BASIS[p.code] ?? DEFAULT_BASIS })),
  ];
  const rows = entries.map((e, i) => {
    const online: ServiceOnlineLevel = e.autoApproval ? 'auto' : 'counter';
    return {
      code: e.code,
      program_code: e.code,
      name_zh: e.name.zh,
      name_en: e.name.en,
      legal_basis: e.legalBasis,
      materials: e.requiredDocuments,
      steps: e.autoApproval ? AUTO_STEPS : REVIEWED_STEPS,
      time_limit_days: 2 * options.stepWorkingDays,
      office_address: DEFAULT_OFFICE_ADDRESS,
      office_hours: DEFAULT_OFFICE_HOURS,
      online,
      sort_order: (i + 1) * 10,
    };
  });
  await db.execute(sql`
    insert into service_items (code, program_code, name_zh, name_en, legal_basis, materials, steps, time_limit_days,
      office_address, office_hours, online, sort_order)
    select s.code, s.program_code, s.name_zh, s.name_en, s.legal_basis, s.materials, s.steps, s.time_limit_days,
      s.office_address, s.office_hours, s.online, s.sort_order
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as s(code text, program_code text, name_zh text,
      name_en text, legal_basis text, materials jsonb, steps jsonb, time_limit_days integer, office_address text,
      office_hours text, online text, sort_order integer)
    where exists (select 1 from programs p where p.code = s.program_code)
    on conflict (code) do nothing`);
}
