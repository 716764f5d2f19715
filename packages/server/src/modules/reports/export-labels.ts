import { type AgeGroup, CATEGORY_NAMES, type DisabilityCategory } from '@huican/core';
import type { Lang } from '../../i18n/messages.js';

// Labels shared by the report exports (rehab, funds and registry workbooks, the Word summary).

/** '青禾县（341599000000）', or "all regions" for the whole database. */
export function regionLabel(code: string | null, name: string | null, lang: Lang): string {
  if (!code) return lang === 'en' ? 'All regions' : '全部区划';
  return lang === 'en' ? `${name ?? code} (${code})` : `${name ?? ''}（${code}）`;
}

/** A region's name for a file name or a title (its code when it has no name). */
export function regionTitle(code: string | null, name: string | null, lang: Lang): string {
  if (!code) return lang === 'en' ? 'all regions' : '全部区划';
  return name ?? code;
}

/** 视力 / Vision; null: the persons without a (valid) certificate. */
export function categoryLabel(category: number | null, lang: Lang): string {
  if (category === null) return lang === 'en' ? 'No certificate' : '无证';
  const names = CATEGORY_NAMES[category as DisabilityCategory];
  if (!names) return String(category);
  return lang === 'en' ? names.en.charAt(0).toUpperCase() + names.en.slice(1) : names.zh;
}

const GRADE_ZH = ['一级', '二级', '三级', '四级'];
/** 一级 / Grade 1. */
export function gradeLabel(grade: number, lang: Lang): string {
  return lang === 'en' ? `Grade ${grade}` : (GRADE_ZH[grade - 1] ?? `${grade}级`);
}

const AGE_GROUP_LABELS: Record<AgeGroup, { zh: string; en: string }> = {
  '0-6': { zh: '0–6岁', en: '0–6' },
  '7-17': { zh: '7–17岁', en: '7–17' },
  '18-59': { zh: '18–59岁', en: '18–59' },
  '60+': { zh: '60岁及以上', en: '60 and over' },
};
export function ageGroupLabel(group: AgeGroup, lang: Lang): string {
  return AGE_GROUP_LABELS[group][lang];
}

/** '2026年1月1日' / '1 January 2026'. */
export function dayLabel(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (lang === 'en') {
    const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `${d} ${month} ${y}`;
  }
  return `${y}年${m}月${d}日`;
}

/** '2026年1月1日至6月30日' / '1 January 2026 to 30 June 2026' (both days included). */
export function periodLabel(from: string, to: string, lang: Lang): string {
  if (lang === 'en') return `${dayLabel(from, lang)} to ${dayLabel(to, lang)}`;
  const end = from.slice(0, 4) === to.slice(0, 4) ? dayLabel(to, lang).replace(/^\d+年/, '') : dayLabel(to, lang);
  return `${dayLabel(from, lang)}至${end}`;
}

/** Integer fen as yuan with thousands separators and two decimals: 123456 → '1,234.56'. */
export function yuan(cents: number): string {
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}.${String(abs % 100).padStart(2, '0')}`;
}
