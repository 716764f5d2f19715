import { PERMISSIONS, type Role } from '@huican/core';

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
  /** 项目管理: the catalogue, rules, standards, budgets and targets (read). */
  programs: PERMISSIONS['programs.read'],
  /** Editing the catalogue and the rules. */
  programsWrite: PERMISSIONS['programs.write'],
  /** Standards, budgets, township targets and the rule preview. */
  programsPlan: PERMISSIONS['programs.plan'],
  /** 申请审批: the inbox, the overdue list and application details. */
  applications: PERMISSIONS['applications.read'],
  /** Filing an application for a person of the registry; adding its documents. */
  applicationsFile: PERMISSIONS['applications.file'],
  /** Placing a service application at an institution. */
  placements: ['admin', 'officer'],
  /** Recording a service delivered to a placed person. */
  placementServices: ['admin', 'officer', 'institution'],
  /** 定点机构 (the list is readable by everyone who reads programmes). */
  institutions: PERMISSIONS['programs.read'],
  institutionsWrite: PERMISSIONS['institutions.write'],
  /** 精准康复: assessments, plans and their service records (read; institution users their own part). */
  rehab: PERMISSIONS['rehab.read'],
  /** Recording assessments, plans and services; closing plans. */
  rehabWrite: PERMISSIONS['rehab.write'],
  /** 统计报表: completion, rehabilitation and registry statistics (the funds tab needs payments.read too). */
  reports: PERMISSIONS['persons.read'],
} as const satisfies Record<string, readonly Role[]>;

export type Screen = keyof typeof SCREEN_ROLES;

export const canOpen = (role: Role, allowed: readonly Role[]) => allowed.includes(role);

/** Whether `role` may use `screen` (a screen or an action of SCREEN_ROLES). */
export const can = (role: Role, screen: Screen) => canOpen(role, SCREEN_ROLES[screen]);

export const isAdmin = (role: Role | undefined) => role === 'admin';
