import {
  addDays,
  addYears,
  certificateValidUntil,
  makeCertificateNumber,
  makeIdNumber,
  mostSevereGrade,
  NEED_KINDS,
  REHAB_NEED_KINDS,
} from '@huican/core';
import { namePinyin } from '../modules/persons/person-rules.js';
import type { DemoRegion } from './demo-county.js';
import { seededRandom } from './demo-county.js';

// About 20,000 persons spread over the demo villages, with the shape of a real county's registry
// (national sample survey proportions, rounded): physical disability about half, many elderly,
// a fifth on 低保. Deterministic for a given seed.

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const MALE = '伟强军磊勇杰涛明超华建国平刚志文斌辉鹏飞波宇浩俊峰林东海成亮龙春生德胜福';
const FEMALE = '芳娟敏静丽艳娜霞玲燕红梅英兰秀萍桂凤琴云莲珍华慧婷雪琳洁晶颖冬';

export type Weighted<T> = [T, number][];
export function pick<T>(random: () => number, table: Weighted<T>): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = random() * total;
  for (const [value, weight] of table) {
    x -= weight;
    if (x < 0) return value;
  }
  return table[table.length - 1]![0];
}

const CATEGORY: Weighted<number> = [
  [4, 50],
  [1, 8],
  [2, 10],
  [3, 1],
  [5, 9],
  [6, 10],
  [7, 12],
];
const GRADE: Weighted<number> = [
  [1, 15],
  [2, 25],
  [3, 30],
  [4, 30],
];
const AGE_BAND: Weighted<[number, number]> = [
  [[1, 6], 1],
  [[7, 17], 3],
  [[18, 44], 18],
  [[45, 59], 28],
  [[60, 79], 38],
  [[80, 98], 12],
];

export type DemoPerson = {
  id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  id_number: string;
  gender: 'male' | 'female';
  birth_date: string;
  region_code: string;
  phone: string | null;
  address: string;
  low_income: boolean;
  extreme_poverty: boolean;
  poverty_monitored: boolean;
  status: 'active' | 'deceased' | 'moved_out';
  status_date: string | null;
  household_id: string | null;
  household_relation: string | null;
  cert_number: string;
  category: number;
  grade: number;
  components: { category: number; grade: number }[] | null;
  cert_issued_on: string;
  cert_valid_until: string;
  guardian: { name: string; relation: string; phone: string } | null;
  /** Set by assignDemoBankAccounts (demo-bank-accounts.ts). */
  bank_name?: string | null;
  bank_account?: string | null;
};

export type DemoHousehold = { id: string; region_code: string; address: string };
export type DemoSurvey = {
  person_id: string;
  year: number;
  region_code: string;
  method: string;
  surveyed_on: string;
  needs: string[];
};
export type DemoService = {
  person_id: string;
  year: number;
  kind: string;
  service_date: string;
  provider: string;
  region_code: string;
};

