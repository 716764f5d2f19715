import type { FastifyInstance } from 'fastify';
import { requireActor } from '../../http/auth-hooks.js';
import { pickLanguage } from '../../i18n/messages.js';
import { listPrograms } from './list-programs.js';

export function programRoutes(app: FastifyInstance) {
  app.get('/api/programs', { schema: { tags: ['programs'] } }, async (request) => {
    requireActor(request);
    return listPrograms({ db: app.deps.database.db, lang: pickLanguage(request.headers['accept-language']) });
  });
}
