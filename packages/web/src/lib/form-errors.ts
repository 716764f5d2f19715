import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * The form field a server field key stands for: `certificate.number` is the nested field
 * `['certificate', 'number']`, `certificate.components.1.grade` is `['certificate', 'components', 1, 'grade']`.
 */
export function fieldPath(key: string): (string | number)[] {
  return key.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts the server's `error.fields` messages on the matching form fields and returns what is left for a
 * general alert: the error message when no field matched, or null when every problem sits on a field.
 * `fieldNames` are the server's keys, dotted for nested fields (`guardian.phone`); a key under a listed one
 * (`certificate.components.0.grade` under `certificate.components`) goes on the listed field.
 */
export function showServerErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): string | null {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const owner = (key: string) =>
    fieldNames.includes(key)
      ? key
      : fieldNames.find((name) => key.startsWith(`${name}.`) || key.startsWith(`${name}[`));
  const matched: { name: string; message: string }[] = [];
  const unmatched: string[] = [];
  for (const [key, message] of Object.entries(error.fields)) {
    const name = owner(key);
    if (name) matched.push({ name, message });
    else unmatched.push(key);
  }
  if (matched.length > 0) {
    const byField = new Map<string, string[]>();
    for (const { name, message } of matched) byField.set(name, [...(byField.get(name) ?? []), message]);
    form.setFields([...byField].map(([name, errors]) => ({ name: fieldPath(name), errors })));
  }
  return matched.length === 0 || unmatched.length > 0 ? error.message : null;
}
