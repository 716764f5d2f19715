// Password policy: at least 10 characters drawn from at least 3 of the 4 classes
// (lower case, upper case, digits, other). Common for 等级保护 level 3 and OWASP ASVS L2.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'TOO_FEW_CLASSES' | 'CONTAINS_USERNAME';

export function characterClasses(password: string): number {
  let classes = 0;
  if (/[a-z]/.test(password)) classes++;
  if (/[A-Z]/.test(password)) classes++;
  if (/\d/.test(password)) classes++;
  if (/[^a-zA-Z\d]/.test(password)) classes++;
  return classes;
}

export function checkPassword(password: string, username?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  if (characterClasses(password) < 3) return 'TOO_FEW_CLASSES';
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    return 'CONTAINS_USERNAME';
  }
  return null;
}
