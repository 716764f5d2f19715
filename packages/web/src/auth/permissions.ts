import type { Role } from '@huican/core';

/**
 * Which roles may open which screen or use which action. The server enforces the same rules (the PERMISSIONS
 * table of @huican/core); this only shapes the menu, routes and buttons.
 */
export const SCREEN_ROLES = {
  users: ['admin', 'auditor'],
  audit: ['admin', 'auditor'],
  /** 残疾人信息库: reading the registry. */
  persons: ['admin', 'officer', 'finance', 'township', 'village', 'auditor'],
  /** Creating and editing persons, households, status changes, needs and services. */
  personsWrite: ['admin', 'officer', 'township', 'village'],
  /** Setting a deceased, moved-out or cancelled person active again. */
  personsReactivate: ['admin', 'officer'],
  certificates: ['admin', 'officer'],
  personsImport: ['admin', 'officer', 'township'],
  personsExport: ['admin', 'officer', 'township', 'auditor'],
  /** 到期换证 */
  expiringCertificates: ['admin', 'officer', 'township'],
  /** 动态更新 progress */
  surveys: ['admin', 'officer', 'township', 'auditor'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof SCREEN_ROLES;

export const canOpen = (role: Role, allowed: readonly Role[]) => allowed.includes(role);

/** Whether `role` may use `screen` (a screen or an action of SCREEN_ROLES). */
export const can = (role: Role, screen: Screen) => canOpen(role, SCREEN_ROLES[screen]);

export const isAdmin = (role: Role | undefined) => role === 'admin';
