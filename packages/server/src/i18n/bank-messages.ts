// Messages of bank accounts, bank files, reconciliation (回盘) and re-payment batches.
export const bankMessages = {
  CYCLE_NOT_FOUND: { zh: '发放批次不存在', en: 'Payment cycle not found' },
  CYCLE_NOT_APPROVED: {
    zh: '只有已审批或已发放的批次才能下载银行文件或导入回盘文件',
    en: 'Bank files and return files are for approved or paid cycles only',
  },
  NOTHING_TO_REPAY: {
    zh: '该批次没有可重新发放的失败明细（失败且尚未重发，且本人现已登记银行账号）',
    en: 'Nothing to pay again: no failed line of this cycle is still unpaid with an account now on record',
  },
  DOUBLE_PAYMENT: {
    zh: '此人该月已有待发放或已发放的明细，不能重复发放',
    en: 'This person already has a pending or paid line for that month: it cannot be paid twice',
  },
  RECONCILIATION_INVALID: {
    zh: '回盘文件有 {count} 处错误，未导入任何结果，请修改后重新上传',
    en: 'The return file has {count} problems; nothing was imported: correct it and upload again',
  },
  'bankAccount.FORMAT': {
    zh: '银行账号应为 12–30 位数字（可含空格）',
    en: 'A bank account has 12–30 digits (spaces allowed)',
  },
  'reconciliation.REFERENCE_FORMAT': {
    zh: '参考号格式不正确，应与银行文件中的参考号一致',
    en: 'Not a reference of a bank file: copy it from the bank file',
  },
  'reconciliation.UNKNOWN_REFERENCE': {
    zh: '参考号不属于本批次的发放明细',
    en: 'This reference is not a line of this cycle',
  },
  'reconciliation.DUPLICATE_REFERENCE': {
    zh: '参考号在文件中重复（第 {row} 行已出现）',
    en: 'The reference is repeated (first on row {row})',
  },
  'reconciliation.BAD_STATUS': { zh: '状态应为“成功”或“失败”', en: 'The status must be 成功 or 失败' },
  'reconciliation.ALREADY_REPAID': {
    zh: '该明细已失败并已纳入重新发放批次，不能再改为成功',
    en: 'This line failed and is being paid again in a re-payment batch: it cannot become paid',
  },
  'reconciliation.TOO_LONG': { zh: '内容过长（上限 {max} 个字符）', en: 'Too long (at most {max} characters)' },
} as const;
