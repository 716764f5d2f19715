import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  allowedActions,
  type Role,
} from '@huican/core';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<ApplicationStatus, string | null> = {
  submitted: 'processing',
  reviewed: 'processing',
  approved: 'success',
  completed: 'success',
  rejected: 'error',
  returned: 'warning',
  withdrawn: null,
};

export const statusName = (t: TFunction, status: ApplicationStatus | string) =>
  (APPLICATION_STATUSES as readonly string[]).includes(status)
    ? t(`workflow.status.${status as ApplicationStatus}`)
    : status;

/** The application's status in words; the colour only repeats what the text says. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  const color = STATUS_COLORS[status];
  return color ? (
    <Tag color={color} variant="solid">
      {statusName(t, status)}
    </Tag>
  ) : (
    <Tag>{statusName(t, status)}</Tag>
  );
}

/** "已超期" as text, never as a colour alone. */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="error" variant="solid">
      {t('applications.overdueTag')}
    </Tag>
  );
}

/** The button of an action: 审核通过, 审批通过, 驳回… */
export const actionName = (t: TFunction, action: ApplicationAction) => t(`workflow.action.${action}`);

/** What the history shows for a step: the workflow actions plus filing, 秒批, documents and placement. */
const EVENT_KEYS = ['file', 'auto_approve', 'attach', 'place'] as const;
type EventKey = (typeof EVENT_KEYS)[number];
export function eventName(t: TFunction, action: string): string {
  if ((APPLICATION_ACTIONS as readonly string[]).includes(action)) {
    return t(`workflow.event.${action as ApplicationAction}`);
  }
  if ((EVENT_KEYS as readonly string[]).includes(action)) return t(`workflow.event.${action as EventKey}`);
  return action;
}

/** Error codes the bulk endpoint reports per application, in words. */
const FAILURE_CODES = [
  'ILLEGAL_TRANSITION',
  'FORBIDDEN',
  'NOT_ELIGIBLE',
  'APPLICATION_NOT_FOUND',
  'PERSON_NOT_FOUND',
  'PROGRAM_NOT_FOUND',
  'VALIDATION',
  'INTERNAL_ERROR',
] as const;
type FailureCode = (typeof FAILURE_CODES)[number];
export const failureText = (t: TFunction, code: string) =>
  (FAILURE_CODES as readonly string[]).includes(code)
    ? t(`workflow.failure.${code as FailureCode}`)
    : t('workflow.failure.other', { code });

/** The inbox's bulk actions this role may take from some state. */
const BULK_ACTIONS: readonly ApplicationAction[] = ['review', 'approve', 'return', 'reject'];
export const bulkActionsFor = (role: Role): ApplicationAction[] =>
  BULK_ACTIONS.filter((action) => APPLICATION_STATUSES.some((status) => allowedActions(status, role).includes(action)));

/** What each role's inbox shows unless the user picks other statuses. */
export function defaultStatuses(role: Role): ApplicationStatus[] {
  if (role === 'township') return ['submitted'];
  if (role === 'officer' || role === 'admin') return ['submitted', 'reviewed'];
  return [];
}
