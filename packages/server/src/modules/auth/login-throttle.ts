// Sign-in rate limit per client address. Only failed attempts count: an office behind one NAT
// address signing in twenty colleagues is never slowed, while password guessing across many
// usernames (which the per-account lockout cannot see) is stopped at the limit per minute.

const WINDOW_MS = 60_000;
const MAX_TRACKED_ADDRESSES = 50_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly maxFailuresPerMinute: number) {}

  /** True when the address has used up its failed attempts in the last minute. */
  isBlocked(address: string, now: Date): boolean {
    return this.recent(address, now).length >= this.maxFailuresPerMinute;
  }

  recordFailure(address: string, now: Date): void {
    const list = this.recent(address, now);
    list.push(now.getTime());
    this.failures.delete(address); // re-insert: the map's order is least recently failed first
    this.failures.set(address, list);
    if (this.failures.size > MAX_TRACKED_ADDRESSES) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(address: string, now: Date): number[] {
    const since = now.getTime() - WINDOW_MS;
    const list = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (list.length === 0) this.failures.delete(address);
    return list;
  }
}
