import { reportRate } from './rate.js';

// 完成率 and 超额 of a target (GLOSSARY.md): rate = completed ÷ target × 100, 2 decimals half-up, none for
// a target of 0; exceeded = completed − target when positive.

export type CompletionFigures = {
  target: number;
  completed: number;
  /** Percent, 2 decimals half-up; null when the target is 0. */
  rate: number | null;
  /** max(0, completed − target). */
  exceeded: number;
};

export function exceededBy(completed: number, target: number): number {
  return Math.max(0, completed - target);
}

export function completionFigures(target: number, completed: number): CompletionFigures {
  return { target, completed, rate: reportRate(completed, target), exceeded: exceededBy(completed, target) };
}
