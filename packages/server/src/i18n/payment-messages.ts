// Messages of payment cycles, budgets and stopped payments.
export const paymentMessages = {
  CYCLE_NOT_FOUND: { zh: '发放批次不存在', en: 'Payment cycle not found' },
  CYCLE_EXISTS: {
    zh: '该项目本期在此区划已有发放批次（未作废）',
    en: 'A payment cycle of this programme, period and region exists already (not cancelled)',
  },
  CYCLE_OVERLAP: {
    zh: '另一个覆盖相同人员的发放批次正在生成或已存在，请稍后刷新后重试',
    en: 'Another payment cycle covering the same persons is being generated or exists: reload and try again',
  },
  NOT_A_CASH_PROGRAMME: {
    zh: '该项目为实物或非资金类项目，不生成发放批次',
    en: 'This programme pays in kind or not in money: it has no payment cycles',
  },
  NOT_A_MONTHLY_CYCLE: {
    zh: '只有按月发放的补贴批次才有停发名单',
    en: 'Only monthly subsidy cycles have a stopped-payments list',
  },
  STANDARD_MISSING: {
    zh: '项目 {programCode} 的 {year} 年度发放标准尚未设置',
    en: 'Programme {programCode} has no benefit standard for {year}',
  },
  BUDGET_EXCEEDED: {
    zh: '超出预算：{programCode} {year} 年度预算 {budget} 元，已占用 {committed} 元，本批 {amount} 元，超出 {over} 元（仅管理员可填写理由后超预算生成）',
    en: 'Over budget: {programCode} {year} budget {budget} yuan, committed {committed} yuan, this cycle {amount} yuan, over by {over} yuan (only an administrator may override, with a reason)',
  },
  SAME_USER: {
    zh: '审核人不能是该批次的生成人（双人复核）',
    en: 'The cycle must be approved by someone other than the user who generated it (maker-checker)',
  },
  CYCLE_PARTLY_PAID: {
    zh: '该批次已有明细发放成功，不能作废',
    en: 'Some lines of this cycle are paid already: it cannot be cancelled',
  },
  'cycle.ILLEGAL_TRANSITION': {
    zh: '发放批次当前状态下不能执行此操作',
    en: 'This action is not possible in the cycle’s current status',
  },
  'cycle.REGION_REQUIRED': {
    zh: '请指定发放区划（县或乡镇）',
    en: 'Give the region of the cycle (a county or a township)',
  },
  'cycle.REGION_LEVEL': {
    zh: '发放区划应为县或乡镇（街道）',
    en: 'A cycle’s region is a county or a township',
  },
  'cycle.PERIOD_TOO_FAR': { zh: '发放月份不能晚于 {last}', en: 'The period cannot be later than {last}' },
  'cycle.REASON_REQUIRED': { zh: '请填写作废原因', en: 'Give the reason for cancelling' },

  'stopped.deceased': { zh: '死亡（{date}）', en: 'Deceased ({date})' },
  'stopped.moved_out': { zh: '迁出（{date}）', en: 'Moved out ({date})' },
  'stopped.cancelled': { zh: '注销（{date}）', en: 'Cancelled ({date})' },
  'stopped.certificate_missing': { zh: '无有效残疾人证', en: 'No disability certificate' },
  'stopped.certificate_cancelled': { zh: '残疾人证已注销', en: 'Certificate cancelled' },
  'stopped.certificate_frozen': { zh: '残疾人证已冻结', en: 'Certificate frozen' },
  'stopped.certificate_expired': {
    zh: '残疾人证已过期（{date} 到期）',
    en: 'Certificate expired (valid until {date})',
  },
  'stopped.application_not_approved': {
    zh: '无已批准的申请',
    en: 'No approved application',
  },
  'stopped.rule_not_met': { zh: '不再符合项目条件', en: 'No longer meets the programme’s rule' },
  'stopped.standard_zero': { zh: '该等级发放标准为 0', en: 'The standard for this grade is 0' },
  'stopped.moved_region': { zh: '已迁至批次区划以外', en: 'Moved outside the cycle’s region' },
  'stopped.other': { zh: '已由其他批次发放或其他原因', en: 'Paid by another cycle, or another reason' },
} as const;
