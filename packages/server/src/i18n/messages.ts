// Server messages in the two languages the platform speaks. Keys are the error codes (or
// field-level keys); `{name}` placeholders are filled from the error's params.

import { applicationMessages } from './application-messages.js';
import { bankMessages } from './bank-messages.js';
import { paymentMessages } from './payment-messages.js';
import { portalMessages } from './portal-messages.js';
import { programMessages } from './program-messages.js';
import { registryMessages } from './registry-messages.js';
import { rehabMessages } from './rehab-messages.js';

export type Lang = 'zh' | 'en';

const coreMessages = {
  VALIDATION: { zh: '输入有误，请检查标出的字段', en: 'Invalid input: check the fields marked' },
  UNAUTHENTICATED: { zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: { zh: '会话已过期，请重新登录', en: 'Your session has expired, please sign in again' },
  INVALID_CREDENTIALS: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    zh: '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试或联系管理员',
    en: 'Too many failed sign-in attempts: the account is locked, try again in {minutes} minutes or ask an administrator',
  },
  ACCOUNT_DISABLED: { zh: '账号已停用，请联系管理员', en: 'This account is disabled, ask an administrator' },
  RATE_LIMITED: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, please try again later' },
  FORBIDDEN: { zh: '你的角色无权执行此操作', en: 'Your role may not do this' },
  CROSS_SITE_REQUEST: { zh: '拒绝来自其他网站的请求', en: 'Request from another site refused' },
  NOT_FOUND: { zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { zh: '接口不存在', en: 'No such endpoint' },
  REGION_NOT_FOUND: { zh: '区划不存在', en: 'Region not found' },
  USER_NOT_FOUND: { zh: '用户不存在', en: 'User not found' },
  JOB_NOT_FOUND: { zh: '任务不存在', en: 'Job not found' },
  DUPLICATE_REGION: { zh: '区划代码已存在', en: 'This region code exists already' },
  DUPLICATE_USERNAME: { zh: '用户名已被使用', en: 'This username is taken' },
  STALE_VERSION: { zh: '记录已被他人修改，请刷新后重试', en: 'Someone else changed this record: reload and try again' },
  PAYLOAD_TOO_LARGE: { zh: '文件过大（上限 {limitMb} MB）', en: 'File too large (limit {limitMb} MB)' },
  UNSUPPORTED_FILE: { zh: '文件格式不支持，请上传 {expected} 文件', en: 'Unsupported file: upload a {expected} file' },
  FILE_REQUIRED: { zh: '请选择要上传的文件', en: 'Choose a file to upload' },
  WRONG_PASSWORD: { zh: '当前密码不正确', en: 'The current password is wrong' },
  BACKUP_REFUSED: { zh: '无法备份：{reason}', en: 'Cannot back up: {reason}' },
  DUPLICATE: { zh: '记录已存在', en: 'This record exists already' },
  CANNOT_DISABLE_SELF: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  JOB_INTERRUPTED: {
    zh: '任务因服务重启而中断，未写入任何数据，请重新提交',
    en: 'The job was interrupted by a restart; nothing was written, submit it again',
  },
  JOB_UNKNOWN_KIND: { zh: '未知的任务类型', en: 'Unknown job kind' },
  INTERNAL: { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' },

  // field-level messages
  'field.required': { zh: '必填', en: 'Required' },
  'field.invalid': { zh: '格式不正确', en: 'Invalid value' },
  'field.tooLong': { zh: '长度不能超过 {max}', en: 'At most {max} characters' },
  'field.tooShort': { zh: '长度不能少于 {min}', en: 'At least {min} characters' },
  'field.tooBig': { zh: '不能大于 {max}', en: 'At most {max}' },
  'field.tooSmall': { zh: '不能小于 {min}', en: 'At least {min}' },
  'field.enum': { zh: '取值应为：{options}', en: 'Must be one of: {options}' },
  'field.type': { zh: '类型不正确，应为 {expected}', en: 'Wrong type, expected {expected}' },
  'field.unknown': { zh: '不认识的字段', en: 'Unknown field' },
  'password.TOO_SHORT': { zh: '密码至少 10 个字符', en: 'The password needs at least 10 characters' },
  'password.TOO_LONG': { zh: '密码不能超过 128 个字符', en: 'The password may have at most 128 characters' },
  'password.TOO_FEW_CLASSES': {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少 3 类',
    en: 'The password needs 3 of: upper case, lower case, digits, symbols',
  },
  'password.CONTAINS_USERNAME': { zh: '密码不能包含用户名', en: 'The password may not contain the username' },
  'user.REGION_LEVEL': {
    zh: '该角色的所属区划级别不符（允许：{allowed}）',
    en: 'The region level does not fit this role (allowed: {allowed})',
  },
  'regionCode.FORMAT': { zh: '区划代码应为 12 位数字', en: 'A region code has 12 digits' },
  'regionCode.PROVINCE': { zh: '区划代码的省级代码不存在', en: 'Unknown province in the region code' },
  'regionCode.NOT_A_COUNTY': {
    zh: '不是县级区划代码（第 5–6 位不能为 00）',
    en: 'Not a county-level code (digits 5–6 may not be 00)',
  },
  'regionCode.LEVEL_MISMATCH': {
    zh: '区划代码的级别与上级区划不符：县下应为乡镇（XXXXXXTTT000），乡镇下应为村（社区）',
    en: 'The code does not match the level under its parent: a county holds townships (XXXXXXTTT000), a township holds villages',
  },
  'regionCode.PARENT_PREFIX': {
    zh: '区划代码须以上级区划代码 {prefix} 开头',
    en: 'The code must start with its parent’s prefix {prefix}',
  },
  'regionCode.PARENT_IS_VILLAGE': { zh: '村（社区）下不能再设区划', en: 'A village cannot hold regions' },
  'regionCode.PARENT_NOT_FOUND': { zh: '上级区划不存在', en: 'The parent region does not exist' },
  'regionCode.OUT_OF_SCOPE': { zh: '不在你的管辖范围内', en: 'Outside your region' },
  'regionCode.DUPLICATE': { zh: '区划代码已存在', en: 'This region code exists already' },
  'regionCode.DUPLICATE_IN_FILE': { zh: '文件中重复的区划代码（第 {row} 行）', en: 'Repeated in the file (row {row})' },
  'import.NO_HEADER': {
    zh: '找不到表头：第 1 行应包含 {columns}',
    en: 'No header found: row 1 must hold {columns}',
  },
  'import.UNREADABLE': { zh: '无法读取文件：{reason}', en: 'The file cannot be read: {reason}' },
  'import.TOO_MANY_ROWS': { zh: '行数超过上限 {max}', en: 'More than {max} rows' },
  'import.EMPTY': { zh: '文件中没有数据行', en: 'The file has no data rows' },
} as const satisfies Record<string, Record<Lang, string>>;

export const messages = {
  ...coreMessages,
  ...registryMessages,
  ...programMessages,
  ...applicationMessages,
  ...rehabMessages,
  ...paymentMessages,
  ...bankMessages,
  ...portalMessages,
};

export type MessageKey = keyof typeof messages;

export function translate(key: string, lang: Lang, params: Record<string, unknown> = {}): string {
  const entry = (messages as Record<string, Record<Lang, string>>)[key];
  const template = entry ? entry[lang] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}

/**
 * Picks the response language from Accept-Language: English only when the client prefers an
 * English tag over Chinese; a missing header or `*` means Chinese.
 */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().split(';');
      const qAttr = attrs.find((a) => a.trim().startsWith('q='));
      const q = qAttr ? Number(qAttr.trim().slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranked) {
    if (r.tag === 'en' || r.tag.startsWith('en-')) return 'en';
    if (r.tag === 'zh' || r.tag.startsWith('zh-') || r.tag === '*') return 'zh';
  }
  return 'zh';
}
