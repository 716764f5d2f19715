import type { FieldErrors } from '../../errors.js';

/** Bank card and account numbers of Chinese banks: 12–30 digits once spaces are removed (16–19 for cards). */
const BANK_ACCOUNT = /^\d{12,30}$/;

/** Spaces (as printed on cards, "6228 4800 …") removed; null for an empty value. */
export function normalizeBankAccount(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  const account = raw.replace(/[\s\u3000]+/g, '');
  return account === '' ? null : account;
}

/** The account as stored (digits only), or null; a malformed one lands on `field` as bankAccount.FORMAT. */
export function checkedBankAccount(
  raw: string | null | undefined,
  fields: FieldErrors,
  field = 'bankAccount',
): string | null {
  const account = normalizeBankAccount(raw);
  if (account !== null && !BANK_ACCOUNT.test(account)) fields[field] = { key: 'bankAccount.FORMAT' };
  return account;
}

/** A bank name as stored: trimmed, null when empty. */
export function normalizeBankName(raw: string | null | undefined): string | null {
  const name = raw?.trim() ?? '';
  return name === '' ? null : name;
}
