import { can, type Permission, type Role } from '@huican/core';
import { AppError } from '../errors.js';

/** Who is acting: the signed-in user plus where the request came from (for the audit log). */
export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  sessionId: string;
  ip: string;
  requestId: string;
};

export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw new AppError('FORBIDDEN', 403);
}

export function assertRole(actor: Actor, roles: readonly Role[]): void {
  if (!roles.includes(actor.role)) throw new AppError('FORBIDDEN', 403);
}
