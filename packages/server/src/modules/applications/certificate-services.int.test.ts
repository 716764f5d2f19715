import { CERTIFICATE_SERVICES, makeCertificateNumber, makeIdNumber, todayInChina } from '@huican/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test-support/index.js';

let t: TestContext;
let year: number;
let today: string;
beforeAll(async () => {
  t = await createTestContext();
  today = todayInChina(t.now());
  year = Number(today.slice(0, 4));
});
afterAll(() => t.close());
const call: TestContext['call'] = (...a) => t.call(...a);

let seq = 0;
async function person(o: { certificate?: { category: number; grade: number; issuedOn: string } } = {}) {
  seq++;
  const idNumber = makeIdNumber('341599', '1970-06-01', 500 + seq * 2);
  const res = await call('township', 'POST', '/api/persons', {
    name: `证件${seq}`,
    idNumber,
    regionCode: '341599101201',
    ...(o.certificate
      ? {
          certificate: {
            number: makeCertificateNumber(idNumber, o.certificate.category, o.certificate.grade),
            issuedOn: o.certificate.issuedOn,
          },
        }
      : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; idNumber: string };
}

async function fileAndApprove(personId: string, programCode: string) {
  const filed = await call('township', 'POST', '/api/applications', { personId, programCode, year });
  expect(filed.statusCode, filed.body).toBe(201);
  const id = filed.json().id as string;
  expect((await call('township', 'POST', `/api/applications/${id}/actions`, { action: 'review' })).statusCode).toBe(
    200,
  );
  expect((await call('officer', 'POST', `/api/applications/${id}/actions`, { action: 'approve' })).statusCode).toBe(
    200,
  );
  return id;
}

const complete = (id: string, result?: object) =>
  call('officer', 'POST', `/api/applications/${id}/actions`, { action: 'complete', ...(result ? { result } : {}) });

describe('certificate services', () => {
  it('lists the seven services, apart from the programmes', async () => {
    const services = (await call('township', 'GET', '/api/certificate-services')).json();
    expect(services.map((s: { code: string }) => s.code).sort()).toEqual(
      CERTIFICATE_SERVICES.map((s) => s.code).sort(),
    );
    expect(services).toHaveLength(7);
    const programmes = (await call('township', 'GET', '/api/programs')).json();
    expect(programmes.some((p: { code: string }) => p.code.startsWith('cert_'))).toBe(false);
  });

  it('评残: a registered person without a certificate applies; completion issues the certificate', async () => {
    const p = await person();
    const id = await fileAndApprove(p.id, 'cert_new');
    const missing = await complete(id);
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields).sort()).toEqual([
      'result.assessedOn',
      'result.category',
      'result.grade',
      'result.hospital',
    ]);
    const done = await complete(id, { hospital: '青禾县人民医院', assessedOn: today, category: 2, grade: 3 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('completed');
    const registry = (await call('officer', 'GET', `/api/persons/${p.id}`)).json();
    expect(registry.certificate).toMatchObject({
      number: `${p.idNumber}23`,
      category: 2,
      grade: 3,
      issuedOn: today,
      status: 'valid',
    });
    // holding a certificate now, the person cannot apply for a new one
    const again = await call('township', 'POST', '/api/applications', {
      personId: p.id,
      programCode: 'cert_new',
      year: year + 1,
    });
    expect(again.statusCode).toBe(422);
  });

  it('a refused registry step leaves the application approved: a renewal before its window', async () => {
    const p = await person({ certificate: { category: 4, grade: 2, issuedOn: `${year - 2}-03-01` } });
    const id = await fileAndApprove(p.id, 'cert_renew');
    const early = await complete(id);
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('RENEWAL_NOT_OPEN');
    expect((await call('officer', 'GET', `/api/applications/${id}`)).json().status).toBe('approved');
  });

  it('a grade change gives a new number and keeps the old certificate in the history', async () => {
    const p = await person({ certificate: { category: 4, grade: 3, issuedOn: `${year - 1}-03-01` } });
    const id = await fileAndApprove(p.id, 'cert_change');
    const done = await complete(id, { hospital: '青禾县人民医院', assessedOn: today, category: 4, grade: 2 });
    expect(done.statusCode, done.body).toBe(200);
    const registry = (await call('officer', 'GET', `/api/persons/${p.id}`)).json();
    expect(registry.certificate).toMatchObject({ number: `${p.idNumber}42`, grade: 2 });
    const detail = (await call('officer', 'GET', `/api/applications/${id}`)).json();
    expect(detail.status).toBe('completed');
  });

  it('transfer out marks the person moved out; transfer in brings them back into another township', async () => {
    const p = await person({ certificate: { category: 1, grade: 2, issuedOn: `${year - 1}-03-01` } });
    const out = await fileAndApprove(p.id, 'cert_transfer_out');
    expect((await complete(out)).statusCode).toBe(400);
    expect((await complete(out, { destination: '合肥市蜀山区' })).statusCode).toBe(200);
    expect((await call('officer', 'GET', `/api/persons/${p.id}`)).json().status).toBe('moved_out');

    const back = await call('officer', 'POST', '/api/applications', {
      personId: p.id,
      programCode: 'cert_transfer_in',
      year,
    });
    expect(back.statusCode, back.body).toBe(201);
    const backId = back.json().id;
    await call('officer', 'POST', `/api/applications/${backId}/actions`, { action: 'approve' });
    const wrong = await complete(backId, { regionCode: '341598101000' });
    expect(wrong.statusCode).toBe(404);
    const done = await complete(backId, { regionCode: '341599102201' });
    expect(done.statusCode, done.body).toBe(200);
    const moved = (await call('officer', 'GET', `/api/persons/${p.id}`)).json();
    expect(moved).toMatchObject({ status: 'active', regionCode: '341599102201' });
    expect((await call('township2', 'GET', `/api/persons/${p.id}`)).statusCode).toBe(200);
  });

  it('cancellation needs a reason and cancels the certificate; bulk completion is refused for services', async () => {
    const p = await person({ certificate: { category: 5, grade: 1, issuedOn: `${year - 1}-03-01` } });
    const id = await fileAndApprove(p.id, 'cert_cancel');
    const bulk = await call('officer', 'POST', '/api/applications/actions', { ids: [id], action: 'complete' });
    expect(bulk.json()).toEqual({ succeeded: [], failed: [{ id, code: 'COMPLETE_ONE_BY_ONE' }] });
    expect((await complete(id, { reason: '本人死亡' })).statusCode).toBe(200);
    const registry = (await call('officer', 'GET', `/api/persons/${p.id}`)).json();
    expect(registry.certificate.status).toBe('cancelled');
  });
});
