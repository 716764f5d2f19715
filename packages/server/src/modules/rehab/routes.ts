import { todayInChina } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pageQuery } from '../../http/pagination.js';
import { createPlan } from './create-plan.js';
import { getPersonRehab } from './get-person-rehab.js';
import { listPlans } from './list-plans.js';
import { recordAssessment } from './record-assessment.js';
import { recordPlanService } from './record-plan-service.js';
import {
  assessmentBody,
  personRehabQuery,
  planBody,
  planListQuery,
  planPatchBody,
  planServiceBody,
} from './rehab.schemas.js';
import { updatePlan } from './update-plan.js';

const personParam = z.object({ id: z.uuid() });
const planParam = z.object({ planId: z.uuid() });
const tags = ['rehab'];

/** Precise rehabilitation (精准康复): assessments, plans and the services delivered under them. */
export function rehabRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;
  const when = () => {
    const now = clock();
    return { now, today: todayInChina(now) };
  };

  r.post(
    '/api/persons/:id/rehab/assessments',
    { schema: { tags, params: personParam, body: assessmentBody } },
    async (request, reply) => {
      const assessment = await recordAssessment({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        input: request.body,
        ...when(),
      });
      return reply.code(201).send(assessment);
    },
  );

  r.get(
    '/api/persons/:id/rehab',
    { schema: { tags, params: personParam, querystring: personRehabQuery } },
    async (request) =>
      getPersonRehab({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        year: request.query.year ?? Number(when().today.slice(0, 4)),
      }),
  );

  r.post(
    '/api/persons/:id/rehab/plans',
    { schema: { tags, params: personParam, body: planBody } },
    async (request, reply) => {
      const plan = await createPlan({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        input: request.body,
        ...when(),
      });
      return reply.code(201).send(plan);
    },
  );

  r.get('/api/rehab/plans', { schema: { tags, querystring: planListQuery.extend(pageQuery) } }, async (request) => {
    const { page, pageSize, ...filters } = request.query;
    return listPlans({ db, actor: requireActor(request), filters, page, pageSize });
  });

  r.patch('/api/rehab/plans/:planId', { schema: { tags, params: planParam, body: planPatchBody } }, async (request) =>
    updatePlan({ db, actor: requireActor(request), planId: request.params.planId, input: request.body, now: clock() }),
  );

  r.post(
    '/api/rehab/plans/:planId/services',
    { schema: { tags, params: planParam, body: planServiceBody } },
    async (request, reply) => {
      const service = await recordPlanService({
        db,
        actor: requireActor(request),
        planId: request.params.planId,
        input: request.body,
        ...when(),
      });
      return reply.code(201).send(service);
    },
  );
}
