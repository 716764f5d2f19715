import {
  type ApplicationStatus,
  allowedActions,
  type BilingualText,
  maskIdNumber,
  PENDING_STATUSES,
  type Role,
} from '@huican/core';
import type { Lang } from '../../i18n/messages.js';
import { seesUnmasked } from '../persons/person-view.js';

export type ApplicationListRow = {
  id: string;
  personId: string;
  personName: string;
  personIdNumber: string;
  programCode: string;
  programNameZh: string;
  programNameEn: string;
  year: number;
  regionCode: string;
  regionName: string | null;
  status: ApplicationStatus;
  channel: 'counter' | 'online';
  dueOn: string | null;
  autoApproved: boolean;
  appliedOn: string;
  filedAt: Date;
  decidedAt: Date | null;
  completedAt: Date | null;
  version: number;
  eligibility: { eligible: boolean; on: string; reasons: BilingualText[] } | null;
};

/** An application as lists and the detail page show it: masked per role, with the actions the user may take. */
export function toApplicationView(row: ApplicationListRow, o: { role: Role; today: string; lang: Lang }) {
  const overdue = row.dueOn !== null && PENDING_STATUSES.includes(row.status) && row.dueOn < o.today;
  return {
    id: row.id,
    personId: row.personId,
    personName: row.personName,
    personIdNumber: seesUnmasked(o.role) ? row.personIdNumber : maskIdNumber(row.personIdNumber),
    programCode: row.programCode,
    programName: o.lang === 'en' ? row.programNameEn : row.programNameZh,
    year: row.year,
    regionCode: row.regionCode,
    regionName: row.regionName,
    status: row.status,
    channel: row.channel,
    dueOn: row.dueOn,
    overdue,
    autoApproved: row.autoApproved,
    appliedOn: row.appliedOn,
    filedAt: row.filedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    version: row.version,
    eligibility: row.eligibility
      ? {
          eligible: row.eligibility.eligible,
          on: row.eligibility.on,
          reasons: row.eligibility.reasons.map((r) => r[o.lang]),
        }
      : null,
    allowedActions: allowedActions(row.status, o.role),
  };
}
