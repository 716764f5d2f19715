import { makeCertificateNumber, makeIdNumber } from '@huican/core';
import { buildAnnotatedTemplate, type TemplateColumn } from '../../spreadsheets/template.js';
import { COL } from './person-rows.js';

const YES_NO = '选填。填“是”或“否”（也可填 1/0、Y/N），不填视为“否”。';

const COLUMNS: TemplateColumn[] = [
  { header: COL.name, width: 10, note: '必填。与身份证一致的姓名，最多 50 个字。\n例：张三' },
  {
    header: COL.idNumber,
    width: 22,
    note: '必填。18 位居民身份证号，末位可以是 X。本列已设为文本格式，请勿改为数字（否则会变成 3.41599E+17）。\n例：341599198005120517',
  },
  {
    header: COL.certNumber,
    width: 24,
    note: '选填。第二代残疾人证号：身份证号 + 残疾类别（1 视力、2 听力、3 言语、4 肢体、5 智力、6 精神）+ 残疾等级（1–4），补办证加 B1–B9 后缀。多重残疾（类别 7）须逐类登记，请在系统中单独录入。\n例：34159919800512051742',
  },
  {
    header: COL.issuedOn,
    width: 12,
    note: '填写了残疾证号时必填。可写作 2020-06-01、2020/6/1、2020.6.1 或 20200601，也可以是 Excel 日期；不能晚于今天、不能早于出生日期。有效期按发证日期起 10 年计算。',
  },
  {
    header: COL.regionCode,
    width: 15,
    note: '必填。户籍所在乡镇（街道）或村（社区）的 12 位区划代码，须在你的管辖范围内，不能填县级代码。\n例：341599101201（青禾镇王庄村）',
  },
  {
    header: COL.phone,
    width: 15,
    note: '选填。11 位手机号，或带区号的固定电话。\n例：13800001111、0557-1234567',
  },
  { header: COL.address, width: 30, note: '选填。详细住址，最多 200 个字。\n例：青禾镇王庄村 12 号' },
  { header: COL.lowIncome, width: 6, note: `是否低保对象。${YES_NO}` },
  { header: COL.extremePoverty, width: 6, note: `是否特困供养人员。${YES_NO}` },
  { header: COL.povertyMonitored, width: 8, note: `是否防止返贫监测对象。${YES_NO}` },
];

// Two people who import cleanly into the demo county (青禾县 341599): one with a certificate, one without.
const FIRST_ID = makeIdNumber('341599', '1980-05-12', 51);
const SECOND_ID = makeIdNumber('341599', '1992-11-03', 248);
export const TEMPLATE_EXAMPLES: string[][] = [
  [
    '张三',
    FIRST_ID,
    makeCertificateNumber(FIRST_ID, 4, 2),
    '2020-06-01',
    '341599101201',
    '13800001111',
    '青禾镇王庄村 12 号',
    '是',
    '否',
    '否',
  ],
  ['李梅', SECOND_ID, '', '', '341599102201', '0557-1234567', '柳河镇李岗村 3 组', '否', '否', '是'],
];

/** The person import template: the ten columns with a note on each, text-formatted, two examples. */
export function personImportTemplate(): Promise<Buffer> {
  return buildAnnotatedTemplate('残疾人信息', COLUMNS, TEMPLATE_EXAMPLES);
}
