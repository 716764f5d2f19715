import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  addWorkingDays,
  allowedActions,
  checkTransition,
  isWorkingDay,
} from './applications.js';
import { ROLES } from './roles.js';

describe('checkTransition', () => {
  it('follows the contract’s happy path', () => {
    expect(checkTransition('submitted', 'review', 'township')).toEqual({ ok: true, to: 'reviewed' });
    expect(checkTransition('reviewed', 'approve', 'officer')).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition('approved', 'complete', 'officer')).toEqual({ ok: true, to: 'completed' });
  });

  it('lets the county approve straight from submitted', () => {
    expect(checkTransition('submitted', 'approve', 'officer')).toEqual({ ok: true, to: 'approved' });
    expect(checkTransition('submitted', 'approve', 'admin')).toEqual({ ok: true, to: 'approved' });
  });

  it('refuses a role that may never take the action (403), whatever the state', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(checkTransition(status, 'approve', 'township')).toEqual({ ok: false, problem: 'ROLE_MAY_NOT' });
      expect(checkTransition(status, 'review', 'auditor')).toEqual({ ok: false, problem: 'ROLE_MAY_NOT' });
      expect(checkTransition(status, 'withdraw', 'finance')).toEqual({ ok: false, problem: 'ROLE_MAY_NOT' });
    }
  });

  it('refuses an action from the wrong state (409)', () => {
    expect(checkTransition('approved', 'approve', 'officer')).toEqual({ ok: false, problem: 'ILLEGAL_TRANSITION' });
    expect(checkTransition('completed', 'withdraw', 'officer')).toEqual({
      ok: false,
      problem: 'ILLEGAL_TRANSITION',
    });
    expect(checkTransition('rejected', 'resubmit', 'township')).toEqual({ ok: false, problem: 'ILLEGAL_TRANSITION' });
    // the township's own step is over once it reviewed
    expect(checkTransition('reviewed', 'reject', 'township')).toEqual({ ok: false, problem: 'ILLEGAL_TRANSITION' });
    expect(checkTransition('reviewed', 'reject', 'officer')).toEqual({ ok: true, to: 'rejected' });
  });

  it('ends in rejected, withdrawn and completed: no action leaves them', () => {
    for (const status of ['rejected', 'withdrawn', 'completed'] as const) {
      for (const role of ROLES) expect(allowedActions(status, role)).toEqual([]);
    }
  });

  it('lets admin take every action that exists from each state', () => {
    for (const status of APPLICATION_STATUSES) {
      const anyone = APPLICATION_ACTIONS.filter((a) => ROLES.some((r) => checkTransition(status, a, r).ok));
      expect(allowedActions(status, 'admin')).toEqual(anyone);
    }
  });

  it('gives read-only roles no buttons', () => {
    for (const status of APPLICATION_STATUSES) {
      expect(allowedActions(status, 'auditor')).toEqual([]);
      expect(allowedActions(status, 'finance')).toEqual([]);
    }
  });
});

describe('working days', () => {
  it('skips weekends', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28')).toBe(false);
    expect(isWorkingDay('2026-11-29')).toBe(false);
    // Wednesday + 10 working days = two weeks later
    expect(addWorkingDays('2026-11-25', 10)).toBe('2026-12-09');
    // Friday + 1 = Monday
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30');
    // Saturday + 1 = Monday
    expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 0)).toBe('2026-11-28');
  });

  it('honours holidays and worked weekend days', () => {
    const calendar = { holidays: ['2026-10-01', '2026-10-02'], extraWorkdays: ['2026-10-10'] };
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // a Saturday worked
    // Wed 30 Sep + 2: Thu 1 Oct and Fri 2 Oct are holidays → Mon 5, Tue 6
    expect(addWorkingDays('2026-09-30', 2, calendar)).toBe('2026-10-06');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays('2026-11-25', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-25', 1.5)).toThrow(RangeError);
  });
});
