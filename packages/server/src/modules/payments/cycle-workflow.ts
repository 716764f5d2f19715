import { can, type Permission, type Role } from '@huican/core';
import type { CYCLE_STATUSES } from '../../db/schema/payments.js';
import type { CycleAction } from './payments.schemas.js';

export type CycleStatus = (typeof CYCLE_STATUSES)[number];

type Transition = { from: readonly CycleStatus[]; to: CycleStatus; permissions: readonly Permission[] };

/**
 * Maker-checker: the county generates and submits (payments.create), finance or admin approves another
 * user's cycle (payments.approve) and marks it paid (payments.approve or payments.bank). A cycle is
 * cancelled before payment; an approved one only by a user who could have approved it.
 */
const TRANSITIONS: Record<CycleAction, Transition> = {
  submit: { from: ['draft'], to: 'submitted', permissions: ['payments.create'] },
  approve: { from: ['submitted'], to: 'approved', permissions: ['payments.approve'] },
  mark_paid: { from: ['approved'], to: 'paid', permissions: ['payments.approve', 'payments.bank'] },
  cancel: { from: ['draft', 'submitted', 'approved'], to: 'cancelled', permissions: ['payments.create'] },
};

export type CycleTransitionCheck =
  | { ok: true; to: CycleStatus }
  | { ok: false; problem: 'ROLE_MAY_NOT' | 'ILLEGAL_TRANSITION' };

export function checkCycleTransition(status: CycleStatus, action: CycleAction, role: Role): CycleTransitionCheck {
  const t = TRANSITIONS[action];
  if (!t.permissions.some((p) => can(role, p))) return { ok: false, problem: 'ROLE_MAY_NOT' };
  if (!t.from.includes(status)) return { ok: false, problem: 'ILLEGAL_TRANSITION' };
  if (action === 'cancel' && status === 'approved' && !can(role, 'payments.approve')) {
    return { ok: false, problem: 'ROLE_MAY_NOT' };
  }
  return { ok: true, to: t.to };
}

/** The actions a role may take on a cycle in this state (the buttons to show; SAME_USER not included). */
export function allowedCycleActions(status: CycleStatus, role: Role): CycleAction[] {
  return (Object.keys(TRANSITIONS) as CycleAction[]).filter((a) => checkCycleTransition(status, a, role).ok);
}
