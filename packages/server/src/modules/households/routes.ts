import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import {
  addHouseholdMember,
  createHousehold,
  getHousehold,
  HOUSEHOLD_RELATIONS,
  removeHouseholdMember,
} from './households.js';

const id = z.object({ id: z.uuid() });
const member = z.object({ personId: z.uuid(), relation: z.enum(HOUSEHOLD_RELATIONS) });

export function householdRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  r.post(
    '/api/households',
    {
      schema: {
        tags: ['households'],
        body: z.object({
          regionCode: z.string().regex(/^\d{12}$/),
          address: z.string().trim().max(200).nullish(),
          members: z.array(member).min(1).max(30),
        }),
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createHousehold({ db, actor: requireActor(request), input: request.body, now: clock() })),
  );
  r.get('/api/households/:id', { schema: { tags: ['households'], params: id } }, async (request) =>
    getHousehold(db, requireActor(request), request.params.id),
  );
  r.post(
    '/api/households/:id/members',
    { schema: { tags: ['households'], params: id, body: member } },
    async (request) =>
      addHouseholdMember({
        db,
        actor: requireActor(request),
        householdId: request.params.id,
        member: request.body,
        now: clock(),
      }),
  );
  r.delete(
    '/api/households/:id/members/:personId',
    { schema: { tags: ['households'], params: z.object({ id: z.uuid(), personId: z.uuid() }) } },
    async (request) =>
      removeHouseholdMember({
        db,
        actor: requireActor(request),
        householdId: request.params.id,
        personId: request.params.personId,
        now: clock(),
      }),
  );
}
