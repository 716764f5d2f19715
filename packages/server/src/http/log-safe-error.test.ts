import { describe, expect, it } from 'vitest';
import { logSafeError } from './log-safe-error.js';

describe('logSafeError', () => {
  it('keeps the database error of a failed query and drops its parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "persons_id_number_idx"'), {
      code: '23505',
      constraint_name: 'persons_id_number_idx',
    });
    const err = Object.assign(new Error('Failed query: insert into persons …\nparams: 周冬梅,341599196503150023'), {
      name: 'DrizzleQueryError',
      cause,
    });
    const safe = logSafeError(err);
    expect(JSON.stringify(safe)).not.toContain('341599196503150023');
    expect(JSON.stringify(safe)).not.toContain('周冬梅');
    expect(safe).toMatchObject({ code: '23505', constraint: 'persons_id_number_idx' });
  });

  it('cuts parameters out of any message that carries them', () => {
    const safe = logSafeError(new Error('Failed query: select 1\nparams: 13800001111'));
    expect(JSON.stringify(safe)).not.toContain('13800001111');
  });
});
