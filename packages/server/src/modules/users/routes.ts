import { ROLES } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pageQuery } from '../../http/pagination.js';
import { createUser } from './create-user.js';
import { listUsers } from './list-users.js';
import { resetUserPassword } from './reset-user-password.js';
import { setUserActive } from './set-user-active.js';

const regionCode = z.string().regex(/^\d{12}$/);
const userId = z.object({ id: z.uuid() });

export function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        querystring: z.object({ ...pageQuery, q: z.string().max(64).optional(), role: z.enum(ROLES).optional() }),
      },
    },
    async (request) => listUsers({ db, actor: requireActor(request), ...request.query }),
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        body: z.object({
          username: z
            .string()
            .min(3)
            .max(32)
            .regex(/^[A-Za-z0-9_.-]+$/),
          password: z.string().min(1).max(256),
          displayName: z.string().trim().min(1).max(50),
          role: z.enum(ROLES),
          regionCode,
        }),
      },
    },
    async (request, reply) => {
      const user = await createUser({ db, actor: requireActor(request), input: request.body, now: clock() });
      return reply.code(201).send(user);
    },
  );

  r.post(
    '/api/users/:id/reset-password',
    { schema: { tags: ['users'], params: userId, body: z.object({ password: z.string().min(1).max(256) }) } },
    async (request, reply) => {
      await resetUserPassword({
        db,
        actor: requireActor(request),
        userId: request.params.id,
        password: request.body.password,
        now: clock(),
      });
      return reply.code(204).send();
    },
  );

  r.post(
    '/api/users/:id/active',
    { schema: { tags: ['users'], params: userId, body: z.object({ active: z.boolean() }) } },
    async (request) =>
      setUserActive({
        db,
        actor: requireActor(request),
        userId: request.params.id,
        active: request.body.active,
        now: clock(),
      }),
  );
}
