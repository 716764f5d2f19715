import { checkPassword } from '@huican/core';
import { hash, verify } from '@node-rs/argon2';
import { fieldError } from '../../errors.js';

// argon2id with the library's defaults (19 MiB, 2 passes): OWASP's recommended minimum.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so that a wrong username costs as long as a
// wrong password and response times do not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hash('dummy-password-for-timing-1A!');
  await verifyPassword(await dummyHash, password);
}

/** Throws a 400 on the given field when the password breaks the policy. */
export function assertPasswordPolicy(password: string, username: string | undefined, field = 'password'): void {
  const problem = checkPassword(password, username);
  if (problem) throw fieldError(field, `password.${problem}`);
}
