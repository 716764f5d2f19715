import { api } from './client';
import type { AuditEntry, Page } from './types';

export type AuditQuery = {
  page: number;
  pageSize: number;
  action?: string;
  username?: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
};

export const listAuditEntries = (query: AuditQuery) => api.get<Page<AuditEntry>>('/api/audit', query);
