// Roles and what each may do in the foundation. Later capabilities add their own permissions here,
// so that the server and the web menu read one table.

export const ROLES = ['admin', 'officer', 'finance', 'township', 'village', 'institution', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export const PERMISSIONS = {
  'users.read': ['admin', 'auditor'],
  'users.write': ['admin'],
  'regions.read': ROLES,
  'regions.write': ['admin'],
  'audit.read': ['admin', 'auditor'],
  'jobs.read': ROLES,
  'persons.read': ['admin', 'officer', 'finance', 'township', 'village', 'auditor'],
  'persons.write': ['admin', 'officer', 'township', 'village'],
  // A deceased, moved-out or cancelled person is set active again only at county level.
  'persons.reactivate': ['admin', 'officer'],
  // Full ID numbers and phones; everyone else sees them masked.
  'persons.unmasked': ['admin', 'officer', 'township'],
  'persons.import': ['admin', 'officer', 'township'],
  'persons.export': ['admin', 'officer', 'township', 'auditor'],
  'certificates.write': ['admin', 'officer'],
  'needs.write': ['admin', 'officer', 'township', 'village'],
  'programs.read': ROLES,
  // The catalogue itself (names, kinds, auto-approval, rules) is the county administrator's.
  'programs.write': ['admin'],
  // Yearly plans: benefit standards, budgets and township targets.
  'programs.plan': ['admin', 'officer'],
  'applications.read': ['admin', 'officer', 'finance', 'township', 'village', 'institution', 'auditor'],
  // Filing at the counter for a person of the registry; the workflow's own table (applications.ts) says
  // who may take which action.
  'applications.file': ['admin', 'officer', 'township', 'village'],
  'institutions.write': ['admin', 'officer'],
  // Payments: the county generates cycles (maker); finance or admin approves another user's cycle
  // (checker), marks it paid, downloads the bank file and imports the bank's return file.
  'payments.read': ['admin', 'officer', 'finance', 'township', 'auditor'],
  'payments.create': ['admin', 'officer', 'finance'],
  'payments.approve': ['admin', 'finance'],
  'payments.bank': ['admin', 'finance'],
  // Precise rehabilitation (精准康复): assessments, plans and their service records. Institution users only
  // for persons placed with or assessed at their institution (the server checks the link).
  'rehab.read': ['admin', 'officer', 'township', 'village', 'institution', 'auditor'],
  'rehab.write': ['admin', 'officer', 'township', 'institution'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles whose users sit at county level or above (the others sit in a township or village). */
export const COUNTY_ROLES: readonly Role[] = ['admin', 'officer', 'finance', 'auditor'];
