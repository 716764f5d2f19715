// Test helpers of the payments tests: persons registered and applications approved through the API, as an
// officer would, and the few facts the API cannot set in the past (month of application, dates) set directly.
import { makeCertificateNumber, makeIdNumber } from '@huican/core';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { FixtureUser, HttpMethod, TestContext } from '../../test-support/index.js';

/** Calls sign in through `t.call`; the older form's `cookies` are not used (drop them). */
export function registry(t: TestContext, o: { seqBase: number }) {
  const call = (as: string, method: HttpMethod, url: string, payload?: unknown) =>
    t.call(as as FixtureUser, method, url, payload);
  let seq = 0;

  /** Registers a person (physical disability, 低保 by default) through the API; returns its id. */
  async function person(
    p: { grade?: number; category?: number; region?: string; flags?: object; birthDate?: string; as?: string } = {},
  ): Promise<string> {
    seq++;
    const region = p.region ?? '341599101201';
    const idNumber = makeIdNumber(region.slice(0, 6), p.birthDate ?? '1968-04-12', o.seqBase + seq * 2);
    const res = await call(p.as ?? (region.startsWith('341598') ? 'otherOfficer' : 'officer'), 'POST', '/api/persons', {
      name: `发放${seq}`,
      idNumber,
      regionCode: region,
      flags: p.flags ?? { lowIncome: true },
      certificate: {
        number: makeCertificateNumber(idNumber, p.category ?? 4, p.grade ?? 2),
        issuedOn: '2020-05-01',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  /** Files and approves an application of the person; with `appliedOn`, sets its month of application. */
  async function enrol(
    personId: string,
    p: { program?: string; year: number; appliedOn?: string; as?: string; approve?: boolean; complete?: boolean },
  ): Promise<string> {
    const as = p.as ?? 'officer';
    const filed = await call(as, 'POST', '/api/applications', {
      personId,
      programCode: p.program ?? 'living_subsidy',
      year: p.year,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const id = filed.json().id as string;
    if (p.approve !== false && filed.json().status !== 'approved') {
      const approved = await call(as, 'POST', `/api/applications/${id}/actions`, { action: 'approve' });
      expect(approved.statusCode, approved.body).toBe(200);
    }
    if (p.complete) {
      const done = await call(as, 'POST', `/api/applications/${id}/actions`, { action: 'complete' });
      expect(done.statusCode, done.body).toBe(200);
    }
    if (p.appliedOn) await setAppliedOn(id, p.appliedOn);
    return id;
  }

  async function setAppliedOn(applicationId: string, appliedOn: string) {
    await t.database.db.execute(sql`update applications set applied_on = ${appliedOn} where id = ${applicationId}`);
  }

  async function standard(program: string, year: number, body: object) {
    const res = await call('officer', 'PUT', `/api/programs/${program}/standards/${year}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }

  const generate = (as: string, body: object) => call(as, 'POST', '/api/cycles', body);

  async function generated(as: string, body: object) {
    const res = await generate(as, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; count: number; totalCents: number; status: string; kind: string };
  }

  const act = (as: string, cycleId: string, action: string, reason?: string) =>
    call(as, 'POST', `/api/cycles/${cycleId}/actions`, reason === undefined ? { action } : { action, reason });

  /** Every line of a cycle straight from the database (person, kind, period, amount, status). */
  async function lines(cycleId: string) {
    const result = await t.database.db.execute(sql`
      select person_id, kind, period, amount_cents, status, grade, payee_name, institution_id, application_id
      from payment_lines where cycle_id = ${cycleId} order by person_id, period`);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
      person_id: string;
      kind: string;
      period: string;
      amount_cents: number;
      status: string;
      grade: number | null;
      payee_name: string;
      institution_id: string | null;
      application_id: string | null;
    }[];
  }

  return { call, person, enrol, setAppliedOn, standard, generate, generated, act, lines };
}
