import type { Lang } from './messages.js';

// Messages of the registry (persons, certificates, households, needs and services, imports).
export const registryMessages = {
  PERSON_NOT_FOUND: { zh: '残疾人档案不存在', en: 'Person not found' },
  HOUSEHOLD_NOT_FOUND: { zh: '户不存在', en: 'Household not found' },
  DUPLICATE_PERSON: { zh: '该身份证号已登记', en: 'A person with this ID number is registered already' },
  DUPLICATE_CERTIFICATE: { zh: '该残疾人证号已被使用', en: 'This certificate number is in use already' },
  ILLEGAL_STATUS_CHANGE: { zh: '当前状态下不能执行此操作', en: 'Not possible in the current status' },
  REACTIVATION_FORBIDDEN: {
    zh: '已死亡、迁出或注销人员只能由县残联恢复',
    en: 'Only county staff may set a deceased, moved-out or cancelled person active again',
  },
  NO_CERTIFICATE: { zh: '此人没有残疾人证', en: 'This person holds no certificate' },
  CERTIFICATE_EXISTS: { zh: '此人已持有有效残疾人证', en: 'This person holds a certificate already' },
  CERTIFICATE_CANCELLED: { zh: '残疾人证已注销', en: 'The certificate is cancelled' },
  CERTIFICATE_FROZEN: { zh: '残疾人证已冻结', en: 'The certificate is frozen' },
  CERTIFICATE_NOT_FROZEN: { zh: '残疾人证未冻结', en: 'The certificate is not frozen' },
  RENEWAL_NOT_OPEN: {
    zh: '有效期届满前一年内（{opensOn} 起）才能换证',
    en: 'Renewal opens one year before expiry (from {opensOn})',
  },
  PERSON_NOT_ACTIVE: { zh: '此人不是在册状态', en: 'This person is not active in the registry' },
  ALREADY_IN_HOUSEHOLD: { zh: '此人已在另一户中', en: 'This person belongs to another household already' },
  NOT_IN_HOUSEHOLD: { zh: '此人不在该户中', en: 'This person is not in this household' },
  HOUSEHOLD_NEEDS_ONE_HEAD: { zh: '每户须有且只有一名户主', en: 'A household needs exactly one head' },

  'idNumber.FORMAT': {
    zh: '身份证号应为 18 位（17 位数字加校验位）',
    en: 'An ID number has 18 characters: 17 digits and a check character',
  },
  'idNumber.PROVINCE': { zh: '身份证号前两位不是有效的省级代码', en: 'The first two digits are not a province code' },
  'idNumber.BIRTH_DATE': { zh: '身份证号中的出生日期不存在', en: 'The birth date in the ID number does not exist' },
  'idNumber.FUTURE_BIRTH_DATE': {
    zh: '身份证号中的出生日期晚于今天',
    en: 'The birth date in the ID number is in the future',
  },
  'idNumber.CHECKSUM': {
    zh: '身份证号校验位错误，请核对每一位数字',
    en: 'The check character does not match: check every digit',
  },
  'certificate.FORMAT': {
    zh: '残疾人证号应为 20 位（身份证号 + 类别 + 等级），补办证可加 B1 等后缀',
    en: 'A certificate number has 20 characters (ID number + category + grade), plus B1… when reissued',
  },
  'certificate.ID_MISMATCH': {
    zh: '残疾人证号前 18 位须与身份证号一致',
    en: 'The first 18 characters must equal the ID number',
  },
  'certificate.CATEGORY': { zh: '残疾类别应为 1–7', en: 'The category must be 1–7' },
  'certificate.GRADE': { zh: '残疾等级应为 1–4', en: 'The grade must be 1–4' },
  'certificate.SUFFIX': { zh: '补办后缀应为 B1–B9', en: 'A reissue suffix is B1–B9' },
  'certificate.ISSUED_BEFORE_BIRTH': { zh: '发证日期早于出生日期', en: 'Issued before the holder was born' },
  'certificate.ISSUED_IN_FUTURE': { zh: '发证日期晚于今天', en: 'The issue date is in the future' },
  'components.MULTIPLE_NEEDS_COMPONENTS': {
    zh: '多重残疾须列出至少两类残疾及其等级',
    en: 'A multiple disability lists at least two categories with their grades',
  },
  'components.COMPONENTS_ONLY_FOR_MULTIPLE': {
    zh: '只有多重残疾（类别 7）才列出各类残疾',
    en: 'Only a multiple disability (category 7) lists components',
  },
  'components.COMPONENT_CATEGORY': { zh: '多重残疾的各类应为 1–6', en: 'Components are categories 1–6' },
  'components.COMPONENT_GRADE': { zh: '各类残疾等级应为 1–4', en: 'Component grades are 1–4' },
  'components.DUPLICATE_COMPONENT': { zh: '同一类别不能重复', en: 'A category appears twice' },
  'components.GRADE_NOT_MOST_SEVERE': {
    zh: '多重残疾的等级应为各类中最重的等级',
    en: 'The grade of a multiple disability is its most severe component’s',
  },
  'phone.FORMAT': {
    zh: '联系电话应为 11 位手机号或带区号的固定电话',
    en: 'A phone is an 11-digit mobile or a landline with area code',
  },
  'region.NOT_FOUND': { zh: '区划不存在', en: 'No such region' },
  'region.LEVEL_FOR_PERSON': {
    zh: '请选择到乡镇（街道）或村（社区）',
    en: 'Choose a township or a village, not a county',
  },
  'date.FORMAT': { zh: '日期格式应为 YYYY-MM-DD', en: 'Dates are written YYYY-MM-DD' },
  'date.FUTURE': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'date.TOO_FAR': { zh: '日期不能晚于一年以后', en: 'The date cannot be more than a year ahead' },
  'date.OUTSIDE_YEAR': { zh: '日期不在所填年度内', en: 'The date is not in that year' },
  'idNumber.IMMUTABLE': {
    zh: '身份证号不能直接修改：请注销后重新登记',
    en: 'The ID number cannot be edited: cancel the record and register again',
  },
  'reason.REQUIRED': { zh: '请填写原因', en: 'Give a reason' },
  'yesNo.FORMAT': { zh: '应填“是”或“否”', en: 'Write 是 (yes) or 否 (no)' },
  'import.DUPLICATE_IN_FILE': {
    zh: '与第 {row} 行重复',
    en: 'Same as row {row}',
  },
  'import.DUPLICATE_IN_REGISTRY': { zh: '已在残疾人库中登记', en: 'Registered already' },
  'import.ENCODING': {
    zh: '无法识别文件编码：请另存为 UTF-8 或 GB18030 的 CSV，或 xlsx',
    en: 'Unknown text encoding: save as CSV in UTF-8 or GB18030, or as xlsx',
  },
  'import.NOT_TEXT': {
    zh: '文件不是文本格式的 CSV：请上传 xlsx，或另存为 UTF-8 / GB18030 编码的 CSV',
    en: 'The file is not a text CSV: upload an xlsx, or save as CSV in UTF-8 or GB18030',
  },
  'import.CSV_QUOTE': {
    zh: 'CSV 第 {row} 行起的引号没有闭合',
    en: 'A quote opened in CSV row {row} is never closed',
  },
  'import.DATE_FORMAT': {
    zh: '日期应写作 2020-06-01、2020/6/1、2020.6.1 或 20200601，且须是真实日期',
    en: 'Write a real date as 2020-06-01, 2020/6/1, 2020.6.1 or 20200601',
  },
  'import.ISSUED_ON_REQUIRED': {
    zh: '填写了残疾证号时，发证日期必填',
    en: 'The issue date is required when a certificate number is given',
  },
  'import.CONCURRENT_DUPLICATE': {
    zh: '导入期间有人登记了文件中的同一人员，未写入任何数据，请重新导入',
    en: 'Someone registered a person of this file while it was imported; nothing was written, import it again',
  },
  'import.NOT_FINISHED': {
    zh: '导入尚未完成，请稍后再下载错误报告',
    en: 'The import has not finished yet: download the error report later',
  },
} as const satisfies Record<string, Record<Lang, string>>;
