import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hooks.js';
import { createInstitution } from './create-institution.js';
import { getInstitution } from './get-institution.js';
import {
  createInstitutionBody,
  institutionIdParam,
  institutionListQuery,
  updateInstitutionBody,
} from './institutions.schemas.js';
import { listInstitutions } from './list-institutions.js';
import { updateInstitution } from './update-institution.js';

const tags = ['institutions'];

export function institutionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  r.get('/api/institutions', { schema: { tags, querystring: institutionListQuery } }, async (request) =>
    listInstitutions({ db, actor: requireActor(request), query: request.query }),
  );

  r.post('/api/institutions', { schema: { tags, body: createInstitutionBody } }, async (request, reply) =>
    reply
      .code(201)
      .send(await createInstitution({ db, actor: requireActor(request), input: request.body, now: clock() })),
  );

  r.get('/api/institutions/:id', { schema: { tags, params: institutionIdParam } }, async (request) =>
    getInstitution({ db, actor: requireActor(request), id: request.params.id }),
  );

  r.patch(
    '/api/institutions/:id',
    { schema: { tags, params: institutionIdParam, body: updateInstitutionBody } },
    async (request) =>
      updateInstitution({ db, actor: requireActor(request), id: request.params.id, input: request.body, now: clock() }),
  );
}
