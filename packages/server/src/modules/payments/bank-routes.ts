import { todayInChina } from '@huican/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { assertCan } from '../../http/actor.js';
import { requireActor } from '../../http/auth-hooks.js';
import { readUpload } from '../../http/upload.js';
import { pickLanguage } from '../../i18n/messages.js';
import { type BankFileFormat, bankFile } from './bank-file.js';
import { createRepayment } from './create-repayment.js';
import { reconcileCycle } from './reconcile-cycle.js';

const idParam = z.object({ id: z.uuid() });
const CONTENT_TYPE: Record<BankFileFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The bank side of payments: disbursement file, the bank's return file, re-payment batches. */
export function bankRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { clock, database } = app.deps;
  const db = database.db;

  for (const format of ['xlsx', 'csv'] as const) {
    r.get(
      `/api/cycles/:id/bank-file.${format}`,
      {
        schema: {
          tags: ['payments'],
          summary: `The bank disbursement file (代发文件) of an approved or paid cycle, as ${format}`,
          params: idParam,
        },
      },
      async (request, reply) => {
        const { stream, fileName, totals } = await bankFile({
          db,
          actor: requireActor(request),
          cycleId: request.params.id,
          format,
          now: clock(),
          log: request.log,
        });
        return reply
          .header('content-type', CONTENT_TYPE[format])
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .header('cache-control', 'no-store')
          .header('x-line-count', String(totals.lines))
          .header('x-total-cents', String(totals.totalCents))
          .header('x-missing-account-count', String(totals.missing))
          .send(stream);
      },
    );
  }

  r.post(
    '/api/cycles/:id/reconciliation',
    {
      schema: {
        tags: ['payments'],
        summary: "Import the bank's return file (回盘): lines marked paid or failed, all or nothing",
        params: idParam,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      assertCan(actor, 'payments.bank');
      const upload = await readUpload(request, { extensions: ['.xlsx', '.csv'] });
      if (!upload) throw new AppError('FILE_REQUIRED', 400);
      const now = clock();
      return reconcileCycle({
        db,
        actor,
        cycleId: request.params.id,
        file: upload.data,
        fileName: upload.fileName,
        now,
        today: todayInChina(now),
        lang: pickLanguage(request.headers['accept-language']),
      });
    },
  );

  r.post(
    '/api/cycles/:id/repayment',
    {
      schema: {
        tags: ['payments'],
        summary: 'A re-payment batch (draft cycle of kind repayment) for the failed lines of a cycle',
        params: idParam,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createRepayment({ db, actor: requireActor(request), cycleId: request.params.id, now: clock() })),
  );
}
