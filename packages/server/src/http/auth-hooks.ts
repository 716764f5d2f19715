import { isRole } from '@huican/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import { lookupSession, SESSION_COOKIE } from '../modules/auth/sessions.js';
import type { Actor } from './actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionState: 'none' | 'expired' | 'active';
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request protection for browsers: the session cookie is SameSite=Lax, and an unsafe
 * request that carries an Origin (every browser sends one) must come from this site. Clients
 * without Origin (curl, scripts) are not browsers and are let through, as the contract requires.
 */
export function isCrossSite(request: FastifyRequest, allowedOrigins: string[]): boolean {
  if (!UNSAFE.has(request.method)) return false;
  if (request.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = request.headers.origin;
  if (!origin) return false;
  if (allowedOrigins.includes(origin)) return false;
  try {
    return new URL(origin).host !== request.headers.host;
  } catch {
    return true;
  }
}

/**
 * API routes open without a session. Every other /api route refuses an anonymous request with 401
 * before its input is even validated (an anonymous caller learns nothing from a 400).
 */
export const PUBLIC_API_ROUTES: ReadonlySet<string> = new Set([
  '/api/health',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/openapi.json',
  '/api/portal/services',
  '/api/portal/services/:code',
]);

export function registerAuthHooks(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionState', 'none');
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const { config, clock, database } = app.deps;
    if (isCrossSite(request, config.allowedOrigins)) throw new AppError('CROSS_SITE_REQUEST', 403);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const found = await lookupSession(database.db, token, clock(), {
      idleMs: config.sessionIdleMs,
      absoluteMs: config.sessionAbsoluteMs,
    });
    request.sessionState = found.status;
    if (found.status !== 'active' || !isRole(found.user.role)) return;
    request.actor = {
      userId: found.user.id,
      username: found.user.username,
      displayName: found.user.displayName,
      role: found.user.role,
      regionCode: found.user.regionCode,
      sessionId: found.sessionId,
      ip: request.ip,
      requestId: String(request.id),
    };
  });
  app.addHook('preValidation', async (request) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || PUBLIC_API_ROUTES.has(route)) return;
    requireActor(request);
  });
}

/** The signed-in actor, or 401 (SESSION_EXPIRED when the cookie named a session that ran out). */
export function requireActor(request: FastifyRequest): Actor {
  if (request.actor) return request.actor;
  throw new AppError(request.sessionState === 'expired' ? 'SESSION_EXPIRED' : 'UNAUTHENTICATED', 401);
}
