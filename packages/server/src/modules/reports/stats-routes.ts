import { isRealDate, todayInChina } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pickLanguage } from '../../i18n/messages.js';
import { fundsReport } from './funds-report.js';
import { registryStats } from './registry-stats.js';

const tags = ['reports'];
const regionCode = z.string().regex(/^\d{12}$/);
/** A real calendar day, 1900–2100. */
const reportDate = z
  .string()
  .refine(isRealDate, { params: { key: 'date.FORMAT' } })
  .refine((d) => d >= '1900-01-01' && d <= '2100-12-31', { params: { key: 'field.invalid' } });

export const fundsReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: regionCode.optional(),
});

export const registryStatsQuery = z.strictObject({
  regionCode: regionCode.optional(),
  from: reportDate.optional(),
  to: reportDate.optional(),
});

/** The funds report and the registry statistics (the other reports are in routes.ts). */
export function reportStatsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  r.get('/api/reports/funds', { schema: { tags, querystring: fundsReportQuery } }, async (request) =>
    fundsReport({
      db,
      actor: requireActor(request),
      year: request.query.year ?? Number(todayInChina(clock()).slice(0, 4)),
      regionCode: request.query.regionCode,
      lang: pickLanguage(request.headers['accept-language']),
    }),
  );

  r.get('/api/reports/registry', { schema: { tags, querystring: registryStatsQuery } }, async (request) =>
    registryStats({ db, actor: requireActor(request), ...request.query, today: todayInChina(clock()) }),
  );
}
