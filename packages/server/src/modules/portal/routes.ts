import { todayInChina } from '@huican/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { pickLanguage } from '../../i18n/messages.js';
import { getServiceItem } from './get-service-item.js';
import { listServiceItems } from './list-service-items.js';
import { serviceCodeParam } from './portal.schemas.js';
import { PORTAL_CSS } from './portal-css.js';
import { cataloguePage, guidePage, notFoundPage } from './portal-pages.js';
import { toSummary } from './service-items.js';

const tags = ['portal'];

/**
 * The citizen portal: the public service catalogue as JSON (/api/portal/…, in PUBLIC_API_ROUTES) and as
 * server-rendered pages under /portal/, which never fall through to the admin app.
 */
export function portalRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;
  const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);
  const year = () => Number(todayInChina(clock()).slice(0, 4));

  r.get('/api/portal/services', { schema: { tags } }, async (request) => {
    const items = await listServiceItems(db, { lang: lang(request), year: year() });
    return items.map(toSummary);
  });

  r.get('/api/portal/services/:code', { schema: { tags, params: serviceCodeParam } }, async (request) =>
    getServiceItem(db, { code: request.params.code, lang: lang(request), year: year() }),
  );

  const html = (reply: FastifyReply, page: string, status = 200) =>
    reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(page);

  app.get('/portal', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/portal/', 301));

  app.get('/portal/', { schema: { hide: true } }, async (_request, reply) =>
    html(reply, cataloguePage(await listServiceItems(db, { lang: 'zh', year: year() }))),
  );

  app.get<{ Params: { code: string } }>(
    '/portal/services/:code',
    { schema: { hide: true } },
    async (request, reply) => {
      try {
        const item = await getServiceItem(db, { code: request.params.code, lang: 'zh', year: year() });
        return html(reply, guidePage(item));
      } catch (err) {
        if (err instanceof AppError && err.httpStatus === 404) return html(reply, notFoundPage(), 404);
        throw err;
      }
    },
  );

  // The version in the link (?v=…) changes with the stylesheet, so browsers may keep it for a day.
  app.get('/portal/portal.css', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=86400').send(PORTAL_CSS),
  );

  // Any other /portal path is the portal's 404, not the admin app's client-side fallback.
  app.get('/portal/*', { schema: { hide: true } }, async (_request, reply) => html(reply, notFoundPage(), 404));
}
