import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  it('blocks an address after the limit of failures within a minute, then lets it go', () => {
    const throttle = new LoginThrottle(3);
    const t0 = new Date('2026-11-25T10:00:00Z');
    for (let i = 0; i < 3; i++) {
      expect(throttle.isBlocked('10.0.0.1', t0)).toBe(false);
      throttle.recordFailure('10.0.0.1', t0);
    }
    expect(throttle.isBlocked('10.0.0.1', t0)).toBe(true);
    expect(throttle.isBlocked('10.0.0.2', t0)).toBe(false);
    expect(throttle.isBlocked('10.0.0.1', new Date(t0.getTime() + 60_001))).toBe(false);
  });

  it('uses a sliding window', () => {
    const throttle = new LoginThrottle(2);
    const t0 = new Date('2026-11-25T10:00:00Z').getTime();
    throttle.recordFailure('a', new Date(t0));
    throttle.recordFailure('a', new Date(t0 + 40_000));
    expect(throttle.isBlocked('a', new Date(t0 + 59_000))).toBe(true);
    expect(throttle.isBlocked('a', new Date(t0 + 61_000))).toBe(false);
    throttle.recordFailure('a', new Date(t0 + 61_000));
    expect(throttle.isBlocked('a', new Date(t0 + 62_000))).toBe(true);
  });
});
