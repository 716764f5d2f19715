import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pickLanguage } from '../../i18n/messages.js';
import { getJob } from './get-job.js';

export function jobRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/jobs/:id', { schema: { tags: ['jobs'], params: z.object({ id: z.uuid() }) } }, async (request) =>
    getJob({
      db: app.deps.database.db,
      actor: requireActor(request),
      jobId: request.params.id,
      lang: pickLanguage(request.headers['accept-language']),
    }),
  );
}
