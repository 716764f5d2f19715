import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldErrors } from '../errors.js';
import { type Lang, pickLanguage, translate } from '../i18n/messages.js';
import { logSafeError } from './log-safe-error.js';

type ZodIssueLike = { keyword: string; instancePath: string; message: string; params: Record<string, unknown> };

/** Turns one schema issue into a message key the two languages know. */
function issueToField(issue: ZodIssueLike): { key: string; params?: Record<string, unknown> } {
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type':
      if (issue.message.includes('received undefined') || p.input === undefined) return { key: 'field.required' };
      return { key: 'field.type', params: { expected: p.expected } };
    case 'too_small':
      return p.origin === 'string' || p.origin === 'array'
        ? Number(p.minimum) <= 1
          ? { key: 'field.required' }
          : { key: 'field.tooShort', params: { min: p.minimum } }
        : { key: 'field.tooSmall', params: { min: p.minimum } };
    case 'too_big':
      return p.origin === 'string' || p.origin === 'array'
        ? { key: 'field.tooLong', params: { max: p.maximum } }
        : { key: 'field.tooBig', params: { max: p.maximum } };
    case 'invalid_value':
      return { key: 'field.enum', params: { options: ((p.values as unknown[]) ?? []).join(', ') } };
    case 'unrecognized_keys':
      return { key: 'field.unknown' };
    case 'custom':
      if (typeof p.params === 'object' && p.params && 'key' in p.params) {
        return p.params as { key: string; params?: Record<string, unknown> };
      }
      return { key: 'field.invalid' };
    default:
      return { key: 'field.invalid' };
  }
}

export function validationToAppError(issues: ZodIssueLike[]): AppError {
  const fields: FieldErrors = {};
  for (const issue of issues) {
    const base = issue.instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
    const keys =
      issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)
        ? (issue.params.keys as string[]).map((k) => (base ? `${base}.${k}` : k))
        : [base || '_'];
    for (const key of keys) fields[key] ??= issueToField(issue);
  }
  return new AppError('VALIDATION', 400, 'VALIDATION', { fields });
}

function renderError(error: AppError, lang: Lang) {
  const body: Record<string, unknown> = {
    code: error.code,
    message: translate(error.messageKey, lang, error.details.params),
  };
  if (error.details.fields && Object.keys(error.details.fields).length > 0) {
    body.fields = Object.fromEntries(
      Object.entries(error.details.fields).map(([field, f]) => [field, translate(f.key, lang, f.params)]),
    );
  }
  const localized = Object.fromEntries(
    Object.entries(error.details.localized ?? {}).map(([key, texts]) => [key, texts.map((t) => t[lang])]),
  );
  return { error: { ...body, ...error.details.extra, ...localized } };
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: AppError) {
  return reply.code(error.httpStatus).send(renderError(error, pickLanguage(request.headers['accept-language'])));
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) return sendError(request, reply, err);
    if (hasZodFastifySchemaValidationErrors(err)) {
      return sendError(request, reply, validationToAppError(err.validation as unknown as ZodIssueLike[]));
    }
    const status = (err as FastifyError).statusCode ?? 500;
    const code = (err as FastifyError).code;
    if (status === 413 || code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return sendError(
        request,
        reply,
        new AppError('PAYLOAD_TOO_LARGE', 413, 'PAYLOAD_TOO_LARGE', {
          params: { limitMb: Math.round(app.deps.config.uploadLimitBytes / 1048576) },
        }),
      );
    }
    if (status === 429) return sendError(request, reply, new AppError('RATE_LIMITED', 429));
    if (status >= 400 && status < 500) {
      // Malformed JSON, wrong content type and the like: the client's fault, said plainly.
      request.log.info({ err: { code, message: err.message } }, 'client error');
      return sendError(
        request,
        reply,
        new AppError('VALIDATION', 400, 'VALIDATION', { extra: { detail: err.message } }),
      );
    }
    request.log.error({ err: logSafeError(err) }, 'unhandled error');
    return sendError(request, reply, new AppError('INTERNAL', 500));
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('ROUTE_NOT_FOUND', 404)));
}
