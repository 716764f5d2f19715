import { todayInChina } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pageQuery } from '../../http/pagination.js';
import { pickLanguage } from '../../i18n/messages.js';
import { listBudgets } from './budget.js';
import { generateCycle } from './generate-cycle.js';
import { getCycle } from './get-cycle.js';
import { listCycles } from './list-cycles.js';
import { listEntitlements } from './list-entitlements.js';
import { listPersonPayments } from './list-person-payments.js';
import { listStopped } from './list-stopped.js';
import {
  budgetQuery,
  cycleActionBody,
  cycleListQuery,
  entitlementListQuery,
  generateCycleBody,
} from './payments.schemas.js';
import { takeCycleAction } from './take-cycle-action.js';

const idParam = z.object({ id: z.uuid() });
const tags = ['payments'];

/** Payment cycles (generation, workflow, entitlements, stopped payments) and budgets. */
export function paymentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database, config } = app.deps;
  const db = database.db;
  const when = () => {
    const now = clock();
    return { now, today: todayInChina(now) };
  };
  const lang = (request: { headers: { 'accept-language'?: string | undefined } }) =>
    pickLanguage(request.headers['accept-language']);

  r.post('/api/cycles', { schema: { tags, body: generateCycleBody } }, async (request, reply) => {
    const cycle = await generateCycle({
      db,
      actor: requireActor(request),
      input: request.body,
      settings: { advancePercent: config.settlementAdvancePercent },
      ...when(),
    });
    return reply.code(201).send(cycle);
  });

  r.get('/api/cycles', { schema: { tags, querystring: cycleListQuery.extend(pageQuery) } }, async (request) => {
    const { page, pageSize, ...filters } = request.query;
    return listCycles({ db, actor: requireActor(request), filters, page, pageSize, lang: lang(request) });
  });

  r.get('/api/cycles/:id', { schema: { tags, params: idParam } }, async (request) =>
    getCycle({ db, actor: requireActor(request), cycleId: request.params.id, lang: lang(request) }),
  );

  r.post('/api/cycles/:id/actions', { schema: { tags, params: idParam, body: cycleActionBody } }, async (request) =>
    takeCycleAction({ db, actor: requireActor(request), cycleId: request.params.id, input: request.body, ...when() }),
  );

  r.get(
    '/api/cycles/:id/entitlements',
    { schema: { tags, params: idParam, querystring: entitlementListQuery.extend(pageQuery) } },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return listEntitlements({
        db,
        actor: requireActor(request),
        cycleId: request.params.id,
        filters,
        page,
        pageSize,
      });
    },
  );

  r.get(
    '/api/cycles/:id/stopped',
    { schema: { tags, params: idParam, querystring: z.strictObject(pageQuery) } },
    async (request) =>
      listStopped({
        db,
        actor: requireActor(request),
        cycleId: request.params.id,
        page: request.query.page,
        pageSize: request.query.pageSize,
        lang: lang(request),
      }),
  );

  r.get(
    '/api/persons/:id/payments',
    { schema: { tags, params: idParam, querystring: z.strictObject(pageQuery) } },
    async (request) =>
      listPersonPayments({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        page: request.query.page,
        pageSize: request.query.pageSize,
        lang: lang(request),
      }),
  );

  r.get('/api/budgets', { schema: { tags, querystring: budgetQuery } }, async (request) =>
    listBudgets({
      db,
      actor: requireActor(request),
      year: request.query.year ?? Number(when().today.slice(0, 4)),
      lang: lang(request),
    }),
  );
}
