import { type CompletionFigures, formatRate, type RehabFigures } from '@huican/core';
import type { Lang } from '../../i18n/messages.js';
import { yuan } from './export-labels.js';

// The sentences of a work report (工作报告) built from report figures, in the form officers write them:
// "目标任务数 165 人,完成 246 人,完成率 149.09%,超额完成 81 人". Clauses are joined with ',' as in that form.

const SEP = ',';

/** A programme's target and completions; without a target, only what was completed (no rate). */
export function completionSentence(f: CompletionFigures, lang: Lang): string {
  if (lang === 'en') {
    if (f.target === 0) return `Completed ${f.completed} persons (no target set)`;
    const end =
      f.completed > f.target
        ? `exceeded by ${f.exceeded}`
        : f.completed === f.target
          ? 'target met'
          : `short by ${f.target - f.completed}`;
    return `Target ${f.target} persons, completed ${f.completed}, completion rate ${formatRate(f.rate)}%, ${end}`;
  }
  if (f.target === 0) return `完成 ${f.completed} 人(未下达目标任务)`;
  const end =
    f.completed > f.target
      ? `超额完成 ${f.exceeded} 人`
      : f.completed === f.target
        ? '完成目标任务'
        : `尚差 ${f.target - f.completed} 人`;
  return [`目标任务数 ${f.target} 人`, `完成 ${f.completed} 人`, `完成率 ${formatRate(f.rate)}%`, end].join(SEP);
}

/** Rehabilitation: needs, served and service rate; device needs, fitted and fitting rate. */
export function rehabSentence(f: RehabFigures, lang: Lang): string {
  if (lang === 'en') {
    const rehab =
      f.needs === 0
        ? 'no rehabilitation needs recorded'
        : `${f.needs} persons with a rehabilitation need, ${f.served} served, service rate ${formatRate(f.serviceRate)}%`;
    const device =
      f.deviceNeeds === 0
        ? 'no assistive-device needs recorded'
        : `${f.deviceNeeds} with an assistive-device need, ${f.deviceFitted} fitted, fitting rate ${formatRate(f.fittingRate)}%`;
    return `${rehab.charAt(0).toUpperCase()}${rehab.slice(1)}; ${device}`;
  }
  const rehab =
    f.needs === 0
      ? '未登记康复需求'
      : [`有康复需求 ${f.needs} 人`, `获得康复服务 ${f.served} 人`, `康复服务率 ${formatRate(f.serviceRate)}%`].join(
          SEP,
        );
  const device =
    f.deviceNeeds === 0
      ? '未登记辅具适配需求'
      : [
          `有辅具适配需求 ${f.deviceNeeds} 人`,
          `已适配 ${f.deviceFitted} 人`,
          `辅具适配率 ${formatRate(f.fittingRate)}%`,
        ].join(SEP);
  return `${rehab};${device}`;
}

/** A programme's money: budget, paid, execution rate, persons paid (`personsLabel`: what the persons are). */
export function fundsSentence(
  f: { budgetCents: number | null; paidCents: number; executionRate: number | null; persons: number },
  o: { lang: Lang; paidLabel?: string; personsLabel?: string },
): string {
  if (o.lang === 'en') {
    const parts = [
      ...(f.budgetCents === null ? [] : [`budget ¥${yuan(f.budgetCents)}`]),
      `${o.paidLabel ?? 'paid'} ¥${yuan(f.paidCents)}`,
      ...(f.executionRate === null ? [] : [`execution rate ${formatRate(f.executionRate)}%`]),
      `${o.personsLabel ?? 'persons paid'} ${f.persons}`,
    ];
    const text = parts.join(', ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  }
  return [
    ...(f.budgetCents === null ? [] : [`预算 ${yuan(f.budgetCents)} 元`]),
    `${o.paidLabel ?? '已发放'} ${yuan(f.paidCents)} 元`,
    ...(f.executionRate === null ? [] : [`资金执行率 ${formatRate(f.executionRate)}%`]),
    `${o.personsLabel ?? '发放'} ${f.persons} 人`,
  ].join(SEP);
}
