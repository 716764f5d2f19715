import type { DisabilityCategory, DisabilityComponent, DisabilityGrade, PersonStatus } from '@huican/core';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_ACTIONS, type CertificateAction, type CertificateFilter } from '../../api/types';

/** The relations a household member may have to the head; the server takes any short text. */
export const HOUSEHOLD_RELATIONS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'other',
] as const;
const ALL_RELATIONS = ['head', ...HOUSEHOLD_RELATIONS] as const;
type Relation = (typeof ALL_RELATIONS)[number];

export const categoryName = (t: TFunction, category: DisabilityCategory | number) =>
  t(`registry.categories.${String(category) as `${DisabilityCategory}`}`);

export const gradeName = (t: TFunction, grade: DisabilityGrade | number) =>
  t(`registry.grades.${String(grade) as `${DisabilityGrade}`}`);

/** "肢体二级" / "Physical, grade 2"; empty without a category. */
export function disabilityText(
  t: TFunction,
  category: number | null | undefined,
  grade: number | null | undefined,
): string {
  if (!category || !grade) return '';
  return t('registry.disability', { category: categoryName(t, category), grade: gradeName(t, grade) });
}

/** The components of a multiple disability: "视力二级、肢体三级". */
export function componentsText(t: TFunction, components: DisabilityComponent[] | null | undefined): string {
  return (components ?? []).map((c) => disabilityText(t, c.category, c.grade)).join(t('common.listSeparator'));
}

export const relationName = (t: TFunction, relation: string | null | undefined) =>
  relation && (ALL_RELATIONS as readonly string[]).includes(relation)
    ? t(`registry.relations.${relation as Relation}`)
    : (relation ?? '');

export const certificateActionName = (t: TFunction, action: string) =>
  (CERTIFICATE_ACTIONS as readonly string[]).includes(action)
    ? t(`registry.certActions.${action as CertificateAction}`)
    : action;

/** Solid tags (white text on the theme's AA colours) as on the users screen; no colour = a plain grey tag. */
function StatusTag({ color, children }: { color: string | null; children: string }) {
  return color ? (
    <Tag color={color} variant="solid">
      {children}
    </Tag>
  ) : (
    <Tag>{children}</Tag>
  );
}

const CERT_STATUS_COLORS: Record<CertificateFilter, string | null> = {
  valid: 'success',
  expiring: 'warning',
  expired: 'error',
  frozen: 'processing',
  cancelled: null,
  none: null,
};

/** The certificate's status in words; the colour only repeats what the text says. */
export function CertificateStatusTag({ status }: { status: CertificateFilter }) {
  const { t } = useTranslation();
  return <StatusTag color={CERT_STATUS_COLORS[status]}>{t(`registry.certStatus.${status}`)}</StatusTag>;
}

const PERSON_STATUS_COLORS: Record<PersonStatus, string | null> = {
  active: 'success',
  deceased: null,
  moved_out: 'warning',
  cancelled: 'error',
};

export function PersonStatusTag({ status }: { status: PersonStatus }) {
  const { t } = useTranslation();
  return <StatusTag color={PERSON_STATUS_COLORS[status]}>{t(`registry.personStatus.${status}`)}</StatusTag>;
}

/** A null, blank or missing value shows as a dash rather than an empty cell. */
export const orDash = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : value;
