import { todayInChina } from '@huican/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { assertCan } from '../../http/actor.js';
import { requireActor } from '../../http/auth-hooks.js';
import { readUpload } from '../../http/upload.js';
import { pickLanguage } from '../../i18n/messages.js';
import { getProgram } from './get-program.js';
import { importTargets } from './import-targets.js';
import { listPrograms } from './list-programs.js';
import { listTargets } from './list-targets.js';
import { previewRule } from './preview-rule.js';
import {
  budgetBody,
  previewBody,
  programCodeParam,
  programYearParams,
  ruleBody,
  standardBody,
  targetsBody,
  targetsTemplateQuery,
  updateProgramBody,
} from './programs.schemas.js';
import { setBudget } from './set-budget.js';
import { setStandard } from './set-standard.js';
import { setTargets } from './set-targets.js';
import { resetYearRule, setYearRule } from './set-year-rule.js';
import { targetsTemplate } from './targets-template.js';
import { updateProgram } from './update-program.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tags = ['programs'];

export function programRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;
  const lang = (request: FastifyRequest) => pickLanguage(request.headers['accept-language']);

  r.get('/api/programs', { schema: { tags } }, async (request) => {
    requireActor(request);
    return listPrograms({ db, lang: lang(request) });
  });

  // Static before parametric: Fastify matches this path before /api/programs/:code.
  r.get(
    '/api/programs/targets-template.xlsx',
    { schema: { tags, querystring: targetsTemplateQuery } },
    async (request, reply) => {
      const data = await targetsTemplate({ db, actor: requireActor(request), ...request.query });
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('目标任务导入模板.xlsx')}`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  r.get('/api/programs/:code', { schema: { tags, params: programCodeParam } }, async (request) =>
    getProgram({ db, actor: requireActor(request), code: request.params.code, lang: lang(request) }),
  );

  r.patch(
    '/api/programs/:code',
    { schema: { tags, params: programCodeParam, body: updateProgramBody } },
    async (request) =>
      updateProgram({
        db,
        actor: requireActor(request),
        code: request.params.code,
        input: request.body,
        lang: lang(request),
        now: clock(),
      }),
  );

  r.put(
    '/api/programs/:code/rules/:year',
    { schema: { tags, params: programYearParams, body: ruleBody } },
    async (request) =>
      setYearRule({
        db,
        actor: requireActor(request),
        ...request.params,
        rule: request.body.rule,
        lang: lang(request),
        now: clock(),
      }),
  );

  r.delete('/api/programs/:code/rules/:year', { schema: { tags, params: programYearParams } }, async (request) =>
    resetYearRule({ db, actor: requireActor(request), ...request.params, lang: lang(request), now: clock() }),
  );

  r.put(
    '/api/programs/:code/standards/:year',
    { schema: { tags, params: programYearParams, body: standardBody } },
    async (request) =>
      setStandard({ db, actor: requireActor(request), ...request.params, input: request.body, now: clock() }),
  );

  r.put(
    '/api/programs/:code/budgets/:year',
    { schema: { tags, params: programYearParams, body: budgetBody } },
    async (request) =>
      setBudget({
        db,
        actor: requireActor(request),
        ...request.params,
        budgetCents: request.body.budgetCents,
        now: clock(),
      }),
  );

  r.get('/api/programs/:code/targets/:year', { schema: { tags, params: programYearParams } }, async (request) =>
    listTargets({ db, actor: requireActor(request), ...request.params }),
  );

  r.put(
    '/api/programs/:code/targets/:year',
    { schema: { tags, params: programYearParams, body: targetsBody } },
    async (request) =>
      setTargets({ db, actor: requireActor(request), ...request.params, input: request.body, now: clock() }),
  );

  r.post(
    '/api/programs/:code/targets/:year/import',
    { schema: { tags, params: programYearParams, summary: 'Township targets from an xlsx (≤ 1,000 rows)' } },
    async (request) => {
      const actor = requireActor(request);
      assertCan(actor, 'programs.plan'); // before reading the upload
      const upload = await readUpload(request, { extensions: ['.xlsx'] });
      if (!upload) throw new AppError('FILE_REQUIRED', 400);
      return importTargets({
        db,
        actor,
        ...request.params,
        file: upload.data,
        fileName: upload.fileName,
        now: clock(),
      });
    },
  );

  r.post(
    '/api/programs/:code/preview',
    { schema: { tags, params: programCodeParam, body: previewBody } },
    async (request) =>
      previewRule({
        db,
        actor: requireActor(request),
        code: request.params.code,
        year: request.body.year,
        rule: request.body.rule,
        today: todayInChina(clock()),
      }),
  );
}
