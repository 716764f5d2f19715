import type { Role } from '../api/types';

/** Which roles may open which screen. The server enforces the same rules; this only shapes the menu and routes. */
export const SCREEN_ROLES = {
  users: ['admin', 'auditor'],
  audit: ['admin', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export const canOpen = (role: Role, allowed: readonly Role[]) => allowed.includes(role);

export const isAdmin = (role: Role | undefined) => role === 'admin';
