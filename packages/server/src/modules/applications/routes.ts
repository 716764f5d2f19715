import { todayInChina } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { requireActor } from '../../http/auth-hooks.js';
import { pageQuery } from '../../http/pagination.js';
import { pickLanguage } from '../../i18n/messages.js';
import { listPrograms } from '../programs/list-programs.js';
import {
  actionBody,
  applicationListQuery,
  bulkActionBody,
  fileApplicationBody,
  placementBody,
  placementServiceBody,
} from './applications.schemas.js';
import { ATTACHMENT_LIMIT_BYTES, addAttachment, readAttachment } from './attachments.js';
import { fileApplication } from './file-application.js';
import { getApplication } from './get-application.js';
import { listApplications } from './list-applications.js';
import { placeApplication, recordPlacementService } from './placements.js';
import { takeAction, takeBulkAction } from './take-actions.js';

const idParam = z.object({ id: z.uuid() });
const tags = ['applications'];

export function applicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database, config } = app.deps;
  const db = database.db;
  const settings = { stepWorkingDays: config.stepWorkingDays, workCalendar: config.workCalendar };
  const when = () => {
    const now = clock();
    return { now, today: todayInChina(now) };
  };
  const lang = (request: { headers: { 'accept-language'?: string | undefined } }) =>
    pickLanguage(request.headers['accept-language']);

  // The certificate services (评残, renewal, change, reissue, transfer, cancellation), filed as applications.
  r.get('/api/certificate-services', { schema: { tags } }, async (request) => {
    requireActor(request);
    return listPrograms({ db, lang: lang(request), catalogue: 'certificate' });
  });

  r.post('/api/applications', { schema: { tags, body: fileApplicationBody } }, async (request, reply) => {
    const created = await fileApplication({
      db,
      actor: requireActor(request),
      input: request.body,
      settings,
      ...when(),
    });
    return reply
      .code(201)
      .send({ id: created.id, status: created.status, dueOn: created.dueOn, version: created.version });
  });

  r.get(
    '/api/applications',
    { schema: { tags, querystring: applicationListQuery.extend(pageQuery) } },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return listApplications({
        db,
        actor: requireActor(request),
        filters,
        page,
        pageSize,
        today: when().today,
        lang: lang(request),
      });
    },
  );

  r.get('/api/applications/:id', { schema: { tags, params: idParam } }, async (request) =>
    getApplication({
      db,
      actor: requireActor(request),
      applicationId: request.params.id,
      today: when().today,
      lang: lang(request),
    }),
  );

  r.post('/api/applications/:id/actions', { schema: { tags, params: idParam, body: actionBody } }, async (request) =>
    takeAction(db, { actor: requireActor(request), settings, ...when() }, request.params.id, request.body),
  );

  r.post('/api/applications/actions', { schema: { tags, body: bulkActionBody } }, async (request) => {
    const { ids, ...input } = request.body;
    return takeBulkAction(db, { actor: requireActor(request), settings, ...when() }, ids, input, request.log);
  });

  r.post('/api/applications/:id/attachments', { schema: { tags, params: idParam } }, async (request, reply) => {
    const actor = requireActor(request);
    if (!request.isMultipart()) throw new AppError('FILE_REQUIRED', 400);
    const part = await request.file({ limits: { fileSize: ATTACHMENT_LIMIT_BYTES } });
    if (!part) throw new AppError('FILE_REQUIRED', 400);
    const data = await part.toBuffer();
    const created = await addAttachment({
      db,
      actor,
      applicationId: request.params.id,
      fileName: part.filename || 'upload',
      data,
      now: when().now,
    });
    return reply.code(201).send(created);
  });

  r.get(
    '/api/applications/:id/attachments/:attachmentId',
    { schema: { tags, params: z.object({ id: z.uuid(), attachmentId: z.uuid() }) } },
    async (request, reply) => {
      const file = await readAttachment({
        db,
        actor: requireActor(request),
        applicationId: request.params.id,
        attachmentId: request.params.attachmentId,
      });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  r.post(
    '/api/applications/:id/placement',
    { schema: { tags, params: idParam, body: placementBody } },
    async (request, reply) => {
      const placement = await placeApplication({
        db,
        actor: requireActor(request),
        applicationId: request.params.id,
        input: request.body,
        ...when(),
      });
      return reply.code(201).send(placement);
    },
  );

  r.post(
    '/api/applications/:id/services',
    { schema: { tags, params: idParam, body: placementServiceBody } },
    async (request, reply) => {
      const service = await recordPlacementService({
        db,
        actor: requireActor(request),
        applicationId: request.params.id,
        input: request.body,
        ...when(),
      });
      return reply.code(201).send(service);
    },
  );
}
