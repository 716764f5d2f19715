import { todayInChina } from '@huican/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/auth-hooks.js';
import { pickLanguage } from '../../i18n/messages.js';
import { regionTitle } from './export-labels.js';
import { fundsReport } from './funds-report.js';
import { fundsWorkbook } from './funds-workbook.js';
import { registryStats } from './registry-stats.js';
import { registryWorkbook } from './registry-workbook.js';
import { rehabReport } from './rehab-report.js';
import { rehabWorkbook } from './rehab-workbook.js';
import { attachmentName } from './report-workbook.js';
import { yearRegionQuery } from './reports.schemas.js';
import { fundsReportQuery, registryStatsQuery } from './stats-routes.js';
import { summaryDocx } from './summary-docx.js';
import { workSummary } from './work-summary.js';

// Downloads of the reports: the rehabilitation, funds and registry workbooks (each from the function and
// with the query of its JSON endpoint: same permission, scope, validation and figures) and the half-year or
// yearly work summary as a Word document. completion.xlsx is in routes.ts.

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tags = ['reports'];

export const summaryQuery = z.strictObject({
  /** Default: the current year (China time). */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  /** H1: January–June; year (default): the whole year. */
  period: z.enum(['H1', 'year']).optional(),
  regionCode: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

export function reportExportRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;
  const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);
  const yearOf = (year: number | undefined) => year ?? Number(todayInChina(clock()).slice(0, 4));
  const send = (reply: FastifyReply, type: string, fileName: string, data: Buffer) =>
    reply
      .header('content-type', type)
      .header('content-disposition', attachmentName(fileName))
      .header('cache-control', 'no-store')
      .send(data);

  r.get('/api/reports/rehab.xlsx', { schema: { tags, querystring: yearRegionQuery } }, async (request, reply) => {
    const report = await rehabReport({
      db,
      actor: requireActor(request),
      year: yearOf(request.query.year),
      regionCode: request.query.regionCode,
    });
    const l = lang(request);
    const data = await rehabWorkbook(report, { lang: l, now: clock() });
    const fileName =
      l === 'en'
        ? `rehab-${report.year}-${report.regionCode ?? 'all'}.xlsx`
        : `康复服务情况-${report.year}-${regionTitle(report.regionCode, report.regionName, l)}.xlsx`;
    return send(reply, XLSX_TYPE, fileName, data);
  });

  r.get('/api/reports/funds.xlsx', { schema: { tags, querystring: fundsReportQuery } }, async (request, reply) => {
    const l = lang(request);
    const report = await fundsReport({
      db,
      actor: requireActor(request),
      year: yearOf(request.query.year),
      regionCode: request.query.regionCode,
      lang: l,
    });
    const data = await fundsWorkbook(report, { lang: l, now: clock() });
    const fileName =
      l === 'en'
        ? `funds-${report.year}-${report.regionCode ?? 'all'}.xlsx`
        : `资金执行情况-${report.year}-${regionTitle(report.regionCode, report.regionName, l)}.xlsx`;
    return send(reply, XLSX_TYPE, fileName, data);
  });

  r.get('/api/reports/registry.xlsx', { schema: { tags, querystring: registryStatsQuery } }, async (request, reply) => {
    const l = lang(request);
    const stats = await registryStats({
      db,
      actor: requireActor(request),
      ...request.query,
      today: todayInChina(clock()),
    });
    const data = await registryWorkbook(stats, { lang: l, now: clock() });
    const fileName =
      l === 'en'
        ? `registry-${stats.from}-${stats.to}-${stats.regionCode ?? 'all'}.xlsx`
        : `残疾人基本状况统计-${stats.from}至${stats.to}-${regionTitle(stats.regionCode, stats.regionName, l)}.xlsx`;
    return send(reply, XLSX_TYPE, fileName, data);
  });

  r.get('/api/reports/summary.docx', { schema: { tags, querystring: summaryQuery } }, async (request, reply) => {
    const l = lang(request);
    const now = clock();
    const summary = await workSummary({
      db,
      actor: requireActor(request),
      year: yearOf(request.query.year),
      period: request.query.period ?? 'year',
      regionCode: request.query.regionCode,
      lang: l,
      today: todayInChina(now),
    });
    const data = await summaryDocx(summary, { lang: l, now });
    const fileName =
      l === 'en'
        ? `work-summary-${summary.year}-${summary.period}-${summary.regionCode ?? 'all'}.docx`
        : `${regionTitle(summary.regionCode, summary.regionName, l)}${summary.year}年${summary.period === 'H1' ? '上半年' : '度'}工作数据汇总.docx`;
    return send(reply, DOCX_TYPE, fileName, data);
  });
}
