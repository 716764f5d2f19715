import { describe, expect, it } from 'vitest';
import { messages, pickLanguage, translate } from './messages.js';

describe('pickLanguage', () => {
  it('defaults to Chinese', () => {
    expect(pickLanguage(undefined)).toBe('zh');
    expect(pickLanguage('')).toBe('zh');
    expect(pickLanguage('*')).toBe('zh');
    expect(pickLanguage('fr')).toBe('zh');
  });
  it('answers English when English is preferred', () => {
    expect(pickLanguage('en')).toBe('en');
    expect(pickLanguage('en-US,en;q=0.9')).toBe('en');
    expect(pickLanguage('zh-CN;q=0.5, en;q=0.8')).toBe('en');
  });
  it('keeps Chinese when Chinese is preferred', () => {
    expect(pickLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(pickLanguage('en;q=0, zh')).toBe('zh');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('ACCOUNT_LOCKED', 'en', { minutes: 15 })).toContain('15 minutes');
  });
  it('has both languages for every key', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(entry.zh, key).toBeTruthy();
      expect(entry.en, key).toBeTruthy();
    }
  });
});
