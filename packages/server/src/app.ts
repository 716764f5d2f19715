import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/client.js';
import { AppError } from './errors.js';
import { registerAuthHooks } from './http/auth-hooks.js';
import { registerErrorHandling, sendError } from './http/error-handler.js';
import { redactUrl } from './http/log-redaction.js';
import { applicationRoutes } from './modules/applications/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { householdRoutes } from './modules/households/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { institutionRoutes } from './modules/institutions/routes.js';
import { jobHandlers } from './modules/jobs/handlers.js';
import { JobRunner } from './modules/jobs/job-runner.js';
import { jobRoutes } from './modules/jobs/routes.js';
import { bankRoutes } from './modules/payments/bank-routes.js';
import { paymentRoutes } from './modules/payments/routes.js';
import { personRoutes } from './modules/persons/routes.js';
import { portalRoutes } from './modules/portal/routes.js';
import { programRoutes } from './modules/programs/routes.js';
import { regionRoutes } from './modules/regions/routes.js';
import { rehabRoutes } from './modules/rehab/routes.js';
import { reportExportRoutes } from './modules/reports/export-routes.js';
import { reportRoutes } from './modules/reports/routes.js';
import { reportStatsRoutes } from './modules/reports/stats-routes.js';
import { userRoutes } from './modules/users/routes.js';

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  /** The time, injectable so that tests can move it (session expiry, lockout). */
  clock: () => Date;
  jobRunner: JobRunner;
};

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

export type BuildAppOptions = {
  config: Config;
  database: DatabaseHandle;
  clock?: () => Date;
  /** Tests run jobs themselves (`app.deps.jobRunner.runOnce()`); the server starts the poller. */
  startJobRunner?: boolean;
  logger?: boolean;
};

// Personal data never reaches the logs: request bodies are not logged, and these headers are cut.
const REDACT = ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'];

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: REDACT,
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactUrl(req.url),
                remoteAddress: req.ip,
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  });
  const clock = options.clock ?? (() => new Date());
  const jobRunner = new JobRunner({
    db: database.db,
    handlers: jobHandlers,
    log: app.log,
    now: clock,
    singleInstance: database.kind === 'pglite',
  });
  app.decorate('deps', { config, database, clock, jobRunner });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its CSS-in-JS into <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Huican 惠残 API', version: '0.1.0', description: 'See docs/api.md' },
    },
    transform: jsonSchemaTransform,
  });

  registerAuthHooks(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  healthRoutes(app);
  authRoutes(app);
  userRoutes(app);
  regionRoutes(app);
  auditRoutes(app);
  jobRoutes(app);
  personRoutes(app);
  householdRoutes(app);
  programRoutes(app);
  institutionRoutes(app);
  applicationRoutes(app);
  rehabRoutes(app);
  paymentRoutes(app);
  bankRoutes(app);
  importRoutes(app);
  reportRoutes(app);
  reportStatsRoutes(app);
  reportExportRoutes(app);
  portalRoutes(app);
  registerWeb(app, config.webDist);

  app.addHook('onClose', async () => {
    await jobRunner.stop();
  });
  if (options.startJobRunner) {
    app.addHook('onReady', async () => {
      await jobRunner.start();
    });
  }
  return app;
}

/** Serves the built web app; every non-API path falls back to index.html (client-side routes). */
function registerWeb(app: FastifyInstance, webDist: string) {
  const indexFile = path.join(webDist, 'index.html');
  if (!fs.existsSync(indexFile)) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>惠残</title></head><body><main><h1>惠残</h1><p>网页端尚未构建：请运行 <code>npm run build</code>（npm start 会自动构建）。The web app is not built: run <code>npm run build</code>.</p></main></body></html>',
        ),
    );
    return;
  }
  app.register(fastifyStatic, { root: webDist, index: false, wildcard: false, maxAge: '1h' });
  const sendIndex = (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
  app.get('/', sendIndex);
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(request, reply, new AppError('ROUTE_NOT_FOUND', 404));
    return sendIndex(request, reply);
  });
}
