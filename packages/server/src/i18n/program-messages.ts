// Messages of the programme catalogue and its yearly plans (rules, standards, budgets, targets), and of
// designated institutions.
export const programMessages = {
  PROGRAM_NOT_FOUND: { zh: '项目不存在', en: 'Programme not found' },
  PROGRAM_INACTIVE: { zh: '该项目已停用', en: 'This programme is not active' },
  PROGRAM_IN_USE: {
    zh: '该项目已有申请，不能再修改项目类型或计量单位',
    en: 'This programme has applications: its kind and unit can no longer change',
  },
  INSTITUTION_NOT_FOUND: { zh: '机构不存在', en: 'Institution not found' },

  // A rule problem: the words come from core's rule messages (ruleProblemMessage), one text per language.
  'rule.PROBLEM': { zh: '{zh}', en: '{en}' },
  'standard.MONTHLY_REQUIRED': {
    zh: '按月发放的补贴须按等级填写月标准（1–4 级）',
    en: 'A monthly subsidy needs the monthly amount for each grade (1–4)',
  },
  'standard.AMOUNT_REQUIRED': {
    zh: '该类项目须填写固定金额（分）',
    en: 'This kind of programme needs a fixed amount (in fen)',
  },
  'standard.NOT_FOR_KIND': {
    zh: '该类项目不使用此项标准',
    en: 'This kind of programme does not use this standard',
  },
  'targets.NOT_A_TOWNSHIP': { zh: '目标任务只能下达到乡镇（街道）', en: 'Targets are set for townships only' },
  'targets.DUPLICATE_REGION': { zh: '同一乡镇重复出现', en: 'This township appears more than once' },
  'targets.NOT_A_COUNT': { zh: '应为不小于 0 的整数', en: 'Must be a whole number, 0 or more' },
  'program.UNKNOWN': { zh: '项目代码不存在：{code}', en: 'No programme with code {code}' },
  'program.DUPLICATE': { zh: '项目重复', en: 'Listed more than once' },
  'document.DUPLICATE': { zh: '材料名称重复', en: 'This document is listed twice' },
  'agreement.ORDER': {
    zh: '协议截止日期不能早于开始日期',
    en: 'The agreement cannot end before it starts',
  },
} as const;
