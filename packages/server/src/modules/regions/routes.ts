import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { assertCan } from '../../http/actor.js';
import { requireActor } from '../../http/auth-hooks.js';
import { readUpload } from '../../http/upload.js';
import { createRegion } from './create-region.js';
import { regionImportTemplate, startRegionImport } from './import-regions.js';
import { getRegion, listRegionChildren, listRegionRoots } from './region-queries.js';

const codeParam = z.object({ code: z.string().regex(/^\d{12}$/) });

export function regionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  r.get('/api/regions/roots', { schema: { tags: ['regions'] } }, async (request) =>
    listRegionRoots(db, requireActor(request)),
  );

  r.get('/api/regions/:code/children', { schema: { tags: ['regions'], params: codeParam } }, async (request) =>
    listRegionChildren(db, requireActor(request), request.params.code),
  );

  r.get('/api/regions/import/template.xlsx', { schema: { tags: ['regions'] } }, async (request, reply) => {
    requireActor(request);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('区划导入模板.xlsx')}`)
      .send(await regionImportTemplate());
  });

  r.get('/api/regions/:code', { schema: { tags: ['regions'], params: codeParam } }, async (request) =>
    getRegion(db, requireActor(request), request.params.code),
  );

  r.post(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        body: z.object({
          code: z.string().min(1).max(20),
          name: z.string().trim().min(1).max(100),
          parentCode: z.string().max(20).nullable().default(null),
        }),
      },
    },
    async (request, reply) => {
      const region = await createRegion({ db, actor: requireActor(request), now: clock(), input: request.body });
      return reply.code(201).send(region);
    },
  );

  r.post(
    '/api/regions/import',
    { schema: { tags: ['regions'], querystring: z.object({ mode: z.enum(['strict', 'lenient']).default('strict') }) } },
    async (request, reply) => {
      const actor = requireActor(request);
      assertCan(actor, 'regions.write');
      const upload = await readUpload(request, { extensions: ['.xlsx'] });
      if (!upload) throw new AppError('FILE_REQUIRED', 400);
      const jobId = await startRegionImport(db, {
        actor,
        file: upload.data,
        fileName: upload.fileName,
        mode: request.query.mode,
        now: clock(),
      });
      app.deps.jobRunner.kick();
      return reply.code(202).send({ jobId });
    },
  );
}
