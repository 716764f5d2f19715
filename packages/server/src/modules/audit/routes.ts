import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pageQuery } from '../../http/pagination.js';
import { listAudit } from './list-audit.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: z.object({
          ...pageQuery,
          action: z.string().max(64).optional(),
          username: z.string().max(64).optional(),
          entityType: z.string().max(64).optional(),
          entityId: z.string().max(64).optional(),
          from: date.optional(),
          to: date.optional(),
        }),
      },
    },
    async (request) => listAudit({ db: app.deps.database.db, actor: requireActor(request), ...request.query }),
  );
}
