import { todayInChina } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pageQuery } from '../../http/pagination.js';
import { applyCertificateAction, listCertificates } from './certificate-actions.js';
import { changePersonStatus } from './change-person-status.js';
import { createPerson } from './create-person.js';
import { exportPersons } from './export-persons.js';
import { getPerson } from './get-person.js';
import { listExpiringCertificates } from './list-expiring-certificates.js';
import { listPersons } from './list-persons.js';
import { listNeeds, listServices, recordNeeds, recordService, surveyProgress } from './needs-and-services.js';
import { personHistory } from './person-history.js';
import {
  componentSchema,
  createPersonBody,
  isoDate,
  needsBody,
  personListQuery,
  serviceBody,
  statusBody,
  updatePersonBody,
} from './persons.schemas.js';
import { updatePerson } from './update-person.js';

const idParam = z.object({ id: z.uuid() });

export function personRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;
  const when = () => {
    const now = clock();
    return { now, today: todayInChina(now) };
  };

  r.post('/api/persons', { schema: { tags: ['persons'], body: createPersonBody } }, async (request, reply) => {
    const person = await createPerson({ db, actor: requireActor(request), input: request.body, ...when() });
    return reply.code(201).send(person);
  });

  r.get(
    '/api/persons',
    { schema: { tags: ['persons'], querystring: personListQuery.extend(pageQuery) } },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      return listPersons({ db, actor: requireActor(request), filters, page, pageSize, today: when().today });
    },
  );

  r.get(
    '/api/persons/export.xlsx',
    { schema: { tags: ['persons'], querystring: personListQuery } },
    async (request, reply) => {
      const stream = await exportPersons({
        db,
        actor: requireActor(request),
        filters: request.query,
        ...when(),
        log: request.log,
      });
      const fileName = `残疾人信息-${when().today}.xlsx`;
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );

  r.get('/api/persons/:id', { schema: { tags: ['persons'], params: idParam } }, async (request) =>
    getPerson({ db, actor: requireActor(request), personId: request.params.id, ...when() }),
  );

  r.patch(
    '/api/persons/:id',
    { schema: { tags: ['persons'], params: idParam, body: updatePersonBody } },
    async (request) =>
      updatePerson({ db, actor: requireActor(request), personId: request.params.id, input: request.body, ...when() }),
  );

  r.get('/api/persons/:id/history', { schema: { tags: ['persons'], params: idParam } }, async (request) =>
    personHistory({ db, actor: requireActor(request), personId: request.params.id }),
  );

  r.post(
    '/api/persons/:id/status',
    { schema: { tags: ['persons'], params: idParam, body: statusBody } },
    async (request) =>
      changePersonStatus({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        change: request.body,
        ...when(),
      }),
  );

  r.get('/api/persons/:id/certificates', { schema: { tags: ['certificates'], params: idParam } }, async (request) =>
    listCertificates({ db, actor: requireActor(request), personId: request.params.id }),
  );

  r.post(
    '/api/persons/:id/certificate',
    {
      schema: {
        tags: ['certificates'],
        params: idParam,
        body: z.object({
          action: z.enum(['issue', 'renew', 'change', 'reissue', 'freeze', 'unfreeze', 'cancel']),
          number: z.string().trim().max(30).optional(),
          issuedOn: isoDate.optional(),
          category: z.number().int().min(1).max(7).optional(),
          grade: z.number().int().min(1).max(4).optional(),
          components: z.array(componentSchema).max(6).optional(),
          reason: z.string().trim().max(500).optional(),
        }),
      },
    },
    async (request) =>
      applyCertificateAction({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        input: request.body,
        ...when(),
      }),
  );

  r.get(
    '/api/certificates/expiring',
    {
      schema: {
        tags: ['certificates'],
        querystring: z.object({
          ...pageQuery,
          days: z.coerce.number().int().min(0).max(3660).default(90),
          regionCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
      },
    },
    async (request) =>
      listExpiringCertificates({ db, actor: requireActor(request), ...request.query, today: when().today }),
  );

  r.post(
    '/api/persons/:id/needs',
    { schema: { tags: ['needs'], params: idParam, body: needsBody } },
    async (request, reply) => {
      const { created, survey } = await recordNeeds({
        db,
        actor: requireActor(request),
        personId: request.params.id,
        input: request.body,
        ...when(),
      });
      return reply.code(created ? 201 : 200).send(survey);
    },
  );
  r.get('/api/persons/:id/needs', { schema: { tags: ['needs'], params: idParam } }, async (request) =>
    listNeeds({ db, actor: requireActor(request), personId: request.params.id }),
  );
  r.post(
    '/api/persons/:id/services',
    { schema: { tags: ['needs'], params: idParam, body: serviceBody } },
    async (request, reply) =>
      reply.code(201).send(
        await recordService({
          db,
          actor: requireActor(request),
          personId: request.params.id,
          input: request.body,
          now: clock(),
        }),
      ),
  );
  r.get('/api/persons/:id/services', { schema: { tags: ['needs'], params: idParam } }, async (request) =>
    listServices({ db, actor: requireActor(request), personId: request.params.id }),
  );
  r.get(
    '/api/surveys/progress',
    {
      schema: {
        tags: ['needs'],
        querystring: z.object({
          year: z.coerce.number().int().min(2000).max(2100),
          regionCode: z
            .string()
            .regex(/^\d{12}$/)
            .optional(),
        }),
      },
    },
    async (request) => surveyProgress({ db, actor: requireActor(request), ...request.query }),
  );
}
