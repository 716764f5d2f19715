import { DEFAULT_PROGRAMS, makeIdNumber } from '@huican/core';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, persons } from '../../db/schema/index.js';
import { createTestContext, type TestContext } from '../../test-support/index.js';
import { programInYear } from './program-year.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

async function lastAudit(action: string) {
  const [row] = await t.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe('GET /api/programs/:code', () => {
  it('shows the catalogue entry, its years and designated institutions', async () => {
    const res = await call('township', 'GET', '/api/programs/living_subsidy');
    expect(res.statusCode).toBe(200);
    const living = DEFAULT_PROGRAMS.find((p) => p.code === 'living_subsidy')!;
    expect(res.json()).toMatchObject({
      code: 'living_subsidy',
      name: '困难残疾人生活补贴',
      nameEn: living.name.en,
      kind: 'monthly_subsidy',
      unit: 'person',
      active: true,
      autoApproval: false,
      requiredDocuments: living.requiredDocuments,
      rule: living.rule,
      years: [],
      institutions: [],
    });
    expect(res.json().ruleText).toContain('低保');
  });

  it('lists every year with a plan or targets, with the effective rule in words', async () => {
    await call('officer', 'PUT', '/api/programs/home_modification/budgets/2025', { budgetCents: 1_200_000 });
    await call('officer', 'PUT', '/api/programs/home_modification/standards/2026', { amountCents: 600_000 });
    await call('officer', 'PUT', '/api/programs/home_modification/targets/2027', [
      { regionCode: '341599101000', target: 3 },
      { regionCode: '341599102000', target: 4 },
    ]);
    const rule = {
      all: [
        { fact: 'grade', in: [1] },
        { fact: 'programHeld', program: 'living_subsidy', held: true },
      ],
    };
    await call('admin', 'PUT', '/api/programs/home_modification/rules/2026', { rule });
    const res = await call('officer', 'GET', '/api/programs/home_modification', undefined, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const years = res.json().years;
    expect(years.map((y: { year: number }) => y.year)).toEqual([2025, 2026, 2027]);
    expect(years[0]).toMatchObject({ year: 2025, budgetCents: 1_200_000, ruleIsDefault: true, targetTotal: 0 });
    expect(years[1]).toMatchObject({ year: 2026, amountCents: 600_000, rule, ruleIsDefault: false });
    expect(years[1].ruleText).toContain('Living subsidy'); // programme names, not codes
    expect(years[2]).toMatchObject({ year: 2027, targetTotal: 7, monthlyCentsByGrade: null });
    // a township user's target total is its own township's
    const township = await call('township', 'GET', '/api/programs/home_modification');
    expect(township.json().years.find((y: { year: number }) => y.year === 2027).targetTotal).toBe(3);
  });

  it('answers 404 PROGRAM_NOT_FOUND in Chinese and English, 401 without a session', async () => {
    const zh = await call('officer', 'GET', '/api/programs/no_such_programme');
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error).toEqual({ code: 'PROGRAM_NOT_FOUND', message: '项目不存在' });
    const en = await call('officer', 'GET', '/api/programs/no_such_programme', undefined, { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Programme not found');
    expect((await call(null, 'GET', '/api/programs/living_subsidy')).statusCode).toBe(401);
  });
});

describe('PATCH /api/programs/:code', () => {
  it('lets admin edit the catalogue entry, with an audit row of before → after', async () => {
    const rule = {
      all: [
        { fact: 'certificateStatus', in: ['valid', 'expiring'] },
        { fact: 'age', min: 16, max: 59 },
      ],
    };
    const res = await call('admin', 'PATCH', '/api/programs/vocational_training', {
      nameZh: '职业技能培训',
      active: false,
      autoApproval: true,
      requiredDocuments: ['居民身份证', '培训报名表'],
      rule,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: 'vocational_training',
      name: '职业技能培训',
      active: false,
      autoApproval: true,
      requiredDocuments: ['居民身份证', '培训报名表'],
      rule,
    });
    expect(res.json().ruleText).toContain('16–59');
    const audit = await lastAudit('program.update');
    expect(audit).toMatchObject({ entityType: 'program', entityId: 'vocational_training', actorUsername: 'admin' });
    expect(audit!.details.changes).toMatchObject({
      nameZh: { from: '就业培训', to: '职业技能培训' },
      active: { to: false },
    });
    const list = (await call('officer', 'GET', '/api/programs')).json();
    expect(list.find((p: { code: string }) => p.code === 'vocational_training').name).toBe('职业技能培训');
  });

  it('refuses roles other than admin (403) and a missing session (401)', async () => {
    for (const as of ['officer', 'township', 'auditor'] as const) {
      const res = await call(as, 'PATCH', '/api/programs/living_subsidy', { active: false });
      expect(res.statusCode, as).toBe(403);
    }
    expect((await call(null, 'PATCH', '/api/programs/living_subsidy', { active: false })).statusCode).toBe(401);
    expect((await call('admin', 'PATCH', '/api/programs/nope', { active: false })).statusCode).toBe(404);
  });

  it('validates the rule with core and answers 400 per problem path, in both languages', async () => {
    const bad = { all: [{ fact: 'grade', in: [5] }, { fact: 'programHeld', program: 'no_such', held: true }, {}] };
    const zh = await call('admin', 'PATCH', '/api/programs/living_subsidy', { rule: bad });
    expect(zh.statusCode).toBe(400);
    const fields = zh.json().error.fields;
    expect(Object.keys(fields).sort()).toEqual(['rule.all.0.in.0', 'rule.all.1.program', 'rule.all.2']);
    expect(fields['rule.all.0.in.0']).toMatch(/[\u4e00-\u9fff]/);
    const en = await call('admin', 'PATCH', '/api/programs/living_subsidy', { rule: 'x' }, { 'accept-language': 'en' });
    expect(en.json().error.code).toBe('VALIDATION');
    expect(en.json().error.fields.rule).toMatch(/[a-z]/i);
    expect(en.json().error.fields.rule).not.toMatch(/[\u4e00-\u9fff]/);
    const dup = await call('admin', 'PATCH', '/api/programs/living_subsidy', { requiredDocuments: ['a', 'a'] });
    expect(dup.json().error.fields['requiredDocuments.1']).toBeTruthy();
    const kind = await call('admin', 'PATCH', '/api/programs/living_subsidy', { kind: 'monthly' });
    expect(kind.json().error.fields.kind).toBeTruthy();
  });

  it('changes kind and unit only while the programme has no applications (409 PROGRAM_IN_USE)', async () => {
    const free = await call('admin', 'PATCH', '/api/programs/cataract_surgery', {
      kind: 'annual_grant',
      unit: 'household',
    });
    expect(free.statusCode).toBe(200);
    expect(free.json()).toMatchObject({ kind: 'annual_grant', unit: 'household' });
    const idNumber = makeIdNumber('341599', '1950-01-01', 11);
    const [person] = await t.database.db
      .insert(persons)
      .values({
        name: '王一',
        namePinyin: 'wangyi',
        nameInitials: 'wy',
        idNumber,
        gender: 'male',
        birthDate: '1950-01-01',
        regionCode: '341599101201',
        countyCode: '341599',
      })
      .returning();
    await t.database.db.insert(applications).values({
      personId: person!.id,
      programCode: 'cataract_surgery',
      year: 2026,
      regionCode: '341599101201',
      countyCode: '341599',
      status: 'submitted',
      filedAt: new Date(),
      appliedOn: '2026-01-05',
      updatedAt: new Date(),
    });
    const used = await call('admin', 'PATCH', '/api/programs/cataract_surgery', { kind: 'service' });
    expect(used.statusCode).toBe(409);
    expect(used.json().error.code).toBe('PROGRAM_IN_USE');
    const en = await call(
      'admin',
      'PATCH',
      '/api/programs/cataract_surgery',
      { unit: 'person' },
      { 'accept-language': 'en' },
    );
    expect(en.json().error.message).toMatch(/applications/);
    // other fields still change
    expect((await call('admin', 'PATCH', '/api/programs/cataract_surgery', { active: false })).statusCode).toBe(200);
  });
});

describe('PUT/DELETE /api/programs/:code/rules/:year', () => {
  it('stores a year rule (admin) and goes back to the default on DELETE, with audit rows', async () => {
    const rule = {
      all: [
        { fact: 'personStatus', in: ['active'] },
        { fact: 'age', max: 17 },
      ],
    };
    const put = await call('admin', 'PUT', '/api/programs/child_rehab/rules/2026', { rule });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ year: 2026, rule, ruleIsDefault: false });
    expect(put.json().ruleText).toContain('17');
    expect((await programInYear(t.database.db, 'child_rehab', 2026)).rule).toEqual(rule);
    expect((await lastAudit('program.rule.set'))!.details).toMatchObject({ year: 2026, from: null, to: rule });

    const del = await call('admin', 'DELETE', '/api/programs/child_rehab/rules/2026');
    expect(del.statusCode).toBe(200);
    const fallback = DEFAULT_PROGRAMS.find((p) => p.code === 'child_rehab')!.rule;
    expect(del.json()).toMatchObject({ year: 2026, ruleIsDefault: true, rule: fallback });
    expect((await programInYear(t.database.db, 'child_rehab', 2026)).ruleIsDefault).toBe(true);
    expect((await lastAudit('program.rule.reset'))!.details).toMatchObject({ year: 2026, from: rule, to: null });
  });

  it('keeps the year’s standard and budget when the rule goes', async () => {
    await call('officer', 'PUT', '/api/programs/respite_care/budgets/2026', { budgetCents: 500 });
    await call('admin', 'PUT', '/api/programs/respite_care/rules/2026', { rule: { fact: 'grade', in: [1] } });
    await call('admin', 'DELETE', '/api/programs/respite_care/rules/2026');
    const year = await programInYear(t.database.db, 'respite_care', 2026);
    expect(year).toMatchObject({ ruleIsDefault: true, budgetCents: 500 });
  });

  it('refuses other roles, bad rules and years, unknown programmes', async () => {
    const rule = { fact: 'grade', in: [1] };
    expect((await call('officer', 'PUT', '/api/programs/child_rehab/rules/2026', { rule })).statusCode).toBe(403);
    expect((await call('township', 'DELETE', '/api/programs/child_rehab/rules/2026')).statusCode).toBe(403);
    expect((await call(null, 'PUT', '/api/programs/child_rehab/rules/2026', { rule })).statusCode).toBe(401);
    const bad = await call('admin', 'PUT', '/api/programs/child_rehab/rules/2026', { rule: { fact: 'age' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.rule).toContain('年龄');
    const missing = await call('admin', 'PUT', '/api/programs/child_rehab/rules/2026', {});
    expect(missing.json().error.fields).toEqual({ rule: '必填' });
    const year = await call('admin', 'PUT', '/api/programs/child_rehab/rules/1999', { rule });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.fields.year).toBeTruthy();
    expect((await call('admin', 'PUT', '/api/programs/nope/rules/2026', { rule })).statusCode).toBe(404);
  });
});

describe('PUT /api/programs/:code/standards/:year', () => {
  const monthly = { '1': 12_000, '2': 10_000, '3': 8_000, '4': 6_000 };

  it('stores monthly amounts by grade for a monthly subsidy (officer), keeping the year’s rule and budget', async () => {
    await call('admin', 'PUT', '/api/programs/nursing_subsidy/rules/2026', { rule: { fact: 'grade', in: [1, 2] } });
    await call('officer', 'PUT', '/api/programs/nursing_subsidy/budgets/2026', { budgetCents: 9_000_000 });
    const res = await call('officer', 'PUT', '/api/programs/nursing_subsidy/standards/2026', {
      monthlyCentsByGrade: monthly,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      programCode: 'nursing_subsidy',
      year: 2026,
      monthlyCentsByGrade: monthly,
      amountCents: null,
    });
    const year = await programInYear(t.database.db, 'nursing_subsidy', 2026);
    expect(year).toMatchObject({ monthlyCentsByGrade: monthly, budgetCents: 9_000_000, ruleIsDefault: false });

    const again = await call('admin', 'PUT', '/api/programs/nursing_subsidy/standards/2026', {
      monthlyCentsByGrade: { ...monthly, '4': 7_000 },
    });
    expect(again.statusCode).toBe(200);
    const audit = await lastAudit('program.standard.set');
    expect(audit!.details).toMatchObject({
      year: 2026,
      from: { monthlyCentsByGrade: monthly, amountCents: null },
      to: { monthlyCentsByGrade: { ...monthly, '4': 7_000 }, amountCents: null },
    });
  });

  it('stores a fixed amount for other kinds', async () => {
    const res = await call('officer', 'PUT', '/api/programs/psych_medication/standards/2026', { amountCents: 100_000 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      programCode: 'psych_medication',
      year: 2026,
      monthlyCentsByGrade: null,
      amountCents: 100_000,
    });
  });

  it('refuses a standard that does not fit the kind, or amounts that are not whole fen ≥ 0', async () => {
    const cases: [string, unknown, string][] = [
      ['living_subsidy', { amountCents: 100 }, 'monthlyCentsByGrade'],
      ['living_subsidy', { monthlyCentsByGrade: monthly, amountCents: 100 }, 'amountCents'],
      ['living_subsidy', { monthlyCentsByGrade: { '1': 1, '2': 2, '3': 3 } }, 'monthlyCentsByGrade.4'],
      ['living_subsidy', { monthlyCentsByGrade: { ...monthly, '2': -1 } }, 'monthlyCentsByGrade.2'],
      ['living_subsidy', { monthlyCentsByGrade: { ...monthly, '3': 1.5 } }, 'monthlyCentsByGrade.3'],
      ['living_subsidy', { monthlyCentsByGrade: { ...monthly, '5': 1 } }, 'monthlyCentsByGrade.5'],
      ['child_rehab', {}, 'amountCents'],
      ['child_rehab', { amountCents: -5 }, 'amountCents'],
      ['child_rehab', { amountCents: 5, monthlyCentsByGrade: monthly }, 'monthlyCentsByGrade'],
    ];
    for (const [code, body, field] of cases) {
      const res = await call('officer', 'PUT', `/api/programs/${code}/standards/2026`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.fields[field], JSON.stringify(res.json())).toBeTruthy();
    }
    const en = await call(
      'officer',
      'PUT',
      '/api/programs/living_subsidy/standards/2026',
      {},
      { 'accept-language': 'en' },
    );
    expect(en.json().error.fields.monthlyCentsByGrade).toMatch(/monthly amount/);
    expect(
      (await call('officer', 'PUT', '/api/programs/living_subsidy/standards/2101', { monthlyCentsByGrade: monthly }))
        .statusCode,
    ).toBe(400);
  });

  it('refuses township, auditor (403), no session (401) and unknown programmes (404)', async () => {
    for (const as of ['township', 'auditor'] as const) {
      expect((await call(as, 'PUT', '/api/programs/child_rehab/standards/2026', { amountCents: 1 })).statusCode).toBe(
        403,
      );
    }
    expect((await call(null, 'PUT', '/api/programs/child_rehab/standards/2026', { amountCents: 1 })).statusCode).toBe(
      401,
    );
    expect((await call('officer', 'PUT', '/api/programs/nope/standards/2026', { amountCents: 1 })).statusCode).toBe(
      404,
    );
  });
});

describe('PUT /api/programs/:code/budgets/:year', () => {
  it('stores the budget (officer) with an audit row', async () => {
    const res = await call('officer', 'PUT', '/api/programs/education_aid/budgets/2026', {
      budgetCents: 25_000_000_00,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ programCode: 'education_aid', year: 2026, budgetCents: 25_000_000_00 });
    await call('officer', 'PUT', '/api/programs/education_aid/budgets/2026', { budgetCents: 1 });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'program.budget.set'), eq(auditLog.entityId, 'education_aid')))
      .orderBy(desc(auditLog.id));
    expect(audit[0]!.details).toMatchObject({ year: 2026, from: 25_000_000_00, to: 1 });
  });

  it('refuses bad amounts (400), township (403), no session (401)', async () => {
    for (const budgetCents of [-1, 1.5, '100', null]) {
      const res = await call('officer', 'PUT', '/api/programs/education_aid/budgets/2026', { budgetCents });
      expect(res.statusCode, String(budgetCents)).toBe(400);
      expect(res.json().error.fields.budgetCents).toBeTruthy();
    }
    expect(
      (await call('township', 'PUT', '/api/programs/education_aid/budgets/2026', { budgetCents: 1 })).statusCode,
    ).toBe(403);
    expect((await call(null, 'PUT', '/api/programs/education_aid/budgets/2026', { budgetCents: 1 })).statusCode).toBe(
      401,
    );
  });
});
