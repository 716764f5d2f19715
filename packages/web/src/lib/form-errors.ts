import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts the server's `error.fields` messages on the matching form fields and returns what is left for a
 * general alert: the error message when no field matched, or null when every problem sits on a field.
 */
export function showServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const matched = Object.entries(error.fields).filter(([name]) => fieldNames.includes(name));
  if (matched.length > 0) {
    form.setFields(matched.map(([name, message]) => ({ name, errors: [message] })));
  }
  const unmatched = Object.keys(error.fields).filter((name) => !fieldNames.includes(name));
  return matched.length === 0 || unmatched.length > 0 ? error.message : null;
}
