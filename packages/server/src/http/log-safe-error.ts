// Errors as they may appear in logs: no personal data. A failed query's error (Drizzle's
// DrizzleQueryError) carries the SQL and its parameters — names, ID numbers — in its message, so
// only the database's own error (code, message, constraint) and the stack's first frames are kept.

type ErrorLike = {
  name?: string;
  message?: string;
  code?: string;
  stack?: string;
  cause?: unknown;
  constraint_name?: string;
  constraint?: string;
};

export function logSafeError(err: unknown): Record<string, unknown> {
  const e = (err ?? {}) as ErrorLike;
  const cause = e.cause as ErrorLike | undefined;
  const fromQuery = e.name === 'DrizzleQueryError' || /^Failed query:/.test(e.message ?? '');
  const source = fromQuery && cause ? cause : e;
  return {
    type: e.name ?? typeof err,
    code: source.code ?? e.code,
    message: fromQuery && !cause ? 'query failed' : truncate(source.message),
    constraint: source.constraint_name ?? source.constraint,
    // Only the frames: the stack's head repeats the message, parameters included.
    stack: e.stack
      ?.split('\n')
      .filter((line) => line.trimStart().startsWith('at '))
      .slice(0, 5)
      .join('\n'),
  };
}

function truncate(message: string | undefined): string | undefined {
  if (!message) return message;
  const cut = message.indexOf('\nparams:');
  return (cut >= 0 ? message.slice(0, cut) : message).slice(0, 300);
}