/** A uuid from the seeded generator (v4 layout), so the demo is identical on every machine. */
export function uuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function demoPersons(regions: DemoRegion[], today: string, count = 20_000, seed = 20261125) {
  const random = seededRandom(seed);
  const villages = regions.filter((r) => r.level === 'village');
  const usedIds = new Set<string>();
  const persons: DemoPerson[] = [];
  const households: DemoHousehold[] = [];
  const surveys: DemoSurvey[] = [];
  const services: DemoService[] = [];
  const year = Number(today.slice(0, 4));
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));

  for (let i = 0; i < count; i++) {
    const village = villages[i % villages.length]!;
    const gender = random() < 0.56 ? 'male' : 'female';
    const [minAge, maxAge] = pick(random, AGE_BAND);
    const birthDate = addDays(addYears(today, -int(minAge, maxAge)), -int(0, 364));
    let idNumber: string;
    do {
      const sequence = int(0, 499) * 2 + (gender === 'male' ? 1 : 0);
      idNumber = makeIdNumber('341599', birthDate, sequence);
    } while (usedIds.has(idNumber));
    usedIds.add(idNumber);
    const surname = SURNAMES[Math.floor(random() ** 1.6 * SURNAMES.length)]!;
    const pool = gender === 'male' ? MALE : FEMALE;
    const given =
      random() < 0.7 ? pool[int(0, pool.length - 1)]! + pool[int(0, pool.length - 1)]! : pool[int(0, pool.length - 1)]!;
    const name = `${surname}${given}`;
    const category = pick(random, CATEGORY);
    let components: DemoPerson['components'] = null;
    let grade = pick(random, GRADE);
    if (category === 7) {
      const first = pick(
        random,
        CATEGORY.filter(([c]) => c !== 7),
      );
      let second = pick(
        random,
        CATEGORY.filter(([c]) => c !== 7),
      );
      while (second === first) second = int(1, 6);
      components = [
        { category: first, grade: pick(random, GRADE) },
        { category: second, grade: pick(random, GRADE) },
      ];
      grade = mostSevereGrade(components);
    }
    // Most certificates were issued or renewed in the last ten years; a few ran out (到期换证 work).
    const age = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
    const yearsAgo = random() < 0.03 ? int(10, 11) : int(0, Math.min(9, Math.max(0, age - 1)));
    let issuedOn = addDays(addYears(today, -yearsAgo), -int(0, 364));
    if (issuedOn < birthDate) issuedOn = addDays(birthDate, 30);
    if (issuedOn > today) issuedOn = today;
    const lowIncome = random() < 0.2;
    const roll = random();
    const status: DemoPerson['status'] = roll < 0.015 ? 'deceased' : roll < 0.025 ? 'moved_out' : 'active';
    const needsGuardian = age < 18 || category === 5 || category === 6;
    const person: DemoPerson = {
      id: uuid(random),
      name,
      ...(() => {
        const py = namePinyin(name);
        return { name_pinyin: py.full, name_initials: py.initials };
      })(),
      id_number: idNumber,
      gender,
      birth_date: birthDate,
      region_code: village.code,
      phone:
        random() < 0.7
          ? `1${pick(random, [
              ['3', 3],
              ['5', 2],
              ['8', 3],
              ['9', 1],
            ])}${String(int(0, 999_999_999)).padStart(9, '0')}`
          : null,
      address: `${village.name}${int(1, 12)}组${int(1, 80)}号`,
      low_income: lowIncome,
      extreme_poverty: lowIncome && random() < 0.2,
      poverty_monitored: !lowIncome && random() < 0.06,
      status,
      status_date: status === 'active' ? null : addDays(today, -int(10, 700)),
      household_id: null,
      household_relation: null,
      cert_number: makeCertificateNumber(idNumber, category, grade),
      category,
      grade,
      components,
      cert_issued_on: issuedOn,
      cert_valid_until: certificateValidUntil(issuedOn),
      guardian: needsGuardian
        ? {
            name: `${surname}${pool[int(0, pool.length - 1)]}`,
            relation: age < 18 ? '父母' : '子女',
            phone: `139${String(int(0, 99_999_999)).padStart(8, '0')}`,
          }
        : null,
    };
    persons.push(person);

    // 一户多残: about one person in twenty shares a household with the previous person of the village.
    const previous = persons[persons.length - 1 - villages.length];
    if (previous && previous.region_code === village.code && !previous.household_id && random() < 0.05) {
      const household = { id: uuid(random), region_code: village.code, address: previous.address };
      households.push(household);
      previous.household_id = household.id;
      previous.household_relation = 'head';
      person.household_id = household.id;
      person.household_relation = pick(random, [
        ['spouse', 3],
        ['child', 4],
        ['parent', 2],
        ['sibling', 1],
      ]);
      person.address = previous.address;
    }

    // This year's 动态更新: about 60% surveyed so far; services for some of the needs.
    if (status === 'active' && random() < 0.6) {
      const needs = NEED_KINDS.filter((kind) => random() < (REHAB_NEED_KINDS.includes(kind) ? 0.3 : 0.08));
      const surveyedOn = addDays(`${year}-01-01`, int(0, Math.max(0, Number(today.slice(5, 7)) * 28)));
      const surveyDate = surveyedOn > today ? today : surveyedOn;
      surveys.push({
        person_id: person.id,
        year,
        region_code: village.code,
        method: pick(random, [
          ['home_visit', 7],
          ['phone', 3],
        ]),
        surveyed_on: surveyDate,
        needs,
      });
      for (const kind of needs) {
        if (random() < 0.7) {
          services.push({
            person_id: person.id,
            year,
            kind,
            service_date: surveyDate,
            provider: kind === 'assistive_device' ? '县残疾人辅助器具服务中心' : '县残疾人康复中心',
            region_code: village.code,
          });
        }
      }
    }
  }
  return { persons, households, surveys, services };
}
