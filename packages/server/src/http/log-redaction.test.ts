import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

describe('redactUrl', () => {
  it('keeps paths and harmless parameters, hides search values', () => {
    expect(redactUrl('/api/persons?q=341522199001011234&page=2&phone=13800001111')).toBe(
      '/api/persons?q=*&page=2&phone=*',
    );
    expect(redactUrl('/api/health')).toBe('/api/health');
  });
});
