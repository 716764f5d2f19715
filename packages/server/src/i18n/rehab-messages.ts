// Messages of precise rehabilitation (精准康复): assessments, plans and their service records.
export const rehabMessages = {
  REHAB_PLAN_NOT_FOUND: { zh: '康复方案不存在', en: 'Rehabilitation plan not found' },
  REHAB_PLAN_CLOSED: {
    zh: '康复方案已完成或已取消，不能再修改或记录服务',
    en: 'The rehabilitation plan is completed or cancelled: it can no longer be changed or recorded under',
  },
  'rehab.NOT_REHAB_KIND': {
    zh: '康复方案只能包含基本康复服务：康复训练、辅助器具、药物、支持性服务',
    en: 'A rehabilitation plan holds basic rehabilitation services only: training, assistive devices, medication, supportive services',
  },
  'rehab.OWN_INSTITUTION_ONLY': {
    zh: '机构用户只能填写本机构',
    en: 'An institution user can name only its own institution',
  },
  'rehab.ASSESSMENT_UNKNOWN': {
    zh: '找不到此人该年度的这次评估',
    en: 'No such assessment of this person in that year',
  },
  'rehab.DUPLICATE_KIND': { zh: '同一服务类别只能列一次', en: 'Each kind of service is listed once' },
  'rehab.ENDS_BEFORE_START': { zh: '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  'rehab.AGREEMENT_AFTER_END': {
    zh: '服务协议签订日期不能晚于方案结束日期',
    en: 'The agreement cannot be signed after the plan ends',
  },
  'rehab.KIND_DELIVERED': {
    zh: '以下服务类别已有服务记录，不能移出方案：{kinds}',
    en: 'These kinds have service records already and cannot leave the plan: {kinds}',
  },
  'rehab.ENDS_BEFORE_SERVICE': {
    zh: '方案已有 {date} 的服务记录，结束日期不能更早',
    en: 'The plan has a service record on {date}: it cannot end earlier',
  },
  'rehab.KIND_NOT_IN_PLAN': { zh: '此服务类别不在康复方案中', en: 'This kind of service is not in the plan' },
  'rehab.DATE_OUTSIDE_PLAN': {
    zh: '服务日期应在方案期限 {from} 至 {to} 之内',
    en: 'The service date must lie within the plan, {from} to {to}',
  },
} as const;
