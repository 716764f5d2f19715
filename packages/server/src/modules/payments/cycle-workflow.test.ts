import { describe, expect, it } from 'vitest';
import { yuan } from './budget.js';
import { allowedCycleActions, checkCycleTransition } from './cycle-workflow.js';
import { addMonths, monthOf } from './months.js';

describe('checkCycleTransition', () => {
  it('walks draft → submitted → approved → paid with maker and checker roles', () => {
    expect(checkCycleTransition('draft', 'submit', 'officer')).toEqual({ ok: true, to: 'submitted' });
    expect(checkCycleTransition('submitted', 'approve', 'finance')).toEqual({ ok: true, to: 'approved' });
    expect(checkCycleTransition('approved', 'mark_paid', 'admin')).toEqual({ ok: true, to: 'paid' });
  });

  it('tells a role that may never act (403) from an illegal state (409)', () => {
    expect(checkCycleTransition('submitted', 'approve', 'officer')).toEqual({ ok: false, problem: 'ROLE_MAY_NOT' });
    expect(checkCycleTransition('draft', 'submit', 'township')).toEqual({ ok: false, problem: 'ROLE_MAY_NOT' });
    expect(checkCycleTransition('draft', 'approve', 'finance')).toEqual({ ok: false, problem: 'ILLEGAL_TRANSITION' });
    expect(checkCycleTransition('paid', 'cancel', 'admin')).toEqual({ ok: false, problem: 'ILLEGAL_TRANSITION' });
  });

  it('lets only a checker cancel an approved cycle', () => {
    expect(checkCycleTransition('submitted', 'cancel', 'officer').ok).toBe(true);
    expect(checkCycleTransition('approved', 'cancel', 'officer')).toEqual({ ok: false, problem: 'ROLE_MAY_NOT' });
    expect(checkCycleTransition('approved', 'cancel', 'finance').ok).toBe(true);
  });

  it('lists the buttons per state and role', () => {
    expect(allowedCycleActions('draft', 'officer')).toEqual(['submit', 'cancel']);
    expect(allowedCycleActions('approved', 'finance')).toEqual(['mark_paid', 'cancel']);
    expect(allowedCycleActions('paid', 'admin')).toEqual([]);
    expect(allowedCycleActions('submitted', 'auditor')).toEqual([]);
  });
});

describe('months and money', () => {
  it('adds months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-03', -14)).toBe('2025-01');
    expect(monthOf('2026-12')).toEqual({ period: '2026-12', year: 2026, first: '2026-12-01', next: '2027-01-01' });
  });

  it('shows fen as yuan exactly', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(123_456_789)).toBe('1,234,567.89');
    expect(yuan(-2_550)).toBe('-25.50');
  });
});
