import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { assertCan } from '../../http/actor.js';
import { requireActor } from '../../http/auth-hooks.js';
import { readUpload } from '../../http/upload.js';
import { pickLanguage } from '../../i18n/messages.js';
import { importErrorReport } from './import-errors.js';
import { startPersonImport } from './import-persons.js';
import { personImportTemplate } from './person-import-template.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function importRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  r.post(
    '/api/imports/persons',
    {
      schema: {
        tags: ['imports'],
        summary: 'Import persons from an xlsx or a CSV (UTF-8 or GB18030) as a job',
        querystring: z.object({ mode: z.enum(['strict', 'lenient']).default('strict') }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      assertCan(actor, 'persons.import');
      const upload = await readUpload(request, { extensions: ['.xlsx', '.csv'] });
      if (!upload) throw new AppError('FILE_REQUIRED', 400);
      const jobId = await startPersonImport(db, {
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

  r.get('/api/imports/persons/template.xlsx', { schema: { tags: ['imports'] } }, async (request, reply) => {
    requireActor(request);
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachment('残疾人导入模板.xlsx'))
      .send(await personImportTemplate());
  });

  r.get(
    '/api/imports/:jobId/errors.xlsx',
    { schema: { tags: ['imports'], params: z.object({ jobId: z.uuid() }) } },
    async (request, reply) => {
      const stream = await importErrorReport({
        db,
        actor: requireActor(request),
        jobId: request.params.jobId,
        lang: pickLanguage(request.headers['accept-language']),
        log: request.log,
      });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', attachment(`导入错误-${request.params.jobId.slice(0, 8)}.xlsx`))
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
}
