import { completionFigures, rehabFigures } from '@huican/core';
import { describe, expect, it } from 'vitest';
import { yuan } from './export-labels.js';
import { completionSentence, fundsSentence, rehabSentence } from './summary-sentences.js';

describe('completionSentence', () => {
  it('reads like the work report', () => {
    expect(completionSentence(completionFigures(165, 246), 'zh')).toBe(
      '目标任务数 165 人,完成 246 人,完成率 149.09%,超额完成 81 人',
    );
    expect(completionSentence(completionFigures(1120, 4120), 'zh')).toBe(
      '目标任务数 1120 人,完成 4120 人,完成率 367.86%,超额完成 3000 人',
    );
    expect(completionSentence(completionFigures(165, 246), 'en')).toBe(
      'Target 165 persons, completed 246, completion rate 149.09%, exceeded by 81',
    );
  });
  it('says what is missing below the target, and that an exact target is met', () => {
    expect(completionSentence(completionFigures(200, 150), 'zh')).toBe(
      '目标任务数 200 人,完成 150 人,完成率 75.00%,尚差 50 人',
    );
    expect(completionSentence(completionFigures(200, 150), 'en')).toContain('short by 50');
    expect(completionSentence(completionFigures(146, 146), 'zh')).toBe(
      '目标任务数 146 人,完成 146 人,完成率 100.00%,完成目标任务',
    );
  });
  it('has no rate without a target', () => {
    expect(completionSentence(completionFigures(0, 3), 'zh')).toBe('完成 3 人(未下达目标任务)');
    expect(completionSentence(completionFigures(0, 0), 'en')).toBe('Completed 0 persons (no target set)');
  });
});

describe('rehabSentence', () => {
  it('gives both rates, or says no need was recorded', () => {
    const f = rehabFigures({ needs: 3, served: 2, deviceNeeds: 2, deviceFitted: 1 });
    expect(rehabSentence(f, 'zh')).toBe(
      '有康复需求 3 人,获得康复服务 2 人,康复服务率 66.67%;有辅具适配需求 2 人,已适配 1 人,辅具适配率 50.00%',
    );
    expect(rehabSentence(rehabFigures({ needs: 0, served: 0, deviceNeeds: 0, deviceFitted: 0 }), 'zh')).toBe(
      '未登记康复需求;未登记辅具适配需求',
    );
    expect(rehabSentence(f, 'en')).toMatch(/^3 persons with a rehabilitation need, 2 served, service rate 66\.67%;/);
  });
});

describe('fundsSentence', () => {
  it('gives the budget and rate only when there is a budget', () => {
    expect(
      fundsSentence({ budgetCents: 210_000, paidCents: 126_000, executionRate: 60, persons: 2 }, { lang: 'zh' }),
    ).toBe('预算 2,100.00 元,已发放 1,260.00 元,资金执行率 60.00%,发放 2 人');
    expect(fundsSentence({ budgetCents: null, paidCents: 5, executionRate: null, persons: 1 }, { lang: 'en' })).toBe(
      'Paid ¥0.05, persons paid 1',
    );
  });
  it('writes yuan from fen exactly', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(123_456_789)).toBe('1,234,567.89');
    expect(yuan(-1_05)).toBe('-1.05');
  });
});
