import { todayInChina } from '@huican/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pickLanguage } from '../../i18n/messages.js';
import { completionReport } from './completion-report.js';
import { completionWorkbook } from './completion-workbook.js';
import { rehabReport } from './rehab-report.js';
import { attachmentName } from './report-workbook.js';
import { yearRegionQuery } from './reports.schemas.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['reports'];

/** The completion and rehabilitation reports (the funds report and registry statistics: stats-routes.ts). */
export function reportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;
  const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);
  const yearOf = (year: number | undefined) => year ?? Number(todayInChina(clock()).slice(0, 4));

  r.get('/api/reports/completion', { schema: { tags, querystring: yearRegionQuery } }, async (request) =>
    completionReport({
      db,
      actor: requireActor(request),
      year: yearOf(request.query.year),
      regionCode: request.query.regionCode,
      lang: lang(request),
    }),
  );

  r.get('/api/reports/completion.xlsx', { schema: { tags, querystring: yearRegionQuery } }, async (request, reply) => {
    const report = await completionReport({
      db,
      actor: requireActor(request),
      year: yearOf(request.query.year),
      regionCode: request.query.regionCode,
      lang: lang(request),
    });
    const data = await completionWorkbook(report, { lang: lang(request), now: clock() });
    const fileName =
      lang(request) === 'en'
        ? `completion-${report.year}-${report.regionCode ?? 'all'}.xlsx`
        : `目标任务完成情况-${report.year}-${report.regionName ?? '全部'}.xlsx`;
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachmentName(fileName))
      .header('cache-control', 'no-store')
      .send(data);
  });

  r.get('/api/reports/rehab', { schema: { tags, querystring: yearRegionQuery } }, async (request) =>
    rehabReport({
      db,
      actor: requireActor(request),
      year: yearOf(request.query.year),
      regionCode: request.query.regionCode,
    }),
  );
}
