import { ROOT_REGION_CODE, type Role, regionLevel } from '@huican/core';
import { fieldError } from '../../errors.js';

/** The level of region each role sits at: township staff in a township, village staff in a village. */
export function assertRoleFitsRegion(role: Role, regionCode: string): void {
  const level = regionCode === ROOT_REGION_CODE ? 'root' : regionLevel(regionCode);
  const allowed: Record<Role, readonly (string | null)[]> = {
    admin: ['root', 'county'],
    auditor: ['root', 'county'],
    officer: ['county'],
    finance: ['county'],
    township: ['township'],
    village: ['village'],
    institution: ['county', 'township', 'village'],
  };
  if (!allowed[role].includes(level)) {
    throw fieldError('regionCode', 'user.REGION_LEVEL', { allowed: allowed[role].join(', ') });
  }
}
