// The one error type. Use cases throw AppError; the HTTP error handler turns it into the
// contract's body `{"error":{"code","message","fields"?}}` in the request's language.

export type FieldErrors = Record<string, { key: string; params?: Record<string, unknown> }>;

export class AppError extends Error {
  constructor(
    public readonly code: string,
    public readonly httpStatus: number,
    public readonly messageKey: string = code,
    public readonly details: {
      params?: Record<string, unknown>;
      fields?: FieldErrors;
      /** Extra top-level members of the error body (e.g. `reasons`). */
      extra?: Record<string, unknown>;
      /** Extra members in both languages, rendered in the request's (e.g. the `reasons` of NOT_ELIGIBLE). */
      localized?: Record<string, { zh: string; en: string }[]>;
    } = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = (code = 'NOT_FOUND') => new AppError(code, 404);
export const forbidden = () => new AppError('FORBIDDEN', 403);
export const unauthenticated = () => new AppError('UNAUTHENTICATED', 401);

/** A 400 for one or more fields. */
export function invalidFields(fields: FieldErrors): AppError {
  return new AppError('VALIDATION', 400, 'VALIDATION', { fields });
}

export function fieldError(field: string, key: string, params?: Record<string, unknown>): AppError {
  return invalidFields({ [field]: params ? { key, params } : { key } });
}
