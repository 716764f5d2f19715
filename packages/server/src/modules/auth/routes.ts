import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { requireActor } from '../../http/auth-hooks.js';
import { writeAudit } from '../audit/write-audit.js';
import { changeOwnPassword } from './change-password.js';
import { loginUser } from './login.js';
import { LoginThrottle } from './login-throttle.js';
import { deleteSession, SESSION_COOKIE } from './sessions.js';
import { toUserView } from './user-view.js';

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
});

export function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { config, clock, database } = app.deps;
  const throttle = new LoginThrottle(config.loginRateLimitPerMinute);

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: z.object({ user: userSchema }) },
      },
    },
    async (request, reply) => {
      const now = clock();
      if (throttle.isBlocked(request.ip, now)) throw new AppError('RATE_LIMITED', 429);
      const { token, user } = await loginUser({
        db: database.db,
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: String(request.id),
        now,
        policy: { idleMs: config.sessionIdleMs, absoluteMs: config.sessionAbsoluteMs },
        lockout: { threshold: config.lockoutThreshold, ms: config.lockoutMs },
      }).catch((err: unknown) => {
        if (err instanceof AppError && (err.httpStatus === 401 || err.httpStatus === 423)) {
          throttle.recordFailure(request.ip, now);
        }
        throw err;
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
      });
      return { user };
    },
  );

  r.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const actor = request.actor;
    if (actor) {
      await database.db.transaction(async (tx) => {
        await deleteSession(tx, actor.sessionId);
        await writeAudit(
          tx,
          actor,
          { action: 'auth.logout', entityType: 'user', entityId: actor.userId, regionCode: actor.regionCode },
          clock(),
        );
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  r.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: z.object({ user: userSchema }) } } },
    async (request) => {
      const actor = requireActor(request);
      return {
        user: await toUserView(database.db, {
          id: actor.userId,
          username: actor.username,
          displayName: actor.displayName,
          role: actor.role,
          regionCode: actor.regionCode,
        }),
      };
    },
  );

  r.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) }),
      },
    },
    async (request, reply) => {
      await changeOwnPassword({ db: database.db, actor: requireActor(request), ...request.body, now: clock() });
      return reply.code(204).send();
    },
  );
}
