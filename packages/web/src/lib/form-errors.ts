import { useMutation } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import { useState } from 'react';
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

type FormSubmitOptions<V, R> = {
  mutationFn: (variables: V) => Promise<R>;
  onSuccess: (result: R, variables: V) => void;
  /** A server error that belongs as a whole on one field: that field's name, or undefined. */
  fieldFor?: (error: ApiError) => string | undefined;
};

/**
 * A form sent to the server: the server's complaints go on the fields (`fieldNames` as for showServerErrors),
 * what is left becomes `error` for a general alert. `submit` clears `error` and sends.
 */
export function useFormSubmit<V, R>(
  form: FormInstance,
  fieldNames: readonly string[],
  { mutationFn, onSuccess, fieldFor }: FormSubmitOptions<V, R>,
) {
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn,
    onSuccess,
    onError: (cause) => {
      const field = cause instanceof ApiError ? fieldFor?.(cause) : undefined;
      if (field) {
        form.setFields([{ name: field, errors: [cause.message] }]);
        return;
      }
      setError(showServerErrors(form, cause, fieldNames));
    },
  });
  return {
    error,
    clearError: () => setError(null),
    isPending: mutation.isPending,
    submit: (variables: V) => {
      setError(null);
      mutation.mutate(variables);
    },
  };
}

export type FormSubmit = ReturnType<typeof useFormSubmit>;
