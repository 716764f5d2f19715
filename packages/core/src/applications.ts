// The application workflow (CONTRACT.md, "Programmes, targets, applications"): who may move an application
// from which state to which. The server checks every action against this one table, so the web can show
// exactly the buttons the user may press.
//
//   submitted ──review (township)──▶ reviewed ──approve (county)──▶ approved ──complete──▶ completed
//       │  └──────────────approve (county, straight from submitted)──────▶ ▲
//       ├─ reject ─▶ rejected          (with a reason)
//       ├─ return ─▶ returned ─resubmit─▶ submitted   (with a reason; editable, resubmittable)
//       └─ withdraw ─▶ withdrawn       (also from reviewed and returned)

import { addDays, splitDate } from './calendar.js';
import type { Role } from './roles.js';

export const APPLICATION_STATUSES = [
  'submitted',
  'reviewed',
  'approved',
  'completed',
  'rejected',
  'returned',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** States that block a second application of the same person, programme and year. */
export const BLOCKING_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'reviewed',
  'approved',
  'completed',
  'returned',
];
/** States still waiting for someone's decision (the inboxes and the overdue list). */
export const PENDING_STATUSES: readonly ApplicationStatus[] = ['submitted', 'reviewed'];
/** Enrolled: counts as holding the programme (payments, `programHeld` rules). */
export const HOLDING_STATUSES: readonly ApplicationStatus[] = ['approved', 'completed'];

export const APPLICATION_ACTIONS = [
  'review',
  'approve',
  'reject',
  'return',
  'complete',
  'withdraw',
  'resubmit',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** Actions whose comment is the reason the applicant is told: required. */
export const ACTIONS_NEEDING_COMMENT: readonly ApplicationAction[] = ['reject', 'return'];

const COUNTY: readonly Role[] = ['officer', 'admin'];
const FILERS: readonly Role[] = ['township', 'village', 'officer', 'admin'];

type Transition = { from: readonly ApplicationStatus[]; to: ApplicationStatus; roles: readonly Role[] };

/**
 * One row per (action, who): a township officer may reject or return only while the application is in
 * its own inbox (submitted); the county may do so at either step. `admin` may do anything.
 */
const TRANSITIONS: Record<ApplicationAction, readonly Transition[]> = {
  review: [{ from: ['submitted'], to: 'reviewed', roles: ['township', 'admin'] }],
  approve: [{ from: ['submitted', 'reviewed'], to: 'approved', roles: COUNTY }],
  reject: [
    { from: ['submitted'], to: 'rejected', roles: ['township'] },
    { from: ['submitted', 'reviewed'], to: 'rejected', roles: COUNTY },
  ],
  return: [
    { from: ['submitted'], to: 'returned', roles: ['township'] },
    { from: ['submitted', 'reviewed'], to: 'returned', roles: COUNTY },
  ],
  // Institutions complete the services they deliver (only for their own placements: the server checks).
  complete: [{ from: ['approved'], to: 'completed', roles: [...COUNTY, 'institution'] }],
  withdraw: [{ from: ['submitted', 'reviewed', 'returned'], to: 'withdrawn', roles: FILERS }],
  resubmit: [{ from: ['returned'], to: 'submitted', roles: FILERS }],
};

export type TransitionCheck =
  | { ok: true; to: ApplicationStatus }
  | { ok: false; problem: 'ROLE_MAY_NOT' | 'ILLEGAL_TRANSITION' };

/**
 * ROLE_MAY_NOT (403) when the role may never take this action; ILLEGAL_TRANSITION (409) when it may,
 * but not from the application's current state.
 */
export function checkTransition(status: ApplicationStatus, action: ApplicationAction, role: Role): TransitionCheck {
  const rows = TRANSITIONS[action].filter((t) => t.roles.includes(role));
  if (rows.length === 0) return { ok: false, problem: 'ROLE_MAY_NOT' };
  const row = rows.find((t) => t.from.includes(status));
  return row ? { ok: true, to: row.to } : { ok: false, problem: 'ILLEGAL_TRANSITION' };
}

/** The actions a role may take on an application in this state (the buttons to show). */
export function allowedActions(status: ApplicationStatus, role: Role): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((a) => checkTransition(status, a, role).ok);
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

// ---- time limits -------------------------------------------------------------------------------

/** Each step (township review, county approval) has 10 working days by default (two-subsidy procedure). */
export const DEFAULT_STEP_WORKING_DAYS = 10;

/** Monday–Friday, minus the listed public holidays; `extraWorkdays` are weekend days worked (调休). */
export type WorkCalendar = { holidays?: readonly string[]; extraWorkdays?: readonly string[] };

export function isWorkingDay(date: string, calendar: WorkCalendar = {}): boolean {
  if (calendar.extraWorkdays?.includes(date)) return true;
  if (calendar.holidays?.includes(date)) return false;
  const { year, month, day } = splitDate(date);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The due date of a step started on `start`: the `days`-th working day after it (the start day itself
 * does not count, as in administrative time limits). With 0 days the step is due on the start day.
 */
export function addWorkingDays(start: string, days: number, calendar: WorkCalendar = {}): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Not a number of working days: ${days}`);
  let date = start;
  let left = days;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) left -= 1;
  }
  return date;
}

/** The status whose step has a time limit, and so a due date; the others have none. */
export function stepHasTimeLimit(status: ApplicationStatus): boolean {
  return PENDING_STATUSES.includes(status);
}
